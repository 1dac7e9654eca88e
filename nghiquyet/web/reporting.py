"""The reporting cycle: which period an office collects next, and who has not sent figures.

Offices report three times a year — 6 tháng (H1), 9 tháng (9M) and the year — so the next
period of a resolution is the first of those, inside its term, that ends after the latest
period anyone has reported for its scope. A congress term's first year is its baseline: the
cycle starts the year after (2020–2025 → 2021-H1).

Pure: periods in, periods out; the queries that feed it are in :mod:`nghiquyet.web.queries`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date

from nghiquyet.core.periods import Period, PeriodKind, parse_period

CYCLE = ("H1", "9M", "")


def reporting_cycle(term: Period) -> list[Period]:
    """Every period an office reports on during ``term``, in order.

    >>> [p.code for p in reporting_cycle(parse_period("2023"))]
    ['2023-H1', '2023-9M', '2023']
    >>> [p.code for p in reporting_cycle(parse_period("2020-2025"))][:3]
    ['2021-H1', '2021-9M', '2021']
    """
    first = term.year + 1 if term.kind is PeriodKind.TERM else term.year
    periods = []
    for year in range(first, term.last_year + 1):
        for suffix in CYCLE:
            periods.append(parse_period(f"{year}-{suffix}" if suffix else str(year)))
    return periods


def latest(periods: Iterable[Period]) -> Period | None:
    """The most recent period; of two ending together, the longer (9M before Q3)."""
    ordered = sorted(periods, key=lambda p: (p.end, -p.months))
    return ordered[-1] if ordered else None


def next_period(
    term: Period,
    reported: Mapping[Period, int],
    expected: int = 0,
    today: date | None = None,
) -> Period | None:
    """The period an office is collecting.

    The latest cycle period that has ended by ``today`` and comes after the latest reported
    one — offices report a period once it is over, and a period left incomplete is not still
    "being collected" years later. Failing that, the latest reported period while it is
    incomplete (fewer than ``expected`` indicators have figures), else the next period of the
    cycle; ``None`` once the whole term is reported.

    >>> year = parse_period("2023")
    >>> next_period(year, {parse_period("2023-9M"): 5}, expected=5).code
    '2023'
    >>> next_period(year, {parse_period("2023-9M"): 2}, expected=5).code
    '2023-9M'
    >>> next_period(year, {parse_period("2023-9M"): 2}, expected=5, today=date(2024, 1, 15)).code
    '2023'
    >>> next_period(parse_period("2020-2025"), {parse_period("2023-M05"): 6}).code
    '2023-H1'
    >>> finished = parse_period("2015-2020")
    >>> next_period(finished, {parse_period("2018-9M"): 3}, 9, date(2026, 11, 22)).code
    '2020'
    """
    cycle = reporting_cycle(term)
    last = latest(p for p in reported if not p.is_term)
    later = [period for period in cycle if last is None or period.end > last.end]
    if today is not None:
        due = [period for period in later if period.end <= today]
        if due:
            return due[-1]
    if last is not None and last in cycle and reported[last] < expected:
        return last
    return later[0] if later else None


def picker_periods(term: Period, with_data: Iterable[Period]) -> list[Period]:
    """Periods offered by a period picker: the term, the cycle, and whatever has data."""
    seen: dict[str, Period] = {}
    for period in [*reporting_cycle(term), *with_data]:
        if term.contains(period) or period == term:
            seen[period.code] = period
    ordered = sorted(seen.values(), key=lambda p: (p.end, -p.months))
    return [term, *(p for p in ordered if p != term)] if term.is_term else ordered
