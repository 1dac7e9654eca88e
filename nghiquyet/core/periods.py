"""Reporting periods (DESIGN.md §4): codes, Vietnamese labels, order, containment.

Codes, used in URLs, CSV and the CLI:

======== ============================== ===========================
code     meaning                        Vietnamese label
======== ============================== ===========================
2023     the year                       năm 2023
2023-H1  January–June (year to date)    6 tháng đầu năm 2023
2023-H2  July–December                  6 tháng cuối năm 2023
2023-9M  January–September (to date)    9 tháng năm 2023
2023-Q3  July–September                 quý III năm 2023
2023-M09 September                      tháng 9 năm 2023
2020-2025 a term                        nhiệm kỳ 2020 - 2025
======== ============================== ===========================

Flow values for H1 and 9M are year-to-date: 603,8 ha of forest planted "in 9 months" is the
total from 1 January, measured against the whole year's plan.

A term's clock starts at the end of its first year: the congress of 2020 sets targets for
2021–2025, and the value at the end of 2020 is the baseline. "Sau 2 năm rưỡi thực hiện Nghị
quyết" on 17 May 2023 is an elapsed share of about 0,47 of the 2020–2025 term.
"""

from __future__ import annotations

import calendar
import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

__all__ = ["Period", "PeriodError", "PeriodKind", "parse_period", "roman"]


class PeriodError(ValueError):
    """A period code or phrase that cannot be read; the message says what is accepted."""

    code = "invalid_period"


class PeriodKind(StrEnum):
    YEAR = "year"
    HALF = "half"
    NINE_MONTHS = "9m"
    QUARTER = "quarter"
    MONTH = "month"
    TERM = "term"


