"""Error pages in Vietnamese — refused (403), not found (404), bad request (400), server error
(500), bad CSRF token — and the same errors as JSON when JSON or CSV was asked for."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from nghiquyet.web.access import wants_machine_format


def _answer(request: HttpRequest, status: int, code: str, title: str, message: str) -> HttpResponse:
    if wants_machine_format(request):
        return JsonResponse({"error": {"code": code, "message": message}}, status=status)
    context = {"title": title, "message": message, "status": status}
    return render(request, "web/errors/error.html", context, status=status)


def _said(exception: Exception | None) -> str:
    """The message a view raised with, if it wrote one for people."""
    if exception is None or not exception.args:
        return ""
    text = str(exception.args[0])
    return "" if text.startswith(("No ", "Resolver404")) or "{" in text else text


def bad_request(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    message = _said(exception) or _("Yêu cầu không hợp lệ.")
    return _answer(request, 400, "bad_request", _("Yêu cầu không hợp lệ"), message)


def permission_denied(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    message = _said(exception) or _("Bạn không có quyền thực hiện thao tác này.")
    return _answer(request, 403, "forbidden", _("Không có quyền"), message)


def page_not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    said = _said(exception)
    message = (f"{said} " if said else "") + _(
        "Trang này không tồn tại, hoặc thuộc đơn vị mà bạn không có quyền xem."
    )
    return _answer(request, 404, "not_found", _("Không tìm thấy"), message)


def server_error(request: HttpRequest) -> HttpResponse:
    # No template context processors here: the database may be what failed.
    if wants_machine_format(request):
        return JsonResponse(
            {"error": {"code": "server_error", "message": "Lỗi máy chủ."}}, status=500
        )
    body = (
        "<!doctype html><html lang='vi'><meta charset='utf-8'><title>Lỗi máy chủ</title>"
        "<h1>Lỗi máy chủ</h1><p>Ứng dụng gặp lỗi và chưa lưu thao tác vừa rồi. "
        "Hãy thử lại; nếu vẫn lỗi, báo cho người quản trị.</p></html>"
    )
    return HttpResponse(body, status=500)


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    """A form sent without a valid token: usually a page left open too long, or a forgery."""
    return render(request, "web/errors/csrf.html", status=403)
