"""Observations (TH/ƯTH values), assessments and the audit trail (DESIGN.md §3, §8)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from nghiquyet.core.evaluation import Status
from nghiquyet.orgunits.models import OrgUnit
from nghiquyet.plans.models import DIGITS, PLACES, Indicator

if TYPE_CHECKING:
    from django.db.backends.base.base import BaseDatabaseWrapper


class AppendOnlyId(models.BigAutoField):  # type: ignore[type-arg]
    """The id of a table whose rows are never deleted — observations are marked deleted,
    audit events stay forever. On SQLite it is a plain INTEGER PRIMARY KEY, which SQLite
    fills with the largest id + 1: with no row ever removed, the ids AUTOINCREMENT would give,
    without the write to ``sqlite_sequence`` that AUTOINCREMENT makes for every row inserted
    (a fifth of the time of an import of 100.000 rows; docs/import-export.md#performance)."""

    def db_type_suffix(self, connection: BaseDatabaseWrapper) -> str | None:
        if connection.vendor == "sqlite":
            return None
        return super().db_type_suffix(connection)


class Observation(models.Model):
    """The value of an indicator for an org unit and period, as typed and as parsed.

    Never overwritten silently: ``version`` detects concurrent edits and every change goes to
    :class:`AuditEvent`. A deleted observation is kept with ``is_deleted``.
    """

    class Source(models.TextChoices):
        FORM = "form", _("Nhập trên trang")
        IMPORT = "import", _("Nhập từ tệp")
        API = "api", _("API")
        EXTRACTED = "extracted", _("Trích từ văn bản")
        DEMO = "demo", _("Dữ liệu minh họa từ bài báo")

    id = AppendOnlyId(primary_key=True)
    # Every index is written on every import of 100.000 rows, so each one earns its place:
    # two serve every read (observation_unique_live, indicator first; obs_series, unit
    # first); indicator and org_unit have no index of their own, nor have created_by and
    # updated_by (nothing looks rows up by who typed them; the audit trail answers that).
    indicator = models.ForeignKey(
        Indicator, on_delete=models.PROTECT, related_name="observations", db_index=False
    )
    org_unit = models.ForeignKey(
        OrgUnit, on_delete=models.PROTECT, related_name="observations", db_index=False
    )
    period = models.CharField(_("kỳ"), max_length=9)
    period_end = models.DateField()  # derived from ``period``; orders series, bounds as-of reads
    is_estimate = models.BooleanField(_("ước thực hiện"), default=False)
    value = models.DecimalField(
        _("giá trị"), null=True, blank=True, max_digits=DIGITS, decimal_places=PLACES
    )
    # A source that states only a percentage ("đạt 97,9 % kế hoạch") keeps it here.
    reported_pct = models.DecimalField(null=True, blank=True, max_digits=9, decimal_places=3)
    raw_text = models.CharField(_("giá trị như đã ghi"), max_length=200, blank=True)
    source = models.CharField(max_length=16, choices=Source.choices)
    source_ref = models.CharField(_("nguồn"), max_length=300, blank=True)
    source_quote = models.TextField(_("trích dẫn"), blank=True)
    note = models.TextField(_("ghi chú"), blank=True)
    # A draft read from text by the machine: a person still has to check it.
    needs_review = models.BooleanField(_("cần rà soát"), default=False)
    reported_on = models.DateField(_("ngày báo cáo"), null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        db_index=False,
    )
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        db_index=False,
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    version = models.PositiveIntegerField(default=1)
    is_deleted = models.BooleanField(default=False)

    class Meta:
        constraints = [
            # One live value per indicator, period and unit; as an index, one indicator's
            # values in some periods, all units: dashboards, exports, an import's
            # comparison with what is stored, the service's look-up of the value it replaces.
            models.UniqueConstraint(
                fields=["indicator", "period", "org_unit"],
                condition=models.Q(is_deleted=False),
                name="observation_unique_live",
            ),
        ]
        indexes = [
            # Series for progress and as-of reads: one unit, one indicator, ordered by time.
            models.Index(fields=["org_unit", "indicator", "period_end"], name="obs_series"),
        ]

    def __str__(self) -> str:
        return f"{self.indicator_id}/{self.org_unit_id}/{self.period}: {self.raw_text}"


class Assessment(models.Model):
    """People's judgement on an indicator for a period: override, causes, remedies."""

    indicator = models.ForeignKey(Indicator, on_delete=models.PROTECT, related_name="assessments")
    org_unit = models.ForeignKey(OrgUnit, on_delete=models.PROTECT, related_name="assessments")
    period = models.CharField(max_length=9)
    status_override = models.CharField(
        max_length=16, choices=[(s.value, s.value) for s in Status], blank=True
    )
    override_reason = models.TextField(blank=True)
    causes_subjective = models.TextField(_("nguyên nhân chủ quan"), blank=True)
    causes_objective = models.TextField(_("nguyên nhân khách quan"), blank=True)
    remedies = models.TextField(_("giải pháp"), blank=True)
    responsible_agency = models.CharField(max_length=200, blank=True)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True
    )
    updated_at = models.DateTimeField(auto_now=True)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["org_unit", "indicator", "period"], name="assessment_unique"
            ),
            models.CheckConstraint(
                condition=models.Q(status_override="") | ~models.Q(override_reason=""),
                name="override_needs_reason",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.indicator_id}/{self.org_unit_id}/{self.period}"


class AuditDocument(models.JSONField):
    """A snapshot of the audit trail, as JSON. Only ``json.dumps`` writes these documents
    (record_change, and bulk.py's template, tested to write the same text), and every read
    parses them: the CHECK (JSON_VALID(...)) that Django's JSONField adds on SQLite would
    parse each one a second time as it is inserted — a fifth of the time an import of
    100.000 rows spends writing its audit events (docs/import-export.md#performance)."""

    def db_check(self, connection: BaseDatabaseWrapper) -> None:
        return None


class AuditEvent(models.Model):
    """Who changed what, when, from what to what, and why. Append-only."""

    id = AppendOnlyId(primary_key=True)
    # An import writes one event per row, and every index is written with it: the trail is
    # read by object (audit_object below), and in time order by id, which grows with ``at``;
    # neither ``at`` nor ``actor`` is looked up, so neither has an index.
    at = models.DateTimeField(auto_now_add=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        db_index=False,
    )
    actor_label = models.CharField(max_length=150)
    action = models.CharField(max_length=32)
    model = models.CharField(max_length=64)
    object_pk = models.CharField(max_length=64)
    before = AuditDocument(null=True, blank=True)
    after = AuditDocument(null=True, blank=True)
    reason = models.TextField(blank=True)
    source = models.CharField(max_length=300, blank=True)

    class Meta:
        ordering = ["-at", "-id"]
        indexes = [models.Index(fields=["model", "object_pk"], name="audit_object")]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.actor_label} {self.action} {self.model}"
