"""Evaluation rules with the golden cases of DESIGN.md §5, from real reports."""

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from nghiquyet.core.evaluation import (
    Status,
    achievement_ratio,
    change_per_year,
    evaluate,
    gap_points,
    same_period_ratio,
    status_label,
    tally,
)
from nghiquyet.core.numbers import Comparator
from nghiquyet.core.targets import ChangeMethod, Direction, TargetError, TargetSpec, parse_target

D = Decimal


def pct(value):
    return None if value is None else round(value, 1)


# --- golden cases ---------------------------------------------------------------------------


def test_cho_don_forest_planting_603_8_of_600_ha_is_100_6_percent_exceeded():
    result = evaluate(D("603.8"), parse_target("600"), Direction.UP, final=False)
    assert pct(result.ratio_pct) == D("100.6")
    assert result.status is Status.EXCEEDED
    assert result.label == "Vượt"


def test_cho_don_jobs_600_at_60_percent_means_plan_1000_and_interim_not_met():
    result = evaluate(D(600), parse_target("1.000"), Direction.UP, final=False)
    assert pct(result.ratio_pct) == D(60)
    assert result.status is Status.NOT_MET
    assert result.label == "Chưa đạt"


def test_pac_nam_agriculture_estimate_248_of_490_is_50_6_percent():
    result = evaluate(D(248), parse_target("490"), Direction.UP, final=False)
    assert pct(result.ratio_pct) == D("50.6")
    assert result.status is Status.NOT_MET


def test_pac_nam_new_party_members_48_of_90_is_53_3_percent():
    assert pct(evaluate(D(48), parse_target("90"), Direction.UP).ratio_pct) == D("53.3")


def test_national_2019_cpi_2_79_against_about_4_computes_as_exceeded():
    result = evaluate(D("2.79"), parse_target("khoảng 4"), Direction.DOWN)
    assert result.status is Status.EXCEEDED
    assert pct(result.ratio_pct) == D("143.4")


def test_national_2019_unemployment_3_1_under_4_computes_exceeded_which_people_marked_met():
    # The report said "Đạt": that is people's judgement, recorded as an override elsewhere.
    result = evaluate(D("3.1"), parse_target("dưới 4"), Direction.DOWN)
    assert result.status is Status.EXCEEDED
    assert gap_points(D("3.1"), parse_target("dưới 4"), Direction.DOWN) == D("0.9")


def test_lao_cai_2020_poverty_fell_5_02_points_a_year_against_3_to_4_is_125_5_percent():
    target = parse_target("giảm bình quân 3–4 điểm %/năm")
    assert target.change is ChangeMethod.POINTS
    achieved = -change_per_year(D("30.1"), D("20.06"), D(2), ChangeMethod.POINTS)
    assert achieved == D("5.02")
    result = evaluate(achieved, target, Direction.DOWN)
    assert pct(result.ratio_pct) == D("125.5")
    assert result.status is Status.EXCEEDED


def test_cho_don_industry_362_14_is_95_27_percent_of_the_same_period():
    previous = D("362.14") / D("0.9527")
    assert round(same_period_ratio(D("362.14"), previous), 2) == D("95.27")
    assert same_period_ratio(D(1), None) is None
    assert same_period_ratio(None, D(1)) is None
    assert same_period_ratio(D(1), D(0)) is None


# --- rules ----------------------------------------------------------------------------------


def test_down_uses_target_over_actual_never_the_reverse():
    assert achievement_ratio(D(2), parse_target("4"), Direction.DOWN) == D(200)
    assert achievement_ratio(D(0), parse_target("4"), Direction.DOWN) is None


def test_nearly_met_threshold_is_configurable():
    assert evaluate(D(96), parse_target("100"), Direction.UP).status is Status.NEARLY_MET
    assert (
        evaluate(D(96), parse_target("100"), Direction.UP, threshold=D(97)).status is Status.NOT_MET
    )
    assert evaluate(D(95), parse_target("100"), Direction.UP).status is Status.NEARLY_MET


def test_exactly_on_target_is_met_not_exceeded():
    assert evaluate(D(600), parse_target("600"), Direction.UP).status is Status.MET


def test_strict_bounds_need_strictly_more():
    assert evaluate(D(90), parse_target("trên 90"), Direction.UP).status is Status.NEARLY_MET
    assert evaluate(D(90), parse_target("từ 90 trở lên"), Direction.UP).status is Status.MET
    assert evaluate(D("90.5"), parse_target("trên 90"), Direction.UP).status is Status.EXCEEDED


