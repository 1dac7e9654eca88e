"""Report downloads from the scorecard page: ``/resolutions/<code>/report/``.

* ``GET ?period=&as_of=&format=docx|xlsx|pdf[&profile=party|state]`` — the same file
  ``nghiquyet report`` writes for those options.
* ``POST`` (multipart) with the same fields and ``template``: an office's own .docx filled
  with the same data (docs/reports.md lists the placeholders).
* ``GET …/report/template/`` — the example template, to start an own layout from.

Whoever may read the resolution may download its report (404 otherwise, as on the scorecard).
Bad input — a format, profile, period or date that does not exist, a broken template — answers
400 with the reason in Vietnamese; PDF without LibreOffice answers 503. Nothing is stored.
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from nghiquyet.plans.models import Resolution
from nghiquyet.reports import PdfUnavailable, ReportError, build_report
from nghiquyet.reports.docx.example import build_example_template
from nghiquyet.reports.files import CONTENT_TYPES

from ..access import readable_resolution, signed_in

# An office's template is a Word document of a few pages; anything bigger is not one.
TEMPLATE_MAX_BYTES = 10 * 1024 * 1024


@signed_in
@require_http_methods(["GET", "POST"])
def report(request: HttpRequest, code: str) -> HttpResponse:
    resolution = readable_resolution(request, code)
    fields = request.POST if request.method == "POST" else request.GET
    template: bytes | None = None
    if request.method == "POST":
        upload = request.FILES.get("template")
        if upload is None:
            return _refused(request, resolution, _("Hãy chọn tệp mẫu báo cáo (.docx) để tải lên."))
        if upload.size is not None and upload.size > TEMPLATE_MAX_BYTES:
            return _refused(
                request,
                resolution,
                _("Tệp mẫu '%(name)s' lớn hơn 10 MB: đó không phải một mẫu báo cáo.")
                % {"name": upload.name},
            )
        template = upload.read()
    try:
        made = build_report(
            resolution,
            fields.get("period", "").strip() or resolution.term.code,
            as_of=fields.get("as_of", "").strip() or None,
            fmt=fields.get("format", "docx").strip() or "docx",
            profile=fields.get("profile", "").strip() or None,
            template=template,
        )
    except PdfUnavailable as exc:
        return _refused(request, resolution, str(exc), status=503)
    except ReportError as exc:
        return _refused(request, resolution, str(exc))
    return _attachment(made.content, made.filename, made.content_type)


@signed_in
@require_GET
def example_template(request: HttpRequest, code: str) -> HttpResponse:
    readable_resolution(request, code)
    return _attachment(build_example_template(), "bao-cao-mau.docx", CONTENT_TYPES["docx"])


def _attachment(content: bytes, filename: str, content_type: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    # Report file names are ASCII by construction ("bao-cao-cho-don-2023-2023-9M.docx").
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Content-Length"] = str(len(content))
    return response


def _refused(
    request: HttpRequest, resolution: Resolution, message: str, status: int = 400
) -> HttpResponse:
    context = {
        "title": _("Không lập được báo cáo"),
        "message": message,
        "status": status,
        "back": reverse("scorecard", args=[resolution.code]),
        "back_label": _("Về bảng chỉ tiêu của nghị quyết"),
    }
    return render(request, "web/errors/error.html", context, status=status)
