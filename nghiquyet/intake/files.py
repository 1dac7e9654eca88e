"""What a file really is, before anything reads it.

A name says little: government systems export "bao-cao.xls" that is a web page, a CSV may be
called .xlsx, a zip can unpack to gigabytes. :func:`sniff` looks at the bytes and either names
the format (xlsx, CSV, JSON) or refuses with a reason a clerk can act on. :func:`read_text`
decodes a text file in whatever encoding Vietnamese offices use (see :mod:`.legacy`).

Limits come from Django settings or the environment:
``NGHIQUYET_IMPORT_MAX_MB`` (default 20) — the largest file accepted;
``NGHIQUYET_IMPORT_MAX_UNZIPPED_MB`` (default 200) — the most an .xlsx may unpack to.
"""

from __future__ import annotations

import os
import zipfile
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from django.conf import settings

from nghiquyet.core.numbers import format_number

from .legacy import LABELS, Decoded, EncodingUnknown, Legacy, decode_bytes
from .problems import FileRefused, Level, Problem

MB = 1024 * 1024


class Kind(StrEnum):
    XLSX = "xlsx"
    CSV = "csv"
    JSON = "json"


LABEL = {Kind.XLSX: "bảng tính Excel (.xlsx)", Kind.CSV: "văn bản CSV", Kind.JSON: "JSON"}
EXTENSIONS = {
    Kind.XLSX: {".xlsx", ".xlsm"},
    Kind.CSV: {".csv", ".txt", ".tsv"},
    Kind.JSON: {".json"},
}


def _env_mb(name: str, default: int) -> int:
    raw = os.environ.get(name)
    if raw is None or not raw.strip():
        return default * MB
    try:
        value = int(raw)
    except ValueError as exc:
        raise ValueError(f"{name}={raw!r}: expected a whole number of megabytes") from exc
    if value <= 0:
        raise ValueError(f"{name}={raw!r}: expected a positive number of megabytes")
    return value * MB


@dataclass(frozen=True)
class Limits:
    max_bytes: int = 20 * MB
    max_unzipped: int = 200 * MB
    max_ratio: int = 200  # an .xlsx sheet compresses 5–20 times; a bomb, thousands
    max_entries: int = 5000

    @classmethod
    def current(cls) -> Limits:
        """From settings (``NGHIQUYET_IMPORT_LIMITS``, for tests) or the environment."""
        configured = getattr(settings, "NGHIQUYET_IMPORT_LIMITS", None)
        if isinstance(configured, Limits):
            return configured
        return cls(
            max_bytes=_env_mb("NGHIQUYET_IMPORT_MAX_MB", 20),
            max_unzipped=_env_mb("NGHIQUYET_IMPORT_MAX_UNZIPPED_MB", 200),
        )


@dataclass(frozen=True)
class Sniffed:
    kind: Kind
    name: str
    size: int
    warnings: tuple[Problem, ...] = ()


def megabytes(size: int) -> str:
    return f"{format_number(size / MB, 1)} MB"


_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_BINARY_MAGIC = {
    b"%PDF": "tài liệu PDF",
    b"\x89PNG": "ảnh PNG",
    b"\xff\xd8\xff": "ảnh JPEG",
    b"GIF8": "ảnh GIF",
    b"Rar!": "tệp nén RAR",
    b"7z\xbc\xaf": "tệp nén 7z",
}
_SAVE_AS = "Hãy mở tệp bằng Excel rồi chọn 'Lưu thành' (Save As) dạng Excel Workbook (.xlsx)"


def sniff(path: Path, name: str | None = None, limits: Limits | None = None) -> Sniffed:
    """Name the format of the file at ``path`` from its bytes, or raise :class:`FileRefused`.

    ``name`` is the name the person gave the file (an upload's), used for messages and to
    warn when the name and the content disagree.
    """
    limits = limits or Limits.current()
    name = name or path.name
    size = path.stat().st_size
    if size == 0:
        raise FileRefused.because(f"Tệp '{name}' rỗng (0 byte).", code="empty_file")
    if size > limits.max_bytes:
        raise FileRefused.because(
            f"Tệp '{name}' nặng {megabytes(size)}, vượt giới hạn {megabytes(limits.max_bytes)}. "
            "Hãy chia thành nhiều tệp nhỏ hơn (ví dụ mỗi đơn vị hoặc mỗi kỳ một tệp), hoặc nhờ "
            "quản trị tăng NGHIQUYET_IMPORT_MAX_MB.",
            code="too_large",
        )
    with path.open("rb") as handle:
        head = handle.read(4096)
    kind = _kind_of(path, name, head, limits)
    warnings: list[Problem] = []
    suffix = Path(name).suffix.lower()
    if suffix and suffix not in EXTENSIONS[kind]:
        warnings.append(
            Problem(
                f"Tệp '{name}' có đuôi '{suffix}' nhưng nội dung là {LABEL[kind]}; "
                f"đã đọc như {LABEL[kind]}.",
                code="name_mismatch",
                level=Level.WARNING,
            )
        )
    return Sniffed(kind, name, size, tuple(warnings))


