"""Offices' own templates: filled with the same data, and a broken one names its bad placeholder."""

from __future__ import annotations

import io
import re
from pathlib import Path

import docx
import pytest

from nghiquyet.reports import TemplateError, build_report
from nghiquyet.reports.api import prepare
from nghiquyet.reports.docx.context import template_context
from nghiquyet.reports.docx.example import build_example_template
from nghiquyet.reports.docx.template import _sources, _tags

from .conftest import DEMO_REPORTS, open_docx

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "bao-cao-mau.docx"
DOCS = ROOT / "docs" / "reports.md"


def template_with(*paragraphs: str) -> bytes:
    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def fill(template: bytes, key: str = "cho-don-9m"):
    code, period, as_of = DEMO_REPORTS[key]
    return open_docx(build_report(code, period, as_of=as_of, template=template).content).body_text


@pytest.mark.parametrize("key", DEMO_REPORTS)
def test_the_example_template_fills_for_every_demo_report(demo, key):
    code, period, as_of = DEMO_REPORTS[key]
    report = build_report(code, period, as_of=as_of, template=EXAMPLE)
    text = open_docx(report.content).body_text
    assert "{{" not in text and "{%" not in text
    assert prepare(code, period, as_of=as_of).content.tally.sentence in text
    assert "Số" in text and "BÁO CÁO" in text


def test_the_example_template_lays_out_header_body_and_appendix(demo):
    report = build_report("cho-don-2023", "2023-9M", as_of="2023-10-10", template=EXAMPLE)
    opened = open_docx(report.content)
    text = opened.body_text
    assert "ĐẢNG BỘ TỈNH BẮC KẠN" in text and "ĐẢNG CỘNG SẢN VIỆT NAM" in text
    assert "Chợ Đồn, ngày 10 tháng 10 năm 2023" in text
    assert "Trồng rừng: thực hiện 603,8 ha, đạt 100,6 % so với kế hoạch (600 ha)" in text
    assert len(opened.document.inline_shapes) == 1  # the status chart
    rows = opened.appendix_rows()
    assert rows[1][:2] == ["I", "KINH TẾ"]
    forest = opened.appendix_row("Trồng rừng")
    assert forest["TH/ƯTH"] == "603,8" and forest["% so KH"] == "100,6 %"


def test_the_shipped_example_is_what_the_generator_makes(demo):
    """examples/bao-cao-mau.docx must be regenerated when the generator changes."""
    from docxtpl import DocxTemplate

    def tags(data: bytes) -> list[str]:
        template = DocxTemplate(io.BytesIO(data))
        template.init_docx()
        return [tag for source in _sources(template) for tag in _tags(source)]

    assert tags(EXAMPLE.read_bytes()) == tags(build_example_template())


def test_a_misspelt_placeholder_is_named(demo):
    with pytest.raises(TemplateError) as caught:
        fill(template_with("Tổng hợp: {{ tong_so_chi_tieu }}"))
    assert caught.value.placeholder == "tong_so_chi_tieu"
    assert "'tong_so_chi_tieu' trong {{ tong_so_chi_tieu }}" in str(caught.value)


def test_a_misspelt_attribute_is_named(demo):
    with pytest.raises(TemplateError) as caught:
        fill(template_with("{{ tally.sentense }}"))
    assert caught.value.placeholder == "sentense"
    assert "{{ tally.sentense }}" in str(caught.value)


def test_a_broken_tag_is_quoted(demo):
    with pytest.raises(TemplateError) as caught:
        fill(template_with("Kỳ: {{ period.label }}", "Chỉ tiêu: {{ tally.total + }}"))
    assert caught.value.placeholder == "{{ tally.total + }}"
    with pytest.raises(TemplateError) as unclosed:
        fill(template_with("{% for field in fields %}", "{{ field.title }}"))
    assert "endfor" in str(unclosed.value)


def test_a_file_that_is_not_a_docx_is_refused(demo, tmp_path):
    with pytest.raises(TemplateError, match="không phải tệp Word"):
        fill(b"plain text, not a Word file")
    missing = tmp_path / "khong-co.docx"
    with pytest.raises(TemplateError, match="Không đọc được mẫu"):
        build_report("cho-don-2023", "2023-9M", template=missing)


def test_a_template_that_unpacks_to_gigabytes_is_refused(demo, monkeypatch):
    from nghiquyet.reports.docx import template

    monkeypatch.setattr(template, "MAX_UNPACKED_BYTES", 1000)
    with pytest.raises(TemplateError, match="Mẫu quá lớn"):
        fill(template_with("{{ title }}"))


def test_templates_run_in_a_sandbox(demo):
    with pytest.raises(TemplateError, match="không được phép"):
        fill(template_with("{{ period.__class__.__mro__ }}"))


def test_data_with_markup_characters_is_escaped(demo):
    from nghiquyet.orgunits.models import OrgUnit
    from nghiquyet.reports.services import set_issuer_settings
    from nghiquyet.results.audit import Actor

    unit = OrgUnit.objects.get(code="huyen-uy-cho-don")
    set_issuer_settings(
        unit, {"recipients": "- Sở Tài nguyên & Môi trường <TN&MT>,"}, actor=Actor.system("t")
    )
    text = fill(template_with("{{ recipients[0] }}"))
    assert "- Sở Tài nguyên & Môi trường <TN&MT>," in text


def test_a_template_is_only_for_word_or_pdf(demo):
    from nghiquyet.reports import ReportError

    with pytest.raises(ReportError, match="chỉ dùng cho báo cáo Word"):
        build_report("cho-don-2023", "2023-9M", fmt="xlsx", template=EXAMPLE)


def _documented_names() -> set[str]:
    """Placeholder names in the docs' placeholder table: the first cell, in backticks."""
    text = DOCS.read_text(encoding="utf-8")
    section = text.split("### Placeholders", 1)[1].split("\n## ", 1)[0]
    names = set()
    for line in section.splitlines():
        found = re.match(r"\|\s*`([a-z_.\[\]]+)`", line)
        if found:
            names.add(found.group(1))
    return names


def _context_names(context: dict, prefix: str = "") -> set[str]:
    """ "tally.sentence", "fields[].results[].text": every name a template can reach."""
    names = set()
    for key, value in context.items():
        name = f"{prefix}{key}"
        if isinstance(value, list) and value and isinstance(value[0], dict):
            names.add(f"{name}[]")
            names |= _context_names(value[0], f"{name}[].")
            continue
        names.add(name)
        if isinstance(value, dict):
            names |= _context_names(value, f"{name}.")
    return names


def test_every_placeholder_is_documented_and_every_documented_one_exists(demo):
    # pac-nam-9m has lagging indicators, remedies and notes: every list has an item to inspect.
    code, period, as_of = DEMO_REPORTS["pac-nam-9m"]
    report = prepare(code, period, as_of=as_of)
    context = template_context(report, image=lambda png: "chart")
    context["appendix"]["notes"] = ["(1) …"]
    # A field's rows have the fields of appendix.rows[]: documented once.
    names = {
        name.replace("appendix.sections[].rows[].", "appendix.rows[].")
        for name in _context_names(context)
    }
    documented = _documented_names()
    assert names - documented == set(), "undocumented placeholders"
    assert documented - names == set(), "documented placeholders that do not exist"
