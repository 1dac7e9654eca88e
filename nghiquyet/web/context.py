"""What every page's header needs: which menus to show, and the language choices."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _

from nghiquyet.accounts import access

# Pages of other apps, linked from the menu when they are installed: (URL name, words).
ENTRY_MENU = (("intake:page", _("Nhập, xuất tệp")), ("review", _("Đọc văn bản")))


def _links(names: tuple[tuple[str, Any], ...]) -> list[tuple[str, str, Any]]:
    links = []
    for name, words in names:
        try:
            links.append((name, reverse(name), words))
        except NoReverseMatch:
            continue
    return links


def navigation(request: HttpRequest) -> dict[str, Any]:
    user = getattr(request, "user", None)
    signed_in = bool(user is not None and user.is_authenticated)
    return {
        "nav_can_set_up": signed_in and access.has_setup_role(user),  # type: ignore[arg-type]
        "nav_entry_links": _links(ENTRY_MENU)
        if signed_in and access.has_enter_role(user)  # type: ignore[arg-type]
        else [],
        "production": getattr(settings, "PRODUCTION", False),
        "languages": settings.LANGUAGES,
    }
