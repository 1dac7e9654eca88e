"""Writing the long CSV: exactly the import format, UTF-8 with a BOM so that Excel shows the
Vietnamese letters right."""

from __future__ import annotations

import csv
from collections.abc import Iterable
from typing import TextIO

from ..export import Record
from ..rows import LONG_HEADER


def write_csv(records: Iterable[Record], stream: TextIO, delimiter: str = ",") -> int:
    """Write the header and one row per record; return the number of rows."""
    writer = csv.writer(stream, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(LONG_HEADER)
    count = 0
    for record in records:
        writer.writerow(record.long_row())
        count += 1
    return count
