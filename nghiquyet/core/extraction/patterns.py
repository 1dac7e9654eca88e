"""Two fixed turns of phrase: tallies of targets met, and "từ X lên Y".

Tally — how many of a resolution's targets are met:

* "Đến nay đã có 27/49 chỉ tiêu, nhiệm vụ đạt và vượt" → 27 of 49, met;
* "22/49 chỉ tiêu, nhiệm vụ chưa đạt" → 22 of 49, not met;
* "Trong 21 chỉ tiêu chủ yếu, có 18 chỉ tiêu đạt và vượt" → 18 of 21, met.

But "kết nạp đảng viên mới đạt 48/90 chỉ tiêu" is 48 party members against a plan of 90:
when the words before the count name an activity, it is a measure, not a tally.

From–to — "Độ che phủ rừng (từ 37 lên 41,3%)": a revision of the target when the sentence
speaks of adjusting targets ("điều chỉnh", "sửa đổi"); otherwise a change over time
("tỷ lệ hộ nghèo giảm từ 12% xuống còn 6%"), read as a measure of the new value.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Literal

from nghiquyet.core.extraction import lexicon as lx
from nghiquyet.core.extraction.facts import Fact, Measure, Revision, Tally
from nghiquyet.core.extraction.indicators import clean_indicator, last_part_start, lead_span
from nghiquyet.core.extraction.segments import Clause
from nghiquyet.core.extraction.units import read_unit
from nghiquyet.core.numbers import Convention, NumberFormatError, parse_number

__all__ = ["find_patterns"]

_NUM = r"\d+(?:[.,]\d+)*"
_TARGETS = r"(?:nhóm\s+)?chỉ\s+tiêu"
_TALLY_PAIR_RE = re.compile(
    rf"(?<![\d/.,])(?P<count>\d{{1,3}})\s*(?:/|trên|trong)\s*(?:tổng\s+số\s+|số\s+)?"
    rf"(?P<total>\d{{1,3}})(?![\d/.,])\s+{_TARGETS}"
)
_TALLY_COUNT_RE = re.compile(rf"(?<![\d/.,])(?P<count>\d{{1,3}})(?![\d/.,])\s+{_TARGETS}")
_NEGATIVE_RE = re.compile(rf"(?<!\w)(?:{lx.words_regex(lx.TALLY_NEGATIVE)})(?!\w)")
_POSITIVE_RE = re.compile(rf"(?<!\w)(?:{lx.words_regex(lx.TALLY_POSITIVE)})(?!\w)")
_LEAD_OK = frozenset(
    word
    for phrase in (*lx.TALLY_LEAD_OK, *lx.ORG_WORDS)
    for word in lx.lower_for_match(phrase).split()
)
_RATIO_NEXT_RE = re.compile(r"^[\s,]*(?:bằng|đạt)\s+(?:khoảng\s+|gần\s+|hơn\s+)?\d[\d.,]*\s*%")
_FROM_TO_RE = re.compile(rf"(?<!\w)từ\s+(?:mức\s+)?(?P<a>{_NUM})")
_TO_RE = re.compile(
    rf"\s*(?:\(?(?:năm|cuối năm|đầu năm|đầu nhiệm kỳ)\s+\d{{4}}\)?\s*)?,?\s*"
    rf"(?:(?:tăng|giảm|nâng)\s+)?(?:lên\s+thành|lên\s+mức|xuống\s+còn|xuống\s+mức|lên|xuống|"
    rf"thành|còn)\s+(?P<b>{_NUM})"
)
_WORDS_RE = re.compile(r"[^\W\d_]+")
_WINDOW_STOP_RE = re.compile(r"\d|,\s+[^\W\d_]")
_REVISION_RE = re.compile(rf"(?<!\w)(?:{lx.words_regex(lx.REVISION_CONTEXT)})(?!\w)")


def find_patterns(text: str, low: str, clause: Clause) -> tuple[list[Fact], list[tuple[int, int]]]:
    """Tallies and from–to statements in ``clause``, and the spans they use up."""
    facts: list[Fact] = []
    spans: list[tuple[int, int]] = []
    tallies = (
        _tallies(text, low, clause) if low.find("chỉ tiêu", clause.start, clause.end) >= 0 else []
    )
    changes = _from_to(text, low, clause) if low.find("từ ", clause.start, clause.end) >= 0 else []
    for fact in [*tallies, *changes]:
        if not any(a < fact.end and fact.start < b for a, b in spans):
            facts.append(fact)
            spans.append((fact.start, fact.end))
    return facts, spans


def _tallies(text: str, low: str, clause: Clause) -> list[Fact]:
    found: list[Fact] = []
    pairs = list(_TALLY_PAIR_RE.finditer(low, clause.start, clause.end))
    for match in pairs:
        count, total = int(match.group("count")), int(match.group("total"))
        if 0 < total <= 300 and count <= total and _is_tally(text, low, clause, match):
            found.append(_tally(text, low, clause, match, count, total))
    for match in _TALLY_COUNT_RE.finditer(low, clause.start, clause.end):
        if not any(p.start() <= match.start() < p.end() for p in pairs):
            found.extend(_counted_tally(text, low, clause, match))
    return found


def _counted_tally(text: str, low: str, clause: Clause, match: re.Match[str]) -> list[Fact]:
    """ "có 18 chỉ tiêu đạt và vượt" with the 21 targets named earlier in the sentence."""
    count = int(match.group("count"))
    status = _status(low[match.end() : _window_end(text, match.end(), clause)], "")
    total = _total_before(low, clause, match.start(), count)
    if status is None or total is None or not _is_tally(text, low, clause, match):
        return []
    return [_tally(text, low, clause, match, count, total)]


def _tally(
    text: str, low: str, clause: Clause, match: re.Match[str], count: int, total: int
) -> Tally:
    after = low[match.end() : _window_end(text, match.end(), clause)]
    before = low[max(clause.start, match.start() - 40) : match.start()]
    status = _status(after, before) or "met"
    end = match.end() + _status_extent(after)
    return Tally(match.start(), end, text[match.start() : end], count, total, status)


def _window_end(text: str, at: int, clause: Clause) -> int:
    """Where the words about a tally end: at the next figure, or where a new subject starts
    ("… đạt 24/28 chỉ tiêu, Tân Công Chí đạt 37/57 …")."""
    for stop in _WINDOW_STOP_RE.finditer(text, at, min(clause.end, at + 60)):
        if stop.group()[-1].isdigit() or stop.group()[-1].isupper():
            return stop.start()
    return min(at + 60, clause.end)


def _status(after: str, before: str) -> Literal["met", "not_met"] | None:
    after = re.split(r"[;.]|\bso với\b", after)[0]
    for words in (after, before[-25:]):
        if _NEGATIVE_RE.search(words):
            return "not_met"
        if _POSITIVE_RE.search(words):
            return "met"
    return None


def _status_extent(after: str) -> int:
    found = [m.end() for m in (_NEGATIVE_RE.search(after), _POSITIVE_RE.search(after)) if m]
    if not found:
        return 0
    end = max(found)
    more = re.match(r"\s+và\s+vượt", after[end:])
    return end + (more.end() if more else 0)


def _total_before(low: str, clause: Clause, at: int, count: int) -> int | None:
    """ "Trong 21 chỉ tiêu chủ yếu, có 18 chỉ tiêu đạt …" → 21: the targets counted before."""
    window = low[max(0, clause.sentence_start - 300, at - 600) : at]
    totals = [
        int(m.group("count"))
        for m in _TALLY_COUNT_RE.finditer(window)
        if not _status(window[m.end() : m.end() + 30].split(",")[0], "")
    ]
    totals += [int(m.group("total")) for m in _TALLY_PAIR_RE.finditer(window)]
    bigger = [t for t in totals if t > count]
    return bigger[-1] if bigger else None


def _is_tally(text: str, low: str, clause: Clause, match: re.Match[str]) -> bool:
    """No activity named before the count, and no ratio to a plan right after it."""
    if _RATIO_NEXT_RE.match(low[match.end() : match.end() + 40]):
        return False
    start = last_part_start(low, clause.start, match.start())
    words = _WORDS_RE.findall(text, start, match.start())
    named = [w for w in words if not w[:1].isupper() and lx.lower_for_match(w) not in _LEAD_OK]
    return not named


def _from_to(text: str, low: str, clause: Clause) -> list[Fact]:
    found: list[Fact] = []
    for match in _FROM_TO_RE.finditer(low, clause.start, clause.end):
        around = (
            max(clause.sentence_start, match.start() - 400),
            min(clause.sentence_end, match.end() + 200),
        )
        revision = _REVISION_RE.search(low, *around) is not None
        unit_a = read_unit(text, low, match.end())
        to = _TO_RE.match(low, unit_a.end)
        old, new = _number(match.group("a")), _number(to.group("b")) if to else None
        if to is None or old is None or new is None:
            continue
        unit_b = read_unit(text, low, to.end())
        unit = unit_b.unit or unit_a.unit
        fact = _from_to_fact(text, low, clause, match.start(), unit_b.end, old, new, unit)
        if fact is not None:
            found.append(fact if revision else _as_change(fact))
    return found


def _from_to_fact(
    text: str,
    low: str,
    clause: Clause,
    at: int,
    end: int,
    old: Decimal,
    new: Decimal,
    unit: str | None,
) -> Revision | None:
    start, lead_end, _ = lead_span(text, low, clause.start, at)
    # "… điều chỉnh chỉ tiêu X từ …" or "Chỉ tiêu X được điều chỉnh từ …"
    said = list(_REVISION_RE.finditer(low, start, lead_end))
    indicator = clean_indicator(text[said[-1].end() : lead_end]) if said else ""
    if not indicator:
        indicator = clean_indicator(text[start : said[0].start() if said else lead_end])
    if not indicator:
        return None
    start += len(text[start:lead_end]) - len(text[start:lead_end].lstrip(" ,;:("))
    quote_end = end + (1 if text[end : end + 1] == ")" and "(" in text[start:at] else 0)
    return Revision(start, quote_end, text[start:quote_end], indicator, old, new, unit)


def _as_change(revision: Revision) -> Measure:
    return Measure(
        start=revision.start,
        end=revision.end,
        quote=revision.quote,
        indicator=revision.indicator,
        value=revision.new,
        unit=revision.unit,
        previous=revision.old,
        change=revision.new - revision.old,
    )


def _number(raw: str) -> Decimal | None:
    try:
        return parse_number(raw, Convention.VIETNAMESE)
    except NumberFormatError:
        return None
