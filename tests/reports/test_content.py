"""What a report says: from the scorecard, figures in Vietnamese, gaps marked, nothing made up."""

from __future__ import annotations

from datetime import date

import pytest

from nghiquyet.core.evaluation import Status
from nghiquyet.reports.api import prepare
from nghiquyet.reports.content import ReportKind, TallyCounts, _code_ranges
from nghiquyet.reports.gaps import write_here

from .conftest import DEMO_REPORTS


def content(key: str):
    code, period, as_of = DEMO_REPORTS[key]
    return prepare(code, period, as_of=as_of).content


def results(report) -> dict[str, str]:
    return {result.name: result.text for field in report.fields for result in field.results}


def test_tally_sentence_reads_like_the_report_and_counts_every_indicator(demo):
    report = content("cho-don-9m")
    assert report.tally.sentence == (
        "Đến nay, có 2/6 chỉ tiêu đạt và vượt, 0 chỉ tiêu có khả năng đạt, 1 chỉ tiêu khó đạt; "
        "1 chỉ tiêu cơ bản đạt; 1 chỉ tiêu chưa có số liệu; "
        "1 chỉ tiêu chưa có mục tiêu để so sánh."
    )


@pytest.mark.parametrize("key", DEMO_REPORTS)
def test_tally_parts_add_up_to_the_total(demo, key):
    tally = content(key).tally
    parts = (
        tally.achieved,
        tally.likely,
        tally.unlikely,
        tally.nearly_met,
        tally.not_met,
        tally.no_data,
        tally.no_target,
        tally.not_due,
    )
    assert sum(parts) == tally.total


def test_midterm_tally_keeps_the_articles_total_of_49(demo):
    report = content("pac-nam-midterm")
    assert report.tally.sentence.startswith("Đến nay, có 5/49 chỉ tiêu đạt và vượt, ")
    assert report.kind is ReportKind.MIDTERM
    assert "tuyến tính" in report.progress_note


def test_a_final_tally_drops_the_likely_and_unlikely_counts():
    tally = TallyCounts(
        total=4, achieved=2, likely=0, unlikely=0, nearly_met=1, not_met=1, no_data=0,
        no_target=0, not_due=0, final=True,
    )  # fmt: skip
    assert tally.sentence == (
        "Đến nay, có 2/4 chỉ tiêu đạt và vượt; 1 chỉ tiêu cơ bản đạt; 1 chỉ tiêu không đạt."
    )


def test_summary_lines_name_the_kind_of_review(demo):
    assert content("pac-nam-midterm").summary == (
        "sơ kết giữa nhiệm kỳ thực hiện Nghị quyết Đại hội đại biểu Đảng bộ huyện Pác Nặm "
        "lần thứ IV, nhiệm kỳ 2020 - 2025"
    )
    assert content("cho-don-9m").summary == (
        "kết quả 9 tháng thực hiện Nghị quyết của Ban Chấp hành Đảng bộ huyện Chợ Đồn về "
        "nhiệm vụ năm 2023"
    )
    final = prepare("luc-ngan-2015-2020", "2015-2020", as_of=date(2021, 1, 15)).content
    assert final.kind is ReportKind.FINAL
    assert final.summary.startswith("tổng kết thực hiện Nghị quyết Đại hội Đảng bộ huyện Lục Ngạn")


def test_figures_are_written_the_vietnamese_way_with_the_plan_beside_them(demo):
    cho_don = results(content("cho-don-9m"))
    assert cho_don["Trồng rừng"] == (
        "Trồng rừng: thực hiện 603,8 ha, đạt 100,6 % so với kế hoạch (600 ha); đánh giá: Vượt."
    )
    assert (
        "thực hiện 600 lao động, đạt 60 % so với kế hoạch (1.000 lao động)"
        in (cho_don["Giải quyết việc làm"])
    )
    assert "bằng 95,27 % so với cùng kỳ năm 2022" in cho_don["Giá trị sản xuất công nghiệp"]


def test_an_estimate_says_uoc_thuc_hien(demo):
    pac_nam = results(content("pac-nam-9m"))
    assert (
        "ước thực hiện 248 tỷ đồng, đạt 50,6 % so với kế hoạch (490 tỷ đồng)"
        in (pac_nam["Giá trị sản xuất nông, lâm nghiệp và thủy sản"])
    )
    assert (
        "thực hiện 48 đảng viên, đạt 53,3 % so với kế hoạch (90 đảng viên)"
        in (pac_nam["Kết nạp đảng viên mới"])
    )


def test_a_percentage_stated_alone_stays_a_percentage(demo):
    assert results(content("cho-don-9m"))["Trồng cây lương thực có hạt"] == (
        "Trồng cây lương thực có hạt: đạt 97,9 % so với kế hoạch; đánh giá: Cơ bản đạt."
    )
    midterm = results(content("pac-nam-midterm"))
    assert "đạt 143 % so với mục tiêu Nghị quyết" in midterm["Giải quyết việc làm"]


