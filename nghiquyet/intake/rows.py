"""Rows as a file holds them: a header found among the first rows, cells by column.

Every reader (CSV, .xlsx, JSON) yields a :class:`Grid` — numbered rows of raw cells — and
:func:`find_header` matches a row of it against a :class:`Schema`: which column is which,
what is missing (an error), what is unknown (a warning, then ignored). Headers are matched
tone- and case-insensitively, in English or Vietnamese ("value" or "Giá trị").
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, time
from decimal import Decimal
from typing import NamedTuple

from nghiquyet.core.numbers import format_number
from nghiquyet.core.text import fold

from .problems import FileRefused, Level, Problem


class NoCachedValue:
    """A formula cell whose workbook was saved without computing it (no cached value)."""

    def __init__(self, formula: str) -> None:
        self.formula = formula

    def __str__(self) -> str:
        return self.formula


Cell = str | int | float | Decimal | bool | datetime | date | time | NoCachedValue | None


def as_text(value: Cell) -> str:
    """A cell as a person would see it typed: 4500 → "4.500", a date → "04/05/2023"."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, int | float | Decimal):
        return format_number(Decimal(repr(value)) if isinstance(value, float) else value)
    if isinstance(value, datetime):
        return f"{value:%d/%m/%Y %H:%M}" if value.time() != time() else f"{value:%d/%m/%Y}"
    if isinstance(value, date):
        return f"{value:%d/%m/%Y}"
    return str(value)


def is_blank(value: Cell) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


class SourceRow(NamedTuple):
    """A row as the file holds it (a tuple: a file's 100.000 rows are made cheaply)."""

    number: int  # as Excel shows it
    cells: tuple[Cell, ...]


@dataclass
class Grid:
    """The rows of one sheet (or of a CSV/JSON file), lazily."""

    name: str  # file name
    sheet: str  # "" for CSV and JSON
    rows: Iterator[SourceRow]
    letters: bool = False  # columns have Excel letters (A, B, …)
    notes: list[Problem] = field(default_factory=list)


@dataclass(frozen=True)
class ColumnSpec:
    key: str
    label: str  # how our messages name it when it is missing
    aliases: tuple[str, ...]
    required: bool = False


@dataclass(frozen=True)
class Schema:
    name: str
    columns: tuple[ColumnSpec, ...]
    # Keys whose presence says "this is the header row of this kind of table".
    signature: tuple[str, ...]

    def spec(self, key: str) -> ColumnSpec:
        return next(c for c in self.columns if c.key == key)


def normalize_header(text: str) -> str:
    """ "Giá trị (*)" → "gia tri"; "TH/ƯTH" → "th/uth"."""
    text = re.sub(r"\(.*?\)|\*", " ", text)
    return re.sub(r"\s+", " ", fold(text)).strip(" :.")


