"""The Excel report: the appendix table, every observation behind it, and what was asked.

Sheets:

* "Phụ lục" — the appendix, figures stored as numbers (so people can compute with them) in
  formats with thousands grouping and decimals, percentages as percentages; field headings;
  the header row frozen and printed on every page; A4 landscape, one page wide.
* "Số liệu" — every live observation of the resolution's indicators with its source, quote,
  who entered it and when, and whether this report uses it.
* "Thông tin" — the resolution, period, as-of date, tally and legend.

The number formats carry the Vietnamese locale tag ``[$-42A]``: LibreOffice then prints
"4.500" and "100,6%" everywhere; Excel uses the separators of the computer's regional
settings (Vietnamese on a Vietnamese Windows).
"""

from __future__ import annotations

import io
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from openpyxl import Workbook  # type: ignore[import-untyped]
from openpyxl.styles import (  # type: ignore[import-untyped]
    Alignment,
    Border,
    Font,
    PatternFill,
    Side,
)
from openpyxl.utils import get_column_letter  # type: ignore[import-untyped]
from openpyxl.worksheet.worksheet import Worksheet  # type: ignore[import-untyped]

from ..table import Appendix, AppendixRow, Column
from .formats import number_format
from .observations import OBSERVATION_COLUMNS, observation_rows

if TYPE_CHECKING:
    from ..api import PreparedReport

FONT = "Times New Roman"
THIN = Side(style="thin", color="000000")
BOX = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
HEADER_FILL = PatternFill("solid", fgColor="E7E6E6")
GROUP_FILL = PatternFill("solid", fgColor="F2F2F2")
WRAP = Alignment(wrap_text=True, vertical="center")
# Style objects are built once: openpyxl compares and hashes each one it is given.
BODY = Font(name=FONT, size=11)
BOLD = Font(name=FONT, size=11, bold=True)
ITALIC = Font(name=FONT, size=11, italic=True)
CENTRE = Alignment(horizontal="center", vertical="center", wrap_text=True)
RIGHT = Alignment(horizontal="right", vertical="center")
TOP = Alignment(vertical="top")
TOP_WRAP = Alignment(vertical="top", wrap_text=True)
# Column widths in characters.
WIDTHS = {
    "code": 6,
    "name": 40,
    "unit": 12,
    "nq_target": 14,
    "plan": 12,
    "actual": 13,
    "previous": 13,
    "pct_plan": 10,
    "pct_nq": 10,
    "pct_same": 11,
    "status": 16,
    "note": 22,
}
MM_PER_INCH = 25.4


def render_xlsx(report: PreparedReport) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = "Phụ lục"
    _appendix_sheet(sheet, report)
    _observation_sheet(workbook.create_sheet("Số liệu"), report)
    _info_sheet(workbook.create_sheet("Thông tin"), report)
    properties = workbook.properties
    properties.title = f"Báo cáo {report.content.summary}"
    properties.creator = report.letterhead.issuer_display
    properties.language = "vi-VN"
    properties.created = properties.modified = datetime.now(UTC).replace(tzinfo=None)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _appendix_sheet(sheet: Worksheet, report: PreparedReport) -> None:
    content, appendix = report.content, report.content.appendix
    columns = appendix.columns
    last = get_column_letter(len(columns))
    titles = [
        ("KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU CHỦ YẾU", Font(name=FONT, size=14, bold=True)),
        (content.resolution_title, Font(name=FONT, size=12, bold=True)),
        (
            f"{report.letterhead.issuer_display} — {content.period.label}, "
            f"số liệu tính đến ngày {content.as_of:%d/%m/%Y}",
            Font(name=FONT, size=12, italic=True),
        ),
        (
            content.tally.sentence if content.has_data else content.no_data_sentence,
            Font(name=FONT, size=12),
        ),
    ]
    for index, (text, font) in enumerate(titles, start=1):
        sheet.merge_cells(f"A{index}:{last}{index}")
        cell = sheet.cell(row=index, column=1, value=text)
        cell.font = font
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    sheet.row_dimensions[4].height = 32
    header_row = len(titles) + 2
    _header(sheet, header_row, columns, appendix)
    row_index = header_row + 1
    for section in appendix.sections:
        _group_row(sheet, row_index, section.numeral, section.title.upper(), len(columns))
        row_index += 1
        for item in section.rows:
            _data_row(sheet, row_index, columns, item)
            row_index += 1
    _notes(sheet, row_index + 1, appendix)
    for position, column in enumerate(columns, start=1):
        sheet.column_dimensions[get_column_letter(position)].width = WIDTHS[column.key]
    sheet.freeze_panes = f"C{header_row + 1}"
    sheet.print_title_rows = f"{header_row}:{header_row}"
    _print_setup(sheet, report)


def _header(sheet: Worksheet, row: int, columns: tuple[Column, ...], appendix: Appendix) -> None:
    for position, column in enumerate(columns, start=1):
        title = column.title
        if column.key == "previous" and appendix.same_period_year is not None:
            title = f"TH cùng kỳ năm {appendix.same_period_year}"
        cell = sheet.cell(row=row, column=position, value=title)
        cell.font = BOLD
        cell.fill = HEADER_FILL
        cell.border = BOX
        cell.alignment = CENTRE
    sheet.row_dimensions[row].height = 32


def _group_row(sheet: Worksheet, row: int, numeral: str, title: str, width: int) -> None:
    sheet.cell(row=row, column=1, value=numeral)
    sheet.cell(row=row, column=2, value=title)
    for position in range(1, width + 1):
        cell = sheet.cell(row=row, column=position)
        cell.font = BOLD
        cell.fill = GROUP_FILL
        cell.border = BOX
    sheet.cell(row=row, column=1).alignment = Alignment(horizontal="center")
    sheet.merge_cells(start_row=row, start_column=2, end_row=row, end_column=width)


