"""The example template shipped as ``examples/bao-cao-mau.docx``.

It shows every kind of placeholder an office needs — values, paragraph loops (``{%p %}``),
table-row loops (``{%tr %}``), conditions and the charts — in the Party layout, with the
state header behind ``{% if profile == "state" %}``. Regenerate it after changing this file::

    python3 -m uv run python -m nghiquyet.reports.docx.example examples/bao-cao-mau.docx

An office edits the result in Word: fonts, spacing and wording are theirs to change; the
placeholders are listed in docs/reports.md.
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

import docx
from docx.document import Document
from docx.enum.section import WD_SECTION
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Pt
from docx.table import _Row

from ..profiles import PARTY
from . import ooxml
from .blocks import TWIPS_PER_MM, borderless_table, line
from .layout import BODY, number_pages_from_two, set_up_page, set_up_styles, text_width_mm

FONT, SIZE = PARTY.font, PARTY.body_size
APPENDIX_COLUMNS = (
    ("STT", "code", 12),
    ("Chỉ tiêu", "name", 0),
    ("ĐVT", "unit", 18),
    ("Mục tiêu NQ", "nq_target", 24),
    ("KH năm", "plan", 22),
    ("TH/ƯTH", "actual", 24),
    ("% so KH", "pct_plan", 18),
    ("% so NQ", "pct_nq", 18),
    ("Đánh giá", "status", 24),
    ("Ghi chú", "note", 28),
)


def build_example_template() -> bytes:
    document = docx.Document()
    set_up_styles(document, PARTY)
    section = document.sections[0]
    set_up_page(section, PARTY)
    number_pages_from_two(section, PARTY)

    _header(document)
    _centred(document, "{{ title }}", size=16, bold=True, space_before=18)
    _centred(document, "{{ summary }}", bold=True)
    _centred(document, "-----")
    _body(document)
    _signature(document)
    _appendix(document)

    buffer = io.BytesIO()
    document.core_properties.title = "Mẫu báo cáo (nghiquyet)"
    document.core_properties.author = "nghiquyet"
    document.save(buffer)
    return buffer.getvalue()


def _header(document: Document) -> None:
    width = text_width_mm(PARTY)
    table = borderless_table(document, rows=2, widths_mm=[width * 0.45, width * 0.55])
    issuer, national = table.rows[0].cells
    number, place = table.rows[1].cells
    line(issuer, "{{ superior }}", PARTY, size=SIZE)
    line(issuer, "{{ issuer }}", PARTY, size=SIZE, bold=True)
    line(issuer, '{% if profile == "party" %}*{% endif %}', PARTY, size=SIZE)
    line(
        national,
        '{% if profile == "party" %}ĐẢNG CỘNG SẢN VIỆT NAM{% else %}'
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM{% endif %}",
        PARTY,
        size=15,
        bold=True,
        underline=True,
    )
    line(
        national,
        '{% if profile == "state" %}Độc lập - Tự do - Hạnh phúc{% endif %}',
        PARTY,
        size=SIZE,
        bold=True,
    )
    line(number, "{{ number }}", PARTY, size=SIZE)
    line(place, "{{ place_date }}", PARTY, size=SIZE, italic=True)
    for cell in (issuer, national, number, place):
        first = cell.paragraphs[0]
        first._p.getparent().remove(first._p)


def _centred(
    document: Document,
    text: str,
    *,
    size: float = SIZE,
    bold: bool = False,
    italic: bool = False,
    space_before: float = 0,
) -> None:
    paragraph = document.add_paragraph()
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    paragraph.paragraph_format.space_before = Pt(space_before)
    ooxml.run(paragraph, text, font=FONT, size=size, bold=bold, italic=italic)


def _text(document: Document, text: str, *, bold: bool = False, italic: bool = False) -> None:
    paragraph = document.add_paragraph(style=BODY)
    ooxml.run(paragraph, text, font=FONT, size=SIZE, bold=bold, italic=italic)


def _body(document: Document) -> None:
    for text, bold in (
        ("{{ issuer_name }} báo cáo {{ summary_lower }} (số liệu đến ngày {{ as_of }}):", False),
        ("I. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU", True),
        ("{%p if has_data %}", False),
        ("{{ tally.sentence }}", False),
        ("{{ charts.status }}", False),
        ("{%p else %}", False),
        ("{{ no_data_sentence }}", False),
        ("{%p endif %}", False),
        ("{%p for field in fields %}", False),
        ("{{ loop.index }}. {{ field.title }}", True),
        ("{%p for result in field.results %}", False),
        ("- {{ result.text }}", False),
        ("{%p endfor %}", False),
        ("{%p if field.without_data_text %}", False),
        ("- {{ field.without_data_text }}", False),
        ("{%p endif %}", False),
        ("{%p endfor %}", False),
        ("II. CÁC CHỈ TIÊU CHƯA ĐẠT, KHÓ ĐẠT", True),
        ("{%p for item in lagging %}", False),
        ("{{ item.name }}: {{ item.figures }}; đánh giá: {{ item.status }}.", False),
        ("Nguyên nhân chủ quan: {{ item.causes_subjective }}", False),
        ("Nguyên nhân khách quan: {{ item.causes_objective }}", False),
        ("Giải pháp: {{ item.remedies }}", False),
        ("{%p endfor %}", False),
        ("III. NHIỆM VỤ, GIẢI PHÁP TRONG THỜI GIAN TỚI", True),
        ("{%p for remedy in remedies %}", False),
        ("- {{ remedy.text }} (chỉ tiêu số {{ remedy.codes }})", False),
        ("{%p endfor %}", False),
        ("{{ write_here('Nhiệm vụ, giải pháp trọng tâm') }}", False),
    ):
        _text(document, text, bold=bold)


def _signature(document: Document) -> None:
    width = text_width_mm(PARTY)
    table = borderless_table(document, rows=1, widths_mm=[width / 2, width / 2])
    recipients, signer = table.rows[0].cells
    label = recipients.paragraphs[0]
    ooxml.run(label, "Nơi nhận:", font=FONT, size=SIZE, underline=True)
    for text in ("{%p for recipient in recipients %}", "{{ recipient }}", "{%p endfor %}"):
        paragraph = recipients.add_paragraph()
        ooxml.run(paragraph, text, font=FONT, size=12)
    line(signer, "{{ signer.authority }}", PARTY, size=SIZE, bold=True)
    line(signer, "{{ signer.title }}", PARTY, size=SIZE, bold=True)
    for _ in range(4):
        signer.add_paragraph()
    line(signer, "{{ signer.name }}", PARTY, size=SIZE, bold=True)
    first = signer.paragraphs[0]
    first._p.getparent().remove(first._p)


def _appendix(document: Document) -> None:
    section = document.add_section(WD_SECTION.NEW_PAGE)
    set_up_page(section, PARTY, landscape=True)
    section.different_first_page_header_footer = False
    _centred(document, "PHỤ LỤC", bold=True)
    _centred(document, "KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU CHỦ YẾU", bold=True)
    _centred(document, "(Kèm theo Báo cáo ngày {{ date }} của {{ issuer_name }})", italic=True)

    total = text_width_mm(PARTY, landscape=True)
    fixed = sum(width for _, _, width in APPENDIX_COLUMNS)
    widths = [width or total - fixed for _, _, width in APPENDIX_COLUMNS]
    twips = [round(width * TWIPS_PER_MM) for width in widths]
    table = document.add_table(rows=7, cols=len(APPENDIX_COLUMNS))
    table.style = document.styles["Table Grid"]
    table.autofit = False
    ooxml.fixed_layout(table, twips)
    ooxml.repeat_as_header(table.rows[0])
    rows = table.rows
    for cell, (title, _, _) in zip(rows[0].cells, APPENDIX_COLUMNS, strict=True):
        ooxml.run(cell.paragraphs[0], title, font=FONT, size=12, bold=True)
    _row_tag(rows[1], "{%tr for section in appendix.sections %}")
    ooxml.run(
        rows[2].cells[0].paragraphs[0], "{{ section.numeral }}", font=FONT, size=12, bold=True
    )
    merged = rows[2].cells[1].merge(rows[2].cells[-1])
    ooxml.run(merged.paragraphs[0], "{{ section.title|upper }}", font=FONT, size=12, bold=True)
    _row_tag(rows[3], "{%tr for row in section.rows %}")
    for cell, (_, key, _) in zip(rows[4].cells, APPENDIX_COLUMNS, strict=True):
        ooxml.run(cell.paragraphs[0], f"{{{{ row.{key} }}}}", font=FONT, size=12)
    _row_tag(rows[5], "{%tr endfor %}")
    _row_tag(rows[6], "{%tr endfor %}")
    for row in rows:
        for cell, width in zip(row.cells, twips, strict=False):
            ooxml.set_cell_width(cell._tc, width)
    for text in ("{%p for note in appendix.notes %}", "{{ note }}", "{%p endfor %}"):
        paragraph = document.add_paragraph()
        ooxml.run(paragraph, text, font=FONT, size=12, italic=True)


def _row_tag(row: _Row, tag: str) -> None:
    cell = row.cells[0]
    ooxml.run(cell.paragraphs[0], tag, font=FONT, size=12)


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        sys.stderr.write("usage: python -m nghiquyet.reports.docx.example OUTPUT.docx\n")
        return 2
    Path(argv[0]).write_bytes(build_example_template())
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
