"""The only writers of memberships."""

from __future__ import annotations

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import transaction

from nghiquyet.orgunits.models import OrgUnit
from nghiquyet.results.audit import Actor, record_change, snapshot

from .models import Membership, Role


@transaction.atomic
def grant(user: User, unit: OrgUnit, role: str, *, actor: Actor) -> Membership:
    if role not in Role.values:
        raise ValidationError(
            {"role": f"Vai trò '{role}' không hợp lệ ({', '.join(Role.values)})."}
        )
    membership, created = Membership.objects.update_or_create(
        user=user, org_unit=unit, defaults={"role": role}
    )
    record_change(actor, "grant" if created else "update", membership, after=snapshot(membership))
    return membership
