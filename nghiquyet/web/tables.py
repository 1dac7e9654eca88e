"""A scorecard as the appendix table of a report, for the page and for CSV.

Columns: STT | Chỉ tiêu | ĐVT | Mục tiêu NQ | KH năm | TH/ƯTH | % so KH | % so NQ | Đánh giá |
Tiến độ, and for a 6- or 9-month period also TH cùng kỳ | % so cùng kỳ. "% so KH" compares
with the year's plan (or with the percentage a source states against the plan); "% so NQ"
with the resolution's target for the term.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from nghiquyet.core.evaluation import Status
from nghiquyet.core.numbers import format_number
from nghiquyet.plans.models import IndicatorGroup, Target
from nghiquyet.scorecards.build import Row, Scorecard
from nghiquyet.scorecards.render import display_actual, row_json

from . import labels


@dataclass(frozen=True)
class Line:
    row: Row
    term_target: str
    term_revised: bool
    year_target: str
    actual: str
    plan_pct: Decimal | None
    term_pct: Decimal | None
    previous: str
    status: Status
    status_text: str
    computed_text: str
    final: bool
    overridden: bool
    progress: str
    lagging: bool

    @property
    def indicator(self):  # type: ignore[no-untyped-def]
        return self.row.indicator


@dataclass(frozen=True)
class Section:
    group: IndicatorGroup | None
    lines: list[Line]


def line(card: Scorecard, row: Row) -> Line:
    year_plan = row.target is not None and row.target.scope == Target.Scope.YEAR
    if card.period.is_term:
        plan_pct = None
        term_pct = row.term_ratio_pct if row.term_ratio_pct is not None else row.ratio_pct
    elif year_plan or row.target is None:
        plan_pct, term_pct = row.ratio_pct, row.term_ratio_pct
    else:
        plan_pct, term_pct = None, row.term_ratio_pct
    final = row.evaluation.final
    text = labels.status_text(row.status, final=final)
    if row.status is Status.NO_DATA and row.actual is not None and row.target is None:
        text = str(labels.NO_TARGET)
    progress = row.progress.bucket if row.progress is not None else None
    return Line(
        row=row,
        term_target=row.term_target.spec.raw if row.term_target else "—",
        term_revised=bool(row.term_target and row.term_target.target.revisions_in_order()),
        year_target=row.target.spec.raw if year_plan and row.target else "—",
        actual=display_actual(row),
        plan_pct=plan_pct,
        term_pct=term_pct,
        previous=format_number(row.previous.value, 2)
        if row.previous is not None and row.previous.value is not None
        else "—",
        status=row.status,
        status_text=text,
        computed_text=labels.status_text(row.computed_status, final=final),
        final=final,
        overridden=row.status is not row.computed_status,
        progress=labels.bucket_text(progress),
        lagging=row.lagging,
    )


def is_final(card: Scorecard) -> bool:
    """Whether the card's statuses are final: "Không đạt" rather than "Chưa đạt"."""
    return any(row.evaluation.final for row in card.rows)


def sections(card: Scorecard, *, lagging_only: bool = False) -> list[Section]:
    """The table grouped by field ("I. Kinh tế"); with ``lagging_only``, lagging rows only."""
    result = []
    for group, rows in card.groups():
        lines = [line(card, row) for row in rows if row.lagging or not lagging_only]
        if lines:
            result.append(Section(group, lines))
    return result


CSV_COLUMNS = (
    "group",
    "code",
    "name",
    "unit",
    "term_target",
    "target",
    "target_scope",
    "actual",
    "actual_raw",
    "actual_period",
    "estimate",
    "ratio_pct",
    "term_ratio_pct",
    "same_period_pct",
    "status",
    "status_label",
    "computed_status",
    "override_reason",
    "progress",
    "progress_label",
    "source_ref",
    "source_quote",
)


def _csv_row(row: Row) -> list[object]:
    data = row_json(row)
    target, term_target = data["target"] or {}, data["term_target"] or {}
    progress, source = data["progress"] or {}, data["source"] or {}
    values = {
        **data,
        "term_target": term_target.get("raw", ""),
        "target": target.get("raw", ""),
        "target_scope": target.get("scope", ""),
        "estimate": "ƯTH" if data["estimate"] else ("TH" if data["actual"] is not None else ""),
        "progress": progress.get("bucket", ""),
        "progress_label": progress.get("label", ""),
        "source_ref": source.get("ref", ""),
        "source_quote": source.get("quote", ""),
    }
    return ["" if values[column] is None else values[column] for column in CSV_COLUMNS]


def scorecard_csv(card: Scorecard) -> str:
    """One row per indicator, machine-readable: dot decimals, status codes beside the words.

    Starts with a byte-order mark so that Excel on Windows reads the Vietnamese correctly.
    """
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    rows: Iterable[Row] = card.rows
    writer.writerows(_csv_row(row) for row in rows)
    return "\ufeff" + buffer.getvalue()
