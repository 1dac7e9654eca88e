"""Turn the figures of one clause into measures.

A measure gathers the figures that speak of one indicator. Report prose chains them with
commas, each after a verb that says its role:

    Giá trị sản xuất … chỉ tiêu 490 tỷ đồng, ước đạt được 248 tỷ đồng, đạt gần 51%
                       ^ target              ^ value (estimate)         ^ ratio to plan

A figure whose own words name no indicator ("ước đạt được", "bằng") continues the measure
before it; a figure with its own words starts a new one. Roles:

* ratio — a percentage of something: "đạt 100,6% kế hoạch", "bằng 95,27% so với cùng kỳ",
  "vượt 5% kế hoạch" (105 %), "tăng 8% so với cùng kỳ" after an amount (108 %);
* growth — a percentage change standing alone: "GRDP tăng 6,8% so với cùng kỳ" is the
  value 6,8 % and 106,8 % of the same period;
* target — after "chỉ tiêu", "kế hoạch", "KH", "mục tiêu", "dự toán" with no verb of
  achievement between; also the right side of "603,8ha/600ha" and "48/90 chỉ tiêu";
* change — "tăng 3,2 triệu đồng so với năm 2022" after a value, or "giảm 1,8%" after a rate
  (percentage points, not a ratio);
* value — everything else.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from nghiquyet.core.extraction import lexicon as lx
from nghiquyet.core.extraction.facts import Measure, PercentOf, Qualifier
from nghiquyet.core.extraction.figures import Figure
from nghiquyet.core.extraction.indicators import (
    clean_indicator,
    has_target_word,
    is_generic,
    is_rate,
    lead_span,
    moves_in_points,
    topic_before,
)
from nghiquyet.core.extraction.segments import Clause

__all__ = ["read_measures"]

_QUALIFIER_RE = re.compile(rf"(?<!\w)(?P<q>{lx.words_regex(w for w, _ in lx.QUALIFIERS)})\s*$")
_QUALIFIER_OF: dict[str, Qualifier] = {
    lx.lower_for_match(w): q  # type: ignore[misc]
    for w, q in lx.QUALIFIERS
}
_BASE_RE = re.compile(
    rf"^\s*(?:so\s+với\s+|so\s+|của\s+|theo\s+|với\s+)?"
    rf"(?P<base>{lx.words_regex(w for w, _ in lx.PERCENT_BASES)})(?!\w)"
)
_BASE_OF = {lx.lower_for_match(w): k for w, k in lx.PERCENT_BASES}
_OTHER_BASE_RE = re.compile(r"^\s*so\s+(?:với\s+)?\S")
_BASE_WORDS_RE = re.compile(r"(?:(?!\s+và\s)(?:[^,;:.()\d“”\"]|(?<=năm )\d{4}))*")
_VERB_TAIL_RE = re.compile(
    r"(?<!\w)(?P<v>bằng|vượt|tăng thêm|giảm thêm|tăng|giảm|cao hơn|thấp hơn|nhiều hơn|ít hơn|"
    r"chiếm|đạt|được|còn|lên|xuống|tương đương|tương ứng)(?:\s+(?:mục tiêu|kế hoạch|chỉ tiêu|kh|nq)"
    r"(?:\s+(?:nghị quyết|nq|đề ra|giao))?)?(?:\s+(?:được|mức|khoảng|là))?\s*$"
)
_TARGET_TAIL_RE = re.compile(
    rf"(?<!\w)(?<!vượt )(?<!hơn )(?:{lx.words_regex(lx.TARGET_WORDS)})"
    r"(?:\s+(?:thực hiện|giao|đề ra|đặt ra|là|năm|cả năm|của|huyện|tỉnh|xã|\d{4}|nghị quyết|"
    r"đại hội|tỉnh giao|huyện giao|giao là|đến năm|được giao|:|-))*\s*:?\s*$"
)
_WORDS_AFTER_RE = re.compile(r"(?:(?!trở\s+(?:lên|xuống))(?:[^,;:.()\n\d]|\d(?=\s+sao))){0,100}")
_PARTNER_RE = re.compile(r"\s?/\s?\d[\d.,]*")
_AFTER_QUALIFIER_RE = re.compile(r"^\s*trở\s+(?P<d>lên|xuống)(?!\w)")
_GOAL_RE = re.compile(
    r"(?<!\w)(?<!đã )(?:phấn đấu(?!\s+được)|mục tiêu đến|đề ra mục tiêu|đặt mục tiêu|mục tiêu là|"
    r"với mục tiêu)(?!\w)"
)
_PLUS = {"vượt", "tăng", "tăng thêm", "cao hơn", "nhiều hơn", "tương đương", "tương ứng"}
_MINUS = {"giảm", "giảm thêm", "thấp hơn", "ít hơn"}
_HUNDRED = Decimal(100)


@dataclass
class _Group:
    indicator: str
    start: int
    end: int
    value: Figure | None = None
    value_qualifier: Qualifier | None = None
    target: Decimal | None = None
    target_unit: str | None = None
    total: Decimal | None = None
    percent: Decimal | None = None
    percent_of: PercentOf | None = None
    percent_qualifier: Qualifier | None = None
    change: Decimal | None = None
    estimate: bool = False
    goal: bool = False
    from_words_after: bool = False


@dataclass
class _Look:
    """What the words around one figure say about it."""

    figure: Figure
    lead_start: int
    bracketed: bool
    indicator: str
    tail: str  # lower-case words just before the figure, qualifier removed
    qualifier: Qualifier | None
    verb: str | None
    percent_of: PercentOf | None  # the base named after a percentage, if any
    base_end: int  # where the base words after a percentage end


def read_measures(
    text: str, low: str, clause: Clause, figures: list[Figure], barriers: list[tuple[int, int]]
) -> list[Measure]:
    """The measures stated by ``figures`` (all inside ``clause``), in order."""
    reader = _Reader(text, low, clause)
    for figure in figures:
        blocked = [end for start, end in barriers if reader.floor <= start and end <= figure.start]
        if blocked:
            reader.floor, reader.current = max(blocked), None
        reader.add(figure)
    return [m for m in map(reader.measure, reader.groups) if m is not None]


class _Reader:
    def __init__(self, text: str, low: str, clause: Clause) -> None:
        self.text, self.low, self.clause = text, low, clause
        self.groups: list[_Group] = []
        self.current: _Group | None = None
        self.floor = clause.start

    def add(self, figure: Figure) -> None:
        look = self.look(figure)
        own_words = bool(look.indicator) and not is_generic(look.indicator)
        continues = self.current is not None and not own_words
        role = _role(look, self.current, continues, self.low)
        if not self.attach(look, role, continues):
            self.start_group(look, role, continues)
        ends = [figure.noun_end, look.base_end]
        self.floor = max(ends + ([self.current.end] if self.current else []))

    def look(self, figure: Figure) -> _Look:
        low = self.low
        extend = self.floor == self.clause.start
        start, end, bracketed = lead_span(self.text, low, self.floor, figure.start, extend)
        tail = low[max(start, figure.start - 60) : figure.start]
        qualifier: Qualifier | None = None
        found = _QUALIFIER_RE.search(tail)
        if found:
            qualifier = _QUALIFIER_OF.get(" ".join(found.group("q").split()))
            tail = tail[: found.start()]
        after = low[figure.end : figure.end + 80]
        around = _AFTER_QUALIFIER_RE.match(after)
        if around:
            qualifier = "above" if around.group("d") == "lên" else "below"
        verb = _VERB_TAIL_RE.search(tail)
        percent_of, base_end = _base(after, figure) if figure.is_percent else (None, 0)
        return _Look(
            figure=figure,
            lead_start=start,
            bracketed=bracketed,
            indicator=clean_indicator(self.text[start:end]),
            tail=tail,
            qualifier=qualifier,
            verb=verb.group("v") if verb else None,
            percent_of=percent_of,
            base_end=figure.end + base_end,
        )

    def attach(self, look: _Look, role: str, continues: bool) -> bool:
        """Add the figure to the measure being read, if that is where it belongs."""
        current = self.current
        if current is None:
            return False
        if role == "target" and current.target is None:
            if continues or _target_follows(look, current):
                current.target, current.target_unit = look.figure.value, look.figure.unit
                current.end = max(current.end, look.figure.end)
                return True
            return False
        if not current.indicator and role == "value" and current.value is None:
            current.indicator = look.indicator or current.indicator
            continues = True
        if not continues:
            return False
        if role == "ratio":
            _set_ratio(current, look)
        elif role == "change":
            current.change = current.change or _signed(look)
        elif role == "value" and current.value is None:
            self.set_value(current, look)
        elif role == "value" and look.bracketed:
            pass  # "(năm 2022: 450 tỷ đồng)": a side remark, not a new result
        else:
            return False
        return True

    def start_group(self, look: _Look, role: str, continues: bool) -> None:
        indicator, end = self.indicator_for(look, continues)
        if not indicator and role != "target":
            return  # a target may be named by the value after it: "KH giao 500 ha, đã trồng …"
        group = _Group(indicator=indicator, start=look.lead_start, end=max(end, look.figure.end))
        group.from_words_after = end > look.figure.end
        label = self.clause.label
        since = label[0] if label else self.clause.start  # "Năm 2024, huyện phấn đấu: …"
        group.goal = _GOAL_RE.search(self.low, since, look.figure.start) is not None
        self.groups.append(group)
        self.current = group
        figure = look.figure
        if role == "target":
            group.target, group.target_unit = figure.value, figure.unit
        elif role == "ratio" and look.verb in (_PLUS | _MINUS) - {"vượt"}:
            self.set_value(group, look)  # growth: "GRDP tăng 6,8% so với cùng kỳ"
            if not moves_in_points(group.indicator):  # a rate moves in points: no ratio
                _set_ratio(group, look)
            group.change = _signed(look)
        elif role == "ratio":
            _set_ratio(group, look)
        else:
            self.set_value(group, look)
            if look.verb in _PLUS | _MINUS and not figure.is_percent:
                group.change = _signed(look)
        group.estimate = group.estimate or self.estimated(group, figure)

    def set_value(self, group: _Group, look: _Look) -> None:
        figure = look.figure
        group.value, group.value_qualifier = figure, look.qualifier
        group.end = max(group.end, figure.end)
        if figure.partner is not None:
            if _partner_is_plan(figure, self.low, group):
                group.target = group.target or figure.partner
            else:
                group.total = figure.partner
        # A bare "đạt 49%" of a non-rate ("giải ngân đạt 49%") is also its share of plan.
        bare = figure.is_percent and look.verb in ("đạt", "được") and group.percent is None
        if bare and not is_rate(group.indicator) and not group.from_words_after:
            group.percent, group.percent_of = figure.value, "plan"
        group.estimate = group.estimate or self.estimated(group, figure)

    def estimated(self, group: _Group, figure: Figure) -> bool:
        first = not self.groups or self.groups[0] is group
        since = self.clause.start if first else group.start
        return lx.ESTIMATE_RE.search(self.low, since, figure.start) is not None

    def indicator_for(self, look: _Look, continues: bool) -> tuple[str, int]:
        """The indicator a new measure is about, and where the words naming it end."""
        figure = look.figure
        if continues and self.current is not None:
            # "có 3 xã đạt chuẩn …, 1 xã đạt chuẩn … kiểu mẫu": each names its own, when the
            # measure before was named the same way; "khen thưởng 29 tập thể và 31 cá nhân"
            # shares its verb.
            words, end = self.words_after(figure)
            if self.current.from_words_after and words:
                return words, end
            return self.current.indicator, figure.end
        indicator = look.indicator
        if indicator and not is_generic(indicator):
            noun = _without_scale(figure.noun)
            short = len(indicator.split()) <= 2 and noun and not look.percent_of
            return (f"{indicator} {noun}" if short else indicator), figure.noun_end
        label = self.colon_label(look)
        if label:
            return label, figure.end
        if not indicator and not look.percent_of:  # "Đến nay, 100% xã có …": name comes after
            words, end = self.words_after(figure)
            if words:
                return words, end
        topic = topic_before(self.text, self.low, self.floor, look.lead_start)
        if topic:
            return (f"{topic} ({indicator})" if indicator else topic), figure.end
        return indicator, figure.end

    def colon_label(self, look: _Look) -> str:
        """ "Thu ngân sách: 150 tỷ đồng" — the words before the colon name the figure."""
        label = self.clause.label
        if label is None or self.groups or look.lead_start != self.clause.start:
            return ""
        name = clean_indicator(self.text[label[0] : label[1]])
        return "" if is_generic(name) else name

    def words_after(self, figure: Figure) -> tuple[str, int]:
        """ "Đến nay, 100% xã có đường ô tô …": the figure comes first, its indicator after."""
        at = figure.end if figure.is_measure_unit else figure.start + len(figure.raw)
        if figure.unit and not figure.is_measure_unit:  # "98/121 xã đạt chuẩn …" → "xã đạt …"
            at = self.low.rfind(lx.lower_for_match(figure.unit), figure.start, figure.end)
        elif figure.partner is not None:  # "6/6 thôn giữ chuẩn …"
            partner = _PARTNER_RE.match(self.low, at)
            at = partner.end() if partner else at
        match = _WORDS_AFTER_RE.match(self.low, at)
        end = match.end() if match else at
        words = clean_indicator(self.text[at:end], subject=False)
        return words, end

    def measure(self, group: _Group) -> Measure | None:
        value = group.value
        if value is None and group.percent is None and group.target is None:
            return None
        if not group.indicator:
            return None
        goal = group.goal or (value is None and group.percent is None)
        raw = self.text[group.start : group.end]
        start = group.start + len(raw) - len(raw.lstrip(" ,;:("))
        target = group.target
        if target is None and goal and value is not None:
            target = value.value
        return Measure(
            start=start,
            end=group.end,
            quote=self.text[start : group.end],
            indicator=group.indicator,
            value=value.value if value else (group.target if goal else None),
            unit=value.unit if value else (group.target_unit if goal else None),
            qualifier=group.value_qualifier or group.percent_qualifier,
            estimate=group.estimate,
            target=target,
            percent=group.percent,
            percent_of=group.percent_of if group.percent is not None else None,
            change=group.change,
            total=group.total,
            upper=value.upper if value else None,
            goal=goal,
            noun=value.noun if value else None,
        )


def _without_scale(noun: str | None) -> str | None:
    """ "triệu lượt khách du lịch" → "lượt khách du lịch": the scale belongs to the figure."""
    if not noun:
        return noun
    words = noun.split()
    while words and lx.lower_for_match(words[0]) in lx.SCALE:
        words = words[1:]
    return " ".join(words) or None


def _base(after: str, figure: Figure) -> tuple[PercentOf | None, int]:
    """What a percentage is of, from the words after it, and where those words end."""
    base = _BASE_RE.match(after)
    if base:
        name = " ".join(base.group("base").split())
        kind: PercentOf = _BASE_OF.get(name, "other")  # type: ignore[assignment]
        if "cùng" in name or re.match(r"\s*(?:năm|kỳ)\s+trước", after[base.end() :]):
            kind = "same_period" if "cùng" in name or "kỳ" in name else kind
    elif _OTHER_BASE_RE.match(after):
        kind = "other"
    else:
        return None, 0
    rest = _BASE_WORDS_RE.match(after)
    return kind, rest.end() if rest else 0


def _role(look: _Look, current: _Group | None, continues: bool, low: str) -> str:
    figure = look.figure
    if _TARGET_TAIL_RE.search(look.tail):
        return "target"
    if (
        look.bracketed
        and current is not None
        and current.value is not None
        and has_target_word(low[look.lead_start : figure.start])
    ):
        return "target"
    current = current if continues else None
    if figure.is_percent:
        return _percent_role(look, current)
    if look.verb in _PLUS | _MINUS and current is not None and current.value is not None:
        return "change"
    return "value"


def _percent_role(look: _Look, current: _Group | None) -> str:
    moves = look.verb in _PLUS | _MINUS
    if current is None:
        return "ratio" if look.percent_of or look.verb == "bằng" or moves else "value"
    value = current.value
    rate = value is not None and value.is_percent
    if moves:
        return "change" if rate else "ratio"
    if look.percent_of or look.verb == "bằng":
        return "ratio"
    amount = (value is not None and not rate) or current.target is not None
    return "ratio" if amount and look.verb in ("đạt", "được", "chiếm") else "value"


def _target_follows(look: _Look, current: _Group) -> bool:
    """ "… đạt 540kg/người/năm, đảm bảo mục tiêu … (360kg/người/năm)": the plan of the value."""
    value = current.value
    return value is not None and look.bracketed and value.unit == look.figure.unit


def _set_ratio(group: _Group, look: _Look) -> None:
    group.end = max(group.end, look.base_end)
    if group.percent is not None:
        return
    value = look.figure.value
    if look.verb in _PLUS:
        value = _HUNDRED + value
    elif look.verb in _MINUS:
        value = _HUNDRED - value
    group.percent, group.percent_qualifier = value, look.qualifier
    group.percent_of = look.percent_of or _default_base(look, group)


def _default_base(look: _Look, group: _Group) -> PercentOf:
    if look.verb == "chiếm" or group.total is not None:  # a share: "98/121 xã …, đạt 81%"
        return "other"
    if look.verb in (_PLUS | _MINUS) - {"vượt"}:
        return "same_period"  # "tăng 10,2%" with no base: on the same period a year before
    return "plan"


def _signed(look: _Look) -> Decimal:
    return -look.figure.value if look.verb in _MINUS else look.figure.value


def _partner_is_plan(figure: Figure, low: str, group: _Group) -> bool:
    """ "603,8ha/600ha" and "48/90 chỉ tiêu" are against a plan; "85/104 xã" is a share."""
    if figure.unit_both_sides:
        return True
    if figure.noun and has_target_word(lx.lower_for_match(figure.noun)):
        return True
    if figure.is_measure_unit:  # "1.428/1340 tỷ đồng": money and land against a plan
        return True
    return has_target_word(low[group.start : figure.end + 40])
