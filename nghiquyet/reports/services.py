"""The only writer of report settings: validate, write in one transaction, audit."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction

from nghiquyet.orgunits.models import OrgUnit
from nghiquyet.results.audit import Actor, record_change, snapshot

from .models import IssuerSettings

EDITABLE = (
    "profile",
    "superior_body",
    "issuer_name",
    "number_suffix",
    "place_name",
    "signer_authority",
    "signer_title",
    "signer_name",
    "recipients",
    "notes",
)


class SettingsConflict(ValidationError):
    """Somebody saved the settings since they were read; ``current`` is what they saved."""

    def __init__(self, current: IssuerSettings) -> None:
        self.current = current
        super().__init__(
            {
                "version": (
                    f"Thiết lập báo cáo của {current.org_unit.name} vừa được người khác lưu "
                    f"(phiên bản {current.version}). Hãy tải lại và sửa lần nữa."
                )
            },
            code="conflict",
        )


@transaction.atomic
def set_issuer_settings(
    unit: OrgUnit,
    values: Mapping[str, str],
    *,
    actor: Actor,
    expected_version: int | None = None,
    reason: str = "",
) -> IssuerSettings:
    """Create or change the report settings of ``unit``; fields not in ``values`` keep theirs.

    ``expected_version`` (the version the person read) detects a concurrent edit.
    """
    unknown = sorted(set(values) - set(EDITABLE))
    if unknown:
        raise ValidationError(
            dict.fromkeys(unknown, "Không có trường này trong thiết lập báo cáo.")
        )
    current = IssuerSettings.objects.select_for_update().filter(org_unit=unit).first()
    if current is not None and expected_version is not None and current.version != expected_version:
        raise SettingsConflict(current)
    settings = current or IssuerSettings(org_unit=unit)
    before = snapshot(settings) if current is not None else None
    for name, value in values.items():
        setattr(settings, name, value.strip() if isinstance(value, str) else value)
    settings.full_clean()
    if before is not None and _same(before, snapshot(settings)):
        return settings  # nothing changed: no new version, no audit line
    if current is not None:
        settings.version += 1
    settings.save()
    action = "update" if current is not None else "create"
    record_change(actor, action, settings, before=before, after=snapshot(settings), reason=reason)
    return settings


def _same(before: dict[str, Any], after: dict[str, Any]) -> bool:
    ignored = {"version", "updated_at"}
    return {k: v for k, v in before.items() if k not in ignored} == {
        k: v for k, v in after.items() if k not in ignored
    }
