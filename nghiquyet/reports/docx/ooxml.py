"""Small WordprocessingML helpers python-docx does not offer: fonts for every script, fields,
repeated header rows, fixed table layout, borders, highlight.

Fonts: Word picks the font of each character by script — ``ascii`` (Latin), ``hAnsi``
(Latin with diacritics, which is where Vietnamese letters such as "ặ" fall), ``cs`` and
``eastAsia``. Theme fonts (``asciiTheme`` …) win over named ones, so they are removed. Setting
all four to Times New Roman is what makes Vietnamese render in one face in Word and
LibreOffice alike.
"""

from __future__ import annotations

from docx.enum.text import WD_COLOR_INDEX
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt
from docx.table import Table, _Row
from docx.text.paragraph import Paragraph
from docx.text.run import Run
from lxml.etree import _Element  # type: ignore[import-untyped]

SCRIPTS = ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia")


def _names(text: str) -> list[str]:
    return text.split()


# Child order the schema requires (Word refuses some files whose properties are out of order).
TBL_PR = _names(
    "tblStyle tblpPr tblOverlap bidiVisual tblStyleRowBandSize tblStyleColBandSize tblW jc "
    "tblCellSpacing tblInd tblBorders shd tblLayout tblCellMar tblLook tblCaption tblDescription"
)
TC_PR = _names(
    "cnfStyle tcW gridSpan hMerge vMerge tcBorders shd noWrap tcMar textDirection tcFitText "
    "vAlign hideMark"
)
P_PR = _names(
    "pStyle keepNext keepLines pageBreakBefore framePr widowControl numPr suppressLineNumbers "
    "pBdr shd tabs suppressAutoHyphens kinsoku wordWrap overflowPunct topLinePunct autoSpaceDE "
    "autoSpaceDN bidi adjustRightInd snapToGrid spacing ind contextualSpacing mirrorIndents "
    "suppressOverlap jc textDirection textAlignment textboxTightWrap outlineLvl divId cnfStyle "
    "rPr sectPr pPrChange"
)


def put(parent: _Element, element: _Element, order: list[str]) -> _Element:
    """Insert ``element`` into ``parent`` at its schema position, replacing one of its kind."""
    name = element.tag.rsplit("}", 1)[1]
    existing = parent.find(qn(f"w:{name}"))
    if existing is not None:
        parent.remove(existing)
    later = {qn(f"w:{tag}") for tag in order[order.index(name) + 1 :]}
    for index, child in enumerate(parent):
        if child.tag in later:
            parent.insert(index, element)
            return element
    parent.append(element)
    return element


THEMES = ("w:asciiTheme", "w:hAnsiTheme", "w:cstheme", "w:eastAsiaTheme")


def set_fonts(rpr: _Element, font: str) -> None:
    """Name ``font`` for every script on a ``w:rPr`` and drop theme fonts."""
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        style = rpr.find(qn("w:rStyle"))
        rpr.insert(0 if style is None else 1, fonts)
    for attribute in THEMES:
        fonts.attrib.pop(qn(attribute), None)
    for attribute in SCRIPTS:
        fonts.set(qn(attribute), font)


def set_language(rpr: _Element, language: str = "vi-VN") -> None:
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.append(lang)
    lang.set(qn("w:val"), language)


def run(
    paragraph: Paragraph,
    text: str,
    *,
    font: str,
    size: float,
    bold: bool = False,
    italic: bool = False,
    underline: bool = False,
    caps: bool = False,
    highlight: bool = False,
) -> Run:
    """Add a run with its font named for every script (robust when text is copied out)."""
    added = paragraph.add_run(text)
    added.font.size = Pt(size)
    added.bold = bold or None
    added.italic = italic or None
    added.underline = underline or None
    if caps:
        added.font.all_caps = True
    if highlight:
        added.font.highlight_color = WD_COLOR_INDEX.YELLOW
    set_fonts(added._r.get_or_add_rPr(), font)
    return added


def add_field(paragraph: Paragraph, instruction: str, *, font: str, size: float) -> None:
    """A field such as ``PAGE``: begin, instruction, separate, placeholder result, end."""

    def char(kind: str) -> _Element:
        element = OxmlElement("w:fldChar")
        element.set(qn("w:fldCharType"), kind)
        return element

    begin = run(paragraph, "", font=font, size=size)
    begin._r.append(char("begin"))
    code = run(paragraph, "", font=font, size=size)
    text = OxmlElement("w:instrText")
    text.set(qn("xml:space"), "preserve")
    text.text = f" {instruction} "
    code._r.append(text)
    separate = run(paragraph, "", font=font, size=size)
    separate._r.append(char("separate"))
    run(paragraph, "2", font=font, size=size)
    end = run(paragraph, "", font=font, size=size)
    end._r.append(char("end"))


def repeat_as_header(row: _Row) -> None:
    """Print this row again at the top of every page the table runs onto."""
    properties = row._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    properties.append(header)


def keep_row_together(row: _Row) -> None:
    """A row is never split across two pages."""
    properties = row._tr.get_or_add_trPr()
    properties.append(OxmlElement("w:cantSplit"))


def fixed_layout(table: Table, widths_twips: list[int]) -> None:
    """Fixed column widths: Word reads ``w:tcW``, LibreOffice reads ``w:gridCol``."""
    properties = table._tbl.tblPr
    layout = OxmlElement("w:tblLayout")
    layout.set(qn("w:type"), "fixed")
    put(properties, layout, TBL_PR)
    width = OxmlElement("w:tblW")
    width.set(qn("w:w"), str(sum(widths_twips)))
    width.set(qn("w:type"), "dxa")
    put(properties, width, TBL_PR)
    for column, twips in zip(
        table._tbl.tblGrid.findall(qn("w:gridCol")), widths_twips, strict=True
    ):
        column.set(qn("w:w"), str(twips))


def set_cell_width(cell_element: _Element, twips: int) -> None:
    properties = cell_element.get_or_add_tcPr()
    width = properties.find(qn("w:tcW"))
    if width is None:
        width = put(properties, OxmlElement("w:tcW"), TC_PR)
    width.set(qn("w:w"), str(twips))
    width.set(qn("w:type"), "dxa")


def no_borders(table: Table) -> None:
    borders = OxmlElement("w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        element = OxmlElement(f"w:{side}")
        element.set(qn("w:val"), "nil")
        borders.append(element)
    put(table._tbl.tblPr, borders, TBL_PR)


def cell_margins(table: Table, *, left_twips: int, right_twips: int) -> None:
    margins = OxmlElement("w:tblCellMar")
    for side, twips in (("left", left_twips), ("right", right_twips)):
        element = OxmlElement(f"w:{side}")
        element.set(qn("w:w"), str(twips))
        element.set(qn("w:type"), "dxa")
        margins.append(element)
    put(table._tbl.tblPr, margins, TBL_PR)


def bottom_rule(paragraph: Paragraph, *, size_eighths: int = 6) -> None:
    """A solid line under the paragraph, as long as the paragraph's width (set its indents)."""
    properties = paragraph._p.get_or_add_pPr()
    border = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    bottom.set(qn("w:val"), "single")
    bottom.set(qn("w:sz"), str(size_eighths))
    bottom.set(qn("w:space"), "1")
    bottom.set(qn("w:color"), "000000")
    border.append(bottom)
    put(properties, border, P_PR)


def shade(cell_element: _Element, fill: str) -> None:
    properties = cell_element.get_or_add_tcPr()
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), fill)
    put(properties, shading, TC_PR)
