"""The upload page: preview, confirm, every problem listed, nothing saved; access by role."""

import csv
import io

import pytest
from django.contrib.auth.models import User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import load_workbook

from nghiquyet.intake.files import Limits
from nghiquyet.results.models import AuditEvent, Observation

from .conftest import HEADER, snapshot_db


@pytest.fixture(autouse=True)
def uploads(settings, tmp_path):
    settings.NGHIQUYET_UPLOAD_DIR = str(tmp_path / "uploads")


@pytest.fixture
def as_user(client, demo):
    def _as(username):
        client.force_login(User.objects.get(username=username))
        return client

    return _as


def upload(client, text, name="so-lieu.csv", **extra):
    data = {"file": SimpleUploadedFile(name, text.encode("utf-8")), "numbers": "typed", **extra}
    return client.post(reverse("intake:page"), data)


GOOD = (
    f'{HEADER}\npac-nam-2023,1,pac-nam,2023-H1,"248,5",ƯTH,\npac-nam-2023,5,pac-nam,2023-9M,50,,\n'
)


def test_the_page_needs_a_login(client, demo):
    response = client.get(reverse("intake:page"))
    assert response.status_code == 302 and "/login/" in response["Location"]


def test_the_page_offers_upload_template_and_export(as_user):
    response = as_user("baocao").get(reverse("intake:page"))
    assert response.status_code == 200
    body = response.content.decode()
    assert "Tải lên và xem trước" in body and "Tải biểu mẫu" in body and "Xuất tệp" in body
    assert "pac-nam-2023" in body and "cho-don-2023" not in body  # only what they may see


def test_an_upload_is_previewed_then_written_on_confirmation(as_user):
    client = as_user("baocao")
    response = upload(client, GOOD)
    assert response.status_code == 302
    preview_url = response["Location"]
    page = client.get(preview_url)
    body = page.content.decode()
    assert page.status_code == 200
    assert "1 dòng mới, 1 dòng thay đổi, 0 dòng không đổi." in body
    assert "<del>48</del>" in body and "<strong>50</strong>" in body  # old → new
    assert not Observation.objects.filter(period="2023-H1", org_unit__code="pac-nam").exists()
    digest = page.context["preview"].digest
    done = client.post(preview_url, {"digest": digest, "confirm": "1"})
    assert done.status_code == 302 and done["Location"] == reverse("intake:page")
    written = Observation.objects.get(period="2023-H1", org_unit__code="pac-nam")
    assert written.is_estimate and written.source_ref == "so-lieu.csv · dòng 2"
    event = AuditEvent.objects.get(model="results.observation", object_pk=str(written.pk))
    assert event.actor.username == "baocao"
    after = client.get(done["Location"]).content.decode()
    assert "Đã ghi 2 thay đổi từ tệp so-lieu.csv (1 mới, 1 sửa)." in after
    assert client.get(preview_url).status_code == 302  # the upload is gone once written


def test_a_bad_file_lists_every_problem_and_saves_nothing(as_user):
    client = as_user("baocao")
    before = snapshot_db()
    text = (
        f'{HEADER}\npac-nam-2023,1,pac-nam,2023-H1,"4,500",,\n'
        "pac-nam-2023,99,pac-nam,2023-H1,5,,\npac-nam-2023,4,pac-nam,2023-H1,140,,\n"
    )
    page = client.get(upload(client, text)["Location"])
    body = page.content.decode()
    assert page.status_code == 422
    assert "Tệp có 3 lỗi. Chưa ghi gì." in body
    assert "không rõ là 4,5 hay 4.500 — hãy ghi &#x27;4,5&#x27; hoặc &#x27;4.500&#x27;" in body
    assert "không có chỉ tiêu này trong nghị quyết" in body and "vượt quá 100 %" in body
    assert "Ghi " not in body.split("sticky-actions")[1]  # no confirm button
    problems = client.get(reverse("intake:problems", args=[page.context["token"]]))
    rows = list(csv.reader(io.StringIO(problems.content.decode("utf-8-sig"))))
    assert rows[0][:3] == ["Mức", "Trang", "Dòng"] and len(rows) == 4
    assert rows[1][2:5] == ["2", "value", "4,500"]
    client.post(reverse("intake:preview", args=[page.context["token"]]), {"confirm": "1"})
    assert snapshot_db() == before


def test_another_units_rows_are_refused_on_the_page(as_user):
    client = as_user("baocao")
    before = snapshot_db()
    text = f"{HEADER}\ncho-don-2023,2,cho-don,2023-H1,400,,\n"
    page = client.get(upload(client, text)["Location"])
    assert page.status_code == 422
    assert "không phải mã của nghị quyết nào bạn được xem" in page.content.decode()
    assert snapshot_db() == before


def test_a_change_made_after_the_preview_is_not_overwritten(as_user):
    client = as_user("baocao")
    preview_url = upload(client, GOOD)["Location"]
    page = client.get(preview_url)
    stale = page.context["preview"].digest
    observation = Observation.objects.get(
        period="2023-9M",
        org_unit__code="pac-nam",
        indicator__code="5",
        indicator__resolution__code="pac-nam-2023",
    )
    observation.value, observation.version = 49, observation.version + 1
    observation.save()
    response = client.post(preview_url, {"digest": stale, "confirm": "1"})
    assert response.status_code == 409
    assert "đã thay đổi kể từ lúc bạn xem trước" in response.content.decode()
    assert not Observation.objects.filter(period="2023-H1", org_unit__code="pac-nam").exists()


