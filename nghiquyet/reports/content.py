"""What a review report says, taken from a :class:`Scorecard` — shared by every format.

The content is facts and marked gaps, never invented prose: the tally sentence, the results of
each field with figures written the Vietnamese way, the lagging indicators with the causes and
remedies people recorded in their assessments, and ``[Nguyên nhân chủ quan: …]`` wherever a
person must write. The Word, Excel and template renderers read only this structure (and the
:class:`~nghiquyet.reports.letterhead.Letterhead`).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import StrEnum

from nghiquyet.core.evaluation import Status
from nghiquyet.core.numbers import format_number, format_percent
from nghiquyet.core.periods import Period, PeriodKind, roman
from nghiquyet.core.progress import Method
from nghiquyet.scorecards.build import Row, Scorecard, TargetView

from .gaps import write_here
from .table import Appendix, build_appendix, with_unit

__all__ = [
    "FieldResult",
    "IndicatorResult",
    "LaggingItem",
    "Remedy",
    "ReportContent",
    "ReportKind",
    "TallyCounts",
    "build_content",
    "quantity",
    "write_here",
]


class ReportKind(StrEnum):
    MIDTERM = "midterm"  # sơ kết giữa nhiệm kỳ
    FINAL = "final"  # tổng kết (nhiệm kỳ hoặc năm)
    PERIODIC = "periodic"  # 6 tháng, 9 tháng, quý, tháng, một năm trong nhiệm kỳ


@dataclass(frozen=True)
class TallyCounts:
    """Every indicator in exactly one bucket, so the parts add up to ``total``."""

    total: int
    achieved: int
    likely: int
    unlikely: int
    nearly_met: int
    not_met: int
    no_data: int
    no_target: int
    not_due: int
    final: bool

    @property
    def sentence(self) -> str:
        """ "Đến nay, có 27/49 chỉ tiêu đạt và vượt, 12 chỉ tiêu có khả năng đạt, 10 chỉ tiêu
        khó đạt." — then the rest (no data, no target …) so that nothing is hidden."""
        head = f"Đến nay, có {self.achieved}/{self.total} chỉ tiêu đạt và vượt"
        if not self.final:
            head += f", {self.likely} chỉ tiêu có khả năng đạt, {self.unlikely} chỉ tiêu khó đạt"
        rest = [
            (self.nearly_met, "cơ bản đạt"),
            (self.not_met, "không đạt" if self.final else "chưa đạt"),
            (self.no_data, "chưa có số liệu"),
            (self.no_target, "chưa có mục tiêu để so sánh"),
            (self.not_due, "chưa đến kỳ đánh giá"),
        ]
        tail = "".join(f"; {count} chỉ tiêu {words}" for count, words in rest if count)
        return head + tail + "."


@dataclass(frozen=True)
class IndicatorResult:
    code: str
    name: str
    text: str  # "Trồng rừng: thực hiện 603,8 ha, đạt 100,6 % so với kế hoạch (600 ha); …"
    status_label: str


@dataclass(frozen=True)
class FieldResult:
    numeral: str  # "I"
    title: str  # "Kinh tế"
    results: tuple[IndicatorResult, ...]
    without_data: tuple[str, ...]  # codes of indicators with no figure
    without_data_text: str  # "Chưa có số liệu: 3 chỉ tiêu (số 7 - 9)." or ""


@dataclass(frozen=True)
class LaggingItem:
    code: str
    name: str
    figures: str
    status_label: str
    progress_label: str
    ratio_pct: Decimal | None
    causes_subjective: str  # recorded text, or "" (the renderer writes a marked gap)
    causes_objective: str
    remedies: str
    agency: str


@dataclass(frozen=True)
class Remedy:
    text: str
    codes: tuple[str, ...]


@dataclass(frozen=True)
class ReportContent:
    resolution_code: str
    resolution_title: str
    resolution_number: str
    period: Period
    as_of: date
    kind: ReportKind
    summary: str  # "sơ kết giữa nhiệm kỳ thực hiện Nghị quyết …" (lower-case first letter)
    has_data: bool
    tally: TallyCounts
    progress_note: str
    fields: tuple[FieldResult, ...]
    lagging: tuple[LaggingItem, ...]
    remedies: tuple[Remedy, ...]
    appendix: Appendix
    by_status: dict[str, int]
    final: bool

    @property
    def title_line(self) -> str:
        """The summary line under "BÁO CÁO", first letter capitalised."""
        return self.summary[:1].upper() + self.summary[1:]

    @property
    def no_data_sentence(self) -> str:
        return (
            f"Đến ngày {self.as_of:%d/%m/%Y}, chưa có số liệu thực hiện {self.period.label} "
            f"của chỉ tiêu nào trong {self.tally.total} chỉ tiêu của Nghị quyết: chưa đánh giá "
            "được kết quả. Phụ lục liệt kê các chỉ tiêu và mục tiêu để cập nhật khi có số liệu."
        )


