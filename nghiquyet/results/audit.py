"""Recording every change: the services call :func:`record_change` inside their transaction."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from django.contrib.auth.models import User
from django.db import models


@dataclass(frozen=True)
class Actor:
    """Who makes a change: a user, or a named process ("demo", "import pac-nam.xlsx")."""

    user: User | None
    label: str
    source: str = ""

    @classmethod
    def system(cls, label: str, source: str = "") -> Actor:
        return cls(None, label, source)

    @classmethod
    def of(cls, user: User, source: str = "") -> Actor:
        return cls(user, user.get_username(), source)


def _plain(value: Any) -> Any:
    if isinstance(value, Decimal):
        # 412.500000 from the database and 412.5 from a form are the same value.
        return format(value.normalize(), "f")
    if isinstance(value, date | datetime):
        return value.isoformat()
    return value


def converted_fields(model: type[models.Model]) -> list[str]:
    """The concrete fields whose values :func:`_plain` changes — decimals, dates and times
    (a DateTimeField is a DateField); every other value goes into a snapshot as it is."""
    return [
        field.attname
        for field in model._meta.concrete_fields
        if isinstance(field, models.DecimalField | models.DateField)
    ]


def snapshot(instance: models.Model) -> dict[str, Any]:
    """The concrete field values of a row, JSON-ready."""
    return {
        field.attname: _plain(getattr(instance, field.attname))
        for field in instance._meta.concrete_fields
    }


def record_change(
    actor: Actor,
    action: str,
    instance: models.Model,
    *,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
    reason: str = "",
) -> None:
    from .models import AuditEvent

    user = actor.user if actor.user is not None and actor.user.pk else None
    AuditEvent.objects.create(
        actor=user,
        actor_label=actor.label,
        action=action,
        model=instance._meta.label_lower,
        object_pk=str(instance.pk),
        before=before,
        after=after,
        reason=reason,
        source=actor.source,
    )
