"""``nghiquyet extract``: the command reads files (or standard input) and touches no database."""

from __future__ import annotations

import io
import json
import subprocess
import sys

import pytest
from django.core.management import CommandError, call_command

ARTICLE = (
    "BBK - Sáng 10/10, Ban Chấp hành Đảng bộ huyện tổ chức Hội nghị lần thứ 15.\n"
    "Trồng rừng được 603,8ha/600ha, đạt 100,6% kế hoạch. Giá trị sản xuất công nghiệp 9 tháng "
    "đạt 362,14 tỷ đồng, bằng 95,27% so với cùng kỳ năm 2022.\n"
    "Đồng chí ghi nhận kết quả thực hiện nhiệm vụ 9 tháng năm 2023."
)


@pytest.fixture
def article(tmp_path):
    path = tmp_path / "bai-bao.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def run(*args, stdin=None):
    out, err = io.StringIO(), io.StringIO()
    call_command("extract", *args, stdout=out, stderr=err, stdin=stdin)
    return out.getvalue()


def test_it_prints_facts_as_json(article):
    data = json.loads(run(str(article), "--json"))
    assert data["period"] == "9 tháng năm 2023"
    assert [(f["indicator"], f["value"], f["percent_of"]) for f in data["facts"]] == [
        ("Trồng rừng", 603.8, "plan"),
        ("Giá trị sản xuất công nghiệp", 362.14, "same_period"),
    ]


def test_it_prints_a_readable_list(article):
    out = run(str(article))
    assert "Kỳ báo cáo: 9 tháng năm 2023" in out
    assert "1. Trồng rừng: 603,8 ha (chỉ tiêu 600) — 100,6 % kế hoạch" in out
    assert "«Trồng rừng được 603,8ha/600ha, đạt 100,6% kế hoạch»" in out


def test_it_reads_standard_input():
    data = json.loads(run("-", "--json", stdin=io.BytesIO(ARTICLE.encode())))
    assert len(data["facts"]) == 2 and data["source"] == "đầu vào chuẩn"


def test_a_text_without_figures_gives_an_empty_list(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("Các đại biểu thảo luận, góp ý vào dự thảo báo cáo.", encoding="utf-8")
    assert json.loads(run(str(path), "--json"))["facts"] == []
    assert "Không tìm thấy số liệu nào." in run(str(path))


@pytest.mark.parametrize(
    ("name", "content", "says"),
    [
        ("missing.txt", None, "không tìm thấy tệp"),
        ("empty.txt", b"", "Tệp trống"),
        ("junk.txt", bytes(range(256)) * 50, "không phải văn bản"),
        ("fake.docx", b"this is not a word file", ".docx hợp lệ"),
        (
            "vni.txt",
            "Troàng röøng ñöôïc 603,8ha, ñaït keá hoaïch ñaït ñaït ñaït".encode("latin-1"),
            "VNI",
        ),
    ],
)
def test_bad_input_gets_a_plain_message_and_exit_code_2(tmp_path, name, content, says):
    path = tmp_path / name
    if content is not None:
        path.write_bytes(content)
    with pytest.raises(CommandError) as caught:
        run(str(path), "--json")
    assert caught.value.returncode == 2
    assert says in str(caught.value)


def test_a_file_over_the_limit_is_refused_before_it_is_read(tmp_path, monkeypatch):
    from nghiquyet.intake.management.commands import extract as command

    monkeypatch.setattr(command, "MAX_TEXT_BYTES", 1024)
    path = tmp_path / "big.txt"
    path.write_bytes(b"a" * 4096)
    with pytest.raises(CommandError) as caught:
        run(str(path))
    assert caught.value.returncode == 2 and "quá lớn" in str(caught.value)


def test_the_installed_command_exits_2_without_a_traceback(tmp_path):
    path = tmp_path / "fake.docx"
    path.write_bytes(b"PK\x03\x04 broken")
    done = subprocess.run(  # noqa: S603 - our own interpreter and a file we just wrote
        [sys.executable, "-m", "nghiquyet", "extract", str(path)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 2
    assert "Traceback" not in done.stderr and ".docx hợp lệ" in done.stderr
