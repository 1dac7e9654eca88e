"""The data-entry template: one row per indicator of a resolution, for one unit and period.

STT, Chỉ tiêu, ĐVT and the target in force are filled in and locked; TH/ƯTH (a list), Giá trị
(a number, checked by Excel against the indicator's range) and Ghi chú are the yellow cells to
fill. Values already stored are filled in, so the template doubles as a correction form. The
sheet and the workbook structure are protected (no password: it prevents accidents, not
intent); a hidden sheet records resolution, unit and period so that the import knows where
each value belongs; a second sheet explains everything in Vietnamese.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

from django.utils import timezone
from openpyxl import Workbook  # type: ignore[import-untyped]
from openpyxl.styles import Protection  # type: ignore[import-untyped]
from openpyxl.workbook.protection import WorkbookProtection  # type: ignore[import-untyped]
from openpyxl.worksheet.datavalidation import DataValidation  # type: ignore[import-untyped]

from nghiquyet.core.periods import Period
from nghiquyet.core.targets import IndicatorKind
from nghiquyet.orgunits.models import OrgUnit
from nghiquyet.plans.models import Indicator, Resolution
from nghiquyet.results.models import Observation
from nghiquyet.scorecards.build import build_scorecard

from . import styles
from .reader import META_FORMAT, META_SHEET

DATA_SHEET = "Nhập số liệu"
HELP_SHEET = "Hướng dẫn"
HEADER = ("STT", "Chỉ tiêu", "ĐVT", "Mục tiêu", "TH/ƯTH", "Giá trị", "Ghi chú")
WIDTHS = (7, 60, 14, 18, 10, 16, 40)
HEADER_ROW = 6
ESTIMATE_CHOICES = ("TH", "ƯTH")
UNLOCKED = Protection(locked=False)


def _bounds(indicator: Indicator) -> tuple[Decimal | None, Decimal | None]:
    """The range Excel checks a value against: the service's range rules, as far as Excel can."""
    low = indicator.value_min
    high = indicator.value_max
    if low is None and indicator.kind in (IndicatorKind.FLOW, IndicatorKind.LEVEL):
        low = Decimal(0)
    if high is None and indicator.unit.strip() == "%" and indicator.kind == IndicatorKind.LEVEL:
        high = Decimal(100)
    return low, high


def _validation(low: Decimal | None, high: Decimal | None) -> DataValidation:
    if low is not None and high is not None:
        rule: dict[str, Any] = {"operator": "between", "formula1": str(low), "formula2": str(high)}
        allowed = f"từ {low} đến {high}"
    elif low is not None:
        rule = {"operator": "greaterThanOrEqual", "formula1": str(low)}
        allowed = f"từ {low} trở lên"
    elif high is not None:
        rule = {"operator": "lessThanOrEqual", "formula1": str(high)}
        allowed = f"không quá {high}"
    else:
        rule = {"operator": "between", "formula1": "-1E+18", "formula2": "1E+18"}
        allowed = "một con số"
    return DataValidation(
        type="decimal",
        allow_blank=True,
        showErrorMessage=True,
        showInputMessage=True,
        errorTitle="Giá trị không hợp lệ",
        error=f"Ô này cần một con số {allowed}. Số thập phân dùng dấu phẩy (41,3) nếu máy "
        "dùng định dạng Việt Nam. Để trống nếu chưa có số liệu.",
        promptTitle="Giá trị",
        prompt=f"Nhập một con số ({allowed}).",
        **rule,
    )


