"""Units after a figure: scale words, units of measure, counted nouns, and the words after.

603,8ha        → "ha"
362,14 tỷ đồng → "tỷ đồng" (scale words are part of the unit as written)
540kg/người/năm → "kg/người/năm"
85 tổ chức đảng và … → "tổ chức đảng" (a counted noun standing alone)
320 đảng viên mới → no unit; noun "đảng viên mới" (the noun goes on: unsure)
"""

from __future__ import annotations

import re
from typing import NamedTuple

from nghiquyet.core.extraction import lexicon as lx

__all__ = ["COUNT_RE", "MEASURE_RE", "NOT_LETTER", "SCALE_RE", "Unit", "has_unit", "read_unit"]

_SCALE_ALT = lx.words_regex(lx.SCALE)
_MEASURE_ALT = lx.words_regex(lx.MEASURE_UNITS)
_COUNT_ALT = lx.words_regex(lx.COUNT_NOUNS)
NOT_LETTER = r"(?![^\W\d_])"
_SUFFIX = r"(?:\s?/\s?(?!\d)[^\W\d_]+(?:\s(?:động|khẩu))?)*"  # "/người/năm", "/ha", "/lao động"
SCALE_RE = re.compile(rf"(?:\s*(?:{_SCALE_ALT}){NOT_LETTER})+")
MEASURE_RE = re.compile(rf"\s*(?:{_MEASURE_ALT})(?:(?<=%)|{NOT_LETTER}){_SUFFIX}{NOT_LETTER}")
COUNT_RE = re.compile(rf"\s+(?:{_COUNT_ALT}){NOT_LETTER}")
# After a counted noun: it stands alone when punctuation or a function word follows.
_NOUN_ENDS_RE = re.compile(
    r"\s*(?:$|[,.;:)!?…/\"”]|\d(?!\s+sao)|\(|\s-\s|(?:và|hoặc|với|được|đạt|trên|của|tại|trong|so|bằng|tăng|"
    r"giảm|chiếm|là|có|đã|theo|cho|đều|thì|nhưng|mà|từ|đến|vào|ra|về|gồm|nên|trở|vượt|ước|"
    r"bình quân|hiện|nay|năm|tháng|ở|như|nhằm|để|khi|sau|trước|thuộc|bị|do|bởi|tính|tương|"
    r"cao hơn|thấp hơn|đứng|xếp|góp phần|giúp|làm|hằng|mỗi)(?!\w))"
)
_WORD_RE = re.compile(rf"\s+((?:{lx.LETTER}|-)+|\d\s+sao(?!\w))")  # "sản phẩm OCOP 4 sao"

# "đồng" is a unit of money except in these words.
_NOT_MONEY_RE = re.compile(
    r"\s+(?:chí|bào|thời|hồ|ý|loạt|bằng|tâm|đều|khởi|hành|nghiệp|minh|thuận|chủ|môn|lòng|"
    r"phục|cỏ|ruộng|nhất|dạng|bộ|hương|thanh|ca|xu|nát|lúa)(?!\w)"
)


def has_unit(low: str, at: int) -> bool:
    """Whether a unit (or a scale word) is written at ``at``."""
    scale = SCALE_RE.match(low, at)
    at = scale.end() if scale else at
    return bool(scale or MEASURE_RE.match(low, at) or COUNT_RE.match(low, at))


class Unit(NamedTuple):
    """What follows a number: "tỷ đồng", or "ha" then "rừng tập trung", or just a noun."""

    unit: str | None
    noun: str | None  # words after the unit, or a counted noun we are not sure of
    is_measure: bool
    end: int  # end of the unit
    noun_end: int  # end of the noun words (== end when there are none)


def read_unit(text: str, low: str, at: int) -> Unit:
    """The unit written at ``at``, and the noun words that follow it.

    >>> read_unit(" tỷ đồng, bằng", " tỷ đồng, bằng", 0)
    Unit(unit='tỷ đồng', noun=None, is_measure=True, end=8, noun_end=8)
    >>> read_unit(" ha rừng tập trung,", " ha rừng tập trung,", 0)
    Unit(unit='ha', noun='rừng tập trung', is_measure=True, end=3, noun_end=18)
    >>> read_unit(" hộ nghèo", " hộ nghèo", 0)
    Unit(unit=None, noun='hộ nghèo', is_measure=False, end=0, noun_end=9)
    """
    scale = SCALE_RE.match(low, at)
    after_scale = scale.end() if scale else at
    measure = MEASURE_RE.match(low, after_scale)
    if measure and _NOT_MONEY_RE.match(low, measure.end()) and measure.group().strip() == "đồng":
        measure = None
    count = None if measure else COUNT_RE.match(low, after_scale)
    if measure or (count and _NOUN_ENDS_RE.match(low, count.end())):
        end = (measure or count).end()  # type: ignore[union-attr]
        noun, noun_end = _noun_phrase(text, low, end)
        return Unit(_clean(text[at:end]), noun, measure is not None, end, noun_end)
    if scale and not count:
        noun, noun_end = _noun_phrase(text, low, scale.end())
        return Unit(_clean(text[at : scale.end()]), noun, True, scale.end(), noun_end)
    noun, noun_end = _noun_phrase(text, low, at)
    return Unit(None, noun, False, at, noun_end)


def _noun_phrase(text: str, low: str, at: int, limit: int = 8) -> tuple[str | None, int]:
    """Up to ``limit`` words from ``at`` that go on naming the thing counted."""
    words: list[str] = []
    position = at
    for _ in range(limit):
        match = _WORD_RE.match(low, position)
        if not match or _NOUN_ENDS_RE.match(low, position):
            break
        words.append(text[match.start(1) : match.end(1)])
        position = match.end()
    return (" ".join(words) or None), position


def _clean(unit: str) -> str:
    return " ".join(unit.split()).replace(" /", "/").replace("/ ", "/")
