"""Signing in and out, throttling, the demo accounts, the language switch."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from nghiquyet.accounts.models import LoginFailure


def sign_in(client: Client, username: str, password: str):
    return client.post("/login/", {"username": username, "password": password})


def test_a_person_signs_in_with_username_and_password_and_lands_on_the_dashboard(people, client):
    response = sign_in(client, "baocao", "demo")
    assert response.status_code == 302 and response["Location"] == "/"
    assert "Tổng quan các nghị quyết" in client.get("/").content.decode()


def test_after_signing_in_a_person_returns_to_the_page_they_asked_for(people, client):
    response = client.get("/resolutions/pac-nam-2023/")
    assert response["Location"] == "/login/?next=/resolutions/pac-nam-2023/"
    response = client.post(
        "/login/", {"username": "baocao", "password": "demo", "next": "/resolutions/pac-nam-2023/"}
    )
    assert response["Location"] == "/resolutions/pac-nam-2023/"


def test_a_wrong_password_is_refused_in_vietnamese(people, client):
    response = sign_in(client, "baocao", "sai")
    assert response.status_code == 200
    assert "Tên đăng nhập hoặc mật khẩu không đúng" in response.content.decode()


def test_five_failures_lock_the_username_for_a_while_even_with_the_right_password(people, client):
    for _ in range(5):
        sign_in(client, "baocao", "sai")
    response = sign_in(client, "baocao", "demo")
    page = response.content.decode()
    assert response.status_code == 200
    assert "Đăng nhập sai quá nhiều lần. Hãy thử lại sau 15 phút." in page
    assert sign_in(client, "vanphong", "demo").status_code == 302  # others are not locked


def test_the_lock_ends_when_the_failures_leave_the_window(people, client):
    for _ in range(5):
        sign_in(client, "baocao", "sai")
    LoginFailure.objects.update(at=timezone.now() - timedelta(minutes=16))
    assert sign_in(client, "baocao", "demo").status_code == 302


def test_a_successful_sign_in_forgets_earlier_failures(people, client):
    for _ in range(4):
        sign_in(client, "baocao", "sai")
    assert sign_in(client, "baocao", "demo").status_code == 302
    assert not LoginFailure.objects.filter(username="baocao").exists()


def test_many_failures_from_one_address_lock_the_address(people, client, settings):
    settings.NGHIQUYET_LOGIN_MAX_FAILURES_PER_ADDRESS = 3
    for name in ("a", "b", "c"):
        sign_in(client, name, "sai")
    assert "Đăng nhập sai quá nhiều lần" in sign_in(client, "baocao", "demo").content.decode()


def test_the_login_page_lists_the_demo_accounts_except_in_production(people, client, settings):
    page = client.get("/login/").content.decode()
    assert "Tài khoản minh họa" in page and "<kbd>vanphong</kbd>" in page
    settings.PRODUCTION = True
    page = client.get("/login/").content.decode()
    assert "Tài khoản minh họa" not in page
    assert sign_in(client, "vanphong", "demo").status_code == 200  # refused


def test_signing_out_takes_a_post_and_ends_the_session(reporter):
    assert reporter.get("/logout/").status_code == 405
    response = reporter.post("/logout/")
    assert response.status_code == 302 and response["Location"] == "/login/"
    assert reporter.get("/").status_code == 302


def test_a_person_changes_their_password(people, reporter):
    response = reporter.post(
        "/password/",
        {
            "old_password": "demo",
            "new_password1": "Chỉ-tiêu-2025-mới",
            "new_password2": "Chỉ-tiêu-2025-mới",
        },
    )
    assert response.status_code == 302 and response["Location"] == "/password/done/"
    people["baocao"].refresh_from_db()
    assert people["baocao"].check_password("Chỉ-tiêu-2025-mới")


def test_forms_refuse_a_post_without_the_csrf_token(people):
    client = Client(enforce_csrf_checks=True)
    client.force_login(people["baocao"])
    response = client.post("/resolutions/pac-nam-2023/entry/", {"unit": "pac-nam"})
    assert response.status_code == 403
    assert "Phiên làm việc đã hết hạn" in response.content.decode()


def test_vietnamese_is_the_default_whatever_the_browser_says(reporter):
    page = reporter.get("/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9").content.decode()
    assert '<html lang="vi">' in page and "Tổng quan các nghị quyết" in page


def test_english_is_one_click_away_and_stays(reporter):
    response = reporter.post("/i18n/setlang/", {"language": "en", "next": "/"})
    assert response.status_code == 302
    page = reporter.get("/").content.decode()
    assert '<html lang="en">' in page
    assert "Resolutions overview" in page and "Next reporting period" in page
    page = reporter.get("/resolutions/pac-nam-2023/?period=2023-9M").content.decode()
    assert "9 months of 2023" in page and "Not yet met" in page
    reporter.post("/i18n/setlang/", {"language": "vi", "next": "/"})
    assert "Tổng quan các nghị quyết" in reporter.get("/").content.decode()


def settings_under(**environment: str) -> dict:
    """The settings module as loaded in a fresh process with ``environment``."""
    code = (
        "import json, nghiquyet.settings as s; print(json.dumps({name: getattr(s, name, None) "
        "for name in ('SESSION_COOKIE_SECURE', 'CSRF_COOKIE_SECURE', 'SESSION_COOKIE_HTTPONLY', "
        "'SECURE_HSTS_SECONDS', 'DEBUG')}))"
    )
    env = {**os.environ, **environment}
    result = subprocess.run(  # noqa: S603 - our own interpreter and code
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    )
    return json.loads(result.stdout)


@pytest.mark.parametrize("https", [True, False])
def test_cookies_are_secure_when_served_over_https(https):
    loaded = settings_under(NGHIQUYET_HTTPS="1" if https else "0")
    assert loaded["SESSION_COOKIE_SECURE"] is https
    assert loaded["CSRF_COOKIE_SECURE"] is https
    assert loaded["SESSION_COOKIE_HTTPONLY"] is True
    assert bool(loaded["SECURE_HSTS_SECONDS"]) is https


def test_debug_is_never_on_in_production():
    loaded = settings_under(
        NGHIQUYET_ENV="production", NGHIQUYET_SECRET_KEY="x" * 50, NGHIQUYET_DEBUG="1"
    )
    assert loaded["DEBUG"] is False
