"""Set-up pages: resolutions, fields, indicators, targets, and revising a target."""

from __future__ import annotations

from datetime import date

import pytest

from nghiquyet.orgunits.models import OrgUnit
from nghiquyet.plans.models import Indicator, IndicatorGroup, Resolution, Target, TargetRevision
from nghiquyet.results.models import AuditEvent

SETUP = "/resolutions/pac-nam-2023/setup/"


def new_resolution_form(**fields):
    data = {
        "code": "pac-nam-2024",
        "title": "Nghị quyết về nhiệm vụ năm 2024",
        "number": "25-NQ/HU",
        "kind": "annual",
        "issuer": OrgUnit.objects.get(code="huyen-uy-pac-nam").pk,
        "scope": OrgUnit.objects.get(code="pac-nam").pk,  # the territory its body governs
        "first_year": "2024",
        "last_year": "2024",
        "issued_on": "2024-01-05",
        "nearly_met_threshold": "90",
        "notes": "",
    }
    data.update(fields)
    return data


def test_the_office_lists_and_creates_its_resolutions(owner):
    page = owner.get("/setup/").content.decode()
    assert "Pác Nặm về nhiệm vụ năm 2023" in page and "Chợ Đồn" not in page
    response = owner.post("/setup/new/", new_resolution_form())
    assert (
        response.status_code == 302 and response["Location"] == "/resolutions/pac-nam-2024/setup/"
    )
    resolution = Resolution.objects.get(code="pac-nam-2024")
    assert resolution.nearly_met_threshold == 90 and resolution.number == "25-NQ/HU"
    assert AuditEvent.objects.filter(model="plans.resolution", actor_label="vanphong").exists()


