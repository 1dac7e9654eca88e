"""Uploaded files kept between the preview and the confirmation.

The page shows what a file would change; the person confirms; the file is read again and
written only if it still changes exactly what was shown. Between the two requests the file
waits here, under a random token, readable only by the person who uploaded it, for a day at
most. The folder is ``NGHIQUYET_UPLOAD_DIR`` (a setting) or ``uploads/`` in the data folder.
"""

from __future__ import annotations

import json
import re
import secrets
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile

MAX_AGE = 24 * 3600
_TOKEN = re.compile(r"[0-9a-f]{32}")


def folder() -> Path:
    configured = getattr(settings, "NGHIQUYET_UPLOAD_DIR", None)
    path = Path(configured) if configured else Path(settings.DATA_DIR) / "uploads"
    path.mkdir(parents=True, exist_ok=True)
    return path


@dataclass(frozen=True)
class Stashed:
    token: str
    path: Path
    name: str
    user_id: int
    options: dict[str, Any]


def save(upload: UploadedFile[bytes], user_id: int, options: dict[str, Any]) -> Stashed:
    sweep()
    token = secrets.token_hex(16)
    base = folder()
    path = base / f"{token}.upload"
    with path.open("wb") as handle:
        for chunk in upload.chunks():
            handle.write(chunk)
    name = Path(upload.name or "tep-tai-len").name[:200]
    meta = {"name": name, "user_id": user_id, "options": options, "at": time.time()}
    (base / f"{token}.json").write_text(json.dumps(meta, ensure_ascii=False), encoding="utf-8")
    return Stashed(token, path, name, user_id, options)


def load(token: str, user_id: int) -> Stashed | None:
    """The stashed upload of ``token``, if it exists, is fresh and belongs to ``user_id``."""
    if not _TOKEN.fullmatch(token):
        return None
    base = folder()
    meta_path, path = base / f"{token}.json", base / f"{token}.upload"
    try:
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if meta.get("user_id") != user_id or not path.exists():
        return None
    if time.time() - float(meta.get("at", 0)) > MAX_AGE:
        discard(token)
        return None
    return Stashed(token, path, str(meta["name"]), user_id, dict(meta.get("options", {})))


def discard(token: str) -> None:
    if not _TOKEN.fullmatch(token):
        return
    for suffix in (".upload", ".json"):
        (folder() / f"{token}{suffix}").unlink(missing_ok=True)


def sweep(now: float | None = None) -> None:
    """Remove uploads older than a day."""
    now = now or time.time()
    for path in folder().glob("*.json"):
        try:
            at = float(json.loads(path.read_text(encoding="utf-8")).get("at", 0))
        except (OSError, ValueError):
            at = 0
        if now - at > MAX_AGE:
            discard(path.stem)
