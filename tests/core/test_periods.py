from datetime import date

import pytest

from nghiquyet.core.periods import PeriodError, PeriodKind, parse_period, roman


@pytest.mark.parametrize(
    ("code", "start", "end", "label"),
    [
        ("2023", date(2023, 1, 1), date(2023, 12, 31), "năm 2023"),
        ("2023-H1", date(2023, 1, 1), date(2023, 6, 30), "6 tháng đầu năm 2023"),
        ("2023-H2", date(2023, 7, 1), date(2023, 12, 31), "6 tháng cuối năm 2023"),
        ("2023-9M", date(2023, 1, 1), date(2023, 9, 30), "9 tháng năm 2023"),
        ("2023-Q3", date(2023, 7, 1), date(2023, 9, 30), "quý III năm 2023"),
        ("2023-M02", date(2023, 2, 1), date(2023, 2, 28), "tháng 2 năm 2023"),
        ("2020-2025", date(2020, 1, 1), date(2025, 12, 31), "nhiệm kỳ 2020 - 2025"),
    ],
)
def test_codes_have_dates_labels_and_round_trip(code, start, end, label):
    period = parse_period(code)
    assert (period.start, period.end, period.label, period.code) == (start, end, label, code)


@pytest.mark.parametrize(
    ("phrase", "code"),
    [
        ("9 tháng năm 2023", "2023-9M"),
        ("9 tháng đầu năm 2023", "2023-9M"),
        ("6 tháng đầu năm 2023", "2023-H1"),
        ("nhiệm kỳ 2020 - 2025", "2020-2025"),
        ("nhiệm kỳ 2015–2020", "2015-2020"),
        ("2020 – 2025", "2020-2025"),
        ("quý III/2023", "2023-Q3"),
        ("tháng 9/2023", "2023-M09"),
        ("năm 2022", "2022"),
        ("2023-6m", "2023-H1"),
    ],
)
def test_vietnamese_phrases_are_read(phrase, code):
    assert parse_period(phrase).code == code


@pytest.mark.parametrize(
    "bad", ["2023-Q5", "2023-M13", "2025-2020", "hôm qua", "", "1800", "2020-2040"]
)
def test_bad_periods_say_what_is_accepted(bad):
    with pytest.raises(PeriodError) as caught:
        parse_period(bad)
    assert f"Kỳ '{bad}'" in str(caught.value)


def test_containment_and_order():
    year, nine, q4 = parse_period("2023"), parse_period("2023-9M"), parse_period("2023-Q4")
    assert year.contains(nine) and year.contains(q4) and not nine.contains(q4)
    assert parse_period("2020-2025").contains(year)
    half = parse_period("2023-H1")
    assert sorted([year, q4, nine, half]) == [half, nine, year, q4]


def test_year_to_date_semantics():
    assert parse_period("2023-9M").is_year_to_date
    assert parse_period("2023-H1").is_year_to_date
    assert not parse_period("2023-H2").is_year_to_date
    assert not parse_period("2023-Q3").is_year_to_date
    assert parse_period("2023-9M").months == 9


def test_same_period_previous_year():
    assert parse_period("2023-9M").same_period_previous_year().code == "2022-9M"
    with pytest.raises(PeriodError):
        parse_period("2020-2025").same_period_previous_year()


def test_a_terms_clock_starts_at_the_end_of_its_first_year():
    term = parse_period("2020-2025")
    assert term.kind is PeriodKind.TERM and term.term_years == 5
    # Pác Nặm, 17/5/2023: "Sau 2 năm rưỡi thực hiện Nghị quyết".
    assert term.elapsed_share(date(2023, 5, 17)) == pytest.approx(0.47, abs=0.01)
    assert term.elapsed_share(date(2019, 1, 1)) == 0
    assert term.elapsed_share(date(2030, 1, 1)) == 1


def test_roman_numerals():
    assert [roman(n) for n in (1, 2, 3, 4, 5, 9, 14)] == ["I", "II", "III", "IV", "V", "IX", "XIV"]
