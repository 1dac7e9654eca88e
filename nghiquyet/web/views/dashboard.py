"""The dashboard ``/``: every resolution the person may read, with its latest tally, a chart
of statuses, the lagging indicators, the next reporting period and who has not reported.

Queries stay constant in the number of resolutions: the scorecards are built in batches, one
per distinct period, and what was reported comes from one grouped query.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from nghiquyet.accounts import access
from nghiquyet.core.evaluation import Status
from nghiquyet.core.periods import Period
from nghiquyet.core.text import fold
from nghiquyet.orgunits.models import OrgUnit
from nghiquyet.plans.models import Resolution
from nghiquyet.scorecards.build import Row, Scorecard

from .. import cache, charts, labels, queries, reporting
from ..access import signed_in, user_of
from ..tables import Line, is_final, line

LAGGING_SHOWN = 5
PAGE_SIZE = 12


@dataclass(frozen=True)
class Pending:
    unit: OrgUnit
    reported: int
    total: int


@dataclass
class Entry:
    resolution: Resolution
    card: Scorecard
    chart: str
    statuses: list[tuple[str, str, int]]  # code, words, count
    lagging: list[Line]
    lagging_total: int
    next_period: Period | None
    pending: list[Pending]
    can_enter: bool


def dashboard_period(resolution: Resolution, report: queries.Reporting) -> Period:
    """A term resolution shows its term (latest values, progress); a year plan its latest
    reported period, or the year before anything is reported."""
    if resolution.term.is_term:
        return resolution.term
    return reporting.latest(report.periods()) or resolution.term


def _lagging(card: Scorecard) -> list[Row]:
    """Lagging rows, the furthest behind first."""
    rows = [row for row in card.rows if row.lagging]
    return sorted(rows, key=lambda row: (row.ratio_pct is None, row.ratio_pct or 0))


def _statuses(card: Scorecard, final: bool) -> list[tuple[str, str, int]]:
    counts = card.tally.by_status
    return [
        (status.value, labels.status_text(status, final=final), counts.get(status.value, 0))
        for status in Status
        if counts.get(status.value, 0)
    ]


def _entry(user: access.User, card: Scorecard, report: queries.Reporting, today: date) -> Entry:
    resolution = card.resolution
    final = is_final(card)
    upcoming = report.next_period(today)
    total = len(card.rows)
    pending = []
    if upcoming is not None:
        for unit in report.reporting_units():
            done = report.reported(unit, upcoming)
            if done < total:
                pending.append(Pending(unit, done, total))
    lagging = _lagging(card)
    title = _("Số chỉ tiêu theo kết quả đánh giá: %(title)s") % {"title": resolution.title}
    return Entry(
        resolution=resolution,
        card=card,
        chart=charts.status_svg(card.tally.by_status, final=final, title=title),
        statuses=_statuses(card, final),
        lagging=[line(card, row) for row in lagging[:LAGGING_SHOWN]],
        lagging_total=len(lagging),
        next_period=upcoming,
        pending=pending,
        can_enter=bool(access.can_enter(user, resolution, resolution.scope))
        or access.can_set_up(user, resolution),
    )


def _matching(resolutions: list[Resolution], typed: str) -> list[Resolution]:
    """Resolutions whose title, code, number or issuer contain every word typed, with or
    without tone marks ("pac nam 2023" finds "Pác Nặm … năm 2023")."""
    words = fold(typed).split()
    if not words:
        return resolutions
    found = []
    for resolution in resolutions:
        text = fold(
            f"{resolution.title} {resolution.code} {resolution.number} {resolution.issuer.name}"
        )
        if all(word in text for word in words):
            found.append(resolution)
    return found


@signed_in
def home(request: HttpRequest) -> HttpResponse:
    user = user_of(request)
    typed = request.GET.get("q", "").strip()[:200]
    visible = list(access.visible_resolutions(user).order_by("-last_year", "issuer__path", "code"))
    matching = _matching(visible, typed)
    # A province sees hundreds of resolutions: a page of them at a time, each page costing
    # the same queries, whatever the total.
    page = Paginator(matching, PAGE_SIZE).get_page(request.GET.get("page"))
    resolutions = list(page.object_list)
    reports = queries.reporting(resolutions)
    by_period: dict[Period, list[Resolution]] = defaultdict(list)
    for resolution in resolutions:
        by_period[dashboard_period(resolution, reports[resolution.pk])].append(resolution)
    cards: dict[int, Scorecard] = {}
    today = date.today()
    for period, members in by_period.items():
        for card in cache.scorecards(members, period, today):
            cards[card.resolution.pk] = card
    entries = [_entry(user, cards[r.pk], reports[r.pk], today) for r in resolutions]
    context = {
        "entries": entries,
        "today": today,
        "page": page,
        "typed": typed,
        "visible_count": len(visible),
        "searchable": len(visible) > PAGE_SIZE or bool(typed),
    }
    return render(request, "web/dashboard.html", context)
