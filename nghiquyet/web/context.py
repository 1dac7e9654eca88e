"""What every page's header needs: the user's name, roles, and which menus to show."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpRequest

from nghiquyet.accounts import access


def navigation(request: HttpRequest) -> dict[str, Any]:
    user = getattr(request, "user", None)
    signed_in = bool(user is not None and user.is_authenticated)
    return {
        "nav_can_set_up": signed_in and access.has_setup_role(user),  # type: ignore[arg-type]
        "production": getattr(settings, "PRODUCTION", False),
        "languages": settings.LANGUAGES,
    }
