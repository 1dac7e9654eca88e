"""Progress towards the end of a term (DESIGN.md §5), for mid-term reviews.

Three methods, each a pure function returning a :class:`Progress` — the bucket and the number
behind it — or, when the data cannot support a judgement, a :class:`Progress` whose bucket is
``None`` and whose ``note`` says why in plain words.

* :func:`linear_pace` (default): where a straight line from the baseline to the target says
  the indicator should be by now, and how much of that way it has come.
* :func:`un_projection` (UN SDG Progress Chart 2023): extend the observed compound growth to
  the end of the term and compare the projected change with the required one.
* :func:`cagr_ratio` (Open SDG / Statistics Canada): the observed growth rate over the
  required growth rate.

"Target achieved" is checked first by every method.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum

from .targets import Direction

__all__ = [
    "Bucket",
    "Method",
    "Progress",
    "cagr_ratio",
    "cumulative_pace",
    "each_year_pace",
    "linear_pace",
    "un_projection",
]


class Method(StrEnum):
    LINEAR = "linear"
    PROJECTION = "un_projection"
    CAGR_RATIO = "cagr_ratio"


class Bucket(StrEnum):
    ACHIEVED = "achieved"  # đã đạt và vượt
    ON_TRACK = "on_track"  # có khả năng đạt
    AT_RISK = "at_risk"  # cần cố gắng
    OFF_TRACK = "off_track"  # khó đạt
    ACCELERATION_NEEDED = "acceleration_needed"  # cần tăng tốc
    STAGNATION = "stagnation_or_regression"  # dậm chân tại chỗ hoặc đi lùi
    SUBSTANTIAL = "substantial"  # tiến bộ rõ rệt
    MODERATE = "moderate"  # tiến bộ vừa phải
    LIMITED = "limited"  # tiến bộ hạn chế
    DETERIORATION = "deterioration"  # đi lùi

    @property
    def label(self) -> str:
        return _BUCKET_LABELS[self]

    @property
    def likely(self) -> bool:
        """Whether the bucket reads as "có khả năng đạt" in a report's tally."""
        return self in (Bucket.ACHIEVED, Bucket.ON_TRACK, Bucket.SUBSTANTIAL)


_BUCKET_LABELS = {
    Bucket.ACHIEVED: "Đã đạt và vượt",
    Bucket.ON_TRACK: "Có khả năng đạt",
    Bucket.AT_RISK: "Cần cố gắng",
    Bucket.OFF_TRACK: "Khó đạt",
    Bucket.ACCELERATION_NEEDED: "Cần tăng tốc",
    Bucket.STAGNATION: "Dậm chân tại chỗ hoặc đi lùi",
    Bucket.SUBSTANTIAL: "Tiến bộ rõ rệt",
    Bucket.MODERATE: "Tiến bộ vừa phải",
    Bucket.LIMITED: "Tiến bộ hạn chế",
    Bucket.DETERIORATION: "Đi lùi",
}


@dataclass(frozen=True)
class Progress:
    method: Method
    bucket: Bucket | None
    value: float | None = None
    note: str = ""


def _achieved(actual: float, target: float, direction: Direction) -> bool:
    return actual <= target if direction is Direction.DOWN else actual >= target


def _not_enough(method: Method, note: str) -> Progress:
    return Progress(method, None, None, note)


def linear_pace(
    base: float | None, target: float, actual: float | None, elapsed: float, direction: Direction
) -> Progress:
    """Linear pace: expected(t) = base + (target − base)·f;
    pace = (actual − base) ÷ (expected − base).

    ``elapsed`` is the share f of the term gone by (0–1). Buckets: achieved; on track when
    pace ≥ 0,95; at risk when 0,85 ≤ pace < 0,95; off track below.

    Lục Ngạn 2015–2020: forest cover from 37 % towards 41,3 % — with 39,5 % at f = 0,5,
    expected 39,15 %, pace = 2,5 ÷ 2,15 = 1,16 → on track.
    """
    if actual is None:
        return _not_enough(Method.LINEAR, "Chưa có số liệu thực hiện.")
    if _achieved(actual, target, direction):
        return Progress(Method.LINEAR, Bucket.ACHIEVED, 1.0)
    if base is None:
        return _not_enough(Method.LINEAR, "Chưa có số liệu đầu nhiệm kỳ (giá trị gốc).")
    if elapsed <= 0:
        return _not_enough(Method.LINEAR, "Nhiệm kỳ chưa bắt đầu.")
    expected_change = (target - base) * elapsed
    if expected_change == 0:
        return _not_enough(Method.LINEAR, "Chỉ tiêu bằng giá trị gốc: không có lộ trình để so.")
    pace = (actual - base) / expected_change
    return Progress(Method.LINEAR, _pace_bucket(pace), round(pace, 4))


