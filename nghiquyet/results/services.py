"""The only writers of observations and assessments.

Every call runs in one transaction, checks the unit is inside the resolution's scope and the
period inside its term, reads numbers by the core's Vietnamese rules, detects concurrent edits
by version, and audits the change. Bad input raises ``ValidationError`` naming the field.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from decimal import Decimal
from typing import Any

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.db import transaction

from nghiquyet.core.evaluation import Status
from nghiquyet.core.numbers import Convention, NumberFormatError, parse_quantity
from nghiquyet.core.periods import PeriodError, parse_period
from nghiquyet.core.targets import IndicatorKind
from nghiquyet.orgunits.models import OrgUnit
from nghiquyet.plans.models import Indicator
from nghiquyet.results.audit import Actor, record_change, snapshot

from .models import Assessment, Observation


class ConcurrentEdit(ValidationError):
    """Somebody else saved the same value first; ``current`` is what they saved."""

    def __init__(self, current: Observation) -> None:
        self.current = current
        who = current.updated_by.get_username() if current.updated_by else "người khác"
        super().__init__(
            {
                "value": (
                    f"Giá trị này vừa được {who} lưu là '{current.raw_text}' "
                    f"(phiên bản {current.version}). Giá trị bạn nhập chưa được lưu: "
                    "hãy xem lại và lưu lần nữa nếu vẫn muốn thay."
                )
            },
            code="conflict",
        )


def _user(actor: Actor) -> User | None:
    return actor.user if actor.user is not None and actor.user.pk else None


def read_value(
    indicator: Indicator, raw_text: str, convention: Convention = Convention.TYPED
) -> tuple[Decimal, bool]:
    """Parse a typed value into the indicator's unit: ("ước 248", tỷ đồng) → (248, estimate)."""
    try:
        quantity = parse_quantity(raw_text, convention).in_unit(indicator.unit or None)
    except NumberFormatError as exc:
        raise ValidationError({"value": f"'{raw_text}': {exc.reason}"}, code=exc.code) from exc
    if quantity.upper is not None:
        raise ValidationError(
            {"value": f"'{raw_text}': giá trị thực hiện là một con số, không phải khoảng."}
        )
    return quantity.value, quantity.estimate


_INFINITY = Decimal("Infinity")


def _range_rules(indicator: Indicator) -> list[tuple[Decimal, Decimal, Callable[[Decimal], str]]]:
    """The range rules of ``indicator``'s values: (least, greatest, why a value outside is
    refused), one per rule that applies."""
    rules: list[tuple[Decimal, Decimal, Callable[[Decimal], str]]] = []
    low, high = indicator.value_min, indicator.value_max
    if low is not None:
        rules.append((low, _INFINITY, lambda v: f"Giá trị {v} nhỏ hơn mức tối thiểu {low}."))
    if high is not None:
        rules.append((-_INFINITY, high, lambda v: f"Giá trị {v} lớn hơn mức tối đa {high}."))
    if indicator.kind in (IndicatorKind.FLOW, IndicatorKind.LEVEL):
        rules.append((Decimal(0), _INFINITY, lambda v: "Giá trị âm không hợp lệ cho chỉ tiêu này."))
    if indicator.unit.strip() == "%" and high is None and indicator.kind == IndicatorKind.LEVEL:
        rules.append((-_INFINITY, Decimal(100), lambda v: f"Tỷ lệ {v} % vượt quá 100 %."))
    return rules


def value_range(indicator: Indicator) -> tuple[Decimal, Decimal]:
    """The least and the greatest value ``indicator`` accepts (infinite where no rule bounds
    it): an import checks 100.000 values against two numbers, and only a value outside asks
    :func:`_check_range` why."""
    rules = _range_rules(indicator)
    return (
        max((low for low, _, _ in rules), default=-_INFINITY),
        min((high for _, high, _ in rules), default=_INFINITY),
    )


def _check_range(indicator: Indicator, value: Decimal) -> None:
    for low, high, why in _range_rules(indicator):
        if not low <= value <= high:
            raise ValidationError({"value": why(value)})


