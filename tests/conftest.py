from __future__ import annotations

import pytest

from nghiquyet.demo.loader import load_demo
from nghiquyet.orgunits.models import OrgUnit
from nghiquyet.results.audit import Actor


@pytest.fixture
def actor() -> Actor:
    return Actor.system("test")


@pytest.fixture
def demo(db):
    """The seed articles' resolutions, loaded through the services."""
    load_demo()
    return OrgUnit.objects.get(code="bac-kan")
