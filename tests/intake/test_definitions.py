"""Importing a resolution's indicator list: targets read by the core rules and shown back."""

from decimal import Decimal

import pytest
from openpyxl import Workbook
from openpyxl.styles import Font

from nghiquyet.core.targets import parse_target
from nghiquyet.intake.definitions import describe, preview_definitions
from nghiquyet.orgunits.models import OrgUnit
from nghiquyet.plans.models import Indicator, IndicatorGroup, Resolution, Target
from nghiquyet.plans.services import create_resolution
from nghiquyet.results.models import AuditEvent

from .encodings import tcvn3

LIST = """STT;Chỉ tiêu;ĐVT;Mục tiêu;Chiều;Loại
I;KINH TẾ;;;;
1;Diện tích trồng cây lương thực có hạt;ha;trên 4.500;;
2;Tốc độ tăng trưởng giá trị sản xuất;%;6,6–6,8;tăng;
II;VĂN HÓA - XÃ HỘI;;;;
3;Tỷ lệ hộ nghèo;%;giảm bình quân 1,5 điểm %/năm;;
4;Tỷ lệ thất nghiệp thành thị;%;dưới 4;;
4.1;Trong đó: nữ;%;dưới 4;;
5;Xây dựng nông thôn mới;;;định tính;định tính
"""


@pytest.fixture
def term(demo, actor):
    return create_resolution(
        code="cho-don-2025-2030",
        title="Nghị quyết Đại hội Đảng bộ huyện Chợ Đồn, nhiệm kỳ 2025 – 2030",
        kind="congress_term",
        issuer=OrgUnit.objects.get(code="huyen-uy-cho-don"),
        scope=OrgUnit.objects.get(code="cho-don"),
        first_year=2025,
        last_year=2030,
        actor=actor,
    )


def test_targets_are_read_by_the_core_rules_and_said_back_in_words():
    assert describe(parse_target("trên 4.500"), "ha") == "lớn hơn 4.500 ha"
    assert describe(parse_target("6,6–6,8"), "%") == "từ 6,6 đến 6,8 %"
    assert describe(parse_target("dưới 4")) == "nhỏ hơn 4"
    assert (
        describe(parse_target("giảm bình quân 1,5 điểm %/năm"))
        == "giảm đạt 1,5 điểm % mỗi năm (tính theo điểm phần trăm)"
    )


def test_an_indicator_list_is_previewed_with_inferred_choices_marked(term, run, write):
    result = run("import", str(write("chi-tieu.csv", LIST)), "--resolution", term.code, "--dry-run")
    assert result.code == 0, result.err
    assert "6 chỉ tiêu: 6 mới, 0 đã có." in result.out
    assert "[Kinh tế]" in result.out and "[Văn hóa - xã hội]" in result.out
    assert "'trên 4.500' → lớn hơn 4.500 ha; càng cao càng tốt (suy ra); số phát sinh" in result.out
    assert (
        "'dưới 4' → nhỏ hơn 4 %; càng thấp càng tốt (suy ra); mức đạt tại thời điểm (suy ra)"
        in (result.out)
    )
    assert "tốc độ thay đổi (suy ra)" in result.out
    assert not term.indicators.exists()


def test_the_list_is_written_with_groups_targets_and_audit_in_one_go(term, run, write):
    result = run("import", str(write("chi-tieu.csv", LIST)), "--resolution", term.code)
    assert result.code == 0, result.err and "Đã thêm 6 chỉ tiêu." in result.out
    groups = list(IndicatorGroup.objects.filter(resolution=term).values_list("title", flat=True))
    assert groups == ["Kinh tế", "Văn hóa - xã hội"]
    poverty = Indicator.objects.get(resolution=term, code="3")
    assert (poverty.direction, poverty.kind, poverty.change_method) == ("down", "change", "points")
    target = Target.objects.get(indicator=poverty)
    assert (target.scope, target.source, target.value) == ("term", "congress", Decimal("1.5"))
    assert target.raw_text == "giảm bình quân 1,5 điểm %/năm"
    growth = Target.objects.get(indicator__resolution=term, indicator__code="2")
    assert (growth.comparator, growth.value, growth.upper) == (
        "range",
        Decimal("6.6"),
        Decimal("6.8"),
    )
    child = Indicator.objects.get(resolution=term, code="4.1")
    assert child.parent.code == "4"
    assert Indicator.objects.get(resolution=term, code="5").direction == "qualitative"
    assert AuditEvent.objects.filter(model="plans.indicator").count() >= 6
    again = run("import", str(write("chi-tieu.csv", LIST)), "--resolution", term.code)
    assert again.code == 0 and "0 thay đổi." in again.out


def test_an_annual_resolution_gets_year_targets(demo, actor, run, write):
    annual = create_resolution(
        code="cho-don-2024",
        title="Nhiệm vụ năm 2024",
        kind="annual",
        issuer=OrgUnit.objects.get(code="huyen-uy-cho-don"),
        scope=OrgUnit.objects.get(code="cho-don"),
        first_year=2024,
        last_year=2024,
        actor=actor,
    )
    path = write("nam.csv", "STT,Chỉ tiêu,ĐVT,Mục tiêu\n1,Trồng rừng,ha,600\n")
    assert run("import", str(path), "--resolution", annual.code).code == 0
    target = Target.objects.get(indicator__resolution=annual)
    assert (target.scope, target.year, target.source) == ("year", 2024, "annual")


