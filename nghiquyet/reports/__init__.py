"""Review reports in the official format: Word, Excel and PDF (DESIGN.md §7, docs/reports.md).

The public API for the web pages and other callers::

    from nghiquyet.reports import ReportError, build_report

    report = build_report(resolution, "2023-9M", fmt="docx")  # or "xlsx", "pdf"
    response = HttpResponse(report.content, content_type=report.content_type)

``build_report`` is imported lazily so that importing this package never touches the models
before Django is ready.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .errors import (
    BadPeriod,
    PdfConversionFailed,
    PdfUnavailable,
    ReportError,
    TemplateError,
    UnknownFormat,
    UnknownProfile,
)
from .files import FORMATS, ReportFile

if TYPE_CHECKING:
    from .api import build_report

PROFILES = ("party", "state")

__all__ = [
    "FORMATS",
    "PROFILES",
    "BadPeriod",
    "PdfConversionFailed",
    "PdfUnavailable",
    "ReportError",
    "ReportFile",
    "TemplateError",
    "UnknownFormat",
    "UnknownProfile",
    "build_report",
]


def __getattr__(name: str) -> Any:
    if name == "build_report":
        from .api import build_report

        return build_report
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
