"""Reading observations from JSON: a list of records, or ``{"observations": [...]}`` as
``nghiquyet export --format json`` writes it. Keys are the CSV columns; a number may be a JSON
number (read exactly) or a string typed the Vietnamese way ("4.500", "41,3").
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from decimal import Decimal
from typing import Any

from ..problems import FileRefused
from ..rows import LONG_HEADER, Cell, Grid, SourceRow

# Keys the export writes for people to read; an import of that export ignores them quietly.
EXPORT_ONLY = frozenset(
    {
        "indicator_name",
        "org_unit_name",
        "period_label",
        "measure",
        "value_text",
        "reported_pct",
        "source",
        "source_ref",
        "version",
        "updated_at",
        "updated_by",
    }
)


def read_json(text: str, name: str) -> Grid:
    try:
        data = json.loads(text, parse_float=Decimal)
    except json.JSONDecodeError as exc:
        raise FileRefused.because(
            f"Tệp '{name}' không phải JSON hợp lệ: dòng {exc.lineno}, cột {exc.colno} ({exc.msg}).",
            code="bad_json",
        ) from exc
    records = data.get("observations") if isinstance(data, dict) else data
    if not isinstance(records, list):
        raise FileRefused.because(
            f"Tệp '{name}': cần một danh sách bản ghi, hoặc {{\"observations\": [...]}}.",
            code="bad_json",
        )
    if not records:
        raise FileRefused.because(f"Tệp '{name}' không có bản ghi nào.", code="empty_file")
    keys = list(LONG_HEADER)
    for record in records:
        if isinstance(record, dict):
            keys.extend(
                k for k in record if isinstance(k, str) and k not in keys and k not in EXPORT_ONLY
            )
    return Grid(name, "", _rows(records, keys, name))


def _rows(records: list[Any], keys: list[str], name: str) -> Iterator[SourceRow]:
    yield SourceRow(0, tuple(keys))
    for index, record in enumerate(records, start=1):
        if not isinstance(record, dict):
            raise FileRefused.because(
                f"Tệp '{name}', bản ghi {index}: cần một đối tượng {{...}}, không phải "
                f"{type(record).__name__}.",
                code="bad_json",
                row=index,
            )
        yield SourceRow(index, tuple(_cell(record.get(key)) for key in keys))


def _cell(value: Any) -> Cell:
    if value is None or isinstance(value, str | int | Decimal | bool):
        return value
    return json.dumps(value, ensure_ascii=False)
