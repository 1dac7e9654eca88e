"""The review page: text in, facts highlighted and matched, confirmed rows saved as drafts."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.contrib.auth.models import User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from nghiquyet.core.periods import parse_period
from nghiquyet.plans.models import Indicator
from nghiquyet.results.models import AuditEvent, Observation

# Sentences of seed article 004 (Báo Bắc Kạn on Pác Nặm, 9 months of 2023), inline so the
# test does not depend on ../shared.
ARTICLE = (
    "BBK - Mặc dù đã có nhiều nỗ lực trong việc thực hiện các nhiệm vụ, tuy nhiên 9 tháng năm "
    "2023, huyện Pác Nặm mới đạt 16/38 chỉ tiêu so với mục tiêu nghị quyết năm 2023.\n\n"
    "Qua tìm hiểu cho thấy, hiện nay Pác Nặm còn một số chỉ tiêu đạt thấp so với Nghị quyết "
    "như: Giá trị sản xuất nông, lâm nghiệp và thủy sản chỉ tiêu 490 tỷ đồng, ước đạt được 248 "
    "tỷ đồng, đạt gần 51%; thực hiện diện tích cây trồng có lợi thế chỉ tiêu thực hiện 110ha, "
    "đạt được hơn 54ha, đạt gần 50% kế hoạch; kết nạp đảng viên mới đạt 48/90 chỉ tiêu, bằng "
    "53% kế hoạch; tỷ lệ hộ nghèo và tái nghèo có nguy cơ phát sinh.\n\n"
    "Ban Chấp hành Đảng bộ huyện họp tại Kỳ họp lần thứ 14, nhiệm kỳ 2020 – 2025."
)
URL = "/review/"
RESOLUTION = "pac-nam-2023"


@pytest.fixture
def as_user(demo):
    def sign_in(name: str) -> Client:
        if name == "outsider":
            user = User.objects.create_user("outsider", password="outsider-pass-1")
        else:
            user = User.objects.get(username=name)
        client = Client()
        client.force_login(user)
        return client

    return sign_in


def _read(client: Client, text: str = ARTICLE, resolution: str = RESOLUTION):
    return client.post(URL, {"resolution": resolution, "text": text, "action": "read"})


def _form(response, **changes: str) -> dict[str, str]:
    """What the browser sends back when the person saves the page as it was proposed."""
    data = {
        "resolution": response.context["resolution"].code,
        "source_ref": response.context["source_ref"],
        "text": response.context["text"],
        "unit": response.context["unit"].code,
        "action": "save",
    }
    for row in response.context["rows"]:
        if row.measure is None:
            continue
        prefix = f"row-{row.number}-"
        if row.use:
            data[prefix + "use"] = "on"
        data[prefix + "indicator"] = str(row.indicator_id or "")
        data[prefix + "value"] = row.value
        data[prefix + "pct"] = row.pct
        data[prefix + "period"] = row.period
        data[prefix + "note"] = row.note
    data.update(changes)
    return data


def _row(response, indicator_name: str):
    for row in response.context["rows"]:
        if row.suggested and row.suggested.candidate.name == indicator_name:
            return row
    raise AssertionError(f"no row matched to {indicator_name}")


def _extracted() -> int:
    return Observation.objects.filter(source=Observation.Source.EXTRACTED).count()


def test_start_page_needs_login(client, demo):
    response = client.get(URL)
    assert response.status_code == 302
    assert "/login" in response["Location"] or "login" in response["Location"]


def test_start_page_lists_resolutions(as_user):
    response = as_user("baocao").get(URL)
    assert response.status_code == 200
    assert RESOLUTION in response.content.decode()


def test_facts_highlighted_and_matched_with_scores(as_user):
    response = _read(as_user("baocao"))
    assert response.status_code == 200
    html = response.content.decode()
    rows = response.context["rows"]
    kinds = [row.fact.kind for row in rows]
    assert kinds.count("tally") == 1 and kinds.count("measure") == 3
    assert html.count("<mark ") == len(rows)
    assert 'id="fact-1"' in html and "16/38 chỉ tiêu" in html
    party = _row(response, "Kết nạp đảng viên mới")
    assert party.suggested.score > 0.8
    assert party.value == "48" and party.pct == "53" and party.period == "2023-9M"
    assert party.use
    farm = _row(response, "Giá trị sản xuất nông, lâm nghiệp và thủy sản")
    assert farm.value == "ước 248 tỷ đồng"
    area = _row(response, "Diện tích cây trồng có lợi thế")
    assert area.value == "hơn 54 ha"
    assert f"{party.suggested.percent}%" in html  # the score is shown
    assert "Điểm khớp" in html


def test_tone_marks_do_not_matter(as_user):
    response = _read(
        as_user("baocao"), "Ket nap dang vien moi dat 48/90 chi tieu, bang 53% ke hoach."
    )
    rows = [row for row in response.context["rows"] if row.measure is not None]
    assert rows and rows[0].suggested.candidate.name == "Kết nạp đảng viên mới"


def test_confirming_creates_extracted_drafts_with_quotes_and_audit(as_user):
    client = as_user("baocao")
    proposal = _read(client)
    events = AuditEvent.objects.count()
    response = client.post(URL, _form(proposal))
    assert response.status_code == 200, response.content.decode()[:2000]
    assert "Cần rà soát" in response.content.decode()
    party = Indicator.objects.get(resolution__code=RESOLUTION, name="Kết nạp đảng viên mới")
    obs = Observation.objects.get(
        indicator=party, org_unit__code="pac-nam", period="2023-9M", is_deleted=False
    )
    assert obs.source == Observation.Source.EXTRACTED
    assert obs.needs_review is True
    assert obs.value == Decimal("48")
    assert obs.reported_pct == Decimal("53")
    assert obs.source_ref == "văn bản dán"
    assert obs.source_quote == "kết nạp đảng viên mới đạt 48/90 chỉ tiêu, bằng 53% kế hoạch"
    assert _extracted() == 3
    assert AuditEvent.objects.count() > events
    event = AuditEvent.objects.filter(model="results.observation", object_pk=str(obs.pk)).first()
    assert event.actor.username == "baocao" and event.after["needs_review"] is True


def test_a_new_period_creates_observations(as_user):
    client = as_user("baocao")
    proposal = _read(client)
    row = _row(proposal, "Kết nạp đảng viên mới")
    data = _form(proposal, **{f"row-{row.number}-period": "2023-6M"})
    for other in proposal.context["rows"]:
        if other.number != row.number:
            data.pop(f"row-{other.number}-use", None)
    before = Observation.objects.count()
    response = client.post(URL, data)
    assert response.status_code == 200
    assert Observation.objects.count() == before + 1
    obs = Observation.objects.get(
        period=parse_period("2023-6M").code, indicator__name="Kết nạp đảng viên mới"
    )
    assert obs.needs_review and obs.source == "extracted"


def test_dropped_and_changed_rows(as_user):
    client = as_user("baocao")
    proposal = _read(client)
    farm = _row(proposal, "Giá trị sản xuất nông, lâm nghiệp và thủy sản")
    area = _row(proposal, "Diện tích cây trồng có lợi thế")
    party = _row(proposal, "Kết nạp đảng viên mới")
    data = _form(proposal, **{f"row-{area.number}-value": "55 ha"})
    data.pop(f"row-{farm.number}-use")
    data.pop(f"row-{party.number}-use")
    response = client.post(URL, data)
    assert response.status_code == 200
    saved = Observation.objects.get(source="extracted")
    assert saved.indicator.name == "Diện tích cây trồng có lợi thế"
    assert saved.value == Decimal("55") and saved.raw_text == "55 ha"


def test_bad_value_shows_its_error_and_saves_nothing(as_user):
    client = as_user("baocao")
    proposal = _read(client)
    party = _row(proposal, "Kết nạp đảng viên mới")
    response = client.post(URL, _form(proposal, **{f"row-{party.number}-value": "abc"}))
    assert response.status_code == 400
    rows = {row.number: row for row in response.context["rows"]}
    assert rows[party.number].errors.get("value")
    assert "&#x27;abc&#x27;" in response.content.decode()  # the error, next to its row
    assert _extracted() == 0
    # a bad period too: named on its own row
    response = client.post(URL, _form(proposal, **{f"row-{party.number}-period": "2019"}))
    assert response.status_code == 400
    assert {row.number: row for row in response.context["rows"]}[party.number].errors
    assert _extracted() == 0


@pytest.mark.parametrize("name", ["outsider", "xem"])
def test_outsider_and_viewer_are_refused(as_user, name):
    client = as_user(name)
    assert _read(client).status_code in (403, 404)
    proposal = _read(as_user("baocao"))
    response = client.post(URL, _form(proposal))
    assert response.status_code in (403, 404)
    assert _extracted() == 0


def test_unit_outside_the_resolution_is_refused(as_user):
    proposal = _read(as_user("admin"))
    response = as_user("admin").post(URL, _form(proposal, unit="cho-don"))
    assert response.status_code == 403
    assert _extracted() == 0


def test_another_units_reporter_cannot_save_for_it(as_user):
    proposal = _read(as_user("admin"))
    response = as_user("baocao").post(URL, _form(proposal, unit="bac-kan"))
    assert response.status_code in (403, 404)
    assert _extracted() == 0


def test_forged_indicator_is_refused(as_user):
    client = as_user("baocao")
    proposal = _read(client)
    party = _row(proposal, "Kết nạp đảng viên mới")
    foreign = Indicator.objects.exclude(resolution__code=RESOLUTION).first()
    response = client.post(
        URL, _form(proposal, **{f"row-{party.number}-indicator": str(foreign.pk)})
    )
    assert response.status_code == 404
    assert _extracted() == 0


def test_upload_and_bad_files(as_user):
    client = as_user("baocao")
    upload = SimpleUploadedFile("bao-cao.txt", ARTICLE.encode())
    response = client.post(URL, {"resolution": RESOLUTION, "file": upload, "action": "read"})
    assert response.status_code == 200
    assert response.context["source_ref"] == "bao-cao.txt"
    fake = SimpleUploadedFile("bao-cao.docx", b"not a zip at all")
    response = client.post(URL, {"resolution": RESOLUTION, "file": fake, "action": "read"})
    assert response.status_code == 400
    assert "notice-error" in response.content.decode()
    response = _read(client, "   ")
    assert response.status_code == 400


def test_text_without_figures(as_user):
    response = _read(as_user("baocao"), "Huyện tiếp tục chỉ đạo quyết liệt các nhiệm vụ.")
    assert response.status_code == 200
    assert "Không tìm thấy con số nào" in response.content.decode()
