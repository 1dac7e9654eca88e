"""Vietnamese numbers (DESIGN.md §6): what people type and write, and what we print."""

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from nghiquyet.core.numbers import (
    AmbiguousNumber,
    Comparator,
    Convention,
    NumberFormatError,
    format_number,
    format_percent,
    parse_number,
    parse_quantity,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("4.500", "4500"),
        ("41,3", "41.3"),
        ("362,14", "362.14"),
        ("1.462.149", "1462149"),
        ("1.234,5", "1234.5"),
        ("0,500", "0.5"),
        ("-2,5", "-2.5"),
        ("603,8", "603.8"),
        ("4 500", "4500"),
    ],
)
def test_it_reads_vietnamese_numbers(text, expected):
    assert parse_number(text) == Decimal(expected)


def test_it_refuses_a_lone_comma_before_three_digits_and_says_both_readings():
    with pytest.raises(AmbiguousNumber) as caught:
        parse_number("4,500")
    assert "4,5" in caught.value.reason
    assert "4.500" in caught.value.reason


def test_a_declared_convention_resolves_the_ambiguity():
    assert parse_number("4,500", Convention.VIETNAMESE) == Decimal("4.5")
    assert parse_number("4,500", Convention.ENGLISH) == Decimal("4500")
    assert parse_number("106,811", Convention.VIETNAMESE) == Decimal("106.811")


@pytest.mark.parametrize(
    ("text", "reason_part"),
    [
        ("41.3", "dấu ','"),
        ("1,234.5", "sai quy ước"),
        ("abc", "không phải"),
        ("", "trống"),
        ("1.2.3", "đúng 3 chữ số"),
        ("12,3,4", "nhiều hơn một"),
    ],
)
def test_it_explains_why_a_number_is_unreadable(text, reason_part):
    with pytest.raises(NumberFormatError) as caught:
        parse_number(text)
    assert reason_part in caught.value.reason


@pytest.mark.parametrize(
    ("text", "comparator", "value", "upper", "unit"),
    [
        ("trên 4.500ha", Comparator.GT, "4500", None, "ha"),
        ("hơn 54 ha", Comparator.GT, "54", None, "ha"),
        ("dưới 4", Comparator.LT, "4", None, None),
        ("khoảng 4%", Comparator.ABOUT, "4", None, "%"),
        ("gần 51%", Comparator.ABOUT, "51", None, "%"),
        ("từ 90% trở lên", Comparator.GTE, "90", None, "%"),
        ("không quá 4", Comparator.LTE, "4", None, None),
        ("tối đa 3,5 %", Comparator.LTE, "3.5", None, "%"),
        ("6,6–6,8", Comparator.RANGE, "6.6", "6.8", None),
        ("6,6 - 6,8 %", Comparator.RANGE, "6.6", "6.8", "%"),
        ("từ 6,6 đến 6,8%", Comparator.RANGE, "6.6", "6.8", "%"),
        ("603,8ha", Comparator.EQ, "603.8", None, "ha"),
    ],
)
def test_it_reads_qualifiers_ranges_and_units(text, comparator, value, upper, unit):
    quantity = parse_quantity(text)
    assert quantity.comparator is comparator
    assert quantity.value == Decimal(value)
    assert quantity.upper == (Decimal(upper) if upper else None)
    assert quantity.unit == unit
    assert quantity.raw == text


def test_scale_words_multiply_and_chain():
    assert parse_quantity("4,6 nghìn tỷ").value == Decimal("4.6e12")
    assert parse_quantity("61,8 vạn").value == Decimal(618000)
    assert parse_quantity("1,5 triệu đồng").value == Decimal(1500000)
    assert parse_quantity("2 tỉ").value == Decimal(2_000_000_000)
    assert parse_quantity("3 ngàn").value == Decimal(3000)


def test_scale_words_fold_into_the_indicators_unit():
    assert parse_quantity("4,6 nghìn tỷ đồng").in_unit("tỷ đồng").value == Decimal(4600)
    # A bare figure typed into a "tỷ đồng" column is already in tỷ đồng.
    assert parse_quantity("248").in_unit("tỷ đồng").value == Decimal(248)


def test_ước_marks_an_estimate():
    quantity = parse_quantity("ước 248 tỷ đồng")
    assert quantity.estimate
    assert quantity.value == Decimal(248_000_000_000)
    assert not parse_quantity("248").estimate


def test_a_reversed_range_is_refused():
    with pytest.raises(NumberFormatError, match="ngược"):
        parse_quantity("6,8–6,6")


def test_digits_left_after_the_figure_are_refused():
    with pytest.raises(NumberFormatError, match="chữ số thừa"):
        parse_quantity("12 ha 34")


@pytest.mark.parametrize(
    ("value", "text"),
    [
        (Decimal(4500), "4.500"),
        (Decimal("41.3"), "41,3"),
        (Decimal(1462149), "1.462.149"),
        (Decimal("362.14"), "362,14"),
        (Decimal(-1200), "-1.200"),
        (Decimal("0.5"), "0,5"),
        (1000, "1.000"),
    ],
)
def test_it_formats_the_vietnamese_way(value, text):
    assert format_number(value) == text


def test_percentages_round_half_up_to_one_decimal_by_default():
    assert format_percent(Decimal("100.6333")) == "100,6 %"
    assert format_percent(Decimal("50.65")) == "50,7 %"
    assert format_percent(Decimal(60)) == "60 %"


decimals = st.decimals(
    min_value=Decimal("-1e12"),
    max_value=Decimal("1e12"),
    places=3,
    allow_nan=False,
    allow_infinity=False,
)


@given(decimals)
def test_a_formatted_number_parses_back_to_itself(value):
    assert parse_number(format_number(value), Convention.VIETNAMESE) == value


@given(st.integers(min_value=0, max_value=10**15))
def test_formatted_integers_are_never_ambiguous_when_typed(value):
    assert parse_number(format_number(value)) == value
