"""Turn the figures of one clause into measures.

A measure gathers the figures that speak of one indicator. Report prose chains them with
commas, each after a verb that says its role:

    Giá trị sản xuất … chỉ tiêu 490 tỷ đồng, ước đạt được 248 tỷ đồng, đạt gần 51%
                       ^ target              ^ value (estimate)         ^ ratio to plan

A figure whose own words name no indicator ("ước đạt được", "bằng") continues the measure
before it; a figure with its own words starts a new one. Roles:

* ratio — a percentage of something: "đạt 100,6% kế hoạch", "bằng 95,27% so với cùng kỳ",
  "vượt 5% kế hoạch" (105 %), "tăng 8% so với cùng kỳ" after an amount (108 %);
* target — after "chỉ tiêu", "kế hoạch", "KH", "mục tiêu", "dự toán" with no verb of
  achievement between; also the right side of "603,8ha/600ha" and "48/90 chỉ tiêu";
* change — "tăng 3,2 triệu đồng so với năm 2022" after a value;
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
    topic_before,
)
from nghiquyet.core.extraction.segments import Clause

__all__ = ["read_measures"]

_QUALIFIER_RE = re.compile(rf"(?<!\w)(?P<q>{lx.words_regex(w for w, _ in lx.QUALIFIERS)})\s*$")
_QUALIFIER_OF = {lx.lower_for_match(w): q for w, q in lx.QUALIFIERS}
_BASE_RE = re.compile(
    rf"^\s*(?P<so>so\s+với\s+|so\s+|của\s+|theo\s+|với\s+)?"
    rf"(?P<base>{lx.words_regex(w for w, _ in lx.PERCENT_BASES)})(?!\w)"
)
_BASE_OF = {lx.lower_for_match(w): k for w, k in lx.PERCENT_BASES}
_OTHER_BASE_RE = re.compile(r"^\s*so\s+(?:với\s+)?\S")
_VERB_TAIL_RE = re.compile(
    r"(?<!\w)(?P<v>bằng|vượt|tăng thêm|giảm thêm|tăng|giảm|cao hơn|thấp hơn|nhiều hơn|ít hơn|"
    r"chiếm|đạt|được|còn|lên|xuống)(?:\s+(?:được|mức|khoảng|là))?\s*$"
)
_TARGET_TAIL_RE = re.compile(
    rf"(?<!\w)(?:{lx.words_regex(lx.TARGET_WORDS)})"
    r"(?:\s+(?:thực hiện|giao|đề ra|đặt ra|là|năm|cả năm|của|huyện|tỉnh|xã|\d{4}|nghị quyết|"
    r"đại hội|tỉnh giao|huyện giao|giao là|đến năm|được giao|:|-))*\s*:?\s*$"
)
_SAME_PERIOD_TAIL_RE = re.compile(
    r"^\s*so\s+(?:với\s+)?(?:cùng\s+kỳ\s+)?(?:năm\s+(?:\d{4}|trước)|đầu\s+năm|"
    r"đầu\s+nhiệm\s+kỳ|tháng\s+trước|quý\s+trước|kỳ\s+trước)"
)
_AFTER_QUALIFIER_RE = re.compile(r"^\s*trở\s+(?P<d>lên|xuống)(?!\w)")
_GOAL_RE = re.compile(r"(?<!\w)(?:phấn đấu|mục tiêu đến|kế hoạch năm \d{4}|chỉ tiêu năm \d{4})")
_PLUS = {"vượt", "tăng", "tăng thêm", "cao hơn", "nhiều hơn"}
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
    bare_percent: bool = False
    estimate: bool = False
    goal: bool = False


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
    after: str  # lower-case text just after the figure


def read_measures(
    text: str, low: str, clause: Clause, figures: list[Figure], barriers: list[tuple[int, int]]
) -> list[Measure]:
    """The measures stated by ``figures`` (all inside ``clause``), in order."""
    groups: list[_Group] = []
    current: _Group | None = None
    floor = clause.start
    for figure in figures:
        blocked = [end for start, end in barriers if floor <= start and end <= figure.start]
        if blocked:
            floor, current = max(blocked), None
        look = _look(text, low, floor, figure)
        current = _place(text, low, clause, look, current, groups, floor)
        floor = figure.end
    return [m for m in (_measure(text, low, clause, g) for g in groups) if m is not None]


def _look(text: str, low: str, floor: int, figure: Figure) -> _Look:
    start, end, bracketed = lead_span(text, low, floor, figure.start)
    tail = low[max(start, figure.start - 60) : figure.start]
    qualifier_match = _QUALIFIER_RE.search(tail)
    qualifier = None
    if qualifier_match:
        qualifier = _qualifier_of(qualifier_match.group("q"))
        tail = tail[: qualifier_match.start()]
    after = low[figure.end : figure.end + 60]
    above = _AFTER_QUALIFIER_RE.match(after)
    if above:
        qualifier = "above" if above.group("d") == "lên" else "below"
    verb = _VERB_TAIL_RE.search(tail)
    return _Look(
        figure=figure,
        lead_start=start,
        bracketed=bracketed,
        indicator=clean_indicator(text[start:end]),
        tail=tail,
        qualifier=qualifier,
        verb=verb.group("v") if verb else None,
        after=after,
    )


def _qualifier_of(words: str) -> Qualifier | None:
    key = " ".join(words.split())
    found = _QUALIFIER_OF.get(key)
    return found if found in ("above", "below", "about") else None  # type: ignore[return-value]


def _place(
    text: str,
    low: str,
    clause: Clause,
    look: _Look,
    current: _Group | None,
    groups: list[_Group],
    floor: int,
) -> _Group | None:
    """Put one figure where it belongs; return the measure now being read."""
    own_words = bool(look.indicator) and not is_generic(look.indicator)
    continues = current is not None and not own_words
    role = _role(look, current, continues, low)
    if role == "ratio" and continues and current is not None:
        _set_ratio(current, look, current)
        return current
    if role == "change" and continues and current is not None:
        current.change = current.change or _signed(look)
        return current
    target_here = current is not None and (continues or _target_follows(look, current))
    if role == "target" and current is not None and current.target is None and target_here:
        current.target, current.target_unit = look.figure.value, look.figure.unit
        current.end = max(current.end, look.figure.end)
        return current
    if role == "value" and continues and current is not None and current.value is None:
        _set_value(current, look, low)
        return current
    if continues and current is not None and look.bracketed:
        return current  # "(năm 2022: 450 tỷ đồng)": a side remark, not a new result
    indicator = _indicator_for(text, low, floor, look, current if continues else None)
    if not indicator:
        return current
    group = _Group(indicator=indicator, start=look.lead_start, end=look.figure.end)
    group.goal = _GOAL_RE.search(low[clause.start : look.figure.start]) is not None
    groups.append(group)
    _fill(group, look, role, low)
    return group


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
    if not continues:
        current = None
    if figure.is_percent:
        return _percent_role(look, current)
    if look.verb in _PLUS | _MINUS and current is not None and current.value is not None:
        return "change"
    return "value"


def _percent_role(look: _Look, current: _Group | None) -> str:
    base = _BASE_RE.match(look.after) or _OTHER_BASE_RE.match(look.after)
    has_amount = current is not None and (
        (current.value is not None and not current.value.is_percent) or current.target is not None
    )
    if look.verb in _PLUS | _MINUS and current is not None and current.value is not None:
        # "tăng 8% so với cùng kỳ" after an amount is 108 %; after a rate it moves in points.
        return "ratio" if has_amount or look.verb == "vượt" else "change"
    if base or look.verb in ("bằng", "vượt"):
        return "ratio"
    if look.verb in ("đạt", "được", "chiếm") and has_amount:
        return "ratio"
    return "value"


def _target_follows(look: _Look, current: _Group) -> bool:
    """ "… đạt 540kg/người/năm, đảm bảo mục tiêu … (360kg/người/năm)": the plan of the value."""
    value = current.value
    return value is not None and look.bracketed and value.unit == look.figure.unit


def _set_ratio(group: _Group, look: _Look, current: _Group) -> None:
    percent, percent_of = _ratio(look, current)
    base = _BASE_RE.match(look.after) or _SAME_PERIOD_TAIL_RE.match(look.after)
    group.end = look.figure.end + (base.end() if base else 0)
    if group.percent is None:
        group.percent, group.percent_of = percent, percent_of
        group.percent_qualifier = look.qualifier


def _ratio(look: _Look, current: _Group | None) -> tuple[Decimal, PercentOf | None]:
    value = look.figure.value
    base = _BASE_RE.match(look.after)
    percent_of: PercentOf | None
    if (
        base
        and re.match(r"\s*(?:năm|kỳ)\s+(?:\d{4}|trước)", look.after[base.end() :])
        and ("cùng" in base.group())
    ):
        percent_of = "same_period"
    elif base:
        percent_of = _BASE_OF.get(" ".join(base.group("base").split()), "other")  # type: ignore[assignment]
    elif _OTHER_BASE_RE.match(look.after):
        percent_of = "other"
    else:
        percent_of = "plan"
    if look.verb in _PLUS:
        value = _HUNDRED + value
    elif look.verb in _MINUS:
        value = _HUNDRED - value
    return value, percent_of


def _signed(look: _Look) -> Decimal:
    return -look.figure.value if look.verb in _MINUS else look.figure.value


def _set_value(group: _Group, look: _Look, low: str) -> None:
    figure = look.figure
    group.value, group.value_qualifier, group.end = figure, look.qualifier, figure.end
    if figure.partner is not None:
        if _partner_is_plan(figure, low, group):
            group.target = group.target or figure.partner
        else:
            group.total = figure.partner
    group.estimate = (
        group.estimate or lx.ESTIMATE_RE.search(low[group.start : figure.start]) is not None
    )


def _partner_is_plan(figure: Figure, low: str, group: _Group) -> bool:
    """ "603,8ha/600ha" and "48/90 chỉ tiêu" are against a plan; "85/104 xã" is a share."""
    if figure.partner_unit is not None and figure.partner_unit == figure.unit:
        return True
    if figure.noun and has_target_word(figure.noun):
        return True
    return has_target_word(low[group.start : figure.end + 40])


def _fill(group: _Group, look: _Look, role: str, low: str) -> None:
    figure = look.figure
    if role == "target":
        group.target, group.target_unit = figure.value, figure.unit
    elif role == "ratio":
        _set_ratio(group, look, group)
    else:
        _set_value(group, look, low)
        if figure.is_percent:
            _percent_value(group, look)
    if role == "change" or (look.verb in _PLUS | _MINUS and not figure.is_percent):
        group.change = _signed(look)


def _percent_value(group: _Group, look: _Look) -> None:
    """A bare "đạt 49%": the rate itself, or — for a non-rate — also its share of the plan."""
    base = _BASE_RE.match(look.after) or _OTHER_BASE_RE.match(look.after)
    if look.verb in _PLUS | _MINUS and base:
        percent, group.percent_of = _ratio(look, None)
        group.percent, group.change = percent, _signed(look)
    elif look.verb in ("đạt", "được", None) and not is_rate(group.indicator):
        group.percent, group.percent_of, group.bare_percent = look.figure.value, "plan", True


def _indicator_for(text: str, low: str, floor: int, look: _Look, current: _Group | None) -> str:
    if current is not None:
        return current.indicator
    indicator = look.indicator
    if indicator and not is_generic(indicator):
        return indicator
    topic = topic_before(text, low, floor, look.lead_start)
    if topic:
        return f"{topic} ({indicator})" if indicator else topic
    figure = look.figure
    after = figure.noun or ""
    if figure.unit and not figure.is_measure_unit:
        after = figure.unit + " " + _words_after(text, low, figure.end)
    elif figure.is_measure_unit or figure.unit is None:
        after = after or _words_after(text, low, figure.end)
    return clean_indicator(after) or indicator


def _words_after(text: str, low: str, at: int) -> str:
    match = re.match(r"[^,;:.()\n]{0,80}", low[at:])
    end = at + (match.end() if match else 0)
    return text[at:end].strip()


def _measure(text: str, low: str, clause: Clause, group: _Group) -> Measure | None:
    value = group.value
    if value is None and group.percent is None and group.target is None:
        return None
    goal = group.goal or (value is None and group.percent is None)
    start = (
        group.start
        + len(text[group.start : group.end])
        - len(text[group.start : group.end].lstrip(" ,;:("))
    )
    return Measure(
        start=start,
        end=group.end,
        quote=text[start : group.end],
        indicator=group.indicator,
        value=value.value if value else (group.target if goal else None),
        unit=value.unit if value else (group.target_unit if goal else None),
        qualifier=group.value_qualifier or group.percent_qualifier,
        estimate=group.estimate,
        target=group.target
        if group.target is not None
        else (value.value if goal and value else None),
        percent=group.percent,
        percent_of=group.percent_of if group.percent is not None else None,
        change=group.change,
        total=group.total,
        upper=value.upper if value else None,
        goal=goal,
        noun=value.noun if value else None,
    )
