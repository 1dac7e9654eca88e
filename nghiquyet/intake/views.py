"""The import/export page: upload → preview (new / changed / unchanged, or every problem) →
confirm; the data-entry template and the exports as downloads.

Views read HTTP, check access and call the intake services; the rules live in the services.
Another unit's data is refused row by row in the preview (the import checks ``can_enter`` for
every row) and with 403 for a template or an export the person may not have.
"""

from __future__ import annotations

import csv
import io
import tempfile
from pathlib import Path
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.models import User
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from nghiquyet.accounts import access
from nghiquyet.core.numbers import Convention
from nghiquyet.core.periods import Period, PeriodError, parse_period
from nghiquyet.core.text import slugify
from nghiquyet.orgunits.models import OrgUnit
from nghiquyet.plans.models import Resolution
from nghiquyet.results.audit import Actor
from nghiquyet.scorecards.build import ScorecardError

from . import definitions, stash
from .csvfmt.writer import write_csv
from .export import ExportError, Selection, records, scorecards
from .files import Limits, megabytes
from .forms import DefinitionsForm, ExportForm, TemplateForm, UploadForm
from .jsonfmt.writer import write_json
from .observations import Status, apply_preview, preview_file
from .problems import Problem
from .xlsx.template import write_template
from .xlsx.writer import write_xlsx

SHOWN = 500  # rows of a list shown on the page; the CSV of problems has them all
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _user(request: HttpRequest) -> User:
    assert isinstance(request.user, User)
    return request.user


def _choices(resolutions: Any) -> list[tuple[str, str]]:
    return [(r.code, f"{r.code} — {r.title}") for r in resolutions]


def _forms(request: HttpRequest, **bound: Any) -> dict[str, Any]:
    user = _user(request)
    visible = list(access.visible_resolutions(user))
    choices = _choices(visible)
    return {
        "upload_form": bound.get("upload_form") or UploadForm(),
        "template_form": bound.get("template_form") or TemplateForm(resolutions=choices),
        "export_form": bound.get("export_form") or ExportForm(resolutions=choices),
        "can_define": any(access.can_set_up(user, r) for r in visible),
        "max_size": megabytes(Limits.current().max_bytes),
    }


@login_required
def page(request: HttpRequest) -> HttpResponse:
    """GET: the page. POST: an upload, kept until confirmed, then its preview."""
    if request.method != "POST":
        return render(request, "intake/io.html", _forms(request))
    form = UploadForm(request.POST, request.FILES)
    if form.is_valid():
        upload = form.cleaned_data["file"]
        limit = Limits.current().max_bytes
        if upload.size > limit:
            form.add_error(
                "file",
                _("Tệp nặng %(size)s, vượt giới hạn %(limit)s. Hãy chia thành nhiều tệp nhỏ hơn.")
                % {"size": megabytes(upload.size), "limit": megabytes(limit)},
            )
        else:
            kept = stash.save(upload, _user(request).pk, {"numbers": form.cleaned_data["numbers"]})
            return redirect("intake:preview", token=kept.token)
    return render(request, "intake/io.html", _forms(request, upload_form=form), status=400)


def _kept(request: HttpRequest, token: str) -> stash.Stashed | HttpResponse:
    kept = stash.load(token, _user(request).pk)
    if kept is None:
        messages.error(
            request, _("Tệp tải lên không còn nữa (đã ghi, đã hủy hoặc quá một ngày). Hãy tải lại.")
        )
        return redirect("intake:page")
    return kept


