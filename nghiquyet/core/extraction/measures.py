"""Turn the figures of one clause into measures.

A measure gathers the figures that speak of one indicator. Report prose chains them with
commas, each after a verb that says its role:

    Giá trị sản xuất … chỉ tiêu 490 tỷ đồng, ước đạt được 248 tỷ đồng, đạt gần 51%
                       ^ target              ^ value (estimate)         ^ ratio to plan

A figure whose own words name no indicator ("ước đạt được", "bằng") continues the measure
before it; a figure with its own words starts a new one. What each figure is — value, target,
ratio, change — is decided in :mod:`.roles`.
"""

from __future__ import annotations

import re

from nghiquyet.core.extraction import lexicon as lx
from nghiquyet.core.extraction.facts import Measure, Qualifier
from nghiquyet.core.extraction.figures import Figure
from nghiquyet.core.extraction.indicators import (
    clean_indicator,
    is_generic,
    is_rate,
    lead_span,
    moves_in_points,
    topic_before,
)
from nghiquyet.core.extraction.roles import (
    AFTER_QUALIFIER_RE,
    MINUS,
    PLUS,
    QUALIFIER_OF,
    QUALIFIER_RE,
    VERB_TAIL_RE,
    Group,
    Look,
    partner_is_plan,
    percent_base,
    role_of,
    set_ratio,
    signed,
    target_follows,
)
from nghiquyet.core.extraction.segments import Clause

__all__ = ["read_measures"]

_WORDS_AFTER_RE = re.compile(r"(?:(?!trở\s+(?:lên|xuống))(?:[^,;:.()\n\d]|\d(?=\s+sao))){0,100}")
_COMPARED_RE = re.compile(r"(?<!\w)(?:cao|thấp|nhiều|ít|lớn|nhỏ)\s*$")
_PARTNER_RE = re.compile(r"\s?/\s?\d[\d.,]*")
_GOAL_RE = re.compile(
    r"(?<!\w)(?<!đã )(?:phấn đấu(?!\s+được)|mục tiêu đến|đề ra mục tiêu|đặt mục tiêu|mục tiêu là|"
    r"với mục tiêu)(?!\w)"
)


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
        self.groups: list[Group] = []
        self.current: Group | None = None
        self.floor = clause.start

    def add(self, figure: Figure) -> None:
        look = self.look(figure)
        own_words = bool(look.indicator) and not is_generic(look.indicator)
        continues = self.current is not None and not own_words
        role = role_of(look, self.current, continues, self.low)
        if not self.attach(look, role, continues):
            self.start_group(look, role, continues)
        ends = [figure.noun_end, look.base_end]
        self.floor = max(ends + ([self.current.end] if self.current else []))

    def look(self, figure: Figure) -> Look:
        low = self.low
        extend = self.floor == self.clause.start
        start, end, bracketed = lead_span(self.text, low, self.floor, figure.start, extend)
        tail = low[max(start, figure.start - 60) : figure.start]
        qualifier: Qualifier | None = None
        found = QUALIFIER_RE.search(tail)
        if found and _COMPARED_RE.search(tail, 0, found.start()):
            found = None  # "cao hơn 5%": a difference, not "more than"
        if found:
            qualifier = QUALIFIER_OF.get(" ".join(found.group("q").split()))
            tail = tail[: found.start()]
        after = low[figure.end : figure.end + 80]
        around = AFTER_QUALIFIER_RE.match(after)
        if around:
            qualifier = "above" if around.group("d") == "lên" else "below"
        verb = VERB_TAIL_RE.search(tail)
        percent_of, base_end = percent_base(after, figure) if figure.is_percent else (None, 0)
        return Look(
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

    def attach(self, look: Look, role: str, continues: bool) -> bool:
        """Add the figure to the measure being read, if that is where it belongs."""
        current = self.current
        if current is None:
            return False
        if role == "target" and current.target is None:
            if continues or target_follows(look, current):
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
            set_ratio(current, look)
        elif role == "change":
            current.change = current.change or signed(look)
        elif role == "value" and current.value is None:
            self.set_value(current, look)
        elif role == "value" and look.bracketed:
            pass  # "(năm 2022: 450 tỷ đồng)": a side remark, not a new result
        else:
            return False
        return True

    def start_group(self, look: Look, role: str, continues: bool) -> None:
        indicator, end = self.indicator_for(look, continues)
        if not indicator and role != "target":
            return  # a target may be named by the value after it: "KH giao 500 ha, đã trồng …"
        group = Group(indicator=indicator, start=look.lead_start, end=max(end, look.figure.end))
        group.from_words_after = end > look.figure.end
        label = self.clause.label
        since = label[0] if label else self.clause.start  # "Năm 2024, huyện phấn đấu: …"
        group.goal = _GOAL_RE.search(self.low, since, look.figure.start) is not None
        self.groups.append(group)
        self.current = group
        figure = look.figure
        if role == "target":
            group.target, group.target_unit = figure.value, figure.unit
        elif role == "ratio" and look.verb in (PLUS | MINUS) - {"vượt"}:
            self.set_value(group, look)  # growth: "GRDP tăng 6,8% so với cùng kỳ"
            if not moves_in_points(group.indicator):  # a rate moves in points: no ratio
                set_ratio(group, look)
            group.change = signed(look)
        elif role == "ratio":
            set_ratio(group, look)
        else:
            self.set_value(group, look)
            if look.verb in PLUS | MINUS and not figure.is_percent:
                group.change = signed(look)
        group.estimate = group.estimate or self.estimated(group, figure)

    def set_value(self, group: Group, look: Look) -> None:
        figure = look.figure
        group.value, group.value_qualifier = figure, look.qualifier
        group.end = max(group.end, figure.end)
        if figure.partner is not None:
            if partner_is_plan(figure, self.low, group):
                group.target = group.target or figure.partner
            else:
                group.total = figure.partner
        # A bare "đạt 49%" of a non-rate ("giải ngân đạt 49%") is also its share of plan.
        bare = figure.is_percent and look.verb in ("đạt", "được") and group.percent is None
        if bare and not is_rate(group.indicator) and not group.from_words_after:
            group.percent, group.percent_of = figure.value, "plan"
        group.estimate = group.estimate or self.estimated(group, figure)

    def estimated(self, group: Group, figure: Figure) -> bool:
        first = not self.groups or self.groups[0] is group
        since = self.clause.start if first else group.start
        return lx.ESTIMATE_RE.search(self.low, since, figure.start) is not None

    def indicator_for(self, look: Look, continues: bool) -> tuple[str, int]:
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

    def colon_label(self, look: Look) -> str:
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

    def measure(self, group: Group) -> Measure | None:
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
