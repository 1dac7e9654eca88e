"""``nghiquyet export``: a resolution's observations and scorecards as CSV, .xlsx or JSON.

The CSV is exactly what ``nghiquyet import`` reads, so an export imported again changes
nothing.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from nghiquyet.core.periods import Period, PeriodError, parse_period
from nghiquyet.intake.csvfmt.writer import write_csv
from nghiquyet.intake.export import ExportError, Selection, records, scorecards
from nghiquyet.intake.jsonfmt.writer import write_json
from nghiquyet.intake.xlsx.writer import write_xlsx
from nghiquyet.scorecards.management.commands._common import get_resolution

from .template import get_unit

DELIMITERS = {"comma": ",", "semicolon": ";"}


class Command(BaseCommand):
    help = (
        "Xuất số liệu và bảng đánh giá của một nghị quyết ra CSV, .xlsx hoặc JSON. "
        "Export observations and scorecards."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--resolution", required=True, help="Mã nghị quyết")
        parser.add_argument("--unit", help="Chỉ đơn vị này và các đơn vị trực thuộc")
        parser.add_argument("--period", help="Chỉ một kỳ, ví dụ 2023-9M")
        parser.add_argument("--from", dest="start", help="Từ kỳ (các kỳ nằm trong khoảng)")
        parser.add_argument("--to", dest="end", help="Đến kỳ")
        parser.add_argument("--format", choices=["csv", "xlsx", "json"], required=True)
        parser.add_argument(
            "--delimiter",
            choices=sorted(DELIMITERS),
            default="comma",
            help="Dấu phân cách của CSV (mặc định: comma; Excel tiếng Việt mở tốt hơn semicolon)",
        )
        parser.add_argument("-o", "--output", required=True, help="Tệp ghi ra ('-' = màn hình)")

    def handle(self, *args: Any, **options: Any) -> None:
        resolution = get_resolution(options["resolution"])
        try:
            selection = Selection(
                resolution,
                unit=get_unit(options["unit"]) if options["unit"] else None,
                period=_period(options["period"]),
                start=_period(options["start"]),
                end=_period(options["end"]),
            )
        except ExportError as exc:
            raise CommandError(str(exc), returncode=2) from exc
        fmt, output = options["format"], options["output"]
        if fmt == "xlsx" and output == "-":
            raise CommandError(
                "Tệp .xlsx không ghi ra màn hình được; hãy cho tên tệp.", returncode=2
            )
        rows = list(records(selection))
        cards = [] if fmt == "csv" else scorecards(selection, sorted({r.period for r in rows}))
        if fmt == "xlsx":
            count = write_xlsx(selection, rows, cards, Path(output))
        elif output == "-":
            buffer = io.StringIO()
            count = self._text(fmt, selection, rows, cards, buffer, options)
            self.stdout.write(buffer.getvalue(), ending="")
        else:
            # utf-8-sig: Excel reads a CSV as UTF-8 only when it starts with a BOM.
            encoding = "utf-8-sig" if fmt == "csv" else "utf-8"
            with Path(output).open("w", encoding=encoding, newline="") as stream:
                count = self._text(fmt, selection, rows, cards, stream, options)
        if output != "-":
            self.stdout.write(
                f"Đã ghi {output}: {count} số liệu"
                + (f", {len(cards)} bảng đánh giá" if cards else "")
                + "."
            )

    def _text(
        self,
        fmt: str,
        selection: Selection,
        rows: Any,
        cards: Any,
        stream: Any,
        options: dict[str, Any],
    ) -> int:
        if fmt == "csv":
            return write_csv(rows, stream, DELIMITERS[options["delimiter"]])
        return write_json(selection, rows, cards, stream)


def _period(text: str | None) -> Period | None:
    if not text:
        return None
    try:
        return parse_period(text)
    except PeriodError as exc:
        raise CommandError(str(exc), returncode=2) from exc