def cumulative_pace(total_to_date: float | None, target: float, elapsed: float) -> Progress:
    """Cumulative ("lũy kế") targets: the running total against target·f.

    Lục Ngạn-style "trồng mới 5.000 ha rừng trong nhiệm kỳ": 2.600 ha at f = 0,5 → pace 1,04.
    """
    if total_to_date is None:
        return _not_enough(Method.LINEAR, "Chưa có số liệu thực hiện.")
    if total_to_date >= target:
        return Progress(Method.LINEAR, Bucket.ACHIEVED, 1.0)
    if elapsed <= 0 or target == 0:
        return _not_enough(Method.LINEAR, "Nhiệm kỳ chưa bắt đầu.")
    pace = total_to_date / (target * elapsed)
    return Progress(Method.LINEAR, _pace_bucket(pace), round(pace, 4))


def each_year_pace(years_met: Sequence[bool]) -> Progress:
    """Targets every year must reach ("hằng năm"): off track once any finished year missed."""
    if not years_met:
        return _not_enough(Method.LINEAR, "Chưa có năm nào kết thúc để đánh giá.")
    share = sum(years_met) / len(years_met)
    return Progress(Method.LINEAR, Bucket.ON_TRACK if all(years_met) else Bucket.OFF_TRACK, share)


def _pace_bucket(pace: float) -> Bucket:
    if pace >= 0.95:
        return Bucket.ON_TRACK
    if pace >= 0.85:
        return Bucket.AT_RISK
    return Bucket.OFF_TRACK


def _growth(first: float, last: float, years: float) -> float | None:
    if first <= 0 or last <= 0 or years <= 0:
        return None
    return float((last / first) ** (1 / years) - 1)


def un_projection(
    series: Sequence[tuple[float, float]],
    base: float,
    target: float,
    term_years: float,
    direction: Direction,
) -> Progress:
    """UN SDG Progress Chart 2023: project with the observed CAGR to the term's end.

    ``series`` is (years since the baseline, value), oldest first, the baseline included if
    known. projected = latest·(1 + CAGR)^(years left); ratio = (projected − base) ÷
    (target − base). ≥ 0,95 on track; 0,10–0,95 acceleration needed; below, stagnation or
    regression. Needs two values or more.
    """
    if len(series) < 2:
        return _not_enough(Method.PROJECTION, "Cần ít nhất hai giá trị để tính xu hướng.")
    (t0, first), (t1, latest) = series[0], series[-1]
    if _achieved(latest, target, direction):
        return Progress(Method.PROJECTION, Bucket.ACHIEVED, 1.0)
    if target == base:
        return _not_enough(Method.PROJECTION, "Chỉ tiêu bằng giá trị gốc: không có lộ trình để so.")
    growth = _growth(first, latest, t1 - t0)
    remaining = max(term_years - t1, 0.0)
    if growth is None:  # zero or negative values: fall back to the linear trend
        slope = (latest - first) / (t1 - t0) if t1 > t0 else 0.0
        projected = latest + slope * remaining
    else:
        projected = latest * (1 + growth) ** remaining
    ratio = (projected - base) / (target - base)
    if ratio >= 0.95:
        bucket = Bucket.ON_TRACK
    elif ratio >= 0.10:
        bucket = Bucket.ACCELERATION_NEEDED
    else:
        bucket = Bucket.STAGNATION
    return Progress(Method.PROJECTION, bucket, round(ratio, 4))


def cagr_ratio(
    series: Sequence[tuple[float, float]],
    base: float,
    target: float,
    term_years: float,
    direction: Direction,
) -> Progress:
    """Open SDG / Statistics Canada: R = d·CAGR(observed) ÷ |CAGR(required)|.

    d = +1 when higher is better, −1 when lower is. ≥ 0,95 substantial; 0,60–0,95 moderate;
    0–0,60 limited; below 0 deterioration. The observed rate runs from the baseline (the first
    value of ``series``) to the latest value; the required one from the baseline to the target
    over the whole term.
    """
    if len(series) < 2:
        return _not_enough(Method.CAGR_RATIO, "Cần ít nhất hai giá trị để tính tốc độ tăng.")
    (t0, first), (t1, latest) = series[0], series[-1]
    if _achieved(latest, target, direction):
        return Progress(Method.CAGR_RATIO, Bucket.ACHIEVED, 1.0)
    observed = _growth(first, latest, t1 - t0)
    required = _growth(base, target, term_years)
    if observed is None or required is None or required == 0:
        return _not_enough(
            Method.CAGR_RATIO, "Tốc độ tăng bình quân chỉ tính được với các giá trị dương."
        )
    sign = -1.0 if direction is Direction.DOWN else 1.0
    ratio = sign * observed / abs(required)
    if math.isnan(ratio):  # pragma: no cover - defensive
        return _not_enough(Method.CAGR_RATIO, "Không tính được tỷ số tăng trưởng.")
    if ratio >= 0.95:
        bucket = Bucket.SUBSTANTIAL
    elif ratio >= 0.60:
        bucket = Bucket.MODERATE
    elif ratio >= 0:
        bucket = Bucket.LIMITED
    else:
        bucket = Bucket.DETERIORATION
    return Progress(Method.CAGR_RATIO, bucket, round(ratio, 4))
