"""Data entry ``/resolutions/<code>/entry/?unit=&period=``: a grid of the resolution's
indicators for one unit and period.

People type figures as they write them ("4.500", "41,3", "trên 90", "ước 248"). "Xem trước"
shows each parsed value and what it means before anything is saved; "Lưu" saves every changed
row in one transaction — one bad row, and nothing is saved, each problem named on its row. A
figure somebody else saved meanwhile is a conflict: the row shows their value beside what was
typed, and nothing typed is lost.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect, JsonResponse, QueryDict
from django.shortcuts import render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from nghiquyet.accounts import access
from nghiquyet.core.periods import Period, PeriodError, parse_period
from nghiquyet.orgunits.models import OrgUnit
from nghiquyet.plans.models import Indicator, Resolution
from nghiquyet.results.audit import Actor
from nghiquyet.results.models import Observation
from nghiquyet.results.services import ConcurrentEdit, record_observation
from nghiquyet.scorecards.build import Row

from .. import cache, labels, queries, reporting
from ..access import readable_resolution, signed_in, user_of
from ..forms.entry import ESTIMATE, GridRow, blank_rows, preview, submitted_rows
from ..tables import is_final
from .scorecard import periods_with_data


class _Rollback(Exception):
    """Leave the transaction without saving anything."""


@dataclass
class Target:
    """Where the figures go: a unit and a period, or the messages saying why not."""

    units: list[OrgUnit]
    unit: OrgUnit | None
    period: Period | None
    periods: list[Period]
    errors: dict[str, str]


def _choose(request: HttpRequest, resolution: Resolution, source: QueryDict) -> Target:
    units = access.enterable_units(user_of(request), resolution)
    with_data = periods_with_data(resolution)
    periods = reporting.picker_periods(resolution.term, with_data)
    errors: dict[str, str] = {}
    unit: OrgUnit | None = None
    unit_code = source.get("unit", "")
    if unit_code:
        unit = next((u for u in units if u.code == unit_code), None)
        if unit is None:
            errors["unit"] = _("Bạn không được nhập số liệu cho đơn vị '%(code)s'.") % {
                "code": unit_code
            }
    elif units:
        scope = resolution.scope
        unit = next((u for u in units if u.pk == scope.pk), units[0])
    period: Period | None = None
    period_code = source.get("period", "")
    if period_code:
        try:
            period = parse_period(period_code)
        except PeriodError as exc:
            errors["period"] = str(exc)
        else:
            if not resolution.covers(period) and period != resolution.term:
                errors["period"] = _(
                    "Kỳ %(period)s nằm ngoài thời hạn của nghị quyết (%(term)s)."
                ) % {
                    "period": labels.period_label(period),
                    "term": labels.period_label(resolution.term),
                }
                period = None
    else:
        upcoming = queries.reporting([resolution])[resolution.pk].next_period(date.today())
        period = upcoming or reporting.latest(with_data) or resolution.term
    return Target(units, unit, period, periods, errors)


def _grid_data(
    resolution: Resolution, unit: OrgUnit, period: Period
) -> tuple[list[Indicator], dict[int, Observation], dict[int, Row], bool]:
    card = cache.scorecard(resolution, period)
    indicators = [row.indicator for row in card.rows]
    saved = {
        o.indicator_id: o
        for o in Observation.objects.filter(
            indicator__in=indicators, org_unit=unit, period=period.code, is_deleted=False
        ).select_related("updated_by")
    }
    targets = {row.indicator.pk: row for row in card.rows}
    final = is_final(card)
    return indicators, saved, targets, final


def _url(resolution: Resolution, unit: OrgUnit, period: Period) -> str:
    query = urlencode({"unit": unit.code, "period": period.code})
    return f"{reverse('entry', args=[resolution.code])}?{query}"


@signed_in
def entry(request: HttpRequest, code: str) -> HttpResponse:
    resolution = readable_resolution(request, code)
    source = request.POST if request.method == "POST" else request.GET
    target = _choose(request, resolution, source)
    if not target.units:
        return _render(request, resolution, target, [], status=403)
    if target.errors or target.unit is None or target.period is None:
        status = 403 if "unit" in target.errors else 400
        return _render(request, resolution, target, [], status=status)
    indicators, saved, targets, final = _grid_data(resolution, target.unit, target.period)
    threshold = resolution.nearly_met_threshold
    if request.method != "POST":
        rows = blank_rows(indicators, saved, targets)
        for row in rows:
            preview(row, threshold, final)
        return _render(request, resolution, target, rows, final=final)
    rows = submitted_rows(request.POST, indicators, saved, targets)
    for row in rows:
        preview(row, threshold, final)
    if request.POST.get("action") != "save":
        return _render(request, resolution, target, rows, final=final, previewed=True)
    return _save(request, resolution, target, rows, final)


def _save(
    request: HttpRequest, resolution: Resolution, target: Target, rows: list[GridRow], final: bool
) -> HttpResponse:
    assert target.unit is not None and target.period is not None
    changed = [row for row in rows if row.touched]
    for row in changed:
        if not row.value and row.saved is not None:
            row.errors.append(
                _("Để xóa số liệu đã lưu, dùng nút “Xóa” ở trang chỉ tiêu (cần ghi lý do).")
            )
        elif not row.value:
            row.errors.append(_("Chưa có giá trị: ghi số liệu hoặc xóa ghi chú."))
    actor = Actor.of(user_of(request), source="web")
    saved = 0
    try:
        with transaction.atomic():
            for row in changed:
                if row.errors:
                    continue
                try:
                    record_observation(
                        indicator=row.indicator,
                        org_unit=target.unit,
                        period=target.period.code,
                        raw_text=row.value,
                        is_estimate=row.flag == ESTIMATE,
                        note=row.note,
                        source=Observation.Source.FORM,
                        expected_version=row.version,
                        actor=actor,
                    )
                    saved += 1
                except ConcurrentEdit as exc:
                    _conflict(row, exc)
                except ValidationError as exc:
                    row.errors.extend(exc.messages)
            if any(row.errors for row in rows):
                raise _Rollback
    except _Rollback:
        return _render(request, resolution, target, rows, final=final, failed=True, status=400)
    if saved:
        messages.success(
            request,
            _("Đã lưu %(count)d giá trị cho %(unit)s, %(period)s.")
            % {
                "count": saved,
                "unit": target.unit.name,
                "period": labels.period_label(target.period),
            },
        )
    else:
        messages.info(request, _("Không có giá trị nào thay đổi."))
    return HttpResponseRedirect(_url(resolution, target.unit, target.period))


def _conflict(row: GridRow, exc: ConcurrentEdit) -> None:
    """Show the other person's value; the next save (from this row) replaces it."""
    current = exc.current
    row.conflict = current
    row.errors.extend(exc.messages)
    row.version = current.version
    row.original = (current.raw_text, ESTIMATE if current.is_estimate else "th", current.note)


