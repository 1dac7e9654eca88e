"""Error pages in Vietnamese: refused (403), not found (404), server error (500), bad CSRF."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    """A form sent without a valid token: usually a page left open too long, or a forgery."""
    return render(request, "web/errors/csrf.html", status=403)
