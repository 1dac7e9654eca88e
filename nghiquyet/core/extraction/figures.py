"""Find the figures in a text: numbers with their scale and unit, minus the ones that name.

A figure is a number that states a quantity: "4.500ha", "362,14 tỷ đồng", "85 tổ chức đảng",
"603,8ha/600ha", "6,6–6,8%". Numbers that date, order or name something are not figures:
"ngày 17/5", "Sáng 7.10", "lần thứ 15", "nhiệm kỳ 2020-2025", "03 tháng cuối năm",
"Nghị quyết số 12-NQ/HU", "Covid-19", "mức độ 4", "năm 2023".

In prose "," is always the decimal mark: "106,811 tỷ" is 106,811 (DESIGN.md §6).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from decimal import Decimal

from nghiquyet.core.extraction import lexicon as lx
from nghiquyet.core.extraction.units import (
    COUNT_RE,
    MEASURE_RE,
    NOT_LETTER,
    has_unit,
    read_unit,
)
from nghiquyet.core.numbers import Convention, NumberFormatError, parse_number

__all__ = ["Figure", "find_figures"]


@dataclass
class Figure:
    """One figure as written. ``start``/``end`` cover the number through its unit."""

    start: int
    end: int
    value: Decimal
    raw: str
    unit: str | None = None  # as written, scale words included: "tỷ đồng", "kg/người/năm"
    noun: str | None = None  # a counted noun we are not sure is the whole unit
    is_measure_unit: bool = False  # "ha", "%", "tấn" (not a counted noun)
    upper: Decimal | None = None  # "6,6–6,8%" → 6,8
    partner: Decimal | None = None  # "603,8ha/600ha" → 600, "48/90" → 90
    partner_unit: str | None = None
    unit_both_sides: bool = False  # "603,8ha/600ha", not "85/104 xã"
    noun_end: int = 0  # where the noun words after the unit end

    @property
    def is_percent(self) -> bool:
        return self.unit is not None and self.unit.startswith(("%", "phần trăm"))


_NUMBER_RE = re.compile(r"\d+(?:[.,]\d+)*")
_TIME_RE = re.compile(rf"\s*(?:{lx.words_regex(lx.TIME_UNITS)}){NOT_LETTER}")
_NOT_RESULT_RE = re.compile(rf"\s+(?:{lx.words_regex(lx.NOT_RESULTS)}){NOT_LETTER}")
_LABELS = frozenset(tuple(lx.lower_for_match(w).split()) for w in lx.LABEL_WORDS)
_CALENDAR_WORDS = frozenset(
    {"năm", "tháng", "quý", "ngày", "sáng", "chiều", "tối", "trưa", "đêm", "hôm"}
)
_DOC_NUMBER_RE = re.compile(
    r"(?<!\w)(?:(?:nghị quyết|quyết định|chỉ thị|kết luận|nghị định|thông tư|luật|công văn|"
    r"thông báo|tờ trình|hướng dẫn|đề án|quy định|quy chế|hợp đồng|giấy phép)\s+(?:số\s*)?"
    r"|(?:kế hoạch|báo cáo|chương trình|văn bản)\s+số\s*)$"
    r"|(?:^|\(|(?<!tổng)(?<!trong)(?<!con)(?<!với)(?<!có)\s)số\s*$"
)
_DOC_TAIL_RE = re.compile(r"[-/](?:[A-ZĐ]|\d{4}/)")
_ACRONYM_BEFORE_RE = re.compile(r"(?<![^\W\d_])[A-ZĐ]{2,}\s$")
_JOINED_RE = re.compile(r"(\s?[-–—]\s?|/)(\d+(?:[.,]\d+)*)")
_THIRD_PART_RE = re.compile(r"[-/–]\s?\d")
_JOINED_TAIL_RE = re.compile(r"(?:\s?[-–—/.:]\s?[\w]+)*")
_PER_UNIT_RE = re.compile(r"(?<!\w)(?:trên|mỗi|/)\s*$")
_FROM_RE = re.compile(r"(?<!\w)từ\s*$")
_REACHES_FROM_RE = re.compile(r"(?<!\w)(?:đạt|là|ở mức|mức|được|phấn đấu)\s+từ\s*$")
_UPWARDS_RE = re.compile(r"\s*(?:\S+\s+){0,4}?trở\s+(?:lên|xuống)")
_BARE_LIST_RE = re.compile(r",\s*\d+(?:,\s*\d+)*(?:\s+(?:và|hoặc)\s+\d+)?\s+[^\W\d_]")
_RANGE_RE = re.compile(r"\s?[-–—]\s?(\d+(?:[.,]\d+)*)")
_AGE_RE = re.compile(r"\s*tuổi(?!\w)")
_AGE_LEAD_RE = re.compile(r"(?<!\w)(?:đạt|là|lên|ở mức|khoảng|còn|tăng|giảm|gần|hơn)\s*$")


def find_figures(text: str, low: str, skip: list[tuple[int, int]] | None = None) -> list[Figure]:
    """Every figure in ``text`` (``low`` is its :func:`lexicon.lower_for_match`), in order.

    >>> t = "Trồng rừng được 603,8ha/600ha, đạt 100,6% kế hoạch (Sáng 7.10)."
    >>> [(f.raw, f.unit, f.partner) for f in find_figures(t, t.lower())]
    [('603,8', 'ha', Decimal('600')), ('100,6', '%', None)]
    """
    figures: list[Figure] = []
    taken = sorted(skip or [])
    position = 0
    for match in _NUMBER_RE.finditer(low):
        start = match.start()
        if start < position or _inside(taken, start):
            continue
        figure, position = _read_figure(text, low, match)
        if figure is not None:
            figures.append(figure)
    spelled = [f for f in _spelled_figures(text, low) if not _inside(taken, f.start)]
    return sorted(figures + spelled, key=lambda f: f.start) if spelled else figures


_SPELLED = {"một": 1, "hai": 2, "ba": 3, "bốn": 4, "năm": 5, "sáu": 6, "bảy": 7, "tám": 8}
_SPELLED_RE = re.compile(rf"(?<!\w)(?P<n>{'|'.join(_SPELLED)}|chín|mười)\s+$")
_SCALE_WORD_RE = re.compile(r"(?<=\s)(?:nghìn|ngàn|vạn|triệu|tỷ|tỉ)(?!\w)")


def _spelled_figures(text: str, low: str) -> list[Figure]:
    """ "gần một nghìn tỷ đồng": a figure written in words, when a scale word follows."""
    figures = []
    for scale in _SCALE_WORD_RE.finditer(low):  # rarer than the number words: look back
        match = _SPELLED_RE.search(low, max(0, scale.start() - 8), scale.start())
        if match is None:
            continue
        word = match.group("n")
        value = {"chín": 9, "mười": 10}.get(word) or _SPELLED[word]
        start, end = match.span("n")
        figure = Figure(start, end, Decimal(value), text[start:end])
        figure.noun_end = max(_attach_unit(text, low, figure), figure.end)
        figures.append(figure)
    return figures


def _inside(spans: list[tuple[int, int]], index: int) -> bool:
    """Whether ``index`` falls in one of ``spans`` (sorted, not overlapping)."""
    at = bisect_right(spans, (index, _FAR)) - 1
    return at >= 0 and spans[at][0] <= index < spans[at][1]


_FAR = 1 << 62


def _read_figure(text: str, low: str, match: re.Match[str]) -> tuple[Figure | None, int]:
    """The figure starting at ``match`` (or None), and where scanning resumes."""
    start, end = match.span()
    if _names_something(text, low, start, end, match.group()):
        return None, _skip_joined(low, end)
    value = _value(match.group()) or _dotted_decimal(low, match)
    if value is None:
        return None, _skip_joined(low, end)
    if _is_footnote_or_list(text, low, start, end, match.group()):
        return None, end
    joined = _joined_form(low, end, match.group())
    if joined == "skip":
        return None, _skip_joined(low, end)
    figure = Figure(start=start, end=end, value=value, raw=match.group())
    if joined == "range":
        return _read_range(text, low, figure)
    noun_end = _attach_unit(text, low, figure)
    if _is_plain_number(figure) and _looks_like_year(figure):
        return None, figure.end
    if _is_time_or_structure(low, figure) or _is_threshold(low, figure):
        return None, figure.end
    if low[figure.end : figure.end + 2].strip().startswith("/"):
        noun_end = _read_partner(text, low, figure)
    figure.noun_end = max(noun_end, figure.end)
    return figure, figure.end


def _dotted_decimal(low: str, match: re.Match[str]) -> Decimal | None:
    """ "168.9 tỷ đồng": a decimal point typed the English way, trusted only before a unit."""
    raw = match.group()
    if not re.fullmatch(r"\d+\.\d{1,2}", raw) or not has_unit(low, match.end()):
        return None
    return Decimal(raw)


def _is_footnote_or_list(text: str, low: str, start: int, end: int, raw: str) -> bool:
    """ "quốc tế(1)", "(2)", and labels listed bare: "Huy hiệu 30, 40, 50, 55 tuổi đảng"."""
    if not raw.isdigit():
        return False
    if text[start - 1 : start] == "(" and text[end : end + 1] == ")" and len(raw) <= 2:
        return True
    return bool(_BARE_LIST_RE.match(text, end)) and not has_unit(low, end)


def _value(raw: str) -> Decimal | None:
    if raw.isdigit():
        return Decimal(raw)
    try:
        return parse_number(raw, Convention.VIETNAMESE)
    except NumberFormatError:  # "7.10", "4.0": dates and versions, not Vietnamese numbers
        return None


def _names_something(text: str, low: str, start: int, end: int, raw: str) -> bool:
    """Numbers glued to words ("Covid-19", "QL279", "258B") or after a label ("lần thứ 15")."""
    before = low[max(0, start - 40) : start]
    if before and (before[-1].isalnum() or before[-1] in "_"):
        return True
    if len(before) >= 2 and before[-1] in "-–/:.+" and (before[-2].isalnum()):
        return True
    if raw.isdigit() and _ACRONYM_BEFORE_RE.search(text, max(0, start - 12), start):
        return not MEASURE_RE.match(low, end)  # "OCOP 4 sao", "ISO 9001", "COP 26"
    after = low[end : end + 3]
    if after[:1].isalpha() and not (MEASURE_RE.match(low, end) or _time_glued(after)):
        return True
    if after[:1] in ":h" and after[1:2].isdigit():  # 10:31, 10h30
        return True
    if _DOC_TAIL_RE.match(text, end):
        return True
    words = before.split()[-3:]
    if words and words[-1] == "số" and _DOC_NUMBER_RE.search(before):
        return True
    return bool(words) and _label_before(words, before, raw)


def _time_glued(after: str) -> bool:
    return after[:1] == "h" and not after[1:2].isalpha()


def _label_before(words: list[str], before: str, raw: str) -> bool:
    """ "lần thứ 15", "mức độ 4", "Nghị quyết 26", "tháng 9", "năm 2023" — but not "năm 500"."""
    if before[-1:] not in " (" or not words[-1].isalpha():
        return False
    if words[-1] in _CALENDAR_WORDS:
        return _is_calendar_value(words[-1], raw)
    return any(tuple(words[-size:]) in _LABELS for size in (1, 2, 3) if size <= len(words))


def _is_calendar_value(word: str, raw: str) -> bool:
    if not raw.isdigit():
        return False
    number = int(raw)
    limits = {"năm": (1900, 2100), "tháng": (1, 12), "quý": (1, 4)}
    low, high = limits.get(word, (1, 31))
    return low <= number <= high


def _joined_form(low: str, end: int, a: str) -> str | None:
    """What a "-"/"/" right after the number makes of it: "skip", "range" or None."""
    match = _JOINED_RE.match(low, end, end + 24)
    if not match:
        return None
    b = match.group(2)
    following = low[match.end() : match.end() + 12]
    if _THIRD_PART_RE.match(following):  # 7-4-2015, 17/5/2023, 2018-06-26
        return "skip"
    if match.group(1) == "/":
        return _slash_form(a, b, low, match.end())
    if len(a) == 4 and len(b) == 4:  # 2020-2025
        return "skip"
    if has_unit(low, match.end()):
        return "range"  # "4-5%", "300-500 triệu đồng"
    return "skip"  # 25-6, 2-3 lần


def _slash_form(a: str, b: str, low: str, after: int) -> str | None:
    # "48/90 chỉ tiêu", "603,8/600 ha" are figures; "17/5", "10/10" are dates.
    counted = COUNT_RE.match(low, after) or MEASURE_RE.match(low, after)
    of_plan = re.match(r"\s+(?:chỉ tiêu|tiêu chí|kế hoạch)", low[after : after + 16])
    return "skip" if _date_like(a, b) and not counted and not of_plan else None


def _date_like(a: str, b: str) -> bool:
    return a.isdigit() and b.isdigit() and 1 <= int(a) <= 31 and 1 <= int(b) <= 12


def _skip_joined(low: str, end: int) -> int:
    """Resume after the whole token: "17/5/2023", "2020-2025", "12-NQ/HU"."""
    match = _JOINED_TAIL_RE.match(low, end, end + 40)
    return match.end() if match else end


def _read_range(text: str, low: str, figure: Figure) -> tuple[Figure, int]:
    match = _RANGE_RE.match(low, figure.end)
    assert match is not None  # _joined_form saw it
    upper = _value(match.group(1))
    figure.end = match.end()
    if upper is not None and upper >= figure.value:
        figure.upper = upper
    figure.noun_end = max(_attach_unit(text, low, figure), figure.end)
    return figure, figure.end


def _attach_unit(text: str, low: str, figure: Figure) -> int:
    """Read the unit into ``figure``; return where its noun words end."""
    unit = read_unit(text, low, figure.end)
    figure.unit, figure.noun, figure.is_measure_unit = unit.unit, unit.noun, unit.is_measure
    figure.end = max(figure.end, unit.end)
    return unit.noun_end


def _is_plain_number(figure: Figure) -> bool:
    return figure.unit is None


def _looks_like_year(figure: Figure) -> bool:
    return figure.raw.isdigit() and len(figure.raw) == 4 and 1900 <= int(figure.raw) <= 2100


def _is_time_or_structure(low: str, figure: Figure) -> bool:
    """Durations ("03 tháng", "2 năm rưỡi"), plan structure ("04 nhiệm vụ"), ages in names."""
    if figure.unit is not None and figure.is_measure_unit:
        return False
    at = figure.start + len(figure.raw)
    if _TIME_RE.match(low, at) or _NOT_RESULT_RE.match(low, at):
        return True
    if _AGE_RE.match(low, at):  # "trẻ em dưới 5 tuổi", "học sinh 6 tuổi"; not "đạt 73,5 tuổi"
        return _AGE_LEAD_RE.search(low[max(0, figure.start - 12) : figure.start]) is None
    return False


def _is_threshold(low: str, figure: Figure) -> bool:
    """Numbers inside an indicator's name: "OCOP từ 3 sao trở lên", "trên 1 ha đất"."""
    before = low[max(0, figure.start - 16) : figure.start]
    if figure.value == 1 and _PER_UNIT_RE.search(before):
        return True
    if not _FROM_RE.search(before):
        return False
    if _REACHES_FROM_RE.search(before):
        return False
    after = low[figure.end : figure.end + 40]
    return _UPWARDS_RE.match(after) is not None


def _read_partner(text: str, low: str, figure: Figure) -> int:
    """The plan or total after a slash: "603,8ha/600ha", "48/90 chỉ tiêu", "85/104 xã"."""
    match = re.match(r"\s?/\s?(\d+(?:[.,]\d+)*)", low[figure.end : figure.end + 24])
    partner = _value(match.group(1)) if match else None
    if match is None or partner is None:
        return figure.end
    at = figure.end + match.end()
    unit = read_unit(text, low, at)
    if partner == 1 and figure.unit and (unit.unit or unit.noun):  # "giường bệnh/1 vạn dân"
        per = " ".join(x for x in (unit.unit, unit.noun) if x)
        figure.unit = f"{figure.unit}/1 {per}"
        figure.end = max(at, unit.noun_end)
        return figure.end
    figure.partner, figure.partner_unit = partner, unit.unit
    figure.unit_both_sides = figure.unit is not None and unit.unit == figure.unit
    if figure.unit is None and unit.unit is not None:
        figure.unit, figure.is_measure_unit = unit.unit, unit.is_measure
    figure.noun = figure.noun or unit.noun
    figure.end = max(at, unit.end)
    return unit.noun_end
