"""The indicator page: definition, revisions, chart, figures with sources, assessment."""

from __future__ import annotations

import pytest

from nghiquyet.plans.models import Indicator
from nghiquyet.results.models import Assessment, AuditEvent, Observation

FOREST_COVER = "/resolutions/luc-ngan-2015-2020/indicators/1/"
FARM_VALUE = "/resolutions/pac-nam-2023/indicators/1/"


def test_the_page_shows_the_revision_history_with_decision_date_reason_and_who(admin):
    page = admin.get(FOREST_COVER).content.decode()
    assert "Độ che phủ rừng" in page and "Lịch sử điều chỉnh" in page
    assert "<td>25/06/2018</td><td>37</td><td>41,3</td>" in page
    assert "Kết luận Hội nghị sơ kết giữa nhiệm kỳ" in page
    assert "<td>demo," in page  # the process that loaded it, from the audit


def test_the_page_shows_figures_with_who_when_and_the_quoted_source(owner):
    page = owner.get(FARM_VALUE).content.decode()
    assert "ước đạt được 248 tỷ đồng" in page  # the article's words
    assert "seeds/004_" in page and ">UTH<" not in page and "ƯTH" in page
    assert "ngày báo cáo 30/09/2023" in page


def test_the_chart_plots_values_against_the_target_and_the_expected_path(owner):
    page = owner.get(FARM_VALUE).content.decode()
    svg = page.split('<svg role="img"', 1)[1].split("</svg>", 1)[0]
    assert "Diễn biến Giá trị sản xuất nông, lâm nghiệp và thủy sản so với mục tiêu" in svg
    assert "Lộ trình dự kiến" in svg and "Mục tiêu" in svg and "248 (ƯTH)" in svg
    assert "style=" not in svg and "<script" not in svg


def test_the_headline_shows_the_status_for_the_period(owner):
    page = owner.get(FARM_VALUE + "?period=2023-9M").content.decode()
    assert "50,6 %" in page and "Chưa đạt" in page


def assessment_form(**fields):
    data = {
        "period": "2023-9M",
        "version": "1",
        "status_override": "",
        "override_reason": "",
        "causes_subjective": "Chỉ đạo chưa quyết liệt.",
        "causes_objective": "Mưa lũ tháng 8.",
        "remedies": "Tập trung thu hoạch vụ mùa.",
        "responsible_agency": "Phòng Nông nghiệp",
    }
    data.update(fields)
    return data


def test_an_officer_records_causes_remedies_and_the_responsible_agency(owner):
    response = owner.post(FARM_VALUE + "assess/?period=2023-9M", assessment_form())
    assert response.status_code == 302
    assessment = Assessment.objects.get(
        indicator__resolution__code="pac-nam-2023", indicator__code="1", period="2023-9M"
    )
    assert assessment.causes_objective == "Mưa lũ tháng 8."
    assert assessment.responsible_agency == "Phòng Nông nghiệp"
    assert assessment.author.username == "vanphong" and assessment.version == 2
    page = owner.get(response["Location"]).content.decode()
    assert "Đã lưu đánh giá." in page and "Mưa lũ tháng 8." in page


def test_an_override_needs_a_reason_named_next_to_the_field(owner):
    response = owner.post(
        FARM_VALUE + "assess/?period=2023-9M", assessment_form(status_override="met")
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert 'id="id_override_reason-error"' in page
    assert "Cần ghi lý do khi đánh giá khác với kết quả tính." in page
    assert "Mưa lũ tháng 8." in page  # what was typed is still there
    assert not Assessment.objects.filter(status_override="met").exists()


def test_an_override_with_a_reason_changes_the_status_and_keeps_the_computed_one(owner):
    owner.post(
        FARM_VALUE + "assess/?period=2023-9M",
        assessment_form(status_override="nearly_met", override_reason="Vụ đông chưa thu hoạch."),
    )
    page = owner.get("/resolutions/pac-nam-2023/?period=2023-9M").content.decode()
    row = page.split("Giá trị sản xuất nông, lâm nghiệp và thủy sản", 1)[1][:1500]
    assert "Cơ bản đạt" in row and 'class="overridden"' in row
    detail = owner.get(FARM_VALUE + "?period=2023-9M").content.decode()
    assert "Kết quả tính: Chưa đạt" in detail and "Vụ đông chưa thu hoạch." in detail


def test_a_stale_assessment_is_refused_and_what_was_typed_stays(owner, reporter):
    first = reporter.post(FARM_VALUE + "assess/?period=2023-9M", assessment_form(remedies="A"))
    assert first.status_code == 302
    response = owner.post(FARM_VALUE + "assess/?period=2023-9M", assessment_form(remedies="B"))
    assert response.status_code == 400
    page = response.content.decode()
    assert "vừa được baocao sửa" in page and ">\nB</textarea>" in page
    assert "Bản đang lưu" in page and "<dd>A</dd>" in page
    assert 'name="version" value="2"' in page  # saving again overwrites, knowingly
    assert (
        Assessment.objects.get(
            period="2023-9M", indicator__code="1", indicator__resolution__code="pac-nam-2023"
        ).remedies
        == "A"
    )


def test_a_viewer_reads_the_assessment_but_cannot_post_one(colleague):
    page = colleague.get("/resolutions/cho-don-2023/indicators/5/").content.decode()
    assert "Lưu đánh giá" not in page
    response = colleague.post(
        "/resolutions/cho-don-2023/indicators/5/assess/", assessment_form(version="0")
    )
    assert response.status_code == 403
    assert "Bạn chỉ được xem" in response.content.decode()


@pytest.mark.parametrize("who", ["colleague", "outsider"])
def test_another_units_indicator_does_not_exist_for_them(who, request):
    client = request.getfixturevalue(who)
    assert client.get(FARM_VALUE).status_code == 404
    assert client.post(FARM_VALUE + "assess/", assessment_form()).status_code == 404


def test_an_unknown_indicator_is_404(owner):
    assert owner.get("/resolutions/pac-nam-2023/indicators/99/").status_code == 404


def test_deleting_a_figure_needs_a_reason_and_keeps_it_in_history(reporter):
    observation = Observation.objects.get(
        indicator__resolution__code="pac-nam-2023", indicator__code="1", period="2023-9M"
    )
    url = f"{FARM_VALUE}observations/{observation.pk}/delete/"
    response = reporter.post(url, {"version": observation.version, "reason": ""})
    assert response.status_code == 302
    observation.refresh_from_db()
    assert not observation.is_deleted
    reporter.post(url, {"version": observation.version, "reason": "Nhập nhầm kỳ."})
    observation.refresh_from_db()
    assert observation.is_deleted
    event = AuditEvent.objects.get(action="delete", object_pk=str(observation.pk))
    assert event.reason == "Nhập nhầm kỳ." and event.actor_label == "baocao"


def test_a_viewer_cannot_delete_figures(colleague):
    observation = Observation.objects.filter(indicator__resolution__code="cho-don-2023").first()
    code = Indicator.objects.get(pk=observation.indicator_id).code
    url = f"/resolutions/cho-don-2023/indicators/{code}/observations/{observation.pk}/delete/"
    assert colleague.post(url, {"version": 1, "reason": "x"}).status_code == 403
