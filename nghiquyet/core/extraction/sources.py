"""Turn the bytes of a .txt, .html or .docx file into text, or say plainly why not.

Guards, each with a Vietnamese message in :class:`SourceError` (``code`` is stable):

* size — more than :data:`MAX_TEXT_BYTES` of text is refused (``too_large``);
* .docx — read with :mod:`zipfile` and :mod:`xml.etree`; a file that is not a Word archive
  is refused (``not_docx``), and so is one whose parts unpack to more than
  :data:`MAX_DOCX_UNPACKED` (a zip bomb) or that declares XML entities;
* encoding — UTF-8 (with or without BOM) and UTF-16 with BOM are read; Windows-1258 is read
  when it decodes to Vietnamese; text typed in the legacy font encodings TCVN3 (ABC) or VNI
  is refused with the advice to convert it to Unicode (``legacy_encoding``);
* binary junk — refused (``binary``); an empty file too (``empty``).
"""

from __future__ import annotations

import codecs
import io
import re
import unicodedata
import zipfile
from html.parser import HTMLParser
from xml.etree import ElementTree

from nghiquyet.core.numbers import format_number

__all__ = ["MAX_DOCX_BYTES", "MAX_TEXT_BYTES", "SourceError", "read_source", "sniff_kind"]

MAX_TEXT_BYTES = 10 * 1024 * 1024
MAX_DOCX_BYTES = 50 * 1024 * 1024
MAX_DOCX_UNPACKED = 64 * 1024 * 1024
_MB = 1024 * 1024


class SourceError(ValueError):
    """A file that cannot be read as text. ``message`` is for the person, in Vietnamese."""

    def __init__(self, code: str, message: str) -> None:
        self.code = code
        self.message = message
        super().__init__(message)


def sniff_kind(name: str, data: bytes) -> str:
    """ "docx", "html" or "txt", from the file name, else from the first bytes."""
    lowered = name.lower()
    for kind, suffixes in (("docx", (".docx",)), ("html", (".html", ".htm", ".xhtml"))):
        if lowered.endswith(suffixes):
            return kind
    if lowered.endswith((".txt", ".text", ".md")):
        return "txt"
    if data.startswith(b"PK\x03\x04"):
        return "docx"
    head = data[:1024].lstrip().lower()
    if head.startswith((b"<!doctype html", b"<html")) or b"<body" in head:
        return "html"
    return "txt"


def read_source(data: bytes, name: str = "", kind: str | None = None) -> str:
    """The text of a file's bytes.

    >>> read_source("Trồng rừng được 603,8ha".encode(), "a.txt")
    'Trồng rừng được 603,8ha'
    """
    kind = kind or sniff_kind(name, data)
    limit = MAX_DOCX_BYTES if kind == "docx" else MAX_TEXT_BYTES
    if len(data) > limit:
        raise SourceError(
            "too_large",
            f"Tệp quá lớn ({format_number(len(data) / _MB, 1)} MB); "
            f"chỉ đọc tệp đến {limit // _MB} MB.",
        )
    if not data.strip():
        raise SourceError("empty", "Tệp trống: không có nội dung để đọc.")
    if kind == "docx":
        return _docx_text(data)
    if kind == "html":
        return _html_text(_decode(data, _declared_charset(data)))
    return _decode(data, None)


# --- encodings ------------------------------------------------------------------------------

_VI_LETTERS = re.compile(
    "[ăâđêôơưĂÂĐÊÔƠƯàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ]"
)
# Bytes of TCVN3 and VNI shown as Latin-1: symbols and letters Vietnamese never uses.
_TCVN3_MARKS = re.compile("[®¸µ¶·¹¨©ª«¬\xad¯°±²³´½¾¿ÇÆ×Þ]")
_VNI_MARKS = re.compile("[äñöøëïåûüÖÑØÄË]")