@transaction.atomic
def record_observation(
    *,
    indicator: Indicator,
    org_unit: OrgUnit,
    period: str,
    raw_text: str = "",
    value: Decimal | None = None,
    reported_pct: Decimal | None = None,
    is_estimate: bool = False,
    note: str = "",
    source: str = Observation.Source.FORM,
    source_ref: str = "",
    source_quote: str = "",
    reported_on: date | None = None,
    expected_version: int | None = None,
    needs_review: bool = False,
    actor: Actor,
) -> Observation:
    """Save the value of an indicator for a unit and period (create or change).

    ``raw_text`` is what the person typed ("4.500", "ước 248"); ``value`` may be given instead
    by callers that already hold a number. Saving the same thing twice changes nothing.
    ``needs_review`` marks a draft read from text by the machine; saving without it (a person
    typing the figure) clears the mark.
    """
    try:
        parsed_period = parse_period(period)
    except PeriodError as exc:
        raise ValidationError({"period": str(exc)}, code=exc.code) from exc
    resolution = indicator.resolution
    if not resolution.covers(parsed_period):
        raise ValidationError(
            {
                "period": f"Kỳ {parsed_period.label} nằm ngoài thời hạn của nghị quyết "
                f"'{resolution.code}' ({resolution.term.label})."
            },
            code="period_outside",
        )
    scope = resolution.scope
    if not org_unit.path.startswith(scope.path):
        raise ValidationError(
            {
                "org_unit": f"Đơn vị '{org_unit.name}' không thuộc phạm vi của nghị quyết "
                f"'{resolution.code}' ({scope.name})."
            },
            code="unit_outside",
        )
    if raw_text:
        value, typed_estimate = read_value(indicator, raw_text)
        is_estimate = is_estimate or typed_estimate
    if value is None and reported_pct is None:
        raise ValidationError({"value": "Chưa có giá trị."}, code="required")
    if value is not None:
        _check_range(indicator, value)
    raw_text = raw_text or ("" if value is None else str(value))

    existing = (
        # Lock the observation row only: PostgreSQL refuses FOR UPDATE on the outer join.
        Observation.objects.select_for_update(of=("self",))
        .select_related("updated_by")
        .filter(indicator=indicator, org_unit=org_unit, period=parsed_period.code, is_deleted=False)
        .first()
    )
    fields = {
        "value": value,
        "reported_pct": reported_pct,
        "raw_text": raw_text,
        "is_estimate": is_estimate,
        "note": note,
        "needs_review": needs_review,
    }
    if existing is not None:
        if expected_version is not None and existing.version != expected_version:
            raise ConcurrentEdit(existing)
        if all(getattr(existing, name) == new for name, new in fields.items()):
            return existing
        before = snapshot(existing)
        for name, new in fields.items():
            setattr(existing, name, new)
        existing.source, existing.source_ref, existing.source_quote = (
            source,
            source_ref,
            source_quote,
        )
        existing.reported_on = reported_on or existing.reported_on
        existing.updated_by = _user(actor)
        existing.version += 1
        existing.save()
        record_change(actor, "update", existing, before=before, after=snapshot(existing))
        return existing
    if expected_version not in (None, 0):
        raise ValidationError(
            {"value": "Giá trị bạn sửa đã bị người khác xóa. Hãy tải lại trang."}, code="conflict"
        )
    observation = Observation.objects.create(
        indicator=indicator,
        org_unit=org_unit,
        period=parsed_period.code,
        period_end=parsed_period.end,
        source=source,
        source_ref=source_ref,
        source_quote=source_quote,
        reported_on=reported_on or date.today(),
        created_by=_user(actor),
        updated_by=_user(actor),
        **fields,
    )
    record_change(actor, "create", observation, after=snapshot(observation))
    return observation


