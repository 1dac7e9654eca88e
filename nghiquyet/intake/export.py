"""Giving everything back out: the observations of a resolution (optionally one unit and its
units below, one period or a range) and its scorecards, as CSV, .xlsx or JSON.

The CSV is exactly the import format, so exporting and importing again changes nothing: a
value is written so that the import reads the same number ("4,1250" for 4,125 — a lone comma
followed by exactly three digits would be refused as ambiguous).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from nghiquyet.core.numbers import format_number
from nghiquyet.core.periods import Period, parse_period
from nghiquyet.orgunits.models import OrgUnit
from nghiquyet.plans.models import Resolution
from nghiquyet.results.models import Observation
from nghiquyet.scorecards.build import Scorecard, build_scorecard

MAX_SCORECARDS = 24  # periods with a scorecard sheet/section in one export


class ExportError(ValueError):
    """A selection that cannot be exported (period outside the resolution, from after to)."""


@dataclass(frozen=True)
class Selection:
    """What to export. ``period`` alone, or ``start``–``end`` (periods lying within)."""

    resolution: Resolution
    unit: OrgUnit | None = None
    period: Period | None = None
    start: Period | None = None
    end: Period | None = None

    def __post_init__(self) -> None:
        if self.period is not None and (self.start or self.end):
            raise ExportError(
                "Chọn một kỳ (--period) hoặc một khoảng (--from, --to), không cả hai."
            )
        if self.start and self.end and self.end.end < self.start.start:
            raise ExportError(f"Kỳ cuối {self.end.code} trước kỳ đầu {self.start.code}.")
        if self.unit is not None and not self.unit.path.startswith(self.resolution.scope.path):
            raise ExportError(
                f"Đơn vị '{self.unit.name}' không thuộc phạm vi của nghị quyết "
                f"'{self.resolution.code}' ({self.resolution.scope.name})."
            )
        for period in (self.period, self.start, self.end):
            if period is not None and not (
                self.resolution.covers(period) or period == self.resolution.term
            ):
                raise ExportError(
                    f"Kỳ {period.label} nằm ngoài thời hạn của nghị quyết "
                    f"'{self.resolution.code}' ({self.resolution.term.label})."
                )

    def describe(self) -> dict[str, str | None]:
        return {
            "org_unit": self.unit.code if self.unit else None,
            "period": self.period.code if self.period else None,
            "from": self.start.code if self.start else None,
            "to": self.end.code if self.end else None,
        }


@dataclass(frozen=True, slots=True)
class Record:
    """One observation as exported."""

    resolution: str
    indicator: str
    indicator_name: str
    measure: str
    org_unit: str
    org_unit_name: str
    period: str
    value: Decimal | None
    estimate: bool
    note: str
    reported_pct: Decimal | None
    source: str
    source_ref: str
    version: int
    updated_at: datetime

    @property
    def value_text(self) -> str:
        return typed(self.value) if self.value is not None else ""

    @property
    def estimate_text(self) -> str:
        return "ƯTH" if self.estimate else ""

    def long_row(self) -> tuple[str, ...]:
        """A row of the import format (resolution … note)."""
        return (
            self.resolution,
            self.indicator,
            self.org_unit,
            self.period,
            self.value_text,
            self.estimate_text,
            self.note,
        )


def typed(value: Decimal) -> str:
    """A number written the Vietnamese way that the import reads back as the same number.

    4500 → "4.500", 41,3 → "41,3", 4,125 → "4,1250" (not "4,125", which is ambiguous).
    """
    text = format_number(value)
    whole, _, frac = text.lstrip("-").partition(",")
    if len(frac) == 3 and "." not in whole and not whole.startswith("0"):
        text += "0"
    return text


def records(selection: Selection) -> Iterator[Record]:
    """The selected observations, by indicator order, unit, then period."""
    query = Observation.objects.filter(indicator__resolution=selection.resolution, is_deleted=False)
    if selection.unit is not None:
        query = query.filter(org_unit__path__startswith=selection.unit.path)
    if selection.period is not None:
        query = query.filter(period=selection.period.code)
    first = selection.start.start if selection.start else None
    last = selection.end.end if selection.end else None
    if first is not None:
        query = query.filter(period_end__gte=first)
    if last is not None:
        query = query.filter(period_end__lte=last)
    rows = query.order_by(
        "indicator__position", "indicator_id", "org_unit__path", "period_end", "period"
    ).values_list(
        "indicator__code",
        "indicator__name",
        "indicator__unit",
        "org_unit__code",
        "org_unit__name",
        "period",
        "value",
        "is_estimate",
        "note",
        "reported_pct",
        "source",
        "source_ref",
        "version",
        "updated_at",
    )
    code = selection.resolution.code
    starts: dict[str, date] = {}
    for row in rows.iterator(chunk_size=5000):
        period = row[5]
        if first is not None:
            start = starts.get(period)
            if start is None:
                start = starts[period] = parse_period(period).start
            if start < first:
                continue
        yield Record(code, *row)


def scorecards(selection: Selection, periods: list[str]) -> list[Scorecard]:
    """Scorecards of the resolution for the exported periods (its scope only)."""
    resolution = selection.resolution
    if selection.unit is not None and selection.unit.pk != resolution.scope_id:
        return []
    wanted = [selection.period.code] if selection.period else periods
    cards = []
    for code in sorted(set(wanted), key=lambda c: parse_period(c).sort_key())[:MAX_SCORECARDS]:
        cards.append(build_scorecard(resolution, code))
    return cards