def _decode(data: bytes, declared: str | None) -> str:
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _checked(_strict(data, "utf-16"))
    _refuse_binary(data)
    for encoding in (declared, "utf-8"):
        if encoding:
            try:
                return _checked(data.decode(encoding))
            except (UnicodeDecodeError, LookupError):
                continue
    try:
        text = unicodedata.normalize("NFC", data.decode("cp1258"))
    except UnicodeDecodeError:
        text = data.decode("latin-1")
    _refuse_legacy(text)
    if len(_VI_LETTERS.findall(text)) < max(3, len(text) // 200):
        raise SourceError(
            "unknown_encoding",
            "Không nhận ra bảng mã của tệp. Hãy lưu lại tệp dưới dạng Unicode (UTF-8).",
        )
    return text


def _strict(data: bytes, encoding: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise SourceError(
            "unknown_encoding", "Tệp có byte không đọc được; hãy lưu lại dưới dạng UTF-8."
        ) from exc


def _checked(text: str) -> str:
    text = unicodedata.normalize("NFC", text)
    _refuse_legacy(text)
    return text


def _refuse_binary(data: bytes) -> None:
    sample = data[: 64 * 1024]
    controls = sum(1 for byte in sample if byte < 9 or (13 < byte < 32 and byte != 27))
    if controls > max(4, len(sample) // 100):
        raise SourceError(
            "binary",
            "Tệp không phải văn bản (có vẻ là tệp nhị phân); hãy dùng .txt, .html hoặc .docx.",
        )


def _refuse_legacy(text: str) -> None:
    sample = text[:200_000]
    vietnamese = len(_VI_LETTERS.findall(sample))
    tcvn3, vni = len(_TCVN3_MARKS.findall(sample)), len(_VNI_MARKS.findall(sample))
    if max(tcvn3, vni) >= 8 and max(tcvn3, vni) > vietnamese / 2:
        name = "TCVN3 (ABC, phông .Vn…)" if tcvn3 >= vni else "VNI (phông VNI-…)"
        raise SourceError(
            "legacy_encoding",
            f"Văn bản dùng bảng mã cũ {name}, không phải Unicode. Hãy chuyển sang Unicode "
            "(ví dụ bằng Unikey: Công cụ chuyển mã) rồi thử lại.",
        )


def _declared_charset(data: bytes) -> str | None:
    match = re.search(rb"<meta[^>]+charset=[\"']?([A-Za-z0-9_-]+)", data[:4096], re.IGNORECASE)
    if not match:
        return None
    name = match.group(1).decode("ascii").lower()
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


# --- HTML -----------------------------------------------------------------------------------

_SKIPPED = {"script", "style", "noscript", "template", "svg", "iframe", "object"}
_BLOCKS = {
    "p",
    "div",
    "br",
    "li",
    "tr",
    "td",
    "th",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "section",
    "article",
    "table",
    "header",
    "footer",
    "blockquote",
    "ul",
    "ol",
    "dd",
    "dt",
    "figure",
    "figcaption",
    "title",
    "main",
    "aside",
    "nav",
    "hr",
    "pre",
    "caption",
}


class _TextOfHTML(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.pieces: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIPPED:
            self.skipping += 1
        elif tag in _BLOCKS:
            self.pieces.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIPPED:
            self.skipping = max(self.skipping - 1, 0)
        elif tag in _BLOCKS:
            self.pieces.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.pieces.append(data)


def _html_text(markup: str) -> str:
    parser = _TextOfHTML()
    parser.feed(markup)
    parser.close()
    return _tidy("".join(parser.pieces))


def _tidy(text: str) -> str:
    lines = (re.sub(r"[ \t\u00a0]+", " ", line).strip() for line in text.split("\n"))
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


# --- DOCX -----------------------------------------------------------------------------------

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_NOT_DOCX = "Tệp không phải là tệp Word .docx hợp lệ (có thể là .doc cũ hoặc tệp hỏng)."


def _docx_text(data: bytes) -> str:
    xml = _docx_part(data, "word/document.xml")
    if b"<!DOCTYPE" in xml or b"<!ENTITY" in xml:
        raise SourceError("not_docx", _NOT_DOCX)
    try:
        # Safe here: documents that declare a DTD or entities were refused just above.
        root = ElementTree.fromstring(xml)  # noqa: S314
    except ElementTree.ParseError as exc:
        raise SourceError("not_docx", _NOT_DOCX) from exc
    paragraphs = []
    for paragraph in root.iter(f"{_W}p"):
        pieces = []
        for node in paragraph.iter():
            if node.tag == f"{_W}t" and node.text:
                pieces.append(node.text)
            elif node.tag == f"{_W}tab":
                pieces.append(" ")
            elif node.tag in (f"{_W}br", f"{_W}cr"):
                pieces.append("\n")
        paragraphs.append("".join(pieces))
    return _tidy("\n".join(paragraphs))


def _docx_part(data: bytes, name: str) -> bytes:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        info = archive.getinfo(name)
        unpacked = sum(item.file_size for item in archive.infolist())
        if unpacked > MAX_DOCX_UNPACKED * 4 or info.file_size > MAX_DOCX_UNPACKED:
            raise SourceError(
                "too_large", "Tệp .docx giải nén ra quá lớn (nghi là tệp nén độc hại); không đọc."
            )
        with archive.open(info) as stream:
            xml = stream.read(MAX_DOCX_UNPACKED + 1)
    except (
        zipfile.BadZipFile,
        KeyError,
        RuntimeError,
        NotImplementedError,
        EOFError,
        OSError,
    ) as exc:
        raise SourceError("not_docx", _NOT_DOCX) from exc
    if len(xml) > MAX_DOCX_UNPACKED:
        raise SourceError(
            "too_large", "Tệp .docx giải nén ra quá lớn (nghi là tệp nén độc hại); không đọc."
        )
    return xml
