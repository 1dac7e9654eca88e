"""Report downloads from the scorecard page: the same files as ``nghiquyet report``, for those
who may read the resolution, with reasons in Vietnamese when a report cannot be made."""

from __future__ import annotations

import io
from html import unescape

import docx
import openpyxl
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from nghiquyet.reports import build_report
from tests.reports.test_template import template_with

REPORT = "/resolutions/cho-don-2023/report/"
QUERY = "?period=2023-9M&as_of=2023-10-10"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def text_of(content: bytes) -> str:
    document = docx.Document(io.BytesIO(content))
    paragraphs = list(document.paragraphs)
    for table in document.tables:
        for row in table.rows:
            for cell in row.cells:
                paragraphs.extend(cell.paragraphs)
    return "\n".join(paragraph.text for paragraph in paragraphs)


def test_the_scorecard_page_offers_word_excel_and_pdf(colleague):
    page = colleague.get("/resolutions/cho-don-2023/?period=2023-9M&as_of=2023-10-10")
    html = page.content.decode()
    for fmt in ("docx", "xlsx", "pdf"):
        assert f'href="{REPORT}?period=2023-9M&amp;as_of=2023-10-10&amp;format={fmt}"' in html
    assert f'action="{REPORT}"' in html and 'enctype="multipart/form-data"' in html
    assert 'name="as_of" value="2023-10-10"' in html


def test_the_word_download_is_the_file_the_command_writes(colleague):
    response = colleague.get(REPORT + QUERY + "&format=docx")
    assert response.status_code == 200
    assert response["Content-Type"] == DOCX
    assert response["Content-Disposition"] == (
        'attachment; filename="bao-cao-cho-don-2023-2023-9M-ngay-2023-10-10.docx"'
    )
    text = text_of(response.content)
    assert "Đến nay, có 2/6 chỉ tiêu đạt và vượt" in text
    assert "HUYỆN ỦY CHỢ ĐỒN" in text
    made = build_report("cho-don-2023", "2023-9M", as_of="2023-10-10", fmt="docx")
    assert text == text_of(made.content)


def test_the_excel_download_holds_the_appendix(colleague):
    response = colleague.get(REPORT + QUERY + "&format=xlsx")
    assert response.status_code == 200
    book = openpyxl.load_workbook(io.BytesIO(response.content))
    assert book.sheetnames[:2] == ["Phụ lục", "Số liệu"]
    values = [cell for row in book["Phụ lục"].iter_rows(values_only=True) for cell in row]
    assert "Trồng rừng" in values and 603.8 in values


def test_the_profile_can_be_overridden(colleague):
    response = colleague.get(REPORT + QUERY + "&format=docx&profile=state")
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text_of(response.content)


@pytest.mark.parametrize(
    ("query", "reason"),
    [
        ("?period=2023-9M&format=odt", "Định dạng 'odt' không hỗ trợ"),
        ("?period=2023-9M&format=docx&profile=quoc-hoi", "quoc-hoi"),
        ("?period=2019&format=docx", "2019"),
        ("?period=2023-9M&as_of=17/5/2023&format=docx", "17/5/2023"),
    ],
)
def test_bad_choices_are_refused_with_the_reason(colleague, query, reason):
    response = colleague.get(REPORT + query)
    assert response.status_code == 400
    html = unescape(response.content.decode())
    assert "Không lập được báo cáo" in html and reason in html
    assert 'href="/resolutions/cho-don-2023/"' in html  # a way back to the scorecard


def test_pdf_without_libreoffice_says_what_to_install(colleague, monkeypatch, tmp_path):
    monkeypatch.setenv("NGHIQUYET_SOFFICE", str(tmp_path / "khong-co-soffice"))
    response = colleague.get(REPORT + QUERY + "&format=pdf")
    assert response.status_code == 503
    assert "Cần LibreOffice" in response.content.decode()


def test_an_office_template_is_filled_with_the_same_data(owner):
    template = template_with("Tổng hợp: {{ tally.sentence }}", "Kỳ: {{ period.label }}")
    response = owner.post(
        "/resolutions/pac-nam-2023/report/",
        {
            "period": "2023-9M",
            "as_of": "2023-10-05",
            "format": "docx",
            "template": SimpleUploadedFile("mau.docx", template, content_type=DOCX),
        },
    )
    assert response.status_code == 200, response.content.decode()[:500]
    text = text_of(response.content)
    assert "Tổng hợp: Đến nay, có 0/38 chỉ tiêu đạt và vượt" in text
    assert "Kỳ: 9 tháng năm 2023" in text


def test_a_broken_template_names_its_bad_placeholder(owner):
    template = template_with("{{ tong_so_chi_tieu }}")
    response = owner.post(
        "/resolutions/pac-nam-2023/report/",
        {"period": "2023-9M", "template": SimpleUploadedFile("mau.docx", template)},
    )
    assert response.status_code == 400
    assert "'tong_so_chi_tieu' trong {{ tong_so_chi_tieu }}" in unescape(response.content.decode())


def test_a_post_without_a_template_or_with_a_huge_one_is_refused(owner, monkeypatch):
    response = owner.post("/resolutions/pac-nam-2023/report/", {"period": "2023-9M"})
    assert response.status_code == 400
    assert "Hãy chọn tệp mẫu" in response.content.decode()
    monkeypatch.setattr("nghiquyet.web.views.report.TEMPLATE_MAX_BYTES", 10)
    response = owner.post(
        "/resolutions/pac-nam-2023/report/",
        {"period": "2023-9M", "template": SimpleUploadedFile("to.docx", b"x" * 11)},
    )
    assert response.status_code == 400
    assert "lớn hơn 10 MB" in response.content.decode()


def test_a_template_post_needs_the_csrf_token(people):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(people["vanphong"])
    response = client.post(
        "/resolutions/pac-nam-2023/report/",
        {"period": "2023-9M", "template": SimpleUploadedFile("mau.docx", b"PK")},
    )
    assert response.status_code == 403


def test_the_example_template_can_be_downloaded(colleague):
    response = colleague.get("/resolutions/cho-don-2023/report/template/")
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="bao-cao-mau.docx"'
    assert "{{ tally.sentence }}" in text_of(response.content)


@pytest.mark.parametrize("url", [REPORT + QUERY + "&format=docx", REPORT + "template/"])
def test_other_units_reports_do_not_exist_for_outsiders(outsider, reporter, url):
    # Chợ Đồn is not Pác Nặm's: the reporter of Pác Nặm gets 404, as on the scorecard.
    assert outsider.get(url).status_code == 404
    assert reporter.get(url).status_code == 404


def test_signed_out_visitors_are_sent_to_the_login_form(client):
    response = client.get(REPORT + QUERY + "&format=docx")
    assert response.status_code == 302 and response["Location"].startswith("/login/")
