"""Writing JSON: the observations as records (the CSV columns, plus names for people) and the
scorecards exactly as ``nghiquyet scorecard --format json`` gives them."""

from __future__ import annotations

import json
from collections.abc import Iterable
from decimal import Decimal
from typing import Any, TextIO

from django.utils import timezone

from nghiquyet.core.periods import parse_period
from nghiquyet.scorecards.build import Scorecard
from nghiquyet.scorecards.render import scorecard_json

from ..export import Record, Selection

FORMAT = "nghiquyet-export"


def number(value: Decimal | None) -> int | float | None:
    """A JSON number; exact for every value of up to 15 significant digits."""
    if value is None:
        return None
    return int(value) if value == value.to_integral_value() else float(value)


def record_json(record: Record) -> dict[str, Any]:
    return {
        "resolution": record.resolution,
        "indicator": record.indicator,
        "indicator_name": record.indicator_name,
        "measure": record.measure,
        "org_unit": record.org_unit,
        "org_unit_name": record.org_unit_name,
        "period": record.period,
        "period_label": parse_period(record.period).label,
        "value": number(record.value),
        "value_text": record.value_text,
        "estimate": record.estimate,
        "note": record.note,
        "reported_pct": number(record.reported_pct),
        "source": record.source,
        "source_ref": record.source_ref,
        "version": record.version,
        "updated_at": record.updated_at.isoformat(),
    }


def write_json(
    selection: Selection,
    records: Iterable[Record],
    cards: Iterable[Scorecard],
    stream: TextIO,
) -> int:
    resolution = selection.resolution
    observations = [record_json(record) for record in records]
    document = {
        "format": FORMAT,
        "version": 1,
        "exported_at": timezone.now().isoformat(),
        "resolution": {
            "code": resolution.code,
            "title": resolution.title,
            "number": resolution.number,
            "term": resolution.term.code,
        },
        "filters": selection.describe(),
        "observations": observations,
        "scorecards": [scorecard_json(card) for card in cards],
    }
    json.dump(document, stream, ensure_ascii=False, indent=1)
    stream.write("\n")
    return len(observations)