def test_somebody_elses_upload_cannot_be_seen_or_confirmed(as_user, client):
    preview_url = upload(as_user("baocao"), GOOD)["Location"]
    other = as_user("vanphong")
    assert other.get(preview_url).status_code == 302
    assert other.post(preview_url, {"digest": "x", "confirm": "1"}).status_code == 302
    assert not Observation.objects.filter(period="2023-H1", org_unit__code="pac-nam").exists()


def test_a_too_large_upload_is_refused_on_the_form(as_user, settings):
    settings.NGHIQUYET_IMPORT_LIMITS = Limits(max_bytes=20)
    response = upload(as_user("baocao"), GOOD)
    assert response.status_code == 400 and "vượt giới hạn" in response.content.decode()


def test_cancel_discards_the_upload(as_user):
    client = as_user("baocao")
    preview_url = upload(client, GOOD)["Location"]
    assert client.post(preview_url, {"cancel": "1"}).status_code == 302
    assert client.get(preview_url).status_code == 302


def test_the_template_downloads_for_a_unit_the_person_may_enter(as_user):
    client = as_user("baocao")
    url = reverse("intake:template")
    response = client.get(url, {"resolution": "pac-nam-2023", "period": "2023-9M", "unit": ""})
    assert response.status_code == 200
    assert "bieu-mau-pac-nam-2023-pac-nam-2023-9M.xlsx" in response["Content-Disposition"]
    book = load_workbook(io.BytesIO(response.content))
    assert "Nhập số liệu" in book.sheetnames


def test_a_viewer_may_not_download_a_template_but_may_export(as_user):
    client = as_user("xem")
    template = client.get(
        reverse("intake:template"), {"resolution": "cho-don-2023", "period": "2023-9M"}
    )
    assert template.status_code == 403
    export = client.get(reverse("intake:export"), {"resolution": "cho-don-2023", "format": "csv"})
    assert export.status_code == 200 and export["Content-Type"].startswith("text/csv")
    assert export.content.decode("utf-8-sig").splitlines()[0] == HEADER


def test_another_districts_resolution_cannot_be_exported(as_user):
    response = as_user("xem").get(
        reverse("intake:export"), {"resolution": "pac-nam-2023", "format": "csv"}
    )
    assert (
        response.status_code == 400
        and "pac-nam-2023"
        not in response.content.decode().split("<select")[1].split("</select>")[0]
    )


def test_bad_download_requests_are_answered_on_the_form(as_user):
    client = as_user("baocao")
    response = client.get(
        reverse("intake:template"), {"resolution": "pac-nam-2023", "period": "2019"}
    )
    assert response.status_code == 400 and "nằm ngoài thời hạn" in response.content.decode()
    response = client.get(
        reverse("intake:export"),
        {"resolution": "pac-nam-2023", "format": "xlsx", "period": "2023-Q7"},
    )
    assert response.status_code == 400 and "không hợp lệ" in response.content.decode()


def test_exports_come_in_all_three_formats(as_user):
    client = as_user("baocao")
    for fmt, kind in (("csv", "text/csv"), ("xlsx", "spreadsheetml"), ("json", "json")):
        response = client.get(
            reverse("intake:export"), {"resolution": "pac-nam-2023", "format": fmt}
        )
        assert response.status_code == 200 and kind in response["Content-Type"]


LIST = "STT,Chỉ tiêu,ĐVT,Mục tiêu\n1,Trồng rừng,ha,trên 4.500\n"


def test_the_office_imports_an_indicator_list_after_seeing_it_read_back(as_user, actor):
    from nghiquyet.orgunits.models import OrgUnit
    from nghiquyet.plans.services import create_resolution

    create_resolution(
        code="pac-nam-2025-2030",
        title="NQ Đại hội 2025 – 2030",
        kind="congress_term",
        issuer=OrgUnit.objects.get(code="huyen-uy-pac-nam"),
        scope=OrgUnit.objects.get(code="pac-nam"),
        first_year=2025,
        last_year=2030,
        actor=actor,
    )
    client = as_user("vanphong")
    form = client.get(reverse("intake:definitions"))
    assert form.status_code == 200
    response = client.post(
        reverse("intake:definitions"),
        {
            "resolution": "pac-nam-2025-2030",
            "numbers": "typed",
            "file": SimpleUploadedFile("ds.csv", LIST.encode()),
        },
    )
    page = client.get(response["Location"])
    body = page.content.decode()
    assert "lớn hơn 4.500 ha" in body and "suy ra" in body
    done = client.post(response["Location"], {"confirm": "1"})
    assert done.status_code == 302
    assert (
        OrgUnit.objects.get(code="pac-nam")
        .scoped_resolutions.get(code="pac-nam-2025-2030")
        .indicators.count()
        == 1
    )


def test_a_reporter_cannot_import_indicator_lists(as_user):
    assert as_user("baocao").get(reverse("intake:definitions")).status_code == 403
