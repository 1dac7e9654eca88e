"""The sign-in form, with throttling (see :mod:`nghiquyet.accounts.throttle`)."""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.http import HttpRequest
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from . import throttle


def client_address(request: HttpRequest | None) -> str | None:
    """The address the request came from (the proxy's, behind one: good enough to throttle)."""
    if request is None:
        return None
    return request.META.get("REMOTE_ADDR") or None


class SignInForm(AuthenticationForm):
    error_messages = {  # noqa: RUF012 - Django's convention for form error messages
        "invalid_login": _(
            "Tên đăng nhập hoặc mật khẩu không đúng. Lưu ý chữ hoa, chữ thường và bộ gõ tiếng Việt."
        ),
        "inactive": _("Tài khoản này đã bị khóa."),
    }

    def __init__(self, request: HttpRequest | None = None, *args: Any, **kwargs: Any) -> None:
        super().__init__(request, *args, **kwargs)
        self.fields["username"].label = _("Tên đăng nhập")
        self.fields["password"].label = _("Mật khẩu")

    def clean(self) -> dict[str, Any]:
        username = self.cleaned_data.get("username") or ""
        address = client_address(self.request)
        lock = throttle.locked(username, address)
        if lock is not None:
            raise forms.ValidationError(
                ngettext(
                    "Đăng nhập sai quá nhiều lần. Hãy thử lại sau %(minutes)d phút.",
                    "Đăng nhập sai quá nhiều lần. Hãy thử lại sau %(minutes)d phút.",
                    lock.minutes,
                )
                % {"minutes": lock.minutes},
                code="throttled",
            )
        try:
            cleaned = super().clean()
        except forms.ValidationError:
            throttle.record_failure(username, address)
            raise
        throttle.record_success(username, address)
        return cleaned
