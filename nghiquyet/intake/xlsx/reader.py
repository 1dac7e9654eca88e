"""Reading .xlsx files as people fill them.

* Formulas: the value Excel computed and saved with the file is used; a formula saved without
  one (the workbook was made by a program and never opened in Excel) is reported, not guessed.
* Percent-formatted cells hold 0,95 for "95 %": they are read as 95, what the person sees.
* Dates stay dates, so that a value Excel turned into a date ("4.5" → 4 May) can be named.
* Text typed in the old .VnTime (TCVN3) or VNI-Times fonts is converted to Unicode: the font
  name says so for certain.

Only the public openpyxl API is used, in read-only (streaming) mode. Formulas cost a second
pass over the sheet, made only when the sheet has any.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

import openpyxl  # type: ignore[import-untyped]
from openpyxl.cell.read_only import EmptyCell  # type: ignore[import-untyped]
from openpyxl.worksheet._read_only import ReadOnlyWorksheet  # type: ignore[import-untyped]

from ..legacy import LABELS, Legacy, convert
from ..problems import FileRefused, Level, Problem
from ..rows import Cell, Grid, NoCachedValue, SourceRow

META_SHEET = "_nghiquyet"
META_FORMAT = "nghiquyet-template"


class ExcelError(str):
    """A cell showing one of Excel's errors: #DIV/0!, #REF!, #VALUE! …"""

    __slots__ = ()


def _legacy_of_font(name: str | None) -> Legacy | None:
    if not name:
        return None
    lowered = name.lower()
    if lowered.startswith(".vn"):
        return Legacy.TCVN3
    if lowered.startswith("vni"):
        return Legacy.VNI
    return None


@dataclass
class Workbook:
    """An opened workbook: its metadata (for our template) and its visible sheets."""

    path: Path
    name: str
    meta: dict[str, str] = field(default_factory=dict)
    sheets: list[str] = field(default_factory=list)

    @property
    def is_template(self) -> bool:
        return self.meta.get("format") == META_FORMAT

    def grid(self, sheet: str) -> Grid:
        rows, notes = _read_sheet(self.path, self.name, sheet)
        grid = Grid(self.name, sheet, iter(rows), letters=True)
        grid.notes.extend(notes)
        return grid


def open_workbook(path: Path, name: str) -> Workbook:
    book = _load(path, name, data_only=False)
    try:
        meta: dict[str, str] = {}
        if META_SHEET in book.sheetnames:
            for row in book[META_SHEET].iter_rows(values_only=True):
                if row and row[0] is not None:
                    meta[str(row[0])] = "" if len(row) < 2 or row[1] is None else str(row[1])
        sheets = [
            ws.title
            for ws in book.worksheets
            if ws.sheet_state == "visible" and isinstance(ws, ReadOnlyWorksheet)
        ]
    finally:
        book.close()
    if not sheets:
        raise FileRefused.because(f"Tệp '{name}' không có trang tính nào để đọc.", code="no_sheet")
    return Workbook(path, name, meta, sheets)


def _load(path: Path, name: str, *, data_only: bool) -> Any:
    try:
        return openpyxl.load_workbook(path, read_only=True, data_only=data_only, keep_links=False)
    except Exception as exc:  # openpyxl raises many kinds on a damaged file
        raise FileRefused.because(
            f"Tệp '{name}' không mở được như bảng tính Excel ({type(exc).__name__}). Hãy mở "
            "bằng Excel và lưu lại dạng .xlsx.",
            code="bad_xlsx",
        ) from exc


def _read_sheet(path: Path, name: str, sheet: str) -> tuple[list[SourceRow], list[Problem]]:
    notes: list[Problem] = []
    converted: set[Legacy] = set()
    formulas: dict[tuple[int, int], str] = {}
    rows: list[SourceRow] = []
    book = _load(path, name, data_only=False)
    try:
        ws = book[sheet]
        ws.reset_dimensions()  # some programs write a wrong <dimension>; read what is there
        for number, cells in enumerate(ws.iter_rows(), start=1):
            values: list[Cell] = []
            for index, cell in enumerate(cells):
                value = _value(cell, converted)
                if cell.data_type == "f":
                    formulas[(number, index)] = str(cell.value)
                values.append(value)
            while values and values[-1] is None:
                values.pop()
            rows.append(SourceRow(number, tuple(values)))
    finally:
        book.close()
    if formulas:
        _fill_cached_values(path, name, sheet, rows, formulas)
    for legacy in sorted(converted):
        notes.append(
            Problem(
                f"Trang '{sheet}' có chữ gõ bằng phông {LABELS[legacy]}; đã chuyển sang Unicode. "
                "Hãy xem lại tên trong bản xem trước.",
                code="legacy_font",
                sheet=sheet,
                level=Level.WARNING,
            )
        )
    return rows, notes


def _value(cell: Any, converted: set[Legacy]) -> Cell:
    if isinstance(cell, EmptyCell) or cell.value is None:
        return None
    value = cell.value
    kind = cell.data_type
    if kind == "f":
        return NoCachedValue(str(value))
    if kind == "e":
        return ExcelError(str(value))
    if kind == "n" and isinstance(value, int | float) and not isinstance(value, bool):
        return _number(value, cell.number_format)
    if isinstance(value, str) and not value.isascii():
        legacy = _legacy_of_font(cell.font.name if cell.font is not None else None)
        if legacy is not None:
            converted.add(legacy)
            return convert(value, legacy)
    return value  # type: ignore[no-any-return]


def _number(value: int | float, number_format: str | None) -> Cell:
    if number_format and "%" in number_format:
        # Excel keeps 0,95 for "95 %"; the person typed and sees 95.
        number = Decimal(repr(value)) * 100
        return number.quantize(Decimal("0.000001")).normalize() if number % 1 else number
    return value


def _fill_cached_values(
    path: Path,
    name: str,
    sheet: str,
    rows: list[SourceRow],
    formulas: dict[tuple[int, int], str],
) -> None:
    """Replace formula cells by the values Excel saved with the file, where it saved one."""
    book = _load(path, name, data_only=True)
    by_number = {row.number: position for position, row in enumerate(rows)}
    by_row: dict[int, list[int]] = {}
    for row_number, index in formulas:
        by_row.setdefault(row_number, []).append(index)
    try:
        ws = book[sheet]
        ws.reset_dimensions()
        for number, cells in enumerate(_rows_with_formulas(ws, formulas), start=1):
            wanted = by_row.get(number)
            if not wanted:
                continue
            position = by_number[number]
            values = list(rows[position].cells)
            for index in wanted:
                cell = cells[index] if index < len(cells) else None
                if cell is None or isinstance(cell, EmptyCell) or cell.value is None:
                    values[index] = NoCachedValue(formulas[(number, index)])
                elif cell.data_type == "e":
                    values[index] = ExcelError(str(cell.value))
                elif isinstance(cell.value, int | float) and not isinstance(cell.value, bool):
                    values[index] = _number(cell.value, cell.number_format)
                else:
                    values[index] = cell.value
            rows[position] = SourceRow(number, tuple(values))
    finally:
        book.close()


def _rows_with_formulas(ws: Any, formulas: dict[tuple[int, int], str]) -> Iterator[Any]:
    last = max(row for row, _ in formulas)
    for number, cells in enumerate(ws.iter_rows(), start=1):
        if number > last:
            return
        yield cells
