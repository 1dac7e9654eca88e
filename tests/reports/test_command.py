"""``nghiquyet report``: writes the file atomically; bad input exits 2 with a message."""

from __future__ import annotations

import io
import os

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from nghiquyet.reports.files import write_atomically

from .conftest import open_docx, open_xlsx


def report(*args: str) -> str:
    out = io.StringIO()
    call_command("report", *args, stdout=out)
    return out.getvalue()


def fails(*args: str) -> CommandError:
    with pytest.raises(CommandError) as caught:
        report(*args)
    assert caught.value.returncode == 2
    return caught.value


def test_it_writes_a_word_report(demo, tmp_path):
    target = tmp_path / "bao-cao.docx"
    message = report(
        "--resolution", "pac-nam-2020-2025", "--period", "2020-2025",
        "--as-of", "2023-05-17", "-o", str(target),
    )  # fmt: skip
    assert message.startswith(f"Đã ghi {target}")
    assert "Đến nay, có 5/49 chỉ tiêu đạt và vượt" in open_docx(target.read_bytes()).body_text


def test_it_writes_excel_and_names_the_file_itself(demo, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    report("--resolution", "cho-don-2023", "--period", "2023-9M", "--format", "xlsx")
    written = tmp_path / "bao-cao-cho-don-2023-2023-9M.xlsx"
    assert open_xlsx(written.read_bytes()).sheetnames[0] == "Phụ lục"


def test_it_takes_a_profile_and_a_template(demo, tmp_path):
    from .test_template import EXAMPLE

    target = tmp_path / "mau.docx"
    report(
        "--resolution", "cho-don-2023", "--period", "2023-9M", "--profile", "state",
        "--template", str(EXAMPLE), "-o", str(target),
    )  # fmt: skip
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in open_docx(target.read_bytes()).body_text


def test_an_unknown_format_exits_2(demo):
    error = fails("--resolution", "cho-don-2023", "--format", "odt")
    assert "Định dạng 'odt' không hỗ trợ" in str(error)


def test_an_unknown_profile_exits_2(demo):
    error = fails("--resolution", "cho-don-2023", "--profile", "quoc-hoi")
    assert "Thể thức 'quoc-hoi' không có" in str(error)


def test_an_unknown_resolution_exits_2(demo):
    assert "Không có nghị quyết mã 'khong-co'" in str(fails("--resolution", "khong-co"))


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--period", "2023-13M"), "2023-13M"),
        (("--period", "2019"), "nằm ngoài thời hạn"),
        (("--as-of", "17/5/2023"), "YYYY-MM-DD"),
        (("--template", "khong-co.docx"), "Không tìm thấy mẫu"),
        (("-o", "/khong-co-thu-muc/bao-cao.docx"), "Không có thư mục"),
    ],
)
def test_bad_input_exits_2_naming_the_problem(demo, args, message):
    assert message in str(fails("--resolution", "cho-don-2023", *args))


def test_pdf_without_libreoffice_exits_2(demo, tmp_path, monkeypatch):
    monkeypatch.setenv("NGHIQUYET_SOFFICE", str(tmp_path / "khong-co"))
    target = tmp_path / "bao-cao.pdf"
    error = fails("--resolution", "cho-don-2023", "--format", "pdf", "-o", str(target))
    assert "Cần LibreOffice" in str(error)
    assert not target.exists()


def test_a_failed_write_leaves_no_half_written_file(demo, tmp_path, monkeypatch):
    target = tmp_path / "bao-cao.docx"
    target.write_bytes(b"the previous report")

    def broken_fsync(descriptor: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", broken_fsync)
    error = fails("--resolution", "cho-don-2023", "-o", str(target))
    assert "No space left on device" in str(error)
    assert target.read_bytes() == b"the previous report"
    assert [path.name for path in tmp_path.iterdir()] == ["bao-cao.docx"]


def test_an_atomic_write_replaces_the_file_whole(tmp_path):
    target = tmp_path / "bao-cao.xlsx"
    write_atomically(target, b"first")
    write_atomically(target, b"second")
    assert target.read_bytes() == b"second"
    assert [path.name for path in tmp_path.iterdir()] == ["bao-cao.xlsx"]
    assert target.stat().st_mode & 0o044  # readable like any other file, not 0600
