from __future__ import annotations

import pytest

from nghiquyet.demo.loader import load_demo
from nghiquyet.orgunits.models import OrgUnit
from nghiquyet.results.audit import Actor


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    """Django's advice for test suites: the demo's four accounts cost 1,4 s each with the
    production hasher (PBKDF2, a million rounds) — most of the time of every demo test."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def actor() -> Actor:
    return Actor.system("test")


@pytest.fixture
def demo(db):
    """The seed articles' resolutions, loaded through the services."""
    load_demo()
    return OrgUnit.objects.get(code="bac-kan")
