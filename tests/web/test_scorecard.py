"""The scorecard page, its JSON and CSV, for every role."""

from __future__ import annotations

import csv
import io

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from nghiquyet.plans.models import Resolution
from nghiquyet.plans.services import add_indicator, set_target
from nghiquyet.results.audit import Actor

URL = "/resolutions/cho-don-2023/?period=2023-9M"


def test_the_scorecard_is_the_report_appendix_grouped_by_field(admin):
    page = admin.get(URL).content.decode()
    for heading in (
        "STT",
        "Chỉ tiêu",
        "ĐVT",
        "Mục tiêu NQ",
        "KH năm",
        "TH/ƯTH",
        "% so KH",
        "% so NQ",
        "Đánh giá",
        "Tiến độ",
        "TH cùng kỳ",
        "% so cùng kỳ",
    ):
        assert f">{heading}</th>" in page
    assert "I. Kinh tế" in page and "II. Văn hóa - xã hội" in page
    assert "603,8" in page and "100,6 %" in page  # Chợ Đồn: trồng rừng 603,8 of 600 ha
    assert "380,12" in page and "95,27 %" in page  # cùng kỳ 2022
    assert "✗</span> Chưa đạt" in page  # 600 of 1.000 lao động, 9 months: not final


def test_the_tally_counts_every_indicator(admin):
    page = admin.get(URL).content.decode()
    assert "<strong>2/6</strong> chỉ tiêu đạt và vượt" in page


def test_the_lagging_filter_keeps_only_lagging_rows(admin):
    page = admin.get(URL + "&lagging=1").content.decode()
    assert "Giải quyết việc làm" in page and "Trồng cây lương thực có hạt" in page
    assert "Trồng rừng" not in page.split("<table", 1)[1]


def test_the_period_picker_offers_the_reporting_cycle(admin):
    page = admin.get(URL).content.decode()
    assert '<option value="2023-H1">6 tháng đầu năm 2023</option>' in page
    assert '<option value="2023-9M" selected>9 tháng năm 2023</option>' in page


def test_the_mid_term_view_uses_the_target_in_force_on_the_as_of_date(admin):
    before = admin.get("/resolutions/luc-ngan-2015-2020/?period=2015-2020&as_of=2018-06-24")
    after = admin.get("/resolutions/luc-ngan-2015-2020/?period=2015-2020&as_of=2018-06-26")
    assert "tính đến ngày 24/06/2018" in before.content.decode()
    row_before = before.content.decode().split("Độ che phủ rừng", 1)[1][:400]
    row_after = after.content.decode().split("Độ che phủ rừng", 1)[1][:400]
    assert ">37<" in row_before.replace(" ", "") or '<td data-label="Mục tiêu NQ">37' in row_before
    assert "41,3" in row_after and "đã điều chỉnh" in row_after


def test_a_term_view_has_no_year_plan_columns(admin):
    page = admin.get("/resolutions/pac-nam-2020-2025/").content.decode()
    assert ">KH năm</th>" not in page and ">% so NQ</th>" in page
    assert "112 %" in page  # đường trục thôn: 84 of 75 %


def test_an_override_is_marked_and_explained(admin):
    page = admin.get("/resolutions/pac-nam-2020-2025/").content.decode()
    row = page.split("Diện tích trồng cây lương thực có hạt hằng năm", 1)[1][:1500]
    assert "Vượt" in row and 'class="overridden"' in row


def test_the_json_is_the_cli_json(admin):
    data = admin.get(URL + "&format=json").json()
    assert data["tally"]["met_or_exceeded"] == 2 and data["period"] == "2023-9M"
    forest = next(row for row in data["indicators"] if row["name"] == "Trồng rừng")
    assert forest["ratio_pct"] == 100.63 and forest["status"] == "exceeded"


def test_the_csv_has_one_row_per_indicator_with_machine_numbers(admin):
    response = admin.get(URL + "&format=csv")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert "cho-don-2023_2023-9M_" in response["Content-Disposition"]
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff")  # Excel on Windows reads UTF-8 with the mark
    rows = list(csv.DictReader(io.StringIO(text.lstrip("\ufeff"))))
    assert len(rows) == 6
    forest = next(row for row in rows if row["name"] == "Trồng rừng")
    assert forest["actual"] == "603.8" and forest["status"] == "exceeded"
    assert forest["status_label"] == "Vượt" and forest["target"] == "600"
    assert forest["source_quote"].startswith("Trồng rừng được 603,8ha")


def test_a_bad_period_is_answered_next_to_the_picker(admin):
    response = admin.get("/resolutions/cho-don-2023/?period=2023-Q9")
    assert response.status_code == 400
    assert 'id="period-error"' in response.content.decode()
    assert "không hợp lệ" in response.content.decode()