def build_content(card: Scorecard, notes: dict[int, str] | None = None) -> ReportContent:
    """Everything a report says about ``card``. ``notes`` maps observation ids to their notes
    (the scorecard does not load them)."""
    final = _is_final(card)
    rows = card.rows
    return ReportContent(
        resolution_code=card.resolution.code,
        resolution_title=card.resolution.title,
        resolution_number=card.resolution.number,
        period=card.period,
        as_of=card.as_of,
        kind=_kind(card),
        summary=_summary(card),
        has_data=any(_has_figure(row) for row in rows),
        tally=_tally(rows, final),
        progress_note=_progress_note(rows, final),
        fields=tuple(_field(card, number, group_rows) for number, group_rows in _groups(card)),
        lagging=tuple(_lagging_item(card, row) for row in rows if _is_lagging(row)),
        remedies=_remedies(rows),
        appendix=build_appendix(card, notes or {}),
        by_status=dict(card.tally.by_status),
        final=final,
    )


# --- what kind of report ------------------------------------------------------------------


def _is_final(card: Scorecard) -> bool:
    period = card.period
    whole = period.is_term or period.kind is PeriodKind.YEAR
    return whole and card.as_of >= period.end


def _kind(card: Scorecard) -> ReportKind:
    period, term = card.period, card.resolution.term
    if period.is_term:
        return ReportKind.FINAL if card.as_of >= period.end else ReportKind.MIDTERM
    if period == term and card.as_of >= period.end:
        return ReportKind.FINAL
    return ReportKind.PERIODIC


def _within_year(period: Period) -> str | None:
    """How a report inside its year names the period: "9 tháng", "6 tháng đầu năm"."""
    match period.kind:
        case PeriodKind.HALF:
            return "6 tháng đầu năm" if period.number == 1 else "6 tháng cuối năm"
        case PeriodKind.NINE_MONTHS:
            return "9 tháng"
        case PeriodKind.QUARTER:
            return f"quý {roman(period.number)}"
        case PeriodKind.MONTH:
            return f"tháng {period.number}"
    return None


def _summary(card: Scorecard) -> str:
    """ "sơ kết giữa nhiệm kỳ thực hiện Nghị quyết Đại hội …, nhiệm kỳ 2020 - 2025";
    "kết quả 9 tháng thực hiện Nghị quyết … về nhiệm vụ năm 2023"."""
    title, period = card.resolution.title, card.period
    kind = _kind(card)
    if kind is ReportKind.MIDTERM:
        return f"sơ kết giữa nhiệm kỳ thực hiện {title}"
    if kind is ReportKind.FINAL:
        return f"tổng kết thực hiện {title}"
    annual = card.resolution.term == Period(PeriodKind.YEAR, period.year)
    short = _within_year(period)
    if annual and short:
        return f"kết quả {short} thực hiện {title}"
    return f"kết quả thực hiện {title} trong {period.label}"


# --- tally ---------------------------------------------------------------------------------


def _has_figure(row: Row) -> bool:
    return row.actual is not None or (
        row.observation is not None and row.observation.reported_pct is not None
    )


def _bucket(row: Row, final: bool) -> str:
    if row.status.counts_as_achieved:
        return "achieved"
    if row.status is Status.NOT_DUE:
        return "not_due"
    if row.status is Status.NO_DATA:
        return "no_target" if _has_figure(row) and row.target is None else "no_data"
    if not final and row.progress is not None and row.progress.bucket is not None:
        return "likely" if row.progress.bucket.likely else "unlikely"
    return "nearly_met" if row.status is Status.NEARLY_MET else "not_met"


def _tally(rows: Iterable[Row], final: bool) -> TallyCounts:
    counts = dict.fromkeys(
        ("achieved", "likely", "unlikely", "nearly_met", "not_met", "no_data", "no_target"), 0
    )
    counts["not_due"] = 0
    total = 0
    for row in rows:
        counts[_bucket(row, final)] += 1
        total += 1
    return TallyCounts(total=total, final=final, **counts)


_METHODS = {
    Method.LINEAR: "so sánh kết quả với tiến độ đều theo thời gian (tuyến tính)",
    Method.PROJECTION: "dự báo đến cuối kỳ theo tốc độ tăng bình quân (UN SDG 2023)",
    Method.CAGR_RATIO: "tỷ số tốc độ tăng bình quân thực tế và cần thiết (Open SDG)",
}


def _progress_note(rows: Iterable[Row], final: bool) -> str:
    methods = {row.progress.method for row in rows if row.progress and row.progress.bucket}
    if final or not methods:
        return ""
    described = "; ".join(_METHODS[method] for method in Method if method in methods)
    return f"Khả năng đạt được đánh giá bằng cách {described}."


# --- results by field ----------------------------------------------------------------------


def _groups(card: Scorecard) -> list[tuple[int, list[Row]]]:
    return [
        (group.position if group is not None else index + 1, rows)
        for index, (group, rows) in enumerate(card.groups())
    ]