def column_letter(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


@dataclass(frozen=True)
class Column:
    key: str
    header: str  # as typed in the file
    index: int
    letter: str = ""

    @property
    def label(self) -> str:
        return f"{self.header} ({self.letter})" if self.letter else self.header


@dataclass
class Table:
    """A grid whose header is known: rows below it as {key: cell}."""

    grid: Grid
    schema: Schema
    header_row: int
    columns: dict[str, Column]
    rows: Iterator[SourceRow]
    problems: list[Problem] = field(default_factory=list)

    @property
    def sheet(self) -> str:
        return self.grid.sheet

    def cell(self, row: SourceRow, key: str) -> Cell:
        column = self.columns.get(key)
        if column is None or column.index >= len(row.cells):
            return None
        return row.cells[column.index]

    def header(self, key: str) -> str:
        column = self.columns.get(key)
        return column.header if column else self.schema.spec(key).label


def _match(cells: tuple[Cell, ...], schema: Schema) -> dict[str, int]:
    found: dict[str, int] = {}
    lookup = {
        normalize_header(alias): spec.key for spec in schema.columns for alias in spec.aliases
    }
    for index, cell in enumerate(cells):
        if not isinstance(cell, str):
            continue
        key = lookup.get(normalize_header(cell))
        if key is not None and key not in found:
            found[key] = index
    return found


def find_header(grid: Grid, schemas: Iterable[Schema], *, look_ahead: int = 30) -> Table:
    """The first row (of the first ``look_ahead``) that reads as the header of a schema.

    A row must hold every ``signature`` column of a schema, or most of them — then the missing
    ones are reported. Raises :class:`FileRefused` when no row looks like a header.
    """
    schemas = list(schemas)
    head = list(itertools.islice(grid.rows, look_ahead))
    rest = grid.rows
    best: tuple[int, int, Schema, dict[str, int]] | None = None
    for position, row in enumerate(head):
        for schema in schemas:
            found = _match(row.cells, schema)
            hits = sum(1 for key in schema.signature if key in found)
            if hits == len(schema.signature):
                return _table(grid, schema, row, found, itertools.chain(head[position + 1 :], rest))
            if hits >= max(2, len(schema.signature) - 2) and (best is None or hits > best[1]):
                best = (position, hits, schema, found)
    if not head or all(all(is_blank(cell) for cell in row.cells) for row in head):
        raise FileRefused.because(f"Tệp '{grid.name}' không có dữ liệu.", code="empty_file")
    if best is not None:
        position, _, schema, found = best
        following = itertools.chain(head[position + 1 :], rest)
        return _table(grid, schema, head[position], found, following)
    expected = " / ".join(",".join(s.spec(k).label for k in s.signature) for s in schemas)
    raise FileRefused.because(
        f"Không tìm thấy dòng tiêu đề trong {look_ahead} dòng đầu"
        f"{f' của trang {grid.sheet!r}' if grid.sheet else ''}. Dòng tiêu đề cần có các cột: "
        f"{expected}.",
        code="no_header",
        sheet=grid.sheet,
    )


def _table(
    grid: Grid,
    schema: Schema,
    row: SourceRow,
    found: dict[str, int],
    rows: Iterator[SourceRow],
) -> Table:
    columns = {
        key: Column(
            key,
            str(row.cells[index]).strip(),
            index,
            column_letter(index) if grid.letters else "",
        )
        for key, index in found.items()
    }
    problems: list[Problem] = []
    for spec in schema.columns:
        if spec.required and spec.key not in columns:
            problems.append(
                Problem(
                    f"Thiếu cột '{spec.label}' (dòng tiêu đề là dòng {row.number}). "
                    f"Tên cột được chấp nhận: {', '.join(repr(a) for a in spec.aliases[:3])}.",
                    code="missing_column",
                    sheet=grid.sheet,
                )
            )
    used = set(found.values())
    for index, cell in enumerate(row.cells):
        if index in used or is_blank(cell):
            continue
        letter = f" ({column_letter(index)})" if grid.letters else ""
        problems.append(
            Problem(
                f"Cột '{as_text(cell)}'{letter} không thuộc mẫu nhập; đã bỏ qua.",
                row=row.number,
                code="extra_column",
                sheet=grid.sheet,
                level=Level.WARNING,
            )
        )
    return Table(grid, schema, row.number, columns, rows, problems)


# --- the schemas --------------------------------------------------------------------------

LONG = Schema(
    "long",
    (
        ColumnSpec("resolution", "resolution", ("resolution", "nghị quyết", "mã nghị quyết"), True),
        ColumnSpec("indicator", "indicator", ("indicator", "chỉ tiêu", "mã chỉ tiêu"), True),
        ColumnSpec("org_unit", "org_unit", ("org_unit", "đơn vị", "mã đơn vị", "org unit"), True),
        ColumnSpec("period", "period", ("period", "kỳ", "kỳ báo cáo"), True),
        ColumnSpec("value", "value", ("value", "giá trị", "số liệu"), True),
        ColumnSpec("estimate", "estimate", ("estimate", "ước", "ưth", "th/ưth", "ước thực hiện")),
        ColumnSpec("note", "note", ("note", "ghi chú")),
        # Written by the .xlsx export for people to read; recognised, then ignored.
        ColumnSpec("indicator_name", "Tên chỉ tiêu", ("tên chỉ tiêu", "indicator_name")),
        ColumnSpec("measure", "ĐVT", ("đvt", "đơn vị tính", "measure")),
        ColumnSpec("org_unit_name", "Tên đơn vị", ("tên đơn vị", "org_unit_name")),
        ColumnSpec("period_label", "Kỳ bằng chữ", ("kỳ bằng chữ", "period_label")),
    ),
    ("resolution", "indicator", "org_unit", "period", "value"),
)
LONG_HEADER = ("resolution", "indicator", "org_unit", "period", "value", "estimate", "note")

TEMPLATE = Schema(
    "template",
    (
        ColumnSpec("code", "STT", ("stt", "mã chỉ tiêu", "mã"), True),
        ColumnSpec("name", "Chỉ tiêu", ("chỉ tiêu", "tên chỉ tiêu")),
        ColumnSpec("measure", "ĐVT", ("đvt", "đơn vị tính")),
        ColumnSpec("target", "Mục tiêu", ("mục tiêu", "kế hoạch", "kh")),
        ColumnSpec("estimate", "TH/ƯTH", ("th/ưth", "ưth", "ước")),
        ColumnSpec("value", "Giá trị", ("giá trị", "số liệu", "value"), True),
        ColumnSpec("note", "Ghi chú", ("ghi chú", "note")),
    ),
    ("code", "name", "value"),
)

DEFINITIONS = Schema(
    "definitions",
    (
        ColumnSpec("code", "STT", ("stt", "số thứ tự", "mã", "code"), True),
        ColumnSpec("name", "Chỉ tiêu", ("chỉ tiêu", "tên chỉ tiêu", "name"), True),
        ColumnSpec("measure", "ĐVT", ("đvt", "đơn vị tính", "unit")),
        ColumnSpec("target", "Mục tiêu", ("mục tiêu", "chỉ tiêu nghị quyết", "target")),
        ColumnSpec("direction", "Chiều", ("chiều", "chiều đánh giá", "direction")),
        ColumnSpec("kind", "Loại", ("loại", "loại chỉ tiêu", "kind")),
        ColumnSpec("field", "Lĩnh vực", ("lĩnh vực", "nhóm", "field")),
        ColumnSpec("term_basis", "Cách tính cả kỳ", ("cách tính cả kỳ", "term basis")),
        ColumnSpec("agency", "Cơ quan chủ trì", ("cơ quan chủ trì", "responsible agency")),
        ColumnSpec("notes", "Ghi chú", ("ghi chú", "note", "notes")),
    ),
    ("code", "name", "target"),
)
