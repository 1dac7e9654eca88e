"""Properties that hold for any text: extraction never fails, and every quote is its span."""

from __future__ import annotations

from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from nghiquyet.core.extraction import Measure, extract, normalize_text
from nghiquyet.core.numbers import format_number

WORDS = [
    *("đạt", "ước", "trên", "gần", "kế hoạch", "chỉ tiêu", "so với cùng kỳ", "tỷ đồng", "ha"),
    *("%", "tỷ lệ", "hộ nghèo", "từ", "lên", "điều chỉnh", ",", ";", ".", ":", "(", ")", "/"),
    *("-", "ngày", "năm", "tháng", "lần thứ", "nhiệm kỳ", "Nghị quyết số", "NQ/HU", "Covid"),
    "\n",
]
pieces = st.one_of(
    st.sampled_from(WORDS),
    st.integers(0, 10**7).map(str),
    st.decimals(0, 10**6, places=2).map(lambda d: format_number(d)),
    st.text(max_size=6),
)


@settings(max_examples=300, deadline=None)
@given(st.lists(pieces, max_size=40).map(" ".join))
def test_extraction_never_fails_and_quotes_its_spans(text):
    normalized = normalize_text(text)
    for fact in extract(text):
        assert 0 <= fact.start <= fact.end <= len(normalized)
        assert normalized[fact.start : fact.end] == fact.quote
        fact.to_json()


@settings(max_examples=200, deadline=None)
@given(st.decimals(Decimal("0.01"), Decimal(10**9), places=2))
def test_a_figure_written_the_vietnamese_way_reads_back(value):
    written = format_number(value)
    found = extract(f"Thu ngân sách đạt {written} tỷ đồng.")
    assert len(found) == 1 and isinstance(found[0], Measure)
    assert found[0].value == Decimal(value).normalize() or found[0].value == value
