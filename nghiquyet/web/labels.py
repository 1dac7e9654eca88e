"""Words for the core's codes, through gettext so that English works too.

The core speaks Vietnamese on its own (the CLI and the reports need no Django); the pages ask
here instead, so a status, a period or a progress bucket reads in the person's language.
Every status also has an icon: status is never told by colour alone.
"""

from __future__ import annotations

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, pgettext

from nghiquyet.core.evaluation import Status
from nghiquyet.core.periods import Period, PeriodKind, roman
from nghiquyet.core.progress import Bucket, Method
from nghiquyet.core.targets import ChangeMethod, Direction, IndicatorKind, TermBasis

STATUS_ICONS = {
    Status.EXCEEDED: "▲",
    Status.MET: "✓",
    Status.NEARLY_MET: "≈",
    Status.NOT_MET: "✗",
    Status.NO_DATA: "–",
    Status.NOT_DUE: "…",
}

_STATUS = {
    Status.EXCEEDED: gettext_lazy("Vượt"),
    Status.MET: gettext_lazy("Đạt"),
    Status.NEARLY_MET: gettext_lazy("Cơ bản đạt"),
    Status.NOT_MET: gettext_lazy("Không đạt"),
    Status.NO_DATA: gettext_lazy("Chưa có số liệu"),
    Status.NOT_DUE: gettext_lazy("Chưa đến kỳ đánh giá"),
}
NOT_MET_INTERIM = gettext_lazy("Chưa đạt")
NO_TARGET = gettext_lazy("Chưa có mục tiêu để so")

_BUCKETS = {
    Bucket.ACHIEVED: gettext_lazy("Đã đạt và vượt"),
    Bucket.ON_TRACK: gettext_lazy("Có khả năng đạt"),
    Bucket.AT_RISK: gettext_lazy("Cần cố gắng"),
    Bucket.OFF_TRACK: gettext_lazy("Khó đạt"),
    Bucket.ACCELERATION_NEEDED: gettext_lazy("Cần tăng tốc"),
    Bucket.STAGNATION: gettext_lazy("Dậm chân tại chỗ hoặc đi lùi"),
    Bucket.SUBSTANTIAL: gettext_lazy("Tiến bộ rõ rệt"),
    Bucket.MODERATE: gettext_lazy("Tiến bộ vừa phải"),
    Bucket.LIMITED: gettext_lazy("Tiến bộ hạn chế"),
    Bucket.DETERIORATION: gettext_lazy("Đi lùi"),
}

METHODS = {
    Method.LINEAR: gettext_lazy("lộ trình tuyến tính"),
    Method.PROJECTION: gettext_lazy("dự báo theo xu hướng (UN 2023)"),
    Method.CAGR_RATIO: gettext_lazy("tỷ số tốc độ tăng (Open SDG)"),
}

DIRECTIONS = {
    Direction.UP: gettext_lazy("Càng cao càng tốt"),
    Direction.DOWN: gettext_lazy("Càng thấp càng tốt"),
    Direction.RANGE: gettext_lazy("Trong khoảng"),
    Direction.QUALITATIVE: gettext_lazy("Định tính"),
}

KINDS = {
    IndicatorKind.FLOW: gettext_lazy("Lượng trong kỳ"),
    IndicatorKind.LEVEL: gettext_lazy("Mức tại thời điểm"),
    IndicatorKind.CHANGE: gettext_lazy("Tốc độ thay đổi"),
    IndicatorKind.QUALITATIVE: gettext_lazy("Định tính"),
}

TERM_BASES = {
    TermBasis.EACH_YEAR: gettext_lazy("Mỗi năm đều phải đạt"),
    TermBasis.YEARLY_AVERAGE: gettext_lazy("Bình quân các năm"),
    TermBasis.TERM_TOTAL: gettext_lazy("Lũy kế cả nhiệm kỳ"),
}

CHANGE_METHODS = {
    ChangeMethod.POINTS: gettext_lazy("Điểm phần trăm mỗi năm"),
    ChangeMethod.CAGR: gettext_lazy("Tốc độ tăng bình quân (CAGR)"),
}


def status_text(status: Status, *, final: bool = True) -> str:
    """ "Vượt", "Chưa đạt" (a not-met status while the period still runs), "Không đạt"."""
    if status is Status.NOT_MET and not final:
        return str(NOT_MET_INTERIM)
    return str(_STATUS[status])


def bucket_text(bucket: Bucket | None) -> str:
    return str(_BUCKETS[bucket]) if bucket is not None else ""


def period_label(period: Period) -> str:
    """ "9 tháng năm 2023", "nhiệm kỳ 2020 - 2025" — or their English names."""
    year, number = period.year, period.number
    match period.kind:
        case PeriodKind.HALF if number == 1:
            return _("6 tháng đầu năm %(year)s") % {"year": year}
        case PeriodKind.HALF:
            return _("6 tháng cuối năm %(year)s") % {"year": year}
        case PeriodKind.NINE_MONTHS:
            return _("9 tháng năm %(year)s") % {"year": year}
        case PeriodKind.QUARTER:
            return _("quý %(quarter)s năm %(year)s") % {"quarter": roman(number), "year": year}
        case PeriodKind.MONTH:
            return _("tháng %(month)s năm %(year)s") % {"month": number, "year": year}
        case PeriodKind.TERM:
            return _("nhiệm kỳ %(first)s - %(last)s") % {"first": year, "last": number}
    return pgettext("period", "năm %(year)s") % {"year": year}


def period_kind_label(period: Period) -> str:
    """Short names for a period picker: "Năm", "6 tháng", "9 tháng", "Nhiệm kỳ"."""
    return {
        PeriodKind.YEAR: _("Năm"),
        PeriodKind.HALF: _("6 tháng"),
        PeriodKind.NINE_MONTHS: _("9 tháng"),
        PeriodKind.QUARTER: _("Quý"),
        PeriodKind.MONTH: _("Tháng"),
        PeriodKind.TERM: _("Nhiệm kỳ"),
    }[period.kind]
