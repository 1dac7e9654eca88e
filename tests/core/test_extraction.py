"""Reading quantified statements from Vietnamese report prose (core.extraction).

Each test is one turn of phrase as provincial and district reports write it. Sentences are
made up in that style, over many indicators, units and word orders, so that the rules learn
the language and not five articles.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from nghiquyet.core.extraction import Measure, Revision, Tally, extract, extract_document


def measures(text: str) -> list[Measure]:
    return [f for f in extract(text) if isinstance(f, Measure)]


def only(text: str) -> Measure:
    found = measures(text)
    assert len(found) == 1, found
    return found[0]


def test_it_reads_value_target_and_ratio_to_plan():
    m = only("Trồng rừng được 603,8ha/600ha, đạt 100,6% kế hoạch.")
    assert (m.indicator, m.value, m.unit) == ("Trồng rừng", Decimal("603.8"), "ha")
    assert (m.target, m.percent, m.percent_of) == (Decimal(600), Decimal("100.6"), "plan")


def test_it_reads_an_estimate_against_a_target_stated_first():
    m = only(
        "Giá trị sản xuất nông, lâm nghiệp và thủy sản chỉ tiêu 490 tỷ đồng, "
        "ước đạt được 248 tỷ đồng, đạt gần 51%."
    )
    assert m.indicator.startswith("Giá trị sản xuất nông, lâm nghiệp và thủy sản")
    assert (m.value, m.unit, m.target, m.estimate) == (Decimal(248), "tỷ đồng", Decimal(490), True)
    assert (m.percent, m.percent_of, m.qualifier) == (Decimal(51), "plan", "about")


@pytest.mark.parametrize(
    ("sentence", "percent", "percent_of"),
    [
        ("Thu ngân sách đạt 520 tỷ đồng, bằng 55% dự toán.", "55", "plan"),
        (
            "Thu ngân sách đạt 520 tỷ đồng, bằng 95,27% so với cùng kỳ năm 2022.",
            "95.27",
            "same_period",
        ),
        ("Thu ngân sách đạt 520 tỷ đồng, tăng 12,3% so với cùng kỳ.", "112.3", "same_period"),
        ("Thu ngân sách đạt 520 tỷ đồng, vượt 12% dự toán Trung ương giao.", "112", "plan"),
        ("Thu ngân sách đạt 520 tỷ đồng, tăng 2,1% so với năm 2022.", "102.1", "other"),
        ("Tổng mức bán lẻ ước đạt 35.600 tỷ đồng, tăng 10,2%.", "110.2", "same_period"),
        (
            "Tỷ lệ đường trục thôn được cứng hóa đạt trên 84%, "
            "bằng 112% mục tiêu Nghị quyết Đại hội.",
            "112",
            "resolution",
        ),
    ],
)
def test_it_reads_what_a_percentage_is_of(sentence, percent, percent_of):
    m = only(sentence)
    assert (m.percent, m.percent_of) == (Decimal(percent), percent_of)


def test_a_ratio_alone_names_its_indicator_and_has_no_value():
    m = only("Chỉ tiêu trồng cây lương thực có hạt đạt 97,9% kế hoạch.")
    assert (m.indicator, m.value, m.percent, m.percent_of) == (
        "trồng cây lương thực có hạt",
        None,
        Decimal("97.9"),
        "plan",
    )


def test_a_growth_rate_is_both_the_value_and_a_ratio_to_the_same_period():
    m = only("Chỉ số sản xuất công nghiệp (IIP) tăng 8,2% so với cùng kỳ.")
    assert m.indicator == "Chỉ số sản xuất công nghiệp (IIP)"
    assert (m.value, m.unit, m.percent, m.percent_of) == (
        Decimal("8.2"),
        "%",
        Decimal("108.2"),
        "same_period",
    )


def test_a_rate_moves_in_points_not_as_a_ratio():
    m = only("Tỷ lệ hộ nghèo giảm còn 4,2%, giảm 1,8% so với đầu năm.")
    assert (m.value, m.unit, m.change, m.percent) == (Decimal("4.2"), "%", Decimal("-1.8"), None)


def test_a_rate_is_its_own_value():
    m = only("Tỷ lệ trưởng thôn là đảng viên thấp (mới đạt 49,7%).")
    assert (m.indicator, m.value, m.unit) == (
        "Tỷ lệ trưởng thôn là đảng viên",
        Decimal("49.7"),
        "%",
    )


@pytest.mark.parametrize(
    ("sentence", "value", "unit"),
    [
        ("Tổng vốn đầu tư toàn xã hội đạt 4,6 nghìn tỷ đồng.", "4.6", "nghìn tỷ đồng"),
        ("Sản lượng lương thực đạt 61,8 vạn tấn.", "61.8", "vạn tấn"),
        ("Tổng thu ngân sách trên địa bàn đạt 106,811 tỷ đồng.", "106.811", "tỷ đồng"),
        (
            "Thu nhập bình quân đầu người đạt 52,5 triệu đồng/người/năm.",
            "52.5",
            "triệu đồng/người/năm",
        ),
        ("Năng suất lúa bình quân đạt 58,5 tạ/ha.", "58.5", "tạ/ha"),
        ("Kim ngạch xuất khẩu ước đạt 1,2 tỷ USD.", "1.2", "tỷ USD"),
        ("Bình quân lương thực đạt trên 540kg/người/năm.", "540", "kg/người/năm"),
        ("Dân số trung bình đạt 1.462.149 người.", "1462149", "người"),
        ("Tuổi thọ trung bình đạt 73,5 tuổi.", "73.5", "tuổi"),
    ],
)
def test_it_reads_numbers_scales_and_units_the_vietnamese_way(sentence, value, unit):
    m = only(sentence)
    assert (m.value, m.unit) == (Decimal(value), unit)


@pytest.mark.parametrize(
    ("sentence", "qualifier"),
    [
        ("Diện tích lúa đạt trên 4.500ha.", "above"),
        ("Diện tích cây trồng có lợi thế đạt được hơn 54ha.", "above"),
        ("Giá trị đạt khoảng 300 tỷ đồng.", "about"),
        ("Tỷ lệ thất nghiệp ở mức dưới 4%.", "below"),
        ("Năm 2024 phấn đấu thu ngân sách đạt 150 tỷ đồng trở lên.", "above"),
    ],
)
def test_it_reads_qualifiers(sentence, qualifier):
    assert only(sentence).qualifier == qualifier


def test_a_goal_is_its_own_target():
    m = only("Năm 2024 phấn đấu thu ngân sách đạt 150 tỷ đồng trở lên.")
    assert (m.value, m.target, m.goal) == (Decimal(150), Decimal(150), True)


def test_a_plan_in_brackets_is_the_target():
    m = only("Thu ngân sách đạt 150 tỷ đồng (kế hoạch 140 tỷ đồng).")
    assert (m.value, m.target) == (Decimal(150), Decimal(140))


def test_a_plan_named_later_in_brackets_is_the_target():
    m = measures(
        "Bình quân lương thực đạt trên 540kg/người/năm, đảm bảo mục tiêu an ninh lương thực "
        "tối thiểu trên địa bàn huyện (360kg/người/năm), vượt kế hoạch đề ra."
    )
    assert [(x.value, x.target) for x in m] == [(Decimal(540), Decimal(360))]


def test_a_plan_given_before_the_work_done():
    m = only("Kế hoạch năm 2023 giao 500 ha, đến nay đã trồng được 520 ha, đạt 104%.")
    assert (m.value, m.target, m.percent) == (Decimal(520), Decimal(500), Decimal(104))


def test_counts_of_people_and_bodies_carry_their_noun():
    found = measures(
        "Thời gian qua, cấp ủy, UBKT đã kiểm tra, giám sát từ huyện đến cơ sở được "
        "85 tổ chức đảng và 118 đảng viên."
    )
    assert [(m.value, m.unit) for m in found] == [(85, "tổ chức đảng"), (118, "đảng viên")]
    assert all(m.indicator.startswith("kiểm tra, giám sát") for m in found)


def test_a_count_before_its_noun_takes_the_noun_as_its_name():
    m = only("Toàn tỉnh có 98/121 xã đạt chuẩn nông thôn mới, đạt 81%.")
    assert (m.indicator, m.value, m.unit, m.total) == (
        "xã đạt chuẩn nông thôn mới",
        Decimal(98),
        "xã",
        Decimal(121),
    )
    assert (m.percent, m.percent_of) == (Decimal(81), "other")


def test_a_short_verb_takes_the_noun_after_the_figure():
    m = only("Kết nạp 215 đảng viên mới, đạt 107,5% chỉ tiêu.")
    assert (m.indicator, m.value, m.percent) == ("Kết nạp đảng viên mới", 215, Decimal("107.5"))


def test_a_party_admission_against_its_plan_is_a_measure_not_a_tally():
    facts = extract("Kết nạp đảng viên mới đạt 48/90 chỉ tiêu, bằng 53% kế hoạch.")
    assert len(facts) == 1 and isinstance(facts[0], Measure)
    assert (facts[0].value, facts[0].target, facts[0].unit) == (48, 90, None)


def test_each_part_of_a_list_is_its_own_measure():
    found = measures(
        "Diện tích gieo trồng lúa vụ mùa ước đạt 8.200 ha, giảm 150 ha so với cùng kỳ; "
        "năng suất ước đạt 52 tạ/ha; sản lượng ước đạt 42.640 tấn."
    )
    assert [(m.indicator, m.value, m.estimate) for m in found] == [
        ("Diện tích gieo trồng lúa vụ mùa", 8200, True),
        ("năng suất", 52, True),
        ("sản lượng", 42640, True),
    ]
    assert found[0].change == -150


def test_a_generic_head_takes_its_topic_from_the_clause_before():
    m = only(
        "Từ năm 2021 đến nay kết quả giải quyết việc làm đều đạt và vượt mục tiêu Nghị quyết "
        "đề ra, bình quân giữa nhiệm kỳ đạt 143% mục tiêu Nghị quyết."
    )
    assert (m.indicator, m.percent, m.percent_of) == ("giải quyết việc làm", 143, "resolution")


def test_a_label_before_a_colon_names_the_figure():
    m = only("Thu ngân sách: 150 tỷ đồng (đạt 105% dự toán).")
    assert (m.indicator, m.value, m.percent) == ("Thu ngân sách", 150, 105)


@pytest.mark.parametrize(
    ("sentence", "count", "total", "status"),
    [
        ("Đến nay đã có 27/49 chỉ tiêu, nhiệm vụ đạt và vượt.", 27, 49, "met"),
        ("22/49 chỉ tiêu, nhiệm vụ chưa đạt.", 22, 49, "not_met"),
        ("Huyện đã hoàn thành và hoàn thành vượt mức 4/16 chỉ tiêu Đại hội.", 4, 16, "met"),
        ("9 tháng năm 2023, huyện Pác Nặm mới đạt 16/38 chỉ tiêu so với mục tiêu.", 16, 38, "met"),
        ("Có 18 trên tổng số 24 chỉ tiêu đạt và vượt tiến độ.", 18, 24, "met"),
    ],
)
def test_it_reads_tallies_of_targets(sentence, count, total, status):
    tallies = [f for f in extract(sentence) if isinstance(f, Tally)]
    assert [(t.count, t.total, t.status) for t in tallies] == [(count, total, status)]


def test_a_tally_finds_its_total_earlier_in_the_sentence():
    facts = extract("Trong 21 chỉ tiêu chủ yếu, có 18 chỉ tiêu đạt và vượt, 3 chỉ tiêu chưa đạt.")
    assert [(f.count, f.total, f.status) for f in facts if isinstance(f, Tally)] == [
        (18, 21, "met"),
        (3, 21, "not_met"),
    ]


def test_it_reads_revisions_of_targets():
    facts = extract(
        "Các đại biểu nhất trí điều chỉnh một số chỉ tiêu như: Độ che phủ rừng (từ 37 lên 41,3%); "
        "xã nông thôn mới (từ 8 lên 11 xã); tỷ lệ thu gom, xử lý rác thải tại khu vực nông thôn "
        "và đô thị (từ 70 lên 100%)."
    )
    assert [(f.indicator, f.old, f.new, f.unit) for f in facts if isinstance(f, Revision)] == [
        ("Độ che phủ rừng", 37, Decimal("41.3"), "%"),
        ("xã nông thôn mới", 8, 11, "xã"),
        ("tỷ lệ thu gom, xử lý rác thải tại khu vực nông thôn và đô thị", 70, 100, "%"),
    ]


def test_a_revision_named_after_the_verb():
    facts = extract(
        "Hội nghị thống nhất điều chỉnh chỉ tiêu thu ngân sách từ 120 tỷ đồng lên 150 tỷ đồng."
    )
    assert [(f.indicator, f.old, f.new) for f in facts] == [("thu ngân sách", 120, 150)]


def test_from_to_without_an_adjustment_is_a_change_over_time():
    m = only("Tỷ lệ hộ nghèo giảm từ 12,5% năm 2020 xuống còn 6,3% năm 2023.")
    assert (m.value, m.previous, m.unit) == (Decimal("6.3"), Decimal("12.5"), "%")


@pytest.mark.parametrize(
    "sentence",
    [
        "Ngày 17/5, Huyện ủy tổ chức Hội nghị lần thứ 15 Ban Chấp hành Đảng bộ huyện khóa XX.",
        "Sáng 7.10, UBND tỉnh tổ chức hội nghị.",
        "Chiều 17/5, Huyện ủy Pác Nặm tổ chức Hội nghị sơ kết giữa nhiệm kỳ 2020-2025.",
        "Triển khai nhiệm vụ trọng tâm 03 tháng cuối năm 2023.",
        "Theo Nghị quyết số 12-NQ/HU ngày 05 tháng 3 năm 2021 của Huyện ủy.",
        "Quyết định số 1234/QĐ-UBND ngày 15/6/2023 của UBND tỉnh.",
        "Giai đoạn 2021 – 2025 và nhiệm kỳ 2020 - 2025.",
        "Dịch Covid-19 diễn biến phức tạp; đường 258B được nâng cấp; dịch vụ công mức độ 4.",
        "Sau 2 năm rưỡi thực hiện Nghị quyết, tiếp tục bám sát 04 nhiệm vụ trọng tâm.",
        "Huyện ủy đã ban hành 8 nghị quyết, 3 chương trình hành động, 25 kế hoạch.",
        "Hội nghị có sự tham dự của 250 đại biểu; Đại hội bầu 45 đồng chí vào Ban Chấp hành.",
        "Lúc 14 giờ 30 phút ngày 5/7, tại Km 35+200 Quốc lộ 3.",
        "0:00 / 0:00",
        "T3, 2018-06-26 10:31",
        "Kỳ họp lần thứ 14, nhiệm kỳ 2020 – 2025; xếp thứ 24/63 tỉnh, thành phố.",
        "Năm 2023, năm 2022 và năm 2025.",
        "Triển khai 3 chương trình mục tiêu quốc gia và 5 nhóm giải pháp.",
    ],
)
def test_dates_ordinals_terms_and_names_are_not_figures(sentence):
    assert extract(sentence) == []


def test_numbers_inside_an_indicators_name_are_not_figures():
    m = only("Tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng thể thấp còi giảm còn 18,5%.")
    assert (m.indicator, m.value) == (
        "Tỷ lệ trẻ em dưới 5 tuổi suy dinh dưỡng thể thấp còi",
        Decimal("18.5"),
    )
    assert only("Có 15 sản phẩm được công nhận đạt chuẩn OCOP từ 3 sao trở lên.").value == 15


def test_a_text_with_no_figures_has_no_facts():
    assert extract("") == []
    assert extract("Các đại biểu tập trung thảo luận, đóng góp ý kiến vào dự thảo báo cáo.") == []


def test_each_fact_quotes_its_own_span():
    text = "Trồng rừng được 603,8ha/600ha, đạt 100,6% kế hoạch. Có 27/49 chỉ tiêu đạt và vượt."
    for fact in extract(text):
        assert text[fact.start : fact.end] == fact.quote


def test_it_reads_the_period_of_a_report():
    doc = extract_document(
        "Giá trị sản xuất công nghiệp 9 tháng đạt 362,14 tỷ đồng, bằng 95,27% so với cùng kỳ "
        "năm 2022. Đồng chí ghi nhận kết quả thực hiện nhiệm vụ 9 tháng năm 2023."
    )
    assert doc.period is not None and doc.period.code == "2023-9M"
    assert doc.facts[0].period is not None and doc.facts[0].period.label == "9 tháng năm 2023"


def test_a_midterm_review_reports_on_its_term():
    doc = extract_document(
        "Huyện ủy tổ chức Hội nghị sơ kết giữa nhiệm kỳ thực hiện Nghị quyết Đại hội, "
        "nhiệm kỳ 2020-2025. Đến nay đã có 27/49 chỉ tiêu đạt và vượt."
    )
    assert doc.period is not None
    assert (doc.period.code, doc.period.midterm) == ("2020-2025", True)
    assert doc.period.label == "giữa nhiệm kỳ 2020 - 2025"


def test_old_and_new_tone_placement_read_alike():
    old = only("Giá trị sản xuất thủy sản đạt 120 tỷ đồng, bằng 101% kế hoạch.")
    new = only("Giá trị sản xuất thuỷ sản đạt 120 tỷ đồng, bằng 101% kế hoạch.")
    assert (old.value, old.percent) == (new.value, new.percent)


def test_the_json_shape_is_the_one_score_py_reads():
    data = extract_document("Trồng rừng được 603,8ha/600ha, đạt 100,6% kế hoạch.").to_json()
    fact = data["facts"][0]
    assert {
        k: fact[k]
        for k in ("kind", "indicator", "value", "unit", "target", "percent", "percent_of")
    } == {
        "kind": "measure",
        "indicator": "Trồng rừng",
        "value": 603.8,
        "unit": "ha",
        "target": 600,
        "percent": 100.6,
        "percent_of": "plan",
    }
    assert fact["estimate"] is False and fact["qualifier"] is None
    assert fact["span"] == [0, len(fact["quote"])]


def test_tallies_listed_commune_by_commune_stop_at_the_next_name():
    tallies = [
        f
        for f in extract(
            "Đảng ủy xã Nam Sơn đạt 24/28 chỉ tiêu, Bắc Sơn đạt 37/57 chỉ tiêu, "
            "Đông Sơn đạt 19/29 chỉ tiêu nghị quyết."
        )
        if isinstance(f, Tally)
    ]
    assert [(t.count, t.total) for t in tallies] == [(24, 28), (37, 57), (19, 29)]
    assert tallies[0].quote == "24/28 chỉ tiêu"


@pytest.mark.parametrize(
    ("sentence", "status"),
    [
        ("Năm 2022 dự kiến cả 17/17 chỉ tiêu đạt và vượt mục tiêu Nghị quyết HĐND tỉnh.", "met"),
        ("Xã đạt 14/21 chỉ tiêu; 07/21 chỉ tiêu đang trong lộ trình thực hiện.", "not_met"),
    ],
)
def test_tally_status_follows_the_words_after_the_count(sentence, status):
    assert [f.status for f in extract(sentence) if isinstance(f, Tally)][-1] == status


def test_footnote_marks_and_listed_labels_are_not_figures():
    assert (
        extract("Tỉnh có vị trí quan trọng trong giao lưu quốc tế(1), lịch sử lâu đời (2).") == []
    )
    found = measures("Đảng ủy xã trao Huy hiệu 30, 40, 50, 55 năm tuổi Đảng cho 11 đảng viên.")
    assert [(m.value, m.unit) for m in found] == [(11, "đảng viên")]


def test_a_decimal_point_typed_the_english_way_is_read_before_a_unit_only():
    assert only("Tổng giá trị sản xuất ước đạt 168.9 tỷ đồng.").value == Decimal("168.9")
    assert extract("Sáng 7.10 và cách mạng công nghiệp 4.0.") == []


def test_a_figure_spelled_out_before_a_scale_word():
    m = only("Giải ngân vốn đầu tư công là gần một nghìn tỷ đồng, đạt 37,6% kế hoạch.")
    assert (m.value, m.unit, m.qualifier, m.percent) == (
        1,
        "nghìn tỷ đồng",
        "about",
        Decimal("37.6"),
    )


def test_an_equivalent_amount_is_the_change_not_a_new_measure():
    m = only("Thu nhập bình quân đạt 22,4 triệu đồng (tăng 7,7% tương đương 1,6 triệu đồng).")
    assert (m.value, m.percent, m.change) == (Decimal("22.4"), Decimal("107.7"), Decimal("1.6"))


def test_a_resolution_goal_with_a_range():
    m = only(
        "Nghị quyết Đại hội Đảng bộ huyện nhiệm kỳ 2020 - 2025 đề ra mục tiêu mỗi năm "
        "kết nạp từ 90 - 100 đảng viên."
    )
    assert (m.indicator, m.value, m.upper, m.goal) == ("kết nạp", 90, 100, True)


def test_a_share_names_what_it_counts_after_the_slash():
    m = only("Có 6/6 thôn giữ chuẩn khu dân cư nông thôn mới kiểu mẫu.")
    assert (m.indicator, m.value, m.total) == (
        "thôn giữ chuẩn khu dân cư nông thôn mới kiểu mẫu",
        6,
        6,
    )


def test_a_period_spelled_in_words():
    doc = extract_document("Sáu tháng đầu năm 2015, sản lượng lúa đạt 42.793 tấn.")
    assert doc.period is not None and doc.period.code == "2015-H1"


def test_beating_a_rate_target_by_points_is_a_change():
    m = only("Tỷ lệ hộ nghèo giảm 3,92%, vượt mục tiêu 0,42%.")
    assert (m.value, m.target, m.percent, m.change) == (
        Decimal("3.92"),
        None,
        None,
        Decimal("-3.92"),
    )


def test_the_year_before_the_report_year_is_the_same_period():
    doc = extract_document(
        "Năm 2023, tổng giá trị sản xuất ước đạt 14.759 tỷ đồng, bằng 108,44% so với năm 2022."
    )
    assert [(f.percent, f.percent_of) for f in doc.facts] == [(Decimal("108.44"), "same_period")]


def test_a_list_of_sectors_keeps_its_head():
    m = only("Giá trị sản xuất nông, lâm, thuỷ sản (theo giá so sánh năm 2010) đạt 2.193 tỷ đồng.")
    assert m.indicator == "Giá trị sản xuất nông, lâm, thuỷ sản"


def test_a_tally_after_trong_do():
    facts = extract(
        "Năm 2023 hoàn thành cơ bản các chỉ tiêu, trong đó có 38/54 chỉ tiêu hoàn thành."
    )
    assert [(f.count, f.total) for f in facts if isinstance(f, Tally)] == [(38, 54)]


def test_a_count_per_ten_thousand_people_keeps_its_base_in_the_unit():
    m = only("Năm 2025 có 30 giường bệnh/1 vạn dân.")
    assert (m.value, m.unit, m.total) == (30, "giường bệnh/1 vạn dân", None)


def test_who_acts_is_not_an_indicator():
    m = only("Hiện huyện có 6 xã đạt chuẩn nông thôn mới.")
    assert m.indicator == "xã đạt chuẩn nông thôn mới"


def test_a_difference_is_not_a_qualifier():
    m = only("Giá trị sản xuất cao hơn 5% so với cùng kỳ.")
    assert (m.qualifier, m.change, m.percent) == (None, 5, 105)
    assert only("Giá trị sản xuất tăng hơn 4% so với cùng kỳ.").qualifier == "above"


def test_village_covenants_are_not_estimates():
    m = only("Các thôn xây dựng hương ước, quy ước; thu ngân sách đạt 50 tỷ đồng.")
    assert m.estimate is False
    assert only("Sản lượng đạt ngót 2.000 tấn.").indicator == "Sản lượng"
