"""Drafts: figures read from text by the machine are flagged until a person checks them."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from nghiquyet.plans.models import Indicator
from nghiquyet.results.audit import Actor
from nghiquyet.results.models import AuditEvent, Observation
from nghiquyet.results.services import confirm_observation, record_observation

INDICATOR = "/resolutions/pac-nam-2023/indicators/3/"
SCORECARD = "/resolutions/pac-nam-2023/?period=2023-9M"
QUOTE = "giải ngân vốn đầu tư công đạt 71,5% kế hoạch"


@pytest.fixture
def draft(people):
    indicator = Indicator.objects.get(resolution__code="pac-nam-2023", code="3")
    return record_observation(
        indicator=indicator,
        org_unit=indicator.resolution.scope,
        period="2023-9M",
        raw_text="71,5",
        source=Observation.Source.EXTRACTED,
        source_ref="bao-cao-9-thang.txt",
        source_quote=QUOTE,
        needs_review=True,
        actor=Actor.of(people["baocao"], source="review"),
    )


def test_the_scorecard_flags_a_draft_value(owner, draft):
    page = owner.get(SCORECARD).content.decode()
    row = page.split(">Giải ngân vốn đầu tư công</a>", 1)[1].split("</tr>", 1)[0]
    assert "71,5" in row and "chờ rà soát" in row
    rows = json.loads(owner.get(SCORECARD + "&format=json").content)["indicators"]
    flags = {row["code"]: row["draft"] for row in rows}
    assert flags["3"] is True and flags["1"] is False


def test_the_entry_grid_flags_a_saved_draft(reporter, draft):
    page = reporter.get("/resolutions/pac-nam-2023/entry/?period=2023-9M").content.decode()
    row = page.split("Giải ngân vốn đầu tư công", 1)[1].split("</tr>", 1)[0]
    assert "71,5" in row and "chờ rà soát" in row


def test_the_indicator_page_offers_the_check_to_who_may_enter_figures(reporter, draft):
    page = reporter.get(INDICATOR + "?period=2023-9M").content.decode()
    assert "chờ rà soát" in page and QUOTE in page
    assert f"/observations/{draft.pk}/confirm/" in page


def test_a_viewer_sees_the_flag_but_no_check_button(people, draft, signed_in):
    from nghiquyet.accounts.models import Membership, Role

    Membership.objects.create(  # a viewer of Pác Nặm
        user=people["outsider"], org_unit=draft.org_unit, role=Role.VIEWER
    )
    page = signed_in("outsider").get(INDICATOR + "?period=2023-9M").content.decode()
    assert "chờ rà soát" in page and "/confirm/" not in page
    response = signed_in("outsider").post(
        INDICATOR + f"observations/{draft.pk}/confirm/", {"version": draft.version}
    )
    assert response.status_code == 403
    draft.refresh_from_db()
    assert draft.needs_review


def test_checking_a_draft_clears_the_flag_keeps_the_quote_and_is_audited(reporter, draft):
    response = reporter.post(
        INDICATOR + f"observations/{draft.pk}/confirm/", {"version": draft.version}
    )
    assert response.status_code == 302 and response["Location"].endswith("#figures")
    checked = Observation.objects.get(pk=draft.pk)
    assert not checked.needs_review and checked.version == draft.version + 1
    assert checked.value == Decimal("71.5") and checked.source_quote == QUOTE
    assert checked.source == Observation.Source.EXTRACTED
    event = AuditEvent.objects.filter(object_pk=str(draft.pk)).latest("id")
    assert (event.before["needs_review"], event.after["needs_review"]) == (True, False)
    assert event.actor_label == "baocao" and "rà soát" in event.reason
    assert "chờ rà soát" not in reporter.get(SCORECARD).content.decode()


def test_a_stale_check_changes_nothing(reporter, draft, people):
    indicator = draft.indicator
    record_observation(
        indicator=indicator,
        org_unit=draft.org_unit,
        period="2023-9M",
        raw_text="72",
        source=Observation.Source.EXTRACTED,
        source_quote=QUOTE,
        needs_review=True,
        actor=Actor.of(people["vanphong"]),
    )
    events = AuditEvent.objects.count()
    response = reporter.post(
        INDICATOR + f"observations/{draft.pk}/confirm/", {"version": draft.version}, follow=True
    )
    assert "vừa được người khác sửa thành" in response.content.decode()
    assert Observation.objects.get(pk=draft.pk).needs_review
    assert AuditEvent.objects.count() == events


def test_other_units_drafts_are_out_of_reach(colleague, draft):
    response = colleague.post(
        INDICATOR + f"observations/{draft.pk}/confirm/", {"version": draft.version}
    )
    assert response.status_code == 404  # Pác Nặm's resolution is not Chợ Đồn's to know


def test_the_service_refuses_a_deleted_figure(draft, people):
    Observation.objects.filter(pk=draft.pk).update(is_deleted=True)
    with pytest.raises(ValidationError, match="đã bị xóa"):
        confirm_observation(draft, expected_version=draft.version, actor=Actor.system("test"))


def test_a_report_marks_a_draft_figure_for_checking(draft):
    from nghiquyet.reports import build_report
    from tests.web.test_report import text_of

    made = build_report("pac-nam-2023", "2023-9M", as_of=None, fmt="docx")
    assert "Số liệu do máy đọc từ văn bản, chưa được rà soát" in text_of(made.content)
