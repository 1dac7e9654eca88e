"""Targets: what a resolution asks for, and whether a value satisfies it (DESIGN.md §3, §5).

A target is typed as text ("trên 4.500", "dưới 4", "khoảng 4", "6,6–6,8",
"từ 90% trở lên", "giảm bình quân 1,5 điểm %/năm") and kept that way beside its parsed form,
a :class:`TargetSpec`: comparator, bounds and — for change targets — how the change is measured.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from .numbers import Comparator, Convention, NumberFormatError, parse_quantity

__all__ = [
    "ChangeMethod",
    "Direction",
    "IndicatorKind",
    "TargetError",
    "TargetSpec",
    "TermBasis",
    "parse_target",
]


class Direction(StrEnum):
    """Which way is better."""

    UP = "up"  # higher is better: production, coverage
    DOWN = "down"  # lower is better: poverty rate, CPI
    RANGE = "range"  # inside the bounds is right: population growth 1–1,2 %
    QUALITATIVE = "qualitative"  # judged by people


class IndicatorKind(StrEnum):
    FLOW = "flow"  # an amount within a period: ha trồng mới, lao động được giải quyết việc làm
    LEVEL = "level"  # a state at a date: tỷ lệ %, số xã đạt chuẩn
    CHANGE = "change"  # a rate of change: giảm 1,5 điểm %/năm, tăng bình quân 16 %/năm
    QUALITATIVE = "qualitative"


class TermBasis(StrEnum):
    """How a flow's term target reads."""

    EACH_YEAR = "each_year"  # every year of the term must reach it
    YEARLY_AVERAGE = "yearly_average"  # the average over the term's years
    TERM_TOTAL = "term_total"  # cumulative over the term ("lũy kế")


class ChangeMethod(StrEnum):
    """How a change target is measured."""

    POINTS = "points"  # percentage points a year: (start − now) ÷ years
    CAGR = "cagr"  # compound growth: (V_t / V_0)^(1/n) − 1


class TargetError(ValueError):
    """A target that cannot be read or contradicts itself."""

    code = "invalid_target"


@dataclass(frozen=True)
class TargetSpec:
    """A parsed target.

    ``value`` is the bound that matters (for a range, the lower one); ``upper`` is set for
    ranges. ``change`` is set for change targets, whose bounds are amounts per year.
    """

    comparator: Comparator
    value: Decimal
    upper: Decimal | None = None
    raw: str = ""
    unit: str | None = None
    change: ChangeMethod | None = None
    direction_hint: Direction | None = None

    def __post_init__(self) -> None:
        if self.comparator is Comparator.RANGE:
            if self.upper is None:
                raise TargetError("Khoảng chỉ tiêu thiếu cận trên")
            if self.upper < self.value:
                raise TargetError(
                    f"Chỉ tiêu '{self.raw}': cận dưới {self.value} lớn hơn cận trên {self.upper}"
                )
        elif self.upper is not None:
            raise TargetError(f"Chỉ tiêu '{self.raw}': chỉ khoảng giá trị mới có cận trên")

    def reference(self, direction: Direction) -> Decimal:
        """The figure a ratio compares with.

        For a range, the ambitious end: the upper bound when higher is better (Lào Cai 2020:
        poverty fell 5,02 points a year against "3–4 %/năm", reported as 125,5 %), the lower
        bound when lower is better.
        """
        if self.comparator is Comparator.RANGE and self.upper is not None:
            return self.upper if direction is Direction.UP else self.value
        return self.value

    def is_satisfied(self, actual: Decimal, direction: Direction) -> bool:
        """Whether ``actual`` fulfils the target.

        "trên 90" needs more than 90; "từ 90 trở lên" 90 or more; "dưới 4" less than 4;
        "không quá 4" at most 4; a range, a value between its bounds (or beyond the ambitious
        end when a direction is given); a plain or "khoảng" figure, reaching it in the good
        direction.
        """
        low, high = self.value, self.upper
        match self.comparator:
            case Comparator.GT:
                return actual > low
            case Comparator.GTE:
                return actual >= low
            case Comparator.LT:
                return actual < low
            case Comparator.LTE:
                return actual <= low
            case Comparator.RANGE:
                assert high is not None
                if direction is Direction.UP:
                    return actual >= low
                if direction is Direction.DOWN:
                    return actual <= high
                return low <= actual <= high
        if direction is Direction.DOWN:
            return actual <= low
        if direction is Direction.RANGE:
            return actual == low
        return actual >= low

    def describe(self) -> str:
        """The target as it was typed, or a Vietnamese rendering of it."""
        return self.raw


_CHANGE_WORDS = re.compile(r"^(giảm|tăng)(?:\s+bình quân)?(?:\s+(?:mỗi năm|hằng năm|hàng năm))?\s+")
_POINTS_UNIT = re.compile(r"điểm\s*(?:%|phần trăm)")


def parse_target(text: str, convention: Convention = Convention.TYPED) -> TargetSpec:
    """Read a target as people type it.

    >>> spec = parse_target("trên 4.500")
    >>> spec.comparator, spec.value
    (<Comparator.GT: 'gt'>, Decimal('4500'))
    >>> spec = parse_target("giảm bình quân 1,5 điểm %/năm")
    >>> spec.change, spec.value, spec.direction_hint
    (<ChangeMethod.POINTS: 'points'>, Decimal('1.5'), <Direction.DOWN: 'down'>)
    """
    cleaned = re.sub(r"\s+", " ", unicodedata.normalize("NFC", text).strip())
    lowered = cleaned.lower()
    change: ChangeMethod | None = None
    hint: Direction | None = None
    match = _CHANGE_WORDS.match(lowered)
    if match:
        hint = Direction.DOWN if match.group(1) == "giảm" else Direction.UP
        lowered = lowered[match.end() :]
    try:
        quantity = parse_quantity(lowered, convention)
    except NumberFormatError as exc:
        raise TargetError(f"Chỉ tiêu '{text}': {exc.reason}") from exc
    unit = quantity.unit
    if unit and ("/năm" in unit.replace(" ", "") or match):
        change = ChangeMethod.POINTS if _POINTS_UNIT.search(unit) else ChangeMethod.CAGR
    elif match:
        change = ChangeMethod.CAGR
    return TargetSpec(
        comparator=quantity.comparator,
        value=quantity.value,
        upper=quantity.upper,
        raw=cleaned,
        unit=unit,
        change=change,
        direction_hint=hint,
    )
