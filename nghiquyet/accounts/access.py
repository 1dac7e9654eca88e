"""Access checks: a user sees and changes only the units they belong to and those below.

Read them as sentences: ``can_read_resolution(user, resolution)``,
``can_enter(user, resolution, unit)``, ``can_set_up(user, resolution)``. A resolution is
reachable through its issuer (the office of Huyện ủy Pác Nặm sets up its resolutions) or its
scope (the reporter for Huyện Pác Nặm enters its figures). ``admin`` — or a superuser — can do
everything.
"""

from __future__ import annotations

from django.contrib.auth.models import AnonymousUser
from django.contrib.auth.models import User as AuthUser
from django.db.models import QuerySet

from nghiquyet.orgunits.models import OrgUnit
from nghiquyet.plans.models import Resolution

from .models import Membership, Role

READ_ROLES = frozenset(Role)
ENTER_ROLES = frozenset({Role.ADMIN, Role.OFFICE, Role.REPORTER})
SETUP_ROLES = frozenset({Role.ADMIN, Role.OFFICE})

User = AuthUser | AnonymousUser


def _memberships(user: User) -> list[tuple[str, str]]:
    """(unit path, role) pairs of the user, cached on the user object for the request."""
    if not user.is_authenticated:
        return []
    assert isinstance(user, AuthUser)
    cached: list[tuple[str, str]] | None = getattr(user, "_nghiquyet_memberships", None)
    if cached is None:
        cached = list(Membership.objects.filter(user=user).values_list("org_unit__path", "role"))
        user._nghiquyet_memberships = cached  # type: ignore[attr-defined]
    return cached


def is_admin(user: User) -> bool:
    return bool(getattr(user, "is_superuser", False)) or any(
        role == Role.ADMIN for _, role in _memberships(user)
    )


def _covers(user: User, unit: OrgUnit, roles: frozenset[Role]) -> bool:
    if not user.is_authenticated:
        return False
    if is_admin(user):
        return True
    return any(role in roles and unit.path.startswith(path) for path, role in _memberships(user))


def can_read_unit(user: User, unit: OrgUnit) -> bool:
    return _covers(user, unit, READ_ROLES)


def can_read_resolution(user: User, resolution: Resolution) -> bool:
    return _covers(user, resolution.issuer, READ_ROLES) or _covers(
        user, resolution.scope, READ_ROLES
    )


def can_set_up(user: User, resolution: Resolution) -> bool:
    """Create and change indicators, targets and revisions of the resolution."""
    return _covers(user, resolution.issuer, SETUP_ROLES) or _covers(
        user, resolution.scope, SETUP_ROLES
    )


def can_enter(user: User, resolution: Resolution, unit: OrgUnit) -> bool:
    """Enter figures of ``resolution`` for ``unit`` (which must lie in the resolution's scope)."""
    if not unit.path.startswith(resolution.scope.path):
        return False
    return _covers(user, unit, ENTER_ROLES) or _covers(user, resolution.issuer, SETUP_ROLES)


def visible_resolutions(user: User) -> QuerySet[Resolution]:
    """Resolutions whose issuer or scope lies in one of the user's units."""
    live = Resolution.objects.filter(is_deleted=False).select_related("issuer", "scope")
    if is_admin(user):
        return live
    paths = [path for path, _ in _memberships(user)]
    if not paths:
        return live.none()
    ids: set[int] = set()
    for resolution in live.only("id", "issuer__path", "scope__path"):
        if any(
            resolution.issuer.path.startswith(p) or resolution.scope.path.startswith(p)
            for p in paths
        ):
            ids.add(resolution.pk)
    return live.filter(pk__in=ids)


def visible_units(user: User) -> QuerySet[OrgUnit]:
    if is_admin(user):
        return OrgUnit.objects.all()
    from django.db.models import Q

    query = Q(pk__in=[])
    for path, _ in _memberships(user):
        query |= Q(path__startswith=path)
    return OrgUnit.objects.filter(query)


def has_setup_role(user: User) -> bool:
    """Whether the user may set up resolutions somewhere (shows the set-up menu)."""
    return is_admin(user) or any(role in SETUP_ROLES for _, role in _memberships(user))
