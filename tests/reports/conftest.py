"""Helpers for the report tests: the demo reports, opened the way a reader opens them."""

from __future__ import annotations

import io
from dataclasses import dataclass

import docx
import openpyxl
import pytest
from docx.oxml.ns import qn

from nghiquyet.reports import build_report

# The demo's reports: resolution, period, as-of date (the dates of the articles' meetings).
DEMO_REPORTS = {
    "pac-nam-midterm": ("pac-nam-2020-2025", "2020-2025", "2023-05-17"),
    "pac-nam-9m": ("pac-nam-2023", "2023-9M", "2023-10-05"),
    "cho-don-9m": ("cho-don-2023", "2023-9M", "2023-10-10"),
    "luc-ngan-midterm": ("luc-ngan-2015-2020", "2015-2020", "2018-06-26"),
}


@dataclass
class Opened:
    document: docx.document.Document

    @property
    def body_text(self) -> str:
        """Every paragraph of the body, tables included, one a line."""
        body = self.document.element.body
        return "\n".join(
            "".join(t.text or "" for t in p.iter(qn("w:t"))) for p in body.iter(qn("w:p"))
        )

    def paragraph(self, text: str):
        """The first paragraph (anywhere, tables included) whose text contains ``text``."""
        for paragraph in _all_paragraphs(self.document):
            if text in paragraph.text:
                return paragraph
        raise AssertionError(f"no paragraph contains {text!r}")

    @property
    def appendix(self):
        return self.document.tables[-1]

    def appendix_rows(self) -> list[list[str]]:
        return [[cell.text for cell in row.cells] for row in self.appendix.rows]

    def appendix_row(self, name: str) -> dict[str, str]:
        header = [cell.text for cell in self.appendix.rows[0].cells]
        for cells in self.appendix_rows():
            if len(cells) > 1 and cells[1] == name:
                return dict(zip(header, cells, strict=True))
        raise AssertionError(f"no appendix row {name!r}")


def _all_paragraphs(document):
    yield from document.paragraphs
    for table in document.tables:
        for row in table.rows:
            for cell in row.cells:
                yield from cell.paragraphs


def open_docx(content: bytes) -> Opened:
    return Opened(docx.Document(io.BytesIO(content)))


def open_xlsx(content: bytes):
    return openpyxl.load_workbook(io.BytesIO(content))


def demo_report(key: str, fmt: str = "docx", **options):
    code, period, as_of = DEMO_REPORTS[key]
    return build_report(code, period, as_of=as_of, fmt=fmt, **options)


@pytest.fixture
def word(demo):
    """``word("cho-don-9m")`` → the demo report opened with python-docx."""

    def make(key: str, **options) -> Opened:
        return open_docx(demo_report(key, **options).content)

    return make
