"""Find the quantified statements in Vietnamese prose: reports, speeches, news articles.

    >>> facts = extract("Trồng rừng được 603,8ha/600ha, đạt 100,6% kế hoạch.")
    >>> m = facts[0]
    >>> m.indicator, m.value, m.unit, m.target, m.percent, m.percent_of
    ('Trồng rừng', Decimal('603.8'), 'ha', Decimal('600'), Decimal('100.6'), 'plan')

The reading, in order (each step is a module here):

1. :mod:`.segments` cuts the text into sentences and clauses (";", ": ") and finds the
   periods it names ("9 tháng năm 2023", "giữa nhiệm kỳ 2020 - 2025").
2. :mod:`.patterns` reads the fixed turns of phrase: tallies ("27/49 chỉ tiêu đạt và vượt")
   and "từ 37 lên 41,3%" (a revision when the sentence speaks of adjusting targets).
3. :mod:`.figures` finds every other number that states a quantity, with its scale and unit
   (:mod:`.units`), and drops the ones that date, order or name ("ngày 17/5", "lần thứ 15",
   "Covid-19").
4. :mod:`.measures` gathers the figures of a clause into measures; :mod:`.roles` decides what
   each figure is by the verb in front of it and the words after (value, target, ratio to
   plan or same period, change); :mod:`.indicators` names what each measure is about.

The word lists all of this reads with are in :mod:`.lexicon`.

Pure Python: no Django, no I/O except :mod:`.sources`, which turns the bytes of a .txt,
.html or .docx file into text, safely. Rules, not a statistical model: every decision can be
read in the code and tested with a sentence.
"""

from __future__ import annotations

import re

from nghiquyet.core.extraction.facts import (
    Extraction,
    Fact,
    Measure,
    PercentOf,
    PeriodMention,
    Revision,
    Tally,
)
from nghiquyet.core.extraction.figures import find_figures
from nghiquyet.core.extraction.lexicon import lower_for_match, normalize_text
from nghiquyet.core.extraction.measures import read_measures
from nghiquyet.core.extraction.patterns import find_patterns
from nghiquyet.core.extraction.segments import (
    document_period,
    find_periods,
    period_at,
    split_clauses,
)
from nghiquyet.core.extraction.sources import SourceError, read_source

_DIGIT_RE = re.compile(r"\d")
_YEAR_BEFORE_RE = re.compile(r"so\s+(?:với\s+)?(?:cùng\s+kỳ\s+)?năm\s+(trước|ngoái|\d{4})")

__all__ = [
    "Extraction",
    "Fact",
    "Measure",
    "PeriodMention",
    "Revision",
    "SourceError",
    "Tally",
    "extract",
    "extract_document",
    "normalize_text",
    "read_source",
]


def extract(text: str) -> list[Fact]:
    """Every quantified statement in ``text``, in text order. See :func:`extract_document`."""
    return extract_document(text).facts


def extract_document(text: str) -> Extraction:
    """The facts of ``text`` and the period it reports on.

    Spans index ``normalize_text(text)`` (NFC, "\\n" line ends), which is ``text`` itself
    for ordinary UTF-8 prose.

    >>> doc = extract_document("9 tháng năm 2023, huyện mới đạt 16/38 chỉ tiêu.")
    >>> doc.period.code, doc.facts[0].count, doc.facts[0].total, doc.facts[0].status
    ('2023-9M', 16, 38, 'met')
    """
    text = normalize_text(text)
    low = lower_for_match(text)
    mentions = find_periods(low)
    starts = [mention.start for mention in mentions]
    main_period = document_period(low, mentions)
    clauses = split_clauses(text)
    patterns = [
        find_patterns(text, low, clause)
        if _DIGIT_RE.search(text, clause.start, clause.end)
        else ([], [])
        for clause in clauses
    ]
    used = [span for _, spans in patterns for span in spans]
    figures = iter(find_figures(text, low, used))
    pending = next(figures, None)
    facts: list[Fact] = []
    for clause, (found, spans) in zip(clauses, patterns, strict=True):
        if pending is None and not found:
            continue
        inside = []
        while pending is not None and pending.start < clause.end:
            if pending.start >= clause.start:
                inside.append(pending)
            pending = next(figures, None)
        found.extend(read_measures(text, low, clause, inside, spans))
        for fact in found:
            fact.period = period_at(mentions, starts, clause, fact.start) or main_period
            if isinstance(fact, Measure) and fact.percent_of == "other":
                fact.percent_of = _year_before(fact) or fact.percent_of
        facts.extend(sorted(found, key=lambda fact: fact.start))
    return Extraction(facts=_once(facts), period=main_period)


def _year_before(fact: Measure) -> PercentOf | None:
    """ "bằng 108,44% so với năm 2022" in a report on 2023 is the same period a year before."""
    compared = _YEAR_BEFORE_RE.search(lower_for_match(fact.quote))
    code = fact.period.code if fact.period else None
    if compared is None or not code or len(code) == 9:  # no period, or a term
        return None
    if compared.group(1) in ("trước", "ngoái") or int(compared.group(1)) == int(code[:4]) - 1:
        return "same_period"
    return None


def _once(facts: list[Fact]) -> list[Fact]:
    """Each fact once: a headline or a repeated caption restates what the body says."""
    seen: set[tuple[object, ...]] = set()
    kept = []
    for fact in facts:
        key = _identity(fact)
        if key not in seen:
            seen.add(key)
            kept.append(fact)
    return kept


def _identity(fact: Fact) -> tuple[object, ...]:
    if isinstance(fact, Tally):
        return ("tally", fact.count, fact.total, fact.status)
    if isinstance(fact, Revision):
        return ("revision", lower_for_match(fact.indicator), fact.old, fact.new)
    return (
        "measure",
        lower_for_match(fact.indicator),
        fact.value,
        fact.unit,
        fact.percent,
        fact.target,
    )
