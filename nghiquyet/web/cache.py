"""Scorecards built once per change of the data, not once per page view.

Every write goes through a service, and every service leaves an audit event (DESIGN.md §8),
so the newest audit event's id is a version of everything a scorecard reads: while it stays
the same, a scorecard for the same resolution, period and as-of date cannot change. Pages
ask :func:`scorecards`, which costs one indexed query when the data did not change, and builds
only what is missing when it did.

The cache lives in the process (the office server is one process with a few threads) and
forgets entries after ``NGHIQUYET_SCORECARD_CACHE_SECONDS`` (default 300; 0 turns it off), so
even a change made behind the services' back — SQL typed into the database by hand — shows
within minutes.
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from collections.abc import Sequence
from datetime import date

from django.conf import settings
from django.db import connection

from nghiquyet.core.periods import Period
from nghiquyet.plans.models import Resolution
from nghiquyet.results.models import AuditEvent
from nghiquyet.scorecards.build import Scorecard, build_scorecards

MAX_ENTRIES = 256
DEFAULT_SECONDS = 300

Key = tuple[str, int, str, date, int]

_entries: OrderedDict[Key, tuple[float, Scorecard]] = OrderedDict()
_lock = threading.Lock()


def _lifetime() -> float:
    return float(getattr(settings, "NGHIQUYET_SCORECARD_CACHE_SECONDS", DEFAULT_SECONDS))


def data_version() -> int:
    """The id of the newest audit event: it changes whenever any figure or target does."""
    newest = AuditEvent.objects.order_by("-id").values_list("id", flat=True).first()
    return newest or 0


def clear() -> None:
    with _lock:
        _entries.clear()


def scorecards(
    resolutions: Sequence[Resolution], period: Period, as_of: date | None = None
) -> list[Scorecard]:
    """Like :func:`build_scorecards`, from the cache where the data has not changed."""
    lifetime = _lifetime()
    if lifetime <= 0 or not resolutions:
        return build_scorecards(resolutions, period, as_of)
    day = as_of or date.today()
    version = data_version()
    database = str(connection.settings_dict.get("NAME", ""))
    keys = {r.pk: (database, r.pk, period.code, day, version) for r in resolutions}
    now = time.monotonic()
    found: dict[int, Scorecard] = {}
    with _lock:
        for pk, key in keys.items():
            entry = _entries.get(key)
            if entry is not None and now - entry[0] < lifetime:
                _entries.move_to_end(key)
                found[pk] = entry[1]
    missing = [r for r in resolutions if r.pk not in found]
    if missing:
        for card in build_scorecards(missing, period, day):
            found[card.resolution.pk] = card
            with _lock:
                _entries[keys[card.resolution.pk]] = (now, card)
                while len(_entries) > MAX_ENTRIES:
                    _entries.popitem(last=False)
    return [found[r.pk] for r in resolutions]


def scorecard(resolution: Resolution, period: Period, as_of: date | None = None) -> Scorecard:
    return scorecards([resolution], period, as_of)[0]