@login_required
def preview(request: HttpRequest, token: str) -> HttpResponse:
    kept = _kept(request, token)
    if isinstance(kept, HttpResponse):
        return kept
    if request.method == "POST" and "cancel" in request.POST:
        stash.discard(token)
        messages.info(request, _("Đã hủy: chưa ghi gì."))
        return redirect("intake:page")
    user = _user(request)
    convention = Convention(kept.options.get("numbers", Convention.TYPED.value))
    result = preview_file(kept.path, kept.name, user=user, convention=convention)
    notice = ""
    if request.method == "POST" and result.ok:
        if request.POST.get("digest") != result.digest:
            notice = _(
                "Số liệu trong hệ thống đã thay đổi kể từ lúc bạn xem trước. Chưa ghi gì: hãy "
                "xem lại bản xem trước mới dưới đây rồi xác nhận lần nữa."
            )
        else:
            try:
                written = apply_preview(result, actor=Actor.of(user, source=f"import {kept.name}"))
            except ValidationError as exc:
                notice = " ".join(exc.messages)
            else:
                stash.discard(token)
                messages.success(
                    request,
                    _("Đã ghi %(n)s thay đổi từ tệp %(name)s (%(new)s mới, %(changed)s sửa).")
                    % {
                        "n": written.changes,
                        "name": kept.name,
                        "new": written.created,
                        "changed": written.updated,
                    }
                    if written.changes
                    else _("Tệp %(name)s: 0 thay đổi.") % {"name": kept.name},
                )
                return redirect("intake:page")
    context = {
        "token": token,
        "preview": result,
        "notice": notice,
        "errors": result.problems.sorted()[:SHOWN] if not result.ok else [],
        "error_count": len(result.problems.errors),
        "warnings": result.problems.warnings[:SHOWN],
        "changed": result.of(Status.CHANGED)[:SHOWN],
        "new": result.of(Status.NEW)[:SHOWN],
        "unchanged": result.of(Status.UNCHANGED)[:SHOWN],
        "counts": {status.value: result.count(status) for status in Status},
        "shown": SHOWN,
    }
    status = 200 if result.ok and not notice else (409 if notice else 422)
    return render(request, "intake/preview.html", context, status=status)


@login_required
def problems_csv(request: HttpRequest, token: str) -> HttpResponse:
    """Every problem of an uploaded file, as a CSV to open in Excel beside the file."""
    kept = _kept(request, token)
    if isinstance(kept, HttpResponse):
        return kept
    convention = Convention(kept.options.get("numbers", Convention.TYPED.value))
    result = preview_file(kept.path, kept.name, user=_user(request), convention=convention)
    return _problems_response(result.problems.sorted(), kept.name)


