"""Name what a figure measures, from the words in front of it.

Report prose puts the indicator before the figure and a verb between them:
"Diện tích trồng cây lương thực có hạt hằng năm thực hiện đạt trên 4.500ha" → the indicator
is "Diện tích trồng cây lương thực có hạt hằng năm". What is trimmed:

* openers and subjects: "như:", "Đến nay,", "Huyện ủy đã …", "Toàn huyện có …";
* verbs, qualifiers and evaluations at the end: "thực hiện đạt trên", "thấp (mới đạt";
* periods anywhere: "Giá trị sản xuất công nghiệp 9 tháng đạt" → "Giá trị sản xuất công nghiệp".
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from nghiquyet.core.extraction import lexicon as lx

__all__ = [
    "clean_indicator",
    "is_generic",
    "is_rate",
    "lead_span",
    "moves_in_points",
    "topic_before",
]

_MAX_WORDS = 16


class _Phrases:
    """A set of word sequences, matched against lists of lower-case words."""

    def __init__(self, phrases: Iterable[str]) -> None:
        self.items = frozenset(tuple(lx.lower_for_match(p).split()) for p in phrases)
        self.by_first: dict[str, list[int]] = {}
        self.by_last: dict[str, list[int]] = {}
        for item in self.items:
            self.by_first.setdefault(item[0], []).append(len(item))
            self.by_last.setdefault(item[-1], []).append(len(item))
        for sizes in (*self.by_first.values(), *self.by_last.values()):
            sizes.sort(reverse=True)

    def at(self, lows: list[str], index: int, limit: int | None = None) -> int:
        """Length of the longest phrase starting at ``index`` (0 if none)."""
        limit = len(lows) if limit is None else limit
        if index >= limit:
            return 0
        for size in self.by_first.get(lows[index], ()):
            if index + size <= limit and tuple(lows[index : index + size]) in self.items:
                return size
        return 0

    def back(self, lows: list[str], start: int, end: int) -> int:
        """Length of the longest phrase ending at ``end``, not reaching before ``start``."""
        if end <= start:
            return 0
        for size in self.by_last.get(lows[end - 1], ()):
            if end - size >= start and tuple(lows[end - size : end]) in self.items:
                before = lows[end - size - 1] if end - size > start else ""
                if (before, lows[end - size]) not in _COMPOUNDS:
                    return size
        return 0


# Words that a trailing "chỉ đạt" would cut in two.
_COMPOUNDS = frozenset({("chứng", "chỉ"), ("địa", "chỉ"), ("chủ", "trương")})
_LEADING = _Phrases(lx.LEADING_NOISE)
_TRAILING = _Phrases(lx.TRAILING_NOISE)
_GENERIC = _Phrases(lx.GENERIC)
_ASPECT = _Phrases(lx.ASPECT)
_ORG = _Phrases(lx.ORG_WORDS)
_RATE_HEAD_RE = re.compile(rf"(?<!\w)(?:{lx.words_regex(lx.RATE_HEADS)})(?!\w)")
_POINT_HEAD_RE = re.compile(rf"(?<!\w)(?:{lx.words_regex(lx.POINT_HEADS)})(?!\w)")
_PERIOD_WORDS_RE = re.compile(
    r"(?<!\w)(?:(?:từ\s+)?(?:đầu\s+)?năm\s+\d{4}\s+(?:đến|tới)\s+nay"
    r"|(?:trong\s+)?\d{1,2}\s+tháng(?:\s+(?:đầu|cuối))?(?:\s+năm)?(?:\s+\d{4})?"
    r"|(?:trong\s+|của\s+)?năm\s+\d{4}|quý\s+(?:iv|i{1,3}|\d)(?:\s*/\s*\d{4})?"
    r"|(?:bình\s+quân\s+)?(?:giữa|nửa)\s+nhiệm\s+kỳ|(?:nhiệm\s+kỳ|giai\s+đoạn)\s+\d{4}\s*[-–—]\s*\d{4}"
    r"|(?:từ\s+đầu\s+năm\s+)?đến\s+nay|từ\s+đầu\s+năm|(?:đến|tới)\s+(?:hết\s+)?năm\s+\d{4}"
    r"|đến\s+cuối\s+nhiệm\s+kỳ"
    r"|(?:tính\s+)?(?:đến\s+)?(?:hết\s+)?ngày\s+\d{1,2}\s*[/.-]\s*\d{1,2}(?:\s*[/.-]\s*\d{2,4})?"
    r"|(?:tính\s+)?(?:đến\s+)?(?:hết\s+)?tháng\s+\d{1,2}(?:\s*/\s*\d{4})?"
    r"|năm\s+học\s+\d{4}\s*[-–—]\s*\d{4}|(?:đến\s+)?(?:cuối|đầu)\s+năm(?:\s+\d{4})?"
    r"|\(?theo\s+giá\s+so\s+sánh(?:\s+năm)?(?:\s+\d{4})?\)?)(?!\w)"
)
_SPLITTERS_RE = re.compile(
    r"(?<!\w)(?:trong đó|cụ thể là|cụ thể|đó là|bao gồm|như sau|như|cho biết|cho hay|"
    r"nhấn mạnh|khẳng định|thông tin|cho thấy|đề ra mục tiêu|đặt mục tiêu|mục tiêu là|"
    r"với mục tiêu|với(?=\s+(?:tổng|số|kinh phí|giá trị|diện tích|sản lượng|quy mô|tỷ trọng|"
    r"tỷ lệ|mức)))(?!\w)"
)
_SPACES_RE = re.compile(r"\s+")
_PERIOD_HINT_RE = re.compile(r"\d|nay|nhiệm kỳ|đầu năm|cuối năm|năm học|giá so sánh")
_PUNCT = " \t\n,;:.()-–—…\"'“”‘’/"


def clean_indicator(phrase: str, subject: bool = True) -> str:
    """The indicator named in ``phrase``, or "" when it names none.

    >>> clean_indicator("Diện tích trồng cây lương thực có hạt hằng năm thực hiện đạt trên")
    'Diện tích trồng cây lương thực có hạt hằng năm'
    >>> clean_indicator("Đến nay, Huyện ủy đã ban hành")
    'ban hành'
    >>> clean_indicator("Giá trị sản xuất công nghiệp 9 tháng đạt")
    'Giá trị sản xuất công nghiệp'
    """
    phrase = _drop_periods(phrase)
    low = lx.lower_for_match(phrase)
    parts = _SPLITTERS_RE.split(low)
    if len(parts) > 1 and parts[-1].strip(_PUNCT):
        phrase, low = phrase[len(phrase) - len(parts[-1]) :], parts[-1]
    if "(" in phrase or ")" in phrase:
        phrase, low = _balance(phrase), _balance(low)
    words = phrase.split()
    lows = [w.strip(_PUNCT) for w in low.split()]
    start, end = _trim(lows)
    words, lows = words[start:end], lows[start:end]
    start = _after_subject(words, lows) if subject else 0
    words, lows = words[start:], lows[start:]
    start, end = _trim(lows)
    if subject and all(_ORG.at(lows, i) for i in range(start, end)):
        return ""  # "Hiện huyện có 6 xã …": only who acts is left, not what is measured
    result = " ".join(words[start:end][-_MAX_WORDS:]).strip(_PUNCT)
    return result + ")" if result.count("(") > result.count(")") else result


def is_generic(indicator: str) -> bool:
    """True when the words name no indicator by themselves ("bình quân", "tổng số")."""
    lows = [w.strip(_PUNCT) for w in lx.lower_for_match(indicator).split()]
    index = 0
    while index < len(lows):
        step = _GENERIC.at(lows, index) or _LEADING.at(lows, index)
        if not step:
            return False
        index += step
    return True


def moves_in_points(indicator: str) -> bool:
    """Levels in percent ("tỷ lệ …", "tốc độ tăng trưởng") change in points, not as ratios."""
    return _POINT_HEAD_RE.search(lx.lower_for_match(indicator)) is not None


def is_rate(indicator: str) -> bool:
    """Rates ("tỷ lệ …", "độ che phủ rừng") take a bare percentage as their value."""
    return _RATE_HEAD_RE.search(lx.lower_for_match(indicator)) is not None


def _drop_periods(phrase: str) -> str:
    if not _PERIOD_HINT_RE.search(phrase):
        return phrase.strip()
    low = lx.lower_for_match(phrase)
    pieces, last = [], 0
    for match in _PERIOD_WORDS_RE.finditer(low):
        pieces.append(phrase[last : match.start()])
        last = match.end()
    pieces.append(phrase[last:])
    return _SPACES_RE.sub(" ", " ".join(pieces)).strip()


def _balance(phrase: str) -> str:
    """Drop brackets that open or close outside the phrase: "thấp (mới đạt" → "thấp mới đạt"."""
    out, depth = [], 0
    for char in phrase:
        if char == "(":
            depth += 1
        elif char == ")":
            if depth == 0:
                continue
            depth -= 1
        out.append(char)
    text = "".join(out)
    while depth > 0:
        index = text.rfind("(")
        text = text[:index] + " " + text[index + 1 :]
        depth -= 1
    return text


def _trim(lows: list[str]) -> tuple[int, int]:
    start, end = 0, len(lows)
    changed = True
    while changed and start < end:
        changed = False
        step = _LEADING.at(lows, start, end)
        if step:
            start, changed = start + step, True
        back = _TRAILING.back(lows, start, end)
        if back:
            end, changed = end - back, True
        while start < end and not lows[start]:
            start, changed = start + 1, True
        while end > start and not lows[end - 1]:
            end, changed = end - 1, True
    return start, end


def _after_subject(words: list[str], lows: list[str]) -> int:
    """Index after "Huyện ủy Pác Nặm đã" / "Toàn huyện có": who acts is not what is measured."""
    for index, low in enumerate(lows[:10]):
        size = _ASPECT.at(lows, index) or (low == "có" and 1)
        if not size or index == 0:
            continue
        before = " ".join(lows[:index])
        if _RATE_HEAD_RE.search(before):
            return 0
        if _names_actor(words[:index], lows[:index]):
            return index + size
    return 0


def _names_actor(words: list[str], lows: list[str]) -> bool:
    """ "Huyện ủy", "cấp ủy, UBKT", "huyện Pác Nặm", "Ban Thường vụ": a body, not a measure."""
    has_org = any(_ORG.at(lows, i) for i in range(len(lows)))
    names = all(w[:1].isupper() or w.isdigit() or _ORG.at(lows, i) for i, w in enumerate(words))
    return has_org or names


_TARGET_ANY_RE = re.compile(rf"(?<!\w)(?:{lx.words_regex(lx.TARGET_WORDS)})(?!\w)")
_VERB_RE = re.compile(
    r"(?<!\w)(?:đều\s+)?(?:đạt|được|tăng(?!\s+(?:trưởng|cường))|giảm|là|còn)(?!\w)"
)
_CUT_RE = re.compile(r",(?!\d)|[“”\"]")


def lead_span(
    text: str, low: str, floor: int, at: int, extend: bool = True
) -> tuple[int, int, bool]:
    """Where the words leading to the figure at ``at`` start and end, and if it is bracketed.

    The lead is the comma-part before the figure, widened over short coordinated parts
    ("kiểm tra, giám sát …"). A bracket with nothing but a verb inside ("thấp (mới đạt
    49,7%)") is transparent: the words before it lead.
    """
    segment = low[floor:at]
    opened = segment.rfind("(")
    if opened > segment.rfind(")"):
        inner = floor + opened + 1
        if clean_indicator(text[inner:at]) or _TARGET_ANY_RE.search(low[inner:at]):
            return inner, at, True
        at = floor + opened
        return _part_start(text, low, floor, at, extend), at, True
    return _part_start(text, low, floor, at, extend), at, False


def _part_start(text: str, low: str, floor: int, at: int, extend: bool) -> int:
    starts = [floor] + [m.end() for m in _CUT_RE.finditer(low, floor, at)]
    start = starts[-1]
    if not extend:  # the part right after a figure is that figure's, not a coordinated name
        starts = starts[1:]
    joins_with_and = " và " in low[start:at]
    short: bool | None = None
    for previous in reversed(starts[:-1][-2:]):
        part = text[previous : start - 1]
        size = len(part.split())
        part_low = low[previous : start - 1]
        if size > 8 or _VERB_RE.search(part_low) or _TOPIC_RE.match(part_low):
            break
        if _DIGIT_RE.search(part_low) or not clean_indicator(part):
            break
        if size > 4 and not joins_with_and and short is None:
            short = 0 < len(clean_indicator(text[start:at]).split()) <= 4
        if size <= 4 or joins_with_and or short:
            # "nông, lâm, thuỷ sản": a one- or two-word part is a list; take its head too.
            joins_with_and = joins_with_and or size <= 2
            start = previous
            continue
        break
    return start


_DIGIT_RE = re.compile(r"\d")
# "Đối với lĩnh vực nông nghiệp, …": a topic for what follows, not part of its name.
_TOPIC_RE = re.compile(
    r"\s*(?:(?:đối với|về|trên|trong|ở)\s+(?:lĩnh vực|ngành|mặt|khối)|lĩnh vực|đối với)(?!\w)"
)


def last_part_start(low: str, floor: int, at: int) -> int:
    """Start of the comma-part that ends at ``at``, with no widening."""
    cuts = [m.end() for m in _CUT_RE.finditer(low, floor, at)]
    return cuts[-1] if cuts else floor


def topic_before(text: str, low: str, floor: int, start: int) -> str:
    """What the comma-part before ``start`` is about: "kết quả giải quyết việc làm đều đạt …"
    → "giải quyết việc làm". Used when a figure's own words are generic ("bình quân đạt")."""
    starts = [floor] + [m.end() for m in _CUT_RE.finditer(low, floor, start)]
    if len(starts) < 2:
        return ""
    part_low = low[starts[-2] : starts[-1] - 1]
    verb = _VERB_RE.search(part_low)
    end = starts[-2] + (verb.start() if verb else len(part_low))
    return clean_indicator(text[starts[-2] : end])


def has_target_word(low: str) -> bool:
    return _TARGET_ANY_RE.search(low) is not None
