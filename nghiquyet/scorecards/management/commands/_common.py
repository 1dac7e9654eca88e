from __future__ import annotations

from django.core.management.base import CommandError

from nghiquyet.plans.models import Resolution


def get_resolution(code: str) -> Resolution:
    resolution = Resolution.objects.filter(code=code, is_deleted=False).first()
    if resolution is None:
        known = ", ".join(
            Resolution.objects.filter(is_deleted=False).values_list("code", flat=True)
        )
        raise CommandError(
            f"Không có nghị quyết mã '{code}'. Các mã hiện có: {known or '(chưa có)'}.",
            returncode=2,
        )
    return resolution
