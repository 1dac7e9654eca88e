"""``nghiquyet scorecard``: the evaluation of a resolution for a period, as a table or JSON."""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from nghiquyet.core.periods import PeriodError, parse_period
from nghiquyet.scorecards.build import ScorecardError, build_scorecard
from nghiquyet.scorecards.render import scorecard_json, scorecard_table
from nghiquyet.scorecards.selectors import latest_period

from ._common import get_resolution


def parse_date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError as exc:
        raise CommandError(
            f"Ngày '{text}' không hợp lệ: dùng dạng YYYY-MM-DD, ví dụ 2023-05-17.", returncode=2
        ) from exc


class Command(BaseCommand):
    help = "Đánh giá các chỉ tiêu của một nghị quyết trong một kỳ. Evaluate a resolution."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--resolution", required=True, help="Mã nghị quyết, ví dụ cho-don-2023")
        parser.add_argument(
            "--period", help="Kỳ: 2023, 2023-H1, 2023-9M, 2023-Q3, 2023-M09, 2020-2025"
        )
        parser.add_argument(
            "--as-of", dest="as_of", help="Tính đến ngày YYYY-MM-DD (sơ kết giữa kỳ)"
        )
        parser.add_argument("--format", choices=["table", "json"], default="table")

    def handle(self, *args: Any, **options: Any) -> None:
        resolution = get_resolution(options["resolution"])
        try:
            period = (
                parse_period(options["period"])
                if options["period"]
                else (latest_period(resolution) or resolution.term)
            )
        except PeriodError as exc:
            raise CommandError(str(exc), returncode=2) from exc
        as_of = parse_date(options["as_of"]) if options["as_of"] else None
        try:
            card = build_scorecard(resolution, period, as_of)
        except ScorecardError as exc:
            raise CommandError(str(exc), returncode=2) from exc
        if options["format"] == "json":
            self.stdout.write(json.dumps(scorecard_json(card), ensure_ascii=False, indent=2))
        else:
            self.stdout.write(scorecard_table(card), ending="")
