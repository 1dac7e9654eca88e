"""Vietnamese numbers: parse what people type and write, format what we print.

The rules (DESIGN.md §6):

* "." groups thousands and "," is the decimal mark: "4.500" = 4500, "41,3" = 41.3,
  "1.462.149" = 1462149, "1.234,5" = 1234.5.
* A lone comma followed by exactly three digits ("4,500") is 4,5 by the Vietnamese rule but
  often 4500 typed the English way. Unless the caller declares the convention, that is an
  :class:`AmbiguousNumber` — we never guess.
* Scale words multiply: nghìn/ngàn (10³), vạn (10⁴), triệu (10⁶), tỷ/tỉ (10⁹), and they chain:
  "4,6 nghìn tỷ" = 4,6·10¹².
* Qualifiers in front of a figure say how it compares: "trên"/"hơn" (above), "dưới" (below),
  "khoảng"/"gần" (about), "từ … trở lên" (at least), "không quá"/"tối đa" (at most), and a
  range "6,6–6,8" or "từ 6,6 đến 6,8".

Everything here is pure: no Django, no I/O. Values are :class:`decimal.Decimal` so that
"41,3" stays 41,3 and never becomes 41.29999.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, replace
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from enum import StrEnum

__all__ = [
    "AmbiguousNumber",
    "Comparator",
    "Convention",
    "NumberFormatError",
    "Quantity",
    "format_number",
    "format_percent",
    "parse_number",
    "parse_quantity",
    "scale_of_unit",
]


class NumberFormatError(ValueError):
    """A figure that cannot be read. ``reason`` says why, in Vietnamese, for the person."""

    code = "invalid_number"

    def __init__(self, text: str, reason: str) -> None:
        self.text = text
        self.reason = reason
        super().__init__(f"'{text}': {reason}")


class AmbiguousNumber(NumberFormatError):
    """A figure with two plausible readings, e.g. "4,500" (4,5 or 4.500)."""

    code = "ambiguous_number"


class Convention(StrEnum):
    """How separators are to be read.

    ``TYPED``: Vietnamese, but a lone ",ddd" is refused as ambiguous (forms, imports).
    ``VIETNAMESE``: the source declares Vietnamese format, so "," is always the decimal mark
    (prose, our own output, files that say so). ``ENGLISH``: "," groups, "." is decimal.
    """

    TYPED = "typed"
    VIETNAMESE = "vi"
    ENGLISH = "en"


class Comparator(StrEnum):
    """How a figure relates to the value it states."""

    EQ = "eq"  # 41,3
    GT = "gt"  # trên 90, hơn 54
    GTE = "gte"  # từ 90 trở lên, tối thiểu 90
    LT = "lt"  # dưới 4
    LTE = "lte"  # không quá 4, tối đa 4
    ABOUT = "about"  # khoảng 4, gần 51
    RANGE = "range"  # 6,6–6,8

    @property
    def score_qualifier(self) -> str | None:
        """The coarse qualifier of the extraction format (above/below/about)."""
        return {
            Comparator.GT: "above",
            Comparator.GTE: "above",
            Comparator.LT: "below",
            Comparator.LTE: "below",
            Comparator.ABOUT: "about",
        }.get(self)


SCALE_WORDS: dict[str, Decimal] = {
    "nghìn": Decimal(1000),
    "ngàn": Decimal(1000),
    "vạn": Decimal(10_000),
    "triệu": Decimal(1_000_000),
    "tỷ": Decimal(1_000_000_000),
    "tỉ": Decimal(1_000_000_000),
}

_DIGITS = r"[0-9]+(?:[.,\u00a0\u202f ][0-9]+)*"
_NUMBER_RE = re.compile(rf"[-−]?{_DIGITS}")
_DASHES = "-–—−"  # hyphen, en dash, em dash, minus

# Prefixes, longest first, each with what it means. Matched on NFC lower-case text.
_PREFIXES: tuple[tuple[str, Comparator | None, bool], ...] = (
    ("ước thực hiện", None, True),
    ("ước đạt", None, True),
    ("ước", None, True),
    ("ưth", None, True),
    ("không vượt quá", Comparator.LTE, False),
    ("không quá", Comparator.LTE, False),
    ("tối đa", Comparator.LTE, False),
    ("không dưới", Comparator.GTE, False),
    ("tối thiểu", Comparator.GTE, False),
    ("ít nhất", Comparator.GTE, False),
    ("trên", Comparator.GT, False),
    ("hơn", Comparator.GT, False),
    ("vượt", Comparator.GT, False),
    ("dưới", Comparator.LT, False),
    ("khoảng", Comparator.ABOUT, False),
    ("xấp xỉ", Comparator.ABOUT, False),
    ("gần", Comparator.ABOUT, False),
    ("đạt", None, False),
    ("là", None, False),
)


@dataclass(frozen=True)
class Quantity:
    """A figure as people state it: "trên 4.500 ha", "ước 248 tỷ đồng", "6,6–6,8 %".

    ``value`` is the figure (for a range: its lower bound), with scale words applied;
    ``upper`` is set for ranges only. ``unit`` is the rest of the text ("ha", "đồng", "%").
    ``scale`` is the factor of the scale words the text carried (1 when it had none).
    """

    raw: str
    value: Decimal
    comparator: Comparator = Comparator.EQ
    upper: Decimal | None = None
    unit: str | None = None
    scale: Decimal = Decimal(1)
    estimate: bool = False

    @property
    def lower(self) -> Decimal:
        return self.value

    def in_unit(self, unit: str | None) -> Quantity:
        """Express the quantity in ``unit``: "4,6 nghìn tỷ" in "tỷ đồng" is 4.600.

        A figure typed without scale words ("248") is taken to be in ``unit`` already; one
        with scale words is divided by the scale of ``unit`` ("tỷ đồng" → 10⁹).
        """
        if self.scale == 1:
            return replace(self, unit=unit)
        factor = scale_of_unit(unit)
        return replace(
            self,
            value=_normalize(self.value / factor),
            upper=None if self.upper is None else _normalize(self.upper / factor),
            unit=unit,
            scale=Decimal(1),
        )


def parse_number(text: str, convention: Convention = Convention.TYPED) -> Decimal:
    """Read one bare number written the Vietnamese way.

    >>> parse_number("4.500"), parse_number("41,3"), parse_number("1.462.149")
    (Decimal('4500'), Decimal('41.3'), Decimal('1462149'))

    "4,500" raises :class:`AmbiguousNumber` unless ``convention`` says how to read it.
    """
    raw = text
    text = _clean(text)
    if not text:
        raise NumberFormatError(raw, "ô trống, không có số")
    negative = text[0] in "-−"
    body = text[1:].strip() if negative else text
    if not re.fullmatch(_DIGITS, body):
        raise NumberFormatError(raw, "không phải là một số (chỉ gồm chữ số, dấu '.' và ',')")
    value = _read_digits(raw, body, convention)
    return -value if negative else value


def parse_quantity(text: str, convention: Convention = Convention.TYPED) -> Quantity:
    """Read a figure with its qualifier, scale and unit.

    >>> q = parse_quantity("trên 4.500ha")
    >>> q.comparator, q.value, q.unit
    (<Comparator.GT: 'gt'>, Decimal('4500'), 'ha')
    >>> parse_quantity("4,6 nghìn tỷ đồng").value
    Decimal('4600000000000')
    >>> q = parse_quantity("6,6–6,8%")
    >>> q.comparator, q.value, q.upper, q.unit
    (<Comparator.RANGE: 'range'>, Decimal('6.6'), Decimal('6.8'), '%')
    """
    raw = text
    text = _clean(text).lower()
    if not text:
        raise NumberFormatError(raw, "ô trống, không có số")
    comparator, estimate, text = _strip_prefixes(text)
    if text.startswith("từ ") and ("trở lên" in text or " đến " in text):
        text = text[3:].strip()
        if "trở lên" in text:
            text = text.replace("trở lên", " ").strip()
            comparator = _single(raw, comparator, Comparator.GTE)

    match = _NUMBER_RE.match(text)
    if not match:
        raise NumberFormatError(raw, "không tìm thấy con số")
    first = parse_number(match.group(), convention)
    rest = text[match.end() :].strip()

    upper: Decimal | None = None
    range_match = re.match(rf"(?:[{_DASHES}]|đến)\s*({_NUMBER_RE.pattern})", rest)
    if range_match:
        upper = parse_number(range_match.group(1), convention)
        rest = rest[range_match.end() :].strip()
        comparator = _single(raw, comparator, Comparator.RANGE)
        if upper < first:
            raise NumberFormatError(raw, "khoảng giá trị ngược: cận dưới lớn hơn cận trên")

    scale, rest = _strip_scale(rest)
    unit = rest.strip(" .;:") or None
    if unit is not None and re.search(r"[0-9]", unit):
        raise NumberFormatError(raw, f"có chữ số thừa sau con số: '{unit}'")
    return Quantity(
        raw=raw,
        value=_normalize(first * scale),
        comparator=comparator or Comparator.EQ,
        upper=None if upper is None else _normalize(upper * scale),
        unit=unit,
        scale=scale,
        estimate=estimate,
    )


def scale_of_unit(unit: str | None) -> Decimal:
    """The factor the scale words at the front of a unit carry: "tỷ đồng" → 10⁹, "ha" → 1."""
    if not unit:
        return Decimal(1)
    scale, _ = _strip_scale(_clean(unit).lower())
    return scale


def format_number(value: Decimal | float | int, decimals: int | None = None) -> str:
    """Write a number the Vietnamese way: 4500 → "4.500", 41.3 → "41,3", 1462149 → "1.462.149".

    ``decimals=None`` keeps every significant decimal; otherwise rounds half up and drops
    trailing zeros ("100,6" not "100,60").
    """
    number = Decimal(str(value)) if not isinstance(value, Decimal) else value
    if decimals is not None:
        number = number.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
    number = _normalize(number)
    sign = "-" if number < 0 else ""
    text = f"{abs(number):f}"
    whole, _, frac = text.partition(".")
    groups: list[str] = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    groups.insert(0, whole)
    result = sign + ".".join(groups)
    return f"{result},{frac}" if frac else result


def format_percent(value: Decimal | float | int, decimals: int = 1) -> str:
    """A percentage as reports print it: 100.625 → "100,6 %"."""
    return f"{format_number(value, decimals)} %"


# --- helpers -------------------------------------------------------------------------------


def _clean(text: str) -> str:
    text = unicodedata.normalize("NFC", text).strip()
    return re.sub(r"\s+", " ", text)


def _strip_prefixes(text: str) -> tuple[Comparator | None, bool, str]:
    comparator: Comparator | None = None
    estimate = False
    changed = True
    while changed:
        changed = False
        for word, meaning, is_estimate in _PREFIXES:
            if text.startswith(word) and (len(text) == len(word) or not text[len(word)].isalpha()):
                text = text[len(word) :].strip(" :")
                estimate = estimate or is_estimate
                if meaning is not None:
                    if comparator is not None and comparator != meaning:
                        raise NumberFormatError(text, "có hai từ so sánh mâu thuẫn nhau")
                    comparator = meaning
                changed = True
                break
    return comparator, estimate, text


def _single(raw: str, current: Comparator | None, new: Comparator) -> Comparator:
    if current not in (None, new):
        raise NumberFormatError(raw, "có hai cách so sánh mâu thuẫn nhau")
    return new


def _strip_scale(text: str) -> tuple[Decimal, str]:
    scale = Decimal(1)
    changed = True
    while changed:
        changed = False
        for word, factor in SCALE_WORDS.items():
            if text.startswith(word) and (len(text) == len(word) or not text[len(word)].isalpha()):
                scale *= factor
                text = text[len(word) :].strip()
                changed = True
    return scale, text


def _read_digits(raw: str, body: str, convention: Convention) -> Decimal:
    body = re.sub(r"[\u00a0\u202f ]", " ", body)
    if " " in body:
        if not re.fullmatch(r"[0-9]{1,3}( [0-9]{3})+(,[0-9]+)?", body):
            raise NumberFormatError(raw, "khoảng trắng giữa các chữ số không đúng nhóm 3 chữ số")
        body = body.replace(" ", ".")
    group, decimal_mark = (",", ".") if convention is Convention.ENGLISH else (".", ",")
    if body.count(decimal_mark) > 1:
        raise NumberFormatError(raw, f"có nhiều hơn một dấu thập phân '{decimal_mark}'")
    whole, _, frac = body.partition(decimal_mark)
    if group in frac:
        raise NumberFormatError(
            raw, f"dấu '{group}' đứng sau dấu thập phân '{decimal_mark}' — số viết sai quy ước"
        )
    if group in whole and not re.fullmatch(rf"[0-9]{{1,3}}(\{group}[0-9]{{3}})+", whole):
        hint = (
            "số thập phân dùng dấu ',' (ví dụ 41,3); dấu '.' chỉ để phân cách hàng nghìn, "
            "theo sau đúng 3 chữ số (ví dụ 4.500)"
            if convention is not Convention.ENGLISH
            else "dấu ',' phân cách hàng nghìn phải theo sau đúng 3 chữ số"
        )
        raise NumberFormatError(raw, hint)
    # "4,500": 4,5 by the Vietnamese rule, 4.500 the English way. "0,500" has one reading.
    thousands_reading_possible = not whole.startswith("0")
    if (
        convention is Convention.TYPED
        and len(frac) == 3
        and group not in whole
        and thousands_reading_possible
    ):
        alt = format_number(Decimal(whole + frac))
        here = format_number(Decimal(f"{whole}.{frac}"))
        raise AmbiguousNumber(
            raw,
            f"không rõ là {here} hay {alt} — hãy ghi '{here}' hoặc '{alt}'",
        )
    digits = whole.replace(group, "") + (f".{frac}" if frac else "")
    try:
        return _normalize(Decimal(digits))
    except InvalidOperation as exc:  # pragma: no cover - the regex above admits digits only
        raise NumberFormatError(raw, "không phải là một số") from exc


def _normalize(value: Decimal) -> Decimal:
    """Drop trailing zeros without switching to exponent notation: 4.500 stays 4500."""
    if value == value.to_integral_value():
        return value.quantize(Decimal(1))
    return value.normalize()
