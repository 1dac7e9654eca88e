"""Set-up of indicators and their targets, and the formal revision of a target.

A target is never edited in place: a change of value is a revision with the decision, the
effective date and the reason, and the old value stays in its history (Lục Ngạn 2018: độ che
phủ rừng 37 → 41,3 %).
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from nghiquyet.plans.models import Indicator, Resolution, Target
from nghiquyet.plans.services import add_indicator, revise_target, set_target, update_indicator

from ..access import indicator_of, readable_resolution, require_set_up, signed_in
from ..forms import add_service_errors
from ..forms.setup import (
    INDICATOR_FIELDS,
    IndicatorForm,
    ReviseForm,
    TargetForm,
    indicator_initial,
)
from .setup import _actor


def _editable(request: HttpRequest, code: str) -> Resolution:
    resolution = readable_resolution(request, code)
    require_set_up(request, resolution)
    return resolution


def _indicator_url(indicator: Indicator) -> str:
    return reverse("setup_indicator", args=[indicator.resolution.code, indicator.code])


@signed_in
def new_indicator(request: HttpRequest, code: str) -> HttpResponse:
    resolution = _editable(request, code)
    form = IndicatorForm(request.POST or None, resolution=resolution)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        try:
            indicator = add_indicator(
                resolution,
                code=data.pop("code"),
                name=data.pop("name"),
                unit=data.pop("unit"),
                direction=data.pop("direction"),
                kind=data.pop("kind"),
                group=data.pop("group"),
                parent=data.pop("parent"),
                term_basis=data.pop("term_basis"),
                change_method=data.pop("change_method"),
                actor=_actor(request),
                **data,
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            indicator.resolution = resolution
            messages.success(request, _("Đã thêm chỉ tiêu. Ghi mục tiêu cho chỉ tiêu bên dưới."))
            return HttpResponseRedirect(_indicator_url(indicator) + "#targets")
    status = 400 if request.method == "POST" else 200
    context = {"resolution": resolution, "form": form}
    return render(request, "web/setup/new_indicator.html", context, status=status)


def _indicator_page(
    request: HttpRequest,
    resolution: Resolution,
    indicator: Indicator,
    form: IndicatorForm | None = None,
    target_form: TargetForm | None = None,
    status: int = 200,
) -> HttpResponse:
    targets = list(indicator.targets.prefetch_related("revisions").order_by("scope", "year"))
    context: dict[str, Any] = {
        "resolution": resolution,
        "indicator": indicator,
        "form": form
        or IndicatorForm(
            initial=indicator_initial(indicator), resolution=resolution, exclude=indicator.pk
        ),
        "target_form": target_form
        or TargetForm(
            initial={
                "scope": Target.Scope.TERM if resolution.term.is_term else Target.Scope.YEAR,
                "year": None if resolution.term.is_term else resolution.first_year,
                "source": Target.Source.CONGRESS
                if resolution.kind == Resolution.Kind.CONGRESS_TERM
                else Target.Source.ANNUAL,
            }
        ),
        "targets": targets,
    }
    return render(request, "web/setup/indicator.html", context, status=status)


@signed_in
def setup_indicator(request: HttpRequest, code: str, indicator_code: str) -> HttpResponse:
    resolution = _editable(request, code)
    indicator = indicator_of(resolution, indicator_code)
    if request.method != "POST":
        return _indicator_page(request, resolution, indicator)
    form = IndicatorForm(request.POST, resolution=resolution, exclude=indicator.pk)
    if form.is_valid():
        changes = {name: form.cleaned_data[name] for name in INDICATOR_FIELDS}
        try:
            indicator = update_indicator(indicator, actor=_actor(request), **changes)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            indicator.resolution = resolution
            messages.success(request, _("Đã lưu chỉ tiêu."))
            return HttpResponseRedirect(_indicator_url(indicator))
    return _indicator_page(request, resolution, indicator, form=form, status=400)


@signed_in
@require_POST
def new_target(request: HttpRequest, code: str, indicator_code: str) -> HttpResponse:
    resolution = _editable(request, code)
    indicator = indicator_of(resolution, indicator_code)
    form = TargetForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        try:
            set_target(
                indicator,
                raw_text=data["raw_text"],
                scope=data["scope"],
                source=data["source"],
                year=data["year"],
                baseline=data["baseline"],
                note=data["note"],
                actor=_actor(request),
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("Đã ghi mục tiêu."))
            return HttpResponseRedirect(_indicator_url(indicator) + "#targets")
    return _indicator_page(request, resolution, indicator, target_form=form, status=400)


@signed_in
def revise(request: HttpRequest, code: str, indicator_code: str, pk: int) -> HttpResponse:
    resolution = _editable(request, code)
    indicator = indicator_of(resolution, indicator_code)
    target = Target.objects.filter(pk=pk, indicator=indicator).first()
    if target is None:
        raise Http404(_("Không có mục tiêu này."))
    form = ReviseForm(request.POST or None, initial={"version": target.version})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            revise_target(
                target,
                raw_text=data["raw_text"],
                effective_on=data["effective_on"],
                decision=data["decision"],
                reason=data["reason"],
                expected_version=data["version"],
                actor=_actor(request),
            )
        except ValidationError as exc:
            target.refresh_from_db()
            data_copy = request.POST.copy()
            data_copy["version"] = str(target.version)
            form = ReviseForm(data_copy)
            form.is_valid()
            add_service_errors(form, exc)
        else:
            messages.success(
                request, _("Đã điều chỉnh mục tiêu; giá trị cũ vẫn giữ trong lịch sử.")
            )
            url = reverse("indicator", args=[resolution.code, indicator.code])
            return HttpResponseRedirect(url + "#targets-title")
    context = {
        "resolution": resolution,
        "indicator": indicator,
        "target": target,
        "revisions": list(target.revisions.select_related("created_by").order_by("effective_on")),
        "form": form,
    }
    status = 400 if request.method == "POST" else 200
    return render(request, "web/setup/revise.html", context, status=status)
