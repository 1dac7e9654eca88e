"""The reporting cycle: which period an office is collecting."""

from __future__ import annotations

import doctest

from nghiquyet.web import reporting


def test_the_docstring_examples_hold():
    assert doctest.testmod(reporting).failed == 0


def test_a_finished_term_left_half_reported_points_at_its_last_year_not_its_old_gap(admin):
    """Lục Ngạn's 2015–2020 term was last reported at 9 months of 2018 (the mid-term review):
    today the office would be collecting 2020, not 2018-9M forever."""
    page = admin.get("/?q=luc ngan").content.decode()
    card = page.split("Kỳ báo cáo tiếp theo", 1)[1][:400]
    assert "năm 2020" in card
    assert "9 tháng năm 2018" not in card
