"""``nghiquyet extract FILE [--json]``: the figures stated in a report, speech or article.

Reads .txt, .html and .docx (or text on standard input with ``-``), and prints every
quantified statement found — measures, tallies of targets met, revisions of targets — as a
readable list or as JSON ``{"facts": [...]}`` (the shape of extraction-gold/1). Bad input
(a file that is not what it says, too large, binary, a legacy Vietnamese encoding) gets a
plain message on stderr and exit code 2; a text with no figures gets an empty list.
"""

from __future__ import annotations

import json
import sys
from decimal import Decimal
from pathlib import Path
from typing import Any, BinaryIO

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _

from nghiquyet.core.extraction import (
    Extraction,
    Fact,
    Measure,
    Revision,
    SourceError,
    Tally,
    extract_document,
    read_source,
)
from nghiquyet.core.extraction.sources import MAX_DOCX_BYTES, MAX_TEXT_BYTES, sniff_kind
from nghiquyet.core.numbers import format_number

_PERCENT_OF = {
    "plan": "kế hoạch",
    "resolution": "mục tiêu nghị quyết",
    "same_period": "so với cùng kỳ",
    "other": "so với mốc khác",
}
_QUALIFIER = {"above": "trên", "below": "dưới", "about": "khoảng"}


class Command(BaseCommand):
    help = _(
        "Tìm các số liệu trong văn bản (.txt, .html, .docx, hoặc '-' để đọc từ đầu vào "
        "chuẩn): kết quả, chỉ tiêu, tỷ lệ so với kế hoạch, số chỉ tiêu đạt, chỉ tiêu điều chỉnh."
    )
    requires_system_checks = ()  # reads a file, touches no database
    stealth_options = ("stdin",)  # a byte stream to read '-' from, for call_command

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", help=_("Tệp cần đọc, hoặc '-' để đọc từ đầu vào chuẩn."))
        parser.add_argument("--json", action="store_true", help=_("In kết quả dạng JSON."))
        parser.add_argument(
            "--format",
            choices=["auto", "txt", "html", "docx"],
            default="auto",
            help=_("Loại tệp (mặc định: đoán theo đuôi tệp và nội dung)."),
        )

    def handle(self, *args: Any, **options: Any) -> None:
        name: str = options["file"]
        data = self._read(name, options.get("stdin"))
        kind = None if options["format"] == "auto" else options["format"]
        try:
            text = read_source(data, "" if name == "-" else name, kind)
        except SourceError as exc:
            raise CommandError(f"{_display(name)}: {exc.message}", returncode=2) from exc
        extraction = extract_document(text)
        if options["json"]:
            payload = {"source": _display(name)} | extraction.to_json()
            self.stdout.write(json.dumps(payload, ensure_ascii=False, indent=2))
        else:
            self.stdout.write(describe(extraction))

    def _read(self, name: str, stdin: BinaryIO | None) -> bytes:
        if name == "-":
            stream = stdin or sys.stdin.buffer
            return stream.read(MAX_TEXT_BYTES + 1)
        path = Path(name)
        try:
            size = path.stat().st_size
            if not path.is_file():
                raise CommandError(_("%(name)s: không phải là tệp.") % {"name": name}, returncode=2)
            limit = MAX_DOCX_BYTES if sniff_kind(name, b"") == "docx" else MAX_TEXT_BYTES
            if size > limit:
                raise CommandError(
                    _("%(name)s: tệp quá lớn (%(size)s MB); chỉ đọc tệp đến %(limit)s MB.")
                    % {
                        "name": name,
                        "size": format_number(size / 2**20, 1),
                        "limit": limit // 2**20,
                    },
                    returncode=2,
                )
            with path.open("rb") as handle:
                return handle.read(limit + 1)
        except FileNotFoundError as exc:
            raise CommandError(
                _("%(name)s: không tìm thấy tệp.") % {"name": name}, returncode=2
            ) from exc
        except OSError as exc:
            raise CommandError(
                _("%(name)s: không đọc được tệp (%(reason)s).")
                % {"name": name, "reason": exc.strerror or exc},
                returncode=2,
            ) from exc


def _display(name: str) -> str:
    return _("đầu vào chuẩn") if name == "-" else name


def describe(extraction: Extraction) -> str:
    """The facts as a numbered list a person reads, in Vietnamese."""
    lines = []
    if extraction.period is not None:
        lines.append(_("Kỳ báo cáo: %(label)s") % {"label": extraction.period.label})
    if not extraction.facts:
        lines.append(_("Không tìm thấy số liệu nào."))
    for number, fact in enumerate(extraction.facts, start=1):
        lines.append(f"{number}. {_describe_fact(fact)}")
        lines.append(f"   «{fact.quote}»")
    return "\n".join(lines)


def _describe_fact(fact: Fact) -> str:
    if isinstance(fact, Tally):
        status = _("đạt và vượt") if fact.status == "met" else _("chưa đạt")
        return _("Số chỉ tiêu: %(count)s/%(total)s %(status)s") % {
            "count": fact.count,
            "total": fact.total,
            "status": status,
        }
    if isinstance(fact, Revision):
        return _("Điều chỉnh chỉ tiêu %(name)s: từ %(old)s lên %(new)s") % {
            "name": fact.indicator,
            "old": _amount(fact.old, None),
            "new": _amount(fact.new, fact.unit),
        }
    return _describe_measure(fact)


def _describe_measure(fact: Measure) -> str:
    parts = [fact.indicator + ":"]
    if fact.value is not None:
        qualifier = _QUALIFIER.get(fact.qualifier or "", "")
        estimate = _("ước ") if fact.estimate else ""
        parts.append(f"{estimate}{qualifier} {_amount(fact.value, fact.unit)}".strip())
    if fact.target is not None:
        parts.append(_("(chỉ tiêu %(target)s)") % {"target": _amount(fact.target, None)})
    if fact.percent is not None:
        base = _PERCENT_OF.get(fact.percent_of or "", "")
        parts.append(f"— {format_number(fact.percent)} % {base}".rstrip())
    return " ".join(parts)


def _amount(value: Decimal, unit: str | None) -> str:
    return f"{format_number(value)} {unit}" if unit else format_number(value)
