"""Vietnamese is the source language; the English catalogue covers the pages."""

from __future__ import annotations

import gettext
import re
from pathlib import Path

import pytest

LOCALE = Path(__file__).resolve().parents[2] / "nghiquyet" / "locale"


def po_entries(path: Path) -> dict[str, str]:
    """msgid → msgstr of the translated singular entries of a .po file."""
    text = path.read_text(encoding="utf-8")
    entries = {}
    for block in text.split("\n\n"):
        if "msgid_plural" in block or "#, fuzzy" in block:
            continue
        match = re.search(r'^msgid ((?:".*"\n)+)msgstr ((?:".*"\n?)+)', block + "\n", re.M)
        if not match:
            continue

        def unquote(lines: str) -> str:
            parts = re.findall(r'"((?:[^"\\]|\\.)*)"', lines)
            return "".join(parts).replace('\\"', '"').replace("\\n", "\n").replace("\\\\", "\\")

        msgid, msgstr = unquote(match.group(1)), unquote(match.group(2))
        if msgid and msgstr:
            entries[msgid] = msgstr
    return entries


def test_the_compiled_catalogue_matches_the_po_file():
    po = LOCALE / "en" / "LC_MESSAGES" / "django.po"
    with (LOCALE / "en" / "LC_MESSAGES" / "django.mo").open("rb") as handle:
        compiled = gettext.GNUTranslations(handle)
    entries = po_entries(po)
    assert len(entries) > 400
    stale = [msgid for msgid, msgstr in entries.items() if compiled.gettext(msgid) != msgstr]
    assert not stale, f"run `nghiquyet compilemessages`: {stale[:5]}"


@pytest.fixture
def english(reporter):
    reporter.post("/i18n/setlang/", {"language": "en", "next": "/"})
    return reporter


@pytest.mark.parametrize(
    ("path", "words"),
    [
        ("/", ["Resolutions overview", "Lagging indicators", "Next reporting period"]),
        (
            "/resolutions/pac-nam-2023/?period=2023-9M",
            [
                "Resolution target",
                "Year plan",
                "% of plan",
                "Not yet met",
                "Off track",
                "Word report",
                "Report in your office's own template",
            ],
        ),
        (
            "/resolutions/pac-nam-2023/indicators/1/",
            ["Definition", "Reported figures", "Save the assessment"],
        ),
        ("/resolutions/pac-nam-2023/entry/", ["Enter figures", "Read as", "Save all"]),
        ("/compare/", ["Compare units", "Resolutions to compare"]),
    ],
)
def test_every_page_speaks_english_when_asked(english, path, words):
    page = english.get(path).content.decode()
    for word in words:
        assert word in page, word
