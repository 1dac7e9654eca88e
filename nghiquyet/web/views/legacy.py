"""Pages. Each view reads HTTP, calls a selector or a service, and renders; no rules here."""

from __future__ import annotations

import json
from datetime import date

from django.core.serializers.json import DjangoJSONEncoder
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, render

from nghiquyet.core.periods import PeriodError, parse_period
from nghiquyet.plans.models import Resolution
from nghiquyet.scorecards.build import ScorecardError, build_scorecard
from nghiquyet.scorecards.render import scorecard_json, table_rows
from nghiquyet.scorecards.selectors import latest_period


def home(request: HttpRequest) -> HttpResponse:
    """Every resolution with the tally of its latest reported period."""
    entries = []
    for resolution in Resolution.objects.filter(is_deleted=False).select_related("issuer", "scope"):
        period = latest_period(resolution) or resolution.term
        card = build_scorecard(resolution, period)
        entries.append({"resolution": resolution, "card": card, "tally": card.tally})
    return render(request, "web/home.html", {"entries": entries})


def scorecard(request: HttpRequest, code: str) -> HttpResponse:
    resolution = get_object_or_404(Resolution, code=code, is_deleted=False)
    try:
        period = (
            parse_period(request.GET["period"])
            if request.GET.get("period")
            else (latest_period(resolution) or resolution.term)
        )
        as_of = date.fromisoformat(request.GET["as_of"]) if request.GET.get("as_of") else None
        card = build_scorecard(resolution, period, as_of)
    except (PeriodError, ScorecardError, ValueError) as exc:
        if request.GET.get("format") == "json":
            return JsonResponse({"error": {"code": "bad_request", "message": str(exc)}}, status=400)
        raise Http404(str(exc)) from exc
    if request.GET.get("format") == "json":
        payload = json.dumps(scorecard_json(card), ensure_ascii=False, cls=DjangoJSONEncoder)
        return HttpResponse(payload, content_type="application/json; charset=utf-8")
    return render(
        request,
        "web/scorecard.html",
        {"resolution": resolution, "card": card, "tally": card.tally, "rows": table_rows(card)},
    )
