"""A scorecard as JSON (API, CLI, ``?format=json``), as a terminal table, and as CSV rows."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from nghiquyet.core.numbers import (
    Comparator,
    Convention,
    NumberFormatError,
    format_number,
    format_percent,
    parse_quantity,
)

from .build import Row, Scorecard, TargetView


def _number(value: Decimal | None, places: int | None = None) -> float | None:
    if value is None:
        return None
    return float(round(value, places)) if places is not None else float(value)


def _target_json(view: TargetView | None, *, revisions: bool = False) -> dict[str, Any] | None:
    if view is None:
        return None
    result: dict[str, Any] = {
        "value": _number(view.spec.value),
        "upper": _number(view.spec.upper),
        "comparator": view.spec.comparator.value,
        "raw": view.spec.raw,
        "source": view.target.source,
        "scope": view.scope if view.target.year is None else f"{view.scope}:{view.target.year}",
    }
    if revisions:
        result["revisions"] = [
            {
                "from": revision.old_raw_text,
                "to": revision.new_raw_text,
                "effective": revision.effective_on.isoformat(),
                "decision": revision.decision,
                "reason": revision.reason,
            }
            for revision in view.target.revisions_in_order()
        ]
    return result


def row_json(row: Row) -> dict[str, Any]:
    indicator = row.indicator
    progress = row.progress
    observation = row.observation
    return {
        "code": indicator.code,
        "name": indicator.name,
        "group": str(row.group) if row.group else None,
        "unit": indicator.unit,
        "direction": indicator.direction,
        "kind": indicator.kind,
        "target": _target_json(row.target),
        "term_target": _target_json(row.term_target, revisions=True),
        "actual": _number(row.actual),
        "actual_raw": observation.raw_text if observation else None,
        "actual_period": observation.period if observation else None,
        "estimate": row.estimate,
        "draft": row.draft,
        "ratio_pct": _number(row.ratio_pct, 2),
        "term_ratio_pct": _number(row.term_ratio_pct, 2),
        "same_period_pct": _number(row.same_period_pct, 2),
        "status": row.status.value,
        "status_label": row.status_label,
        "computed_status": row.computed_status.value,
        "override_reason": row.assessment.override_reason
        if row.assessment and row.assessment.status_override
        else None,
        "progress": (
            {
                "method": progress.method.value,
                "bucket": progress.bucket.value,
                "label": progress.bucket.label,
                "value": progress.value,
            }
            if progress is not None and progress.bucket is not None
            else None
        ),
        "progress_note": progress.note
        if progress is not None and progress.bucket is None
        else None,
        "source": (
            {
                "kind": observation.source,
                "ref": observation.source_ref,
                "quote": observation.source_quote,
            }
            if observation
            else None
        ),
    }


def scorecard_json(card: Scorecard) -> dict[str, Any]:
    summary = card.tally
    return {
        "resolution": card.resolution.code,
        "title": card.resolution.title,
        "period": card.period.code,
        "period_label": card.period.label,
        "as_of": card.as_of.isoformat(),
        "tally": {
            "met_or_exceeded": summary.met_or_exceeded,
            "total": summary.total,
            "by_status": summary.by_status,
            "sentence": summary.sentence,
        },
        "indicators": [row_json(row) for row in card.rows],
    }


def display_actual(row: Row) -> str:
    if row.actual is None:
        if row.observation is not None and row.observation.reported_pct is not None:
            return f"({format_percent(row.observation.reported_pct)})"
        return "—"
    text = format_number(row.actual, 2)
    qualifier = _qualifier_word(row.observation.raw_text if row.observation else "")
    if qualifier and row.observation is not None and row.actual == row.observation.value:
        text = f"{qualifier} {text}"  # "trên 4.500": what the source said, not more
    return f"{text} (ƯTH)" if row.estimate else text


def _qualifier_word(raw: str) -> str:
    """The comparing word a figure was stated with ("trên", "hơn", "gần"…), if any."""
    try:
        quantity = parse_quantity(raw, Convention.VIETNAMESE)
    except NumberFormatError:
        return ""
    if quantity.comparator in (Comparator.EQ, Comparator.RANGE):
        return ""
    words = raw.strip().split()
    first = words[0].lower() if words else ""
    if first in ("ước", "ưth") and len(words) > 1:
        first = words[1].lower()
    return first if first.isalpha() else ""


def display_target(view: TargetView | None) -> str:
    return view.spec.raw if view is not None else "—"


def display_pct(value: Decimal | None, places: int = 1) -> str:
    return format_percent(value, places) if value is not None else "—"


TABLE_COLUMNS = (
    "STT",
    "Chỉ tiêu",
    "ĐVT",
    "Mục tiêu",
    "TH/ƯTH",
    "% KH",
    "% NQ",
    "% cùng kỳ",
    "Đánh giá",
    "Tiến độ",
)


def table_rows(card: Scorecard) -> list[tuple[str, ...]]:
    rows: list[tuple[str, ...]] = []
    for group, members in card.groups():
        if group is not None:
            rows.append((group.numeral, group.title.upper(), "", "", "", "", "", "", "", ""))
        for row in members:
            progress = row.progress.bucket.label if row.progress and row.progress.bucket else ""
            rows.append(
                (
                    row.indicator.code,
                    row.indicator.name,
                    row.indicator.unit,
                    display_target(row.target),
                    display_actual(row),
                    display_pct(row.ratio_pct),
                    display_pct(row.term_ratio_pct),
                    display_pct(row.same_period_pct, 2),
                    row.status_label,
                    progress,
                )
            )
    return rows


def scorecard_table(card: Scorecard, name_width: int = 48) -> str:
    """Aligned columns for a terminal, Vietnamese formatting throughout."""

    def clip(text: str, width: int) -> str:
        return text if len(text) <= width else text[: width - 1] + "…"

    body = [
        tuple(clip(cell, name_width) if i == 1 else cell for i, cell in enumerate(row))
        for row in table_rows(card)
    ]
    widths = [max(len(row[i]) for row in [TABLE_COLUMNS, *body]) for i in range(len(TABLE_COLUMNS))]
    numeric = {4, 5, 6, 7}

    def line(cells: tuple[str, ...]) -> str:
        return "  ".join(
            cell.rjust(widths[i]) if i in numeric else cell.ljust(widths[i])
            for i, cell in enumerate(cells)
        ).rstrip()

    summary = card.tally
    header = [
        card.resolution.title,
        f"Kỳ: {card.period.label} · tính đến ngày {card.as_of:%d/%m/%Y}",
        f"Có {summary.sentence}.",
        "",
        line(TABLE_COLUMNS),
        "  ".join("-" * width for width in widths),
    ]
    return "\n".join([*header, *(line(row) for row in body)]) + "\n"
