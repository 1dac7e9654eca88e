"""Vietnamese text normalisation for comparing names (DESIGN.md §6).

"ủy" and "uỷ", "hóa" and "hoá" are the same word written with the tone mark on a different
vowel. Names are compared after :func:`normalize_name`; what the user typed is kept for display.
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["fold", "normalize_name", "slugify"]

# Old-style tone placement → new-style (the form Unicode NFC text mostly uses today).
_TONE_PAIRS = {
    "òa": "oà",
    "óa": "oá",
    "ỏa": "oả",
    "õa": "oã",
    "ọa": "oạ",
    "òe": "oè",
    "óe": "oé",
    "ỏe": "oẻ",
    "õe": "oẽ",
    "ọe": "oẹ",
    "ùy": "uỳ",
    "úy": "uý",
    "ủy": "uỷ",
    "ũy": "uỹ",
    "ụy": "uỵ",
}
_TONE_RE = re.compile("|".join(_TONE_PAIRS))


def normalize_name(text: str) -> str:
    """NFC, lower case, single spaces and one tone placement: "Huyện Ủy" == "huyện uỷ".

    Only word-final pairs are moved ("hoá", "uỷ"); inside a syllable such as "hoàng" the
    mark already sits where both styles put it.
    """
    text = unicodedata.normalize("NFC", text).lower().strip()
    text = re.sub(r"\s+", " ", text)
    return _TONE_RE.sub(lambda m: _TONE_PAIRS[m.group()] if _word_end(m, text) else m.group(), text)


def _word_end(match: re.Match[str], text: str) -> bool:
    end = match.end()
    return end == len(text) or not text[end].isalpha()


def fold(text: str) -> str:
    """Strip every diacritic for tone-insensitive matching.

    "Độ che phủ rừng" → "do che phu rung".
    """
    text = normalize_name(text).replace("đ", "d")
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(ch for ch in decomposed if unicodedata.category(ch) != "Mn")


def slugify(text: str) -> str:
    """An ASCII code for URLs: "Pác Nặm" → "pac-nam"."""
    return re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-")
