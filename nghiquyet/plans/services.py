"""The only writers of resolutions, indicators and targets. Each call is one transaction and
leaves an audit record; bad input raises ``ValidationError`` naming the field and writes nothing.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction

from nghiquyet.core.numbers import Convention
from nghiquyet.core.targets import (
    ChangeMethod,
    Direction,
    IndicatorKind,
    TargetError,
    TargetSpec,
    TermBasis,
    parse_target,
)
from nghiquyet.orgunits.models import OrgUnit
from nghiquyet.results.audit import Actor, record_change, snapshot

from .models import Indicator, IndicatorGroup, Resolution, Target, TargetRevision


@transaction.atomic
def create_resolution(
    *,
    code: str,
    title: str,
    kind: str,
    issuer: OrgUnit,
    scope: OrgUnit,
    first_year: int,
    last_year: int,
    number: str = "",
    issued_on: date | None = None,
    parent: Resolution | None = None,
    notes: str = "",
    actor: Actor,
) -> Resolution:
    if Resolution.objects.filter(code=code).exists():
        raise ValidationError({"code": f"Mã nghị quyết '{code}' đã tồn tại."})
    if last_year < first_year:
        raise ValidationError({"last_year": "Năm cuối của nghị quyết trước năm đầu."})
    if issued_on and issued_on.year > last_year:
        raise ValidationError({"issued_on": "Ngày ban hành sau khi nghị quyết đã hết thời hạn."})
    resolution = Resolution(
        code=code,
        title=title,
        kind=kind,
        issuer=issuer,
        scope=scope,
        first_year=first_year,
        last_year=last_year,
        number=number,
        issued_on=issued_on,
        parent=parent,
        notes=notes,
    )
    resolution.full_clean()
    resolution.save()
    record_change(actor, "create", resolution, after=snapshot(resolution))
    return resolution


@transaction.atomic
def add_group(resolution: Resolution, title: str, *, actor: Actor) -> IndicatorGroup:
    position = resolution.groups.count() + 1
    group = IndicatorGroup.objects.create(resolution=resolution, position=position, title=title)
    record_change(actor, "create", group, after=snapshot(group))
    return group


@transaction.atomic
def add_indicator(
    resolution: Resolution,
    *,
    code: str,
    name: str,
    unit: str,
    direction: str,
    kind: str,
    group: IndicatorGroup | None = None,
    parent: Indicator | None = None,
    term_basis: str = "",
    change_method: str = "",
    actor: Actor,
    **details: Any,
) -> Indicator:
    errors: dict[str, str] = {}
    if direction not in Direction.__members__.values():
        errors["direction"] = (
            f"Chiều đánh giá '{direction}' không hợp lệ (up, down, range, qualitative)."
        )
    if kind not in IndicatorKind.__members__.values():
        errors["kind"] = f"Loại chỉ tiêu '{kind}' không hợp lệ (flow, level, change, qualitative)."
    if term_basis and term_basis not in TermBasis.__members__.values():
        errors["term_basis"] = f"Cách tính cả nhiệm kỳ '{term_basis}' không hợp lệ."
    if kind == IndicatorKind.CHANGE and change_method not in ChangeMethod.__members__.values():
        errors["change_method"] = "Chỉ tiêu tốc độ thay đổi cần cách tính: points hoặc cagr."
    if group is not None and group.resolution_id != resolution.pk:
        errors["group"] = "Nhóm chỉ tiêu thuộc nghị quyết khác."
    if resolution.indicators.filter(code=code).exists():
        errors["code"] = f"Nghị quyết '{resolution.code}' đã có chỉ tiêu mã '{code}'."
    if errors:
        raise ValidationError(errors)
    indicator = Indicator.objects.create(
        resolution=resolution,
        group=group,
        parent=parent,
        code=code,
        position=resolution.indicators.count() + 1,
        name=name,
        unit=unit,
        direction=direction,
        kind=kind,
        term_basis=term_basis,
        change_method=change_method,
        **details,
    )
    record_change(actor, "create", indicator, after=snapshot(indicator))
    return indicator


def _parse_target_text(raw_text: str, field: str = "raw_text") -> TargetSpec:
    try:
        return parse_target(raw_text, Convention.TYPED)
    except TargetError as exc:
        raise ValidationError({field: str(exc)}) from exc


@transaction.atomic
def set_target(
    indicator: Indicator,
    *,
    raw_text: str,
    scope: str,
    source: str,
    year: int | None = None,
    baseline: Decimal | None = None,
    note: str = "",
    actor: Actor,
) -> Target:
    """Create the target of an indicator for a scope (the term, or one year)."""
    spec = _parse_target_text(raw_text)
    resolution = indicator.resolution
    if scope == Target.Scope.YEAR:
        if year is None or not resolution.first_year <= year <= resolution.last_year:
            raise ValidationError(
                {
                    "year": f"Năm {year} nằm ngoài thời hạn của nghị quyết "
                    f"({resolution.first_year}–{resolution.last_year})."
                }
            )
    elif scope == Target.Scope.TERM:
        year = None
    else:
        raise ValidationError({"scope": f"Phạm vi chỉ tiêu '{scope}' không hợp lệ (term, year)."})
    if indicator.targets.filter(scope=scope, year=year, source=source).exists():
        raise ValidationError({"raw_text": "Chỉ tiêu này đã có mục tiêu cho phạm vi và nguồn đó."})
    change = spec.change.value if spec.change else ""
    if indicator.kind == IndicatorKind.CHANGE:
        change = indicator.change_method or change
    target = Target.objects.create(
        indicator=indicator,
        scope=scope,
        year=year,
        source=source,
        comparator=spec.comparator.value,
        value=spec.value,
        upper=spec.upper,
        raw_text=spec.raw,
        change_method=change,
        baseline=baseline,
        note=note,
        is_primary=not indicator.targets.filter(scope=scope, year=year, is_primary=True).exists(),
    )
    record_change(actor, "create", target, after=snapshot(target))
    return target


@transaction.atomic
def revise_target(
    target: Target,
    *,
    raw_text: str,
    effective_on: date,
    decision: str,
    reason: str,
    actor: Actor,
    expected_version: int | None = None,
) -> TargetRevision:
    """Formally change a target; the old value stays in its history.

    Lục Ngạn, 25 June 2018: độ che phủ rừng "37" → "41,3" by the mid-term conference.
    """
    target = (
        Target.objects.select_for_update().select_related("indicator__resolution").get(pk=target.pk)
    )
    errors: dict[str, str] = {}
    if expected_version is not None and target.version != expected_version:
        errors["raw_text"] = (
            f"Chỉ tiêu vừa được người khác điều chỉnh thành '{target.raw_text}'. "
            "Hãy xem lại trước khi điều chỉnh tiếp."
        )
    if not decision.strip():
        errors["decision"] = "Cần ghi văn bản (quyết định, kết luận) điều chỉnh chỉ tiêu."
    if not reason.strip():
        errors["reason"] = "Cần ghi lý do điều chỉnh."
    resolution = target.indicator.resolution
    last = target.revisions.order_by("-effective_on").first()
    if effective_on < (resolution.issued_on or date(resolution.first_year, 1, 1)):
        since = (
            f"ngày ban hành nghị quyết ({resolution.issued_on:%d/%m/%Y})"
            if resolution.issued_on
            else f"năm đầu của nghị quyết ({resolution.first_year})"
        )
        errors["effective_on"] = f"Ngày hiệu lực {effective_on:%d/%m/%Y} trước {since}."
    elif effective_on.year > resolution.last_year:
        errors["effective_on"] = "Ngày hiệu lực sau khi nghị quyết đã hết thời hạn."
    elif last is not None and effective_on < last.effective_on:
        errors["effective_on"] = (
            f"Đã có lần điều chỉnh có hiệu lực từ {last.effective_on:%d/%m/%Y}; "
            "lần điều chỉnh mới không thể có hiệu lực sớm hơn."
        )
    if errors:
        raise ValidationError(errors)
    spec = _parse_target_text(raw_text)
    before = snapshot(target)
    revision = TargetRevision.objects.create(
        target=target,
        old_comparator=target.comparator,
        old_value=target.value,
        old_upper=target.upper,
        old_raw_text=target.raw_text,
        new_comparator=spec.comparator.value,
        new_value=spec.value,
        new_upper=spec.upper,
        new_raw_text=spec.raw,
        effective_on=effective_on,
        decision=decision.strip(),
        reason=reason.strip(),
        created_by=actor.user if actor.user is not None and actor.user.pk else None,
    )
    target.comparator = spec.comparator.value
    target.value = spec.value
    target.upper = spec.upper
    target.raw_text = spec.raw
    target.version += 1
    target.save()
    record_change(actor, "revise", target, before=before, after=snapshot(target), reason=reason)
    return revision


RESOLUTION_EDITABLE = ("title", "number", "kind", "issued_on", "notes", "nearly_met_threshold")


@transaction.atomic
def update_resolution(resolution: Resolution, *, actor: Actor, **changes: Any) -> Resolution:
    """Change the description of a resolution (title, number, kind, issue date, notes,
    threshold). Its code, bodies and years stay: figures and targets hang on them."""
    unknown = set(changes) - set(RESOLUTION_EDITABLE)
    if unknown:
        raise ValidationError(dict.fromkeys(sorted(unknown), "Không sửa được trường này."))
    resolution = Resolution.objects.select_for_update().get(pk=resolution.pk)
    issued_on = changes.get("issued_on", resolution.issued_on)
    if issued_on and issued_on.year > resolution.last_year:
        raise ValidationError({"issued_on": "Ngày ban hành sau khi nghị quyết đã hết thời hạn."})
    threshold = changes.get("nearly_met_threshold", resolution.nearly_met_threshold)
    if threshold is not None and not 0 < threshold <= 100:
        raise ValidationError({"nearly_met_threshold": "Ngưỡng cơ bản đạt phải từ 0 đến 100 %."})
    before = snapshot(resolution)
    for name, value in changes.items():
        setattr(resolution, name, value)
    resolution.full_clean()
    resolution.save()
    after = snapshot(resolution)
    if after != before:
        record_change(actor, "update", resolution, before=before, after=after)
    return resolution


@transaction.atomic
def rename_group(group: IndicatorGroup, title: str, *, actor: Actor) -> IndicatorGroup:
    """Rename a field heading ("Kinh tế - môi trường"); its number stays."""
    if not title.strip():
        raise ValidationError({"title": "Cần ghi tên nhóm chỉ tiêu."})
    before = snapshot(group)
    group.title = title.strip()
    group.save(update_fields=["title"])
    record_change(actor, "update", group, before=before, after=snapshot(group))
    return group


INDICATOR_EDITABLE = (
    "code",
    "name",
    "unit",
    "group",
    "parent",
    "direction",
    "kind",
    "term_basis",
    "change_method",
    "concept",
    "responsible_agency",
    "data_source",
    "notes",
    "value_min",
    "value_max",
)


@transaction.atomic
def update_indicator(indicator: Indicator, *, actor: Actor, **changes: Any) -> Indicator:
    """Change an indicator's definition, checked like :func:`add_indicator`."""
    unknown = set(changes) - set(INDICATOR_EDITABLE)
    if unknown:
        raise ValidationError(dict.fromkeys(sorted(unknown), "Không sửa được trường này."))
    indicator = Indicator.objects.select_for_update().get(pk=indicator.pk)
    merged = {name: changes.get(name, getattr(indicator, name)) for name in INDICATOR_EDITABLE}
    errors: dict[str, str] = {}
    if merged["direction"] not in Direction.__members__.values():
        errors["direction"] = f"Chiều đánh giá '{merged['direction']}' không hợp lệ."
    if merged["kind"] not in IndicatorKind.__members__.values():
        errors["kind"] = f"Loại chỉ tiêu '{merged['kind']}' không hợp lệ."
    if merged["term_basis"] and merged["term_basis"] not in TermBasis.__members__.values():
        errors["term_basis"] = f"Cách tính cả nhiệm kỳ '{merged['term_basis']}' không hợp lệ."
    if (
        merged["kind"] == IndicatorKind.CHANGE
        and merged["change_method"] not in ChangeMethod.__members__.values()
    ):
        errors["change_method"] = "Chỉ tiêu tốc độ thay đổi cần cách tính: points hoặc cagr."
    group = merged["group"]
    if group is not None and group.resolution_id != indicator.resolution_id:
        errors["group"] = "Nhóm chỉ tiêu thuộc nghị quyết khác."
    parent = merged["parent"]
    if parent is not None and (
        parent.pk == indicator.pk or parent.resolution_id != indicator.resolution_id
    ):
        errors["parent"] = "Chỉ tiêu cha phải là một chỉ tiêu khác của cùng nghị quyết."
    low, high = merged["value_min"], merged["value_max"]
    if low is not None and high is not None and high < low:
        errors["value_max"] = "Giá trị tối đa nhỏ hơn giá trị tối thiểu."
    if (
        merged["code"] != indicator.code
        and Indicator.objects.filter(resolution_id=indicator.resolution_id, code=merged["code"])
        .exclude(pk=indicator.pk)
        .exists()
    ):
        errors["code"] = f"Nghị quyết đã có chỉ tiêu mã '{merged['code']}'."
    if errors:
        raise ValidationError(errors)
    before = snapshot(indicator)
    for name, value in changes.items():
        setattr(indicator, name, value)
    indicator.full_clean(exclude=["resolution"])
    indicator.save()
    after = snapshot(indicator)
    if after != before:
        record_change(actor, "update", indicator, before=before, after=after)
    return indicator