def write_template(resolution: Resolution, period: Period, unit: OrgUnit | None, path: Path) -> int:
    """Write the template to ``path``; return the number of indicator rows."""
    unit = unit or resolution.scope
    card = build_scorecard(resolution, period)
    stored = {
        o.indicator_id: o
        for o in Observation.objects.filter(
            indicator__resolution=resolution, org_unit=unit, period=period.code, is_deleted=False
        )
    }
    book = Workbook()
    sheet = book.active
    sheet.title = DATA_SHEET
    _frame(sheet, resolution, unit, period)
    estimate_list = DataValidation(
        type="list",
        formula1=f'"{",".join(ESTIMATE_CHOICES)}"',
        allow_blank=True,
        showErrorMessage=True,
        errorTitle="TH/ƯTH",
        error="Chọn TH (thực hiện) hoặc ƯTH (ước thực hiện), hoặc để trống (= TH).",
    )
    sheet.add_data_validation(estimate_list)
    checks: dict[tuple[Decimal | None, Decimal | None], DataValidation] = {}
    row = HEADER_ROW + 1
    count = 0
    for group, members in card.groups():
        if group is not None:
            _group_row(sheet, row, group.numeral, group.title.upper())
            row += 1
        for member in members:
            indicator = member.indicator
            target = member.target.spec.raw if member.target else ""
            _indicator_row(sheet, row, indicator, target, stored.get(indicator.pk))
            if indicator.kind != IndicatorKind.QUALITATIVE:
                bounds = _bounds(indicator)
                if bounds not in checks:
                    checks[bounds] = _validation(*bounds)
                    sheet.add_data_validation(checks[bounds])
                checks[bounds].add(f"F{row}")
                estimate_list.add(f"E{row}")
            row += 1
            count += 1
    sheet.freeze_panes = f"C{HEADER_ROW + 1}"
    sheet.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.protection.sheet = True
    sheet.protection.formatColumns = False  # let people widen columns
    sheet.protection.formatRows = False
    _help(book.create_sheet(HELP_SHEET), resolution, unit, period)
    _meta(book.create_sheet(META_SHEET), resolution, unit, period)
    book.security = WorkbookProtection(lockStructure=True)
    book.active = 0
    book.save(path)
    return count


def _frame(sheet: Any, resolution: Resolution, unit: OrgUnit, period: Period) -> None:
    lines = (
        ("BIỂU NHẬP SỐ LIỆU CHỈ TIÊU NGHỊ QUYẾT", styles.TITLE),
        (
            f"{resolution.title}" + (f" (số {resolution.number})" if resolution.number else ""),
            styles.SUBTITLE,
        ),
        (
            f"Đơn vị: {unit.name} (mã {unit.code}) · Kỳ: {period.label} (mã {period.code})",
            styles.BOLD,
        ),
        (
            "Chỉ nhập vào các ô nền vàng: TH/ƯTH, Giá trị, Ghi chú. Xem trang 'Hướng dẫn'. "
            "Không thêm, xóa hay đổi thứ tự cột.",
            styles.ITALIC,
        ),
    )
    for number, (text, font) in enumerate(lines, start=1):
        cell = sheet.cell(row=number, column=1, value=text)
        cell.font = font
        sheet.merge_cells(start_row=number, start_column=1, end_row=number, end_column=len(HEADER))
    sheet.row_dimensions[2].height = 32
    sheet.cell(row=2, column=1).alignment = styles.WRAP
    for column, (title, width) in enumerate(zip(HEADER, WIDTHS, strict=True), start=1):
        cell = sheet.cell(row=HEADER_ROW, column=column, value=title)
        cell.font = styles.BOLD
        cell.fill = styles.HEADER_FILL
        cell.border = styles.BORDER
        cell.alignment = styles.CENTER
        sheet.column_dimensions[cell.column_letter].width = width


def _group_row(sheet: Any, row: int, numeral: str, title: str) -> None:
    for column in range(1, len(HEADER) + 1):
        cell = sheet.cell(row=row, column=column)
        cell.fill = styles.GROUP_FILL
        cell.border = styles.BORDER
        cell.font = styles.BOLD
    sheet.cell(row=row, column=1, value=numeral).alignment = styles.CENTER
    sheet.cell(row=row, column=2, value=title)


def _indicator_row(
    sheet: Any, row: int, indicator: Indicator, target: str, stored: Observation | None
) -> None:
    qualitative = indicator.kind == IndicatorKind.QUALITATIVE
    values: tuple[Any, ...] = (
        indicator.code,
        indicator.name,
        indicator.unit,
        target,
        ("ƯTH" if stored.is_estimate else "TH") if stored and stored.value is not None else None,
        stored.value if stored is not None and stored.value is not None else None,
        stored.note if stored is not None and stored.value is not None else None,
    )
    for column, value in enumerate(values, start=1):
        cell = sheet.cell(row=row, column=column, value=value)
        cell.font = styles.BODY
        cell.border = styles.BORDER
        cell.alignment = styles.WRAP
        if column == 1:
            cell.data_type = "s"  # "2.1" stays a code, never the number 2,1
            cell.alignment = styles.CENTER
        if column >= 5:
            if qualitative:
                cell.fill = styles.LOCKED_FILL
            else:
                cell.fill = styles.INPUT_FILL
                cell.protection = UNLOCKED
        if column == 6:
            cell.alignment = styles.RIGHT
    if qualitative:
        sheet.cell(row=row, column=7, value="Chỉ tiêu định tính: đánh giá trên trang web.")


