"""``nghiquyet indicators``: the indicators of a resolution with their targets and revisions."""

from __future__ import annotations

import json
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from nghiquyet.plans.models import Target

from ._common import get_resolution


class Command(BaseCommand):
    help = "Liệt kê chỉ tiêu của một nghị quyết. List a resolution's indicators and targets."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--resolution", required=True)
        parser.add_argument("--format", choices=["table", "json"], default="table")

    def handle(self, *args: Any, **options: Any) -> None:
        resolution = get_resolution(options["resolution"])
        indicators = resolution.indicators.select_related("group").prefetch_related(
            "targets__revisions"
        )
        entries: list[dict[str, Any]] = []
        for indicator in indicators.order_by("group__position", "position"):
            targets: list[dict[str, Any]] = []
            for target in indicator.targets.all():
                targets.append(
                    {
                        "scope": target.scope,
                        "year": target.year,
                        "source": target.source,
                        "raw": target.raw_text,
                        "note": target.note,
                        "revisions": [
                            {
                                "from": r.old_raw_text,
                                "to": r.new_raw_text,
                                "effective": r.effective_on.isoformat(),
                                "decision": r.decision,
                                "reason": r.reason,
                            }
                            for r in target.revisions.all()
                        ],
                    }
                )
            entries.append(
                {
                    "code": indicator.code,
                    "name": indicator.name,
                    "group": str(indicator.group) if indicator.group else None,
                    "unit": indicator.unit,
                    "direction": indicator.direction,
                    "kind": indicator.kind,
                    "term_basis": indicator.term_basis or None,
                    "targets": targets,
                }
            )
        if options["format"] == "json":
            self.stdout.write(
                json.dumps(
                    {"resolution": resolution.code, "indicators": entries},
                    ensure_ascii=False,
                    indent=2,
                )
            )
            return
        self.stdout.write(f"{resolution.title} ({resolution.code})")
        group = None
        for entry in entries:
            if entry["group"] != group:
                group = entry["group"]
                self.stdout.write(f"\n{group}")
            summary = "; ".join(
                f"{'NQ' if t['scope'] == Target.Scope.TERM else t['year']}: {t['raw']}"
                + "".join(f" (từ {r['from']}, điều chỉnh {r['effective']})" for r in t["revisions"])
                for t in entry["targets"]
            )
            self.stdout.write(
                f"  {entry['code']:>4}. {entry['name']} [{entry['unit'] or '—'}]  {summary}"
            )
