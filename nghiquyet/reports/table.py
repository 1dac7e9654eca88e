"""The appendix "Kết quả thực hiện các chỉ tiêu chủ yếu": one row per indicator, by field.

Columns (DESIGN.md §7): STT | Chỉ tiêu | ĐVT | Mục tiêu NQ | KH năm | TH/ƯTH | % so KH |
% so NQ | Đánh giá | Ghi chú; a report for part of a year (6 tháng, 9 tháng, quý, tháng) adds
"TH cùng kỳ" and "% so cùng kỳ" after TH/ƯTH. Values stay numbers here (Excel writes them as
numbers); ``*_text`` are the Vietnamese strings the Word table prints.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from nghiquyet.core.numbers import format_number, format_percent
from nghiquyet.core.periods import Period, PeriodKind, roman
from nghiquyet.plans.models import Target
from nghiquyet.scorecards.build import Row, Scorecard, TargetView

__all__ = ["Appendix", "AppendixRow", "AppendixSection", "Column", "build_appendix"]

DASH = "—"


@dataclass(frozen=True)
class Column:
    key: str
    title: str
    numeric: bool = False


BASE_COLUMNS = (
    Column("code", "STT"),
    Column("name", "Chỉ tiêu"),
    Column("unit", "ĐVT"),
    Column("nq_target", "Mục tiêu NQ"),
    Column("plan", "KH năm"),
    Column("actual", "TH/ƯTH", numeric=True),
    Column("pct_plan", "% so KH", numeric=True),
    Column("pct_nq", "% so NQ", numeric=True),
    Column("status", "Đánh giá"),
    Column("note", "Ghi chú"),
)
SAME_PERIOD_COLUMNS = (
    Column("previous", "TH cùng kỳ", numeric=True),
    Column("pct_same", "% so cùng kỳ", numeric=True),
)


@dataclass(frozen=True)
class AppendixRow:
    code: str
    name: str
    unit: str
    nq_target: str
    plan: str
    actual: Decimal | None
    estimate: bool
    previous: Decimal | None
    pct_plan: Decimal | None
    pct_nq: Decimal | None
    pct_same: Decimal | None
    status: str
    progress: str
    note_refs: tuple[int, ...]  # numbers of the notes under the table

    @property
    def actual_text(self) -> str:
        if self.actual is None:
            return DASH
        text = format_number(self.actual, 2)
        return f"{text} (ƯTH)" if self.estimate else text

    @property
    def previous_text(self) -> str:
        return DASH if self.previous is None else format_number(self.previous, 2)

    @property
    def note(self) -> str:
        refs = " ".join(f"({number})" for number in self.note_refs)
        return " ".join(part for part in (self.progress, refs) if part)

    def text(self, key: str) -> str:
        """The Word table's cell for column ``key``."""
        percent = {"pct_plan": self.pct_plan, "pct_nq": self.pct_nq, "pct_same": self.pct_same}
        if key in percent:
            value = percent[key]
            return DASH if value is None else format_percent(value, 2 if key == "pct_same" else 1)
        if key == "actual":
            return self.actual_text
        if key == "previous":
            return self.previous_text
        value = getattr(self, key)
        return str(value) if value else (DASH if key in ("nq_target", "plan") else "")


@dataclass(frozen=True)
class AppendixSection:
    numeral: str
    title: str
    rows: tuple[AppendixRow, ...]


@dataclass(frozen=True)
class Appendix:
    columns: tuple[Column, ...]
    sections: tuple[AppendixSection, ...]
    notes: tuple[str, ...]  # note (n) is notes[n - 1]
    same_period_year: int | None

    @property
    def rows(self) -> list[AppendixRow]:
        return [row for section in self.sections for row in section.rows]


def has_same_period(period: Period) -> bool:
    return period.kind in (
        PeriodKind.HALF,
        PeriodKind.NINE_MONTHS,
        PeriodKind.QUARTER,
        PeriodKind.MONTH,
    )


