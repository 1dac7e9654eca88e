"""Charts drawn on the server, one code path for pages (SVG) and documents (PNG).

Status is never shown by colour alone: every bar carries its label and count, and the
lagging-indicator chart writes the percentage at the end of each bar. Fonts are matplotlib's
bundled DejaVu Sans, which covers Vietnamese, so nothing is fetched and nothing depends on
the fonts of the machine.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

import matplotlib

matplotlib.use("Agg")

from matplotlib import dates as mdates
from matplotlib import pyplot as plt
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator

from nghiquyet.core.evaluation import Status, status_label

# Colour-blind-safe palette (Okabe–Ito); the words carry the meaning, colour only helps.
STATUS_COLOURS = {
    Status.EXCEEDED: "#009E73",
    Status.MET: "#56B4E9",
    Status.NEARLY_MET: "#F0E442",
    Status.NOT_MET: "#D55E00",
    Status.NO_DATA: "#BBBBBB",
    Status.NOT_DUE: "#DDDDDD",
}
STATUS_HATCHES = {
    Status.EXCEEDED: "",
    Status.MET: "",
    Status.NEARLY_MET: "//",
    Status.NOT_MET: "xx",
    Status.NO_DATA: "..",
    Status.NOT_DUE: "..",
}

plt.rcParams.update({"font.family": "DejaVu Sans", "font.size": 10, "svg.fonttype": "none"})


def status_summary(by_status: dict[str, int], *, final: bool = True) -> Figure:
    """Horizontal bars, one per status with indicators: "Vượt  12", "Chưa đạt  5"."""
    statuses = [s for s in Status if by_status.get(s.value, 0)] or [Status.NO_DATA]
    counts = [by_status.get(s.value, 0) for s in statuses]
    labels = [status_label(s, final=final) for s in statuses]
    figure = Figure(figsize=(6.4, 0.45 * len(statuses) + 0.8), dpi=150)
    axes = figure.subplots()
    bars = axes.barh(
        labels,
        counts,
        color=[STATUS_COLOURS[s] for s in statuses],
        hatch=[STATUS_HATCHES[s] for s in statuses],
        edgecolor="#333333",
        linewidth=0.6,
    )
    axes.bar_label(bars, labels=[str(c) for c in counts], padding=3)
    axes.invert_yaxis()
    axes.set_xlabel("Số chỉ tiêu")
    axes.set_xlim(0, max(counts) * 1.15 + 1)
    axes.xaxis.set_major_locator(MaxNLocator(integer=True))  # indicators come whole: no "2.5"
    _tidy(axes)
    figure.tight_layout()
    return figure


@dataclass(frozen=True)
class Lagging:
    name: str
    ratio_pct: float


def lagging_chart(items: Sequence[Lagging], *, threshold: float = 95.0) -> Figure:
    """Each lagging indicator's achievement against its target (the 100 % line)."""
    items = list(items)[:12] or [Lagging("(không có chỉ tiêu chậm)", 0.0)]
    figure = Figure(figsize=(6.4, 0.45 * len(items) + 1.0), dpi=150)
    axes = figure.subplots()
    names = [_wrap(item.name) for item in items]
    values = [item.ratio_pct for item in items]
    bars = axes.barh(names, values, color="#D55E00", hatch="xx", edgecolor="#333333", linewidth=0.6)
    axes.bar_label(bars, labels=[f"{v:.1f} %".replace(".", ",") for v in values], padding=3)
    axes.axvline(100, color="#000000", linewidth=1.2)
    axes.axvline(threshold, color="#555555", linewidth=0.8, linestyle="--")
    axes.text(100, -0.7, " 100 %", va="bottom", fontsize=8)
    axes.invert_yaxis()
    axes.set_xlim(0, max([*values, 100.0]) * 1.15)
    axes.set_xlabel("% so với kế hoạch / mục tiêu")
    _tidy(axes)
    figure.tight_layout()
    return figure


@dataclass(frozen=True)
class Point:
    when: date
    value: float
    label: str
    estimate: bool = False


def indicator_history(
    points: Sequence[Point],
    *,
    unit: str,
    target: float | None = None,
    path: Sequence[tuple[date, float]] = (),
    span: tuple[date, date] | None = None,
) -> Figure:
    """Values over time against the target and, for a term, the expected straight path.

    ``span`` (the resolution's term) fixes the time axis, widened to any point outside it, so
    that one value does not sit on an axis matplotlib stretched over years around it.
    """
    figure = Figure(figsize=(6.4, 3.2), dpi=150)
    axes = figure.subplots()
    if path:
        axes.plot(
            _days([p[0] for p in path]),
            [p[1] for p in path],
            linestyle="--",
            color="#777777",
            label="Lộ trình dự kiến",
        )
    if target is not None:
        axes.axhline(target, color="#000000", linewidth=1.0, label="Mục tiêu")
    if points:
        axes.plot(
            _days([p.when for p in points]),
            [p.value for p in points],
            marker="o",
            color="#0072B2",
            label="Thực hiện",
        )
        for point in points:
            suffix = " (ƯTH)" if point.estimate else ""
            axes.annotate(
                point.label + suffix,
                (_days([point.when])[0], point.value),
                textcoords="offset points",
                xytext=(0, 6),
                ha="center",
                fontsize=8,
            )
    if span is not None:
        days = [*span, *(p.when for p in points), *(p[0] for p in path)]
        first, last = _days([min(days), max(days)])
        margin = max((last - first) * 0.04, 15.0)
        axes.set_xlim(first - margin, last + margin)
    axes.xaxis.set_major_formatter(mdates.DateFormatter("%m/%Y"))  # type: ignore[no-untyped-call]
    axes.set_ylabel(unit or "")
    axes.legend(loc="best", fontsize=8)
    _tidy(axes)
    figure.autofmt_xdate()
    figure.tight_layout()
    return figure


def to_svg(figure: Figure, *, title: str) -> str:
    """SVG markup for a page, with a title for screen readers."""
    buffer = io.StringIO()
    figure.savefig(buffer, format="svg", metadata={"Title": title, "Date": None})
    svg = buffer.getvalue()
    start = svg.index("<svg")
    return svg[start:].replace("<svg ", f'<svg role="img" aria-label="{_escape(title)}" ', 1)


def to_png(figure: Figure) -> bytes:
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=150)
    return buffer.getvalue()


def _days(days: Sequence[date]) -> list[float]:
    return [float(mdates.date2num(day)) for day in days]  # type: ignore[no-untyped-call]


def _tidy(axes: object) -> None:
    for side in ("top", "right"):
        axes.spines[side].set_visible(False)  # type: ignore[attr-defined]


def _wrap(text: str, width: int = 38) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;")
