"""The appendix table in its own landscape section, header row repeated on every page."""

from __future__ import annotations

from docx.document import Document
from docx.enum.section import WD_SECTION
from docx.shared import Pt
from docx.table import Table

from ..content import ReportContent
from ..letterhead import Letterhead
from ..profiles import Profile
from ..table import Column
from . import ooxml
from .blocks import TWIPS_PER_MM, centred
from .layout import set_up_page, text_width_mm

# Widths in mm of every column but "Chỉ tiêu", which takes the rest of the line; a report with
# the two "cùng kỳ" columns uses the narrow set.
WIDTHS = {
    "code": 12,
    "unit": 17,
    "nq_target": 21,
    "plan": 19,
    "actual": 21,
    "pct_plan": 16,
    "pct_nq": 16,
    "status": 26,
    "note": 30,
}
NARROW = WIDTHS | {"unit": 16, "nq_target": 19, "plan": 17, "actual": 20, "status": 22, "note": 24}
NARROW |= {"previous": 19, "pct_same": 17}
CENTRED = {"code", "unit", "nq_target", "plan", "status"}
HEADER_FILL = "E7E6E6"
GROUP_FILL = "F2F2F2"


def write_appendix(
    document: Document, content: ReportContent, letterhead: Letterhead, profile: Profile
) -> None:
    section = document.add_section(WD_SECTION.NEW_PAGE)
    set_up_page(section, profile, landscape=True)
    # Keep the running page number on the section's first page too.
    section.different_first_page_header_footer = False

    _line(document, profile, "Phụ lục", bold=True)
    _line(document, profile, "Kết quả thực hiện các chỉ tiêu chủ yếu", bold=True, caps=True)
    _line(
        document,
        profile,
        f"(Kèm theo Báo cáo {_lower_first(letterhead.number_line)}, ngày {content.as_of:%d/%m/%Y} "
        f"của {letterhead.issuer_display})",
        italic=True,
    )
    _line(
        document,
        profile,
        f"{content.resolution_title} — {content.period.label}, "
        f"số liệu tính đến ngày {content.as_of:%d/%m/%Y}",
        size=12,
        space_after=6,
    )
    if not content.has_data:
        _line(document, profile, content.no_data_sentence, size=12, italic=True, space_after=6)
    _table(document, content, profile)
    _notes(document, content, profile)


def _line(
    document: Document,
    profile: Profile,
    text: str,
    *,
    bold: bool = False,
    italic: bool = False,
    caps: bool = False,
    size: float | None = None,
    space_after: float = 0,
) -> None:
    paragraph = centred(document)
    paragraph.paragraph_format.space_after = Pt(space_after)
    ooxml.run(
        paragraph,
        text,
        font=profile.font,
        size=size or profile.body_size,
        bold=bold,
        italic=italic,
        caps=caps,
    )


def column_widths_mm(columns: tuple[Column, ...], total_mm: float) -> list[float]:
    widths = NARROW if any(column.key == "previous" for column in columns) else WIDTHS
    fixed = sum(widths[column.key] for column in columns if column.key != "name")
    return [widths.get(column.key, total_mm - fixed) for column in columns]


def _table(document: Document, content: ReportContent, profile: Profile) -> Table:
    appendix = content.appendix
    columns = appendix.columns
    widths = column_widths_mm(columns, text_width_mm(profile, landscape=True))
    twips = [round(width * TWIPS_PER_MM) for width in widths]
    size = profile.table_size if len(columns) <= 10 else profile.table_size - 1
    table: Table = document.add_table(rows=0, cols=len(columns))
    table.style = document.styles["Table Grid"]
    table.autofit = False
    ooxml.fixed_layout(table, twips)
    ooxml.cell_margins(table, left_twips=57, right_twips=57)

    def add(cells: list[ooxml.CellSpec], *, header: bool = False) -> None:
        ooxml.add_row(table, cells, font=profile.font, size=size, header=header)

    add(
        [
            ooxml.CellSpec(_title(c, appendix.same_period_year), w, "center", True, HEADER_FILL)
            for c, w in zip(columns, twips, strict=True)
        ],
        header=True,
    )
    for section in appendix.sections:
        add(
            [
                ooxml.CellSpec(section.numeral, twips[0], "center", True, GROUP_FILL),
                ooxml.CellSpec(
                    section.title.upper(), sum(twips[1:]), "left", True, GROUP_FILL, len(twips) - 1
                ),
            ]
        )
        for item in section.rows:
            add(
                [
                    ooxml.CellSpec(item.text(column.key), width, _align(column))
                    for column, width in zip(columns, twips, strict=True)
                ]
            )
    return table


def _align(column: Column) -> str:
    if column.numeric:
        return "right"
    return "center" if column.key in CENTRED else "left"


def _title(column: Column, same_period_year: int | None) -> str:
    if column.key == "previous" and same_period_year is not None:
        return f"TH cùng kỳ năm {same_period_year}"
    return column.title


def _notes(document: Document, content: ReportContent, profile: Profile) -> None:
    lines = [
        "TH: thực hiện; ƯTH: ước thực hiện; KH: kế hoạch; NQ: Nghị quyết; "
        "—: chưa có số liệu hoặc không áp dụng."
    ]
    lines += [f"({number}) {text}" for number, text in enumerate(content.appendix.notes, 1)]
    for index, text in enumerate(lines):
        paragraph = document.add_paragraph()
        paragraph.paragraph_format.space_before = Pt(6 if index == 0 else 0)
        if index == 0:
            ooxml.run(paragraph, "Ghi chú: ", font=profile.font, size=12, bold=True, italic=True)
        ooxml.run(paragraph, text, font=profile.font, size=12, italic=index == 0)


def _lower_first(text: str) -> str:
    """ "Số      -BC/HU" inside a sentence reads "số      -BC/HU"."""
    return text[:1].lower() + text[1:]