def test_a_period_outside_the_resolution_is_refused_in_vietnamese(admin):
    response = admin.get("/resolutions/cho-don-2023/?period=2019&format=json")
    assert response.status_code == 400
    assert "nằm ngoài thời hạn" in response.json()["error"]["message"]
    assert response.json()["error"]["fields"]["period"]


def test_a_bad_as_of_date_is_refused(admin):
    response = admin.get("/resolutions/cho-don-2023/?as_of=17/5/2023&format=json")
    assert response.status_code == 400 and "năm-tháng-ngày" in response.json()["error"]["message"]


def test_an_unknown_resolution_is_404_on_the_page_and_in_json(admin):
    assert admin.get("/resolutions/khong-co/").status_code == 404
    response = admin.get("/resolutions/khong-co/?format=json")
    assert response.status_code == 404 and response.json()["error"]["code"] == "not_found"


@pytest.mark.parametrize("who", ["owner", "reporter"])
def test_members_of_the_unit_read_its_scorecard(who, request):
    client = request.getfixturevalue(who)
    assert client.get("/resolutions/pac-nam-2023/").status_code == 200


@pytest.mark.parametrize("who", ["colleague", "outsider"])
@pytest.mark.parametrize("fmt", ["", "&format=json", "&format=csv"])
def test_another_units_scorecard_does_not_exist_for_them(who, fmt, request):
    client = request.getfixturevalue(who)
    response = client.get("/resolutions/pac-nam-2023/?period=2023-9M" + fmt)
    assert response.status_code == 404
    if fmt:
        assert response.json()["error"]["code"] == "not_found"
    else:
        assert "không có quyền xem" in response.content.decode()


@pytest.mark.parametrize("fmt", ["json", "csv"])
def test_json_and_csv_ask_anonymous_callers_to_sign_in(db, client, fmt):
    response = client.get(f"/resolutions/cho-don-2023/?format={fmt}")
    assert response.status_code == 401 and response.json()["error"]["code"] == "login_required"


def test_buttons_follow_the_role(owner, reporter, colleague):
    owner_page = owner.get("/resolutions/pac-nam-2023/").content.decode()
    assert "Nhập số liệu" in owner_page and "Thiết lập chỉ tiêu" in owner_page
    reporter_page = reporter.get("/resolutions/pac-nam-2023/").content.decode()
    assert "Nhập số liệu" in reporter_page and "Thiết lập chỉ tiêu" not in reporter_page
    viewer_page = colleague.get("/resolutions/cho-don-2023/").content.decode()
    assert ">Nhập số liệu<" not in viewer_page and "Thiết lập chỉ tiêu" not in viewer_page


def test_scorecard_queries_do_not_grow_with_the_indicators(admin, django_assert_max_num_queries):
    with CaptureQueriesContext(connection) as small:
        admin.get(URL)
    resolution = Resolution.objects.get(code="cho-don-2023")
    actor = Actor.system("test")
    for number in range(7, 57):
        indicator = add_indicator(
            resolution,
            code=str(number),
            name=f"Chỉ tiêu {number}",
            unit="ha",
            direction="up",
            kind="flow",
            actor=actor,
        )
        set_target(indicator, raw_text="100", scope="year", year=2023, source="annual", actor=actor)
    with django_assert_max_num_queries(len(small.captured_queries)):
        page = admin.get(URL).content.decode()
    assert "Chỉ tiêu 56" in page
    assert len(small.captured_queries) <= 12


def test_a_cached_scorecard_is_rebuilt_after_any_audited_change(admin, people):
    from nghiquyet.orgunits.models import OrgUnit
    from nghiquyet.plans.models import Indicator
    from nghiquyet.results.services import record_observation

    assert "603,8" in admin.get(URL).content.decode()
    with CaptureQueriesContext(connection) as cached:
        admin.get(URL)
    record_observation(
        indicator=Indicator.objects.get(resolution__code="cho-don-2023", name="Trồng rừng"),
        org_unit=OrgUnit.objects.get(code="cho-don"),
        period="2023-9M",
        raw_text="612,5",
        actor=Actor.of(people["admin"]),
    )
    with CaptureQueriesContext(connection) as rebuilt:
        page = admin.get(URL).content.decode()
    assert "612,5" in page and "603,8" not in page
    assert len(rebuilt.captured_queries) > len(cached.captured_queries)


def test_the_scorecard_cache_can_be_turned_off(admin, settings):
    settings.NGHIQUYET_SCORECARD_CACHE_SECONDS = 0
    with CaptureQueriesContext(connection) as first:
        admin.get(URL)
    with CaptureQueriesContext(connection) as second:
        admin.get(URL)
    assert len(first.captured_queries) == len(second.captured_queries)