def test_range_targets():
    target = parse_target("6,6–6,8")
    assert evaluate(D("6.7"), target, Direction.RANGE).status is Status.MET
    assert evaluate(D("6.9"), target, Direction.RANGE).status is Status.NOT_MET
    assert evaluate(D("6.7"), target, Direction.RANGE).ratio_pct is None
    # For an up indicator the ratio uses the upper bound, and inside the range is met.
    inside = evaluate(D("6.7"), target, Direction.UP)
    assert inside.status is Status.MET and pct(inside.ratio_pct) == D("98.5")
    assert evaluate(D(7), target, Direction.UP).status is Status.EXCEEDED


def test_cagr_growth():
    growth = change_per_year(D(100), D(121), D(2), ChangeMethod.CAGR)
    assert round(growth, 6) == D(10)
    result = evaluate(growth, parse_target("tăng bình quân 16%/năm"), Direction.UP)
    assert result.status is Status.NOT_MET and round(result.ratio_pct, 1) == D("62.5")


def test_no_data_not_due_and_reported_ratios():
    assert evaluate(None, parse_target("5"), Direction.UP).status is Status.NO_DATA
    assert evaluate(None, parse_target("5"), Direction.UP, due=False).status is Status.NOT_DUE
    # Chợ Đồn: "trồng cây lương thực có hạt đạt 97,9% kế hoạch" — only the percentage is known.
    result = evaluate(None, None, Direction.UP, reported_ratio=D("97.9"))
    assert result.status is Status.NEARLY_MET and result.ratio_pct == D("97.9")
    assert evaluate(D(1), None, Direction.UP).status is Status.NO_DATA


def test_qualitative_indicators_take_status_from_people_only():
    assert evaluate(D(1), parse_target("1"), Direction.QUALITATIVE).status is Status.NO_DATA


def test_status_labels_distinguish_interim_from_final():
    assert status_label(Status.NOT_MET, final=True) == "Không đạt"
    assert status_label(Status.NOT_MET, final=False) == "Chưa đạt"
    assert status_label(Status.NEARLY_MET) == "Cơ bản đạt"
    assert status_label(Status.NO_DATA) == "Chưa có số liệu"


def test_tally_counts_every_indicator_no_data_included():
    result = tally(
        [Status.EXCEEDED] * 20 + [Status.MET] * 7 + [Status.NOT_MET] * 12 + [Status.NO_DATA] * 10
    )
    assert result.sentence == "27/49 chỉ tiêu đạt và vượt"
    assert result.by_status["no_data"] == 10 and result.by_status["nearly_met"] == 0


def test_targets_parse_from_what_people_type():
    spec = parse_target("giảm bình quân 1,5 điểm %/năm")
    assert (spec.change, spec.value, spec.direction_hint) == (
        ChangeMethod.POINTS,
        D("1.5"),
        Direction.DOWN,
    )
    assert parse_target("tăng bình quân 16%/năm").change is ChangeMethod.CAGR
    assert parse_target("trên 4.500").comparator is Comparator.GT
    assert parse_target("6,6–6,8").upper == D("6.8")


def test_contradictory_targets_are_refused():
    with pytest.raises(TargetError, match="ngược"):
        parse_target("6,8–6,6")
    with pytest.raises(TargetError):
        TargetSpec(Comparator.RANGE, D(7), D(6), raw="7–6")
    with pytest.raises(TargetError):
        TargetSpec(Comparator.GT, D(7), D(8), raw="trên 7")
    with pytest.raises(TargetError):
        parse_target("nhiều")


# --- invariants -----------------------------------------------------------------------------

positive = st.decimals(
    min_value=D("0.01"), max_value=D("1e9"), places=2, allow_nan=False, allow_infinity=False
)


@given(positive, positive, positive)
def test_for_up_a_larger_actual_never_gives_a_lower_ratio(target, a, b):
    low, high = sorted((a, b))
    spec = TargetSpec(Comparator.EQ, target)
    assert achievement_ratio(high, spec, Direction.UP) >= achievement_ratio(low, spec, Direction.UP)


@given(positive, positive, positive)
def test_for_down_a_larger_actual_never_gives_a_higher_ratio(target, a, b):
    low, high = sorted((a, b))
    spec = TargetSpec(Comparator.EQ, target)
    assert achievement_ratio(high, spec, Direction.DOWN) <= achievement_ratio(
        low, spec, Direction.DOWN
    )


ORDER = [Status.NOT_MET, Status.NEARLY_MET, Status.MET, Status.EXCEEDED]


@given(positive, positive, positive)
def test_for_up_a_larger_actual_never_gives_a_worse_status(target, a, b):
    low, high = sorted((a, b))
    spec = TargetSpec(Comparator.EQ, target)
    worse = evaluate(low, spec, Direction.UP).status
    better = evaluate(high, spec, Direction.UP).status
    assert ORDER.index(better) >= ORDER.index(worse)
