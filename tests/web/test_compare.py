"""Comparing units: indicators × units through the shared key, tallies side by side."""

from __future__ import annotations

import pytest

URL = "/compare/?period=2023-9M&r=cho-don-2023&r=pac-nam-2020-2025"


def test_units_are_compared_through_the_shared_indicator_key(admin):
    page = admin.get(URL).content.decode()
    table = page.split('<table class="compare">', 1)[1]
    assert "Huyện Chợ Đồn" in table and "Huyện Pác Nặm" in table
    assert "Giải quyết việc làm" in table  # concept giai-quyet-viec-lam in both
    assert "Trồng rừng" not in table  # Chợ Đồn only: hidden unless asked for
    assert "<strong>2/6</strong>" in table and "<strong>0/49</strong>" in table


def test_all_indicators_can_be_shown_with_a_dot_where_a_unit_has_none(admin):
    page = admin.get(URL + "&all=1").content.decode()
    table = page.split('<table class="compare">', 1)[1]
    assert "Trồng rừng" in table and "100,6 %" in table
    assert 'title="Không có chỉ tiêu này"' in table


def test_without_a_choice_every_visible_resolution_covering_the_period_is_compared(admin):
    page = admin.get("/compare/?period=2023-9M").content.decode()
    table = page.split('<table class="compare">', 1)[1]
    assert "cho-don-2023" in table and "pac-nam-2023" in table and "luc-ngan" not in table


def test_a_resolution_without_the_period_is_named_and_left_out(admin):
    page = admin.get(URL + "&r=luc-ngan-2015-2020").content.decode()
    assert "không có kỳ 9 tháng năm 2023, nên không đưa vào bảng" in page


def test_people_compare_only_what_they_may_read(colleague):
    page = colleague.get(URL).content.decode()
    assert "Huyện Chợ Đồn" in page and "Huyện Pác Nặm" not in page


def test_a_bad_period_is_named_next_to_the_picker(admin):
    response = admin.get("/compare/?period=2023-X")
    assert response.status_code == 400 and 'id="period-error"' in response.content.decode()


@pytest.mark.parametrize("who", ["owner", "reporter", "colleague", "outsider"])
def test_every_role_may_open_the_page(who, request):
    assert request.getfixturevalue(who).get("/compare/").status_code == 200
