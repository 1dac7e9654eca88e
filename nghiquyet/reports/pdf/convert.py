"""Convert a .docx to PDF with LibreOffice, headless, in a private profile, with a time limit.

Each conversion gets its own temporary profile folder (``-env:UserInstallation``), so
conversions never share LibreOffice's lock and can run side by side; a conversion that runs
past the limit is killed with everything it started.

``NGHIQUYET_SOFFICE`` names the program (default: ``soffice`` or ``libreoffice`` on the
PATH); ``NGHIQUYET_PDF_TIMEOUT`` the limit in seconds (default 120).
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import tempfile
from pathlib import Path

from ..errors import PdfConversionFailed, PdfUnavailable

DEFAULT_TIMEOUT = 120.0
INSTALL_HINT = (
    "Cần LibreOffice để tạo PDF: cài gói 'libreoffice-writer-nogui' (Debian, Ubuntu) hoặc "
    "LibreOffice (Windows), hoặc chọn định dạng docx rồi tự chuyển sang PDF."
)


def soffice() -> str | None:
    """The LibreOffice program to run, or ``None`` when it is not installed."""
    configured = os.environ.get("NGHIQUYET_SOFFICE")
    if configured:
        return shutil.which(configured) or (configured if Path(configured).is_file() else None)
    return shutil.which("soffice") or shutil.which("libreoffice")


def timeout_seconds() -> float:
    raw = os.environ.get("NGHIQUYET_PDF_TIMEOUT")
    if not raw:
        return DEFAULT_TIMEOUT
    try:
        value = float(raw)
    except ValueError:
        raise ValueError(f"NGHIQUYET_PDF_TIMEOUT={raw!r}: expected a number of seconds") from None
    if value <= 0:
        raise ValueError(f"NGHIQUYET_PDF_TIMEOUT={raw!r}: expected a positive number")
    return value


def docx_to_pdf(data: bytes, *, timeout: float | None = None) -> bytes:
    program = soffice()
    if program is None:
        raise PdfUnavailable(INSTALL_HINT)
    limit = timeout if timeout is not None else timeout_seconds()
    with tempfile.TemporaryDirectory(prefix="nghiquyet-pdf-") as folder:
        source = Path(folder) / "bao-cao.docx"
        source.write_bytes(data)
        command = [
            program,
            f"-env:UserInstallation={(Path(folder) / 'profile').as_uri()}",
            "--headless",
            "--invisible",
            "--nodefault",
            "--nolockcheck",
            "--norestore",
            "--convert-to",
            "pdf:writer_pdf_Export",
            "--outdir",
            folder,
            str(source),
        ]
        code, output = _run(command, limit)
        result = Path(folder) / "bao-cao.pdf"
        if not result.is_file() or result.stat().st_size == 0:
            detail = output.strip().splitlines()[-1:] or [f"mã thoát {code}"]
            raise PdfConversionFailed(f"LibreOffice không tạo được PDF: {detail[0]}")
        return result.read_bytes()


def _run(command: list[str], limit: float) -> tuple[int, str]:
    """Run LibreOffice; past ``limit`` seconds kill it and its children."""
    process = subprocess.Popen(  # noqa: S603 - a fixed program and arguments, no shell
        command,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        stdin=subprocess.DEVNULL,
        start_new_session=os.name == "posix",
    )
    try:
        output, _ = process.communicate(timeout=limit)
    except subprocess.TimeoutExpired:
        _kill(process)
        process.communicate()
        raise PdfConversionFailed(
            f"LibreOffice chưa chuyển xong sau {limit:g} giây nên đã bị dừng "
            "(đặt NGHIQUYET_PDF_TIMEOUT để cho phép lâu hơn)."
        ) from None
    return process.returncode, output.decode("utf-8", "replace")


def _kill(process: subprocess.Popen[bytes]) -> None:
    if os.name == "posix":
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
    else:
        process.kill()
