"""Cut prose into sentences and clauses, and find the periods it names.

A *sentence* ends at ".", "!", "?", "…" followed by a space, or at a line break. A *clause*
is a piece of a sentence between ";" and ": " (outside brackets): report prose strings its
results together with semicolons ("…đạt 60% kế hoạch; xuất khẩu lao động được 217 người…").
Commas are weaker still and are handled where indicators are read.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from functools import lru_cache
from itertools import pairwise
from typing import NamedTuple

from nghiquyet.core.extraction.facts import PeriodMention
from nghiquyet.core.periods import PeriodError, PeriodKind, parse_period

__all__ = ["Clause", "document_period", "find_periods", "split_clauses"]


class Clause(NamedTuple):
    """A stretch of one sentence between ";" or ": " marks."""

    start: int
    end: int
    sentence_start: int
    sentence_end: int
    label: tuple[int, int] | None = None  # "Thu ngân sách: 150 tỷ đồng" → the words before ":"


_SENTENCE_END_RE = re.compile(r"\n|[.!?]+(?=[\s\"”’)]|$)|…+|\.{3,}")
_CLAUSE_MARK_RE = re.compile(r"[();]|:(?= )")
_VISIBLE_RE = re.compile(r"\S")


def split_clauses(text: str) -> list[Clause]:
    """The clauses of ``text`` in order.

    >>> text = "A đạt 5 ha; B 6 ha. C: 7 ha"
    >>> [text[c.start : c.end] for c in split_clauses(text)]
    ['A đạt 5 ha', ' B 6 ha', ' C', ' 7 ha']
    """
    clauses: list[Clause] = []
    start = 0
    for match in _SENTENCE_END_RE.finditer(text):
        clauses.extend(_clauses_of(text, start, match.start()))
        start = match.end()
    clauses.extend(_clauses_of(text, start, len(text)))
    return clauses


def _clauses_of(text: str, start: int, end: int) -> list[Clause]:
    if not _VISIBLE_RE.search(text, start, end):
        return []
    if not _CLAUSE_MARK_RE.search(text, start, end):
        return [Clause(start, end, start, end)]
    cuts = [start]
    depth = 0
    for mark in _CLAUSE_MARK_RE.finditer(text, start, end):
        char = mark.group()
        if char == "(":
            depth += 1
        elif char == ")":
            depth = max(depth - 1, 0)
        elif depth == 0:
            cuts.append(mark.start() + 1)
    cuts.append(end + 1)
    clauses = []
    previous: tuple[int, int] | None = None
    for a, b in pairwise(cuts):
        label = previous if a > start and text[a - 1] == ":" else None
        if b - 1 > a:
            clauses.append(Clause(a, b - 1, start, end, label))
        previous = (a, b - 1)
    return clauses


_PERIOD_RE = re.compile(
    r"(?<!\w)(?=[gnqbsc0-9])(?:(?P<mid>(?:giữa|nửa)\s+nhiệm\s+kỳ)"
    r"(?:\s+(?P<m1>\d{4})\s*[-–—]\s*(?P<m2>\d{4}))?"
    r"|(?:nhiệm\s+kỳ|giai\s+đoạn)\s+(?P<t1>\d{4})\s*[-–—]\s*(?P<t2>\d{4})"
    r"|(?<![\d\w])(?P<months>0?[369]|ba|sáu|chín)\s+tháng(?:\s+(?P<part>đầu|cuối))?(?:\s+năm)?"
    r"(?:\s+(?P<my>\d{4}))?(?![\d/])"
    r"|quý\s+(?P<q>iv|i{1,3}|[1-4])(?!\w)(?:\s*(?:/|năm)\s*(?P<qy>\d{4}))?"
    r"|(?<!\w)năm\s+(?P<y>\d{4})(?![\d/-]))"
)
# "so với cùng kỳ năm 2022", "đến năm 2025": a comparison or a horizon, not the period.
_NOT_PERIOD_BEFORE_RE = re.compile(
    r"(?:cùng kỳ|so với|đến|từ|trước|sau|vào|đến hết|đến cuối|tới|giai đoạn)\s*$"
)


def find_periods(low: str) -> list[PeriodMention]:
    """The periods named in ``low`` (lower-cased text), in order, years filled in.

    >>> [p.code for p in find_periods("9 tháng đầu năm 2023, so với cùng kỳ năm 2022")]
    ['2023-9M']
    """
    mentions: list[PeriodMention] = []
    for match in _PERIOD_RE.finditer(low):
        if _NOT_PERIOD_BEFORE_RE.search(low[max(0, match.start() - 16) : match.start()]):
            continue
        mention = _mention(match)
        if mention is not None:
            mentions.append(mention)
        if match.group("m1"):  # "nửa nhiệm kỳ 2010-2015" names the term too
            term = _coded(f"{match.group('m1')}-{match.group('m2')}", *match.span())
            mentions.extend([term] if term else [])
    return _fill_years(mentions)


def _mention(match: re.Match[str]) -> PeriodMention | None:
    start, end = match.span()
    groups = match.groupdict()
    if groups["mid"]:
        return PeriodMention("giữa nhiệm kỳ", None, start, end, midterm=True)
    if groups["t1"]:
        return _coded(f"{groups['t1']}-{groups['t2']}", start, end)
    if groups["months"]:
        spelled = {"ba": 3, "sáu": 6, "chín": 9}
        months, part = spelled.get(groups["months"]) or int(groups["months"]), groups["part"]
        code = {9: "9M", 6: "H2" if part == "cuối" else "H1", 3: "Q4" if part == "cuối" else ""}
        if not code[months]:
            return None
        year = groups["my"] or "????"
        return _coded(f"{year}-{code[months]}", start, end)
    if groups["q"]:
        quarter = {"i": 1, "ii": 2, "iii": 3, "iv": 4}.get(groups["q"]) or int(groups["q"])
        return _coded(f"{groups['qy'] or '????'}-Q{quarter}", start, end)
    return _coded(groups["y"], start, end)


def _coded(code: str, start: int, end: int) -> PeriodMention | None:
    if code.startswith("????"):
        return PeriodMention(code, None, start, end)
    named = _label_and_code(code)
    return PeriodMention(named[0], named[1], start, end) if named else None


@lru_cache(maxsize=512)
def _label_and_code(code: str) -> tuple[str, str] | None:
    """("9 tháng năm 2023", "2023-9M") for "2023-9M"; the same codes recur in every text."""
    try:
        period = parse_period(code)
    except PeriodError:
        return None
    return period.label, period.code


def _fill_years(mentions: list[PeriodMention]) -> list[PeriodMention]:
    """A "9 tháng đầu năm" with no year takes it from the nearest mention that has one."""
    dated = [m for m in mentions if m.code and not m.midterm]
    filled: list[PeriodMention] = []
    for mention in mentions:
        if mention.code is not None or mention.midterm:
            filled.append(mention)
            continue
        near = min(dated, key=lambda m: abs(m.start - mention.start), default=None)
        if near is not None and near.code:
            label = mention.label.replace("????", near.code[:4])
            dated_mention = _coded(label, mention.start, mention.end)
            if dated_mention is not None:
                filled.append(dated_mention)
    return filled


def document_period(low: str, mentions: list[PeriodMention]) -> PeriodMention | None:
    """The period a text reports on.

    A mid-term review ("sơ kết giữa nhiệm kỳ") names its term; otherwise the most named
    sub-year period ("9 tháng năm 2023") wins over a year, and a year over a term.
    """
    terms = [m for m in mentions if m.code and len(m.code) == 9 and m.code[4] == "-"]
    midterm = next((m for m in mentions if m.midterm), None)
    if midterm is not None and terms:
        term = min(terms, key=lambda m: abs(m.start - midterm.start))
        return PeriodMention(
            f"giữa {term.label}", term.code, midterm.start, midterm.end, midterm=True
        )
    if terms and re.search(r"tổng kết\s+(?:\d+\s+năm\s+)?(?:thực hiện\s+)?nhiệm kỳ", low):
        return _most_named(terms)
    for kinds in (
        (PeriodKind.NINE_MONTHS, PeriodKind.HALF, PeriodKind.QUARTER),
        (PeriodKind.YEAR,),
        (PeriodKind.TERM,),
    ):
        chosen = [m for m in mentions if m.code and _kind(m.code) in kinds]
        chosen = [m for m in chosen if not (m.code or "").endswith(("Q4", "H2"))] or chosen
        if chosen:
            return _most_named(chosen)
    return None


def _kind(code: str) -> PeriodKind | None:
    try:
        return parse_period(code).kind
    except PeriodError:
        return None


def _most_named(mentions: list[PeriodMention]) -> PeriodMention:
    counts = Counter(m.code for m in mentions)
    best = max(counts.values())
    return next(m for m in mentions if counts[m.code] == best)


def period_at(
    mentions: list[PeriodMention], starts: list[int], clause: Clause, at: int
) -> PeriodMention | None:
    """The period named last before ``at`` in the same sentence, if any.

    ``starts`` are the mentions' start offsets, in order (for bisection).
    """
    index = bisect_left(starts, at) - 1
    while index >= 0 and mentions[index].start >= clause.sentence_start:
        if not mentions[index].midterm:
            return mentions[index]
        index -= 1
    return None