_ROMAN = ((10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"))


def roman(number: int) -> str:
    """Roman numerals for field headings and quarters: 1 → "I", 4 → "IV", 14 → "XIV"."""
    if number <= 0:
        raise ValueError("Roman numerals start at 1")
    parts = []
    for value, letters in (
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        *_ROMAN,
    ):
        while number >= value:
            parts.append(letters)
            number -= value
    return "".join(parts)


@dataclass(frozen=True, order=False)
class Period:
    """A reporting period. Build one with :func:`parse_period`; ``code`` round-trips."""

    kind: PeriodKind
    year: int
    number: int = 0  # half 1–2, quarter 1–4, month 1–12; for a term, its last year
    # Months are inclusive, 1-based.

    @property
    def first_month(self) -> int:
        return {
            PeriodKind.YEAR: 1,
            PeriodKind.TERM: 1,
            PeriodKind.NINE_MONTHS: 1,
            PeriodKind.HALF: 1 + 6 * (self.number - 1),
            PeriodKind.QUARTER: 1 + 3 * (self.number - 1),
            PeriodKind.MONTH: self.number,
        }[self.kind]

    @property
    def last_month(self) -> int:
        return {
            PeriodKind.YEAR: 12,
            PeriodKind.TERM: 12,
            PeriodKind.NINE_MONTHS: 9,
            PeriodKind.HALF: 6 * self.number,
            PeriodKind.QUARTER: 3 * self.number,
            PeriodKind.MONTH: self.number,
        }[self.kind]

    @property
    def last_year(self) -> int:
        return self.number if self.kind is PeriodKind.TERM else self.year

    @property
    def start(self) -> date:
        return date(self.year, self.first_month, 1)

    @property
    def end(self) -> date:
        last_day = calendar.monthrange(self.last_year, self.last_month)[1]
        return date(self.last_year, self.last_month, last_day)

    @property
    def code(self) -> str:
        return {
            PeriodKind.YEAR: f"{self.year}",
            PeriodKind.HALF: f"{self.year}-H{self.number}",
            PeriodKind.NINE_MONTHS: f"{self.year}-9M",
            PeriodKind.QUARTER: f"{self.year}-Q{self.number}",
            PeriodKind.MONTH: f"{self.year}-M{self.number:02d}",
            PeriodKind.TERM: f"{self.year}-{self.number}",
        }[self.kind]

    @property
    def label(self) -> str:
        """The Vietnamese name a report uses: "9 tháng năm 2023", "nhiệm kỳ 2020 - 2025"."""
        match self.kind:
            case PeriodKind.HALF:
                return f"6 tháng {'đầu' if self.number == 1 else 'cuối'} năm {self.year}"
            case PeriodKind.NINE_MONTHS:
                return f"9 tháng năm {self.year}"
            case PeriodKind.QUARTER:
                return f"quý {roman(self.number)} năm {self.year}"
            case PeriodKind.MONTH:
                return f"tháng {self.number} năm {self.year}"
            case PeriodKind.TERM:
                return f"nhiệm kỳ {self.year} - {self.number}"
        return f"năm {self.year}"

    @property
    def is_term(self) -> bool:
        return self.kind is PeriodKind.TERM

    @property
    def is_year_to_date(self) -> bool:
        """True for periods that run from 1 January: H1, 9M (and the year itself)."""
        return self.kind is not PeriodKind.TERM and self.first_month == 1

    @property
    def months(self) -> int:
        return (self.last_year - self.year) * 12 + self.last_month - self.first_month + 1

    @property
    def years(self) -> range:
        return range(self.year, self.last_year + 1)

    @property
    def term_years(self) -> int:
        """Years a term's targets span: 2020–2025 → 5 (the first year is the baseline)."""
        return max(self.last_year - self.year, 1)

    @property
    def baseline_date(self) -> date:
        """Where a term's clock starts: the end of its first year."""
        return date(self.year, 12, 31)

    def elapsed_share(self, at: date) -> float:
        """Share of a term (or of any period) elapsed at ``at``, clamped to 0–1.

        2020–2025 at 2023-05-17 → 0,47 (2 years 4½ months of 5).
        """
        start = self.baseline_date if self.is_term else self.start
        total = (self.end - start).days
        done = (at - start).days
        return min(max(done / total, 0.0), 1.0) if total > 0 else 1.0

    def contains(self, other: Period) -> bool:
        """Whether ``other`` lies wholly inside this period: 2023 contains 2023-9M."""
        return self.start <= other.start and other.end <= self.end

    def same_period_previous_year(self) -> Period:
        """The comparison base of "so với cùng kỳ": 2023-9M → 2022-9M."""
        if self.is_term:
            raise PeriodError("Nhiệm kỳ không có 'cùng kỳ năm trước'")
        return Period(self.kind, self.year - 1, self.number)

    def sort_key(self) -> tuple[date, date]:
        """Chronological order: by end, then the longer (earlier start) first."""
        return (self.end, self.start)

    def __lt__(self, other: Period) -> bool:
        return self.sort_key() < other.sort_key()

    def __str__(self) -> str:
        return self.code


_CODE_PATTERNS: tuple[tuple[re.Pattern[str], PeriodKind], ...] = (
    (re.compile(r"(\d{4})"), PeriodKind.YEAR),
    (re.compile(r"(\d{4})-H([12])"), PeriodKind.HALF),
    (re.compile(r"(\d{4})-6M()"), PeriodKind.HALF),
    (re.compile(r"(\d{4})-9M()"), PeriodKind.NINE_MONTHS),
    (re.compile(r"(\d{4})-Q([1-4])"), PeriodKind.QUARTER),
    (re.compile(r"(\d{4})-M(0[1-9]|1[0-2])"), PeriodKind.MONTH),
    (re.compile(r"(\d{4})\s*[-–—]\s*(\d{4})"), PeriodKind.TERM),
)

_PHRASES: tuple[tuple[re.Pattern[str], PeriodKind], ...] = (
    (re.compile(r"^(?:nhiệm kỳ|giai đoạn)\s+(\d{4})\s*[-–—]\s*(\d{4})$"), PeriodKind.TERM),
    (re.compile(r"^9 tháng(?: đầu)? năm (\d{4})()$"), PeriodKind.NINE_MONTHS),
    (re.compile(r"^6 tháng đầu năm (\d{4})()$"), PeriodKind.HALF),
    (re.compile(r"^quý ([1-4]|i{1,3}|iv)(?:/| năm )(\d{4})$"), PeriodKind.QUARTER),
    (re.compile(r"^tháng (\d{1,2})(?:/| năm )(\d{4})$"), PeriodKind.MONTH),
    (re.compile(r"^năm (\d{4})$"), PeriodKind.YEAR),
)

_ROMAN_QUARTERS = {"i": 1, "ii": 2, "iii": 3, "iv": 4}

ACCEPTED = "2023, 2023-H1, 2023-H2, 2023-9M, 2023-Q3, 2023-M09, 2020-2025"


def parse_period(text: str) -> Period:
    """Read a period code ("2023-9M") or a Vietnamese phrase ("9 tháng năm 2023").

    >>> parse_period("2023-9M").label
    '9 tháng năm 2023'
    >>> parse_period("nhiệm kỳ 2020 - 2025").code
    '2020-2025'
    """
    cleaned = unicodedata.normalize("NFC", text).strip()
    for pattern, kind in _CODE_PATTERNS:
        match = pattern.fullmatch(cleaned.upper())
        if match:
            return _build(
                text, kind, match.group(1), match.group(2) if kind is not PeriodKind.YEAR else ""
            )
    lowered = re.sub(r"\s+", " ", cleaned.lower())
    for pattern, kind in _PHRASES:
        match = pattern.match(lowered)
        if not match:
            continue
        if kind is PeriodKind.QUARTER:
            quarter = _ROMAN_QUARTERS.get(match.group(1)) or int(match.group(1))
            return _build(text, kind, match.group(2), str(quarter))
        if kind is PeriodKind.MONTH:
            return _build(text, kind, match.group(2), match.group(1))
        groups = match.groups()
        return _build(text, kind, groups[0], groups[1] if len(groups) > 1 else "")
    raise PeriodError(f"Kỳ '{text}' không hợp lệ. Các dạng được chấp nhận: {ACCEPTED}.")


def _build(text: str, kind: PeriodKind, year_text: str, number_text: str) -> Period:
    year = int(year_text)
    if not 1945 <= year <= 2100:
        raise PeriodError(f"Kỳ '{text}': năm {year} nằm ngoài khoảng hợp lý (1945–2100).")
    if kind is PeriodKind.HALF:
        return Period(kind, year, int(number_text or 1))
    if kind is PeriodKind.TERM:
        last = int(number_text)
        if last <= year:
            raise PeriodError(f"Kỳ '{text}': năm kết thúc nhiệm kỳ phải sau năm bắt đầu.")
        if last - year > 10:
            raise PeriodError(f"Kỳ '{text}': nhiệm kỳ dài hơn 10 năm — kiểm tra lại.")
        return Period(kind, year, last)
    if kind is PeriodKind.MONTH and not 1 <= int(number_text) <= 12:
        raise PeriodError(f"Kỳ '{text}': tháng phải từ 1 đến 12.")
    return Period(kind, year, int(number_text or 0))
