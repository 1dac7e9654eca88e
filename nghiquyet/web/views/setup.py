"""Set-up of resolutions: the list, a new resolution, its description and field headings.

Only the office of the issuing body (or an admin) sets up a resolution; anyone else who may
read it gets 403. Indicators and targets are in :mod:`nghiquyet.web.views.setup_indicators`.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from nghiquyet.accounts import access
from nghiquyet.plans.models import IndicatorGroup, Resolution
from nghiquyet.plans.services import add_group, create_resolution, rename_group, update_resolution
from nghiquyet.results.audit import Actor

from ..access import readable_resolution, require_set_up, signed_in, user_of
from ..forms import add_service_errors
from ..forms.setup import GroupForm, NewResolutionForm, ResolutionForm

RESOLUTION_FIELDS = ("title", "number", "kind", "issued_on", "notes", "nearly_met_threshold")


def _actor(request: HttpRequest) -> Actor:
    return Actor.of(user_of(request), source="web")


@signed_in
def setup_list(request: HttpRequest) -> HttpResponse:
    user = user_of(request)
    if not access.has_setup_role(user):
        raise PermissionDenied(_("Chỉ văn phòng cấp ủy, chính quyền mới thiết lập nghị quyết."))
    resolutions = [r for r in access.visible_resolutions(user) if access.can_set_up(user, r)]
    return render(request, "web/setup/list.html", {"resolutions": resolutions})


@signed_in
def new_resolution(request: HttpRequest) -> HttpResponse:
    user = user_of(request)
    if not access.has_setup_role(user):
        raise PermissionDenied(_("Chỉ văn phòng cấp ủy, chính quyền mới thiết lập nghị quyết."))
    units = access.units_to_set_up(user)
    choices: dict[str, Any] = {
        "issuers": units,
        "scopes": access.scopes_to_set_up(user),
        "parents": access.visible_resolutions(user),
    }
    form = NewResolutionForm(request.POST or None, **choices)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            resolution = create_resolution(
                code=data["code"],
                title=data["title"],
                kind=data["kind"],
                issuer=data["issuer"],
                scope=data["scope"],
                first_year=data["first_year"],
                last_year=data["last_year"],
                number=data["number"],
                issued_on=data["issued_on"],
                parent=data["parent"],
                notes=data["notes"],
                actor=_actor(request),
            )
            if data["nearly_met_threshold"] is not None:
                update_resolution(
                    resolution,
                    nearly_met_threshold=data["nearly_met_threshold"],
                    actor=_actor(request),
                )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("Đã tạo nghị quyết. Thêm lĩnh vực và chỉ tiêu bên dưới."))
            return HttpResponseRedirect(reverse("setup_resolution", args=[resolution.code]))
    status = 400 if request.method == "POST" else 200
    return render(request, "web/setup/new_resolution.html", {"form": form}, status=status)


def _resolution_page(
    request: HttpRequest,
    resolution: Resolution,
    form: ResolutionForm | None = None,
    group_form: GroupForm | None = None,
    status: int = 200,
) -> HttpResponse:
    initial = {name: getattr(resolution, name) for name in RESOLUTION_FIELDS}
    indicators = list(
        resolution.indicators.select_related("group")
        .prefetch_related("targets")
        .order_by("group__position", "position", "id")
    )
    context = {
        "resolution": resolution,
        "form": form or ResolutionForm(initial=initial),
        "group_form": group_form or GroupForm(),
        "groups": list(resolution.groups.order_by("position")),
        "indicators": indicators,
    }
    return render(request, "web/setup/resolution.html", context, status=status)


@signed_in
def setup_resolution(request: HttpRequest, code: str) -> HttpResponse:
    resolution = readable_resolution(request, code)
    require_set_up(request, resolution)
    if request.method != "POST":
        return _resolution_page(request, resolution)
    form = ResolutionForm(request.POST)
    if form.is_valid():
        changes = dict(form.cleaned_data)
        if changes["nearly_met_threshold"] is None:
            changes.pop("nearly_met_threshold")
        try:
            update_resolution(resolution, actor=_actor(request), **changes)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("Đã lưu thông tin nghị quyết."))
            return HttpResponseRedirect(reverse("setup_resolution", args=[code]))
    return _resolution_page(request, resolution, form=form, status=400)


@signed_in
@require_POST
def new_group(request: HttpRequest, code: str) -> HttpResponse:
    resolution = readable_resolution(request, code)
    require_set_up(request, resolution)
    form = GroupForm(request.POST)
    if not form.is_valid():
        return _resolution_page(request, resolution, group_form=form, status=400)
    add_group(resolution, form.cleaned_data["title"], actor=_actor(request))
    messages.success(request, _("Đã thêm lĩnh vực."))
    return HttpResponseRedirect(reverse("setup_resolution", args=[code]) + "#groups")


@signed_in
@require_POST
def edit_group(request: HttpRequest, code: str, position: int) -> HttpResponse:
    resolution = readable_resolution(request, code)
    require_set_up(request, resolution)
    group = IndicatorGroup.objects.filter(resolution=resolution, position=position).first()
    if group is None:
        return _resolution_page(request, resolution, status=404)
    try:
        rename_group(group, request.POST.get("title", ""), actor=_actor(request))
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("Đã đổi tên lĩnh vực."))
    return HttpResponseRedirect(reverse("setup_resolution", args=[code]) + "#groups")
