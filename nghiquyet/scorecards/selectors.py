"""The queries that feed an evaluation: a fixed handful, whatever the number of indicators."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from django.db.models import Max, Prefetch

from nghiquyet.core.periods import Period, parse_period
from nghiquyet.orgunits.models import OrgUnit
from nghiquyet.plans.models import Indicator, Resolution, Target, TargetRevision
from nghiquyet.results.models import Assessment, Observation


@dataclass
class ScorecardData:
    indicators: list[Indicator]
    term_targets: dict[int, Target] = field(default_factory=dict)
    year_targets: dict[int, Target] = field(default_factory=dict)
    # indicator id → observations oldest first
    observations: dict[int, list[Observation]] = field(default_factory=lambda: defaultdict(list))
    assessments: dict[int, Assessment] = field(default_factory=dict)


def load_scorecard_data(
    resolution: Resolution, unit: OrgUnit, period: Period, known_by: date | None
) -> ScorecardData:
    indicators = list(
        resolution.indicators.select_related("group").order_by(
            "group__position", "position", "id"
        )
    )
    data = ScorecardData(indicators)
    ids = [indicator.pk for indicator in indicators]
    targets = Target.objects.filter(indicator_id__in=ids, is_primary=True).prefetch_related(
        Prefetch("revisions", queryset=TargetRevision.objects.select_related("created_by"))
    )
    for target in targets:
        if target.scope == Target.Scope.TERM:
            data.term_targets[target.indicator_id] = target
        elif target.year == period.year and not period.is_term:
            data.year_targets[target.indicator_id] = target

    term = resolution.term
    observations = Observation.objects.filter(
        org_unit=unit,
        indicator_id__in=ids,
        is_deleted=False,
        period_end__gte=date(term.year - 1, 1, 1),
        period_end__lte=max(term.end, period.end),
    ).order_by("period_end", "id")
    if known_by is not None:
        observations = observations.filter(reported_on__lte=known_by)
    for observation in observations:
        data.observations[observation.indicator_id].append(observation)

    for assessment in Assessment.objects.filter(
        org_unit=unit, indicator_id__in=ids, period=period.code
    ):
        data.assessments[assessment.indicator_id] = assessment
    return data


def latest_period(resolution: Resolution) -> Period | None:
    """The most recent period with a figure for the resolution's scope, or its term."""
    latest = (
        Observation.objects.filter(
            indicator__resolution=resolution, org_unit=resolution.scope, is_deleted=False
        )
        .aggregate(end=Max("period_end"))["end"]
    )
    if latest is None:
        return None
    codes = (
        Observation.objects.filter(
            indicator__resolution=resolution,
            org_unit=resolution.scope,
            is_deleted=False,
            period_end=latest,
        )
        .values_list("period", flat=True)
        .distinct()
    )
    periods = sorted((parse_period(code) for code in codes), key=lambda p: p.start)
    return periods[0] if periods else None
