"""What the review page reads from a request: the source text, and one row per fact.

Nothing here writes. :func:`read_text` turns a paste or an upload into text (the reasons it
cannot are :class:`SourceError` messages, shown as they are); :func:`proposed_rows` builds the
rows the machine suggests; :func:`submitted_rows` reads back what the person confirmed,
changed or dropped. The quote of a row is never taken from the form: the server reads the
text again and quotes the fact itself.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from django.core.files.uploadedfile import UploadedFile
from django.http import QueryDict
from django.utils.translation import gettext as _

from nghiquyet.core.extraction import Extraction, Fact, Measure, SourceError, read_source
from nghiquyet.core.extraction.sources import MAX_DOCX_BYTES
from nghiquyet.core.numbers import format_number
from nghiquyet.plans.models import Indicator

from .matching import Candidate, Match, best_match, rank

PASTED = "văn bản dán"
"""The source reference of pasted text."""

MAX_PASTE = 200_000
"""Characters of pasted text read; longer text should be uploaded as a file."""


class SourceProblem(Exception):
    """The text cannot be read; ``message`` says why, for the person."""

    def __init__(self, message: str) -> None:
        self.message = message
        super().__init__(message)


def read_text(pasted: str, upload: UploadedFile[bytes] | None) -> tuple[str, str]:
    """(text, source reference) from an upload, else from the pasted text."""
    if upload is not None:
        name = upload.name or "tệp"
        if upload.size is not None and upload.size > MAX_DOCX_BYTES:
            raise SourceProblem(
                _("Tệp quá lớn: chỉ đọc tệp đến %(mb)d MB.") % {"mb": MAX_DOCX_BYTES // 2**20}
            )
        try:
            text = read_source(upload.read(), name)
        except SourceError as exc:
            raise SourceProblem(exc.message) from exc
        return text, name[:300]
    if not pasted.strip():
        raise SourceProblem(_("Hãy dán văn bản hoặc chọn một tệp (.txt, .docx, .html)."))
    if len(pasted) > MAX_PASTE:
        raise SourceProblem(
            _("Văn bản dán quá dài (hơn %(n)s ký tự): hãy lưu thành tệp rồi tải lên.")
            % {"n": format_number(MAX_PASTE)}
        )
    return pasted, PASTED


@dataclass
class Row:
    """One fact of the text: what the machine read and suggests, what the person chose."""

    number: int
    fact: Fact
    matches: list[Match] = field(default_factory=list)
    suggested: Match | None = None
    use: bool = False
    indicator_id: int | None = None
    value: str = ""
    pct: str = ""
    period: str = ""
    note: str = ""
    errors: dict[str, list[str]] = field(default_factory=dict)
    saved: object | None = None

    @property
    def measure(self) -> Measure | None:
        return self.fact if isinstance(self.fact, Measure) else None

    @property
    def anchor(self) -> str:
        return f"fact-{self.number}"

    @property
    def chosen_score(self) -> int | None:
        """The score of the indicator now chosen, as a percentage."""
        for match in self.matches:
            if match.candidate.key == self.indicator_id:
                return match.percent
        return None

    @property
    def all_errors(self) -> list[str]:
        return [message for messages in self.errors.values() for message in messages]


def candidates(indicators: list[Indicator]) -> list[Candidate]:
    return [Candidate(ind.pk, ind.name, ind.unit) for ind in indicators]


def _plain(value: Decimal | None) -> str:
    return "" if value is None else format_number(value)


def suggested_value(measure: Measure) -> str:
    """The figure as a person would type it: "ước 248 tỷ đồng", "hơn 54 ha", "48"."""
    if measure.value is None:
        return ""
    if measure.unit == "%" and measure.percent == measure.value and measure.percent_of:
        return ""  # "mới đạt 49%" of the plan is a ratio, not a value
    words = []
    if measure.estimate:
        words.append("ước")
    if measure.qualifier == "above":
        words.append("hơn")
    elif measure.qualifier == "below":
        words.append("dưới")
    words.append(format_number(measure.value))
    if measure.unit:
        words.append(measure.unit)
    return " ".join(words)


def suggested_pct(measure: Measure) -> str:
    return _plain(measure.percent) if measure.percent_of == "plan" else ""


def _rows(extraction: Extraction, pool: list[Candidate]) -> list[Row]:
    rows = []
    for number, fact in enumerate(extraction.facts, start=1):
        row = Row(number, fact)
        if isinstance(fact, Measure):
            unit = fact.unit or fact.noun or ""
            row.matches = rank(fact.indicator, pool, phrase_unit=unit)[:8]
            row.suggested = best_match(fact.indicator, pool, phrase_unit=unit)
        rows.append(row)
    return rows


def proposed_rows(extraction: Extraction, pool: list[Candidate]) -> list[Row]:
    """The machine's proposal: each measure matched to its most likely indicator."""
    main = (extraction.period.code or "") if extraction.period else ""
    rows = _rows(extraction, pool)
    for row in rows:
        measure = row.measure
        if measure is None:
            continue
        row.indicator_id = row.suggested.candidate.key if row.suggested else None
        row.use = row.suggested is not None
        row.value = suggested_value(measure)
        row.pct = suggested_pct(measure)
        code = measure.period.code if measure.period else None
        row.period = code or main
    return rows


def submitted_rows(data: QueryDict, extraction: Extraction, pool: list[Candidate]) -> list[Row]:
    """The rows as the person left them. An indicator id not offered is kept as given: the
    view refuses the whole form for it."""
    rows = _rows(extraction, pool)
    for row in rows:
        if row.measure is None:
            continue
        prefix = f"row-{row.number}-"
        row.use = data.get(prefix + "use") == "on"
        chosen = data.get(prefix + "indicator", "").strip()
        row.indicator_id = int(chosen) if chosen.isdigit() else None
        if chosen and row.indicator_id is None:
            row.indicator_id = -1  # junk: refused by the view
        row.value = data.get(prefix + "value", "").strip()[:200]
        row.pct = data.get(prefix + "pct", "").strip()[:40]
        row.period = data.get(prefix + "period", "").strip()[:20]
        row.note = data.get(prefix + "note", "").strip()[:2000]
    return rows


@dataclass
class Piece:
    """A stretch of the text: plain, or the words of fact ``number``."""

    text: str
    number: int | None = None
    kind: str = ""


def highlighted(text: str, facts: list[Fact]) -> list[Piece]:
    """The text cut into plain stretches and facts, for marking each fact in the page."""
    pieces: list[Piece] = []
    at = 0
    for number, fact in sorted(enumerate(facts, start=1), key=lambda item: item[1].start):
        if fact.start < at or fact.end <= fact.start:
            continue  # overlaps the fact before: it is listed, not marked twice
        if fact.start > at:
            pieces.append(Piece(text[at : fact.start]))
        pieces.append(Piece(text[fact.start : fact.end], number, fact.kind))
        at = fact.end
    if at < len(text):
        pieces.append(Piece(text[at:]))
    return pieces
