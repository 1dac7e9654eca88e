"""Three people for every permission test (as in healthchecks): the owner, a colleague in
another unit, an outsider — plus the demo's admin, office and reporter."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User
from django.test import Client


@pytest.fixture
def people(demo):
    users = {
        name: User.objects.get(username=name) for name in ("admin", "vanphong", "baocao", "xem")
    }
    users["outsider"] = User.objects.create_user("outsider", password="demo-outsider-1")
    return users


@pytest.fixture
def signed_in(people):
    """``signed_in("baocao")`` → a test client signed in as that person."""

    def sign_in(name: str) -> Client:
        client = Client()
        client.force_login(people[name])
        return client

    return sign_in


@pytest.fixture
def owner(signed_in):
    """The office of Huyện ủy Pác Nặm: sets up Pác Nặm's resolutions."""
    return signed_in("vanphong")


@pytest.fixture
def reporter(signed_in):
    """Enters figures for Huyện Pác Nặm."""
    return signed_in("baocao")


@pytest.fixture
def colleague(signed_in):
    """A viewer in another district (Chợ Đồn)."""
    return signed_in("xem")


@pytest.fixture
def outsider(signed_in):
    """Signed in, member of nothing."""
    return signed_in("outsider")


@pytest.fixture
def admin(signed_in):
    return signed_in("admin")


@pytest.fixture(autouse=True)
def fresh_scorecard_cache():
    """Each test starts with an empty page cache: rolled-back tests reuse audit ids."""
    from nghiquyet.web import cache

    cache.clear()
    yield
    cache.clear()
