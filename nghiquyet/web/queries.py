"""Reads the pages need beside the scorecard: who reported what, and an indicator's history.

Like the scorecard selectors, each function runs a fixed number of queries whatever the
number of resolutions or indicators, so the dashboard stays fast for a whole province.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from django.db.models import Count

from nghiquyet.core.periods import Period, PeriodError, parse_period
from nghiquyet.orgunits.models import OrgUnit
from nghiquyet.plans.models import Indicator, Resolution, Target, TargetRevision
from nghiquyet.results.models import Assessment, AuditEvent, Observation

from .reporting import next_period


@dataclass
class Reporting:
    """What has been reported for one resolution: unit id → period code → figures."""

    resolution: Resolution
    counts: dict[int, dict[str, int]] = field(default_factory=lambda: defaultdict(dict))
    units: dict[int, OrgUnit] = field(default_factory=dict)
    # unit id → how many distinct indicators it has ever reported for this resolution
    indicators: dict[int, int] = field(default_factory=dict)

    def periods(self, unit_id: int | None = None) -> list[Period]:
        """Periods with figures for a unit (default: the resolution's scope)."""
        return list(self.period_counts(unit_id))

    def period_counts(self, unit_id: int | None = None) -> dict[Period, int]:
        """Period → how many indicators have a figure, for a unit (default: the scope)."""
        result = {}
        for code, figures in self.counts.get(unit_id or self.resolution.scope_id, {}).items():
            period = _period(code)
            if period is not None:
                result[period] = figures
        return result

    def next_period(self, today: date) -> Period | None:
        """The period the scope is collecting on ``today`` (see
        :func:`reporting.next_period`)."""
        scope = self.resolution.scope_id
        return next_period(
            self.resolution.term, self.period_counts(), self.indicators.get(scope, 0), today
        )

    def reporting_units(self) -> list[OrgUnit]:
        """The scope, then every unit below it that has ever sent figures for the resolution."""
        below = sorted(
            (unit for pk, unit in self.units.items() if pk != self.resolution.scope_id),
            key=lambda unit: unit.path,
        )
        return [self.resolution.scope, *below]

    def reported(self, unit: OrgUnit, period: Period) -> int:
        """How many indicators the unit has a figure for in ``period``."""
        return self.counts.get(unit.pk, {}).get(period.code, 0)


def _period(code: str) -> Period | None:
    try:
        return parse_period(code)
    except PeriodError:
        return None


def reporting(resolutions: Sequence[Resolution]) -> dict[int, Reporting]:
    """Figures per resolution, unit and period, for many resolutions in three queries."""
    result = {resolution.pk: Reporting(resolution) for resolution in resolutions}
    if not resolutions:
        return result
    grouped = (
        Observation.objects.filter(indicator__resolution__in=resolutions, is_deleted=False)
        .values_list("indicator__resolution_id", "org_unit_id", "period")
        .annotate(figures=Count("id"))
        .order_by()
    )
    unit_ids: set[int] = set()
    for resolution_id, unit_id, period, figures in grouped:
        result[resolution_id].counts[unit_id][period] = figures
        unit_ids.add(unit_id)
    distinct = (
        Observation.objects.filter(indicator__resolution__in=resolutions, is_deleted=False)
        .values_list("indicator__resolution_id", "org_unit_id")
        .annotate(indicators=Count("indicator_id", distinct=True))
        .order_by()
    )
    for resolution_id, unit_id, indicators in distinct:
        result[resolution_id].indicators[unit_id] = indicators
    units = {unit.pk: unit for unit in OrgUnit.objects.filter(pk__in=unit_ids)}
    for item in result.values():
        scope = item.resolution.scope
        for unit_id in item.counts:
            unit = units.get(unit_id)
            if unit is not None and unit.path.startswith(scope.path):
                item.units[unit_id] = unit
    return result


@dataclass
class IndicatorHistory:
    indicator: Indicator
    targets: list[Target]
    observations: list[Observation]
    assessments: list[Assessment]
    # observation id → its audit events, newest first
    changes: dict[int, list[AuditEvent]]


def indicator_history(indicator: Indicator, units: Sequence[OrgUnit]) -> IndicatorHistory:
    """Targets with revisions, the figures of ``units`` with who/when, assessments, audit."""
    targets = list(indicator.targets.order_by("scope", "year", "-is_primary", "source"))
    revisions: dict[int, list[TargetRevision]] = defaultdict(list)
    for revision in (
        TargetRevision.objects.filter(target__in=targets)
        .select_related("created_by")
        .order_by("effective_on", "id")
    ):
        revisions[revision.target_id].append(revision)
    _attach_authors(targets, revisions)
    for target in targets:
        target.revision_list = revisions.get(target.pk, [])
    observations = list(
        Observation.objects.filter(indicator=indicator, org_unit__in=units, is_deleted=False)
        .select_related("org_unit", "created_by", "updated_by")
        .order_by("period_end", "org_unit__path", "id")
    )
    changes: dict[int, list[AuditEvent]] = defaultdict(list)
    if observations:
        for event in AuditEvent.objects.filter(
            model="results.observation", object_pk__in=[str(o.pk) for o in observations]
        ).order_by("-at", "-id"):
            changes[int(event.object_pk)].append(event)
    assessments = list(
        Assessment.objects.filter(indicator=indicator, org_unit__in=units)
        .select_related("author", "org_unit")
        .order_by("period")
    )
    return IndicatorHistory(indicator, targets, observations, assessments, changes)


def _attach_authors(targets: Sequence[Target], revisions: dict[int, list[TargetRevision]]) -> None:
    """``revision.who``: the user, or the process the audit names ("demo", an import)."""
    labels: dict[int, list[str]] = defaultdict(list)
    for object_pk, label in (
        AuditEvent.objects.filter(
            model="plans.target", action="revise", object_pk__in=[str(t.pk) for t in targets]
        )
        .order_by("at", "id")
        .values_list("object_pk", "actor_label")
    ):
        labels[int(object_pk)].append(label)
    for target_pk, items in revisions.items():
        names = labels.get(target_pk, [])
        for index, revision in enumerate(sorted(items, key=lambda r: r.pk)):
            user = revision.created_by
            fallback = names[index] if index < len(names) else "—"
            who = user.get_username() if user is not None else fallback
            revision.who = who  # type: ignore[attr-defined]
