"""Every observation behind a report, with its source and who entered it when (three queries).

"Who" is the user who saved the value; for values written by a process (the demo loader, an
import) it is the actor named in the audit trail.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from typing import TYPE_CHECKING, Any

from django.utils import timezone

from nghiquyet.results.models import AuditEvent, Observation

from .formats import number_format

if TYPE_CHECKING:
    from ..api import PreparedReport

OBSERVATION_COLUMNS = (
    ("Mã chỉ tiêu", 8),
    ("Chỉ tiêu", 40),
    ("Đơn vị", 22),
    ("Kỳ", 10),
    ("TH/ƯTH", 8),
    ("Giá trị", 14),
    ("Đơn vị tính", 12),
    ("Giá trị như đã ghi", 18),
    ("% nêu trong nguồn", 10),
    ("Nguồn", 18),
    ("Tham chiếu nguồn", 30),
    ("Trích dẫn", 60),
    ("Ghi chú", 40),
    ("Ngày báo cáo", 12),
    ("Người nhập", 16),
    ("Lúc nhập", 17),
    ("Người sửa cuối", 16),
    ("Lúc sửa", 17),
    ("Phiên bản", 8),
    ("Dùng trong báo cáo", 10),
)
DATE = "dd/mm/yyyy"
DATETIME = "dd/mm/yyyy hh:mm"

Cell = tuple[Any, str]


def observation_rows(report: PreparedReport) -> Iterator[list[Cell]]:
    card = report.card
    used = {
        observation.pk
        for row in card.rows
        for observation in (row.observation, row.previous)
        if observation is not None
    }
    observations = list(
        Observation.objects.filter(indicator__resolution=card.resolution, is_deleted=False)
        .select_related("indicator", "org_unit", "created_by", "updated_by")
        .order_by("indicator__position", "indicator_id", "period_end", "org_unit__path", "id")
    )
    creators = _audited_creators([observation.pk for observation in observations])
    for observation in observations:
        yield _cells(observation, creators, observation.pk in used)


def _audited_creators(ids: list[int]) -> dict[str, str]:
    if not ids:
        return {}
    events = AuditEvent.objects.filter(
        model="results.observation", action="create", object_pk__in=[str(pk) for pk in ids]
    ).values_list("object_pk", "actor_label")
    return dict(events)


def _cells(observation: Observation, creators: dict[str, str], used: bool) -> list[Cell]:
    indicator = observation.indicator
    creator = observation.created_by.get_username() if observation.created_by else ""
    updater = observation.updated_by.get_username() if observation.updated_by else ""
    pct = observation.reported_pct
    return [
        (indicator.code, ""),
        (indicator.name, ""),
        (observation.org_unit.name, ""),
        (observation.period, ""),
        ("ƯTH" if observation.is_estimate else "TH", ""),
        (
            observation.value,
            number_format(observation.value) if observation.value is not None else "",
        ),
        (indicator.unit, ""),
        (observation.raw_text, ""),
        (
            pct / 100 if pct is not None else None,
            number_format(pct, percent=True) if pct is not None else "",
        ),
        (observation.get_source_display(), ""),
        (observation.source_ref, ""),
        (observation.source_quote, ""),
        (observation.note, ""),
        (observation.reported_on, DATE if observation.reported_on else ""),
        (creator or creators.get(str(observation.pk), ""), ""),
        (_local(observation.created_at), DATETIME),
        (updater, ""),
        (_local(observation.updated_at), DATETIME),
        (observation.version, ""),
        ("x" if used else "", ""),
    ]


def _local(moment: datetime | None) -> datetime | None:
    """Excel has no time zones: write the local time of the deployment, without a zone."""
    if moment is None:
        return None
    return timezone.localtime(moment).replace(tzinfo=None)
