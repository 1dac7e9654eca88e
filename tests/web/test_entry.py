"""The data-entry grid: typed Vietnamese figures, preview, one transaction, conflicts."""

from __future__ import annotations

from decimal import Decimal

import pytest

from nghiquyet.orgunits.models import OrgUnit
from nghiquyet.plans.models import Indicator
from nghiquyet.results.audit import Actor
from nghiquyet.results.models import Observation
from nghiquyet.results.services import record_observation

URL = "/resolutions/pac-nam-2023/entry/"


@pytest.fixture
def ids(demo):
    """Indicator code → id for Pác Nặm 2023."""
    return {i.code: str(i.pk) for i in Indicator.objects.filter(resolution__code="pac-nam-2023")}


def grid(client, period="2023"):
    """The form as the page draws it: every field with its initial value."""
    page = client.get(f"{URL}?unit=pac-nam&period={period}").content.decode()
    import re

    data = {"unit": "pac-nam", "period": period}
    for name, value in re.findall(
        r'<input type="(?:hidden|text)" name="([\w-]+)"[^>]*?value="([^"]*)"', page
    ):
        if name != "csrfmiddlewaretoken":
            data[name] = value
    for name in re.findall(r'<select name="(flag-\d+)"', page):
        data[name] = "th"
    for key, value in list(data.items()):
        if key.startswith("orig-flag-"):
            data["flag-" + key.removeprefix("orig-flag-")] = value
    return data


def saved(code, period="2023"):
    return Observation.objects.filter(
        indicator__resolution__code="pac-nam-2023",
        indicator__code=code,
        period=period,
        org_unit__code="pac-nam",
        is_deleted=False,
    ).first()


def test_the_grid_lists_every_indicator_with_its_target_and_saved_figure(reporter):
    page = reporter.get(f"{URL}?unit=pac-nam&period=2023-9M").content.decode()
    assert "Huyện Pác Nặm — 9 tháng năm 2023" in page
    assert "Giá trị sản xuất nông, lâm nghiệp và thủy sản" in page and "Chỉ tiêu số 38" in page
    assert 'value="ước 248"' in page and "248 tỷ đồng (ƯTH)" in page
    assert "{% block import_export %}" not in page


def test_the_grid_offers_the_excel_template_and_exports_for_its_unit_and_period(reporter):
    page = reporter.get(f"{URL}?unit=pac-nam&period=2023-9M").content.decode()
    query = "resolution=pac-nam-2023&amp;unit=pac-nam&amp;period=2023-9M"
    assert f'href="/import/template.xlsx?{query}"' in page
    assert f'href="/import/export/?{query}&amp;format=csv"' in page
    template = reporter.get("/import/template.xlsx?" + query.replace("&amp;", "&"))
    assert template.status_code == 200
    assert template["Content-Disposition"].endswith('bieu-mau-pac-nam-2023-pac-nam-2023-9M.xlsx"')
    exported = reporter.get("/import/export/?" + query.replace("&amp;", "&") + "&format=csv")
    assert exported.status_code == 200
    assert "pac-nam-2023,1,pac-nam,2023-9M" in exported.content.decode("utf-8-sig")


def test_the_default_period_is_the_one_being_collected(reporter):
    page = reporter.get(URL).content.decode()
    assert '<option value="2023" selected>năm 2023</option>' in page


def test_preview_reads_what_people_type_and_saves_nothing(reporter, ids):
    data = grid(reporter)
    data.update(
        {
            f"value-{ids['1']}": "ước 495",
            f"value-{ids['2']}": "4.500",
            f"value-{ids['3']}": "41,3",
            f"value-{ids['5']}": "trên 90",
            "action": "preview",
        }
    )
    page = reporter.post(URL, data).content.decode()
    assert "495 tỷ đồng (ƯTH)" in page and "101 % · Vượt" in page
    assert "4.500 ha" in page and "41,3 %" in page and "90 đảng viên" in page
    assert "bản xem trước: chưa có gì được lưu" in page
    assert not Observation.objects.filter(period="2023").exists()