@transaction.atomic
def confirm_observation(
    observation: Observation, *, expected_version: int, actor: Actor
) -> Observation:
    """A person has checked a draft read from text by the machine: clear its review mark.

    The value, its source and the quoted words stay as they are; the audit records who checked
    it. A version that moved on since the person looked raises :class:`ConcurrentEdit`.
    """
    current = (
        Observation.objects.select_for_update(of=("self",))
        .select_related("updated_by")
        .filter(pk=observation.pk, is_deleted=False)
        .first()
    )
    if current is None:
        raise ValidationError({"value": "Số liệu này đã bị xóa."}, code="gone")
    if current.version != expected_version:
        raise ConcurrentEdit(current)
    if not current.needs_review:
        return current
    before = snapshot(current)
    current.needs_review = False
    current.updated_by = _user(actor)
    current.version += 1
    current.save(update_fields=["needs_review", "updated_by", "version", "updated_at"])
    record_change(
        actor,
        "update",
        current,
        before=before,
        after=snapshot(current),
        reason="Đã rà soát số liệu trích từ văn bản",
    )
    return current


@transaction.atomic
def delete_observation(observation: Observation, *, reason: str, actor: Actor) -> None:
    """Soft delete: the row stays, marked deleted, and the audit says who and why."""
    if not reason.strip():
        raise ValidationError({"reason": "Cần ghi lý do xóa."})
    before = snapshot(observation)
    observation.is_deleted = True
    observation.version += 1
    observation.save(update_fields=["is_deleted", "version", "updated_at"])
    record_change(actor, "delete", observation, before=before, reason=reason)


@transaction.atomic
def assess(
    *,
    indicator: Indicator,
    org_unit: OrgUnit,
    period: str,
    status_override: str = "",
    override_reason: str = "",
    causes_subjective: str = "",
    causes_objective: str = "",
    remedies: str = "",
    responsible_agency: str = "",
    actor: Actor,
) -> Assessment:
    """Record people's judgement. An override needs a reason; the computed status stays visible.

    National 2019: urban unemployment 3,1 % against "dưới 4" computes as exceeded and was
    reported as met — an override with its reason.
    """
    try:
        code = parse_period(period).code
    except PeriodError as exc:
        raise ValidationError({"period": str(exc)}) from exc
    if status_override and status_override not in Status.__members__.values():
        raise ValidationError({"status_override": f"Trạng thái '{status_override}' không hợp lệ."})
    if status_override and not override_reason.strip():
        raise ValidationError(
            {"override_reason": "Cần ghi lý do khi đánh giá khác với kết quả tính."}
        )
    assessment, created = Assessment.objects.select_for_update().get_or_create(
        indicator=indicator, org_unit=org_unit, period=code
    )
    before = None if created else snapshot(assessment)
    assessment.status_override = status_override
    assessment.override_reason = override_reason.strip()
    assessment.causes_subjective = causes_subjective
    assessment.causes_objective = causes_objective
    assessment.remedies = remedies
    assessment.responsible_agency = responsible_agency
    assessment.author = _user(actor)
    if not created:
        assessment.version += 1
    assessment.save()
    record_change(
        actor,
        "create" if created else "update",
        assessment,
        before=before,
        after=snapshot(assessment),
    )
    return assessment


@transaction.atomic
def assess_unless_changed(*, expected_version: int, actor: Actor, **fields: Any) -> Assessment:
    """:func:`assess`, refusing when somebody changed the assessment since it was read.

    ``expected_version`` is the version the person saw, 0 when there was none yet. The error
    names who saved what, so nothing the person typed is lost: the form shows it again.
    """
    current = (
        # Lock the assessment row only: PostgreSQL refuses FOR UPDATE on the outer join.
        Assessment.objects.select_for_update(of=("self",))
        .select_related("author")
        .filter(
            indicator=fields["indicator"],
            org_unit=fields["org_unit"],
            period=fields.get("period", ""),
        )
        .first()
    )
    seen = 0 if current is None else current.version
    if seen != expected_version:
        who = current.author.get_username() if current and current.author else "người khác"
        raise ValidationError(
            {
                "__all__": f"Đánh giá này vừa được {who} sửa (phiên bản {seen}). "
                "Nội dung bạn nhập chưa được lưu: hãy xem lại bản mới bên dưới rồi lưu lần nữa."
            },
            code="conflict",
        )
    return assess(actor=actor, **fields)