def _render(
    request: HttpRequest,
    resolution: Resolution,
    target: Target,
    rows: list[GridRow],
    *,
    final: bool = False,
    previewed: bool = False,
    failed: bool = False,
    status: int = 200,
) -> HttpResponse:
    groups: list[tuple[object, list[GridRow]]] = []
    for row in rows:
        if not groups or groups[-1][0] != row.indicator.group:
            groups.append((row.indicator.group, []))
        groups[-1][1].append(row)
    context = {
        "resolution": resolution,
        "target": target,
        "groups": groups,
        "previewed": previewed,
        "failed": failed,
        "problems": sum(1 for row in rows if row.errors),
        "final": final,
    }
    return render(request, "web/entry.html", context, status=status)


@signed_in
@require_POST
def parse(request: HttpRequest, code: str) -> JsonResponse:
    """What a typed value reads as, for the grid's script: the server is the only parser."""
    resolution = readable_resolution(request, code)
    if not access.enterable_units(user_of(request), resolution):
        return JsonResponse({"error": {"code": "forbidden"}}, status=403)
    indicator = Indicator.objects.filter(
        resolution=resolution, pk=request.POST.get("indicator", "") or 0
    ).first()
    if indicator is None:
        return JsonResponse({"error": {"code": "not_found"}}, status=404)
    indicator.resolution = resolution
    row = GridRow(indicator, None, None, value=request.POST.get("value", "").strip())
    row.flag = ESTIMATE if request.POST.get("flag") == ESTIMATE else "th"
    preview(row, resolution.nearly_met_threshold, final=False)
    return JsonResponse({"text": row.preview, "errors": row.errors})
