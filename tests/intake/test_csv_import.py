"""Importing the long CSV: previews, writes once, and names every bad row in Vietnamese."""

from decimal import Decimal

import pytest

from nghiquyet.intake.files import MB, Limits
from nghiquyet.results.models import AuditEvent, Observation

from .conftest import snapshot_db
from .encodings import cp1258, tcvn3, vni


def test_a_good_file_is_previewed_then_written_with_its_source(demo, run, csv_file):
    path = csv_file(
        'cho-don-2023,2,cho-don,2023-H1,"412,5",,',
        "cho-don-2023,Trồng rừng,cho-don,2023-9M,610,,số cập nhật",
        "cho-don-2023,5,cho-don,2023-9M,600,,",
    )
    result = run("import", str(path))
    assert result.code == 0, result.err
    assert "3 dòng số liệu: 1 mới, 1 thay đổi, 1 không đổi." in result.out
    assert "603,8 → 610 (ghi chú: '' → 'số cập nhật')" in result.out
    assert "Đã ghi 2 thay đổi (1 mới, 1 sửa)." in result.out
    new = Observation.objects.get(indicator__name="Trồng rừng", period="2023-H1")
    assert new.value == Decimal("412.5") and new.raw_text == "412,5"
    assert new.source == "import" and new.source_ref == "so-lieu.csv · dòng 2"
    event = AuditEvent.objects.get(model="results.observation", object_pk=str(new.pk))
    assert event.action == "create" and event.source == "so-lieu.csv · dòng 2"
    assert event.after["value"] == "412.5" and event.after["source_ref"] == "so-lieu.csv · dòng 2"
    changed = Observation.objects.get(indicator__name="Trồng rừng", period="2023-9M")
    update = AuditEvent.objects.get(action="update", object_pk=str(changed.pk))
    assert update.before["value"] == "603.8" and update.after["value"] == "610"
    assert update.source == "so-lieu.csv · dòng 3" and changed.version == 2


def test_importing_the_same_file_again_changes_nothing_and_says_so(demo, run, csv_file):
    path = csv_file('cho-don-2023,2,cho-don,2023-H1,"412,5",ƯTH,')
    assert run("import", str(path)).code == 0
    before = snapshot_db()
    again = run("import", str(path))
    assert again.code == 0 and "0 thay đổi." in again.out
    assert "1 dòng số liệu: 0 mới, 0 thay đổi, 1 không đổi." in again.out
    assert snapshot_db() == before


def test_semicolons_a_bom_and_vietnamese_numbers_are_what_excel_writes(demo, run, write):
    text = (
        "\ufeffresolution;indicator;org_unit;period;value;estimate;note\r\n"
        "pac-nam-2023;1;pac-nam;2023-H1;248,5;ƯTH;ước\r\n"
        "pac-nam-2023;5;pac-nam;2023;1.062;;\r\n"
    )
    result = run("import", str(write("excel.csv", text)))
    assert result.code == 0, result.err
    assert "phân cách bằng dấu chấm phẩy ';'" in result.out
    first = Observation.objects.get(
        indicator__code="1", indicator__resolution__code="pac-nam-2023", period="2023-H1"
    )
    assert first.value == Decimal("248.5") and first.is_estimate
    assert (
        Observation.objects.get(
            indicator__code="5", period="2023", indicator__resolution__code="pac-nam-2023"
        ).value
        == 1062
    )


def test_a_dry_run_shows_the_preview_and_writes_nothing(demo, run, csv_file):
    before = snapshot_db()
    result = run("import", csv_file("cho-don-2023,2,cho-don,2023-H1,400,,"), "--dry-run")
    assert (
        result.code == 0 and "Chạy thử (--dry-run): chưa ghi gì. Sẽ ghi 1 thay đổi." in result.out
    )
    assert snapshot_db() == before


