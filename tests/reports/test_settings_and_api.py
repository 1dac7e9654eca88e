"""Issuer settings (written by one audited service) and the public ``build_report`` API."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from nghiquyet.demo.loader import load_demo
from nghiquyet.orgunits.models import OrgUnit
from nghiquyet.plans.models import Resolution
from nghiquyet.reports import (
    FORMATS,
    BadPeriod,
    ReportError,
    ReportFile,
    UnknownFormat,
    UnknownProfile,
    build_report,
)
from nghiquyet.reports.models import IssuerSettings
from nghiquyet.reports.services import SettingsConflict, set_issuer_settings
from nghiquyet.results.audit import Actor
from nghiquyet.results.models import AuditEvent

ACTOR = Actor.system("test")


def test_the_demo_gives_the_issuing_bodies_their_report_settings(demo):
    settings = {s.org_unit.code: s for s in IssuerSettings.objects.select_related("org_unit")}
    assert set(settings) == {
        "huyen-uy-pac-nam",
        "huyen-uy-cho-don",
        "huyen-uy-luc-ngan",
        "ubnd-pac-nam",
    }
    pac_nam = settings["huyen-uy-pac-nam"]
    assert (pac_nam.superior_body, pac_nam.number_suffix) == ("ĐẢNG BỘ TỈNH BẮC KẠN", "BC/HU")
    assert settings["huyen-uy-cho-don"].signer_name == ""  # no article names the secretary


def test_every_demo_signer_name_cites_the_article_that_names_them(demo):
    for settings in IssuerSettings.objects.exclude(signer_name=""):
        assert "seeds/00" in settings.notes and settings.signer_name in settings.notes


def test_loading_the_demo_twice_leaves_the_settings_alone(demo):
    unit = OrgUnit.objects.get(code="huyen-uy-cho-don")
    set_issuer_settings(unit, {"signer_name": "Người ký do văn phòng ghi"}, actor=ACTOR)
    events = AuditEvent.objects.count()
    load_demo()
    assert IssuerSettings.objects.get(org_unit=unit).signer_name == "Người ký do văn phòng ghi"
    assert AuditEvent.objects.count() == events


def test_changing_settings_is_audited_and_versioned(demo):
    unit = OrgUnit.objects.get(code="huyen-uy-cho-don")
    before = IssuerSettings.objects.get(org_unit=unit)
    changed = set_issuer_settings(
        unit, {"signer_name": "Nguyễn Văn A"}, actor=ACTOR, expected_version=before.version
    )
    assert changed.version == before.version + 1
    event = AuditEvent.objects.filter(model="reports.issuersettings").latest("id")
    assert event.action == "update"
    assert (event.before["signer_name"], event.after["signer_name"]) == ("", "Nguyễn Văn A")


def test_saving_the_same_values_changes_nothing(demo):
    unit = OrgUnit.objects.get(code="huyen-uy-cho-don")
    version = IssuerSettings.objects.get(org_unit=unit).version
    events = AuditEvent.objects.count()
    set_issuer_settings(unit, {"number_suffix": "BC/HU"}, actor=ACTOR)
    assert IssuerSettings.objects.get(org_unit=unit).version == version
    assert AuditEvent.objects.count() == events


def test_a_concurrent_edit_is_refused(demo):
    unit = OrgUnit.objects.get(code="huyen-uy-cho-don")
    read = IssuerSettings.objects.get(org_unit=unit).version
    set_issuer_settings(unit, {"signer_name": "Người thứ nhất"}, actor=ACTOR)
    with pytest.raises(SettingsConflict):
        set_issuer_settings(
            unit, {"signer_name": "Người thứ hai"}, actor=ACTOR, expected_version=read
        )
    assert IssuerSettings.objects.get(org_unit=unit).signer_name == "Người thứ nhất"


def test_bad_settings_are_refused_naming_the_field(demo):
    unit = OrgUnit.objects.get(code="huyen-uy-cho-don")
    with pytest.raises(ValidationError) as caught:
        set_issuer_settings(unit, {"profile": "quoc-hoi"}, actor=ACTOR)
    assert "profile" in caught.value.message_dict
    with pytest.raises(ValidationError) as unknown:
        set_issuer_settings(unit, {"chu_ky": "x"}, actor=ACTOR)
    assert "chu_ky" in unknown.value.message_dict


def test_build_report_returns_bytes_a_file_name_and_a_content_type(demo):
    resolution = Resolution.objects.get(code="cho-don-2023")
    for fmt in ("docx", "xlsx"):
        report = build_report(resolution, "2023-9M", as_of=date(2023, 10, 10), fmt=fmt)
        assert isinstance(report, ReportFile)
        assert report.filename == f"bao-cao-cho-don-2023-2023-9M-ngay-2023-10-10.{fmt}"
        assert report.content.startswith(b"PK")  # both are zip packages
        assert report.content_type.startswith("application/vnd.openxmlformats-officedocument")
    assert FORMATS == ("docx", "xlsx", "pdf")


@pytest.mark.parametrize(
    ("kwargs", "error", "code"),
    [
        ({"fmt": "odt"}, UnknownFormat, "unknown_format"),
        ({"profile": "quoc-hoi"}, UnknownProfile, "unknown_profile"),
        ({"as_of": "17/05/2023"}, BadPeriod, "bad_period"),
    ],
)
def test_bad_input_raises_a_report_error_with_a_code(demo, kwargs, error, code):
    with pytest.raises(error) as caught:
        build_report("cho-don-2023", "2023-9M", **kwargs)
    assert caught.value.code == code and isinstance(caught.value, ReportError)


def test_a_period_outside_the_term_is_a_bad_period(demo):
    with pytest.raises(BadPeriod, match="nằm ngoài thời hạn"):
        build_report("cho-don-2023", "2019")
    with pytest.raises(BadPeriod):
        build_report("cho-don-2023", "2023-X")


def test_an_unknown_resolution_code_is_a_report_error(demo):
    with pytest.raises(ReportError, match="Không có nghị quyết mã 'khong-co'"):
        build_report("khong-co", "2023")


def test_the_api_reads_a_fixed_number_of_queries_whatever_the_indicators(
    demo, django_assert_max_num_queries
):
    with django_assert_max_num_queries(12):  # 10 today: 8 for the scorecard, 2 for the sheet
        build_report("pac-nam-2020-2025", "2020-2025", as_of="2023-05-17", fmt="xlsx")
