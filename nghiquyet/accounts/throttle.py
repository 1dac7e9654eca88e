"""Login throttling: after too many failed sign-ins, wait before trying again.

Five failures for one user name within 15 minutes lock that name for 15 minutes; fifty from
one address lock the address (an office shares one address behind its router, so the
per-address limit is generous). A successful sign-in clears the name's failures. Failures
live in the database, so the limit holds across processes and restarts.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.utils import timezone

from .models import LoginFailure

MAX_PER_USERNAME = 5
MAX_PER_ADDRESS = 50
WINDOW = timedelta(minutes=15)


def _limit(name: str, default: int) -> int:
    return int(getattr(settings, name, default))


def _normal(username: str) -> str:
    return username.strip().lower()[:150]


@dataclass(frozen=True)
class Lock:
    minutes: int  # until the oldest counted failure leaves the window, rounded up


def locked(username: str, ip: str | None) -> Lock | None:
    """Whether a sign-in for ``username`` from ``ip`` must wait, and how long."""
    now = timezone.now()
    since = now - WINDOW
    recent = LoginFailure.objects.filter(at__gte=since)
    by_name = list(
        recent.filter(username=_normal(username))
        .order_by("-at")
        .values_list("at", flat=True)[: _limit("NGHIQUYET_LOGIN_MAX_FAILURES", MAX_PER_USERNAME)]
    )
    if len(by_name) >= _limit("NGHIQUYET_LOGIN_MAX_FAILURES", MAX_PER_USERNAME):
        return _lock(by_name[-1], now)
    if ip:
        limit = _limit("NGHIQUYET_LOGIN_MAX_FAILURES_PER_ADDRESS", MAX_PER_ADDRESS)
        by_ip = list(recent.filter(ip=ip).order_by("-at").values_list("at", flat=True)[:limit])
        if len(by_ip) >= limit:
            return _lock(by_ip[-1], now)
    return None


def _lock(oldest_counted: datetime, now: datetime) -> Lock:
    remaining = (oldest_counted + WINDOW - now).total_seconds()
    return Lock(minutes=max(1, -(-int(remaining) // 60)))


def record_failure(username: str, ip: str | None) -> None:
    now = timezone.now()
    # Old failures no longer count: drop them as we go, the table stays small.
    LoginFailure.objects.filter(at__lt=now - WINDOW).delete()
    LoginFailure.objects.create(username=_normal(username), ip=ip or None, at=now)


def record_success(username: str, ip: str | None) -> None:
    LoginFailure.objects.filter(username=_normal(username)).delete()