def build_appendix(card: Scorecard, observation_notes: dict[int, str]) -> Appendix:
    same_period = has_same_period(card.period)
    columns = list(BASE_COLUMNS)
    if same_period:
        columns[6:6] = SAME_PERIOD_COLUMNS
    notes: list[str] = []
    sections = []
    for index, (group, rows) in enumerate(card.groups()):
        number = group.position if group is not None else index + 1
        title = group.title if group is not None else "Các chỉ tiêu"
        built = tuple(_row(card, row, notes, observation_notes) for row in rows)
        sections.append(AppendixSection(roman(number), title, built))
    return Appendix(
        columns=tuple(columns),
        sections=tuple(sections),
        notes=tuple(notes),
        same_period_year=card.period.year - 1 if same_period else None,
    )


def _row(
    card: Scorecard, row: Row, notes: list[str], observation_notes: dict[int, str]
) -> AppendixRow:
    year_target = (
        row.target if row.target is not None and row.target.target.year is not None else None
    )
    nq_target = row.term_target
    if nq_target is None and year_target is not None and _set_by_resolution(year_target):
        nq_target = year_target  # an annual resolution's target is also the year's plan
    pct_plan = row.ratio_pct if year_target is not None else None
    pct_nq = row.term_ratio_pct if row.term_target is not None else None
    if nq_target is year_target and year_target is not None:
        pct_nq = row.ratio_pct
    if row.target is None and row.ratio_pct is not None:  # a percentage stated alone
        if card.period.is_term:
            pct_nq = row.ratio_pct
        else:
            pct_plan = row.ratio_pct
    progress = row.progress.bucket.label if row.progress and row.progress.bucket else ""
    return AppendixRow(
        code=row.indicator.code,
        name=row.indicator.name,
        unit=row.indicator.unit,
        nq_target=nq_target.spec.raw if nq_target is not None else "",
        plan=year_target.spec.raw if year_target is not None else "",
        actual=row.actual,
        estimate=row.estimate,
        previous=row.previous.value if row.previous is not None else None,
        pct_plan=pct_plan,
        pct_nq=pct_nq,
        pct_same=row.same_period_pct,
        status=row.status_label,
        progress=progress,
        note_refs=tuple(_number(notes, text) for text in _notes(card, row, observation_notes)),
    )


def _set_by_resolution(view: TargetView) -> bool:
    return view.target.source in (Target.Source.ANNUAL, Target.Source.CONGRESS)


def _number(notes: list[str], text: str) -> int:
    """The note's number, the same for the same text (one note serves many rows)."""
    if text not in notes:
        notes.append(text)
    return notes.index(text) + 1


def _notes(card: Scorecard, row: Row, observation_notes: dict[int, str]) -> list[str]:
    found = []
    assessment = row.assessment
    if assessment is not None and assessment.status_override:
        computed = row.evaluation.label if row.computed_status is row.evaluation.status else ""
        automatic = f" (tính tự động: {computed})" if computed else ""
        reason = assessment.override_reason.strip() or "không ghi lý do"
        found.append(f"Đánh giá theo nhận định của cơ quan{automatic}: {reason}")
    for view in (row.term_target, row.target):
        if view is None:
            continue
        for revision in view.target.revisions_in_order():
            if revision.effective_on <= card.as_of:
                unit = row.indicator.unit
                found.append(
                    f"Mục tiêu điều chỉnh từ {with_unit(revision.old_raw_text, unit)} thành "
                    f"{with_unit(revision.new_raw_text, unit)} từ ngày "
                    f"{revision.effective_on:%d/%m/%Y} ({revision.decision})."
                )
        if view.target.note:
            found.append(f"Mục tiêu: {view.target.note}")
    if row.observation is not None and observation_notes.get(row.observation.pk):
        found.append(f"Số liệu: {observation_notes[row.observation.pk]}")
    if row.draft:
        found.append(
            "Số liệu do máy đọc từ văn bản, chưa được rà soát: cần kiểm tra trước khi gửi."
        )
    return list(dict.fromkeys(found))


def with_unit(raw: str, unit: str) -> str:
    """A figure as written, with its unit when the text lacks one: "tối thiểu 360 kg"."""
    return raw if not unit or unit in raw else f"{raw} {unit}"
