"""The only writers of org units."""

from __future__ import annotations

from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction

from nghiquyet.results.audit import Actor, record_change, snapshot

from .models import OrgUnit


@transaction.atomic
def create_org_unit(
    *,
    code: str,
    name: str,
    kind: str,
    parent: OrgUnit | None = None,
    valid_from: date | None = None,
    valid_to: date | None = None,
    place_name: str = "",
    actor: Actor,
) -> OrgUnit:
    if kind not in OrgUnit.Kind.values:
        raise ValidationError({"kind": f"Loại đơn vị '{kind}' không hợp lệ."})
    if valid_from and valid_to and valid_to < valid_from:
        raise ValidationError({"valid_to": "Ngày hết hiệu lực trước ngày có hiệu lực."})
    if OrgUnit.objects.filter(code=code).exists():
        raise ValidationError({"code": f"Mã đơn vị '{code}' đã tồn tại."})
    unit = OrgUnit(
        code=code,
        name=name,
        kind=kind,
        parent=parent,
        valid_from=valid_from,
        valid_to=valid_to,
        place_name=place_name,
        path=f"{parent.path if parent else '/'}{code}/",
    )
    unit.full_clean()
    unit.save()
    record_change(actor, "create", unit, after=snapshot(unit))
    return unit


@transaction.atomic
def link_successor(old: OrgUnit, new: OrgUnit, *, actor: Actor) -> None:
    """Record that ``old`` lives on in ``new`` (e.g. Huyện Pác Nặm → Tỉnh Thái Nguyên, 2025)."""
    if old.pk == new.pk:
        raise ValidationError({"successor": "Một đơn vị không thể kế thừa chính nó."})
    if old.valid_to is None:
        raise ValidationError(
            {"successor": f"'{old.name}' còn hiệu lực: ghi ngày hết hiệu lực trước khi nối."}
        )
    if old.successors.filter(pk=new.pk).exists():
        return
    old.successors.add(new)
    record_change(actor, "link_successor", old, after={"successor": new.code})
