"""Evaluation (DESIGN.md §5): achievement ratios, statuses, tallies, same-period comparison.

The rules, each with the real case it reproduces:

* ``up``: ratio = actual ÷ target. Chợ Đồn, 9 tháng 2023: trồng rừng 603,8 ha of 600 ha →
  100,6 %, exceeded.
* ``down``: ratio = target ÷ actual, never the other way round (that reads as failure); the gap
  in percentage points is reported too.
* ranges: inside the bounds is met; the ratio uses the ambitious end.
* change targets: the achieved change a year (points, or compound growth) over the target's.
* status: exceeded (ratio above 100 % and target satisfied), met, nearly met (ratio at or above
  a configurable threshold, default 95 %), not met (labelled "Chưa đạt" while the period is
  still running, "Không đạt" when final), no data, not due.
* tally: "x/y chỉ tiêu đạt và vượt" — y counts every indicator, those without data too.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal, localcontext
from enum import StrEnum

from .targets import ChangeMethod, Direction, TargetSpec

__all__ = [
    "DEFAULT_NEARLY_MET_THRESHOLD",
    "Evaluation",
    "Status",
    "Tally",
    "achievement_ratio",
    "change_per_year",
    "evaluate",
    "gap_points",
    "same_period_ratio",
    "status_label",
    "tally",
]

DEFAULT_NEARLY_MET_THRESHOLD = Decimal(95)
HUNDRED = Decimal(100)


class Status(StrEnum):
    EXCEEDED = "exceeded"
    MET = "met"
    NEARLY_MET = "nearly_met"
    NOT_MET = "not_met"
    NO_DATA = "no_data"
    NOT_DUE = "not_due"

    @property
    def counts_as_achieved(self) -> bool:
        return self in (Status.EXCEEDED, Status.MET)


_LABELS = {
    Status.EXCEEDED: "Vượt",
    Status.MET: "Đạt",
    Status.NEARLY_MET: "Cơ bản đạt",
    Status.NOT_MET: "Không đạt",
    Status.NO_DATA: "Chưa có số liệu",
    Status.NOT_DUE: "Chưa đến kỳ đánh giá",
}


def status_label(status: Status, *, final: bool = True) -> str:
    """The Vietnamese word for a status; a not-met status mid-period is "Chưa đạt"."""
    if status is Status.NOT_MET and not final:
        return "Chưa đạt"
    return _LABELS[status]


@dataclass(frozen=True)
class Evaluation:
    """What :func:`evaluate` concludes, with the numbers behind it."""

    status: Status
    ratio_pct: Decimal | None = None
    gap_points: Decimal | None = None
    final: bool = True

    @property
    def label(self) -> str:
        return status_label(self.status, final=self.final)


def _divide(numerator: Decimal, denominator: Decimal) -> Decimal:
    with localcontext() as ctx:
        ctx.prec = 28
        return numerator / denominator


def achievement_ratio(actual: Decimal, target: TargetSpec, direction: Direction) -> Decimal | None:
    """Achievement in percent, "% so với kế hoạch".

    >>> from nghiquyet.core.targets import parse_target
    >>> round(achievement_ratio(Decimal("603.8"), parse_target("600"), Direction.UP), 1)
    Decimal('100.6')
    >>> round(achievement_ratio(Decimal("3.1"), parse_target("dưới 4"), Direction.DOWN), 1)
    Decimal('129.0')

    ``None`` where no ratio makes sense: a range indicator, a zero target for ``up``, a zero
    actual for ``down`` (the target is then met outright).
    """
    reference = target.reference(direction)
    if direction is Direction.UP:
        return None if reference == 0 else _divide(actual * HUNDRED, reference)
    if direction is Direction.DOWN:
        return None if actual == 0 else _divide(reference * HUNDRED, actual)
    return None


def gap_points(actual: Decimal, target: TargetSpec, direction: Direction) -> Decimal | None:
    """How far from the target, in the indicator's unit (percentage points for a rate).

    Positive is better: for ``down``, dưới 4 with actual 3,1 → 0,9.
    """
    reference = target.reference(direction)
    if direction is Direction.UP:
        return actual - reference
    if direction is Direction.DOWN:
        return reference - actual
    return None


def change_per_year(
    base: Decimal, current: Decimal, years: Decimal, method: ChangeMethod
) -> Decimal:
    """The change achieved a year, signed (negative for a fall).

    Points: (current − base) ÷ years — poverty 20,1 % → 10,06 % in 2 years is −5,02 a year.
    CAGR: ((current ÷ base)^(1/years) − 1) × 100 — 100 → 121 in 2 years is 10 % a year.
    """
    if years <= 0:
        raise ValueError("years must be positive")
    if method is ChangeMethod.POINTS:
        return _divide(current - base, years)
    if base <= 0 or current <= 0:
        raise ValueError("compound growth needs positive values")
    with localcontext() as ctx:
        ctx.prec = 28
        growth = (current / base) ** (Decimal(1) / years) - 1
    return growth * HUNDRED


def evaluate(
    actual: Decimal | None,
    target: TargetSpec | None,
    direction: Direction,
    *,
    threshold: Decimal = DEFAULT_NEARLY_MET_THRESHOLD,
    final: bool = True,
    due: bool = True,
    reported_ratio: Decimal | None = None,
) -> Evaluation:
    """Status of one indicator.

    ``actual`` is the value compared with the target — for change targets, the achieved
    change a year (see :func:`change_per_year`; a fall is passed as a positive amount when
    the target says "giảm"). ``reported_ratio`` stands in when a source gives only the
    percentage ("trồng cây lương thực có hạt đạt 97,9 % kế hoạch").

    >>> from nghiquyet.core.targets import parse_target
    >>> evaluate(Decimal("603.8"), parse_target("600"), Direction.UP).status
    <Status.EXCEEDED: 'exceeded'>
    >>> evaluate(Decimal("600"), parse_target("1.000"), Direction.UP, final=False).label
    'Chưa đạt'
    """
    if direction is Direction.QUALITATIVE:
        return Evaluation(Status.NO_DATA if due else Status.NOT_DUE, final=final)
    if actual is None or target is None:
        if reported_ratio is not None:
            return Evaluation(
                _status_from_ratio(reported_ratio, threshold), reported_ratio, None, final
            )
        return Evaluation(Status.NO_DATA if due else Status.NOT_DUE, final=final)

    # A change target is an amount a year in the good direction; compare like an "up" target.
    effective = Direction.UP if target.change is not None else direction
    ratio = achievement_ratio(actual, target, effective)
    gap = gap_points(actual, target, effective)
    satisfied = target.is_satisfied(actual, effective)
    if direction is Direction.RANGE and target.change is None:
        return Evaluation(Status.MET if satisfied else Status.NOT_MET, None, None, final)
    if satisfied:
        beyond = ratio is None or ratio > HUNDRED
        return Evaluation(Status.EXCEEDED if beyond else Status.MET, ratio, gap, final)
    if ratio is not None and ratio >= threshold:
        return Evaluation(Status.NEARLY_MET, ratio, gap, final)
    return Evaluation(Status.NOT_MET, ratio, gap, final)


def _status_from_ratio(ratio: Decimal, threshold: Decimal) -> Status:
    if ratio > HUNDRED:
        return Status.EXCEEDED
    if ratio == HUNDRED:
        return Status.MET
    return Status.NEARLY_MET if ratio >= threshold else Status.NOT_MET


def same_period_ratio(current: Decimal | None, previous: Decimal | None) -> Decimal | None:
    """ "bằng 95,27 % so với cùng kỳ": current ÷ the same period a year earlier, in percent.

    ``None`` unless both values exist and the earlier one is not zero.
    """
    if current is None or previous is None or previous == 0:
        return None
    return _divide(current * HUNDRED, previous)


@dataclass(frozen=True)
class Tally:
    """ "27/49 chỉ tiêu đạt và vượt": achieved over every indicator, no-data ones included."""

    met_or_exceeded: int
    total: int
    by_status: dict[str, int] = field(default_factory=dict)

    @property
    def sentence(self) -> str:
        return f"{self.met_or_exceeded}/{self.total} chỉ tiêu đạt và vượt"


def tally(statuses: Iterable[Status]) -> Tally:
    """Count statuses. Every indicator counts in the total, whatever its status.

    >>> tally([Status.EXCEEDED, Status.MET, Status.NOT_MET, Status.NO_DATA]).sentence
    '2/4 chỉ tiêu đạt và vượt'
    """
    counts = Counter(statuses)
    return Tally(
        met_or_exceeded=counts[Status.EXCEEDED] + counts[Status.MET],
        total=sum(counts.values()),
        by_status={status.value: counts[status] for status in Status},
    )
