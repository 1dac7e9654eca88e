"""PDF through LibreOffice: every demo report converts and reads back; failures are clear."""

from __future__ import annotations

import shutil
import subprocess
import sys
import time

import pytest

from nghiquyet.reports import PdfConversionFailed, PdfUnavailable, build_report
from nghiquyet.reports.pdf.convert import docx_to_pdf, soffice

from .conftest import DEMO_REPORTS, demo_report

needs_soffice = pytest.mark.skipif(
    soffice() is None,
    reason="LibreOffice (soffice) is not installed; CI installs libreoffice-writer-nogui",
)
needs_pdftotext = pytest.mark.skipif(
    shutil.which("pdftotext") is None,
    reason="pdftotext is not installed; CI installs poppler-utils",
)

# Lines a reader must find in each demo report's PDF.
KEY_LINES = {
    "pac-nam-midterm": [
        "HUYỆN ỦY PÁC NẶM",
        "Pác Nặm, ngày 17 tháng 5 năm 2023",
        "Đến nay, có 5/49 chỉ tiêu đạt và vượt",
        "Dương Văn Tuyến",
    ],
    "pac-nam-9m": [
        "Đến nay, có 0/38 chỉ tiêu đạt và vượt",
        "ước thực hiện 248 tỷ đồng, đạt 50,6 % so với kế hoạch",
        "[Nguyên nhân khách quan: …]",
    ],
    "cho-don-9m": [
        "HUYỆN ỦY CHỢ ĐỒN",
        "Chợ Đồn, ngày 10 tháng 10 năm 2023",
        "Đến nay, có 2/6 chỉ tiêu đạt và vượt",
        "603,8",
        "95,27 %",
    ],
    "luc-ngan-midterm": [
        "ĐẢNG BỘ TỈNH BẮC GIANG",
        "Lục Ngạn, ngày 26 tháng 6 năm 2018",
        "Mục tiêu điều chỉnh từ 37 % thành 41,3 %",
        "Thân Văn Khánh",
    ],
}
EVERY_REPORT = [
    "ĐẢNG CỘNG SẢN VIỆT NAM",
    "BÁO CÁO",
    "KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU CHỦ YẾU",
    "T/M BAN THƯỜNG VỤ",
    "Nơi nhận:",
]


def pdf_text(content: bytes, tmp_path) -> str:
    path = tmp_path / "bao-cao.pdf"
    path.write_bytes(content)
    program = shutil.which("pdftotext")
    assert program is not None
    result = subprocess.run(  # noqa: S603 - a fixed program on our own file
        [program, "-layout", str(path), "-"], capture_output=True, check=True
    )
    return " ".join(result.stdout.decode("utf-8").split())


@needs_soffice
@needs_pdftotext
@pytest.mark.parametrize("key", DEMO_REPORTS)
def test_every_demo_report_converts_to_pdf_with_its_key_lines(demo, key, tmp_path):
    report = demo_report(key, fmt="pdf")
    assert report.content.startswith(b"%PDF-")
    assert report.content_type == "application/pdf" and report.filename.endswith(".pdf")
    text = pdf_text(report.content, tmp_path)
    for line in [*EVERY_REPORT, *KEY_LINES[key]]:
        assert line in text, f"{line!r} not in the PDF of {key}"


@needs_soffice
@needs_pdftotext
def test_an_office_template_converts_to_pdf(demo, tmp_path):
    from .test_template import EXAMPLE

    report = build_report(
        "cho-don-2023", "2023-9M", as_of="2023-10-10", fmt="pdf", template=EXAMPLE
    )
    assert "Trồng rừng: thực hiện 603,8 ha" in pdf_text(report.content, tmp_path)


def test_pdf_without_libreoffice_is_a_clear_error(demo, monkeypatch, tmp_path):
    monkeypatch.setenv("NGHIQUYET_SOFFICE", str(tmp_path / "khong-co-soffice"))
    with pytest.raises(PdfUnavailable, match="Cần LibreOffice"):
        demo_report("cho-don-9m", fmt="pdf")


@pytest.fixture
def fake_soffice(tmp_path, monkeypatch):
    """A stand-in for LibreOffice: ``behaviour`` is Python code run with the arguments."""

    def make(behaviour: str):
        script = tmp_path / "fake-soffice"
        script.write_text(f"#!{sys.executable}\nimport sys, time\n{behaviour}\n")
        script.chmod(0o755)
        monkeypatch.setenv("NGHIQUYET_SOFFICE", str(script))

    return make


@pytest.mark.skipif(sys.platform == "win32", reason="the stand-in is a POSIX script")
def test_a_conversion_past_the_time_limit_is_killed(fake_soffice):
    fake_soffice("time.sleep(60)")
    started = time.monotonic()
    with pytest.raises(PdfConversionFailed, match="chưa chuyển xong sau 1 giây"):
        docx_to_pdf(b"docx", timeout=1)
    assert time.monotonic() - started < 10


@pytest.mark.skipif(sys.platform == "win32", reason="the stand-in is a POSIX script")
def test_a_conversion_that_makes_no_pdf_says_why(fake_soffice):
    fake_soffice("print('Error: source file could not be loaded'); sys.exit(1)")
    with pytest.raises(PdfConversionFailed, match="source file could not be loaded"):
        docx_to_pdf(b"docx")


def test_the_time_limit_comes_from_the_environment(monkeypatch):
    from nghiquyet.reports.pdf.convert import DEFAULT_TIMEOUT, timeout_seconds

    monkeypatch.delenv("NGHIQUYET_PDF_TIMEOUT", raising=False)
    assert timeout_seconds() == DEFAULT_TIMEOUT
    monkeypatch.setenv("NGHIQUYET_PDF_TIMEOUT", "30")
    assert timeout_seconds() == 30
    monkeypatch.setenv("NGHIQUYET_PDF_TIMEOUT", "nhanh")
    with pytest.raises(ValueError, match="NGHIQUYET_PDF_TIMEOUT"):
        timeout_seconds()
