"""The data an office's own template can use, as plain dicts, lists and strings.

Every name here is documented in docs/reports.md (a test keeps the two in step). Only plain
values go in — never model instances — so a template, which may come from an upload, sees
nothing but the report's text.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from ..content import ReportContent, write_here
from ..letterhead import Letterhead
from ..table import BASE_COLUMNS, SAME_PERIOD_COLUMNS, AppendixRow

if TYPE_CHECKING:
    from ..api import PreparedReport

ImageFactory = Callable[[bytes], Any]


def template_context(report: PreparedReport, image: ImageFactory | None = None) -> dict[str, Any]:
    """The context a template is rendered with; ``image`` turns PNG bytes into an inline
    picture (charts are drawn only when given)."""
    content, letterhead = report.content, report.letterhead
    return {
        "profile": report.profile.name,
        **_letterhead(letterhead),
        "title": "BÁO CÁO",
        "summary": content.title_line,
        "summary_lower": content.summary,
        "resolution": {
            "code": content.resolution_code,
            "title": content.resolution_title,
            "number": content.resolution_number,
        },
        "period": {"code": content.period.code, "label": content.period.label},
        "as_of": f"{content.as_of:%d/%m/%Y}",
        "has_data": content.has_data,
        "no_data_sentence": content.no_data_sentence if not content.has_data else "",
        "tally": _tally(content),
        "progress_note": content.progress_note,
        "fields": [_field(field) for field in content.fields],
        "lagging": [_lagging(item) for item in content.lagging],
        "remedies": [
            {"text": remedy.text, "codes": ", ".join(remedy.codes)} for remedy in content.remedies
        ],
        "appendix": _appendix(content),
        "charts": _charts(content, image) if image is not None else {"status": "", "lagging": ""},
        "write_here": write_here,
    }


def _letterhead(letterhead: Letterhead) -> dict[str, Any]:
    return {
        "superior": letterhead.superior,
        "issuer": " ".join(letterhead.issuer_lines),
        "issuer_lines": list(letterhead.issuer_lines),
        "issuer_name": letterhead.issuer_display,
        "number": letterhead.number_line,
        "place_date": letterhead.place_date,
        "date": f"{letterhead.date:%d/%m/%Y}",
        "signer": {
            "authority": letterhead.signer_authority,
            "title": letterhead.signer_title,
            "name": letterhead.signer_name or write_here("Họ và tên người ký"),
        },
        "recipients": list(letterhead.recipients),
    }


def _tally(content: ReportContent) -> dict[str, Any]:
    tally = content.tally
    return {
        "sentence": tally.sentence,
        "total": tally.total,
        "achieved": tally.achieved,
        "likely": tally.likely,
        "unlikely": tally.unlikely,
        "nearly_met": tally.nearly_met,
        "not_met": tally.not_met,
        "no_data": tally.no_data,
        "no_target": tally.no_target,
        "not_due": tally.not_due,
    }


def _field(field: Any) -> dict[str, Any]:
    return {
        "numeral": field.numeral,
        "title": field.title,
        "results": [
            {"code": r.code, "name": r.name, "text": r.text, "status": r.status_label}
            for r in field.results
        ],
        "without_data_text": field.without_data_text,
    }


def _lagging(item: Any) -> dict[str, Any]:
    return {
        "code": item.code,
        "name": item.name,
        "figures": item.figures,
        "status": item.status_label,
        "progress": item.progress_label,
        "causes_subjective": item.causes_subjective or write_here("Nguyên nhân chủ quan"),
        "causes_objective": item.causes_objective or write_here("Nguyên nhân khách quan"),
        "remedies": item.remedies or write_here("Giải pháp"),
        "agency": item.agency,
    }


def _row(row: AppendixRow) -> dict[str, str]:
    return {column.key: row.text(column.key) for column in (*BASE_COLUMNS, *SAME_PERIOD_COLUMNS)}


def _appendix(content: ReportContent) -> dict[str, Any]:
    appendix = content.appendix
    sections = [
        {
            "numeral": section.numeral,
            "title": section.title,
            "rows": [_row(row) for row in section.rows],
        }
        for section in appendix.sections
    ]
    return {
        "same_period": appendix.same_period_year is not None,
        "same_period_year": appendix.same_period_year or "",
        "sections": sections,
        "rows": [row for section in sections for row in section["rows"]],
        "notes": [f"({n}) {text}" for n, text in enumerate(appendix.notes, start=1)],
    }


def _charts(content: ReportContent, image: ImageFactory) -> dict[str, Any]:
    from nghiquyet import charts

    status = image(charts.to_png(charts.status_summary(content.by_status, final=content.final)))
    lagging = [
        charts.Lagging(item.name, float(item.ratio_pct))
        for item in content.lagging
        if item.ratio_pct is not None
    ]
    return {
        "status": status,
        "lagging": image(charts.to_png(charts.lagging_chart(lagging))) if lagging else "",
    }
