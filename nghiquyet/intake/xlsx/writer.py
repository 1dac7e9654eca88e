"""The .xlsx export: a sheet of observations in the import format (plus names for people),
a sheet per scorecard as the appendix of a report reads, and a hidden sheet that tells the
import which sheet holds the data — so the export imported again changes nothing."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from django.utils import timezone
from openpyxl import Workbook  # type: ignore[import-untyped]
from openpyxl.cell import WriteOnlyCell  # type: ignore[import-untyped]

from nghiquyet.core.periods import parse_period
from nghiquyet.scorecards.build import Scorecard
from nghiquyet.scorecards.render import TABLE_COLUMNS, table_rows

from ..export import Record, Selection
from ..rows import LONG_HEADER
from . import styles
from .reader import META_SHEET

DATA_SHEET = "Số liệu"
EXPORT_FORMAT = "nghiquyet-export"
EXTRA_HEADER = ("Tên chỉ tiêu", "ĐVT", "Tên đơn vị", "Kỳ bằng chữ")
WIDTHS = (18, 10, 14, 11, 16, 9, 30, 50, 12, 30, 24)


def _header_cells(sheet: Any, titles: Iterable[str]) -> list[Any]:
    cells = []
    for title in titles:
        cell = WriteOnlyCell(sheet, value=title)
        cell.font = styles.BOLD
        cell.fill = styles.HEADER_FILL
        cell.border = styles.BORDER
        cell.alignment = styles.CENTER
        cells.append(cell)
    return cells


def write_xlsx(
    selection: Selection, records: Iterable[Record], cards: Iterable[Scorecard], path: Path
) -> int:
    """Write the export to ``path``; return the number of observation rows."""
    book = Workbook(write_only=True)
    data = book.create_sheet(DATA_SHEET)
    for index, width in enumerate(WIDTHS):
        data.column_dimensions[chr(65 + index)].width = width
    data.freeze_panes = "A2"
    data.append(_header_cells(data, (*LONG_HEADER, *EXTRA_HEADER)))
    labels: dict[str, str] = {}
    count = 0
    for record in records:
        label = labels.get(record.period)
        if label is None:
            label = labels[record.period] = parse_period(record.period).label
        data.append(
            (
                record.resolution,
                record.indicator,
                record.org_unit,
                record.period,
                record.value,
                record.estimate_text or None,
                record.note or None,
                record.indicator_name,
                record.measure,
                record.org_unit_name,
                label,
            )
        )
        count += 1
    for card in cards:
        _scorecard_sheet(book, card)
    meta = book.create_sheet(META_SHEET)
    for row in (
        ("format", EXPORT_FORMAT),
        ("version", "1"),
        ("sheet", DATA_SHEET),
        ("resolution", selection.resolution.code),
        ("exported_at", timezone.now().isoformat()),
    ):
        meta.append(row)
    meta.sheet_state = "veryHidden"
    book.save(path)
    return count


def _scorecard_sheet(book: Any, card: Scorecard) -> None:
    sheet = book.create_sheet(f"Đánh giá {card.period.code}"[:31])
    for index, width in enumerate((6, 50, 12, 16, 14, 10, 10, 10, 22, 18)):
        sheet.column_dimensions[chr(65 + index)].width = width
    title = WriteOnlyCell(sheet, value=card.resolution.title)
    title.font = styles.SUBTITLE
    sheet.append([title])
    sheet.append([f"Kỳ: {card.period.label} · tính đến ngày {card.as_of:%d/%m/%Y}"])
    sheet.append([f"Có {card.tally.sentence}."])
    sheet.append([])
    sheet.append(_header_cells(sheet, TABLE_COLUMNS))
    for row in table_rows(card):
        is_group = row[2:] == ("",) * (len(row) - 2)
        cells = []
        for value in row:
            cell = WriteOnlyCell(sheet, value=value or None)
            cell.border = styles.BORDER
            cell.font = styles.BOLD if is_group else styles.BODY
            cells.append(cell)
        sheet.append(cells)
