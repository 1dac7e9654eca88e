"""Page set-up and styles: A4, the profile's margins, Times New Roman for every script, body
14 pt, page numbers centred at the top from page 2."""

from __future__ import annotations

from docx.document import Document
from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.section import Section
from docx.shared import Cm, Mm, Pt, RGBColor
from docx.styles.style import ParagraphStyle

from ..profiles import Profile
from . import ooxml

A4_SHORT, A4_LONG = Mm(210), Mm(297)
BODY = "Nội dung"  # justified, first line indented: the body of the report
GAP = "Chỗ cần viết"  # a marked place where people write
HEADINGS = ("Heading 1", "Heading 2", "Heading 3")


def set_up_page(section: Section, profile: Profile, *, landscape: bool = False) -> None:
    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = (
        (A4_LONG, A4_SHORT) if landscape else (A4_SHORT, A4_LONG)
    )
    margins = profile.margins
    section.top_margin = Mm(margins.top)
    section.bottom_margin = Mm(margins.bottom)
    section.left_margin = Mm(margins.left)
    section.right_margin = Mm(margins.right)
    section.header_distance = Mm(10)
    section.footer_distance = Mm(10)


def text_width_mm(profile: Profile, *, landscape: bool = False) -> float:
    page = 297 if landscape else 210
    return page - profile.margins.left - profile.margins.right


def number_pages_from_two(section: Section, profile: Profile) -> None:
    """The page number sits centred at the top; the first page shows none (both guides)."""
    section.different_first_page_header_footer = True
    paragraph = section.header.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    ooxml.add_field(paragraph, "PAGE", font=profile.font, size=profile.page_number_size)


def set_up_styles(document: Document, profile: Profile) -> None:
    """Times New Roman for every script in the defaults and in every style, no theme fonts."""
    styles_element = document.styles.element
    defaults = styles_element.find(qn("w:docDefaults"))
    if defaults is not None:
        rpr = defaults.find(qn("w:rPrDefault") + "/" + qn("w:rPr"))
        if rpr is not None:
            ooxml.set_fonts(rpr, profile.font)
            ooxml.set_language(rpr)
    for fonts in styles_element.iter(qn("w:rFonts")):
        ooxml.set_fonts(fonts.getparent(), profile.font)

    normal = document.styles["Normal"]
    normal.font.name = profile.font
    normal.font.size = Pt(profile.body_size)
    ooxml.set_fonts(normal.element.get_or_add_rPr(), profile.font)
    normal.paragraph_format.space_before = Pt(0)
    normal.paragraph_format.space_after = Pt(0)
    normal.paragraph_format.line_spacing = 1.0

    body = _paragraph_style(document, BODY, profile)
    body.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    body.paragraph_format.first_line_indent = Cm(1.27)
    body.paragraph_format.space_after = Pt(6)
    body.paragraph_format.line_spacing = 1.15
    body.paragraph_format.widow_control = True

    gap = _paragraph_style(document, GAP, profile, base=body)
    gap.font.italic = True

    for level, name in enumerate(HEADINGS, start=1):
        heading = document.styles[name]
        assert isinstance(heading, ParagraphStyle)
        heading.font.name = profile.font
        ooxml.set_fonts(heading.element.get_or_add_rPr(), profile.font)
        heading.font.size = Pt(profile.body_size)
        heading.font.bold = True
        heading.font.italic = level == 3
        heading.font.color.rgb = RGBColor(0, 0, 0)
        fmt = heading.paragraph_format
        fmt.first_line_indent = Cm(1.27)
        fmt.left_indent = Cm(0)
        fmt.space_before = Pt(6)
        fmt.space_after = Pt(6)
        fmt.line_spacing = 1.15
        fmt.keep_with_next = True
        fmt.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY


def _paragraph_style(
    document: Document, name: str, profile: Profile, base: ParagraphStyle | None = None
) -> ParagraphStyle:
    style = document.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
    assert isinstance(style, ParagraphStyle)
    style.base_style = base or document.styles["Normal"]
    style.quick_style = True
    style.font.name = profile.font
    style.font.size = Pt(profile.body_size)
    ooxml.set_fonts(style.element.get_or_add_rPr(), profile.font)
    return style
