"""Resolutions, their indicator groups, indicators, targets and target revisions (DESIGN.md §3).

Rows hold state; the rules about targets live in :mod:`nghiquyet.core.targets`, and a row turns
into a core value with :meth:`Target.spec`.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from nghiquyet.core.numbers import Comparator
from nghiquyet.core.periods import Period, PeriodKind, roman
from nghiquyet.core.targets import ChangeMethod, Direction, IndicatorKind, TargetSpec, TermBasis
from nghiquyet.orgunits.models import OrgUnit

DIGITS, PLACES = 24, 6  # up to 10¹⁸ with 6 decimals: đồng, tấn, tỷ lệ alike


def _choices(enum: type) -> list[tuple[str, str]]:
    return [(member.value, member.value) for member in enum]  # type: ignore[attr-defined]


class Resolution(models.Model):
    class Kind(models.TextChoices):
        CONGRESS_TERM = "congress_term", _("Nghị quyết Đại hội (nhiệm kỳ)")
        ANNUAL = "annual", _("Nghị quyết năm")
        THEMATIC = "thematic", _("Nghị quyết chuyên đề")
        COUNCIL_PLAN = "council_plan", _("Nghị quyết HĐND về kế hoạch")

    code = models.SlugField(_("mã"), max_length=64, unique=True)
    title = models.CharField(_("tên nghị quyết"), max_length=500)
    number = models.CharField(_("số hiệu"), max_length=64, blank=True)
    kind = models.CharField(_("loại"), max_length=32, choices=Kind.choices)
    issuer = models.ForeignKey(
        OrgUnit,
        on_delete=models.PROTECT,
        related_name="issued_resolutions",
        verbose_name=_("cơ quan ban hành"),
    )
    # The territory whose figures the resolution tracks; observations must lie within it.
    scope = models.ForeignKey(
        OrgUnit,
        on_delete=models.PROTECT,
        related_name="scoped_resolutions",
        verbose_name=_("phạm vi"),
    )
    first_year = models.PositiveSmallIntegerField(_("năm đầu"))
    last_year = models.PositiveSmallIntegerField(_("năm cuối"))
    issued_on = models.DateField(_("ngày ban hành"), null=True, blank=True)
    parent = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="children"
    )
    nearly_met_threshold = models.DecimalField(
        _("ngưỡng cơ bản đạt (%)"), max_digits=5, decimal_places=2, default=Decimal(95)
    )
    notes = models.TextField(_("ghi chú"), blank=True)
    is_deleted = models.BooleanField(default=False)

    class Meta:
        ordering = ["-last_year", "code"]
        verbose_name = _("nghị quyết")
        verbose_name_plural = _("nghị quyết")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(last_year__gte=models.F("first_year")),
                name="resolution_years_ordered",
            )
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def term(self) -> Period:
        """The period the resolution covers: a term "2020-2025" or a year "2023"."""
        if self.first_year == self.last_year:
            return Period(PeriodKind.YEAR, self.first_year)
        return Period(PeriodKind.TERM, self.first_year, self.last_year)

    def covers(self, period: Period) -> bool:
        """The term, plus the year before it: a baseline or a "cùng kỳ" comparison lives there."""
        return self.term.contains(period) or (
            not period.is_term and period.year == self.first_year - 1
        )


class IndicatorGroup(models.Model):
    """A field heading of the appendix: "I. Kinh tế"."""

    resolution = models.ForeignKey(Resolution, on_delete=models.CASCADE, related_name="groups")
    position = models.PositiveSmallIntegerField()
    title = models.CharField(max_length=200)

    class Meta:
        ordering = ["resolution", "position"]
        constraints = [
            models.UniqueConstraint(fields=["resolution", "position"], name="group_position_unique")
        ]

    def __str__(self) -> str:
        return f"{self.numeral}. {self.title}"

    @property
    def numeral(self) -> str:
        return roman(self.position)


class Indicator(models.Model):
    resolution = models.ForeignKey(Resolution, on_delete=models.CASCADE, related_name="indicators")
    group = models.ForeignKey(
        IndicatorGroup, on_delete=models.PROTECT, related_name="indicators", null=True, blank=True
    )
    parent = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="children"
    )
    code = models.CharField(_("mã"), max_length=20)  # "1", "2.1" — unique in its resolution
    position = models.PositiveIntegerField(default=0)
    name = models.CharField(_("chỉ tiêu"), max_length=500)
    unit = models.CharField(_("đơn vị tính"), max_length=64, blank=True)
    direction = models.CharField(max_length=16, choices=_choices(Direction))
    kind = models.CharField(max_length=16, choices=_choices(IndicatorKind))
    term_basis = models.CharField(max_length=16, choices=_choices(TermBasis), blank=True)
    change_method = models.CharField(max_length=8, choices=_choices(ChangeMethod), blank=True)
    # A shared key (e.g. "trong-rung") for comparing the same indicator across units.
    concept = models.SlugField(max_length=100, blank=True)
    responsible_agency = models.CharField(_("cơ quan chủ trì"), max_length=200, blank=True)
    data_source = models.CharField(_("nguồn số liệu"), max_length=200, blank=True)
    notes = models.TextField(_("ghi chú"), blank=True)
    value_min = models.DecimalField(null=True, blank=True, max_digits=DIGITS, decimal_places=PLACES)
    value_max = models.DecimalField(null=True, blank=True, max_digits=DIGITS, decimal_places=PLACES)
    withdrawn_on = models.DateField(_("đưa ra khỏi nghị quyết từ"), null=True, blank=True)
    withdrawn_reason = models.TextField(blank=True)

    class Meta:
        ordering = ["resolution", "position", "id"]
        constraints = [
            models.UniqueConstraint(fields=["resolution", "code"], name="indicator_code_unique")
        ]

    def __str__(self) -> str:
        return f"{self.code}. {self.name}"

    @property
    def direction_enum(self) -> Direction:
        return Direction(self.direction)


class Target(models.Model):
    class Scope(models.TextChoices):
        TERM = "term", _("Cả nhiệm kỳ")
        YEAR = "year", _("Năm")

    class Source(models.TextChoices):
        CONGRESS = "congress", _("Nghị quyết Đại hội")
        ANNUAL = "annual", _("Nghị quyết năm")
        COUNCIL = "council", _("Nghị quyết HĐND")
        ASSIGNED = "assigned", _("Cấp trên giao")
        BUDGET = "budget", _("Dự toán")

    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="targets")
    scope = models.CharField(max_length=8, choices=Scope.choices)
    year = models.PositiveSmallIntegerField(null=True, blank=True)
    source = models.CharField(max_length=16, choices=Source.choices)
    comparator = models.CharField(max_length=8, choices=_choices(Comparator))
    value = models.DecimalField(max_digits=DIGITS, decimal_places=PLACES)
    upper = models.DecimalField(null=True, blank=True, max_digits=DIGITS, decimal_places=PLACES)
    raw_text = models.CharField(_("chỉ tiêu như đã ghi"), max_length=200)
    change_method = models.CharField(max_length=8, choices=_choices(ChangeMethod), blank=True)
    # The starting point of a term target (value at the end of the baseline year).
    baseline = models.DecimalField(null=True, blank=True, max_digits=DIGITS, decimal_places=PLACES)
    # Where a demo figure was not stated but derived ("60 % of plan" → plan 1.000), say so.
    note = models.TextField(blank=True)
    # When several targets share indicator, scope and year (KH huyện vs KH tỉnh giao), the
    # primary one is what the scorecard compares with.
    is_primary = models.BooleanField(default=True)
    version = models.PositiveIntegerField(default=1)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["indicator", "scope", "year"]
        constraints = [
            models.UniqueConstraint(
                fields=["indicator", "scope", "year", "source"], name="target_unique_per_source"
            ),
            models.CheckConstraint(
                condition=models.Q(upper__isnull=True) | models.Q(upper__gte=models.F("value")),
                name="target_bounds_ordered",
            ),
        ]

    # Filled by the scorecard selectors with this target's revisions (one query for all).
    revision_list: list[TargetRevision]

    def __str__(self) -> str:
        return self.raw_text

    def revisions_in_order(self) -> list[TargetRevision]:
        cached = getattr(self, "revision_list", None)
        return cached if cached is not None else list(self.revisions.order_by("effective_on", "id"))

    def spec(self) -> TargetSpec:
        return TargetSpec(
            comparator=Comparator(self.comparator),
            value=self.value,
            upper=self.upper,
            raw=self.raw_text,
            change=ChangeMethod(self.change_method) if self.change_method else None,
        )

    def spec_as_of(self, day: date, revisions: list[TargetRevision]) -> TargetSpec:
        """The target in force on ``day``: undo, newest first, revisions not yet effective.

        Lục Ngạn: forest cover was 37 % on 24 June 2018 and 41,3 % from 25 June 2018.
        """
        spec = self.spec()
        for revision in sorted(revisions, key=lambda r: (r.effective_on, r.pk), reverse=True):
            if revision.effective_on > day:
                spec = revision.old_spec(spec)
        return spec


class TargetRevision(models.Model):
    """A formal change of a target: old → new, from a date, by a decision, for a reason."""

    target = models.ForeignKey(Target, on_delete=models.CASCADE, related_name="revisions")
    old_comparator = models.CharField(max_length=8, choices=_choices(Comparator))
    old_value = models.DecimalField(max_digits=DIGITS, decimal_places=PLACES)
    old_upper = models.DecimalField(null=True, blank=True, max_digits=DIGITS, decimal_places=PLACES)
    old_raw_text = models.CharField(max_length=200)
    new_comparator = models.CharField(max_length=8, choices=_choices(Comparator))
    new_value = models.DecimalField(max_digits=DIGITS, decimal_places=PLACES)
    new_upper = models.DecimalField(null=True, blank=True, max_digits=DIGITS, decimal_places=PLACES)
    new_raw_text = models.CharField(max_length=200)
    effective_on = models.DateField(_("ngày có hiệu lực"))
    decision = models.CharField(_("văn bản điều chỉnh"), max_length=300)
    reason = models.TextField(_("lý do"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["target", "effective_on", "id"]

    def __str__(self) -> str:
        return f"{self.old_raw_text} → {self.new_raw_text} ({self.effective_on})"

    def old_spec(self, current: TargetSpec) -> TargetSpec:
        return TargetSpec(
            comparator=Comparator(self.old_comparator),
            value=self.old_value,
            upper=self.old_upper,
            raw=self.old_raw_text,
            change=current.change,
        )
