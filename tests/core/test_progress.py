"""Progress to the end of the term: linear pace, UN 2023 projection, Open SDG CAGR ratio."""

import pytest

from nghiquyet.core.progress import (
    Bucket,
    Method,
    cagr_ratio,
    cumulative_pace,
    each_year_pace,
    linear_pace,
    un_projection,
)
from nghiquyet.core.targets import Direction


def test_linear_pace_on_track_at_risk_off_track():
    # Forest cover 37 → 41,3 % over the term; half-way the line says 39,15 %.
    assert linear_pace(37, 41.3, 39.5, 0.5, Direction.UP).bucket is Bucket.ON_TRACK
    at_risk = linear_pace(37, 41.3, 38.9, 0.5, Direction.UP)
    assert at_risk.bucket is Bucket.AT_RISK and at_risk.value == pytest.approx(0.8837, abs=1e-3)
    assert linear_pace(37, 41.3, 37.5, 0.5, Direction.UP).bucket is Bucket.OFF_TRACK


def test_linear_pace_for_a_falling_indicator():
    # Poverty 20 % → 10 %: half-way the line says 15 %; at 14 % the pace is 1,2.
    result = linear_pace(20, 10, 14, 0.5, Direction.DOWN)
    assert result.bucket is Bucket.ON_TRACK and result.value == pytest.approx(1.2)
    assert linear_pace(20, 10, 19, 0.5, Direction.DOWN).bucket is Bucket.OFF_TRACK


def test_achieved_is_checked_first():
    assert linear_pace(None, 360, 540, 0.47, Direction.UP).bucket is Bucket.ACHIEVED
    assert un_projection([(0, 1), (2, 5)], 1, 4, 5, Direction.UP).bucket is Bucket.ACHIEVED
    assert cagr_ratio([(0, 1), (2, 5)], 1, 4, 5, Direction.UP).bucket is Bucket.ACHIEVED


def test_too_few_values_give_no_bucket_and_say_why():
    result = linear_pace(None, 41.3, 39, 0.5, Direction.UP)
    assert result.bucket is None and "gốc" in result.note
    assert linear_pace(37, 41.3, None, 0.5, Direction.UP).bucket is None
    one = un_projection([(2, 5)], 1, 10, 5, Direction.UP)
    assert one.bucket is None and "hai giá trị" in one.note
    assert cagr_ratio([(2, 5)], 1, 10, 5, Direction.UP).bucket is None


def test_cumulative_and_each_year_targets():
    assert cumulative_pace(2600, 5000, 0.5).bucket is Bucket.ON_TRACK
    assert cumulative_pace(2100, 5000, 0.5).bucket is Bucket.OFF_TRACK
    # Chợ Đồn: 600 of 1.000 jobs after 9 of 12 months: pace 0,8.
    assert cumulative_pace(600, 1000, 0.75).value == pytest.approx(0.8)
    assert each_year_pace([True, True]).bucket is Bucket.ON_TRACK
    assert each_year_pace([True, False, True]).bucket is Bucket.OFF_TRACK
    assert each_year_pace([]).bucket is None


def test_un_projection_buckets():
    # 100 → 121 in 2 years (10 %/yr); 3 more years → 161,05; target 150 from 100: ratio 1,22.
    on = un_projection([(0, 100), (2, 121)], 100, 170, 5, Direction.UP)
    assert on.method is Method.PROJECTION
    assert on.value == pytest.approx((121 * 1.1**3 - 100) / 70, abs=1e-3)
    assert on.bucket is Bucket.ACCELERATION_NEEDED
    assert un_projection([(0, 100), (2, 121)], 100, 150, 5, Direction.UP).bucket is Bucket.ON_TRACK
    assert (
        un_projection([(0, 100), (2, 100)], 100, 150, 5, Direction.UP).bucket is Bucket.STAGNATION
    )


def test_cagr_ratio_buckets():
    # Required growth 100 → 200 in 10 years: 7,18 %/yr.
    assert (
        cagr_ratio([(0, 100), (5, 141.4)], 100, 200, 10, Direction.UP).bucket is Bucket.SUBSTANTIAL
    )
    assert cagr_ratio([(0, 100), (5, 125)], 100, 200, 10, Direction.UP).bucket is Bucket.MODERATE
    assert cagr_ratio([(0, 100), (5, 105)], 100, 200, 10, Direction.UP).bucket is Bucket.LIMITED
    assert (
        cagr_ratio([(0, 100), (5, 95)], 100, 200, 10, Direction.UP).bucket is Bucket.DETERIORATION
    )
    # Falling poverty: observed fall counts as progress.
    assert cagr_ratio([(0, 20), (2, 15)], 20, 10, 5, Direction.DOWN).bucket is Bucket.SUBSTANTIAL
    assert cagr_ratio([(0, 20), (2, 16)], 20, 10, 5, Direction.DOWN).bucket is Bucket.MODERATE
