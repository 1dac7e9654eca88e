"""The indicator page ``/resolutions/<code>/indicators/<indicator>/``: definition, targets and
their revisions, a chart of values against the target and the expected path, every figure
with who/when/source, and the assessment form."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect, QueryDict
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from nghiquyet.accounts import access
from nghiquyet.core.periods import Period
from nghiquyet.core.targets import IndicatorKind
from nghiquyet.orgunits.models import OrgUnit
from nghiquyet.plans.models import Indicator, Resolution, Target
from nghiquyet.results.audit import Actor
from nghiquyet.results.models import Assessment, AuditEvent, Observation
from nghiquyet.results.services import (
    assess_unless_changed,
    confirm_observation,
    delete_observation,
)
from nghiquyet.scorecards.build import Row

from .. import cache, charts, labels
from ..access import indicator_of, may_assess, readable_resolution, signed_in, user_of
from ..forms import add_service_errors
from ..forms.assessment import AssessmentForm, DeleteObservationForm
from ..tables import Line, line
from .scorecard import default_period, periods_with_data, read_choice


@dataclass(frozen=True)
class Figure:
    observation: Observation
    who: str
    changes: list[AuditEvent]
    can_delete: bool


def readable_units(user: access.User, resolution: Resolution) -> list[OrgUnit]:
    """The units of the scope whose figures this person may see."""
    inside = list(OrgUnit.objects.filter(path__startswith=resolution.scope.path))
    if access.can_read_all_units(user, resolution):
        return inside
    return [unit for unit in inside if access.can_read_unit(user, unit)]


def _chart_points(observations: list[Observation], indicator: Indicator) -> list[Observation]:
    """The figures worth a line: a flow's partial-year totals would saw-tooth, so a flow with
    full years shows years only."""
    points = [o for o in observations if o.value is not None]
    if indicator.kind == IndicatorKind.FLOW and any(o.period.isdigit() for o in points):
        points = [o for o in points if o.period.isdigit()]
    return points


def _path(row: Row | None, indicator: Indicator) -> list[tuple[date, Decimal]]:
    """The straight way from the baseline to the target: what "on track" is measured against."""
    if row is None or row.target is None:
        return []
    target, term = row.target.target, indicator.resolution.term
    goal = row.target.spec.reference(indicator.direction_enum)
    if target.scope == Target.Scope.TERM and term.is_term and target.baseline is not None:
        return [(term.baseline_date, target.baseline), (term.end, goal)]
    if target.scope == Target.Scope.YEAR and indicator.kind == IndicatorKind.FLOW and target.year:
        return [(date(target.year, 1, 1), Decimal(0)), (date(target.year, 12, 31), goal)]
    return []


def _chart(indicator: Indicator, observations: list[Observation], row: Row | None) -> str:
    """Values of the resolution's scope against the target in force on the as-of date."""
    resolution = indicator.resolution
    scope_figures = [o for o in observations if o.org_unit_id == resolution.scope_id]
    points = _chart_points(scope_figures, indicator)
    path = _path(row, indicator)
    if not points and not path:
        return ""  # a lone target line on an empty time axis says nothing
    target = row.target if row is not None else None
    return charts.history_svg(
        [(o.period_end, o.value, o.is_estimate) for o in points if o.value is not None],
        unit=indicator.unit,
        target=target.spec.reference(indicator.direction_enum) if target else None,
        path=path,
        title=_("Diễn biến %(name)s so với mục tiêu") % {"name": indicator.name},
        span=(resolution.term.start, resolution.term.end),
    )


def _row_for(indicator: Indicator, card_rows: list[Row]) -> Row | None:
    return next((row for row in card_rows if row.indicator.pk == indicator.pk), None)


def _who(observation: Observation, changes: list[AuditEvent]) -> str:
    user = observation.updated_by or observation.created_by
    if user is not None:
        return user.get_username()
    return changes[0].actor_label if changes else "—"


def _initial(assessment: Assessment | None, period: Period) -> dict[str, Any]:
    if assessment is None:
        return {"period": period.code, "version": 0}
    fields = (
        "status_override",
        "override_reason",
        "causes_subjective",
        "causes_objective",
        "remedies",
        "responsible_agency",
    )
    return {
        "period": period.code,
        "version": assessment.version,
        **{name: getattr(assessment, name) for name in fields},
    }


def _page(
    request: HttpRequest,
    resolution: Resolution,
    indicator: Indicator,
    form: AssessmentForm | None = None,
    status: int = 200,
) -> HttpResponse:
    from ..queries import indicator_history

    user = user_of(request)
    with_data = periods_with_data(resolution)
    choice = read_choice(request, resolution, default_period(resolution, with_data))
    period = choice.period or default_period(resolution, with_data)
    history = indicator_history(indicator, readable_units(user, resolution))
    card = cache.scorecard(resolution, period, choice.as_of)
    row = _row_for(indicator, card.rows)
    assessment = next(
        (
            a
            for a in history.assessments
            if a.period == period.code and a.org_unit_id == resolution.scope_id
        ),
        None,
    )
    figures = [
        Figure(
            observation,
            _who(observation, history.changes.get(observation.pk, [])),
            history.changes.get(observation.pk, []),
            access.can_enter(user, resolution, observation.org_unit),
        )
        for observation in history.observations
    ]
    current: Line | None = line(card, row) if row is not None else None
    context = {
        "resolution": resolution,
        "indicator": indicator,
        "period": period,
        "card": card,
        "current": current,
        "history": history,
        "figures": figures,
        "chart": _chart(indicator, history.observations, row),
        "assessment": assessment,
        "form": form or AssessmentForm(initial=_initial(assessment, period)),
        "may_assess": may_assess(request, resolution),
        "can_set_up": access.can_set_up(user, resolution),
        "direction": labels.DIRECTIONS.get(indicator.direction_enum, ""),
        "kind": labels.KINDS.get(IndicatorKind(indicator.kind), ""),
        "term_basis": labels.TERM_BASES.get(indicator.term_basis, "")  # type: ignore[call-overload]
        if indicator.term_basis
        else "",
        "query": f"period={period.code}"
        + (f"&as_of={choice.as_of.isoformat()}" if choice.as_of else ""),
    }
    return render(request, "web/indicator.html", context, status=status)


