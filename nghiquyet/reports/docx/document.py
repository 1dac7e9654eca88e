"""The Word report in the official format, built with python-docx (no template needed)."""

from __future__ import annotations

import io
from datetime import UTC, datetime

import docx

from ..content import ReportContent
from ..letterhead import Letterhead
from ..profiles import Profile
from .appendix import write_appendix
from .blocks import header_block, signature_block, title_block
from .body import BodyWriter
from .layout import number_pages_from_two, set_up_page, set_up_styles


def render_docx(
    content: ReportContent, letterhead: Letterhead, profile: Profile, *, with_charts: bool = True
) -> bytes:
    document = docx.Document()
    set_up_styles(document, profile)
    section = document.sections[0]
    set_up_page(section, profile)
    number_pages_from_two(section, profile)

    header_block(document, letterhead, profile)
    title_block(document, content, profile)
    BodyWriter(document, profile, with_charts=with_charts).write(content, letterhead)
    signature_block(document, letterhead, profile)
    write_appendix(document, content, letterhead, profile)

    properties = document.core_properties
    properties.title = f"Báo cáo {content.summary}"
    properties.subject = content.resolution_title
    properties.author = letterhead.issuer_display
    properties.last_modified_by = "nghiquyet"
    properties.language = "vi-VN"
    properties.comments = "Dự thảo do nghiquyet lập; các chỗ [ … ] cần người viết."
    now = datetime.now(UTC).replace(microsecond=0)
    properties.created = properties.modified = now
    properties.revision = 1
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
