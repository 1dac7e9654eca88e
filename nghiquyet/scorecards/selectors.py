"""The queries that feed an evaluation: a fixed handful, whatever the number of indicators —
and, for a dashboard or a province-wide tally, whatever the number of resolutions."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from django.db.models import Max

from nghiquyet.core.periods import Period, parse_period
from nghiquyet.plans.models import Indicator, Resolution, Target, TargetRevision
from nghiquyet.results.models import Assessment, Observation

BATCH = 500  # resolutions per round of queries: keeps IN lists well under database limits


@dataclass
class ScorecardData:
    indicators: list[Indicator] = field(default_factory=list)
    term_targets: dict[int, Target] = field(default_factory=dict)
    year_targets: dict[int, Target] = field(default_factory=dict)
    # indicator id → observations oldest first
    observations: dict[int, list[Observation]] = field(default_factory=lambda: defaultdict(list))
    assessments: dict[int, Assessment] = field(default_factory=dict)


def load_scorecard_data(resolution: Resolution, period: Period, known_by: date) -> ScorecardData:
    return load_scorecard_batch([resolution], period, known_by)[resolution.pk]


def load_scorecard_batch(
    resolutions: Sequence[Resolution], period: Period, known_by: date
) -> dict[int, ScorecardData]:
    """Everything the scorecards of ``resolutions`` need, for their scope units, in 5 queries
    per batch of :data:`BATCH` resolutions."""
    result: dict[int, ScorecardData] = {}
    for start in range(0, len(resolutions), BATCH):
        result.update(_load(resolutions[start : start + BATCH], period, known_by))
    return result


def _load(
    resolutions: Sequence[Resolution], period: Period, known_by: date
) -> dict[int, ScorecardData]:
    data = {resolution.pk: ScorecardData() for resolution in resolutions}
    indicators = Indicator.objects.filter(resolution__in=resolutions).select_related("group")
    owner: dict[int, int] = {}
    for indicator in indicators.order_by("resolution_id", "group__position", "position", "id"):
        data[indicator.resolution_id].indicators.append(indicator)
        owner[indicator.pk] = indicator.resolution_id
    ids = list(owner)

    # .order_by(): the models' default orderings would join indicators and resolutions.
    targets = list(
        Target.objects.filter(indicator_id__in=ids, is_primary=True).defer("created_at").order_by()
    )
    revisions: dict[int, list[TargetRevision]] = defaultdict(list)
    revision_rows = TargetRevision.objects.filter(target__in=targets).select_related("created_by")
    for revision in revision_rows.order_by("effective_on", "id"):
        revisions[revision.target_id].append(revision)
    for target in targets:
        target.revision_list = revisions.get(target.pk, [])
        bucket = data[owner[target.indicator_id]]
        if target.scope == Target.Scope.TERM:
            bucket.term_targets[target.indicator_id] = target
        elif target.year == period.year and not period.is_term:
            bucket.year_targets[target.indicator_id] = target

    scope_of = {resolution.pk: resolution.scope_id for resolution in resolutions}
    first = min(resolution.first_year for resolution in resolutions)
    last = max(resolution.last_year for resolution in resolutions)
    # Filter by unit and period only: IN-lists on both unit and indicator make SQLite probe
    # their cross product. Indicators of other resolutions are dropped below.
    observations = Observation.objects.filter(
        org_unit_id__in=set(scope_of.values()),
        is_deleted=False,
        reported_on__lte=known_by,
    ).defer("note", "created_at", "updated_at", "created_by", "updated_by")
    if period.is_term:
        # Progress reads the whole series of the term, from the baseline year on.
        observations = observations.filter(
            period_end__gte=date(first - 1, 1, 1),
            period_end__lte=max(date(last, 12, 31), period.end),
        )
    else:
        # A period inside the term needs itself and the same period a year earlier.
        observations = observations.filter(
            period__in=[period.code, period.same_period_previous_year().code]
        )
    observations = observations.order_by("period_end", "id")
    for observation in observations:
        resolution_id = owner.get(observation.indicator_id)
        if resolution_id is not None and observation.org_unit_id == scope_of[resolution_id]:
            data[resolution_id].observations[observation.indicator_id].append(observation)

    assessments = Assessment.objects.filter(
        org_unit_id__in=set(scope_of.values()), period=period.code
    )
    for assessment in assessments:
        resolution_id = owner.get(assessment.indicator_id)
        if resolution_id is not None and assessment.org_unit_id == scope_of[resolution_id]:
            data[resolution_id].assessments[assessment.indicator_id] = assessment
    return data


def latest_period(resolution: Resolution) -> Period | None:
    """The period a dashboard shows: a term resolution's term (with its latest values), else
    the most recent period with a figure for the resolution's scope, or ``None``."""
    if resolution.term.is_term:
        return resolution.term
    live = Observation.objects.filter(
        indicator__resolution=resolution, org_unit=resolution.scope, is_deleted=False
    )
    latest = live.aggregate(end=Max("period_end"))["end"]
    if latest is None:
        return None
    codes = live.filter(period_end=latest).values_list("period", flat=True).distinct()
    periods = sorted((parse_period(code) for code in codes), key=lambda p: p.start)
    return periods[0] if periods else None
