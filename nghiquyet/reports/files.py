"""A finished report file, and writing it so that no half-written file is ever left behind."""

from __future__ import annotations

import contextlib
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

CONTENT_TYPES = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "pdf": "application/pdf",
}
FORMATS = tuple(CONTENT_TYPES)


@dataclass(frozen=True)
class ReportFile:
    """What :func:`nghiquyet.reports.build_report` returns: bytes, a file name, a MIME type."""

    content: bytes
    filename: str
    content_type: str

    def save(self, path: str | os.PathLike[str]) -> Path:
        """Write to ``path`` atomically (see :func:`write_atomically`)."""
        return write_atomically(Path(path), self.content)


def write_atomically(path: Path, content: bytes) -> Path:
    """Write ``content`` to a temporary file in the target folder, then move it into place.

    Readers see either the old file or the complete new one; an error (full disk, a crash)
    removes the temporary file and leaves ``path`` as it was.
    """
    folder = path.parent if str(path.parent) else Path()
    descriptor, temporary = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".part")
    try:
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(content)
            handle.flush()
            os.fsync(handle.fileno())
        # mkstemp makes the file private (0600); give it the mode a plain open() would.
        Path(temporary).chmod(_default_mode())
        Path(temporary).replace(path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            Path(temporary).unlink()
        raise
    return path


def _default_mode() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask
