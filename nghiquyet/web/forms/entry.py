"""The data-entry grid: one row per indicator, for one unit and one period.

Each row carries what the person typed (value, TH/ƯTH, note), the version of the figure they
started from, and what the row showed when the page was drawn — so that a row they did not
touch is never sent to the service, even if somebody else changed it meanwhile.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.http import QueryDict
from django.utils.translation import gettext as _

from nghiquyet.core.evaluation import evaluate
from nghiquyet.core.numbers import format_number
from nghiquyet.plans.models import Indicator
from nghiquyet.results.models import Observation
from nghiquyet.results.services import read_value
from nghiquyet.scorecards.build import Row

from .. import labels

ESTIMATE, ACTUAL = "uth", "th"


@dataclass
class GridRow:
    indicator: Indicator
    saved: Observation | None
    target: Row | None
    value: str = ""
    flag: str = ACTUAL
    note: str = ""
    version: int = 0
    original: tuple[str, str, str] = ("", ACTUAL, "")
    preview: str = ""
    preview_status: str = ""
    errors: list[str] = field(default_factory=list)
    conflict: Observation | None = None

    @property
    def key(self) -> str:
        return str(self.indicator.pk)

    @property
    def touched(self) -> bool:
        return (self.value.strip(), self.flag, self.note.strip()) != self.original

    @property
    def is_estimate(self) -> bool:
        return self.flag == ESTIMATE


def _saved_state(saved: Observation | None) -> tuple[str, str, str]:
    if saved is None:
        return ("", ACTUAL, "")
    return (saved.raw_text, ESTIMATE if saved.is_estimate else ACTUAL, saved.note)


def blank_rows(
    indicators: list[Indicator], saved: dict[int, Observation], targets: dict[int, Row]
) -> list[GridRow]:
    """The grid as drawn from the database."""
    rows = []
    for indicator in indicators:
        figure = saved.get(indicator.pk)
        value, flag, note = _saved_state(figure)
        rows.append(
            GridRow(
                indicator,
                figure,
                targets.get(indicator.pk),
                value,
                flag,
                note,
                figure.version if figure else 0,
                (value, flag, note),
            )
        )
    return rows


def _int(text: str | None) -> int:
    try:
        return max(int(text or 0), 0)
    except ValueError:
        return 0


def submitted_rows(
    data: QueryDict,
    indicators: list[Indicator],
    saved: dict[int, Observation],
    targets: dict[int, Row],
) -> list[GridRow]:
    """The grid as sent. Only the resolution's own indicators are read: any other key in a
    forged form is ignored."""
    rows = []
    for indicator in indicators:
        key = str(indicator.pk)
        flag = data.get(f"flag-{key}", ACTUAL)
        rows.append(
            GridRow(
                indicator=indicator,
                saved=saved.get(indicator.pk),
                target=targets.get(indicator.pk),
                value=data.get(f"value-{key}", "").strip(),
                flag=flag if flag in (ACTUAL, ESTIMATE) else ACTUAL,
                note=data.get(f"note-{key}", "").strip(),
                version=_int(data.get(f"version-{key}")),
                original=(
                    data.get(f"orig-value-{key}", "").strip(),
                    data.get(f"orig-flag-{key}", ACTUAL),
                    data.get(f"orig-note-{key}", "").strip(),
                ),
            )
        )
    return rows


def preview(row: GridRow, threshold: Decimal, final: bool) -> None:
    """Read the typed value as the service will, and say what it means: "248 tỷ đồng (ƯTH)
    → 50,6 % · Chưa đạt". Errors go on the row."""
    row.preview, row.preview_status = "", ""
    if not row.value:
        return
    try:
        value, typed_estimate = read_value(row.indicator, row.value)
    except ValidationError as exc:
        row.errors.extend(exc.messages)
        return
    estimate = row.is_estimate or typed_estimate
    unit = f" {row.indicator.unit}" if row.indicator.unit else ""
    row.preview = f"{format_number(value)}{unit}" + (f" ({_('ƯTH')})" if estimate else "")
    target = row.target.target if row.target is not None else None
    if target is None or target.spec.change is not None:
        return
    result = evaluate(
        value, target.spec, row.indicator.direction_enum, threshold=threshold, final=final
    )
    words = labels.status_text(result.status, final=final)
    ratio = f"{format_number(result.ratio_pct, 1)} % · " if result.ratio_pct is not None else ""
    row.preview_status = f"{ratio}{words}"
