"""Authentication: Django's model backend, refusing the demo accounts in production."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib.auth.backends import ModelBackend

DEMO_GROUP = "demo"


class NghiquyetBackend(ModelBackend):
    def user_can_authenticate(self, user: Any) -> bool:
        if getattr(settings, "PRODUCTION", False) and user.groups.filter(name=DEMO_GROUP).exists():
            return False
        return super().user_can_authenticate(user)
