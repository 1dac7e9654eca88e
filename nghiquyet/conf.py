"""Where nghiquyet keeps its files, read from the environment with loud failures.

``NGHIQUYET_DATA_DIR`` (default: the user's data folder, e.g. ~/.local/share/nghiquyet or
%LOCALAPPDATA%\\nghiquyet) holds the embedded SQLite database, the secret key and collected
static files, so every command run after the quick start uses the same database.
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path

from platformdirs import user_data_dir

TRUE = {"1", "true", "yes", "on"}
FALSE = {"0", "false", "no", "off", ""}


def env_bool(name: str, default: bool) -> bool:
    raw = os.environ.get(name)
    if raw is None:
        return default
    value = raw.strip().lower()
    if value in TRUE:
        return True
    if value in FALSE:
        return False
    raise ValueError(f"{name}={raw!r}: expected one of {sorted(TRUE | FALSE)}")


def env_list(name: str, default: list[str]) -> list[str]:
    raw = os.environ.get(name)
    if raw is None:
        return default
    return [item.strip() for item in raw.split(",") if item.strip()]


def data_dir() -> Path:
    configured = os.environ.get("NGHIQUYET_DATA_DIR")
    return Path(configured) if configured else Path(user_data_dir("nghiquyet", appauthor=False))


def ensure_data_dir() -> Path:
    """Create the data folder and its secret key on first use (called by the CLI, not tests)."""
    folder = data_dir()
    folder.mkdir(parents=True, exist_ok=True)
    key_file = folder / "secret_key"
    if not key_file.exists():
        key_file.write_text(secrets.token_urlsafe(50), encoding="utf-8")
        key_file.chmod(0o600)
    return folder


def secret_key() -> str:
    """NGHIQUYET_SECRET_KEY, else the key file in the data folder, else a per-process key."""
    if key := os.environ.get("NGHIQUYET_SECRET_KEY"):
        return key
    key_file = data_dir() / "secret_key"
    if key_file.exists():
        return key_file.read_text(encoding="utf-8").strip()
    return secrets.token_urlsafe(50)