def _kind_of(path: Path, name: str, head: bytes, limits: Limits) -> Kind:
    if head.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        check_zip(path, name, limits)
        return Kind.XLSX
    if head.startswith(_OLE):
        raise FileRefused.because(
            f"Tệp '{name}' là bảng tính Excel 97–2003 (.xls) hoặc tệp Excel có đặt mật khẩu, "
            f"chưa đọc được. {_SAVE_AS}, bỏ mật khẩu nếu có.",
            code="legacy_xls",
        )
    for magic, what in _BINARY_MAGIC.items():
        if head.startswith(magic):
            raise FileRefused.because(
                f"Tệp '{name}' là {what}, không phải bảng số liệu.", code="not_a_table"
            )
    text = head.lstrip(b"\xef\xbb\xbf\xff\xfe\xfe\xff").lstrip().lower()
    text = text.replace(b"\x00", b"")  # UTF-16 shows its ASCII as ASCII plus NUL bytes
    if text.startswith(b"<"):
        _refuse_markup(name, text)
    if b"\x00" in head and not head.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise FileRefused.because(
            f"Tệp '{name}' là tệp nhị phân, không phải văn bản CSV hay bảng tính .xlsx.",
            code="binary",
        )
    if text.startswith((b"{", b"[")):
        return Kind.JSON
    return Kind.CSV


def _refuse_markup(name: str, text: bytes) -> None:
    if b"urn:schemas-microsoft-com:office:spreadsheet" in text or b"<workbook" in text:
        raise FileRefused.because(
            f"Tệp '{name}' là bảng tính dạng XML 2003, chưa đọc được. {_SAVE_AS}.",
            code="xml_spreadsheet",
        )
    if any(tag in text for tag in (b"<html", b"<!doctype html", b"<table", b"<head", b"<body")):
        raise FileRefused.because(
            f"Tệp '{name}' thực ra là một trang web (HTML), dù tên có đuôi "
            f"'{Path(name).suffix or '(không có)'}' — nhiều phần mềm cũ xuất 'Excel' như vậy. "
            f"{_SAVE_AS} hoặc CSV UTF-8, rồi tải lên lại.",
            code="html",
        )
    raise FileRefused.because(
        f"Tệp '{name}' là văn bản XML/HTML, không phải bảng số liệu.", code="markup"
    )


def check_zip(path: Path, name: str, limits: Limits) -> None:
    """Refuse a zip that is not an .xlsx, is encrypted, or unpacks to far more than it weighs."""
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError) as exc:
        raise FileRefused.because(
            f"Tệp '{name}' là tệp nén bị hỏng, không mở được.", code="bad_zip"
        ) from exc
    with archive:
        entries = archive.infolist()
        names = {entry.filename for entry in entries}
        if "xl/workbook.xml" not in names:
            raise FileRefused.because(_zip_kind(archive, name, names), code="not_xlsx")
        if len(entries) > limits.max_entries:
            raise FileRefused.because(
                f"Tệp '{name}' chứa {len(entries)} tệp con — bất thường với một bảng tính.",
                code="zip_bomb",
            )
        unpacked = sum(entry.file_size for entry in entries)
        packed = sum(entry.compress_size for entry in entries) or 1
        bomb = unpacked > limits.max_unzipped or any(
            entry.file_size > MB
            and entry.file_size > limits.max_ratio * max(entry.compress_size, 1)
            for entry in entries
        )
        if bomb:
            raise FileRefused.because(
                f"Tệp '{name}' nặng {megabytes(packed)} nhưng giải nén ra tới "
                f"{megabytes(unpacked)} (gấp {unpacked // packed:,} lần) — dấu hiệu của 'bom "
                "zip', không đọc. Nếu đây là bảng tính thật, hãy chia nhỏ.".replace(",", "."),
                code="zip_bomb",
            )
        if any(entry.flag_bits & 0x1 for entry in entries):
            raise FileRefused.because(
                f"Tệp '{name}' có phần được mã hóa (mật khẩu); hãy bỏ mật khẩu rồi lưu lại.",
                code="encrypted",
            )
        for entry in entries:
            if entry.filename.endswith((".xml", ".rels", ".vml")) and _declares_entities(
                archive, entry
            ):
                raise FileRefused.because(
                    f"Tệp '{name}' có khai báo DOCTYPE/ENTITY trong '{entry.filename}' — bảng "
                    "tính Excel thật không có; không đọc để tránh mã độc.",
                    code="xml_entities",
                )


def _zip_kind(archive: zipfile.ZipFile, name: str, names: set[str]) -> str:
    if "word/document.xml" in names:
        return f"Tệp '{name}' là văn bản Word (.docx), không phải bảng tính."
    if "mimetype" in names:
        mimetype = archive.read("mimetype")[:100]
        if b"spreadsheet" in mimetype:
            return (
                f"Tệp '{name}' là bảng tính LibreOffice (.ods). Hãy lưu lại dạng Excel (.xlsx) "
                "hoặc CSV UTF-8."
            )
    return f"Tệp '{name}' là tệp nén zip, không phải bảng tính Excel (.xlsx)."


def _declares_entities(archive: zipfile.ZipFile, entry: zipfile.ZipInfo) -> bool:
    tail = b""
    with archive.open(entry) as stream:
        while chunk := stream.read(MB):
            window = tail + chunk
            if b"<!DOCTYPE" in window or b"<!ENTITY" in window:
                return True
            tail = chunk[-16:]
    return False


def read_text(path: Path, name: str) -> tuple[str, str, list[Problem]]:
    """The text of a CSV or JSON file, its encoding, and warnings about it."""
    try:
        decoded: Decoded = decode_bytes(path.read_bytes())
    except EncodingUnknown as exc:
        raise FileRefused.because(f"Tệp '{name}': {exc.reason}", code="encoding") from exc
    warnings = []
    if decoded.encoding in (Legacy.TCVN3.value, Legacy.VNI.value, Legacy.CP1258.value):
        label = LABELS[Legacy(decoded.encoding)]
        warnings.append(
            Problem(
                f"Tệp '{name}' dùng bảng mã {label}; đã chuyển sang Unicode. Hãy xem lại tên "
                "chỉ tiêu, đơn vị trong bản xem trước.",
                code="legacy_encoding",
                level=Level.WARNING,
            )
        )
    return decoded.text, decoded.encoding, warnings
