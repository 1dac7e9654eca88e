"""Who belongs to which org unit, with which role (issue 3, "Who sees what")."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from nghiquyet.orgunits.models import OrgUnit


class Role(models.TextChoices):
    ADMIN = "admin", _("Quản trị")  # everything, everywhere
    OFFICE = "office", _("Văn phòng")  # sets up its units' resolutions, reads all below
    REPORTER = "reporter", _("Báo cáo số liệu")  # enters figures for its units and below
    VIEWER = "viewer", _("Xem")  # reads its units and below


class Membership(models.Model):
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships"
    )
    org_unit = models.ForeignKey(OrgUnit, on_delete=models.PROTECT, related_name="memberships")
    role = models.CharField(max_length=16, choices=Role.choices)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "org_unit"], name="membership_unique")
        ]

    def __str__(self) -> str:
        return f"{self.user_id} · {self.org_unit_id} · {self.role}"


class LoginFailure(models.Model):
    """A failed sign-in, kept for a short while to slow down password guessing."""

    username = models.CharField(max_length=150, db_index=True)
    ip = models.GenericIPAddressField(null=True, blank=True)
    at = models.DateTimeField(db_index=True)

    class Meta:
        indexes = [models.Index(fields=["ip", "at"], name="login_failure_ip")]

    def __str__(self) -> str:
        return f"{self.username} {self.ip} {self.at:%Y-%m-%d %H:%M}"
