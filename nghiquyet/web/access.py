"""Access in the pages: signed in, then the resolution, then the action.

* Not signed in: a page redirects to the login form; JSON and CSV answer 401.
* A resolution the person cannot read answers 404, as if it did not exist: the resolutions
  of another district are not theirs to know about.
* A resolution they can read but not change (a viewer on the entry page, a reporter on the
  set-up pages, a forged form for another unit) answers 403.

The same rules hold for ``?format=json`` and ``?format=csv``: the error handlers in
:mod:`nghiquyet.web.views.errors` answer in JSON when JSON was asked for.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar, cast

from django.contrib.auth.models import User
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.utils.translation import gettext as _

from nghiquyet.accounts import access
from nghiquyet.plans.models import Indicator, Resolution

View = TypeVar("View", bound=Callable[..., HttpResponse])

MACHINE_FORMATS = frozenset({"json", "csv"})


def wants_machine_format(request: HttpRequest) -> bool:
    return request.GET.get("format", "") in MACHINE_FORMATS


def signed_in(view: View) -> View:
    """Require a signed-in user: login form for pages, 401 for JSON and CSV."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not request.user.is_authenticated:
            if wants_machine_format(request):
                return JsonResponse(
                    {"error": {"code": "login_required", "message": _("Cần đăng nhập.")}},
                    status=401,
                )
            return redirect_to_login(request.get_full_path())
        return view(request, *args, **kwargs)

    return cast(View, wrapper)


def user_of(request: HttpRequest) -> User:
    """The signed-in user (views are wrapped in :func:`signed_in`)."""
    assert isinstance(request.user, User)
    return request.user


def readable_resolution(request: HttpRequest, code: str) -> Resolution:
    """The resolution, if this person may read it; otherwise 404."""
    resolution = (
        Resolution.objects.select_related("issuer", "scope", "parent")
        .filter(code=code, is_deleted=False)
        .first()
    )
    if resolution is None or not access.can_read_resolution(user_of(request), resolution):
        raise Http404(_("Không tìm thấy nghị quyết '%(code)s'.") % {"code": code})
    return resolution


def indicator_of(resolution: Resolution, code: str) -> Indicator:
    indicator = (
        Indicator.objects.select_related("group", "parent")
        .filter(resolution=resolution, code=code)
        .first()
    )
    if indicator is None:
        raise Http404(_("Nghị quyết không có chỉ tiêu mã '%(code)s'.") % {"code": code})
    indicator.resolution = resolution  # already loaded: spare the query
    return indicator


def require_set_up(request: HttpRequest, resolution: Resolution) -> None:
    if not access.can_set_up(user_of(request), resolution):
        raise PermissionDenied(
            _("Chỉ văn phòng của đơn vị ban hành mới được thiết lập nghị quyết này.")
        )


def may_assess(request: HttpRequest, resolution: Resolution) -> bool:
    """Assessments are made for the scope: by whoever may enter its figures or set it up."""
    user = user_of(request)
    return access.can_enter(user, resolution, resolution.scope) or access.can_set_up(
        user, resolution
    )
