"""Signing in and out, and changing one's password (Django auth, with throttling)."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib.auth import views as auth_views
from django.contrib.auth.forms import PasswordChangeForm
from django.contrib.auth.models import User
from django.urls import reverse_lazy

from nghiquyet.accounts.backends import DEMO_GROUP
from nghiquyet.accounts.forms import SignInForm


class SignInView(auth_views.LoginView):
    form_class = SignInForm
    template_name = "web/auth/login.html"
    redirect_authenticated_user = True

    def get_context_data(self, **kwargs: Any) -> dict[str, Any]:
        context = super().get_context_data(**kwargs)
        # The demo accounts are listed where people need them, never in production.
        if not getattr(settings, "PRODUCTION", False):
            context["demo_users"] = list(
                User.objects.filter(groups__name=DEMO_GROUP, is_active=True)
                .order_by("id")
                .values_list("username", "first_name")
            )
        return context


class SignOutView(auth_views.LogoutView):
    template_name = "web/auth/logged_out.html"


class PasswordChange(auth_views.PasswordChangeView):
    form_class = PasswordChangeForm
    template_name = "web/auth/password_change.html"
    success_url = reverse_lazy("password_changed")


class PasswordChanged(auth_views.PasswordChangeDoneView):
    template_name = "web/auth/password_changed.html"


login = SignInView.as_view()
logout = SignOutView.as_view()
password_change = PasswordChange.as_view()
password_changed = PasswordChanged.as_view()
