"""Load the demo through the same services every other writer uses. Idempotent: a unit or a
resolution that already exists is left as it is, so running the demo twice changes nothing.
"""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.models import Group, User
from django.db import transaction

from nghiquyet.accounts.backends import DEMO_GROUP
from nghiquyet.accounts.services import grant
from nghiquyet.core.numbers import Convention, parse_number
from nghiquyet.orgunits.models import OrgUnit
from nghiquyet.orgunits.services import create_org_unit, link_successor
from nghiquyet.plans.models import Indicator, Resolution, Target
from nghiquyet.plans.services import (
    add_group,
    add_indicator,
    create_resolution,
    revise_target,
    set_target,
)
from nghiquyet.reports.demo import load_demo_report_settings
from nghiquyet.results.audit import Actor
from nghiquyet.results.models import Observation
from nghiquyet.results.services import assess, record_observation

from .data import DEMO_PASSWORD, DEMO_USERS, PLANS, UNITS, Item, Plan

ACTOR = Actor.system("demo", source="nghiquyet demo (seed articles)")


@transaction.atomic
def load_demo() -> list[str]:
    """Create what is missing; return one line per resolution saying what happened."""
    _load_units()
    load_demo_report_settings(ACTOR)  # the issuing bodies' report headers (nghiquyet.reports)
    report = []
    for plan in PLANS:
        if Resolution.objects.filter(code=plan.code).exists():
            report.append(f"{plan.code}: đã có, giữ nguyên")
            continue
        _load_plan(plan)
        report.append(f"{plan.code}: đã nạp")
    report.extend(load_demo_users())
    return report


def load_demo_users() -> list[str]:
    """One account per role, password "demo"; never in production."""
    if getattr(settings, "PRODUCTION", False):
        return ["Chế độ production: không tạo tài khoản minh họa."]
    group, _ = Group.objects.get_or_create(name=DEMO_GROUP)
    lines = []
    for username, role, unit_code, description in DEMO_USERS:
        user = User.objects.filter(username=username).first()
        if user is None:
            user = User.objects.create_user(username, password=DEMO_PASSWORD)
            user.first_name = description
            user.is_superuser = user.is_staff = role == "admin"
            user.save()
            user.groups.add(group)
            if unit_code:
                grant(user, OrgUnit.objects.get(code=unit_code), role, actor=ACTOR)
        lines.append(f"tài khoản '{username}' / mật khẩu '{DEMO_PASSWORD}' — {description}")
    return lines


def _load_units() -> None:
    units = {unit.code: unit for unit in OrgUnit.objects.all()}
    for spec in UNITS:
        if spec.code not in units:
            units[spec.code] = create_org_unit(
                code=spec.code,
                name=spec.name,
                kind=spec.kind,
                parent=units[spec.parent] if spec.parent else None,
                valid_from=spec.valid_from,
                valid_to=spec.valid_to,
                place_name=spec.place_name,
                actor=ACTOR,
            )
    for spec in UNITS:
        if spec.successor:
            link_successor(units[spec.code], units[spec.successor], actor=ACTOR)


def _load_plan(plan: Plan) -> None:
    resolution = create_resolution(
        code=plan.code,
        title=plan.title,
        kind=plan.kind,
        issuer=OrgUnit.objects.get(code=plan.issuer),
        scope=OrgUnit.objects.get(code=plan.scope),
        first_year=plan.first_year,
        last_year=plan.last_year,
        number=plan.number,
        issued_on=plan.issued_on,
        parent=Resolution.objects.filter(code=plan.parent).first() if plan.parent else None,
        notes=plan.notes,
        actor=ACTOR,
    )
    number = 0
    for title, items in plan.groups:
        group = add_group(resolution, title, actor=ACTOR)
        for item in items:
            number += 1
            _load_item(resolution, group, str(number), item)
    if number < plan.total_indicators:
        group = add_group(resolution, "Các chỉ tiêu khác (bài báo không nêu tên)", actor=ACTOR)
        for position in range(number + 1, plan.total_indicators + 1):
            add_indicator(
                resolution,
                code=str(position),
                name=f"Chỉ tiêu số {position} (bài báo không nêu tên)",
                unit="",
                direction="up",
                kind="level",
                group=group,
                notes="Chỗ giữ để tổng số chỉ tiêu đúng như bài báo; chưa có số liệu.",
                actor=ACTOR,
            )


def _load_item(resolution: Resolution, group: object, code: str, item: Item) -> None:
    indicator = add_indicator(
        resolution,
        code=code,
        name=item.name,
        unit=item.unit,
        direction=item.direction,
        kind=item.kind,
        term_basis=item.term_basis,
        group=group,  # type: ignore[arg-type]
        concept=item.concept,
        notes=item.notes,
        actor=ACTOR,
    )
    if item.term_target:
        target = set_target(
            indicator,
            raw_text=item.term_target,
            scope=Target.Scope.TERM,
            source=Target.Source.CONGRESS,
            note=item.target_note,
            actor=ACTOR,
        )
        for revision in item.revisions:
            revise_target(
                target,
                raw_text=revision.to,
                effective_on=revision.effective_on,
                decision=revision.decision,
                reason=revision.reason,
                actor=ACTOR,
            )
    if item.year_target:
        set_target(
            indicator,
            raw_text=item.year_target,
            scope=Target.Scope.YEAR,
            year=resolution.first_year,
            source=Target.Source.ANNUAL,
            note=item.target_note,
            actor=ACTOR,
        )
    _load_figures(indicator, item)


def _load_figures(indicator: Indicator, item: Item) -> None:
    scope = indicator.resolution.scope
    for figure in item.figures:
        pct = figure.reported_pct
        record_observation(
            indicator=indicator,
            org_unit=scope,
            period=figure.period,
            raw_text=figure.raw,
            reported_pct=parse_number(pct, Convention.VIETNAMESE) if pct else None,
            note=figure.note,
            source=Observation.Source.DEMO,
            source_ref=f"seeds/{figure.article}",
            source_quote=figure.quote,
            reported_on=figure.reported_on,
            actor=ACTOR,
        )
    for assessed in item.assessments:
        assess(
            indicator=indicator,
            org_unit=scope,
            period=assessed.period,
            status_override=assessed.status_override,
            override_reason=assessed.override_reason,
            causes_subjective=assessed.causes_subjective,
            remedies=assessed.remedies,
            actor=ACTOR,
        )
