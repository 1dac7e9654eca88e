"""The Word report, opened as a reader's Word would open it: page, fonts, header, body, appendix."""

from __future__ import annotations

import pytest
from docx.enum.section import WD_ORIENT
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from nghiquyet.orgunits.models import OrgUnit
from nghiquyet.plans.models import Resolution
from nghiquyet.reports import build_report
from nghiquyet.reports.profiles import STATE, STATE_MARGIN_RANGES
from nghiquyet.reports.services import set_issuer_settings
from nghiquyet.results.audit import Actor

from .conftest import DEMO_REPORTS, open_docx

SCRIPTS = ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia")


def mm(length) -> float:
    return round(length / Mm(1), 1)


@pytest.mark.parametrize("key", DEMO_REPORTS)
def test_every_demo_report_is_a4_with_the_party_margins(word, key):
    first, appendix = word(key).document.sections
    assert (mm(first.page_width), mm(first.page_height)) == (210, 297)
    assert first.orientation == WD_ORIENT.PORTRAIT
    margins = (first.top_margin, first.bottom_margin, first.left_margin, first.right_margin)
    assert [mm(margin) for margin in margins] == [20, 20, 30, 15]
    assert appendix.orientation == WD_ORIENT.LANDSCAPE
    assert (mm(appendix.page_width), mm(appendix.page_height)) == (297, 210)


def test_times_new_roman_is_named_for_every_script_and_no_theme_font_remains(word):
    document = word("pac-nam-midterm").document
    styles = document.styles.element
    defaults = styles.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    fonts_elements = [defaults.find(qn("w:rFonts")), *styles.iter(qn("w:rFonts"))]
    fonts_elements += list(document.element.body.iter(qn("w:rFonts")))
    assert len(fonts_elements) > 100
    for fonts in fonts_elements:
        assert {fonts.get(qn(script)) for script in SCRIPTS} == {"Times New Roman"}
        assert not any("Theme" in key or "theme" in key for key in fonts.attrib)


def test_every_run_with_text_names_its_font(word):
    body = word("cho-don-9m").document.element.body
    for run in body.iter(qn("w:r")):
        if run.find(qn("w:t")) is not None and run.find(qn("w:t")).text:
            fonts = run.find(qn("w:rPr")).find(qn("w:rFonts"))
            assert fonts.get(qn("w:hAnsi")) == "Times New Roman"


def test_the_body_is_14_point(word):
    opened = word("cho-don-9m")
    assert opened.document.styles["Normal"].font.size == Pt(14)
    paragraph = opened.paragraph("Đến nay, có 2/6 chỉ tiêu đạt và vượt")
    assert all(run.font.size == Pt(14) for run in paragraph.runs)


def test_page_numbers_are_centred_at_the_top_from_page_two(word):
    section = word("cho-don-9m").document.sections[0]
    assert section.different_first_page_header_footer
    assert not "".join(p.text for p in section.first_page_header.paragraphs).strip()
    header = section.header.paragraphs[0]
    assert header.alignment == 1  # centred
    instructions = [node.text for node in header._p.iter(qn("w:instrText"))]
    assert instructions == [" PAGE "]
    appendix = word("cho-don-9m").document.sections[1]
    assert not appendix.different_first_page_header_footer
    assert appendix.header.is_linked_to_previous


def test_party_header_block(word):
    opened = word("pac-nam-midterm")
    header = opened.document.tables[0]
    left = list(header.rows[0].cells[0].paragraphs)
    assert [p.text for p in left] == ["ĐẢNG BỘ TỈNH BẮC KẠN", "HUYỆN ỦY PÁC NẶM", "*"]
    assert not left[0].runs[0].bold and left[1].runs[0].bold
    national = header.rows[0].cells[1].paragraphs[0]
    assert national.text == "ĐẢNG CỘNG SẢN VIỆT NAM"
    run = national.runs[0]
    assert run.bold and run.underline and run.font.size == Pt(15)
    number = header.rows[1].cells[0].paragraphs[0].text
    assert number.startswith("Số ") and number.endswith("-BC/HU")
    assert number.replace(" ", "") == "Số-BC/HU"  # the number itself is left blank
    place = header.rows[1].cells[1].paragraphs[0]
    assert place.text == "Pác Nặm, ngày 17 tháng 5 năm 2023"
    assert place.runs[0].italic


def test_title_and_summary_line(word):
    opened = word("pac-nam-midterm")
    title = opened.paragraph("BÁO CÁO")
    assert title.text == "BÁO CÁO" and title.runs[0].bold and title.runs[0].font.size == Pt(16)
    summary = opened.paragraph("Sơ kết giữa nhiệm kỳ")
    assert summary.text == (
        "Sơ kết giữa nhiệm kỳ thực hiện Nghị quyết Đại hội đại biểu Đảng bộ huyện Pác Nặm "
        "lần thứ IV, nhiệm kỳ 2020 - 2025"
    )
    assert summary.runs[0].bold and summary.runs[0].font.size == Pt(14)


