"""The facts extraction finds, and their JSON shape (extraction-gold/1, see score.py).

Three kinds:

* :class:`Measure` — "Trồng rừng được 603,8ha/600ha, đạt 100,6% kế hoạch": indicator
  "Trồng rừng", value 603,8 ha, target 600, percent 100,6 of the plan.
* :class:`Tally` — "27/49 chỉ tiêu đạt và vượt": 27 of 49 targets met.
* :class:`Revision` — "Độ che phủ rừng (từ 37 lên 41,3%)": target changed from 37 to 41,3 %.

Every fact keeps the character span of the text it was read from (indices into the
normalised text, see :func:`nghiquyet.core.extraction.normalize_text`), the quoted words,
and the period the text speaks of, when it says.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, Literal

__all__ = ["Extraction", "Fact", "Measure", "PeriodMention", "Revision", "Tally"]

PercentOf = Literal["plan", "resolution", "same_period", "other"]
Qualifier = Literal["above", "below", "about"]


@dataclass(frozen=True)
class PeriodMention:
    """A period named in the text: "9 tháng năm 2023" → code "2023-9M".

    ``midterm`` marks "giữa nhiệm kỳ": the term's targets judged halfway.
    """

    label: str
    code: str | None
    start: int
    end: int
    midterm: bool = False

    def to_json(self) -> dict[str, Any]:
        return {"label": self.label, "code": self.code, "midterm": self.midterm}


@dataclass
class _Base:
    start: int
    end: int
    quote: str
    period: PeriodMention | None = field(default=None, kw_only=True)

    def _common(self) -> dict[str, Any]:
        return {
            "span": [self.start, self.end],
            "quote": self.quote,
            "period": self.period.label if self.period else None,
            "period_code": self.period.code if self.period else None,
        }


@dataclass
class Measure(_Base):
    """A quantified statement about one indicator.

    ``value`` is the figure as written (362,14 with unit "tỷ đồng"); ``percent`` is an
    achievement ratio and ``percent_of`` what it is a ratio of ("đạt 100,6% kế hoạch" →
    100,6, plan). ``change`` keeps a stated rise or fall ("tăng 3,2 triệu đồng").
    """

    indicator: str
    value: Decimal | None = None
    unit: str | None = None
    qualifier: Qualifier | None = None
    estimate: bool = False
    target: Decimal | None = None
    percent: Decimal | None = None
    percent_of: PercentOf | None = None
    change: Decimal | None = None
    total: Decimal | None = None
    upper: Decimal | None = None
    previous: Decimal | None = None
    goal: bool = False
    noun: str | None = None

    kind = "measure"

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "kind": "measure",
            "indicator": self.indicator,
            "value": _num(self.value),
            "unit": self.unit,
            "qualifier": self.qualifier,
            "estimate": self.estimate,
            "target": _num(self.target),
            "percent": _num(self.percent),
            "percent_of": self.percent_of,
        }
        extras = {
            "change": _num(self.change),
            "total": _num(self.total),
            "upper": _num(self.upper),
            "from": _num(self.previous),
            "noun": self.noun,
        }
        data.update({k: v for k, v in extras.items() if v is not None})
        if self.goal:
            data["goal"] = True
        return data | self._common()


@dataclass
class Tally(_Base):
    """ "27/49 chỉ tiêu đạt và vượt" → count 27, total 49, status met."""

    count: int
    total: int
    status: Literal["met", "not_met"]

    kind = "tally"

    def to_json(self) -> dict[str, Any]:
        data = {"kind": "tally", "count": self.count, "total": self.total, "status": self.status}
        return data | self._common()


@dataclass
class Revision(_Base):
    """ "Độ che phủ rừng (từ 37 lên 41,3%)" → indicator, from 37, to 41,3, unit "%"."""

    indicator: str
    old: Decimal
    new: Decimal
    unit: str | None = None

    kind = "revision"

    def to_json(self) -> dict[str, Any]:
        data = {
            "kind": "revision",
            "indicator": self.indicator,
            "from": _num(self.old),
            "to": _num(self.new),
            "unit": self.unit,
        }
        return data | self._common()


Fact = Measure | Tally | Revision


@dataclass
class Extraction:
    """What one text yields: its facts in text order and the period it mainly reports on."""

    facts: list[Fact]
    period: PeriodMention | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "period": self.period.label if self.period else None,
            "period_code": self.period.code if self.period else None,
            "facts": [fact.to_json() for fact in self.facts],
        }


def _num(value: Decimal | None) -> int | float | None:
    """JSON numbers: 4500 stays an integer, 41.3 a float."""
    if value is None:
        return None
    if value == value.to_integral_value():
        return int(value)
    return float(value)
