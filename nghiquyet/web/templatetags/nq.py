"""Template helpers: Vietnamese numbers, status badges, period names, form fields."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from django import template
from django.forms import BoundField
from django.utils.html import format_html
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

from nghiquyet.core.evaluation import Status
from nghiquyet.core.numbers import format_number, format_percent
from nghiquyet.core.periods import Period, PeriodError, parse_period
from nghiquyet.web import labels

register = template.Library()


@register.filter
def number(value: Decimal | float | int | None, places: int | None = None) -> str:
    """4500 → "4.500", 41.3 → "41,3"; nothing → "—"."""
    if value is None or value == "":
        return "—"
    return format_number(value, places if places is not None else 2)


@register.filter
def percent(value: Decimal | float | None, places: int = 1) -> str:
    return "—" if value is None else format_percent(value, places)


@register.filter
def period_label(value: Period | str | None) -> str:
    if value is None or value == "":
        return ""
    if isinstance(value, str):
        try:
            return labels.period_label(parse_period(value))
        except PeriodError:
            return value
    return labels.period_label(value)


@register.simple_tag
def status_badge(
    status: Status | str, final: bool = True, overridden: bool = False, text: str = ""
) -> SafeString:
    """The status in words with an icon (never colour alone); ``*`` marks an override.

    A simple tag, not an inclusion tag: a scorecard draws fifty of them.
    """
    status = Status(status)
    mark = (
        format_html(
            '<span class="overridden" title="{}">*</span>',
            _("Đánh giá khác với kết quả tính, có lý do"),
        )
        if overridden
        else ""
    )
    return format_html(
        '<span class="status status-{}"><span class="status-icon" aria-hidden="true">{}</span>'
        " {}{}</span>",
        status.value,
        labels.STATUS_ICONS[status],
        text or labels.status_text(status, final=final),
        mark,
    )


@register.inclusion_tag("web/partials/field.html")
def field(bound: BoundField, wide: bool = False) -> dict[str, Any]:
    """A labelled field with its help and its errors tied to it for screen readers."""
    describedby = []
    if bound.help_text:
        describedby.append(f"{bound.auto_id}-help")
    if bound.errors:
        describedby.append(f"{bound.auto_id}-error")
    attrs: dict[str, str | bool] = {}
    if describedby:
        attrs["aria-describedby"] = " ".join(describedby)
    if bound.errors:
        attrs["aria-invalid"] = "true"
    return {"field": bound, "widget": bound.as_widget(attrs=attrs), "wide": wide}