def test_body_has_the_tally_results_by_field_and_lagging_with_causes(word):
    text = word("pac-nam-9m").body_text
    assert (
        "Đến nay, có 0/38 chỉ tiêu đạt và vượt, 0 chỉ tiêu có khả năng đạt, 3 chỉ tiêu khó đạt"
        in text
    )
    assert "2.1. Kinh tế" in text
    assert "ước thực hiện 248 tỷ đồng, đạt 50,6 % so với kế hoạch (490 tỷ đồng)" in text
    assert "3. Các chỉ tiêu chưa đạt, khó đạt" in text
    assert "Nguyên nhân chủ quan: Công tác kiểm tra, đôn đốc nắm tiến độ" in text
    assert "Giải pháp: Quyết liệt triển khai các chính sách hỗ trợ" in text


def test_places_for_people_to_write_are_marked_and_highlighted(word):
    opened = word("pac-nam-9m")
    gap = opened.paragraph("[Nguyên nhân khách quan: …]")
    assert gap.runs[0].font.highlight_color is not None
    assert "[Ưu điểm, kết quả nổi bật: …]" in opened.body_text
    assert "[Nhiệm vụ, giải pháp trọng tâm: …]" in opened.body_text


def test_charts_are_embedded(word):
    document = word("cho-don-9m").document
    assert len(document.inline_shapes) == 2  # status summary and lagging indicators
    assert "Biểu đồ 2. Các chỉ tiêu chưa đạt" in word("cho-don-9m").body_text


def test_appendix_title_columns_and_repeated_header_row(word):
    opened = word("pac-nam-midterm")
    assert "Kết quả thực hiện các chỉ tiêu chủ yếu" in opened.body_text
    rows = opened.appendix_rows()
    assert rows[0] == [
        "STT",
        "Chỉ tiêu",
        "ĐVT",
        "Mục tiêu NQ",
        "KH năm",
        "TH/ƯTH",
        "% so KH",
        "% so NQ",
        "Đánh giá",
        "Ghi chú",
    ]
    header = opened.appendix.rows[0]._tr
    assert header.find(qn("w:trPr")).find(qn("w:tblHeader")) is not None
    assert len(rows) == 1 + 4 + 49  # header, four field headings, every indicator


def test_appendix_groups_rows_under_roman_field_headings(word):
    rows = word("pac-nam-midterm").appendix_rows()
    headings = [(row[0], row[1]) for row in rows if row[0] in ("I", "II", "III", "IV")]
    assert headings == [
        ("I", "KINH TẾ"),
        ("II", "VĂN HÓA - XÃ HỘI"),
        ("III", "XÂY DỰNG ĐẢNG VÀ HỆ THỐNG CHÍNH TRỊ"),
        ("IV", "CÁC CHỈ TIÊU KHÁC (BÀI BÁO KHÔNG NÊU TÊN)"),
    ]


def test_appendix_numbers_for_the_midterm_review(word):
    opened = word("pac-nam-midterm")
    roads = opened.appendix_row("Tỷ lệ đường trục thôn được cứng hóa")
    assert (roads["Mục tiêu NQ"], roads["TH/ƯTH"], roads["% so NQ"]) == ("75", "84", "112 %")
    assert roads["Đánh giá"] == "Vượt"
    food = opened.appendix_row("Diện tích trồng cây lương thực có hạt hằng năm")
    assert food["TH/ƯTH"] == "4.500"


def test_nine_month_appendix_adds_same_period_columns(word):
    opened = word("cho-don-9m")
    header = opened.appendix_rows()[0]
    assert header[5:8] == ["TH/ƯTH", "TH cùng kỳ năm 2022", "% so cùng kỳ"]
    industry = opened.appendix_row("Giá trị sản xuất công nghiệp")
    assert industry["TH/ƯTH"] == "362,14"
    assert industry["TH cùng kỳ năm 2022"] == "380,12"
    assert industry["% so cùng kỳ"] == "95,27 %"
    forest = opened.appendix_row("Trồng rừng")
    assert (forest["KH năm"], forest["TH/ƯTH"], forest["% so KH"]) == ("600", "603,8", "100,6 %")
    estimate = word("pac-nam-9m").appendix_row("Giá trị sản xuất nông, lâm nghiệp và thủy sản")
    assert estimate["TH/ƯTH"] == "248 (ƯTH)" and estimate["% so KH"] == "50,6 %"


def test_signature_and_recipients_come_from_the_issuers_settings(word):
    opened = word("pac-nam-midterm")
    signature = opened.document.tables[1]
    left, right = signature.rows[0].cells
    assert left.paragraphs[0].text == "Nơi nhận:" and left.paragraphs[0].runs[0].underline
    assert "- Ban Thường vụ Tỉnh ủy Bắc Kạn (b/c)," in [p.text for p in left.paragraphs]
    assert left.paragraphs[1].runs[0].font.size == Pt(12)
    lines = [p.text for p in right.paragraphs if p.text]
    assert lines == ["T/M BAN THƯỜNG VỤ", "BÍ THƯ", "Dương Văn Tuyến"]


