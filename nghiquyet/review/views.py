"""The review page ``/review/``: text in, reviewed draft observations out.

1. The person picks a resolution and pastes text or uploads a .txt, .docx or .html file.
2. "Đọc văn bản" shows the text with every fact marked, and a row per fact: the indicator the
   machine thinks it is (with the score), the value, the percentage of plan, the period.
3. The person confirms, changes or drops each row, picks the unit, and saves. Every confirmed
   row becomes an observation through :func:`record_observation` — source "extracted", the
   fact's own quote, ``needs_review`` set — in one transaction: one bad row, nothing saved.

Access: only resolutions the person can see (else 404), only units they may enter figures
for (else 403). The text travels back with the form; the quotes are read from it again on the
server, never taken from the form.
"""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from nghiquyet.accounts.access import can_enter, enterable_units, visible_resolutions
from nghiquyet.core.extraction import Extraction, extract_document, normalize_text
from nghiquyet.core.numbers import Convention, NumberFormatError, parse_number
from nghiquyet.core.periods import PeriodError, parse_period
from nghiquyet.orgunits.models import OrgUnit
from nghiquyet.plans.models import Indicator, Resolution
from nghiquyet.results.audit import Actor
from nghiquyet.results.models import Observation
from nghiquyet.results.services import record_observation

from .forms import (
    PASTED,
    Row,
    SourceProblem,
    candidates,
    highlighted,
    proposed_rows,
    read_text,
    submitted_rows,
)


class _Rollback(Exception):
    """Leave the transaction without saving anything."""


def _user(request: HttpRequest) -> User:
    assert isinstance(request.user, User)
    return request.user


def _resolution(request: HttpRequest, code: str) -> Resolution:
    """The chosen resolution if this person can see it, else 404."""
    found = visible_resolutions(_user(request)).filter(code=code).first()
    if found is None:
        raise Http404(_("Không tìm thấy nghị quyết '%(code)s'.") % {"code": code})
    return found


def _units(request: HttpRequest, resolution: Resolution) -> list[OrgUnit]:
    units = enterable_units(_user(request), resolution)
    if not units:
        raise PermissionDenied(_("Bạn không được nhập số liệu cho nghị quyết này."))
    return units


def _indicators(resolution: Resolution) -> list[Indicator]:
    return list(
        Indicator.objects.filter(resolution=resolution, withdrawn_on__isnull=True).order_by(
            "position", "pk"
        )
    )


@login_required
def review(request: HttpRequest) -> HttpResponse:
    resolutions = list(visible_resolutions(_user(request)).order_by("code"))
    if request.method != "POST":
        return _start(request, resolutions)
    resolution = _resolution(request, request.POST.get("resolution", ""))
    units = _units(request, resolution)
    if request.POST.get("action") == "save":
        return _save(request, resolution, units)
    try:
        text, source_ref = read_text(request.POST.get("text", ""), request.FILES.get("file"))
    except SourceProblem as exc:
        return _start(request, resolutions, resolution, error=exc.message, status=400)
    extraction = extract_document(text)
    indicators = _indicators(resolution)
    rows = proposed_rows(extraction, candidates(indicators))
    unit = next((u for u in units if u.pk == resolution.scope_id), units[0])
    return _page(request, resolution, units, unit, indicators, text, extraction, rows, source_ref)


def _start(
    request: HttpRequest,
    resolutions: list[Resolution],
    chosen: Resolution | None = None,
    *,
    error: str = "",
    status: int = 200,
) -> HttpResponse:
    context = {
        "resolutions": resolutions,
        "chosen": chosen,
        "error": error,
        "text": request.POST.get("text", ""),
    }
    return render(request, "review/start.html", context, status=status)


