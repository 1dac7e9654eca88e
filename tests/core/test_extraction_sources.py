"""Reading the bytes of .txt, .html and .docx files safely (core.extraction.sources)."""

from __future__ import annotations

import codecs
import io
import unicodedata
import zipfile

import pytest

from nghiquyet.core.extraction import SourceError, extract, read_source, sources

SENTENCE = "Trồng rừng được 603,8ha/600ha, đạt 100,6% kế hoạch."


def windows_1258(text: str) -> bytes:
    """Encode as Windows-1258 does: vowel letters precomposed, the tone as a combining mark."""
    tones = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}
    out = []
    for char in text:
        parts = unicodedata.normalize("NFD", char)
        body = unicodedata.normalize("NFC", "".join(c for c in parts if c not in tones))
        out.append(body + "".join(c for c in parts if c in tones))
    return "".join(out).encode("cp1258")


def docx(body_xml: str) -> bytes:
    """A minimal Word archive whose document body is ``body_xml``."""
    ns = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    document = (
        f'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{ns}">'
        f"<w:body>{body_xml}</w:body></w:document>"
    )
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", document)
    return buffer.getvalue()


def paragraph(*runs: str) -> str:
    return (
        "<w:p>"
        + "".join(f"<w:r><w:t xml:space='preserve'>{r}</w:t></w:r>" for r in runs)
        + "</w:p>"
    )


def test_it_reads_utf8_text_with_or_without_a_bom():
    assert read_source(SENTENCE.encode(), "a.txt") == SENTENCE
    assert read_source(codecs.BOM_UTF8 + SENTENCE.encode(), "a.txt") == SENTENCE


def test_it_reads_utf16_with_a_bom():
    assert read_source(SENTENCE.encode("utf-16"), "a.txt") == SENTENCE


def test_it_reads_windows_1258_vietnamese():
    text = read_source(windows_1258(SENTENCE), "a.txt")
    assert text == SENTENCE
    assert str(extract(text)[0].value) == "603.8"


@pytest.mark.parametrize(
    ("legacy", "name"),
    [
        (
            "Tr\xb6ng r\xacng \xae\xb8t 100,6% k\xd5 ho\xb9ch. "
            "Vi\xd6t Nam \xae\xb8t \xae\xb8t \xae\xb8t.",
            "TCVN3",
        ),
        ("Troàng röøng ñöôïc 603,8ha, ñaït 100,6% keá hoaïch. Vieät Nam ñaït ñaït.", "VNI"),
    ],
)
def test_it_refuses_legacy_font_encodings_with_advice(legacy, name):
    for data in (legacy.encode("latin-1"), legacy.encode("utf-8")):
        with pytest.raises(SourceError) as caught:
            read_source(data, "a.txt")
        assert caught.value.code == "legacy_encoding"
        assert name in caught.value.message and "Unicode" in caught.value.message


def test_it_refuses_binary_junk():
    with pytest.raises(SourceError) as caught:
        read_source(bytes(range(256)) * 40, "a.txt")
    assert caught.value.code == "binary"


def test_it_refuses_undecodable_bytes_that_are_not_vietnamese():
    with pytest.raises(SourceError) as caught:
        read_source(b"abc \x81\x8d\x8f\x90\x9d def " * 10, "a.txt")
    assert caught.value.code in {"unknown_encoding", "legacy_encoding"}


def test_it_refuses_an_empty_file():
    with pytest.raises(SourceError) as caught:
        read_source(b"  \n ", "a.txt")
    assert caught.value.code == "empty"


def test_it_refuses_a_file_that_is_too_large(monkeypatch):
    monkeypatch.setattr(sources, "MAX_TEXT_BYTES", 1000)
    with pytest.raises(SourceError) as caught:
        read_source(b"a" * 1001, "a.txt")
    assert caught.value.code == "too_large" and "MB" in caught.value.message


def test_it_reads_the_paragraphs_of_a_docx():
    data = docx(paragraph("Trồng rừng được ", "603,8ha/600ha") + paragraph("đạt 100,6% kế hoạch."))
    assert (
        read_source(data, "bao-cao.docx") == "Trồng rừng được 603,8ha/600ha\nđạt 100,6% kế hoạch."
    )


def test_it_refuses_a_docx_that_is_not_one():
    for data in (b"This is plain text, not a zip", b"PK\x03\x04garbage"):
        with pytest.raises(SourceError) as caught:
            read_source(data, "bao-cao.docx")
        assert caught.value.code == "not_docx"


def test_it_refuses_a_zip_without_a_word_document():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("hello.txt", "hello")
    with pytest.raises(SourceError) as caught:
        read_source(buffer.getvalue(), "bao-cao.docx")
    assert caught.value.code == "not_docx"


def test_it_refuses_a_zip_bomb(monkeypatch):
    monkeypatch.setattr(sources, "MAX_DOCX_UNPACKED", 10_000)
    data = docx(paragraph(" " * 50_000))
    assert len(data) < 5_000
    with pytest.raises(SourceError) as caught:
        read_source(data, "bao-cao.docx")
    assert caught.value.code == "too_large"


def test_it_refuses_xml_entities_in_a_docx():
    ns = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    xml = f'<!DOCTYPE d [<!ENTITY a "aaaa">]><w:document xmlns:w="{ns}"><w:body/></w:document>'
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("word/document.xml", xml)
    with pytest.raises(SourceError):
        read_source(buffer.getvalue(), "bao-cao.docx")


def test_it_reads_the_text_of_html_without_scripts_or_styles():
    html = (
        "<html><head><title>Báo cáo</title><style>p{}</style><script>var x = 5;</script></head>"
        "<body><p>Trồng rừng được 603,8ha/600ha,&nbsp;đạt 100,6% kế hoạch.</p><div>Hết</div>"
        "</body></html>"
    )
    text = read_source(html.encode(), "tin.html")
    assert "var x" not in text and "p{}" not in text
    assert "Trồng rừng được 603,8ha/600ha, đạt 100,6% kế hoạch." in text.replace("\xa0", " ")


def test_it_follows_the_charset_an_html_page_declares():
    html = f'<html><head><meta charset="windows-1258"></head><body>{SENTENCE}</body></html>'
    assert SENTENCE in read_source(windows_1258(html), "tin.html")


@pytest.mark.parametrize(
    ("name", "data", "kind"),
    [
        ("a.docx", b"", "docx"),
        ("a.HTM", b"", "html"),
        ("", b"PK\x03\x04...", "docx"),
        ("", b"<!DOCTYPE html><html>", "html"),
        ("", "Trồng rừng".encode(), "txt"),
    ],
)
def test_it_tells_the_kind_of_a_file(name, data, kind):
    assert sources.sniff_kind(name, data) == kind