def test_saving_writes_every_changed_row_in_one_go(reporter, ids):
    data = grid(reporter)
    data.update(
        {
            f"value-{ids['1']}": "ước 495",
            f"value-{ids['2']}": "112",
            f"note-{ids['2']}": "Theo báo cáo phòng Nông nghiệp",
            f"value-{ids['5']}": "91",
            "action": "save",
        }
    )
    response = reporter.post(URL, data)
    assert response.status_code == 302
    assert response["Location"] == f"{URL}?unit=pac-nam&period=2023"
    assert saved("1").value == 495 and saved("1").is_estimate
    assert saved("2").note == "Theo báo cáo phòng Nông nghiệp" and not saved("2").is_estimate
    assert saved("5").updated_by.username == "baocao" and saved("5").source == "form"
    page = reporter.get(response["Location"]).content.decode()
    assert "Đã lưu 3 giá trị cho Huyện Pác Nặm, năm 2023." in page


def test_the_status_changes_on_the_scorecard_after_saving(reporter, ids):
    before = reporter.get("/resolutions/pac-nam-2023/?period=2023").content.decode()
    assert "Kết nạp đảng viên mới" in before
    data = grid(reporter)
    data.update({f"value-{ids['5']}": "91", "action": "save"})
    reporter.post(URL, data)
    after = reporter.get("/resolutions/pac-nam-2023/?period=2023").content.decode()
    row = after.split("Kết nạp đảng viên mới", 1)[1][:1200]
    assert "101,1 %" in row and "Vượt" in row


def test_one_bad_row_saves_nothing_and_is_named_on_its_row(reporter, ids):
    data = grid(reporter)
    data.update(
        {
            f"value-{ids['1']}": "495",
            f"value-{ids['2']}": "4,500",
            f"value-{ids['5']}": "abc",
            "action": "save",
        }
    )
    response = reporter.post(URL, data)
    page = response.content.decode()
    assert response.status_code == 400
    assert "Chưa lưu gì: có 2 dòng cần xem lại" in page
    assert "không rõ là 4,5 hay 4.500" in page
    assert f'id="error-{ids["5"]}"' in page and "không tìm thấy con số" in page
    assert 'value="495"' in page  # nothing typed is lost
    assert not Observation.objects.filter(period="2023").exists()


def test_values_the_indicator_does_not_allow_are_refused(reporter, ids):
    data = grid(reporter)
    data.update({f"value-{ids['5']}": "-3", f"value-{ids['3']}": "120", "action": "save"})
    page = reporter.post(URL, data).content.decode()
    assert "Giá trị âm không hợp lệ cho chỉ tiêu này." in page
    assert "Tỷ lệ 120 % vượt quá 100 %." in page
    assert not Observation.objects.filter(period="2023").exists()


def test_clearing_a_saved_value_is_refused_with_the_way_to_delete(reporter, ids):
    data = grid(reporter, "2023-9M")
    data.update({f"value-{ids['1']}": "", "action": "save"})
    page = reporter.post(URL, data).content.decode()
    assert "dùng nút “Xóa” ở trang chỉ tiêu" in page
    assert saved("1", "2023-9M").value == 248


def test_a_stale_edit_shows_the_other_value_and_loses_nothing(reporter, ids, people):
    data = grid(reporter, "2023-9M")
    # Somebody else saves first.
    record_observation(
        indicator=Indicator.objects.get(pk=ids["1"]),
        org_unit=OrgUnit.objects.get(code="pac-nam"),
        period="2023-9M",
        raw_text="ước 250",
        expected_version=1,
        actor=Actor.of(people["vanphong"]),
    )
    data.update({f"value-{ids['1']}": "ước 260", f"value-{ids['5']}": "50", "action": "save"})
    response = reporter.post(URL, data)
    page = response.content.decode()
    assert response.status_code == 400
    assert "vừa được vanphong lưu là &#x27;ước 250&#x27;" in page
    assert "Giá trị mới nhất trong hệ thống: “ước 250”" in page
    assert 'value="ước 260"' in page and 'value="50"' in page
    assert saved("1", "2023-9M").raw_text == "ước 250" and saved("5", "2023-9M").value == 48
    # Saving again, knowingly, replaces it.
    import re

    data[f"version-{ids['1']}"] = re.search(rf'name="version-{ids["1"]}" value="(\d+)"', page)[1]
    assert reporter.post(URL, data).status_code == 302
    assert saved("1", "2023-9M").raw_text == "ước 260" and saved("5", "2023-9M").value == 50