def _field(card: Scorecard, number: int, rows: list[Row]) -> FieldResult:
    group = rows[0].group
    with_data = [row for row in rows if _has_figure(row)]
    missing = tuple(row.indicator.code for row in rows if not _has_figure(row))
    return FieldResult(
        numeral=roman(number),
        title=group.title if group is not None else "Các chỉ tiêu",
        results=tuple(
            IndicatorResult(
                code=row.indicator.code,
                name=row.indicator.name,
                text=f"{row.indicator.name}: {figures(card, row)}; đánh giá: {_status(row)}.",
                status_label=row.status_label,
            )
            for row in with_data
        ),
        without_data=missing,
        without_data_text=_missing_text(missing),
    )


def _missing_text(codes: tuple[str, ...]) -> str:
    if not codes:
        return ""
    return f"Chưa có số liệu: {len(codes)} chỉ tiêu (số {_code_ranges(codes)})."


def _code_ranges(codes: Iterable[str]) -> str:
    """ "7, 8, 9, 12" → "7 - 9, 12"; codes that are not whole numbers stay as they are."""
    parts: list[str] = []
    run: list[int] = []

    def flush() -> None:
        if run:
            parts.append(str(run[0]) if len(run) == 1 else f"{run[0]} - {run[-1]}")
            run.clear()

    for code in codes:
        if code.isdigit() and (not run or int(code) == run[-1] + 1):
            run.append(int(code))
            continue
        flush()
        if code.isdigit():
            run.append(int(code))
        else:
            parts.append(code)
    flush()
    return ", ".join(parts)


def _status(row: Row) -> str:
    if row.assessment is not None and row.assessment.status_override:
        return f"{row.status_label} (theo đánh giá của cơ quan)"
    return row.status_label


def quantity(value: Decimal, unit: str) -> str:
    """ "603,8 ha", "84 %", "19.700 tấn/năm"."""
    number = format_number(value, 2)
    return f"{number} {unit}".strip() if unit else number


def target_text(view: TargetView, unit: str) -> str:
    """The target as written, with its unit: "tối thiểu 360 kg/người/năm"."""
    return with_unit(view.spec.raw.strip(), unit)


def figures(card: Scorecard, row: Row) -> str:
    """ "thực hiện 603,8 ha, đạt 100,6 % so với kế hoạch (600 ha)"; an estimate says
    "ước thực hiện"; a percentage stated alone stays a percentage."""
    unit = row.indicator.unit
    parts: list[str] = []
    if row.actual is not None:
        verb = "ước thực hiện" if row.estimate else "thực hiện"
        parts.append(f"{verb} {quantity(row.actual, unit)}")
    if row.ratio_pct is not None:
        against = _against(card, row.target)
        shown = f" ({target_text(row.target, unit)})" if row.target is not None else ""
        parts.append(f"đạt {format_percent(row.ratio_pct)} so với {against}{shown}")
    elif row.target is not None and row.actual is not None:
        parts.append(f"mục tiêu {target_text(row.target, unit)}")
    if (
        row.term_ratio_pct is not None
        and row.term_target is not None
        and row.term_target is not row.target
    ):
        parts.append(
            f"đạt {format_percent(row.term_ratio_pct)} so với mục tiêu Nghị quyết "
            f"({target_text(row.term_target, unit)})"
        )
    if row.same_period_pct is not None:
        parts.append(
            f"bằng {format_percent(row.same_period_pct, 2)} so với cùng kỳ năm "
            f"{card.period.year - 1}"
        )
    return ", ".join(parts) if parts else "chưa có số liệu"


def _against(card: Scorecard, target: TargetView | None) -> str:
    if target is None:  # a stated percentage: of the plan, or of the term's target
        return "mục tiêu Nghị quyết" if card.period.is_term else "kế hoạch"
    return "kế hoạch" if target.target.year is not None else "mục tiêu Nghị quyết"


# --- lagging indicators and remedies --------------------------------------------------------


def _is_lagging(row: Row) -> bool:
    return not row.status.counts_as_achieved and (row.lagging or row.status is Status.NOT_MET)


def _lagging_item(card: Scorecard, row: Row) -> LaggingItem:
    assessment = row.assessment
    progress = row.progress.bucket.label if row.progress and row.progress.bucket else ""
    ratio = row.term_ratio_pct if card.period.is_term else row.ratio_pct
    return LaggingItem(
        code=row.indicator.code,
        name=row.indicator.name,
        figures=figures(card, row),
        status_label=row.status_label,
        progress_label=progress,
        ratio_pct=ratio if ratio is not None else row.ratio_pct,
        causes_subjective=assessment.causes_subjective.strip() if assessment else "",
        causes_objective=assessment.causes_objective.strip() if assessment else "",
        remedies=assessment.remedies.strip() if assessment else "",
        agency=(assessment.responsible_agency if assessment else "")
        or row.indicator.responsible_agency,
    )


def _remedies(rows: Iterable[Row]) -> tuple[Remedy, ...]:
    """Remedies recorded in assessments, each once, with the indicators it serves."""
    found: dict[str, list[str]] = {}
    for row in rows:
        text = row.assessment.remedies.strip() if row.assessment else ""
        if text:
            found.setdefault(text, []).append(row.indicator.code)
    return tuple(Remedy(text, tuple(codes)) for text, codes in found.items())
