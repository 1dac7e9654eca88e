"""Which indicator of a resolution a phrase read from prose most likely names.

Pure Python (no Django): the review page hands in the phrase the extraction found
("kết nạp đảng viên") and the resolution's indicators as :class:`Candidate` values, and gets
them back ranked with a score from 0 to 1.

The comparison is tone-mark insensitive: both sides are folded with
:func:`nghiquyet.core.text.fold` ("Kết nạp Đảng viên" → "ket nap dang vien"), so "thủy"/"thuỷ"
and text typed without marks still match. It is fuzzy in two ways, blended:

* **coverage** — the share of the indicator's syllables found in the phrase, each syllable
  counted once and allowed a near miss (difflib ratio ≥ 0,8: a typo, "nong"/"nông" already
  fold alike). A phrase that wraps the name in words of its own ("thực hiện diện tích cây
  trồng có lợi thế") still covers all of it;
* **likeness** — :class:`difflib.SequenceMatcher` ratio of the two folded strings, so a phrase
  that *is* the name scores above one that merely contains it.

A matching unit ("ha" and "ha") adds a little; so does a counted noun that is the unit. Below
:data:`THRESHOLD` nothing is suggested: the person picks.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher

from nghiquyet.core.text import fold

__all__ = ["THRESHOLD", "Candidate", "Match", "best_match", "rank", "score", "syllables"]

THRESHOLD = 0.45
"""Scores below this are not suggested."""

_SYLLABLE_RE = re.compile(r"[a-z0-9]+")
_NEAR = 0.8
_UNIT_BONUS = 0.05

# Words that say nothing about which indicator is meant: they are not counted as evidence.
_FILLER_WORDS = (
    "và của các những một số cho với được đã đang sẽ là có trên tại về việc thực hiện "
    "tổng chỉ tiêu năm mới đạt"
)
_FILLER = frozenset(fold(word) for word in _FILLER_WORDS.split(" "))


@dataclass(frozen=True)
class Candidate:
    """An indicator as the matcher sees it: a key to give back, its name and unit."""

    key: int
    name: str
    unit: str = ""


@dataclass(frozen=True)
class Match:
    candidate: Candidate
    score: float

    @property
    def percent(self) -> int:
        """The score as a whole percentage, for showing."""
        return round(self.score * 100)


def syllables(text: str) -> list[str]:
    """The folded syllables of ``text``: "Độ che phủ rừng (%)" → ["do", "che", "phu", "rung"]."""
    return _SYLLABLE_RE.findall(fold(text))


def _meaningful(words: Iterable[str]) -> list[str]:
    kept = [word for word in words if word not in _FILLER]
    return kept or list(words)


def _covered(word: str, pool: set[str]) -> bool:
    if word in pool:
        return True
    return len(word) > 3 and any(
        SequenceMatcher(None, word, other).ratio() >= _NEAR for other in pool
    )


def score(phrase: str, name: str, *, phrase_unit: str = "", unit: str = "") -> float:
    """How likely ``phrase`` names the indicator ``name`` (0 … 1), marks and case ignored.

    >>> round(score("kết nạp đảng viên", "Kết nạp Đảng viên mới"), 2) > 0.8
    True
    >>> score("Trồng rừng", "Tỷ lệ hộ nghèo") < THRESHOLD
    True
    """
    said = syllables(phrase)
    named = syllables(name)
    if not said or not named:
        return 0.0
    pool = set(said)
    wanted = list(dict.fromkeys(_meaningful(named)))
    coverage = sum(1 for word in wanted if _covered(word, pool)) / len(wanted)
    # The phrase's own meaningful words that the name lacks dilute the match a little.
    spoken = list(dict.fromkeys(_meaningful(said)))
    names = set(named)
    precision = sum(1 for word in spoken if _covered(word, names)) / len(spoken)
    likeness = SequenceMatcher(None, " ".join(said), " ".join(named)).ratio()
    value = 0.55 * coverage + 0.2 * precision + 0.25 * likeness
    if phrase_unit and unit and fold(phrase_unit).strip() == fold(unit).strip():
        value += _UNIT_BONUS
    return round(min(value, 1.0), 4)


def rank(phrase: str, candidates: Sequence[Candidate], *, phrase_unit: str = "") -> list[Match]:
    """Every candidate with its score, best first (ties keep the candidates' order)."""
    scored = [
        Match(c, score(phrase, c.name, phrase_unit=phrase_unit, unit=c.unit)) for c in candidates
    ]
    return sorted(scored, key=lambda match: -match.score)


def best_match(
    phrase: str, candidates: Sequence[Candidate], *, phrase_unit: str = ""
) -> Match | None:
    """The most likely candidate, or None when none reaches :data:`THRESHOLD`."""
    ranked = rank(phrase, candidates, phrase_unit=phrase_unit)
    if not ranked or ranked[0].score < THRESHOLD:
        return None
    return ranked[0]
