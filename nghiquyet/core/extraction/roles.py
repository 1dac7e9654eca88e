"""What one figure is in its clause: a value, a target, a ratio to something, or a change.

Report prose says it with the verb in front of the figure and the words after it:

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
from nghiquyet.core.extraction.facts import PercentOf, Qualifier
from nghiquyet.core.extraction.figures import Figure
from nghiquyet.core.extraction.indicators import has_target_word

__all__ = [
    "AFTER_QUALIFIER_RE",
    "MINUS",
    "PLUS",
    "QUALIFIER_OF",
    "QUALIFIER_RE",
    "VERB_TAIL_RE",
    "Group",
    "Look",
    "partner_is_plan",
    "percent_base",
    "role_of",
    "set_ratio",
    "signed",
    "target_follows",
]

QUALIFIER_RE = re.compile(rf"(?<!\w)(?P<q>{lx.words_regex(w for w, _ in lx.QUALIFIERS)})\s*$")
QUALIFIER_OF: dict[str, Qualifier] = {
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
VERB_TAIL_RE = re.compile(
    r"(?<!\w)(?P<v>bằng|vượt|tăng thêm|giảm thêm|tăng|giảm|cao hơn|thấp hơn|nhiều hơn|ít hơn|"
    r"chiếm|đạt|được|còn|lên|xuống|tương đương|tương ứng)(?:\s+(?:mục tiêu|kế hoạch|chỉ tiêu|kh|nq)"
    r"(?:\s+(?:nghị quyết|nq|đề ra|giao))?)?(?:\s+(?:được|mức|khoảng|là))?\s*$"
)
_TARGET_TAIL_RE = re.compile(
    rf"(?<!\w)(?<!vượt )(?<!hơn )(?:{lx.words_regex(lx.TARGET_WORDS)})"
    r"(?:\s+(?:thực hiện|giao|đề ra|đặt ra|là|năm|cả năm|của|huyện|tỉnh|xã|\d{4}|nghị quyết|"
    r"đại hội|tỉnh giao|huyện giao|giao là|đến năm|được giao|:|-))*\s*:?\s*$"
)
AFTER_QUALIFIER_RE = re.compile(r"^\s*trở\s+(?P<d>lên|xuống)(?!\w)")
PLUS = {"vượt", "tăng", "tăng thêm", "cao hơn", "nhiều hơn", "tương đương", "tương ứng"}
MINUS = {"giảm", "giảm thêm", "thấp hơn", "ít hơn"}
_HUNDRED = Decimal(100)


@dataclass
class Group:
    """One measure being read: the figures gathered so far for one indicator."""

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
class Look:
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


def percent_base(after: str, figure: Figure) -> tuple[PercentOf | None, int]:
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


def role_of(look: Look, current: Group | None, continues: bool, low: str) -> str:
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
        return _percentrole_of(look, current)
    if look.verb in PLUS | MINUS and current is not None and current.value is not None:
        return "change"
    return "value"


def _percentrole_of(look: Look, current: Group | None) -> str:
    moves = look.verb in PLUS | MINUS
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


def target_follows(look: Look, current: Group) -> bool:
    """ "… đạt 540kg/người/năm, đảm bảo mục tiêu … (360kg/người/năm)": the plan of the value."""
    value = current.value
    return value is not None and look.bracketed and value.unit == look.figure.unit


def set_ratio(group: Group, look: Look) -> None:
    group.end = max(group.end, look.base_end)
    if group.percent is not None:
        return
    value = look.figure.value
    if look.verb in PLUS:
        value = _HUNDRED + value
    elif look.verb in MINUS:
        value = _HUNDRED - value
    group.percent, group.percent_qualifier = value, look.qualifier
    group.percent_of = look.percent_of or _defaultpercent_base(look, group)


def _defaultpercent_base(look: Look, group: Group) -> PercentOf:
    if look.verb == "chiếm" or group.total is not None:  # a share: "98/121 xã …, đạt 81%"
        return "other"
    if look.verb in (PLUS | MINUS) - {"vượt"}:
        return "same_period"  # "tăng 10,2%" with no base: on the same period a year before
    return "plan"


def signed(look: Look) -> Decimal:
    return -look.figure.value if look.verb in MINUS else look.figure.value


def partner_is_plan(figure: Figure, low: str, group: Group) -> bool:
    """ "603,8ha/600ha" and "48/90 chỉ tiêu" are against a plan; "85/104 xã" is a share."""
    if figure.unit_both_sides:
        return True
    if figure.noun and has_target_word(lx.lower_for_match(figure.noun)):
        return True
    if figure.is_measure_unit:  # "1.428/1340 tỷ đồng": money and land against a plan
        return True
    return has_target_word(low[group.start : figure.end + 40])
