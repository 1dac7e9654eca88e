"""Files that are not what their names say are refused before anything reads them."""

import io
import zipfile

import pytest
from openpyxl import Workbook

from nghiquyet.intake.files import Kind, Limits, sniff
from nghiquyet.intake.problems import FileRefused


def refused(path, **kwargs):
    with pytest.raises(FileRefused) as caught:
        sniff(path, **kwargs)
    return caught.value.problems[0]


def test_an_xlsx_that_is_really_a_web_page_is_refused_with_what_to_do(write):
    path = write(
        "bao-cao.xlsx",
        "<html><head><meta charset='utf-8'></head><body><table><tr><td>Trồng rừng</td>"
        "<td>603,8</td></tr></table></body></html>",
    )
    problem = refused(path)
    assert problem.code == "html"
    assert "thực ra là một trang web (HTML), dù tên có đuôi '.xlsx'" in problem.message
    assert "Lưu thành" in problem.message


def test_an_old_xls_is_refused_with_save_as_advice(write):
    problem = refused(write("cu.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600))
    assert problem.code == "legacy_xls" and "Excel 97–2003 (.xls)" in problem.message


def test_a_pdf_a_word_file_and_an_xml_spreadsheet_are_named_for_what_they_are(write, tmp_path):
    assert refused(write("a.xlsx", b"%PDF-1.7 ...")).code == "not_a_table"
    docx = tmp_path / "b.xlsx"
    with zipfile.ZipFile(docx, "w") as archive:
        archive.writestr("word/document.xml", "<w:document/>")
    assert "văn bản Word (.docx)" in refused(docx).message
    xml = write(
        "c.xls",
        '<?xml version="1.0"?><Workbook xmlns="urn:schemas-microsoft-com:'
        'office:spreadsheet"></Workbook>',
    )
    assert refused(xml).code == "xml_spreadsheet"


def test_a_zip_bomb_is_refused_without_unpacking_it(tmp_path):
    path = tmp_path / "bom.xlsx"
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.xml", "<workbook/>")
        with archive.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as entry:
            chunk = b"\0" * (1024 * 1024)
            for _ in range(300):  # 300 MB of zeros, about 300 KB packed
                entry.write(chunk)
    assert path.stat().st_size < 2 * 1024 * 1024
    problem = refused(path)
    assert problem.code == "zip_bomb" and "bom zip" in problem.message


def test_a_sheet_with_an_unusual_ratio_is_a_bomb_even_under_the_total(tmp_path):
    path = tmp_path / "ti-le.xlsx"
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/workbook.xml", "<workbook/>")
        archive.writestr("xl/worksheets/sheet1.xml", b"\0" * (20 * 1024 * 1024))
    assert refused(path, limits=Limits(max_unzipped=10**12)).code == "zip_bomb"


def test_xml_entity_declarations_inside_a_workbook_are_refused(tmp_path):
    book = Workbook()
    buffer = io.BytesIO()
    book.save(buffer)
    source = zipfile.ZipFile(io.BytesIO(buffer.getvalue()))
    path = tmp_path / "thuc-the.xlsx"
    with zipfile.ZipFile(path, "w") as archive:
        for item in source.infolist():
            data = source.read(item)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = data.replace(
                    b"<worksheet", b'<!DOCTYPE x [<!ENTITY a "aaaa">]><worksheet', 1
                )
            archive.writestr(item, data)
    assert refused(path).code == "xml_entities"


def test_a_damaged_zip_is_refused(write):
    assert refused(write("hong.xlsx", b"PK\x03\x04" + b"\x01" * 100)).code == "bad_zip"


def test_a_csv_named_xlsx_is_read_as_csv_with_a_warning(write):
    sniffed = sniff(write("so-lieu.xlsx", "resolution,indicator,org_unit,period,value\n"))
    assert sniffed.kind is Kind.CSV
    assert "có đuôi '.xlsx' nhưng nội dung là văn bản CSV" in sniffed.warnings[0].message


def test_binary_junk_is_refused(write):
    assert refused(write("x.csv", b"abc\x00\x01\x02def" * 10)).code == "binary"


def test_a_real_workbook_passes(tmp_path):
    path = tmp_path / "that.xlsx"
    Workbook().save(path)
    assert sniff(path).kind is Kind.XLSX


def test_the_xlsx_html_refusal_reaches_the_command_as_exit_1(demo, run, write):
    result = run("import", str(write("bao-cao.xlsx", "<!DOCTYPE html><html><table></table>")))
    assert result.code == 1 and "trang web (HTML)" in result.err