@signed_in
def indicator(request: HttpRequest, code: str, indicator_code: str) -> HttpResponse:
    resolution = readable_resolution(request, code)
    return _page(request, resolution, indicator_of(resolution, indicator_code))


def _back(resolution: Resolution, indicator: Indicator, period: str, anchor: str) -> str:
    url = reverse("indicator", args=[resolution.code, indicator.code])
    return f"{url}?period={period}#{anchor}"


@signed_in
@require_POST
def assess(request: HttpRequest, code: str, indicator_code: str) -> HttpResponse:
    resolution = readable_resolution(request, code)
    indicator = indicator_of(resolution, indicator_code)
    if not may_assess(request, resolution):
        raise PermissionDenied(_("Bạn chỉ được xem, không được đánh giá chỉ tiêu này."))
    form = AssessmentForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        try:
            assess_unless_changed(
                expected_version=data["version"],
                indicator=indicator,
                org_unit=resolution.scope,
                period=data["period"],
                status_override=data["status_override"],
                override_reason=data["override_reason"],
                causes_subjective=data["causes_subjective"],
                causes_objective=data["causes_objective"],
                remedies=data["remedies"],
                responsible_agency=data["responsible_agency"],
                actor=Actor.of(user_of(request), source="web"),
            )
        except ValidationError as exc:
            form = _after_conflict(form, exc, indicator, resolution)
        else:
            messages.success(request, _("Đã lưu đánh giá."))
            return HttpResponseRedirect(_back(resolution, indicator, data["period"], "assessment"))
    return _page(request, resolution, indicator, form=form, status=400)


def _after_conflict(
    form: AssessmentForm, error: ValidationError, indicator: Indicator, resolution: Resolution
) -> AssessmentForm:
    """Keep what the person typed; if somebody saved first, let the next save overwrite."""
    data = QueryDict(mutable=True)
    data.update(form.data)
    if getattr(error, "code", None) == "conflict" or "phiên bản" in str(error):
        saved = Assessment.objects.filter(
            indicator=indicator, org_unit=resolution.scope, period=data.get("period", "")
        ).first()
        data["version"] = str(saved.version if saved else 0)
    fresh = AssessmentForm(data)
    fresh.is_valid()
    add_service_errors(fresh, error)
    return fresh


def _editable_figure(
    request: HttpRequest, code: str, indicator_code: str, pk: int
) -> tuple[Resolution, Indicator, Observation]:
    """A live figure of this indicator that the person may change: 404 if gone, 403 if it
    belongs to a unit they do not enter figures for."""
    resolution = readable_resolution(request, code)
    indicator = indicator_of(resolution, indicator_code)
    observation = (
        Observation.objects.select_related("org_unit")
        .filter(pk=pk, indicator=indicator, is_deleted=False)
        .first()
    )
    if observation is None:
        raise Http404(_("Số liệu này không còn."))
    if not access.can_enter(user_of(request), resolution, observation.org_unit):
        raise PermissionDenied(_("Bạn không được sửa số liệu của đơn vị này."))
    return resolution, indicator, observation


@signed_in
@require_POST
def remove_observation(
    request: HttpRequest, code: str, indicator_code: str, pk: int
) -> HttpResponse:
    resolution, indicator, observation = _editable_figure(request, code, indicator_code, pk)
    form = DeleteObservationForm(request.POST)
    back = _back(resolution, indicator, observation.period, "figures")
    if not form.is_valid():
        messages.error(request, _("Cần ghi lý do xóa số liệu."))
        return HttpResponseRedirect(back)
    if form.cleaned_data["version"] != observation.version:
        messages.error(
            request,
            _("Số liệu vừa được người khác sửa thành '%(raw)s'; chưa xóa. Hãy xem lại.")
            % {"raw": observation.raw_text},
        )
        return HttpResponseRedirect(back)
    delete_observation(
        observation,
        reason=form.cleaned_data["reason"],
        actor=Actor.of(user_of(request), source="web"),
    )
    messages.success(request, _("Đã xóa số liệu (vẫn giữ trong lịch sử)."))
    return HttpResponseRedirect(back)


@signed_in
@require_POST
def confirm(request: HttpRequest, code: str, indicator_code: str, pk: int) -> HttpResponse:
    """A person checked a figure read from text against its quote: it is no longer a draft."""
    resolution, indicator, observation = _editable_figure(request, code, indicator_code, pk)
    back = _back(resolution, indicator, observation.period, "figures")
    try:
        version = int(request.POST.get("version", ""))
    except ValueError:
        messages.error(request, _("Biểu mẫu thiếu phiên bản số liệu; hãy tải lại trang."))
        return HttpResponseRedirect(back)
    try:
        confirm_observation(
            observation, expected_version=version, actor=Actor.of(user_of(request), source="web")
        )
    except ValidationError:
        observation.refresh_from_db()
        messages.error(
            request,
            _("Số liệu vừa được người khác sửa thành '%(raw)s'; chưa xác nhận. Hãy xem lại.")
            % {"raw": observation.raw_text},
        )
        return HttpResponseRedirect(back)
    messages.success(request, _("Đã xác nhận số liệu: không còn là bản nháp."))
    return HttpResponseRedirect(back)
