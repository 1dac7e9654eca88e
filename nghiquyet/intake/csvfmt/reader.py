"""Reading CSV as offices write it: UTF-8 with or without BOM (or a legacy encoding, see
:mod:`..legacy`), separated by commas, or by semicolons as Excel does in Vietnamese settings,
or by tabs ("Unicode text"). Row numbers are those Excel shows: the header is row 1.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator

from ..problems import FileRefused
from ..rows import Grid, SourceRow

DELIMITERS = (",", ";", "\t")
DELIMITER_NAMES = {",": "dấu phẩy ','", ";": "dấu chấm phẩy ';'", "\t": "dấu tab"}


def sniff_delimiter(text: str) -> str:
    """The separator of the header line: the most frequent of , ; and tab outside quotes."""
    first = next((line for line in text.splitlines() if line.strip()), "")
    outside = "".join(part for i, part in enumerate(first.split('"')) if i % 2 == 0)
    counts = {d: outside.count(d) for d in DELIMITERS}
    best = max(DELIMITERS, key=lambda d: (counts[d], d == ","))
    return best if counts[best] else ","


def read_csv(text: str, name: str) -> tuple[Grid, str]:
    """The rows of a CSV text, and the separator it uses."""
    delimiter = sniff_delimiter(text)
    return Grid(name, "", _rows(text, delimiter, name)), delimiter


def _rows(text: str, delimiter: str, name: str) -> Iterator[SourceRow]:
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=False)
    number = 0
    try:
        for number, cells in enumerate(reader, 1):
            yield SourceRow(number, tuple(cells))
    except csv.Error as exc:
        raise FileRefused.because(
            f"Tệp '{name}', dòng {number + 1}: không đọc được dòng CSV ({exc}). Kiểm tra dấu "
            'ngoặc kép (") chưa đóng hoặc ký tự lạ.',
            code="bad_csv",
            row=number + 1,
        ) from exc
