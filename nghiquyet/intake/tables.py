"""Open any accepted file as tables: sniff it, decode it, find its header.

Observations come as the long CSV/JSON/.xlsx format or as our filled template; a resolution's
indicator list comes as a table with STT, Chỉ tiêu, ĐVT, Mục tiêu … A file of the other kind
is refused with a message that says which import it belongs to.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

from .csvfmt.reader import DELIMITER_NAMES, read_csv
from .files import Kind, Limits, read_text, sniff
from .jsonfmt.reader import read_json
from .problems import FileRefused, Level, Problem
from .rows import DEFINITIONS, LONG, TEMPLATE, Grid, Table, find_header
from .xlsx.reader import META_SHEET, Workbook, open_workbook


class Purpose(StrEnum):
    OBSERVATIONS = "observations"
    DEFINITIONS = "definitions"


@dataclass
class Opened:
    kind: Kind
    description: str
    tables: list[Table]
    context: dict[str, str] = field(default_factory=dict)  # the template's metadata
    warnings: list[Problem] = field(default_factory=list)

    @property
    def is_template(self) -> bool:
        return bool(self.context)


_WRONG_KIND = {
    Purpose.OBSERVATIONS: (
        "Tệp này là danh sách chỉ tiêu của nghị quyết, không phải số liệu. Hãy dùng chức năng "
        "'Nhập danh sách chỉ tiêu' (nghiquyet import TỆP --resolution MÃ)."
    ),
    Purpose.DEFINITIONS: (
        "Tệp này là số liệu (resolution, indicator, org_unit, period, value), không phải danh "
        "sách chỉ tiêu. Hãy nhập bằng 'Nhập số liệu' (nghiquyet import TỆP)."
    ),
}


def open_tables(path: Path, name: str, purpose: Purpose, limits: Limits | None = None) -> Opened:
    """Everything readable in the file for ``purpose``; raises :class:`FileRefused`."""
    sniffed = sniff(path, name, limits)
    if sniffed.kind is Kind.XLSX:
        opened = _open_workbook(open_workbook(path, name), purpose)
    else:
        text, encoding, warnings = read_text(path, name)
        if sniffed.kind is Kind.JSON:
            if purpose is Purpose.DEFINITIONS:
                raise FileRefused.because(
                    "Danh sách chỉ tiêu nhập từ .xlsx hoặc .csv, không từ JSON.", code="format"
                )
            grid = read_json(text, name)
            opened = Opened(Kind.JSON, f"JSON, {encoding}", [_header(grid, purpose)])
        else:
            grid, delimiter = read_csv(text, name)
            description = f"CSV, {encoding}, phân cách bằng {DELIMITER_NAMES[delimiter]}"
            opened = Opened(Kind.CSV, description, [_header(grid, purpose)])
        opened.warnings.extend(warnings)
    opened.warnings[:0] = list(sniffed.warnings)
    for table in opened.tables:
        opened.warnings.extend(table.grid.notes)
    return opened


def _header(grid: Grid, purpose: Purpose) -> Table:
    table = find_header(grid, [LONG, DEFINITIONS])
    wanted = LONG if purpose is Purpose.OBSERVATIONS else DEFINITIONS
    if table.schema is not wanted:
        raise FileRefused.because(_WRONG_KIND[purpose], code="wrong_kind", sheet=grid.sheet)
    return table


def _open_workbook(book: Workbook, purpose: Purpose) -> Opened:
    if book.is_template:
        if purpose is Purpose.DEFINITIONS:
            raise FileRefused.because(_WRONG_KIND[Purpose.DEFINITIONS], code="wrong_kind")
        sheet = book.meta.get("sheet", "")
        if sheet not in book.sheets:
            raise FileRefused.because(
                f"Biểu mẫu '{book.name}' thiếu trang '{sheet}' — có thể trang đã bị đổi tên "
                "hoặc xóa. Hãy tải biểu mẫu mới.",
                code="template_damaged",
            )
        table = find_header(book.grid(sheet), [TEMPLATE])
        context = {k: book.meta.get(k, "") for k in ("resolution", "org_unit", "period")}
        return Opened(Kind.XLSX, "Biểu mẫu nhập số liệu (.xlsx)", [table], context)
    sheets = [book.meta["sheet"]] if book.meta.get("sheet") in book.sheets else book.sheets
    tables: list[Table] = []
    skipped: list[str] = []
    wrong: FileRefused | None = None
    for sheet in sheets:
        if sheet == META_SHEET:
            continue
        try:
            tables.append(_header(book.grid(sheet), purpose))
        except FileRefused as exc:
            if any(p.code == "wrong_kind" for p in exc.problems):
                wrong = exc
            skipped.append(sheet)
        if tables and purpose is Purpose.DEFINITIONS:
            break
    if not tables:
        if wrong is not None:
            raise wrong
        raise FileRefused.because(
            f"Không trang nào của tệp '{book.name}' có dòng tiêu đề cần thiết. "
            + (
                "Số liệu cần các cột resolution, indicator, org_unit, period, value."
                if purpose is Purpose.OBSERVATIONS
                else "Danh sách chỉ tiêu cần các cột STT, Chỉ tiêu, Mục tiêu."
            ),
            code="no_header",
        )
    opened = Opened(Kind.XLSX, "Bảng tính Excel (.xlsx)", tables)
    opened.warnings.extend(
        Problem(
            f"Trang '{sheet}' không có dòng tiêu đề cần thiết; đã bỏ qua.",
            code="sheet_skipped",
            sheet=sheet,
            level=Level.WARNING,
        )
        for sheet in skipped
        if purpose is Purpose.OBSERVATIONS
    )
    return opened
