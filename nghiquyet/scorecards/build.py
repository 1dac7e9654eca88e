"""Assemble a scorecard: rows from the database, rules from :mod:`nghiquyet.core`.

A scorecard evaluates every indicator of a resolution for one period, as known on a date:

* a period inside the term (``2023-9M``, ``2022``): the value for that period against the
  year's plan when there is one, else the term target; the same period a year earlier beside it;
* the term itself (``2020-2025``), usually with ``as_of`` (a mid-term review on 2023-05-17):
  the latest values known on that date against the term targets in force on that date, with
  progress to the end of the term.

The web pages, the CLI, the reports and the exports all read this one structure.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.conf import settings

from nghiquyet.core import progress as prog
from nghiquyet.core.evaluation import (
    Evaluation,
    Status,
    Tally,
    change_per_year,
    evaluate,
    same_period_ratio,
    status_label,
    tally,
)
from nghiquyet.core.periods import Period, parse_period
from nghiquyet.core.targets import Direction, IndicatorKind, TargetSpec, TermBasis
from nghiquyet.plans.models import Indicator, IndicatorGroup, Resolution, Target
from nghiquyet.results.models import Assessment, Observation

from .selectors import ScorecardData, load_scorecard_batch


@dataclass(frozen=True)
class TargetView:
    spec: TargetSpec
    target: Target
    scope: str

    @property
    def value(self) -> Decimal:
        return self.spec.value


@dataclass
class Row:
    indicator: Indicator
    group: IndicatorGroup | None
    target: TargetView | None
    term_target: TargetView | None
    observation: Observation | None
    actual: Decimal | None
    estimate: bool
    evaluation: Evaluation
    computed_status: Status
    status: Status
    ratio_pct: Decimal | None
    term_ratio_pct: Decimal | None
    same_period_pct: Decimal | None
    previous: Observation | None
    progress: prog.Progress | None
    assessment: Assessment | None

    @property
    def status_label(self) -> str:
        if self.status is Status.NO_DATA and self.actual is not None and self.target is None:
            return "Chưa có mục tiêu để so"
        return status_label(self.status, final=self.evaluation.final)

    @property
    def draft(self) -> bool:
        """The value shown was read from text by the machine and nobody has checked it yet."""
        return bool(self.observation is not None and self.observation.needs_review)

    @property
    def lagging(self) -> bool:
        return self.status in (Status.NOT_MET, Status.NEARLY_MET) or (
            self.progress is not None
            and self.progress.bucket is not None
            and not self.progress.bucket.likely
        )


@dataclass
class Scorecard:
    resolution: Resolution
    period: Period
    as_of: date
    rows: list[Row] = field(default_factory=list)

    @property
    def tally(self) -> Tally:
        return tally(row.status for row in self.rows)

    def groups(self) -> list[tuple[IndicatorGroup | None, list[Row]]]:
        grouped: list[tuple[IndicatorGroup | None, list[Row]]] = []
        for row in self.rows:
            if not grouped or grouped[-1][0] != row.group:
                grouped.append((row.group, []))
            grouped[-1][1].append(row)
        return grouped


class ScorecardError(ValueError):
    """A request that cannot be answered: unknown period, period outside the resolution."""


def build_scorecard(
    resolution: Resolution, period: Period | str, as_of: date | None = None
) -> Scorecard:
    """Evaluate every indicator of ``resolution`` for ``period`` as known on ``as_of`` (today)."""
    return build_scorecards([resolution], period, as_of)[0]


def build_scorecards(
    resolutions: Sequence[Resolution], period: Period | str, as_of: date | None = None
) -> list[Scorecard]:
    """Scorecards of many resolutions for one period, in a few queries per 500 resolutions."""
    if isinstance(period, str):
        period = parse_period(period)
    for resolution in resolutions:
        if not (resolution.covers(period) or period == resolution.term):
            raise ScorecardError(
                f"Kỳ {period.label} nằm ngoài thời hạn của nghị quyết '{resolution.code}' "
                f"({resolution.term.label})."
            )
    as_of = as_of or date.today()
    batch = load_scorecard_batch(resolutions, period, as_of)
    cards = []
    for resolution in resolutions:
        card = Scorecard(resolution, period, as_of)
        data = batch[resolution.pk]
        for indicator in data.indicators:
            if indicator.withdrawn_on and indicator.withdrawn_on <= as_of:
                continue
            card.rows.append(_row(card, indicator, data))
        cards.append(card)
    return cards


def _target_view(target: Target | None, as_of: date) -> TargetView | None:
    if target is None:
        return None
    return TargetView(target.spec_as_of(as_of, target.revisions_in_order()), target, target.scope)


def _row(card: Scorecard, indicator: Indicator, data: ScorecardData) -> Row:
    period, as_of = card.period, card.as_of
    term_target = _target_view(data.term_targets.get(indicator.pk), as_of)
    year_target = _target_view(data.year_targets.get(indicator.pk), as_of)
    target = year_target or term_target
    series = data.observations.get(indicator.pk, [])
    observation, actual = _actual(indicator, period, series, card.resolution)
    previous = None
    if not period.is_term:
        previous_code = period.same_period_previous_year().code
        previous = next((o for o in series if o.period == previous_code), None)

    direction = indicator.direction_enum
    compared = _compared_value(indicator, target, actual, period, card.resolution)
    final = as_of >= period.end and (period.is_term or period.kind.value == "year")
    evaluation = evaluate(
        compared,
        target.spec if target else None,
        direction,
        threshold=card.resolution.nearly_met_threshold,
        final=final,
        due=as_of >= period.start,
        reported_ratio=observation.reported_pct if observation is not None else None,
    )
    term_ratio = None
    if target is not None and term_target is not None and _term_ratio_meaningful(indicator, period):
        if term_target is target:
            term_ratio = evaluation.ratio_pct
        elif compared is not None:
            term_ratio = evaluate(compared, term_target.spec, direction).ratio_pct
    assessment = data.assessments.get(indicator.pk)
    status = evaluation.status
    if assessment is not None and assessment.status_override:
        status = Status(assessment.status_override)
    return Row(
        indicator=indicator,
        group=indicator.group,
        target=target,
        term_target=term_target,
        observation=observation,
        actual=actual,
        estimate=bool(observation and observation.is_estimate),
        evaluation=evaluation,
        computed_status=evaluation.status,
        status=status,
        ratio_pct=evaluation.ratio_pct,
        term_ratio_pct=term_ratio,
        same_period_pct=same_period_ratio(actual, previous.value if previous else None),
        previous=previous,
        progress=_progress(indicator, card, target, series, actual),
        assessment=assessment,
    )


def _actual(
    indicator: Indicator, period: Period, series: list[Observation], resolution: Resolution
) -> tuple[Observation | None, Decimal | None]:
    """The observation that speaks for ``period`` and the value compared with the target."""
    if not period.is_term:
        match = next((o for o in series if o.period == period.code), None)
        return match, match.value if match else None
    direct = [o for o in series if o.period == period.code]
    if direct:
        return direct[-1], direct[-1].value
    in_term = [o for o in series if period.contains(parse_period(o.period))]
    if not in_term:
        return None, None
    years = [o for o in in_term if o.period.isdigit() and o.value is not None]
    basis = indicator.term_basis
    if indicator.kind == IndicatorKind.FLOW and years and basis == TermBasis.TERM_TOTAL:
        return years[-1], sum((o.value for o in years if o.value is not None), Decimal(0))
    if indicator.kind == IndicatorKind.FLOW and years and basis == TermBasis.YEARLY_AVERAGE:
        total = sum((o.value for o in years if o.value is not None), Decimal(0))
        return years[-1], total / len(years)
    latest = max(in_term, key=lambda o: (o.period_end, -parse_period(o.period).months))
    return latest, latest.value


def _compared_value(
    indicator: Indicator,
    target: TargetView | None,
    actual: Decimal | None,
    period: Period,
    resolution: Resolution,
) -> Decimal | None:
    """For change targets, the achieved change a year; otherwise the actual value itself."""
    if actual is None or target is None or target.spec.change is None:
        return actual
    baseline = target.target.baseline
    if baseline is None:
        return actual  # the source states the achieved rate directly
    years = Decimal(max(period.last_year - resolution.first_year, 1))
    try:
        change = change_per_year(baseline, actual, years, target.spec.change)
    except ValueError:
        return None
    return -change if indicator.direction == Direction.DOWN else change


def _term_ratio_meaningful(indicator: Indicator, period: Period) -> bool:
    if period.is_term:
        return True
    if indicator.kind == IndicatorKind.CHANGE:
        return False
    if indicator.kind == IndicatorKind.FLOW:
        # A cumulative term total says nothing about one year's figure.
        return indicator.term_basis in (TermBasis.EACH_YEAR, TermBasis.YEARLY_AVERAGE)
    return True


def _progress(
    indicator: Indicator,
    card: Scorecard,
    target: TargetView | None,
    series: list[Observation],
    actual: Decimal | None,
) -> prog.Progress | None:
    """Progress to the end of the term (or of the year, for a period inside a year plan)."""
    direction = indicator.direction_enum
    if target is None or direction not in (Direction.UP, Direction.DOWN) or target.spec.change:
        return None
    goal = float(target.spec.reference(direction))
    period = card.period
    method = getattr(settings, "NGHIQUYET_PROGRESS_METHOD", "linear")
    if not period.is_term:
        if period.kind.value == "year" or target.scope != Target.Scope.YEAR:
            return None
        if indicator.kind == IndicatorKind.FLOW and period.is_year_to_date:
            value = None if actual is None else float(actual)
            return prog.cumulative_pace(value, goal, period.months / 12)
        return None
    baseline = target.target.baseline
    base = float(baseline) if baseline is not None else None
    elapsed = period.elapsed_share(card.as_of)
    values = _yearly_points(series, period)
    if base is not None:
        values.insert(0, (0.0, base))
    if method == prog.Method.PROJECTION and base is not None:
        return prog.un_projection(values, base, goal, period.term_years, direction)
    if method == prog.Method.CAGR_RATIO and base is not None:
        return prog.cagr_ratio(values, base, goal, period.term_years, direction)
    if indicator.kind == IndicatorKind.FLOW and indicator.term_basis == TermBasis.TERM_TOTAL:
        return prog.cumulative_pace(None if actual is None else float(actual), goal, elapsed)
    return prog.linear_pace(
        base, goal, None if actual is None else float(actual), elapsed, direction
    )


def _yearly_points(series: list[Observation], term: Period) -> list[tuple[float, float]]:
    points = []
    for observation in series:
        if observation.value is None:
            continue
        observed = parse_period(observation.period)
        if observed.is_term or not term.contains(observed) or observed.year == term.year:
            continue
        years = (observed.end - term.baseline_date).days / 365.25
        points.append((years, float(observation.value)))
    return points