HELP_LINES = (
    ("HƯỚNG DẪN NHẬP SỐ LIỆU", styles.TITLE),
    ("", None),
    ("1. Chỉ nhập vào các ô nền vàng ở trang 'Nhập số liệu':", styles.BOLD),
    ("   • TH/ƯTH: chọn TH (số thực hiện) hoặc ƯTH (số ước thực hiện). Để trống là TH.", None),
    (
        "   • Giá trị: một con số theo đơn vị tính ở cột ĐVT (ví dụ ĐVT 'tỷ đồng' thì ghi 248, "
        "không ghi 248.000.000.000).",
        None,
    ),
    ("   • Ghi chú: nguồn số liệu, giải thích nếu cần.", None),
    ("2. Cách ghi số:", styles.BOLD),
    ("   • Nên gõ số vào ô như bình thường; Excel tự hiểu theo định dạng của máy.", None),
    (
        "   • Nếu ghi số dạng chữ: dấu chấm phân cách hàng nghìn, dấu phẩy là dấu thập phân — "
        "4.500 là bốn nghìn năm trăm; 41,3 là bốn mươi mốt phẩy ba.",
        None,
    ),
    ("   • Không ghi '4,500' (không rõ là 4,5 hay 4.500): hệ thống sẽ hỏi lại.", None),
    ("   • Ô định dạng phần trăm (95%) được hiểu là 95.", None),
    (
        "   • Nếu Excel tự đổi số thành ngày tháng (gõ 4.5 thành 04/05), hãy định dạng ô là Số "
        "(Number) rồi gõ lại; hệ thống sẽ báo những ô như vậy.",
        None,
    ),
    ("   • Được dùng công thức; hệ thống lấy kết quả Excel đã tính khi lưu tệp.", None),
    ("3. Để trống ô Giá trị nếu chưa có số liệu: dòng đó được bỏ qua, số cũ giữ nguyên.", None),
    (
        "4. Số đã có trong hệ thống được điền sẵn; sửa số nào thì số đó được cập nhật, mọi thay "
        "đổi đều được ghi lại (ai, lúc nào, từ tệp nào, dòng nào).",
        None,
    ),
    (
        "5. Không thêm, xóa, đổi tên trang hay cột. Trang tính được khóa (không đặt mật khẩu) "
        "để tránh sửa nhầm tên chỉ tiêu.",
        None,
    ),
    (
        "6. Tải tệp lên trang 'Nhập số liệu từ tệp' hoặc dùng lệnh: nghiquyet import TỆP. "
        "Hệ thống cho xem trước các thay đổi (mới / sửa / không đổi) trước khi ghi; nếu có "
        "dòng sai, hệ thống liệt kê đủ từng dòng, từng cột và không ghi gì.",
        None,
    ),
)


def _help(sheet: Any, resolution: Resolution, unit: OrgUnit, period: Period) -> None:
    sheet.column_dimensions["A"].width = 120
    for number, (text, font) in enumerate(HELP_LINES, start=1):
        cell = sheet.cell(row=number, column=1, value=text)
        cell.font = font or styles.BODY
        cell.alignment = styles.WRAP
    last = len(HELP_LINES) + 2
    sheet.cell(
        row=last,
        column=1,
        value=(
            f"Biểu này dành cho: {resolution.code} · đơn vị {unit.code} · kỳ {period.code}. "
            f"Tạo lúc {timezone.localtime():%H:%M ngày %d/%m/%Y}."
        ),
    ).font = styles.ITALIC
    sheet.protection.sheet = True


def _meta(sheet: Any, resolution: Resolution, unit: OrgUnit, period: Period) -> None:
    for row in (
        ("format", META_FORMAT),
        ("version", "1"),
        ("sheet", DATA_SHEET),
        ("resolution", resolution.code),
        ("org_unit", unit.code),
        ("period", period.code),
        ("generated_at", timezone.now().isoformat()),
    ):
        sheet.append(row)
    sheet.sheet_state = "veryHidden"
    sheet.protection.sheet = True