def _data_row(sheet: Worksheet, row: int, columns: tuple[Column, ...], item: AppendixRow) -> None:
    for position, column in enumerate(columns, start=1):
        value, fmt = _value(item, column.key)
        cell = sheet.cell(row=row, column=position, value=value)
        cell.font = BODY
        cell.border = BOX
        if fmt:
            cell.number_format = fmt
            cell.alignment = RIGHT
        elif column.key in ("code", "unit", "nq_target", "plan", "status"):
            cell.alignment = CENTRE
        else:
            cell.alignment = WRAP


def _value(item: AppendixRow, key: str) -> tuple[Any, str]:
    """The cell value (a number where there is one) and its number format."""
    if key in ("actual", "previous"):
        value = item.actual if key == "actual" else item.previous
        return value, number_format(value) if value is not None else ""
    if key in ("pct_plan", "pct_nq", "pct_same"):
        pct = {"pct_plan": item.pct_plan, "pct_nq": item.pct_nq, "pct_same": item.pct_same}[key]
        if pct is None:
            return None, ""
        return pct / 100, number_format(pct, percent=True, places=2 if key == "pct_same" else 1)
    if key == "note":
        notes = [item.note, "ƯTH" if item.estimate else ""]
        return "; ".join(part for part in notes if part) or None, ""
    return item.text(key) or None, ""


def _notes(sheet: Worksheet, row: int, appendix: Appendix) -> None:
    lines = ["Ghi chú: TH: thực hiện; ƯTH: ước thực hiện; KH: kế hoạch; NQ: Nghị quyết."]
    lines += [f"({number}) {text}" for number, text in enumerate(appendix.notes, start=1)]
    for offset, text in enumerate(lines):
        cell = sheet.cell(row=row + offset, column=1, value=text)
        cell.font = ITALIC if offset == 0 else BODY


def _print_setup(sheet: Worksheet, report: PreparedReport) -> None:
    setup = sheet.page_setup
    setup.paperSize = sheet.PAPERSIZE_A4
    setup.orientation = sheet.ORIENTATION_LANDSCAPE
    setup.fitToWidth = 1
    setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    margins = report.profile.margins
    sheet.page_margins.top = margins.top / MM_PER_INCH
    sheet.page_margins.bottom = margins.bottom / MM_PER_INCH
    sheet.page_margins.left = margins.left / MM_PER_INCH
    sheet.page_margins.right = margins.right / MM_PER_INCH
    sheet.page_margins.header = sheet.page_margins.footer = 10 / MM_PER_INCH
    sheet.print_options.horizontalCentered = True
    sheet.oddHeader.center.text = "&P"
    sheet.oddHeader.center.font = FONT


def _observation_sheet(sheet: Worksheet, report: PreparedReport) -> None:
    for position, (title, width) in enumerate(OBSERVATION_COLUMNS, start=1):
        cell = sheet.cell(row=1, column=position, value=title)
        cell.font = BOLD
        cell.fill = HEADER_FILL
        cell.border = BOX
        cell.alignment = CENTRE
        sheet.column_dimensions[get_column_letter(position)].width = width
    row_index = 1
    for row_index, values in enumerate(observation_rows(report), start=2):
        for position, (value, fmt) in enumerate(values, start=1):
            cell = sheet.cell(row=row_index, column=position, value=value)
            cell.font = BODY
            cell.alignment = TOP_WRAP if isinstance(value, str) else TOP
            if fmt:
                cell.number_format = fmt
    sheet.freeze_panes = "C2"
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(OBSERVATION_COLUMNS))}{max(row_index, 1)}"
    sheet.print_title_rows = "1:1"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.orientation = sheet.ORIENTATION_LANDSCAPE


def _info_sheet(sheet: Worksheet, report: PreparedReport) -> None:
    content, card = report.content, report.card
    tally = content.tally
    rows: list[tuple[str, Any]] = [
        ("Nghị quyết", content.resolution_title),
        ("Mã", content.resolution_code),
        ("Số hiệu", content.resolution_number or "—"),
        ("Cơ quan ban hành", report.letterhead.issuer_display),
        ("Kỳ báo cáo", f"{content.period.label} ({content.period.code})"),
        ("Số liệu tính đến ngày", content.as_of.strftime("%d/%m/%Y")),
        ("Thể thức", report.profile.label),
        ("Tổng hợp", tally.sentence if content.has_data else content.no_data_sentence),
        ("Tổng số chỉ tiêu", tally.total),
        ("Đạt và vượt", tally.achieved),
        ("Có khả năng đạt", tally.likely),
        ("Khó đạt", tally.unlikely),
        ("Cơ bản đạt", tally.nearly_met),
        ("Chưa đạt / không đạt", tally.not_met),
        ("Chưa có số liệu", tally.no_data),
        ("Chưa có mục tiêu để so sánh", tally.no_target),
        ("Ngưỡng cơ bản đạt", f"{card.resolution.nearly_met_threshold.normalize()} %"),
        ("Cách đánh giá khả năng đạt", content.progress_note or "—"),
        ("Lập lúc", datetime.now(UTC).astimezone().strftime("%d/%m/%Y %H:%M")),
    ]
    for index, (label, value) in enumerate(rows, start=1):
        sheet.cell(row=index, column=1, value=label).font = BOLD
        cell = sheet.cell(row=index, column=2, value=value)
        cell.font = BODY
        cell.alignment = Alignment(wrap_text=True, vertical="top", horizontal="left")
    sheet.column_dimensions["A"].width = 30
    sheet.column_dimensions["B"].width = 100
