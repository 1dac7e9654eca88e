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
from django.db import models
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


def _inside(user: User, unit: OrgUnit) -> bool:
    """Whether the user belongs to a unit below ``unit`` (a commune inside a district)."""
    return user.is_authenticated and any(
        path.startswith(unit.path) for path, _ in _memberships(user)
    )


def can_read_resolution(user: User, resolution: Resolution) -> bool:
    """Members of its issuer or scope (and above) read a resolution; so do members of the
    units inside its scope, who work to it and report figures for it."""
    return (
        _covers(user, resolution.issuer, READ_ROLES)
        or _covers(user, resolution.scope, READ_ROLES)
        or _inside(user, resolution.scope)
    )


def can_read_all_units(user: User, resolution: Resolution) -> bool:
    """Whether the user sees the figures of every unit in the resolution's scope (members
    of its issuer or of its scope and above); members inside see their own units only."""
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
        issuer, scope = resolution.issuer.path, resolution.scope.path
        if any(issuer.startswith(p) or scope.startswith(p) or p.startswith(scope) for p in paths):
            ids.add(resolution.pk)
    return live.filter(pk__in=ids)


def enterable_units(user: User, resolution: Resolution) -> list[OrgUnit]:
    """The units inside the resolution's scope whose figures the user may enter."""
    scope = resolution.scope
    inside = OrgUnit.objects.filter(path__startswith=scope.path).order_by("path")
    return [unit for unit in inside if can_enter(user, resolution, unit)]


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


def units_to_set_up(user: User) -> QuerySet[OrgUnit]:
    """Units that may issue resolutions this user sets up: their office units and below."""
    if is_admin(user):
        return OrgUnit.objects.order_by("path")
    from django.db.models import Q

    query = Q(pk__in=[])
    for path, role in _memberships(user):
        if role in SETUP_ROLES:
            query |= Q(path__startswith=path)
    return OrgUnit.objects.filter(query).order_by("path")


def scopes_to_set_up(user: User) -> QuerySet[OrgUnit]:
    """Territories a resolution set up by this user may cover: their units and below, and the
    territory each of their bodies governs (Huyện ủy Pác Nặm → Huyện Pác Nặm)."""
    units = units_to_set_up(user)
    if is_admin(user):
        return units
    parents = units.exclude(parent__isnull=True).values_list("parent_id", flat=True)
    return OrgUnit.objects.filter(
        models.Q(pk__in=units.values("pk")) | models.Q(pk__in=list(parents))
    ).order_by("path")


def has_enter_role(user: User) -> bool:
    """Whether the user may enter figures somewhere (shows the import and review menus)."""
    return is_admin(user) or any(role in ENTER_ROLES for _, role in _memberships(user))
