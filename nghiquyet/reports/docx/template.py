"""An office's own .docx template, filled with docxtpl (Jinja placeholders).

Templates may come from an upload, so they run in Jinja's sandbox, see only plain values
(:mod:`.context`) and fail loudly: an unknown name, a misspelt attribute or a broken tag is a
:class:`TemplateError` that quotes the placeholder — never a silently empty field.
"""

from __future__ import annotations

import io
import re
import zipfile
from typing import TYPE_CHECKING

from docx.shared import Mm
from docxtpl import DocxTemplate, InlineImage  # type: ignore[import-untyped]
from jinja2 import StrictUndefined, TemplateSyntaxError, UndefinedError, meta
from jinja2.exceptions import SecurityError
from jinja2.sandbox import SandboxedEnvironment

from ..errors import TemplateError
from .context import template_context

if TYPE_CHECKING:
    from ..api import PreparedReport

TAG = re.compile(r"\{\{.*?\}\}|\{%.*?%\}", re.DOTALL)
XML_TAG = re.compile(r"<[^>]+>")
CHART_WIDTH_MM = 140
MAX_UNPACKED_BYTES = 64 * 2**20  # a report template with pictures is a few MB at most


def render_template(data: bytes, report: PreparedReport) -> bytes:
    template = _open(data)
    environment = SandboxedEnvironment(undefined=StrictUndefined, autoescape=True)
    sources = _sources(template)
    tags = [tag for source in sources for tag in _tags(source)]
    _check_syntax(environment, tags)
    used = meta.find_undeclared_variables(environment.parse("\n".join(sources)))

    def image(png: bytes) -> InlineImage:
        return InlineImage(template, io.BytesIO(png), width=Mm(CHART_WIDTH_MM))

    context = template_context(report, image if "charts" in used else None)
    unknown = sorted(used - set(context))
    if unknown:
        raise TemplateError(
            f"Mẫu dùng chỗ điền không có trong dữ liệu báo cáo: {_quote(unknown[0], tags)}. "
            "Xem danh sách chỗ điền trong docs/reports.md.",
            placeholder=unknown[0],
        )
    try:
        template.render(context, jinja_env=environment, autoescape=True)
    except UndefinedError as exc:
        name = _missing_attribute(exc)
        raise TemplateError(
            f"Mẫu dùng chỗ điền không có trong dữ liệu báo cáo: {_quote(name, tags)} "
            f"({exc.message}).",
            placeholder=name,
        ) from exc
    except SecurityError as exc:
        raise TemplateError(f"Mẫu dùng lệnh không được phép: {exc}.") from exc
    except TemplateSyntaxError as exc:  # pragma: no cover - caught by _check_syntax first
        raise TemplateError(f"Mẫu sai cú pháp: {exc.message}.") from exc
    buffer = io.BytesIO()
    template.save(buffer)
    return buffer.getvalue()


def _open(data: bytes) -> DocxTemplate:
    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise TemplateError("Mẫu không phải tệp Word .docx (không đọc được nội dung tệp).")
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        unpacked = sum(member.file_size for member in package.infolist())
    if unpacked > MAX_UNPACKED_BYTES:  # an upload that would unpack to gigabytes
        raise TemplateError(
            f"Mẫu quá lớn: {unpacked / 2**20:.0f} MB khi giải nén "
            f"(tối đa {MAX_UNPACKED_BYTES / 2**20:.0f} MB)."
        )
    template = DocxTemplate(io.BytesIO(data))
    try:
        template.init_docx()
    except (KeyError, ValueError, zipfile.BadZipFile) as exc:
        raise TemplateError(f"Mẫu không phải tệp Word .docx hợp lệ: {exc}.") from exc
    return template


def _sources(template: DocxTemplate) -> list[str]:
    """The Jinja source of the body, headers and footers, as docxtpl will render them."""
    sources = [template.patch_xml(template.get_xml())]
    for uri in (template.HEADER_URI, template.FOOTER_URI):
        for _, part in template.get_headers_footers(uri):
            sources.append(template.patch_xml(template.get_part_xml(part)))
    return sources


def _tags(source: str) -> list[str]:
    return [XML_TAG.sub("", tag) for tag in TAG.findall(source)]


def _check_syntax(environment: SandboxedEnvironment, tags: list[str]) -> None:
    """Parse the tags alone, one a line, so that an error's line number names the tag."""
    try:
        environment.parse("\n".join(tags))
    except TemplateSyntaxError as exc:
        line = exc.lineno or 0
        tag = tags[line - 1] if 0 < line <= len(tags) else (tags[-1] if tags else "")
        raise TemplateError(
            f"Mẫu có chỗ điền sai cú pháp: {tag!s} — {exc.message}.", placeholder=tag
        ) from exc


def _missing_attribute(exc: UndefinedError) -> str:
    found = re.search(r"has no attribute '([^']+)'|'([^']+)' is undefined", exc.message or "")
    if found is None:
        return exc.message or ""
    return found.group(1) or found.group(2)


def _quote(name: str, tags: list[str]) -> str:
    """The first tag that mentions ``name``, as the person typed it: "{{ tong_so }}"."""
    pattern = re.compile(rf"\b{re.escape(name)}\b")
    tag = next((tag for tag in tags if pattern.search(tag)), None)
    return f"'{name}' trong {tag}" if tag else f"'{name}'"


__all__ = ["render_template"]