def test_rows_nobody_touched_are_not_sent_even_if_changed_meanwhile(reporter, ids, people):
    data = grid(reporter, "2023-9M")
    record_observation(
        indicator=Indicator.objects.get(pk=ids["2"]),
        org_unit=OrgUnit.objects.get(code="pac-nam"),
        period="2023-9M",
        raw_text="60",
        expected_version=1,
        actor=Actor.of(people["vanphong"]),
    )
    data.update({f"value-{ids['5']}": "50", "action": "save"})
    assert reporter.post(URL, data).status_code == 302
    assert saved("2", "2023-9M").value == 60  # the other person's value stays


def test_a_period_the_resolution_does_not_cover_is_named_next_to_the_picker(reporter):
    response = reporter.get(f"{URL}?unit=pac-nam&period=2019")
    assert response.status_code == 400
    page = response.content.decode()
    assert 'id="period-error"' in page and "nằm ngoài thời hạn" in page


def test_a_forged_form_for_another_unit_is_refused_and_saves_nothing(reporter, ids):
    data = grid(reporter)
    data.update({"unit": "cho-don", f"value-{ids['5']}": "91", "action": "save"})
    response = reporter.post(URL, data)
    assert response.status_code == 403
    assert "Bạn không được nhập số liệu cho đơn vị &#x27;cho-don&#x27;" in response.content.decode()
    assert not Observation.objects.filter(period="2023").exists()


def test_foreign_indicator_keys_in_a_forged_form_are_ignored(reporter, ids):
    other = Indicator.objects.filter(resolution__code="cho-don-2023").first()
    data = grid(reporter)
    data.update({f"value-{other.pk}": "5", f"orig-value-{other.pk}": "", "action": "save"})
    assert reporter.post(URL, data).status_code == 302
    assert not Observation.objects.filter(indicator=other, period="2023").exists()


def test_a_viewer_is_refused_data_entry(colleague):
    response = colleague.get("/resolutions/cho-don-2023/entry/")
    assert response.status_code == 403
    assert "không được nhập số liệu" in response.content.decode()


@pytest.mark.parametrize("who", ["colleague", "outsider"])
def test_another_units_grid_does_not_exist_for_them(who, request):
    assert request.getfixturevalue(who).get(URL).status_code == 404


def test_the_office_of_the_issuer_may_enter_figures_too(owner):
    assert owner.get(f"{URL}?unit=pac-nam&period=2023").status_code == 200


def test_the_parse_endpoint_reads_a_value_for_the_script(reporter, ids, colleague):
    response = reporter.post(URL + "parse/", {"indicator": ids["1"], "value": "ước 248"})
    assert response.json() == {"text": "248 tỷ đồng (ƯTH)", "errors": []}
    bad = reporter.post(URL + "parse/", {"indicator": ids["1"], "value": "4,500"}).json()
    assert "không rõ là" in bad["errors"][0]
    assert colleague.post(URL + "parse/", {"indicator": ids["1"], "value": "1"}).status_code == 404


def test_a_commune_reporter_enters_its_own_figures_only(people, signed_in, ids):
    from nghiquyet.accounts.services import grant
    from nghiquyet.orgunits.services import create_org_unit

    district = OrgUnit.objects.get(code="pac-nam")
    actor = Actor.system("test")
    commune = create_org_unit(
        code="bang-thanh", name="Xã Bằng Thành", kind="commune", parent=district, actor=actor
    )
    grant(people["outsider"], commune, "reporter", actor=actor)
    client = signed_in("outsider")
    page = client.get(URL).content.decode()
    assert '<option value="bang-thanh" selected>Xã Bằng Thành</option>' in page
    assert '<option value="pac-nam"' not in page
    data = grid(client)
    data.update({"unit": "bang-thanh", f"value-{ids['5']}": "7", "action": "save"})
    assert client.post(URL, data).status_code == 302
    assert Observation.objects.get(org_unit=commune, period="2023").value == Decimal(7)
    data.update({"unit": "pac-nam"})
    assert client.post(URL, data).status_code == 403
