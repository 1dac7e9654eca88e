"""``nghiquyet report``: the review report of a resolution as .docx, .xlsx or .pdf."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from nghiquyet.core.periods import PeriodError, parse_period
from nghiquyet.reports.api import build_report, check_format
from nghiquyet.reports.errors import ReportError
from nghiquyet.reports.profiles import get_profile
from nghiquyet.scorecards.management.commands._common import get_resolution
from nghiquyet.scorecards.selectors import latest_period


class Command(BaseCommand):
    help = (
        "Lập báo cáo sơ kết, tổng kết của một nghị quyết (Word, Excel, PDF). "
        "Write a resolution's review report."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--resolution", required=True, help="Mã nghị quyết, ví dụ cho-don-2023")
        parser.add_argument(
            "--period",
            help="Kỳ: 2023, 2023-H1, 2023-9M, 2020-2025 (mặc định: kỳ mới nhất có số liệu)",
        )
        parser.add_argument(
            "--as-of", dest="as_of", help="Số liệu tính đến ngày YYYY-MM-DD (mặc định: hôm nay)"
        )
        parser.add_argument(
            "--format", dest="fmt", default="docx", help="docx (mặc định), xlsx, pdf"
        )
        parser.add_argument(
            "--profile",
            metavar="{party,state}",
            help="Thể thức: văn bản của Đảng hoặc văn bản hành chính (mặc định: theo cơ quan)",
        )
        parser.add_argument("--template", help="Mẫu .docx riêng có chỗ điền (xem docs/reports.md)")
        parser.add_argument(
            "-o", "--output", help="Tệp kết quả (mặc định: tên tự đặt, trong thư mục hiện tại)"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            fmt = check_format(options["fmt"])
            if options["profile"]:
                get_profile(options["profile"])
        except ReportError as exc:
            raise CommandError(str(exc), returncode=2) from exc
        template = options["template"]
        if template and not Path(template).is_file():
            raise CommandError(f"Không tìm thấy mẫu '{template}'.", returncode=2)
        resolution = get_resolution(options["resolution"])
        try:
            period = (
                parse_period(options["period"])
                if options["period"]
                else (latest_period(resolution) or resolution.term)
            )
        except PeriodError as exc:
            raise CommandError(str(exc), returncode=2) from exc
        output = Path(options["output"]) if options["output"] else None
        if output is not None and not output.parent.is_dir():
            raise CommandError(f"Không có thư mục '{output.parent}' để ghi tệp.", returncode=2)
        try:
            report = build_report(
                resolution,
                period,
                as_of=options["as_of"],
                fmt=fmt,
                profile=options["profile"],
                template=template,
            )
        except ReportError as exc:
            raise CommandError(str(exc), returncode=2) from exc
        target = output or Path(report.filename)
        try:
            report.save(target)
        except OSError as exc:
            raise CommandError(
                f"Không ghi được '{target}': {exc.strerror or exc}.", returncode=2
            ) from exc
        self.stdout.write(f"Đã ghi {target} ({len(report.content) / 1024:.0f} KB).")