def _page(
    request: HttpRequest,
    resolution: Resolution,
    units: list[OrgUnit],
    unit: OrgUnit,
    indicators: list[Indicator],
    text: str,
    extraction: Extraction,
    rows: list[Row],
    source_ref: str,
    *,
    error: str = "",
    status: int = 200,
) -> HttpResponse:
    context = {
        "resolution": resolution,
        "units": units,
        "unit": unit,
        "indicators": indicators,
        "extraction": extraction,
        "text": text,
        "pieces": highlighted(normalize_text(text), extraction.facts),
        "rows": rows,
        "measures": sum(1 for row in rows if row.measure is not None),
        "source_ref": source_ref,
        "problems": sum(1 for row in rows if row.errors),
        "error": error,
    }
    return render(request, "review/review.html", context, status=status)


def _save(request: HttpRequest, resolution: Resolution, units: list[OrgUnit]) -> HttpResponse:
    user = _user(request)
    unit = OrgUnit.objects.filter(code=request.POST.get("unit", "")).first()
    if unit is None:
        raise Http404(_("Không tìm thấy đơn vị."))
    if not can_enter(user, resolution, unit):
        raise PermissionDenied(
            _("Bạn không được nhập số liệu của nghị quyết này cho đơn vị '%(unit)s'.")
            % {"unit": unit.name}
        )
    text = request.POST.get("text", "")
    source_ref = request.POST.get("source_ref", "").strip()[:300] or PASTED
    extraction = extract_document(text)
    indicators = _indicators(resolution)
    by_id = {indicator.pk: indicator for indicator in indicators}
    rows = submitted_rows(request.POST, extraction, candidates(indicators))
    chosen = [row for row in rows if row.measure is not None and row.use]
    for row in chosen:
        if row.indicator_id is not None and row.indicator_id not in by_id:
            raise Http404(_("Chỉ tiêu không thuộc nghị quyết này."))

    def again(error: str = "") -> HttpResponse:
        return _page(
            request, resolution, units, unit, indicators, text, extraction, rows, source_ref,
            error=error, status=400,
        )  # fmt: skip

    if not chosen:
        return again(_("Chưa có dòng nào được xác nhận: đánh dấu “Ghi” ở các dòng cần lưu."))
    actor = Actor.of(user, source="review")
    saved: list[Observation] = []
    try:
        with transaction.atomic():
            for row in chosen:
                observation = _record(row, by_id, unit, source_ref, actor)
                if observation is not None:
                    saved.append(observation)
            if any(row.errors for row in rows):
                raise _Rollback
    except _Rollback:
        return again()
    context = {"resolution": resolution, "unit": unit, "saved": saved, "source_ref": source_ref}
    return render(request, "review/done.html", context)


def _record(
    row: Row, by_id: dict[int, Indicator], unit: OrgUnit, source_ref: str, actor: Actor
) -> Observation | None:
    measure = row.measure
    assert measure is not None
    if row.indicator_id is None:
        row.errors["indicator"] = [_("Chọn chỉ tiêu cho dòng này, hoặc bỏ dấu “Ghi”.")]
        return None
    pct = None
    if row.pct:
        try:
            pct = parse_number(row.pct.rstrip("% ").strip(), Convention.TYPED)
        except NumberFormatError as exc:
            row.errors["reported_pct"] = [f"'{row.pct}': {exc.reason}"]
            return None
    try:
        period = parse_period(row.period).code
    except PeriodError as exc:
        row.errors["period"] = [str(exc)]
        return None
    try:
        return record_observation(
            indicator=by_id[row.indicator_id],
            org_unit=unit,
            period=period,
            raw_text=row.value,
            reported_pct=pct,
            is_estimate=measure.estimate,
            note=row.note,
            source=Observation.Source.EXTRACTED,
            source_ref=source_ref,
            source_quote=measure.quote,
            needs_review=True,
            actor=actor,
        )
    except ValidationError as exc:
        if hasattr(exc, "error_dict"):
            row.errors.update({name: list(msgs) for name, msgs in exc.message_dict.items()})
        else:
            row.errors["__all__"] = list(exc.messages)
        return None
