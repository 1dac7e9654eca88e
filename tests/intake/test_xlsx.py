"""The data-entry template and workbooks as people fill them: formulas, dates, percentages,
old fonts."""

import re
import zipfile
from datetime import datetime
from decimal import Decimal

import pytest
from openpyxl import Workbook, load_workbook
from openpyxl.styles import Font

from nghiquyet.intake.xlsx.reader import META_SHEET
from nghiquyet.intake.xlsx.template import DATA_SHEET, HELP_SHEET
from nghiquyet.results.models import AuditEvent, Observation

from .conftest import snapshot_db
from .encodings import tcvn3


@pytest.fixture
def template(demo, run, tmp_path):
    """Write the template of cho-don-2023 for a period and return its path."""

    def _template(period="2023-9M", unit=None):
        path = tmp_path / f"bieu-{period}.xlsx"
        args = ["template", "--resolution", "cho-don-2023", "--period", period, "-o", str(path)]
        if unit:
            args += ["--unit", unit]
        result = run(*args)
        assert result.code == 0, result.err
        return path

    return _template


def rows_by_code(sheet):
    return {row[0].value: row for row in sheet.iter_rows(min_row=7) if row[0].value is not None}


def with_cached_values(path, values):
    """Give formula cells the values Excel would have saved: {"F7": "610"}."""
    with zipfile.ZipFile(path) as source:
        items = [(item, source.read(item)) for item in source.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for item, data in items:
            if item.filename == "xl/worksheets/sheet1.xml":
                for ref, value in values.items():
                    data = re.sub(
                        rf'(<c r="{ref}"[^>]*><f>[^<]*</f>)<v\s*/?>(?:</v>)?'.encode(),
                        rf"\1<v>{value}</v>".encode(),
                        data,
                    )
            target.writestr(item, data)


def test_the_template_lists_every_indicator_with_its_target_and_stored_value(template):
    book = load_workbook(template())
    sheet = book[DATA_SHEET]
    assert [c.value for c in sheet[6]] == [
        "STT",
        "Chỉ tiêu",
        "ĐVT",
        "Mục tiêu",
        "TH/ƯTH",
        "Giá trị",
        "Ghi chú",
    ]
    rows = rows_by_code(sheet)
    assert rows["I"][1].value == "KINH TẾ"
    forest = rows["2"]
    assert [c.value for c in forest[:6]] == ["2", "Trồng rừng", "ha", "600", "TH", 603.8]
    assert "9 tháng năm 2023" in sheet["A3"].value and "cho-don" in sheet["A3"].value


def test_the_template_is_protected_validated_and_explained(template):
    book = load_workbook(template())
    sheet = book[DATA_SHEET]
    assert sheet.protection.sheet and book.security.lockStructure
    forest_row = rows_by_code(sheet)["2"][0].row
    assert sheet.cell(forest_row, 2).protection.locked  # the name cannot be edited
    assert not sheet.cell(forest_row, 6).protection.locked  # the value can
    validations = {str(dv.sqref): dv for dv in sheet.data_validations.dataValidation}
    value_rule = next(dv for ref, dv in validations.items() if f"F{forest_row}" in ref.split())
    assert value_rule.type == "decimal" and value_rule.operator == "greaterThanOrEqual"
    assert "con số" in value_rule.error
    estimate_rule = next(dv for dv in validations.values() if dv.type == "list")
    assert estimate_rule.formula1 == '"TH,ƯTH"'
    assert book[META_SHEET].sheet_state == "veryHidden"
    help_text = "\n".join(str(c.value) for c in book[HELP_SHEET]["A"] if c.value)
    assert "HƯỚNG DẪN NHẬP SỐ LIỆU" in help_text and "'4,500'" in help_text


def test_a_rate_indicator_is_validated_between_0_and_100(demo, run, tmp_path):
    path = tmp_path / "pac-nam.xlsx"
    run("template", "--resolution", "pac-nam-2023", "--period", "2023", "-o", str(path))
    sheet = load_workbook(path)[DATA_SHEET]
    poverty = rows_by_code(sheet)["4"][0].row  # Tỷ lệ hộ nghèo (%)
    rule = next(
        dv for dv in sheet.data_validations.dataValidation if f"F{poverty}" in str(dv.sqref).split()
    )
    assert rule.operator == "between" and (rule.formula1, rule.formula2) == ("0", "100")


def test_a_filled_template_imports_and_keeps_sheet_and_row_as_source(template, run):
    path = template("2023-H1")
    book = load_workbook(path)
    sheet = book[DATA_SHEET]
    rows = rows_by_code(sheet)
    rows["2"][5].value = 412.5
    rows["5"][4].value = "ƯTH"
    rows["5"][5].value = 350
    rows["5"][6].value = "ước của phòng LĐ"
    forest_row = rows["2"][0].row
    book.save(path)
    result = run("import", str(path))
    assert result.code == 0, result.err
    assert "2 mới" in result.out and "4 dòng để trống giá trị: bỏ qua." in result.out
    forest = Observation.objects.get(indicator__name="Trồng rừng", period="2023-H1")
    assert forest.value == Decimal("412.5")
    assert forest.source_ref == f"{path.name} · {DATA_SHEET} · dòng {forest_row}"
    event = AuditEvent.objects.get(model="results.observation", object_pk=str(forest.pk))
    assert event.source == forest.source_ref
    jobs = Observation.objects.get(indicator__name="Giải quyết việc làm", period="2023-H1")
    assert jobs.is_estimate and jobs.note == "ước của phòng LĐ"
    again = run("import", str(path))
    assert "0 thay đổi." in again.out


def test_the_prefilled_template_of_a_reported_period_imports_as_no_change(template, run):
    result = run("import", str(template("2023-9M")))
    assert result.code == 0 and "0 thay đổi." in result.out


def test_an_untouched_template_of_an_empty_period_is_refused_as_empty(template, run):
    result = run("import", str(template("2023-Q2")))
    assert result.code == 1 and "Tệp không có dòng số liệu nào" in result.err


def test_formulas_use_the_value_excel_saved_or_are_reported(template, run):
    path = template("2023-H1")
    book = load_workbook(path)
    sheet = book[DATA_SHEET]
    rows = rows_by_code(sheet)
    rows["2"][5].value = "=400+12.5"
    rows["6"][5].value = "=100+1"
    forest_ref, export_ref = f"F{rows['2'][0].row}", f"F{rows['6'][0].row}"
    book.save(path)
    with_cached_values(path, {forest_ref: "412.5"})  # Excel computed one; the other never was
    before = snapshot_db()
    result = run("import", str(path))
    assert result.code == 1
    assert (
        f"Dòng {rows['6'][0].row}, cột 'Giá trị': '=100+1' là công thức nhưng tệp không lưu kết "
        "quả tính" in result.err
    )
    assert forest_ref not in result.err and snapshot_db() == before
    # Once Excel has saved both, the values are used.
    with_cached_values(path, {export_ref: "101"})
    assert run("import", str(path)).code == 0
    assert Observation.objects.get(indicator__name="Trồng rừng", period="2023-H1").value == Decimal(
        "412.5"
    )


def test_a_date_where_a_number_belongs_is_named(template, run):
    path = template("2023-H1")
    book = load_workbook(path)
    sheet = book[DATA_SHEET]
    row = rows_by_code(sheet)["2"]
    row[5].value = datetime(2023, 5, 4)
    row[5].number_format = "dd/mm/yyyy"
    book.save(path)
    result = run("import", str(path))
    assert result.code == 1
    assert (
        f"Dòng {row[0].row}, cột 'Giá trị': '04/05/2023' được Excel hiểu là ngày tháng, không "
        "phải số" in result.err
    )


def test_a_name_changed_in_the_template_is_refused(template, run):
    path = template("2023-H1")
    book = load_workbook(path)
    row = rows_by_code(book[DATA_SHEET])["2"]
    row[1].value = "Trồng cây ăn quả"
    row[5].value = 5
    book.save(path)
    result = run("import", str(path))
    assert result.code == 1 and "không khớp với chỉ tiêu mã 2 ('Trồng rừng')" in result.err


def long_workbook(path, rows, header=("resolution", "indicator", "org_unit", "period", "value")):
    book = Workbook()
    sheet = book.active
    sheet.title = "Số liệu 6 tháng"
    sheet.append(list(header))
    for row in rows:
        sheet.append(list(row))
    book.save(path)
    return book


def test_a_long_workbook_reads_percent_cells_as_people_see_them(demo, run, tmp_path):
    path = tmp_path / "ty-le.xlsx"
    book = long_workbook(path, [("pac-nam-2023", "4", "pac-nam", "2023-H1", 0.1825)])
    book.active["E2"].number_format = "0.00%"
    book.save(path)
    assert run("import", str(path)).code == 0
    poverty = Observation.objects.get(
        indicator__resolution__code="pac-nam-2023", indicator__code="4", period="2023-H1"
    )
    assert poverty.value == Decimal("18.25")


def test_text_in_the_old_vntime_font_is_converted(demo, run, tmp_path):
    path = tmp_path / "vntime.xlsx"
    book = long_workbook(
        path, [("cho-don-2023", tcvn3("Giải quyết việc làm"), "cho-don", "2023-H1", 300)]
    )
    book.active["B2"].font = Font(name=".VnTime")
    book.save(path)
    result = run("import", str(path))
    assert result.code == 0, result.err
    assert "phông TCVN3" in result.err
    assert Observation.objects.filter(indicator__name="Giải quyết việc làm", period="2023-H1")


def test_excel_serial_numbers_and_dates_in_the_period_column_are_named(demo, run, tmp_path):
    path = tmp_path / "ky.xlsx"
    book = long_workbook(path, [("cho-don-2023", "2", "cho-don", 45199, 1)])
    book.active.append(["cho-don-2023", "2", "cho-don", datetime(2023, 9, 1), 2])
    book.save(path)
    result = run("import", str(path))
    assert "Dòng 2, cột 'period (D)'" not in result.err  # headers are named as the file has them
    assert "Dòng 2, cột 'period': '45.199' giống số ngày của Excel (= ngày 30/09/2023)" in (
        result.err
    )
    assert "Dòng 3, cột 'period': '01/09/2023' là một ngày, không phải kỳ báo cáo" in result.err


def test_codes_typed_as_numbers_still_find_the_indicator(demo, run, tmp_path):
    path = tmp_path / "so.xlsx"
    long_workbook(path, [("cho-don-2023", 2, "cho-don", 2023, 600)])
    assert run("import", str(path)).code == 0
    assert Observation.objects.get(indicator__name="Trồng rừng", period="2023").value == 600


def test_a_workbook_without_a_data_sheet_says_what_it_needs(demo, run, tmp_path):
    path = tmp_path / "trong.xlsx"
    long_workbook(path, [], header=("STT", "Tên"))
    result = run("import", str(path))
    assert result.code == 1 and "Không trang nào của tệp 'trong.xlsx' có dòng tiêu đề" in result.err
