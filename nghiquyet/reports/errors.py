"""Why a report cannot be made. Each error has a stable machine ``code`` beside its message.

The web pages map :class:`ReportError` to 400 and :class:`PdfUnavailable` to 503; the
``report`` command prints the message and exits 2.
"""

from __future__ import annotations


class ReportError(ValueError):
    """A request that cannot be answered; ``str(error)`` says why, in Vietnamese."""

    code = "report_error"

    def __init__(self, message: str) -> None:
        self.message = message
        super().__init__(message)


class UnknownFormat(ReportError):
    code = "unknown_format"


class UnknownProfile(ReportError):
    code = "unknown_profile"


class BadPeriod(ReportError):
    """An unreadable period or date, or one outside the resolution's term."""

    code = "bad_period"


class TemplateError(ReportError):
    """An office template that cannot be filled; ``placeholder`` names the bad one."""

    code = "template_error"

    def __init__(self, message: str, placeholder: str | None = None) -> None:
        self.placeholder = placeholder
        super().__init__(message)


class PdfUnavailable(ReportError):
    """LibreOffice (``soffice``) is not installed: PDF needs it."""

    code = "pdf_unavailable"


class PdfConversionFailed(ReportError):
    """LibreOffice ran but gave no PDF (time limit, crash, unreadable document)."""

    code = "pdf_failed"
