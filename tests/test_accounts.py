"""Who sees what: owner, colleague in another unit, outsider."""

import pytest
from django.contrib.auth import authenticate
from django.contrib.auth.models import User

from nghiquyet.accounts import access
from nghiquyet.orgunits.models import OrgUnit
from nghiquyet.plans.models import Resolution


@pytest.fixture
def people(demo):
    return {
        name: User.objects.get(username=name) for name in ("admin", "vanphong", "baocao", "xem")
    }


def codes(queryset):
    return sorted(r.code for r in queryset)


def test_each_demo_user_sees_only_their_units(people):
    assert len(codes(access.visible_resolutions(people["admin"]))) == 4
    assert codes(access.visible_resolutions(people["vanphong"])) == [
        "pac-nam-2020-2025",
        "pac-nam-2023",
    ]
    assert codes(access.visible_resolutions(people["baocao"])) == [
        "pac-nam-2020-2025",
        "pac-nam-2023",
    ]
    assert codes(access.visible_resolutions(people["xem"])) == ["cho-don-2023"]
    outsider = User.objects.create_user("outsider")
    assert codes(access.visible_resolutions(outsider)) == []


def test_roles_decide_what_a_member_may_change(people):
    pac_nam = Resolution.objects.get(code="pac-nam-2023")
    cho_don = Resolution.objects.get(code="cho-don-2023")
    district = OrgUnit.objects.get(code="pac-nam")
    assert access.can_set_up(people["vanphong"], pac_nam)
    assert not access.can_set_up(people["baocao"], pac_nam)
    assert access.can_enter(people["baocao"], pac_nam, district)
    assert not access.can_enter(people["baocao"], cho_don, cho_don.scope)
    assert access.can_read_resolution(people["xem"], cho_don)
    assert not access.can_enter(people["xem"], cho_don, cho_don.scope)
    assert not access.can_read_resolution(people["xem"], pac_nam)
    # A unit outside the resolution's scope is never enterable, even by an admin.
    assert not access.can_enter(people["admin"], cho_don, district)


def test_demo_accounts_log_in_with_demo_and_are_refused_in_production(people, settings):
    assert authenticate(username="xem", password="demo") == people["xem"]
    settings.PRODUCTION = True
    assert authenticate(username="xem", password="demo") is None
