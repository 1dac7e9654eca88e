"""The fixed blocks of an official document: header, title, signature and "Nơi nhận".

Header (two rows, so that the number and the place-date line share a baseline):

    party                                   state
    ĐẢNG BỘ TỈNH BẮC KẠN    ĐẢNG CỘNG SẢN VIỆT NAM      ỦY BAN NHÂN DÂN   CỘNG HÒA XÃ HỘI …
    HUYỆN ỦY PÁC NẶM (bold) (15 bold, underlined)   HUYỆN PÁC NẶM     Độc lập - Tự do - …
            *                                          ────              ──────────
    Số      -BC/HU          Pác Nặm, ngày … (italic)  Số:   /BC-UBND    Pác Nặm, ngày …
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from docx.document import Document
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.shared import Mm, Pt
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph

from ..gaps import write_here
from ..profiles import Profile
from . import ooxml
from .layout import text_width_mm

if TYPE_CHECKING:
    from ..content import ReportContent
    from ..letterhead import Letterhead

TWIPS_PER_MM = 1440 / 25.4
# Share of the text width taken by the left header column (the issuer).
LEFT_SHARE = {"party": 0.45, "state": 0.38}
MOTTO_RULE_MM = 66  # about the printed width of "Độc lập - Tự do - Hạnh phúc" at 14 pt bold
ISSUER_RULE_MM = 22
SUMMARY_RULE_MM = 40


def header_block(document: Document, letterhead: Letterhead, profile: Profile) -> None:
    width = text_width_mm(profile)
    left = width * LEFT_SHARE[profile.name]
    table = borderless_table(document, rows=2, widths_mm=[left, width - left])
    issuer, national = table.rows[0].cells
    number, place = table.rows[1].cells
    size = profile.issuer_size

    paragraphs = []
    if letterhead.superior:
        paragraphs.append(line(issuer, letterhead.superior, profile, size=size))
    for text in letterhead.issuer_lines or (write_here("Tên cơ quan ban hành"),):
        paragraphs.append(line(issuer, text, profile, size=size, bold=True))
    if profile.issuer_mark:
        paragraphs.append(line(issuer, profile.issuer_mark, profile, size=size))
    else:
        paragraphs.append(rule(issuer, left, ISSUER_RULE_MM))
    _drop_first_empty(issuer)

    for header_line in profile.national:
        line(
            national,
            header_line.text,
            profile,
            size=header_line.size,
            bold=header_line.bold,
            underline=header_line.underline,
        )
        if header_line.rule_below:
            rule(national, width - left, MOTTO_RULE_MM)
    _drop_first_empty(national)

    line(number, letterhead.number_line, profile, size=size if profile.name == "party" else 13)
    _drop_first_empty(number)
    line(place, letterhead.place_date, profile, size=profile.place_date_size, italic=True)
    _drop_first_empty(place)
    for cell in (number, place):
        cell.paragraphs[0].paragraph_format.space_before = Pt(6)


def title_block(document: Document, content: ReportContent, profile: Profile) -> None:
    title = centred(document, space_before=18)
    ooxml.run(title, "BÁO CÁO", font=profile.font, size=profile.title_size, bold=True)
    summary = centred(document)
    ooxml.run(summary, content.title_line, font=profile.font, size=profile.body_size, bold=True)
    if profile.summary_rule:
        mark = centred(document)
        ooxml.run(mark, profile.summary_rule, font=profile.font, size=profile.body_size)
    else:
        width = text_width_mm(profile)
        paragraph = document.add_paragraph()
        _rule_paragraph(paragraph, width, SUMMARY_RULE_MM)
    document.paragraphs[-1].paragraph_format.space_after = Pt(12)


def signature_block(document: Document, letterhead: Letterhead, profile: Profile) -> None:
    width = text_width_mm(profile)
    table = borderless_table(document, rows=1, widths_mm=[width * 0.5, width * 0.5])
    ooxml.keep_row_together(table.rows[0])  # the signature never splits across pages
    recipients, signer = table.rows[0].cells
    recipients.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.TOP
    # A little air before the signature, and never a signature alone on its page.
    last = document.paragraphs[-1].paragraph_format
    last.space_after = Pt(12)
    last.keep_with_next = True

    label = recipients.paragraphs[0]
    ooxml.run(
        label,
        "Nơi nhận:",
        font=profile.font,
        size=profile.recipients_label_size,
        bold=profile.recipients_label_bold_italic,
        italic=profile.recipients_label_bold_italic,
        underline=profile.recipients_label_underline,
    )
    for text in letterhead.recipients:
        paragraph = recipients.add_paragraph()
        ooxml.run(paragraph, text, font=profile.font, size=profile.recipients_size)

    for text in (letterhead.signer_authority, letterhead.signer_title):
        line(signer, text, profile, size=profile.body_size, bold=True)
    for _ in range(4):
        signer.add_paragraph()
    name = letterhead.signer_name
    if name:
        line(signer, name, profile, size=profile.body_size, bold=True)
    else:
        gap = signer.add_paragraph()
        gap.alignment = WD_ALIGN_PARAGRAPH.CENTER
        ooxml.run(
            gap,
            write_here("Họ và tên người ký"),
            font=profile.font,
            size=profile.body_size,
            italic=True,
            highlight=True,
        )
    _drop_first_empty(signer)


# --- helpers -------------------------------------------------------------------------------


def borderless_table(document: Document, *, rows: int, widths_mm: list[float]) -> Table:
    table: Table = document.add_table(rows=rows, cols=len(widths_mm))
    table.autofit = False
    ooxml.no_borders(table)
    ooxml.cell_margins(table, left_twips=40, right_twips=40)
    twips = [round(width * TWIPS_PER_MM) for width in widths_mm]
    ooxml.fixed_layout(table, twips)
    for row in table.rows:
        for cell, width in zip(row.cells, twips, strict=True):
            ooxml.set_cell_width(cell._tc, width)
    return table


def line(
    cell: _Cell,
    text: str,
    profile: Profile,
    *,
    size: float,
    bold: bool = False,
    italic: bool = False,
    underline: bool = False,
) -> Paragraph:
    paragraph: Paragraph = cell.add_paragraph()
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    ooxml.run(
        paragraph, text, font=profile.font, size=size, bold=bold, italic=italic, underline=underline
    )
    return paragraph


def rule(cell: _Cell, cell_width_mm: float, length_mm: float) -> Paragraph:
    paragraph: Paragraph = cell.add_paragraph()
    _rule_paragraph(paragraph, cell_width_mm, length_mm)
    return paragraph


def _rule_paragraph(paragraph: Paragraph, width_mm: float, length_mm: float) -> None:
    """A short centred solid line: an empty 2-pt paragraph with a bottom border, indented."""
    side = max((width_mm - length_mm) / 2, 0)
    paragraph.paragraph_format.left_indent = Mm(side)
    paragraph.paragraph_format.right_indent = Mm(side)
    paragraph.paragraph_format.first_line_indent = Mm(0)
    paragraph.paragraph_format.space_after = Pt(0)
    paragraph.paragraph_format.line_spacing = Pt(2)
    ooxml.bottom_rule(paragraph)


def centred(document: Document, *, space_before: float = 0) -> Paragraph:
    paragraph = document.add_paragraph()
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    paragraph.paragraph_format.space_before = Pt(space_before)
    return paragraph


def _drop_first_empty(cell: _Cell) -> None:
    """A new cell starts with an empty paragraph; remove it once the cell has content."""
    first = cell.paragraphs[0]
    if not first.text and not first.runs and len(cell.paragraphs) > 1:
        first._p.getparent().remove(first._p)