BAD_ROWS = [
    # (line, expected message)
    (
        'cho-don-2023,2,cho-don,2023-H1,"4,500",,',
        "Dòng 2, cột 'value': '4,500' không rõ là 4,5 hay 4.500 — hãy ghi '4,5' hoặc '4.500'",
    ),
    (
        "cho-don-2023,Trong cay an qua,cho-don,2023-H1,12,,",
        "Dòng 3, cột 'indicator': 'Trong cay an qua' không có chỉ tiêu này trong nghị quyết "
        "'cho-don-2023'",
    ),
    ("cho-don-2023,Trồng rùng xanh,cho-don,2023-H1,12,,", "(có phải 'Trồng rừng', mã 2?)"),
    (
        "cho-don-2023,2,cho-dong,2023-H1,12,,",
        "Dòng 5, cột 'org_unit': 'cho-dong' không phải mã đơn vị nào (có phải 'cho-don'?)",
    ),
    (
        "cho-don-2023,2,cho-don,2021,12,,",
        "Dòng 6, cột 'period': '2021' nằm ngoài thời hạn của nghị quyết 'cho-don-2023' (năm 2023)",
    ),
    (
        "cho-don-2023,2,pac-nam,2023-H1,12,,",
        "Dòng 7, cột 'org_unit': 'pac-nam' (Huyện Pác Nặm) không thuộc phạm vi của nghị quyết "
        "'cho-don-2023' (Huyện Chợ Đồn)",
    ),
    (
        "cho-don-2023,2,cho-don,2023-H1,bốn trăm,,",
        "Dòng 8, cột 'value': 'bốn trăm' không tìm thấy con số",
    ),
    (
        "cho-don-2023,2,cho-don,2023-Q5,12,,",
        "Dòng 9, cột 'period': '2023-Q5' không phải kỳ báo cáo hợp lệ.",
    ),
    (
        "cho-don-2023,5,cho-don,2023-Q1,-3,,",
        "Dòng 10, cột 'value': '-3' — Giá trị âm không hợp lệ cho chỉ tiêu này.",
    ),
    (
        "cho-don-2023,2,cho-don,2023-Q2,04/05/2023,,",
        "Dòng 11, cột 'value': '04/05/2023' là một ngày tháng, không phải số",
    ),
    (
        "cho-don-2023,2,cho-don,30/09/2023,12,,",
        "Dòng 12, cột 'period': '30/09/2023' là một ngày, không phải kỳ báo cáo",
    ),
    (
        "cho-don-2023,2,cho-don,45199,12,,",
        "Dòng 13, cột 'period': '45199' giống số ngày của Excel (= ngày 30/09/2023)",
    ),
    (
        "cho-don-2023,2,cho-don,2023-Q3,12,có lẽ,",
        "Dòng 14, cột 'estimate': 'có lẽ' không rõ là thực hiện hay ước",
    ),
    (
        "cho-don-2024,2,cho-don,2023-Q3,12,,",
        "Dòng 15, cột 'resolution': 'cho-don-2024' không phải mã của nghị quyết nào bạn được xem "
        "(có phải 'cho-don-2023'?)",
    ),
    (
        "cho-don-2023,2,cho-don,2023-M07,6-8,,",
        "Dòng 16, cột 'value': '6-8' giá trị thực hiện là một con số, không phải khoảng.",
    ),
    ("cho-don-2023,2,cho-don,2023-M08,,,", None),  # empty value: skipped, not an error
    ("cho-don-2023,2,cho-don,2023-M09,12,,", None),  # a good row among bad ones
]


def test_every_bad_row_is_reported_with_row_column_value_and_reason(demo, run, csv_file):
    before = snapshot_db()
    result = run("import", str(csv_file(*(line for line, _ in BAD_ROWS))))
    assert result.code == 1
    for _, message in BAD_ROWS:
        if message:
            assert message in result.err, message
    assert "Không nhập: 15 lỗi, chưa ghi gì." in result.err
    assert snapshot_db() == before


def test_duplicate_keys_with_different_values_are_an_error_same_values_a_warning(
    demo, run, csv_file
):
    result = run(
        "import",
        str(
            csv_file(
                "cho-don-2023,2,cho-don,2023-H1,400,,",
                "cho-don-2023,Trồng rừng,cho-don,2023-H1,400,,",
                "cho-don-2023,2,cho-don,2023-H1,410,,",
            )
        ),
    )
    assert result.code == 1
    assert "Cảnh báo: Dòng 3: trùng với dòng 2 (2. Trồng rừng · cho-don · 2023-H1)" in result.err
    assert (
        "Dòng 4: trùng khóa với dòng 2 (2. Trồng rừng · cho-don · 2023-H1) nhưng khác giá trị: "
        "'400' ≠ '410'. Hãy giữ một dòng." in result.err
    )


