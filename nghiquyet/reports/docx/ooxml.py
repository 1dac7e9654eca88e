"""Small WordprocessingML helpers python-docx does not offer: fonts for every script, fields,
repeated header rows, fixed table layout, borders, highlight.

Fonts: Word picks the font of each character by script — ``ascii`` (Latin), ``hAnsi``
(Latin with diacritics, which is where Vietnamese letters such as "ặ" fall), ``cs`` and
``eastAsia``. Theme fonts (``asciiTheme`` …) win over named ones, so they are removed. Setting
all four to Times New Roman is what makes Vietnamese render in one face in Word and
LibreOffice alike.
"""

from __future__ import annotations

from dataclasses import dataclass

from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.table import Table, _Row
from docx.text.paragraph import Paragraph
from docx.text.run import Run
from lxml.etree import SubElement, _Element  # type: ignore[import-untyped]

SCRIPTS = ("w:ascii", "w:hAnsi", "w:cs", "w:eastAsia")
SCRIPT_ATTRIBUTES = tuple(qn(name) for name in SCRIPTS)
W_R, W_RPR, W_RFONTS, W_T = qn("w:r"), qn("w:rPr"), qn("w:rFonts"), qn("w:t")
W_B, W_I, W_CAPS, W_U = qn("w:b"), qn("w:i"), qn("w:caps"), qn("w:u")
W_SZ, W_SZCS, W_HIGHLIGHT, W_VAL = qn("w:sz"), qn("w:szCs"), qn("w:highlight"), qn("w:val")
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"


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
    element = run_element(
        paragraph._p,
        text,
        font=font,
        size=size,
        bold=bold,
        italic=italic,
        underline=underline,
        caps=caps,
        highlight=highlight,
    )
    return Run(element, paragraph)


def run_element(
    parent: _Element,
    text: str,
    *,
    font: str,
    size: float,
    bold: bool = False,
    italic: bool = False,
    underline: bool = False,
    caps: bool = False,
    highlight: bool = False,
) -> _Element:
    """A ``w:r`` built with lxml directly: python-docx's property setters cost ~0,4 ms a run,
    which was most of a 50-indicator report's time."""
    element = SubElement(parent, W_R)
    properties = SubElement(element, W_RPR)
    fonts = SubElement(properties, W_RFONTS)
    for attribute in SCRIPT_ATTRIBUTES:
        fonts.set(attribute, font)
    for enabled, tag in ((bold, W_B), (italic, W_I), (caps, W_CAPS)):
        if enabled:
            SubElement(properties, tag)
    half_points = str(round(size * 2))
    SubElement(properties, W_SZ).set(W_VAL, half_points)
    SubElement(properties, W_SZCS).set(W_VAL, half_points)
    if highlight:
        SubElement(properties, W_HIGHLIGHT).set(W_VAL, "yellow")
    if underline:
        SubElement(properties, W_U).set(W_VAL, "single")
    if text:
        node = SubElement(element, W_T)
        node.text = text
        if text != text.strip() or "  " in text:
            node.set(XML_SPACE, "preserve")
    return element


@dataclass(frozen=True)
class CellSpec:
    """One cell of a table row written by :func:`add_row`."""

    text: str
    twips: int
    align: str = "left"  # left, center, right
    bold: bool = False
    fill: str = ""
    span: int = 1


def add_row(
    table: Table,
    cells: list[CellSpec],
    *,
    font: str,
    size: float,
    header: bool = False,
    spacing_twips: int = 40,
) -> _Element:
    """Append a row that never splits across pages (``header``: repeated on every page)."""
    row = SubElement(table._tbl, qn("w:tr"))
    row_properties = SubElement(row, qn("w:trPr"))
    SubElement(row_properties, qn("w:cantSplit"))
    if header:
        SubElement(row_properties, qn("w:tblHeader")).set(W_VAL, "true")
    for spec in cells:
        cell = SubElement(row, qn("w:tc"))
        properties = SubElement(cell, qn("w:tcPr"))
        width = SubElement(properties, qn("w:tcW"))
        width.set(qn("w:w"), str(spec.twips))
        width.set(qn("w:type"), "dxa")
        if spec.span > 1:
            SubElement(properties, qn("w:gridSpan")).set(W_VAL, str(spec.span))
        if spec.fill:
            shading = SubElement(properties, qn("w:shd"))
            shading.set(W_VAL, "clear")
            shading.set(qn("w:color"), "auto")
            shading.set(qn("w:fill"), spec.fill)
        SubElement(properties, qn("w:vAlign")).set(W_VAL, "center")
        paragraph = SubElement(cell, qn("w:p"))
        paragraph_properties = SubElement(paragraph, qn("w:pPr"))
        spacing = SubElement(paragraph_properties, qn("w:spacing"))
        spacing.set(qn("w:before"), str(spacing_twips))
        spacing.set(qn("w:after"), str(spacing_twips))
        SubElement(paragraph_properties, qn("w:jc")).set(W_VAL, spec.align)
        if spec.text:
            run_element(paragraph, spec.text, font=font, size=size, bold=spec.bold)
    return row


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