def _problems_response(problems: list[Problem], name: str) -> HttpResponse:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(["Mức", "Trang", "Dòng", "Cột", "Giá trị", "Lý do", "Thông báo"])
    for problem in problems:
        writer.writerow(
            [
                "Lỗi" if problem.is_error else "Cảnh báo",
                problem.sheet,
                problem.row or "",
                problem.column,
                problem.value or "",
                problem.reason,
                problem.message,
            ]
        )
    response = HttpResponse("\ufeff" + buffer.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="loi-{_ascii(name)}.csv"'
    return response


def _ascii(name: str) -> str:
    return slugify(Path(name).stem) or "tep"


# --- resolution definitions ----------------------------------------------------------------


def _definable(user: User) -> list[Resolution]:
    return [r for r in access.visible_resolutions(user) if access.can_set_up(user, r)]


@login_required
def definitions_upload(request: HttpRequest) -> HttpResponse:
    user = _user(request)
    choices = _choices(_definable(user))
    if not choices:
        raise PermissionDenied(_("Bạn không có quyền thiết lập chỉ tiêu của nghị quyết nào."))
    form = DefinitionsForm(
        request.POST or None,
        request.FILES or None,
        resolutions=choices,
        initial={"resolution": request.GET.get("resolution", "")},
    )
    if request.method == "POST" and form.is_valid():
        options = {
            "numbers": form.cleaned_data["numbers"],
            "resolution": form.cleaned_data["resolution"],
        }
        kept = stash.save(form.cleaned_data["file"], user.pk, options)
        return redirect("intake:definitions_preview", token=kept.token)
    status = 400 if request.method == "POST" else 200
    return render(request, "intake/definitions.html", {"form": form}, status=status)


@login_required
def definitions_preview(request: HttpRequest, token: str) -> HttpResponse:
    kept = _kept(request, token)
    if isinstance(kept, HttpResponse):
        return kept
    user = _user(request)
    resolution = Resolution.objects.filter(
        code=kept.options.get("resolution", ""), is_deleted=False
    ).first()
    if resolution is None or not access.can_set_up(user, resolution):
        raise PermissionDenied
    if request.method == "POST" and "cancel" in request.POST:
        stash.discard(token)
        return redirect("intake:page")
    convention = Convention(kept.options.get("numbers", Convention.TYPED.value))
    plan = definitions.preview_definitions(
        kept.path, kept.name, resolution, user=user, convention=convention
    )
    if request.method == "POST" and plan.ok:
        created = definitions.apply_definitions(
            plan, actor=Actor.of(user, source=f"import {kept.name}")
        )
        stash.discard(token)
        messages.success(
            request,
            _("Đã thêm %(n)s chỉ tiêu vào nghị quyết %(code)s.")
            % {"n": created, "code": resolution.code},
        )
        return redirect(reverse("scorecard", args=[resolution.code]))
    context = {
        "token": token,
        "plan": plan,
        "errors": plan.problems.sorted()[:SHOWN] if not plan.ok else [],
        "warnings": plan.problems.warnings[:SHOWN],
        "direction_labels": definitions.DIRECTION_LABELS,
        "kind_labels": definitions.KIND_LABELS,
    }
    return render(
        request, "intake/definitions_preview.html", context, status=200 if plan.ok else 422
    )


# --- downloads -------------------------------------------------------------------------------


def _period_or_error(form: Any, field: str) -> Period | None:
    text = form.cleaned_data.get(field) or ""
    if not text.strip():
        return None
    try:
        return parse_period(text)
    except PeriodError as exc:
        form.add_error(field, str(exc))
        return None


def _unit_or_error(form: Any) -> OrgUnit | None:
    code = (form.cleaned_data.get("unit") or "").strip()
    if not code:
        return None
    unit = OrgUnit.objects.filter(code=code).first()
    if unit is None:
        form.add_error("unit", _("Không có đơn vị mã '%(code)s'.") % {"code": code})
    return unit


def _resolution(user: User, code: str) -> Resolution:
    resolution = Resolution.objects.filter(code=code, is_deleted=False).first()
    if resolution is None or not access.can_read_resolution(user, resolution):
        raise PermissionDenied
    return resolution


@login_required
def template_download(request: HttpRequest) -> HttpResponse:
    user = _user(request)
    form = TemplateForm(request.GET, resolutions=_choices(access.visible_resolutions(user)))
    if form.is_valid():
        resolution = _resolution(user, form.cleaned_data["resolution"])
        period = _period_or_error(form, "period")
        unit = _unit_or_error(form) or resolution.scope
        if period is not None and not form.errors:
            if not access.can_enter(user, resolution, unit):
                raise PermissionDenied(_("Bạn không được nhập số liệu của đơn vị này."))
            with tempfile.TemporaryDirectory() as folder:
                path = Path(folder) / "bieu-mau.xlsx"
                try:
                    write_template(resolution, period, unit, path)
                except ScorecardError as exc:
                    form.add_error("period", str(exc))
                else:
                    name = f"bieu-mau-{resolution.code}-{unit.code}-{period.code}.xlsx"
                    return _file(path.read_bytes(), name, XLSX)
    page_forms = _forms(request, template_form=form)
    return render(request, "intake/io.html", page_forms, status=400)


@login_required
def export_download(request: HttpRequest) -> HttpResponse:
    user = _user(request)
    form = ExportForm(request.GET, resolutions=_choices(access.visible_resolutions(user)))
    if form.is_valid():
        resolution = _resolution(user, form.cleaned_data["resolution"])
        unit = _unit_or_error(form)
        periods = [_period_or_error(form, f) for f in ("period", "start", "end")]
        if not form.errors:
            try:
                selection = Selection(resolution, unit, *periods)
            except ExportError as exc:
                form.add_error(None, str(exc))
            else:
                return _export(selection, form.cleaned_data["format"])
    return render(request, "intake/io.html", _forms(request, export_form=form), status=400)


def _export(selection: Selection, fmt: str) -> HttpResponse:
    rows = list(records(selection))
    cards = [] if fmt == "csv" else scorecards(selection, sorted({r.period for r in rows}))
    stem = f"so-lieu-{selection.resolution.code}"
    if fmt == "xlsx":
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "export.xlsx"
            write_xlsx(selection, rows, cards, path)
            return _file(path.read_bytes(), f"{stem}.xlsx", XLSX)
    buffer = io.StringIO()
    if fmt == "csv":
        write_csv(rows, buffer)
        return _file(("\ufeff" + buffer.getvalue()).encode(), f"{stem}.csv", "text/csv")
    write_json(selection, rows, cards, buffer)
    return _file(buffer.getvalue().encode(), f"{stem}.json", "application/json")


def _file(content: bytes, name: str, content_type: str) -> HttpResponse:
    response = HttpResponse(content)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    response["Content-Type"] = (
        f"{content_type}; charset=utf-8"
        if content_type.startswith(("text/", "application/json"))
        else content_type
    )
    return response
