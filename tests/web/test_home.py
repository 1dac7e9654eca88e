"""The dashboard: tallies, status chart, lagging indicators, next period, who has not reported."""

from __future__ import annotations

from django.contrib.auth.models import User

from nghiquyet.accounts.services import grant
from nghiquyet.orgunits.models import OrgUnit
from nghiquyet.plans.services import add_indicator, create_resolution
from nghiquyet.results.audit import Actor
from nghiquyet.results.services import record_observation


def test_home_lists_every_resolution_with_its_latest_tally(admin, django_assert_max_num_queries):
    with django_assert_max_num_queries(30):
        response = admin.get("/")
    page = response.content.decode()
    assert response.status_code == 200
    assert "Nghị quyết Đại hội Đảng bộ huyện Lục Ngạn lần thứ XXIV" in page
    assert "2/6</strong> chỉ tiêu đạt và vượt — 9 tháng năm 2023" in page
    assert "5/49</strong> chỉ tiêu đạt và vượt — nhiệm kỳ 2020 - 2025" in page


def test_the_dashboard_shows_a_status_chart_with_words_not_colour_alone(admin):
    page = admin.get("/").content.decode()
    assert '<svg role="img"' in page and "Số chỉ tiêu theo kết quả đánh giá" in page
    assert "style=" not in page.split("<svg", 1)[1].split("</svg>", 1)[0]  # CSP: no inline style
    assert "✗ Chưa đạt" not in page or "Chưa đạt</span>" in page
    assert '<span class="status-icon" aria-hidden="true">▲</span> Vượt' in page


def test_the_dashboard_lists_lagging_indicators_furthest_behind_first(owner):
    page = owner.get("/").content.decode()
    lagging = page.split("Chỉ tiêu chậm tiến độ", 2)[2]
    first, second = lagging.index("Diện tích cây trồng có lợi thế"), lagging.index("Kết nạp")
    assert first < second  # 49,1 % before 53,3 %
    assert "49,1 %" in lagging


def test_the_dashboard_names_the_next_period_and_who_has_not_reported(owner):
    page = owner.get("/").content.decode()
    assert "Kỳ báo cáo tiếp theo" in page
    assert "năm 2023" in page  # Pác Nặm 2023 reported 9 months; the year comes next
    assert "Huyện Pác Nặm: chưa báo cáo" in page
    assert "/resolutions/pac-nam-2023/entry/?period=2023" in page


def test_a_unit_that_reported_part_of_the_period_is_shown_with_its_count(owner, people, demo):
    from nghiquyet.plans.models import Indicator

    indicator = Indicator.objects.get(resolution__code="pac-nam-2023", code="5")
    record_observation(
        indicator=indicator,
        org_unit=OrgUnit.objects.get(code="pac-nam"),
        period="2023",
        raw_text="91",
        actor=Actor.of(people["baocao"]),
    )
    page = owner.get("/").content.decode()
    assert "Huyện Pác Nặm: mới có 1/38 chỉ tiêu" in page


def test_each_person_sees_only_their_units_resolutions(owner, colleague, outsider):
    assert "Pác Nặm" in owner.get("/").content.decode()
    assert "Chợ Đồn" not in owner.get("/").content.decode().split("<main", 1)[1]
    colleague_page = colleague.get("/").content.decode()
    assert "Chợ Đồn" in colleague_page and "Pác Nặm" not in colleague_page
    assert "Bạn chưa được giao theo dõi nghị quyết nào" in outsider.get("/").content.decode()


def test_a_viewer_is_not_offered_data_entry(colleague, reporter):
    assert "Nhập số liệu kỳ này" not in colleague.get("/").content.decode()
    assert "Nhập số liệu kỳ này" in reporter.get("/").content.decode()