BAD_LIST = """STT,Chỉ tiêu,ĐVT,Mục tiêu,Chiều,Loại
1,Trồng rừng,ha,"4,500",,
2,Giá trị sản xuất,tỷ đồng,khoảng,,
3,Hộ nghèo,%,dưới 4,ngang,
3,Hộ nghèo (trùng),%,dưới 4,,
,Không có số,%,5,,
6,Tăng trưởng,%,7,,tốc độ
7.1,Con không cha,%,5,,
"""


def test_every_bad_line_of_a_list_is_reported_and_nothing_written(term, run, write):
    result = run("import", str(write("sai.csv", BAD_LIST)), "--resolution", term.code)
    assert result.code == 1
    for message in (
        "Dòng 2, cột 'Mục tiêu': '4,500' không rõ là 4,5 hay 4.500",
        "Dòng 3, cột 'Mục tiêu': 'khoảng' không tìm thấy con số",
        "Dòng 4, cột 'Chiều': 'ngang' không hiểu; ghi một trong:",
        "Dòng 5, cột 'STT': '3' trùng mã với dòng 4",
        "Dòng 6, cột 'STT': ô trống — cần số thứ tự",
        "Dòng 7, cột 'Mục tiêu': '7' chỉ tiêu tốc độ cần ghi mục tiêu dạng",
        "Dòng 8, cột 'STT': chỉ tiêu con '7.1' không có chỉ tiêu cha '7'",
    ):
        assert message in result.err, message
    assert not term.indicators.exists()


def test_an_existing_indicator_with_other_content_is_refused(demo, run, write):
    path = write("doi.csv", "STT,Chỉ tiêu,ĐVT,Mục tiêu\n2,Trồng rừng,ha,700\n")
    result = run("import", str(path), "--resolution", "cho-don-2023")
    assert result.code == 1
    assert "nghị quyết đã có chỉ tiêu mã 2 ('Trồng rừng', ha, mục tiêu '600')" in result.err
    assert "điều chỉnh mục tiêu (cần quyết định và lý do)" in result.err
    same = write("giu.csv", "STT,Chỉ tiêu,ĐVT,Mục tiêu\n2,Trồng rừng,ha,600\n")
    assert "0 thay đổi." in run("import", str(same), "--resolution", "cho-don-2023").out


def test_a_list_typed_in_the_vntime_font_is_converted(term, run, tmp_path):
    book = Workbook()
    sheet = book.active
    sheet.append(["STT", "Chỉ tiêu", "ĐVT", "Mục tiêu"])
    sheet.append([1, tcvn3("Độ che phủ rừng"), "%", "trên 41,3"])
    sheet["B2"].font = Font(name=".VnTime")
    path = tmp_path / "vntime.xlsx"
    book.save(path)
    result = run("import", str(path), "--resolution", term.code)
    assert result.code == 0, result.err
    assert Indicator.objects.get(resolution=term, code="1").name == "Độ che phủ rừng"


def test_only_the_office_may_import_a_list(term, run, write):
    path = write("chi-tieu.csv", LIST)
    result = run("import", str(path), "--resolution", term.code, "--user", "xem")
    assert result.code == 1 and "không có quyền thiết lập chỉ tiêu" in result.err


def test_the_two_kinds_of_file_point_to_each_other(term, run, write, csv_file):
    as_figures = run("import", str(write("chi-tieu.csv", LIST)))
    assert as_figures.code == 1 and "là danh sách chỉ tiêu của nghị quyết" in as_figures.err
    figures = csv_file("cho-don-2023,2,cho-don,2023-H1,400,,")
    as_list = run("import", str(figures), "--resolution", term.code)
    assert as_list.code == 1 and "không phải danh sách chỉ tiêu" in as_list.err


def test_preview_definitions_reads_an_xlsx_with_a_field_column(term, tmp_path):
    book = Workbook()
    sheet = book.active
    sheet.append(["Số liệu chỉ tiêu nhiệm kỳ 2025 - 2030"])
    sheet.append(["STT", "Tên chỉ tiêu", "Đơn vị tính", "Chỉ tiêu nghị quyết", "Lĩnh vực"])
    sheet.append([1, "Thu ngân sách", "tỷ đồng", "trên 100", "Kinh tế"])
    sheet.append([2.1, "Thu từ doanh nghiệp", "tỷ đồng", 40, "Kinh tế"])
    path = tmp_path / "ds.xlsx"
    book.save(path)
    plan = preview_definitions(path, path.name, Resolution.objects.get(pk=term.pk))
    assert [p.message for p in plan.problems.errors] == [
        "Dòng 4, cột 'STT': chỉ tiêu con '2.1' không có chỉ tiêu cha '2'"
    ]
    assert [row.code for row in plan.rows] == ["1", "2.1"]
    assert plan.rows[1].target_raw == "40" and plan.rows[0].field == "Kinh tế"