def test_an_unknown_signer_is_a_marked_gap(word):
    lines = [p.text for p in word("cho-don-9m").document.tables[1].rows[0].cells[1].paragraphs]
    assert "[Họ và tên người ký: …]" in lines


def test_revisions_appear_in_the_appendix_notes(word):
    text = word("luc-ngan-midterm").body_text
    assert "Mục tiêu điều chỉnh từ 37 % thành 41,3 % từ ngày 25/06/2018" in text
    assert "Thân Văn Khánh" in text


def test_a_period_without_figures_gives_a_report_that_says_so(demo):
    report = build_report("cho-don-2023", "2023-H1", as_of="2023-07-31")
    text = open_docx(report.content).body_text
    assert "chưa có số liệu thực hiện 6 tháng đầu năm 2023 của chỉ tiêu nào" in text
    assert "Chưa có số liệu để xác định chỉ tiêu chưa đạt, khó đạt." in text


@pytest.fixture
def state_resolution(demo):
    """A People's Committee resolution: the state profile is chosen from its issuer."""
    resolution = Resolution.objects.get(code="pac-nam-2023")
    resolution.issuer = OrgUnit.objects.get(code="ubnd-pac-nam")
    resolution.save()
    return resolution


def test_state_profile_follows_nghi_dinh_30(state_resolution):
    opened = open_docx(build_report(state_resolution, "2023-9M", as_of="2023-10-05").content)
    header = opened.document.tables[0]
    left = [p.text for p in header.rows[0].cells[0].paragraphs if p.text]
    assert left == ["ỦY BAN NHÂN DÂN", "HUYỆN PÁC NẶM"]
    national = [p for p in header.rows[0].cells[1].paragraphs if p.text]
    assert [p.text for p in national] == [
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
    ]
    assert national[0].runs[0].font.size == Pt(13) and national[1].runs[0].font.size == Pt(14)
    assert all(p.runs[0].bold for p in national)
    number = header.rows[1].cells[0].paragraphs[0].text
    assert number.startswith("Số:") and number.endswith("/BC-UBND")
    signer = [p.text for p in opened.document.tables[1].rows[0].cells[1].paragraphs if p.text]
    assert signer == ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Đào Duy Hưng"]
    section = opened.document.sections[0]
    for side, (low, high) in STATE_MARGIN_RANGES.items():
        assert low <= mm(getattr(section, f"{side}_margin")) <= high
    assert STATE.name == "state"


def test_a_requested_profile_overrides_the_issuers_and_uses_its_own_wording(word):
    opened = word("cho-don-9m", profile="state")
    header = opened.document.tables[0]
    assert header.rows[0].cells[1].paragraphs[0].text == "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    assert header.rows[1].cells[0].paragraphs[0].text.endswith("/BC-UBND")
    signer = [p.text for p in opened.document.tables[1].rows[0].cells[1].paragraphs if p.text]
    assert signer[:2] == ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"]


def test_an_issuer_without_settings_gets_defaults_from_its_place_in_the_tree(demo):
    from nghiquyet.reports.models import IssuerSettings

    IssuerSettings.objects.filter(org_unit__code="huyen-uy-cho-don").delete()
    opened = open_docx(build_report("cho-don-2023", "2023-9M", as_of="2023-10-10").content)
    left = [p.text for p in opened.document.tables[0].rows[0].cells[0].paragraphs]
    assert left == ["ĐẢNG BỘ TỈNH BẮC KẠN", "HUYỆN ỦY CHỢ ĐỒN", "*"]
    assert opened.document.tables[0].rows[1].cells[0].paragraphs[0].text.endswith("-BC/HU")
    recipients = [p.text for p in opened.document.tables[1].rows[0].cells[0].paragraphs]
    assert "- [Nơi nhận: …]," in recipients


def test_changed_settings_show_in_the_next_report(demo):
    unit = OrgUnit.objects.get(code="huyen-uy-cho-don")
    set_issuer_settings(unit, {"signer_title": "PHÓ BÍ THƯ"}, actor=Actor.system("test"))
    opened = open_docx(build_report("cho-don-2023", "2023-9M", as_of="2023-10-10").content)
    signer = [p.text for p in opened.document.tables[1].rows[0].cells[1].paragraphs if p.text]
    assert signer[1] == "PHÓ BÍ THƯ"


def test_dates_below_ten_and_months_one_and_two_get_a_leading_zero():
    from datetime import date

    from nghiquyet.reports.letterhead import place_date

    assert place_date("Pác Nặm", date(2024, 2, 5)) == "Pác Nặm, ngày 05 tháng 02 năm 2024"
    assert place_date("Pác Nặm", date(2023, 5, 17)) == "Pác Nặm, ngày 17 tháng 5 năm 2023"
