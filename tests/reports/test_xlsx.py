"""The Excel report: numbers as numbers with Vietnamese formats, frozen header, A4 landscape,
and every observation with its source and who entered it when."""

from __future__ import annotations

from decimal import Decimal

import pytest

from nghiquyet.reports import build_report
from nghiquyet.reports.xlsx.formats import number_format

from .conftest import DEMO_REPORTS, demo_report, open_xlsx


def appendix_rows(sheet, header_row: int = 6) -> dict[str, dict[str, object]]:
    header = [cell.value for cell in sheet[header_row]]
    rows = {}
    for row in sheet.iter_rows(min_row=header_row + 1):
        values = [cell.value for cell in row]
        if isinstance(values[1], str) and values[0] and not str(values[0]).isalpha():
            rows[values[1]] = dict(zip(header, values, strict=True))
    return rows


@pytest.mark.parametrize("key", DEMO_REPORTS)
def test_every_demo_report_has_the_three_sheets(demo, key):
    workbook = open_xlsx(demo_report(key, fmt="xlsx").content)
    assert workbook.sheetnames == ["Phụ lục", "Số liệu", "Thông tin"]


def test_appendix_sheet_titles_and_tally(demo):
    sheet = open_xlsx(demo_report("cho-don-9m", fmt="xlsx").content)["Phụ lục"]
    assert sheet["A1"].value == "KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU CHỦ YẾU"
    assert sheet["A2"].value.startswith("Nghị quyết của Ban Chấp hành Đảng bộ huyện Chợ Đồn")
    assert "9 tháng năm 2023, số liệu tính đến ngày 10/10/2023" in sheet["A3"].value
    assert sheet["A4"].value.startswith("Đến nay, có 2/6 chỉ tiêu đạt và vượt")
    assert sheet["A1"].font.name == "Times New Roman" and sheet["A1"].font.b


def test_figures_are_numbers_with_grouping_and_percentages(demo):
    sheet = open_xlsx(demo_report("cho-don-9m", fmt="xlsx").content)["Phụ lục"]
    rows = appendix_rows(sheet)
    forest = rows["Trồng rừng"]
    assert forest["TH/ƯTH"] == pytest.approx(603.8)
    assert forest["% so KH"] == pytest.approx(1.00633, abs=1e-4)
    industry = rows["Giá trị sản xuất công nghiệp"]
    assert industry["TH cùng kỳ năm 2022"] == pytest.approx(380.12)
    assert industry["% so cùng kỳ"] == pytest.approx(0.9527, abs=1e-4)
    actual = next(cell for cell in sheet["F"] if cell.value == pytest.approx(603.8))
    assert actual.number_format == "[$-42A]#,##0.0"
    pct = next(cell for cell in sheet["I"] if isinstance(cell.value, float))
    assert pct.number_format == "[$-42A]#,##0.0%"
    jobs = rows["Giải quyết việc làm"]
    assert jobs["Mục tiêu NQ"] == "1.000" and jobs["TH/ƯTH"] == 600


def test_field_headings_are_roman_numbered_rows(demo):
    sheet = open_xlsx(demo_report("pac-nam-midterm", fmt="xlsx").content)["Phụ lục"]
    headings = [
        (row[0].value, row[1].value)
        for row in sheet.iter_rows(min_row=7)
        if row[0].value in ("I", "II", "III", "IV")
    ]
    assert [numeral for numeral, _ in headings] == ["I", "II", "III", "IV"]
    assert headings[0][1] == "KINH TẾ"
    assert any(merged.min_row == 7 and merged.min_col == 2 for merged in sheet.merged_cells)


def test_header_is_frozen_and_printed_on_every_page_of_an_a4_landscape_sheet(demo):
    sheet = open_xlsx(demo_report("pac-nam-midterm", fmt="xlsx").content)["Phụ lục"]
    assert sheet.freeze_panes == "C7"
    assert sheet.print_title_rows == "$6:$6"
    assert sheet.page_setup.orientation == "landscape"
    assert str(sheet.page_setup.paperSize) == str(sheet.PAPERSIZE_A4)
    assert sheet.page_setup.fitToWidth == 1
    assert sheet.sheet_properties.pageSetUpPr.fitToPage
    assert [cell.value for cell in sheet[6]][:3] == ["STT", "Chỉ tiêu", "ĐVT"]


def test_observation_sheet_lists_every_figure_with_source_and_who_when(demo):
    sheet = open_xlsx(demo_report("cho-don-9m", fmt="xlsx").content)["Số liệu"]
    header = [cell.value for cell in sheet[1]]
    rows = [dict(zip(header, [c.value for c in row], strict=True)) for row in sheet.iter_rows(2)]
    assert len(rows) == 6  # five 9-month figures and the 2022 figure for "cùng kỳ"
    industry = [row for row in rows if row["Chỉ tiêu"] == "Giá trị sản xuất công nghiệp"]
    assert {row["Kỳ"] for row in industry} == {"2022-9M", "2023-9M"}
    forest = next(row for row in rows if row["Chỉ tiêu"] == "Trồng rừng")
    assert forest["Giá trị"] == pytest.approx(603.8)
    assert forest["Tham chiếu nguồn"] == "seeds/003_b592c6de4c53e17a.txt"
    assert "603,8ha/600ha" in forest["Trích dẫn"]
    assert forest["Người nhập"] == "demo"  # from the audit trail: written by the demo loader
    assert forest["Lúc nhập"] is not None and forest["Dùng trong báo cáo"] == "x"
    assert sheet.freeze_panes == "C2" and sheet.auto_filter.ref.startswith("A1:")


def test_info_sheet_says_what_was_asked(demo):
    sheet = open_xlsx(demo_report("pac-nam-midterm", fmt="xlsx").content)["Thông tin"]
    values = {row[0].value: row[1].value for row in sheet.iter_rows()}
    assert values["Số liệu tính đến ngày"] == "17/05/2023"
    assert values["Tổng số chỉ tiêu"] == 49
    assert values["Đạt và vượt"] == 5


def test_a_period_without_figures_says_so_in_excel(demo):
    workbook = open_xlsx(build_report("cho-don-2023", "2023-H1", fmt="xlsx").content)
    assert "chưa có số liệu thực hiện" in workbook["Phụ lục"]["A4"].value


def test_number_formats_keep_the_decimals_a_value_needs():
    assert number_format(Decimal("4500")) == "[$-42A]#,##0"
    assert number_format(Decimal("603.800000")) == "[$-42A]#,##0.0"
    assert number_format(Decimal("362.14")) == "[$-42A]#,##0.00"
    assert number_format(Decimal("0.333333")) == "[$-42A]#,##0.00"
    assert number_format(Decimal("95.27"), percent=True) == "[$-42A]#,##0.00%"
    assert number_format(Decimal("60"), percent=True) == "[$-42A]#,##0.0%"
