"""Writing Vietnamese the way old software did, to make test files: TCVN3, VNI, Windows-1258."""

from __future__ import annotations

import unicodedata

from nghiquyet.intake.legacy import _TCVN3, _VNI

_TONES = "\u0300\u0301\u0309\u0303\u0323"
_TO_TCVN3 = {letter: chr(code) for code, letter in _TCVN3.items()}
# Prefer the lower-case marks, as VNI keyboards type them.
_TO_VNI: dict[str, str] = {}
for key, letter in sorted(_VNI.items(), key=lambda item: (item[0] != item[0].lower(), item[0])):
    _TO_VNI.setdefault(letter, key)


def tcvn3(text: str) -> str:
    """Unicode → TCVN3 characters (as Latin-1). TCVN3 has no upper-case toned letters in its
    one font: they come out lower-case, as .VnTime text does."""
    text = unicodedata.normalize("NFC", text)
    return "".join(_TO_TCVN3.get(ch, _TO_TCVN3.get(ch.lower(), ch)) for ch in text)


def vni(text: str) -> str:
    text = unicodedata.normalize("NFC", text)
    return "".join(_TO_VNI.get(ch, ch) for ch in text)


def cp1258(text: str) -> bytes:
    """Unicode → Windows-1258 bytes: base letters precomposed, tone marks combining."""
    out = []
    for ch in unicodedata.normalize("NFC", text):
        decomposed = unicodedata.normalize("NFD", ch)
        tone = "".join(c for c in decomposed if c in _TONES)
        base = unicodedata.normalize("NFC", "".join(c for c in decomposed if c not in _TONES))
        try:
            out.append(ch.encode("cp1258"))
        except UnicodeEncodeError:
            out.append(base.encode("cp1258") + tone.encode("cp1258"))
    return b"".join(out)