def test_the_dashboard_costs_the_same_queries_for_more_resolutions(
    admin, people, django_assert_num_queries
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as before:
        admin.get("/")
    district = OrgUnit.objects.get(code="pac-nam")
    actor = Actor.system("test")
    # Two more year plans reporting the same 9 months (the districts of a province do).
    for number in (2, 3):
        resolution = create_resolution(
            code=f"pac-nam-2023-{number}",
            title=f"Nghị quyết chuyên đề số {number} năm 2023",
            kind="thematic",
            issuer=OrgUnit.objects.get(code="huyen-uy-pac-nam"),
            scope=district,
            first_year=2023,
            last_year=2023,
            actor=actor,
        )
        indicator = add_indicator(
            resolution,
            code="1",
            name="Trồng rừng",
            unit="ha",
            direction="up",
            kind="flow",
            actor=actor,
        )
        record_observation(
            indicator=indicator, org_unit=district, period="2023-9M", raw_text="10", actor=actor
        )
    with django_assert_num_queries(len(before.captured_queries)):
        page = admin.get("/").content.decode()
    assert "Nghị quyết chuyên đề số 3 năm 2023" in page


def test_anonymous_visitors_are_sent_to_the_login_page(db, client):
    response = client.get("/")
    assert response.status_code == 302 and response["Location"] == "/login/?next=/"


def test_every_response_carries_security_headers(db, client):
    response = client.get("/login/")
    assert "script-src 'self'" in response["Content-Security-Policy"]
    assert "style-src 'self'" in response["Content-Security-Policy"]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"


def test_static_files_are_served_by_the_app(db, client):
    assert client.get("/static/nghiquyet/site.css").status_code == 200
    assert client.get("/static/nghiquyet/entry.js").status_code == 200


def test_membership_grants_follow_the_unit_tree(people, signed_in):
    commune = OrgUnit.objects.create(
        code="xa-thu",
        name="Xã Thử",
        kind="commune",
        parent=OrgUnit.objects.get(code="pac-nam"),
        path="/bac-kan/pac-nam/xa-thu/",
    )
    person = User.objects.create_user("xa")
    grant(person, commune, "reporter", actor=Actor.system("test"))
    page = signed_in("outsider").get("/").content.decode()
    assert "Pác Nặm" not in page.split("<main", 1)[1]
    people["outsider"] = person
    page = signed_in("outsider").get("/").content.decode()
    assert "Huyện Pác Nặm" in page  # a commune works to its district's resolutions


def test_the_menu_follows_the_role(owner, reporter, colleague):
    def menu(client):
        page = client.get("/").content.decode()
        return page.split('<nav class="primary"', 1)[1].split("</nav>", 1)[0]

    assert "Thiết lập" in menu(owner) and 'href="/import/"' in menu(owner)
    assert "Thiết lập" not in menu(reporter) and 'href="/review/"' in menu(reporter)
    assert "Thiết lập" not in menu(colleague) and "/import/" not in menu(colleague)
    assert "So sánh đơn vị" in menu(colleague)


def test_many_resolutions_come_a_page_at_a_time(admin, monkeypatch):
    monkeypatch.setattr("nghiquyet.web.views.dashboard.PAGE_SIZE", 3)
    first = admin.get("/").content.decode()
    second = admin.get("/?page=2").content.decode()
    titles = ("Pác Nặm", "Chợ Đồn", "Lục Ngạn")
    assert first.count('class="card resolution-card"') == 3
    assert second.count('class="card resolution-card"') == 1
    assert "Trang 1/2" in first and 'rel="next" href="?page=2"' in first
    assert "Trang 2/2" in second and 'rel="prev" href="?page=1"' in second
    assert all(title in first + second for title in titles)
    assert "4 trong 4 nghị quyết bạn được xem." in first
    # A page number past the end shows the last page, not an error.
    assert admin.get("/?page=99").content.decode().count('class="card resolution-card"') == 1


def test_the_search_ignores_tone_marks_and_keeps_to_what_the_person_may_see(admin, colleague):
    page = admin.get("/?q=pac nam").content.decode()
    assert page.count('class="card resolution-card"') == 2 and "Chợ Đồn" not in page
    assert "2 trong 4 nghị quyết bạn được xem." in page
    assert admin.get("/?q=LỤC NGẠN").content.decode().count('class="card resolution-card"') == 1
    nothing = colleague.get("/?q=pac nam").content.decode()  # Chợ Đồn's viewer
    assert 'class="card resolution-card"' not in nothing
    assert "Không có nghị quyết nào khớp với “pac nam”." in nothing
