"""Compare units ``/compare/?period=&r=<code>&r=<code>``: the districts of a province side by
side — a matrix of indicators × units with value, ratio and status, and their tallies.

Indicators match across resolutions by their shared key (``Indicator.concept``, e.g.
"trong-rung"); an indicator without one belongs to its own resolution only.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from nghiquyet.accounts import access
from nghiquyet.core.periods import Period, PeriodError, parse_period
from nghiquyet.plans.models import Resolution
from nghiquyet.scorecards.build import Scorecard

from .. import cache, queries, reporting
from ..access import signed_in, user_of
from ..tables import Line, line


@dataclass
class MatrixRow:
    concept: str
    name: str
    unit: str
    cells: dict[int, Line] = field(default_factory=dict)  # column → its line
    columns: list[tuple[Resolution, Line | None]] = field(default_factory=list)

    @property
    def shared(self) -> int:
        return len(self.cells)


def default_period(resolutions: list[Resolution]) -> Period:
    """The period most of these resolutions last reported, else this year."""
    reports = queries.reporting(resolutions)
    latest = [reporting.latest(reports[r.pk].periods()) for r in resolutions if not r.term.is_term]
    counted = Counter(p for p in latest if p is not None)
    if counted:
        return max(counted, key=lambda p: (counted[p], p.end))
    return parse_period(str(date.today().year))


def matrix(cards: list[Scorecard]) -> list[MatrixRow]:
    """One row per shared key, one column per scorecard; the most shared rows first."""
    rows: dict[str, MatrixRow] = {}
    for column, card in enumerate(cards):
        for row in card.rows:
            indicator = row.indicator
            key = indicator.concept or f"{card.resolution.code}:{indicator.code}"
            entry = rows.setdefault(key, MatrixRow(key, indicator.name, indicator.unit))
            entry.cells.setdefault(column, line(card, row))
    for entry in rows.values():
        entry.columns = [(card.resolution, entry.cells.get(i)) for i, card in enumerate(cards)]
    return sorted(rows.values(), key=lambda r: -r.shared)


@signed_in
def compare(request: HttpRequest) -> HttpResponse:
    user = user_of(request)
    visible = list(access.visible_resolutions(user))
    errors: dict[str, str] = {}
    period = default_period(visible)
    if text := request.GET.get("period", "").strip():
        try:
            period = parse_period(text)
        except PeriodError as exc:
            errors["period"] = str(exc)
    wanted = set(request.GET.getlist("r"))
    covering = [r for r in visible if r.covers(period) or r.term == period]
    chosen = [r for r in covering if r.code in wanted] if wanted else covering
    skipped = [r for r in visible if r.code in wanted and r not in covering]
    shared_only = request.GET.get("all") != "1"
    cards = cache.scorecards(chosen, period) if chosen and not errors else []
    rows = matrix(cards)
    if shared_only and len(cards) > 1:
        rows = [row for row in rows if row.shared > 1]
    context = {
        "period": period,
        "errors": errors,
        "visible": visible,
        "covering": covering,
        "chosen": chosen,
        "wanted": wanted,
        "skipped": skipped,
        "cards": cards,
        "rows": rows,
        "shared_only": shared_only,
        "periods": _period_choices(visible, period),
        "title": _("So sánh đơn vị"),
    }
    return render(request, "web/compare.html", context, status=400 if errors else 200)


def _period_choices(resolutions: list[Resolution], current: Period) -> list[Period]:
    seen: dict[str, Period] = {current.code: current}
    for resolution in resolutions:
        for period in reporting.reporting_cycle(resolution.term):
            seen.setdefault(period.code, period)
    return sorted(seen.values(), key=lambda p: (p.end, -p.months), reverse=True)