def test_a_new_resolution_is_checked_field_by_field(owner):
    response = owner.post(
        "/setup/new/", new_resolution_form(code="pac-nam-2023", first_year="2025")
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "Mã nghị quyết &#x27;pac-nam-2023&#x27; đã tồn tại." in page
    assert not Resolution.objects.filter(first_year=2025).exists()
    response = owner.post("/setup/new/", new_resolution_form(last_year="2020"))
    assert 'id="id_last_year-error"' in response.content.decode()


def test_an_office_cannot_issue_for_another_unit(owner):
    cho_don = OrgUnit.objects.get(code="huyen-uy-cho-don").pk
    response = owner.post("/setup/new/", new_resolution_form(issuer=cho_don))
    assert response.status_code == 400 and 'id="id_issuer-error"' in response.content.decode()
    district = OrgUnit.objects.get(code="cho-don").pk
    response = owner.post("/setup/new/", new_resolution_form(scope=district))
    assert response.status_code == 400 and 'id="id_scope-error"' in response.content.decode()
    assert not Resolution.objects.filter(code="pac-nam-2024").exists()


def test_the_office_edits_the_description_and_adds_and_renames_fields(owner):
    response = owner.post(
        SETUP,
        {
            "title": "Nhiệm vụ năm 2023 (sửa)",
            "number": "12-NQ/HU",
            "kind": "annual",
            "issued_on": "",
            "notes": "",
            "nearly_met_threshold": "95",
        },
    )
    assert response.status_code == 302
    assert Resolution.objects.get(code="pac-nam-2023").title == "Nhiệm vụ năm 2023 (sửa)"
    owner.post(SETUP + "groups/", {"title": "Môi trường"})
    group = IndicatorGroup.objects.get(resolution__code="pac-nam-2023", title="Môi trường")
    owner.post(f"{SETUP}groups/{group.position}/", {"title": "Tài nguyên - môi trường"})
    group.refresh_from_db()
    assert group.title == "Tài nguyên - môi trường" and group.numeral == "V"


def indicator_form(**fields):
    data = {
        "code": "39",
        "name": "Tỷ lệ che phủ rừng",
        "unit": "%",
        "group": "",
        "parent": "",
        "direction": "up",
        "kind": "level",
        "term_basis": "",
        "change_method": "",
        "concept": "do-che-phu-rung",
        "responsible_agency": "Hạt Kiểm lâm",
        "data_source": "",
        "value_min": "",
        "value_max": "",
        "notes": "",
    }
    data.update(fields)
    return data


def test_the_office_adds_an_indicator_and_its_target(owner):
    response = owner.post(SETUP + "indicators/new/", indicator_form())
    assert response["Location"] == SETUP + "indicators/39/#targets"
    indicator = Indicator.objects.get(resolution__code="pac-nam-2023", code="39")
    assert indicator.responsible_agency == "Hạt Kiểm lâm"
    response = owner.post(
        SETUP + "indicators/39/targets/",
        {
            "scope": "year",
            "year": "2023",
            "source": "annual",
            "raw_text": "trên 73,5",
            "baseline": "72,8",
            "note": "",
        },
    )
    assert response.status_code == 302
    target = Target.objects.get(indicator=indicator)
    assert target.comparator == "gt" and str(target.value) == "73.500000"
    assert str(target.baseline) == "72.800000"


def test_indicator_and_target_errors_are_named_next_to_their_fields(owner):
    response = owner.post(SETUP + "indicators/new/", indicator_form(code="1", value_max="4,500"))
    page = response.content.decode()
    assert response.status_code == 400
    assert "đã có chỉ tiêu mã &#x27;1&#x27;" in page or 'id="id_value_max-error"' in page
    assert "không rõ là 4,5 hay 4.500" in page
    response = owner.post(
        SETUP + "indicators/1/targets/",
        {
            "scope": "year",
            "year": "2019",
            "source": "assigned",
            "raw_text": "500",
            "note": "",
        },
    )
    assert response.status_code == 400
    assert "nằm ngoài thời hạn của nghị quyết" in response.content.decode()


def test_the_office_edits_an_indicator(owner):
    data = indicator_form(
        code="5",
        name="Kết nạp đảng viên mới",
        unit="đảng viên",
        kind="flow",
        concept="ket-nap-dang-vien",
        responsible_agency="Ban Tổ chức",
    )
    assert owner.post(SETUP + "indicators/5/", data).status_code == 302
    assert Indicator.objects.get(resolution__code="pac-nam-2023", code="5").responsible_agency == (
        "Ban Tổ chức"
    )


def revise_form(**fields):
    data = {
        "version": "2",
        "raw_text": "45",
        "effective_on": "2019-03-01",
        "decision": "Nghị quyết số 30-NQ/HU ngày 01/3/2019",
        "reason": "Đã vượt mục tiêu cũ.",
    }
    data.update(fields)
    return data


@pytest.fixture
def luc_ngan_office(people, signed_in):
    from nghiquyet.accounts.services import grant
    from nghiquyet.results.audit import Actor

    grant(
        people["outsider"],
        OrgUnit.objects.get(code="huyen-uy-luc-ngan"),
        "office",
        actor=Actor.system("test"),
    )
    return signed_in("outsider")


def test_revising_a_target_asks_for_decision_date_and_reason_and_keeps_the_old_one(
    luc_ngan_office,
):
    target = Target.objects.get(
        indicator__resolution__code="luc-ngan-2015-2020", indicator__code="1"
    )
    url = f"/resolutions/luc-ngan-2015-2020/setup/indicators/1/targets/{target.pk}/revise/"
    page = luc_ngan_office.get(url).content.decode()
    assert "hiện là <strong>41,3</strong>" in page and "37 → 41,3" in page
    response = luc_ngan_office.post(url, revise_form(decision="", reason=""))
    assert response.status_code == 400
    page = response.content.decode()
    assert "Cần ghi văn bản (quyết định, kết luận) điều chỉnh chỉ tiêu." in page
    assert "Cần ghi lý do điều chỉnh." in page
    response = luc_ngan_office.post(url, revise_form())
    assert response["Location"] == "/resolutions/luc-ngan-2015-2020/indicators/1/#targets-title"
    target.refresh_from_db()
    assert target.raw_text == "45" and target.revisions.count() == 2
    revision = TargetRevision.objects.get(new_raw_text="45")
    assert revision.old_raw_text == "41,3" and revision.effective_on == date(2019, 3, 1)
    assert revision.created_by.username == "outsider"


def test_a_revision_earlier_than_the_last_one_is_refused(luc_ngan_office):
    target = Target.objects.get(
        indicator__resolution__code="luc-ngan-2015-2020", indicator__code="1"
    )
    url = f"/resolutions/luc-ngan-2015-2020/setup/indicators/1/targets/{target.pk}/revise/"
    response = luc_ngan_office.post(url, revise_form(effective_on="2018-01-01"))
    assert "lần điều chỉnh mới không thể có hiệu lực sớm hơn" in response.content.decode()


def test_a_stale_revision_is_refused_with_the_current_target(luc_ngan_office):
    target = Target.objects.get(
        indicator__resolution__code="luc-ngan-2015-2020", indicator__code="1"
    )
    url = f"/resolutions/luc-ngan-2015-2020/setup/indicators/1/targets/{target.pk}/revise/"
    response = luc_ngan_office.post(url, revise_form(version="1"))
    assert response.status_code == 400
    assert "vừa được người khác điều chỉnh thành &#x27;41,3&#x27;" in response.content.decode()
    assert 'name="version" value="2"' in response.content.decode()


@pytest.mark.parametrize(
    "path",
    [
        "/setup/",
        "/setup/new/",
        SETUP,
        SETUP + "indicators/new/",
        SETUP + "indicators/1/",
    ],
)
def test_a_reporter_is_refused_set_up(reporter, path):
    response = reporter.get(path)
    assert response.status_code == 403
    assert "Không có quyền" in response.content.decode()


@pytest.mark.parametrize("who", ["colleague", "outsider"])
def test_another_units_set_up_does_not_exist_for_them(who, request):
    client = request.getfixturevalue(who)
    assert client.get(SETUP).status_code == 404
    assert client.post(SETUP + "groups/", {"title": "x"}).status_code == 404
    assert not IndicatorGroup.objects.filter(title="x").exists()
