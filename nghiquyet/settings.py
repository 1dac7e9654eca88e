"""Django settings: one file, driven by environment variables (see docs/architecture.md).

- ``DATABASE_URL``: PostgreSQL (``postgres://user@host:5432/name``); unset → embedded SQLite
  in the data folder.
- ``NGHIQUYET_ENV``: ``development`` (default) or ``production`` (refuses demo accounts,
  requires ``NGHIQUYET_SECRET_KEY`` and ``NGHIQUYET_ALLOWED_HOSTS``).
- ``NGHIQUYET_DEBUG``: Django's DEBUG, off unless set, and never in production.
"""

from __future__ import annotations

import os
from pathlib import Path

import dj_database_url

from nghiquyet.conf import data_dir, env_bool, env_list, secret_key

BASE_DIR = Path(__file__).resolve().parent
DATA_DIR = data_dir()

ENVIRONMENT = os.environ.get("NGHIQUYET_ENV", "development")
if ENVIRONMENT not in {"development", "production"}:
    raise ValueError(f"NGHIQUYET_ENV={ENVIRONMENT!r}: expected 'development' or 'production'")
PRODUCTION = ENVIRONMENT == "production"
if PRODUCTION and not os.environ.get("NGHIQUYET_SECRET_KEY"):
    raise ValueError("NGHIQUYET_ENV=production needs NGHIQUYET_SECRET_KEY")

SECRET_KEY = secret_key()
DEBUG = env_bool("NGHIQUYET_DEBUG", default=False) and not PRODUCTION
ALLOWED_HOSTS = env_list("NGHIQUYET_ALLOWED_HOSTS", ["127.0.0.1", "localhost", "testserver"])

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "nghiquyet.orgunits",
    "nghiquyet.accounts",
    "nghiquyet.plans",
    "nghiquyet.results",
    "nghiquyet.scorecards",
    "nghiquyet.reports",
    "nghiquyet.intake",
    "nghiquyet.demo",
    "nghiquyet.review",
    "nghiquyet.web",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # Vietnamese unless the person chose English (cookie); the browser's language is ignored.
    "nghiquyet.web.middleware.language",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "nghiquyet.web.middleware.security_headers",
]

ROOT_URLCONF = "nghiquyet.urls"
WSGI_APPLICATION = "nghiquyet.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "nghiquyet.web.context.navigation",
            ],
        },
    },
]

if os.environ.get("DATABASE_URL"):
    DATABASES = {"default": dj_database_url.parse(os.environ["DATABASE_URL"], conn_max_age=60)}
else:
    DATABASES = {
        "default": {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": str(DATA_DIR / "nghiquyet.sqlite3"),
            "OPTIONS": {
                # WAL lets readers work while one writer writes; IMMEDIATE takes the write
                # lock at BEGIN so two writers queue instead of failing half-way.
                "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
                "transaction_mode": "IMMEDIATE",
                "timeout": 20,
            },
        }
    }

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTHENTICATION_BACKENDS = ["nghiquyet.accounts.backends.NghiquyetBackend"]
LOGIN_URL = "/login/"
LOGIN_REDIRECT_URL = "/"
LOGOUT_REDIRECT_URL = "/login/"
CSRF_FAILURE_VIEW = "nghiquyet.web.views.errors.csrf_failure"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]

LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", "Tiếng Việt"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_TZ = True

STATIC_URL = "/static/"
# Static files ship inside the package and WhiteNoise serves them from there: nothing to
# collect, no CDN. Set NGHIQUYET_STATIC_ROOT only to run collectstatic for a front proxy.
STATIC_ROOT = os.environ.get("NGHIQUYET_STATIC_ROOT") or None
WHITENOISE_USE_FINDERS = True
WHITENOISE_MAX_AGE = 3600
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_SECURE = env_bool("NGHIQUYET_HTTPS", default=False)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = True  # our script reads the token from the form, never the cookie
SESSION_COOKIE_AGE = 60 * 60 * 12  # a working day on a shared office PC, not two weeks
if SESSION_COOKIE_SECURE:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_HSTS_SECONDS = 60 * 60 * 24 * 365

# Evaluation defaults; a resolution may override the threshold.
NGHIQUYET_NEARLY_MET_THRESHOLD = 95
NGHIQUYET_PROGRESS_METHOD = os.environ.get("NGHIQUYET_PROGRESS_METHOD", "linear")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}
