"""Charts for the pages: :mod:`nghiquyet.charts` (shared with the reports) drawn as inline SVG.

matplotlib takes tens of milliseconds a chart, far more than the queries behind a page, and
most charts repeat from one request to the next: they are cached by what they show, so a
chart is drawn again only when its figures change.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date
from decimal import Decimal
from functools import lru_cache

from django.utils.safestring import SafeString, mark_safe

from nghiquyet import charts
from nghiquyet.core.numbers import format_number

_TAG = re.compile(r"<([a-zA-Z][\w:-]*)((?:\s+[\w:-]+=\"[^\"]*\")*)\s*(/?)>")
_ATTRIBUTE = re.compile(r'([\w:-]+)="([^"]*)"')


def csp_safe(svg: str) -> str:
    """Inline SVG that our Content-Security-Policy lets the browser draw.

    The policy forbids inline styles, and matplotlib writes its colours as ``style="fill: …"``
    and one ``<style>`` element. Every such property is also an SVG presentation attribute,
    which is not CSS and not subject to the policy: move them there. The RDF metadata goes
    too, and the fixed size, so the chart scales with the page.
    """
    svg = re.sub(r"<metadata>.*?</metadata>\s*", "", svg, flags=re.DOTALL)
    svg = re.sub(r"<style[^>]*>.*?</style>\s*", "", svg, flags=re.DOTALL)

    def rewrite(match: re.Match[str]) -> str:
        name, raw, closing = match.groups()
        attributes = dict(_ATTRIBUTE.findall(raw))
        style = attributes.pop("style", "")
        for declaration in style.split(";"):
            prop, _, value = declaration.partition(":")
            if prop.strip() and value.strip():
                attributes[prop.strip()] = value.strip().replace('"', "'")
        if name == "svg":
            attributes.pop("width", None)
            attributes.pop("height", None)
            attributes.update({"stroke-linejoin": "round", "stroke-linecap": "butt"})
            attributes["class"] = "chart"
        text = "".join(f' {key}="{value}"' for key, value in attributes.items())
        return f"<{name}{text}{' /' if closing else ''}>"

    svg = _TAG.sub(rewrite, svg)
    # Path data: "M -36 36 \nL 36 -36" → "M -36 36 L 36 -36" (hatches are long).
    return re.sub(r'd="([^"]*)"', lambda m: 'd="' + " ".join(m.group(1).split()) + '"', svg)


def status_svg(by_status: dict[str, int], *, final: bool, title: str) -> SafeString:
    key = tuple(sorted((code, count) for code, count in by_status.items() if count))
    return mark_safe(_status_svg(key, final, title))  # noqa: S308 - our own SVG, title escaped


@lru_cache(maxsize=512)
def _status_svg(counts: tuple[tuple[str, int], ...], final: bool, title: str) -> str:
    return csp_safe(charts.to_svg(charts.status_summary(dict(counts), final=final), title=title))


def lagging_svg(items: Sequence[tuple[str, Decimal]], *, title: str) -> SafeString:
    key = tuple((name, float(ratio)) for name, ratio in items)
    return mark_safe(_lagging_svg(key, title))  # noqa: S308 - our own SVG, title escaped


@lru_cache(maxsize=256)
def _lagging_svg(items: tuple[tuple[str, float], ...], title: str) -> str:
    figure = charts.lagging_chart([charts.Lagging(name, ratio) for name, ratio in items])
    return csp_safe(charts.to_svg(figure, title=title))


HistoryPoint = tuple[date, Decimal, bool]  # when, value, estimate


def history_svg(
    points: Sequence[HistoryPoint],
    *,
    unit: str,
    target: Decimal | None,
    path: Sequence[tuple[date, Decimal]],
    title: str,
    span: tuple[date, date] | None = None,
) -> SafeString:
    key = (
        tuple((when, float(value), estimate) for when, value, estimate in points),
        unit,
        None if target is None else float(target),
        tuple((when, float(value)) for when, value in path),
        title,
        span,
    )
    return mark_safe(_history_svg(*key))  # noqa: S308 - our own SVG, title escaped


@lru_cache(maxsize=512)
def _history_svg(
    points: tuple[tuple[date, float, bool], ...],
    unit: str,
    target: float | None,
    path: tuple[tuple[date, float], ...],
    title: str,
    span: tuple[date, date] | None,
) -> str:
    figure = charts.indicator_history(
        [
            charts.Point(when, value, format_number(Decimal(str(value)), 2), estimate)
            for when, value, estimate in points
        ],
        unit=unit,
        target=target,
        path=path,
        span=span,
    )
    return csp_safe(charts.to_svg(figure, title=title))
