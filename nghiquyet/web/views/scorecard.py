"""The scorecard ``/resolutions/<code>/?period=&as_of=&lagging=1[&format=json|csv]``: the
appendix table of a review report, grouped by field, with a period picker and an as-of date
for a mid-term review. The same URL answers JSON (the CLI's ``scorecard --format json``) and
CSV."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date

from django.core.serializers.json import DjangoJSONEncoder
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _

from nghiquyet.accounts import access
from nghiquyet.core.periods import Period, PeriodError, parse_period
from nghiquyet.plans.models import Resolution
from nghiquyet.results.models import Observation
from nghiquyet.scorecards.build import Scorecard, ScorecardError
from nghiquyet.scorecards.render import scorecard_json

from .. import cache, charts, labels, reporting
from ..access import readable_resolution, signed_in, user_of
from ..tables import is_final, scorecard_csv, sections


@dataclass(frozen=True)
class Choice:
    period: Period | None
    as_of: date | None
    errors: dict[str, str]


def periods_with_data(resolution: Resolution) -> list[Period]:
    codes = (
        Observation.objects.filter(
            indicator__resolution=resolution, org_unit=resolution.scope, is_deleted=False
        )
        .values_list("period", flat=True)
        .distinct()
        .order_by()
    )
    periods = []
    for code in codes:
        try:
            periods.append(parse_period(code))
        except PeriodError:
            continue
    return periods


def default_period(resolution: Resolution, with_data: list[Period]) -> Period:
    if resolution.term.is_term:
        return resolution.term
    return reporting.latest(with_data) or resolution.term


def read_choice(request: HttpRequest, resolution: Resolution, fallback: Period) -> Choice:
    """The period and as-of date asked for, with a message per field when unreadable."""
    errors: dict[str, str] = {}
    period: Period | None = fallback
    as_of: date | None = None
    if text := request.GET.get("period", "").strip():
        try:
            period = parse_period(text)
        except PeriodError as exc:
            errors["period"], period = str(exc), None
        else:
            if not (resolution.covers(period) or period == resolution.term):
                errors["period"] = _(
                    "Kỳ %(period)s nằm ngoài thời hạn của nghị quyết (%(term)s)."
                ) % {
                    "period": labels.period_label(period),
                    "term": labels.period_label(resolution.term),
                }
                period = None
    if text := request.GET.get("as_of", "").strip():
        try:
            as_of = date.fromisoformat(text)
        except ValueError:
            errors["as_of"] = _(
                "Ngày '%(text)s' không hợp lệ: ghi theo dạng năm-tháng-ngày, ví dụ 2023-05-17."
            ) % {"text": text}
    return Choice(period, as_of, errors)


def _json(card: Scorecard) -> HttpResponse:
    payload = json.dumps(scorecard_json(card), ensure_ascii=False, cls=DjangoJSONEncoder)
    return HttpResponse(payload, content_type="application/json; charset=utf-8")


def _csv(card: Scorecard) -> HttpResponse:
    response = HttpResponse(scorecard_csv(card), content_type="text/csv; charset=utf-8")
    name = f"{card.resolution.code}_{card.period.code}_{card.as_of.isoformat()}.csv"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@signed_in
def scorecard(request: HttpRequest, code: str) -> HttpResponse:
    resolution = readable_resolution(request, code)
    with_data = periods_with_data(resolution)
    choice = read_choice(request, resolution, default_period(resolution, with_data))
    fmt = request.GET.get("format", "")
    if choice.errors:
        message = " ".join(choice.errors.values())
        if fmt in ("json", "csv"):
            return JsonResponse(
                {"error": {"code": "bad_request", "message": message, "fields": choice.errors}},
                status=400,
            )
        return _page(request, resolution, with_data, choice, None, status=400)
    assert choice.period is not None
    try:
        card = cache.scorecard(resolution, choice.period, choice.as_of)
    except ScorecardError as exc:  # pragma: no cover - read_choice checks the same
        return JsonResponse({"error": {"code": "bad_request", "message": str(exc)}}, status=400)
    if fmt == "json":
        return _json(card)
    if fmt == "csv":
        return _csv(card)
    return _page(request, resolution, with_data, choice, card)


def _page(
    request: HttpRequest,
    resolution: Resolution,
    with_data: list[Period],
    choice: Choice,
    card: Scorecard | None,
    status: int = 200,
) -> HttpResponse:
    user = user_of(request)
    lagging_only = request.GET.get("lagging") == "1"
    context: dict[str, object] = {
        "resolution": resolution,
        "choice": choice,
        "periods": reporting.picker_periods(resolution.term, with_data),
        "lagging_only": lagging_only,
        "can_set_up": access.can_set_up(user, resolution),
        "can_enter": bool(access.can_enter(user, resolution, resolution.scope))
        or access.can_set_up(user, resolution),
        "card": card,
        # Rows link to their indicator: one reverse() for the page, not one a row.
        "indicator_base": reverse("indicator", args=[resolution.code, "0"])[:-2],
    }
    if card is not None:
        final = is_final(card)
        lagging_rows = [row for row in card.rows if row.lagging]
        context.update(
            tally=card.tally,
            sections=sections(card, lagging_only=lagging_only),
            lagging_count=len(lagging_rows),
            show_plan=not card.period.is_term,
            show_previous=not card.period.is_term and any(row.previous for row in card.rows),
            query=_query(card, choice),
            chart=charts.status_svg(
                card.tally.by_status,
                final=final,
                title=_("Số chỉ tiêu theo kết quả đánh giá"),
            ),
            statuses=[(code, count) for code, count in card.tally.by_status.items() if count],
            final=final,
        )
    return render(request, "web/scorecard.html", context, status=status)


def _query(card: Scorecard, choice: Choice) -> str:
    query = f"period={card.period.code}"
    if choice.as_of is not None:
        query += f"&as_of={choice.as_of.isoformat()}"
    return query