def test_an_overridden_status_says_it_is_the_bodys_judgement(demo):
    midterm = results(content("pac-nam-midterm"))
    assert midterm["Diện tích trồng cây lương thực có hạt hằng năm"].endswith(
        "đánh giá: Vượt (theo đánh giá của cơ quan)."
    )


def test_indicators_without_figures_are_listed_by_number_not_hidden(demo):
    fields = content("pac-nam-midterm").fields
    assert fields[-1].without_data_text == "Chưa có số liệu: 43 chỉ tiêu (số 7 - 49)."
    assert _code_ranges(["1", "2", "3", "5", "2.1", "7", "8"]) == "1 - 3, 5, 2.1, 7 - 8"


def test_lagging_indicators_carry_the_recorded_causes_and_remedies(demo):
    lagging = {item.name: item for item in content("pac-nam-9m").lagging}
    assert set(lagging) == {
        "Giá trị sản xuất nông, lâm nghiệp và thủy sản",
        "Diện tích cây trồng có lợi thế",
        "Kết nạp đảng viên mới",
    }
    value = lagging["Giá trị sản xuất nông, lâm nghiệp và thủy sản"]
    assert value.causes_subjective.startswith("Công tác kiểm tra, đôn đốc nắm tiến độ")
    assert value.remedies.startswith("Quyết liệt triển khai các chính sách hỗ trợ")
    assert value.progress_label == "Khó đạt"
    # Nothing recorded → nothing invented: the renderer writes a marked gap.
    assert lagging["Kết nạp đảng viên mới"].remedies == ""
    assert lagging["Kết nạp đảng viên mới"].causes_objective == ""


def test_remedies_are_listed_once_with_the_indicators_they_serve(demo):
    remedies = content("pac-nam-9m").remedies
    assert len(remedies) == 1
    assert remedies[0].codes == ("1", "2")


def test_met_indicators_are_not_lagging(demo):
    names = {item.name for item in content("cho-don-9m").lagging}
    assert names == {"Trồng cây lương thực có hạt", "Giải quyết việc làm"}


def test_a_gap_is_marked_with_brackets_and_an_ellipsis():
    assert write_here("Nguyên nhân chủ quan") == "[Nguyên nhân chủ quan: …]"


def test_a_period_without_figures_says_so(demo):
    report = prepare("cho-don-2023", "2023-H1", as_of=date(2023, 7, 31)).content
    assert not report.has_data
    assert report.no_data_sentence.startswith(
        "Đến ngày 31/07/2023, chưa có số liệu thực hiện 6 tháng đầu năm 2023 của chỉ tiêu nào"
    )
    assert report.tally.no_data == 6


def test_appendix_rows_hold_numbers_and_same_period_columns_for_part_of_a_year(demo):
    appendix = content("cho-don-9m").appendix
    keys = [column.key for column in appendix.columns]
    assert keys[5:8] == ["actual", "previous", "pct_same"]
    industry = next(row for row in appendix.rows if row.name == "Giá trị sản xuất công nghiệp")
    assert str(industry.actual.normalize()) == "362.14"
    assert str(industry.previous.normalize()) == "380.12"
    assert industry.text("pct_same") == "95,27 %"
    forest = next(row for row in appendix.rows if row.name == "Trồng rừng")
    assert (forest.nq_target, forest.plan, forest.text("pct_plan")) == ("600", "600", "100,6 %")
    assert forest.status == "Vượt"


def test_a_term_appendix_has_no_same_period_columns(demo):
    appendix = content("pac-nam-midterm").appendix
    assert "previous" not in [column.key for column in appendix.columns]
    assert appendix.same_period_year is None


def test_appendix_notes_explain_revisions_overrides_and_derived_figures(demo):
    notes = content("luc-ngan-midterm").appendix.notes
    assert any(
        note.startswith("Mục tiêu điều chỉnh từ 37 % thành 41,3 % từ ngày 25/06/2018")
        for note in notes
    )
    midterm = content("pac-nam-midterm").appendix
    food = next(row for row in midterm.rows if row.name.startswith("Diện tích trồng cây"))
    assert midterm.notes[food.note_refs[0] - 1].startswith("Đánh giá theo nhận định của cơ quan")
    assert "suy ra" in content("cho-don-9m").appendix.notes[0]


def test_revisions_after_the_as_of_date_are_not_mentioned(demo):
    before = prepare("luc-ngan-2015-2020", "2015-2020", as_of=date(2018, 6, 24)).content
    assert not any(note.startswith("Mục tiêu điều chỉnh") for note in before.appendix.notes)
    forest = next(row for row in before.appendix.rows if row.name == "Độ che phủ rừng")
    assert forest.nq_target == "37"


def test_statuses_come_from_the_scorecard(demo):
    report = content("cho-don-9m")
    assert report.by_status[Status.EXCEEDED.value] == 2
