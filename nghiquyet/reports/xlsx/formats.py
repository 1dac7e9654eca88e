"""Excel number formats with thousands grouping and the decimals a value needs.

The Vietnamese locale tag ``[$-42A]`` makes LibreOffice print "4.500" and "100,6%" whatever
the computer's language; Excel uses the separators of the regional settings.
"""

from __future__ import annotations

from decimal import Decimal

LOCALE = "[$-42A]"


def number_format(
    value: Decimal | None, *, percent: bool = False, places: int | None = None
) -> str:
    """ "#,##0.0" for 603,8; "#,##0" for 4.500; "#,##0.00" for 362,14 (at most two decimals,
    or exactly ``places``); percentages ("95,27%") with at least one decimal."""
    decimals = places if places is not None else _decimals(value)
    if percent:
        return f"{LOCALE}#,##0.{'0' * max(decimals, 1)}%"
    return f"{LOCALE}#,##0" + (f".{'0' * decimals}" if decimals else "")


def _decimals(value: Decimal | None) -> int:
    if value is None:
        return 0
    exponent = value.normalize().as_tuple().exponent
    return min(max(-exponent, 0), 2) if isinstance(exponent, int) else 0
