"""Vietnamese text from before Unicode: TCVN3 (ABC, ".VnTime" fonts), VNI and Windows-1258.

Offices still hold tables typed in the 1990s fonts. Saved from Excel, such text arrives either
as bytes in a legacy code page (a CSV) or as Unicode characters that only *look* Vietnamese in
the old font ("Trång rõng" is TCVN3 for "Trồng rừng", "Troàng röøng" is VNI). We convert when
we are certain and refuse when we are not — a wrong guess would turn names into other names.

"Certain" is measured: every word with a non-ASCII letter is checked against the shape of a
Vietnamese syllable (onset, vowels, final consonant, at most one tone mark, only sắc or nặng
before -c, -ch, -p, -t). Mojibake breaks those rules almost everywhere; real text almost never.

Everything here is pure: no Django, no I/O.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

__all__ = [
    "Decoded",
    "EncodingUnknown",
    "Legacy",
    "Verdict",
    "convert",
    "decode_bytes",
    "detect",
    "from_tcvn3",
    "from_vni",
    "is_vietnamese_syllable",
]


class Legacy(StrEnum):
    UNICODE = "unicode"
    TCVN3 = "tcvn3"
    VNI = "vni"
    CP1258 = "windows-1258"


LABELS = {
    Legacy.UNICODE: "Unicode",
    Legacy.TCVN3: "TCVN3 (ABC, phông .VnTime)",
    Legacy.VNI: "VNI (phông VNI-Times)",
    Legacy.CP1258: "Windows-1258",
}

# --- TCVN3 (TCVN 5712:1993, VN3): one byte per letter --------------------------------------
# Lower-case letters with their tones, in the order: no tone, huyền, sắc, hỏi, ngã, nặng.
_TCVN3_ROWS = {
    "a": "a\xb5\xb8\xb6\xb7\xb9",
    "ă": "\xa8\xbb\xbe\xbc\xbd\xc6",
    "â": "\xa9\xc7\xca\xc8\xc9\xcb",
    "e": "e\xcc\xd0\xce\xcf\xd1",
    "ê": "\xaa\xd2\xd5\xd3\xd4\xd6",
    "i": "i\xd7\xdd\xd8\xdc\xde",
    "o": "o\xdf\xe3\xe1\xe2\xe4",
    "ô": "\xab\xe5\xe8\xe6\xe7\xe9",
    "ơ": "\xac\xea\xed\xeb\xec\xee",
    "u": "u\xef\xf3\xf1\xf2\xf4",
    "ư": "\xad\xf5\xf8\xf6\xf7\xf9",
    "y": "y\xfa\xfd\xfb\xfc\xfe",
}
_TONE_MARKS = ("", "\u0300", "\u0301", "\u0309", "\u0303", "\u0323")  # huyền sắc hỏi ngã nặng
_TCVN3_UPPER = {"\xa1": "Ă", "\xa2": "Â", "\xa3": "Ê", "\xa4": "Ô", "\xa5": "Ơ", "\xa6": "Ư"}


def _with_tone(letter: str, tone: int) -> str:
    return unicodedata.normalize("NFC", letter + _TONE_MARKS[tone])


def _tcvn3_table() -> dict[int, str]:
    table: dict[int, str] = {0xAE: "đ", 0xA7: "Đ"}
    for letter, codes in _TCVN3_ROWS.items():
        for tone, code in enumerate(codes):
            if ord(code) >= 0x80:
                table[ord(code)] = _with_tone(letter, tone)
    table.update({ord(code): letter for code, letter in _TCVN3_UPPER.items()})
    return table


_TCVN3 = _tcvn3_table()


def from_tcvn3(text: str) -> str:
    """TCVN3 characters (as Latin-1 code points) to Unicode: "Trång rõng" → "Trồng rừng"."""
    return text.translate(_TCVN3)


# --- VNI: a base letter followed by one or two mark characters -----------------------------
# Tone marks after a vowel, lower/upper: huyền ø/Ø, sắc ù/Ù, hỏi û/Û, ngã õ/Õ, nặng ï/Ï.
_VNI_TONES = ("", "øØ", "ùÙ", "ûÛ", "õÕ", "ïÏ")
# â, ê, ô: circumflex alone â/Â, or circumflex with tone: à/À á/Á å/Å ã/Ã ä/Ä.
_VNI_HAT = ("âÂ", "àÀ", "áÁ", "åÅ", "ãÃ", "äÄ")
# ă: breve alone ê/Ê, or with tone: è/È é/É ú/Ú ü/Ü ë/Ë.
_VNI_BREVE = ("êÊ", "èÈ", "éÉ", "úÚ", "üÜ", "ëË")
# Letters that are one character of their own: ơ ô/Ô, ư ö/Ö, đ ñ/Ñ, and the i family.
_VNI_I = ("iI", "ìÌ", "íÍ", "æÆ", "óÓ", "òÒ")


def _vni_table() -> dict[str, str]:
    table: dict[str, str] = {"ñ": "đ", "Ñ": "Đ"}
    for tone in range(6):
        for case in (0, 1):
            up = case == 1

            def cased(letter: str, up: bool = up) -> str:
                return letter.upper() if up else letter

            for base in "aeouy":
                if tone:
                    for mark in _VNI_TONES[tone]:
                        table[cased(base) + mark] = cased(_with_tone(base, tone))
            for base, target in (("a", "â"), ("e", "ê"), ("o", "ô")):
                for mark in _VNI_HAT[tone]:
                    table[cased(base) + mark] = cased(_with_tone(target, tone))
            for mark in _VNI_BREVE[tone]:
                table[cased("a") + mark] = cased(_with_tone("ă", tone))
            for own, target in (("ô", "ơ"), ("ö", "ư")):
                head = cased(own)
                if tone:
                    for mark in _VNI_TONES[tone]:
                        table[head + mark] = cased(_with_tone(target, tone))
                else:
                    table[head] = cased(target)
            if tone:
                table[_VNI_I[tone][case]] = cased(_with_tone("i", tone))
    # ỵ has a character of its own, î/Î, instead of y + ï.
    table["î"], table["Î"] = "ỵ", "Ỵ"
    return table


_VNI = _vni_table()
_VNI_RE = re.compile("|".join(re.escape(key) for key in sorted(_VNI, key=len, reverse=True)))


def from_vni(text: str) -> str:
    """VNI characters (as Windows-1252 code points) to Unicode: "Troàng röøng" → "Trồng rừng"."""
    return _VNI_RE.sub(lambda match: _VNI[match.group()], text)


# --- The shape of a Vietnamese syllable ---------------------------------------------------
_TONE_CHARS = frozenset(_TONE_MARKS[1:])
_ONSET = r"(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnprstvx])?"
_OPEN = (
    "ai|ao|au|ay|âu|ây|eo|êu|iu|oi|ôi|ơi|ui|ưi|ưu|iêu|yêu|oai|oay|oao|oeo|uây|uôi|uya|"
    "uyu|ươi|ươu|ia|ua|ưa|uơ"
)
_CLOSED = "a|ă|â|e|ê|i|o|ô|ơ|u|ư|y|iê|yê|oa|oă|oe|oo|uâ|uê|uô|uy|ươ|uyê"
_SYLLABLE = re.compile(
    rf"{_ONSET}(?:(?P<open>{_OPEN})|(?P<nucleus>{_CLOSED})(?P<coda>ch|nh|ng|[cmnpt])?)"
)
_STOPS = frozenset({"c", "ch", "p", "t"})


def is_vietnamese_syllable(word: str) -> bool:
    """Whether ``word`` has the shape of one Vietnamese syllable.

    "trồng", "rừng", "nghiêng", "khuya" pass; "trång" (TCVN3 seen as Latin-1), "chaøo" (VNI),
    "càc" (huyền before -c) and "ắá" (two tones) do not.
    """
    decomposed = unicodedata.normalize("NFD", word.lower())
    tones = [ch for ch in decomposed if ch in _TONE_CHARS]
    if len(tones) > 1:
        return False
    base = unicodedata.normalize("NFC", "".join(ch for ch in decomposed if ch not in _TONE_CHARS))
    match = _SYLLABLE.fullmatch(base)
    if match is None:
        return False
    # Syllables closed by -c, -ch, -p, -t take only sắc or nặng: "các", "bạn", never "càc".
    return not (match.group("coda") in _STOPS and tones and tones[0] not in ("\u0301", "\u0323"))


_TOKEN = re.compile(r"[^\s0-9!-/:-@\[-`{-~]+")
# Characters that Vietnamese Unicode text never holds but the legacy fonts are made of.
_SUSPECT = frozenset("µ¸¶·¹¨»¾¼½Æ©ÇË®ÐÎÏÑªÖ×ØÜÞßäå«æçë¬îïñö÷øûüþ\xad¡¢£¤¥¦§")


_TOKEN_CHAR = re.compile(_TOKEN.pattern[:-1])
_NON_ASCII = re.compile(r"[^\x00-\x7f]")


def _words(text: str, limit: int) -> list[str]:
    """The distinct tokens of ``text`` that hold a non-ASCII letter, in order, at most
    ``limit``. A file of codes and numbers is nearly all ASCII: the scan jumps from one
    non-ASCII character to the next and widens each to its token."""
    seen: dict[str, None] = {}
    position = 0
    while len(seen) < limit:
        found = _NON_ASCII.search(text, position)
        if found is None:
            break
        start = found.start()
        if not _TOKEN_CHAR.match(text, start):  # a non-ASCII space between tokens
            position = found.end()
            continue
        while start > position and _TOKEN_CHAR.match(text, start - 1):
            start -= 1
        token = _TOKEN.match(text, start)
        assert token is not None  # it starts with a token character
        seen.setdefault(token.group(), None)
        position = token.end()
    return list(seen)


@dataclass(frozen=True)
class _Reading:
    """How one reading of a text fares: its words with a non-ASCII letter, and how many of
    them are not Vietnamese syllables."""

    words: int
    broken: int

    @classmethod
    def of(cls, words: Iterable[str]) -> _Reading:
        words = list(words)
        return cls(len(words), sum(1 for word in words if not is_vietnamese_syllable(word)))

    @property
    def score(self) -> float:
        return 1.0 if not self.words else 1 - self.broken / self.words

    def beats(self, rival: _Reading) -> bool:
        """Certain against ``rival``: nearly all words read as Vietnamese, and the rival breaks
        clearly more of them (the words both read alike prove nothing either way)."""
        return self.score >= CERTAIN and rival.broken >= 2 * self.broken + 1


@dataclass(frozen=True)
class Verdict:
    """What a text is: ``encoding`` if ``certain``; the scores say why."""

    encoding: Legacy
    certain: bool
    scores: dict[Legacy, float]
    sample: tuple[str, ...] = ()

    @property
    def needs_conversion(self) -> bool:
        return self.certain and self.encoding in (Legacy.TCVN3, Legacy.VNI)

    def describe(self) -> str:
        parts = ", ".join(f"{LABELS[enc]} {score:.0%}" for enc, score in self.scores.items())
        return f"tỷ lệ từ tiếng Việt hợp lệ: {parts}"


CERTAIN = 0.9  # share of valid syllables a reading needs to be taken


def detect(texts: Iterable[str], *, limit: int = 5000) -> Verdict:
    """Decide whether Unicode text is really TCVN3 or VNI seen through the wrong font.

    >>> detect(["Trång rõng"]).encoding
    <Legacy.TCVN3: 'tcvn3'>
    >>> detect(["Trồng rừng"]).encoding
    <Legacy.UNICODE: 'unicode'>
    """
    joined = "\n".join(texts)
    words = _words(joined, limit)
    readings = {
        Legacy.UNICODE: _Reading.of(words),
        Legacy.TCVN3: _Reading.of(from_tcvn3(word) for word in words),
        Legacy.VNI: _Reading.of(from_vni(word) for word in words),
    }
    scores = {enc: reading.score for enc, reading in readings.items()}
    sample = tuple(word for word in words if not is_vietnamese_syllable(word))[:5]
    if readings[Legacy.UNICODE].score >= CERTAIN:
        return Verdict(Legacy.UNICODE, True, scores)
    for legacy in (Legacy.TCVN3, Legacy.VNI):
        rivals = [reading for enc, reading in readings.items() if enc is not legacy]
        if all(readings[legacy].beats(rival) for rival in rivals):
            return Verdict(legacy, True, scores, sample)
    suspect = sum(1 for word in words if _SUSPECT.intersection(word))
    if words and suspect / len(words) >= 0.2:
        return Verdict(Legacy.UNICODE, False, scores, sample)
    # A few odd words ("Müller", "µg") in otherwise plain text: leave them alone.
    return Verdict(Legacy.UNICODE, True, scores, sample)


def convert(text: str, encoding: Legacy) -> str:
    if encoding is Legacy.TCVN3:
        return from_tcvn3(text)
    if encoding is Legacy.VNI:
        return from_vni(text)
    return text


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str  # "utf-8", "utf-8-sig", "utf-16", "windows-1258", "tcvn3", "vni"
    converted: bool = False  # legacy text turned into Unicode (a warning to show)


class EncodingUnknown(ValueError):
    """Bytes whose encoding we cannot be sure of; ``reason`` is for the person."""

    def __init__(self, reason: str) -> None:
        self.reason = reason
        super().__init__(reason)


_UNSURE = (
    "Không xác định chắc chắn được bảng mã của tệp ({detail}). Để không đổi sai tên chỉ tiêu, "
    "tệp chưa được đọc. Hãy mở tệp bằng Excel, chuyển sang Unicode (ví dụ Unikey: Công cụ "
    "chuyển mã) rồi lưu lại dạng 'CSV UTF-8'."
)


def decode_bytes(data: bytes) -> Decoded:
    """Read the bytes of a text file, Vietnamese in any of the encodings offices use.

    UTF-8 (with or without BOM) and UTF-16 with BOM are read as they are; TCVN3 or VNI text
    found inside them is converted when certain. Otherwise Windows-1258, TCVN3 and VNI are
    tried and the one reading that gives Vietnamese words is taken — or :class:`EncodingUnknown`.
    """
    if data.startswith(b"\xef\xbb\xbf"):
        return _unicode(data[3:].decode("utf-8", errors="strict"), "utf-8-sig", data)
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return _unicode(data.decode("utf-16"), "utf-16", data)
        except UnicodeDecodeError as exc:
            raise EncodingUnknown("Tệp ghi là UTF-16 nhưng có byte không hợp lệ.") from exc
    try:
        return _unicode(data.decode("utf-8"), "utf-8", data)
    except UnicodeDecodeError:
        pass
    readings = {
        Legacy.CP1258: unicodedata.normalize("NFC", data.decode("cp1258", errors="replace")),
        Legacy.TCVN3: from_tcvn3(data.decode("latin-1")),
        Legacy.VNI: from_vni(data.decode("cp1252", errors="replace")),
    }
    counted = {enc: _Reading.of(_words(text, 5000)) for enc, text in readings.items()}
    scores = {enc: reading.score for enc, reading in counted.items()}
    best = max(counted, key=lambda enc: (counted[enc].score, -counted[enc].broken))
    rivals = [counted[enc] for enc in readings if readings[enc] != readings[best]]
    if all(counted[best].beats(rival) for rival in rivals) and counted[best].score >= CERTAIN:
        return Decoded(readings[best], best.value, converted=best is not Legacy.CP1258)
    detail = ", ".join(f"{LABELS[enc]} {score:.0%}" for enc, score in scores.items())
    raise EncodingUnknown(_UNSURE.format(detail=f"tỷ lệ từ tiếng Việt hợp lệ: {detail}"))


def _unicode(text: str, encoding: str, data: bytes) -> Decoded:
    verdict = detect([text]) if not data.isascii() else Verdict(Legacy.UNICODE, True, {})
    if not verdict.certain:
        raise EncodingUnknown(_UNSURE.format(detail=verdict.describe()))
    if verdict.needs_conversion:
        return Decoded(convert(text, verdict.encoding), verdict.encoding.value, converted=True)
    return Decoded(unicodedata.normalize("NFC", text), encoding)