def test_missing_columns_are_named(demo, run, csv_file):
    path = csv_file("cho-don-2023,2,2023-H1,400", header="resolution,indicator,period,value")
    result = run("import", str(path))
    assert result.code == 1
    assert "Thiếu cột 'org_unit' (dòng tiêu đề là dòng 1)" in result.err


def test_extra_columns_are_warned_about_and_ignored(demo, run, csv_file):
    path = csv_file(
        "cho-don-2023,2,cho-don,2023-H1,400,,,Phòng NN",
        header="resolution,indicator,org_unit,period,value,estimate,note,người báo cáo",
    )
    result = run("import", str(path))
    assert result.code == 0
    assert "Cảnh báo: Dòng 1: Cột 'người báo cáo' không thuộc mẫu nhập; đã bỏ qua." in result.err


def test_vietnamese_headers_are_understood(demo, run, csv_file):
    path = csv_file(
        "cho-don-2023;2;cho-don;2023-H1;400;;",
        header="Nghị quyết;Chỉ tiêu;Đơn vị;Kỳ;Giá trị;ƯTH;Ghi chú",
    )
    assert run("import", str(path)).code == 0


def test_an_empty_file_and_a_header_alone_are_refused(demo, run, write, csv_file):
    empty = run("import", str(write("rong.csv", "")))
    assert empty.code == 1 and "Tệp 'rong.csv' rỗng (0 byte)." in empty.err
    header_only = run("import", str(csv_file()))
    assert header_only.code == 1 and "Tệp không có dòng số liệu nào" in header_only.err


def test_a_file_without_a_header_says_which_columns_it_needs(demo, run, write):
    result = run("import", str(write("x.csv", "a,b,c\n1,2,3\n")))
    assert result.code == 1
    assert "Không tìm thấy dòng tiêu đề trong 30 dòng đầu" in result.err
    assert "resolution,indicator,org_unit,period,value" in result.err


def test_a_declared_number_convention_settles_the_ambiguous_comma(demo, run, csv_file):
    path = csv_file('cho-don-2023,2,cho-don,2023-H1,"4,500",,')
    assert run("import", str(path), "--numbers", "en").code == 0
    assert Observation.objects.get(period="2023-H1", indicator__name="Trồng rừng").value == 4500
    path = csv_file('cho-don-2023,2,cho-don,2023-H2,"4,500",,', name="vi.csv")
    assert run("import", str(path), "--numbers", "vi").code == 0
    assert Observation.objects.get(period="2023-H2", indicator__name="Trồng rừng").value == Decimal(
        "4.5"
    )


def test_an_unquoted_comma_decimal_in_a_comma_file_is_caught_as_an_extra_column(
    demo, run, csv_file
):
    # "412,5" without quotes splits into two cells: the value 412 and a stray "5".
    result = run("import", str(csv_file("cho-don-2023,2,cho-don,2023-H1,412,5,")))
    assert result.code == 1
    assert "Dòng 2, cột 'estimate': '5' không rõ là thực hiện hay ước" in result.err


LINES = [
    "Nghị quyết,Chỉ tiêu,Đơn vị,Kỳ,Giá trị,Ghi chú",
    'cho-don-2023,Trồng rừng,Huyện Chợ Đồn,2023-H1,"412,5",Số của Hạt kiểm lâm',
    "cho-don-2023,Giải quyết việc làm,Huyện Chợ Đồn,2023-H1,320,Phòng Lao động báo",
    "cho-don-2023,Xuất khẩu lao động,Huyện Chợ Đồn,2023-H1,101,Ước tính của phòng",
]


@pytest.mark.parametrize(
    ("encode", "label"),
    [
        (cp1258, "Windows-1258"),
        (lambda text: tcvn3(text).encode("latin-1"), "TCVN3"),
        (lambda text: vni(text).encode("cp1252"), "VNI"),
    ],
)
def test_legacy_encodings_are_converted_when_certain(demo, run, write, encode, label):
    path = write("cu.csv", encode("\n".join(LINES) + "\n"))
    result = run("import", str(path))
    assert result.code == 0, result.err
    assert f"dùng bảng mã {label}" in result.err
    assert Observation.objects.filter(period="2023-H1", org_unit__code="cho-don").count() == 3
    note = Observation.objects.get(period="2023-H1", indicator__name="Trồng rừng").note
    assert note.lower() == "số của hạt kiểm lâm"


