"""``build_report``: the one function every caller (CLI, web pages, API) uses to get a report.

Access control stays with the caller: this function trusts that whoever asks may see the
resolution.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import BinaryIO

from nghiquyet.core.periods import Period, PeriodError, parse_period
from nghiquyet.plans.models import Resolution
from nghiquyet.results.models import Observation
from nghiquyet.scorecards.build import Scorecard, ScorecardError, build_scorecard

from .content import ReportContent, build_content
from .errors import BadPeriod, ReportError, TemplateError, UnknownFormat
from .files import CONTENT_TYPES, FORMATS, ReportFile
from .letterhead import Letterhead, choose_profile, letterhead_for
from .models import IssuerSettings
from .profiles import Profile

TemplateSource = str | os.PathLike[str] | bytes | BinaryIO


@dataclass(frozen=True)
class PreparedReport:
    """Everything the renderers need, read from the database once."""

    card: Scorecard
    content: ReportContent
    letterhead: Letterhead
    profile: Profile


def build_report(
    resolution: Resolution | str,
    period: Period | str,
    *,
    as_of: date | str | None = None,
    fmt: str = "docx",
    profile: str | None = None,
    template: TemplateSource | None = None,
) -> ReportFile:
    """The review report of ``resolution`` for ``period`` as known on ``as_of`` (today).

    ``fmt`` is "docx", "xlsx" or "pdf"; ``profile`` ("party"/"state") overrides the one the
    issuing body uses; ``template`` is an office's own .docx with placeholders (docx and pdf
    only; see docs/reports.md). Bad input raises a :class:`~nghiquyet.reports.ReportError`.
    """
    fmt = check_format(fmt)
    if template is not None and fmt == "xlsx":
        raise ReportError("Mẫu .docx riêng chỉ dùng cho báo cáo Word (docx) hoặc PDF.")
    report = prepare(resolution, period, as_of=as_of, profile=profile)
    if fmt == "xlsx":
        from .xlsx.workbook import render_xlsx

        content = render_xlsx(report)
    else:
        content = render_word(report, template)
        if fmt == "pdf":
            from .pdf.convert import docx_to_pdf

            content = docx_to_pdf(content)
    return ReportFile(
        content, filename(report, fmt, explicit_date=as_of is not None), CONTENT_TYPES[fmt]
    )


def check_format(fmt: str) -> str:
    if fmt not in FORMATS:
        raise UnknownFormat(
            f"Định dạng '{fmt}' không hỗ trợ: dùng docx (Word), xlsx (Excel) hoặc pdf."
        )
    return fmt


def prepare(
    resolution: Resolution | str,
    period: Period | str,
    *,
    as_of: date | str | None = None,
    profile: str | None = None,
) -> PreparedReport:
    resolution = _resolution(resolution)
    day = _date(as_of)
    try:
        card = build_scorecard(
            resolution, parse_period(period) if isinstance(period, str) else period, day
        )
    except (PeriodError, ScorecardError) as exc:
        raise BadPeriod(str(exc)) from exc
    issuer = resolution.issuer
    settings = IssuerSettings.objects.filter(org_unit=issuer).first()
    chosen = choose_profile(issuer, settings, profile)
    content = build_content(card, _observation_notes(card))
    return PreparedReport(
        card, content, letterhead_for(issuer, settings, chosen, card.as_of), chosen
    )


def render_word(report: PreparedReport, template: TemplateSource | None = None) -> bytes:
    if template is not None:
        from .docx.template import render_template

        return render_template(_read_template(template), report)
    from .docx.document import render_docx

    return render_docx(report.content, report.letterhead, report.profile)


def filename(report: PreparedReport, fmt: str, *, explicit_date: bool = True) -> str:
    """ "bao-cao-pac-nam-2020-2025-2020-2025-ngay-2023-05-17.docx" — ASCII, safe everywhere."""
    card = report.card
    day = f"-ngay-{card.as_of.isoformat()}" if explicit_date else ""
    return f"bao-cao-{card.resolution.code}-{card.period.code}{day}.{fmt}"


def _resolution(resolution: Resolution | str) -> Resolution:
    if isinstance(resolution, Resolution):
        return resolution
    found = (
        Resolution.objects.filter(code=resolution, is_deleted=False)
        .select_related("issuer")
        .first()
    )
    if found is None:
        raise ReportError(f"Không có nghị quyết mã '{resolution}'.")
    return found


def _date(value: date | str | None) -> date | None:
    if value is None or isinstance(value, date):
        return value
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise BadPeriod(
            f"Ngày '{value}' không hợp lệ: dùng dạng YYYY-MM-DD, ví dụ 2023-05-17."
        ) from None


def _observation_notes(card: Scorecard) -> dict[int, str]:
    """Notes of the observations the report shows (the scorecard defers them): one query."""
    ids = [row.observation.pk for row in card.rows if row.observation is not None]
    if not ids:
        return {}
    found = Observation.objects.filter(pk__in=ids).exclude(note="").values_list("pk", "note")
    return dict(found)


def _read_template(template: TemplateSource) -> bytes:
    if isinstance(template, bytes):
        return template
    if isinstance(template, str | os.PathLike):
        path = Path(template)
        try:
            return path.read_bytes()
        except OSError as exc:
            raise TemplateError(f"Không đọc được mẫu '{path}': {exc.strerror or exc}.") from exc
    data = template.read()
    if isinstance(data, str):
        raise TemplateError("Mẫu phải là tệp .docx (dữ liệu nhị phân), không phải văn bản.")
    return bytes(data)


__all__ = ["PreparedReport", "build_report", "check_format", "filename", "prepare"]