def test_tcvn3_text_saved_as_utf8_is_converted_too(demo, run, write):
    path = write("utf8-tcvn3.csv", tcvn3("\n".join(LINES) + "\n"))
    result = run("import", str(path))
    assert result.code == 0, result.err and "TCVN3" in result.err


def test_an_encoding_that_cannot_be_told_is_refused_clearly(demo, run, write):
    path = write(
        "la.csv", b"resolution,indicator,org_unit,period,value\n" + bytes(range(0x80, 0xFF))
    )
    result = run("import", str(path))
    assert result.code == 1
    assert "Không xác định chắc chắn được bảng mã của tệp" in result.err
    assert "lưu lại dạng 'CSV UTF-8'" in result.err


def test_a_50_mb_csv_is_refused_before_it_is_read(demo, run, tmp_path):
    path = tmp_path / "lon.csv"
    line = b"cho-don-2023,2,cho-don,2023-H1,400,,\n"
    with path.open("wb") as handle:
        handle.write(b"resolution,indicator,org_unit,period,value,estimate,note\n")
        handle.write(line * (50 * MB // len(line)))
    result = run("import", str(path))
    assert result.code == 1
    assert "nặng 50 MB, vượt giới hạn 20 MB" in result.err
    assert "chia thành nhiều tệp nhỏ hơn" in result.err


def test_the_size_limit_is_a_setting(demo, run, csv_file, settings):
    settings.NGHIQUYET_IMPORT_LIMITS = Limits(max_bytes=10)
    result = run("import", str(csv_file("cho-don-2023,2,cho-don,2023-H1,400,,")))
    assert result.code == 1 and "vượt giới hạn" in result.err


def test_a_reporter_cannot_import_another_units_figures(demo, run, csv_file):
    path = csv_file(
        "pac-nam-2023,1,pac-nam,2023-H1,100,,",
        "cho-don-2023,2,cho-don,2023-H1,100,,",
    )
    result = run("import", str(path), "--user", "baocao")
    assert result.code == 1
    assert "Dòng 3, cột 'resolution': 'cho-don-2023' không phải mã của nghị quyết nào bạn" in (
        result.err
    )
    assert not Observation.objects.filter(period="2023-H1", org_unit__code="pac-nam").exists()


def test_a_viewer_may_read_but_not_import(demo, run, csv_file):
    result = run("import", str(csv_file("cho-don-2023,2,cho-don,2023-H1,100,,")), "--user", "xem")
    assert result.code == 1
    assert "bạn không có quyền nhập số liệu của 'Huyện Chợ Đồn'" in result.err


def test_usage_errors_exit_with_2(demo, run, tmp_path):
    assert run("import", str(tmp_path / "khong-co.csv")).code == 2
    assert run("import", str(tmp_path), "--user", "ai-do").code == 2


def test_json_records_import_like_csv_and_name_records(demo, run, write):
    good = write(
        "so-lieu.json",
        '{"observations": [{"resolution": "cho-don-2023", "indicator": "2", "org_unit": "cho-don",'
        ' "period": "2023-H1", "value": 412.5, "estimate": false, "note": ""},'
        ' {"resolution": "cho-don-2023", "indicator": "2", "org_unit": "cho-don",'
        ' "period": "2023-Q1", "value": "4.500"}]}',
    )
    assert run("import", str(good)).code == 0
    assert Observation.objects.get(period="2023-Q1", indicator__name="Trồng rừng").value == 4500
    bad = write(
        "sai.json",
        '[{"resolution": "cho-don-2023", "indicator": "2", "org_unit": '
        '"cho-don", "period": "2023-H2", "value": "4,500"}]',
    )
    result = run("import", str(bad))
    assert result.code == 1
    assert "Bản ghi 1, cột 'value': '4,500' không rõ là 4,5 hay 4.500" in result.err


def test_broken_json_is_refused_with_its_place(demo, run, write):
    result = run("import", str(write("hong.json", '{"observations": [1, 2')))
    assert result.code == 1 and "không phải JSON hợp lệ: dòng 1" in result.err
