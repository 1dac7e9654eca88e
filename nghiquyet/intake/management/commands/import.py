# The command is named after what it does; a module named "import" is fine for Django's loader.
# ruff: noqa: N999
"""``nghiquyet import FILE``: figures (or, with ``--resolution``, an indicator list) from a file.

Reads .xlsx (the filled template or the long format), CSV (comma, semicolon or tab; UTF-8 or
a legacy Vietnamese encoding) and JSON. Shows what would change — new, changed (old → new),
unchanged — and writes it in one transaction. Any bad row: every problem is listed with its
row, column, value and reason, nothing is written, and the exit code is 1.
"""

from __future__ import annotations

import getpass
import sys
from datetime import date
from pathlib import Path
from typing import Any

from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser

from nghiquyet.core.numbers import Convention
from nghiquyet.intake import definitions
from nghiquyet.intake.observations import apply_preview, preview_file
from nghiquyet.intake.problems import Problem
from nghiquyet.intake.report import SHOW, preview_lines, problem_lines
from nghiquyet.results.audit import Actor
from nghiquyet.scorecards.management.commands._common import get_resolution

CONVENTIONS = {
    "typed": Convention.TYPED,
    "vi": Convention.VIETNAMESE,
    "en": Convention.ENGLISH,
}


class Command(BaseCommand):
    help = (
        "Nhập số liệu (hoặc danh sách chỉ tiêu, với --resolution) từ tệp .xlsx, .csv, .json. "
        "Import figures or an indicator list."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", help="Tệp cần nhập: .xlsx, .csv hoặc .json")
        parser.add_argument(
            "--dry-run", action="store_true", help="Chỉ xem trước, không ghi gì vào CSDL"
        )
        parser.add_argument("--yes", action="store_true", help="Ghi luôn, không hỏi xác nhận")
        parser.add_argument(
            "--resolution",
            help="Nhập danh sách chỉ tiêu (STT, Chỉ tiêu, ĐVT, Mục tiêu …) cho nghị quyết này",
        )
        parser.add_argument(
            "--numbers",
            choices=sorted(CONVENTIONS),
            default="typed",
            help="Quy ước số trong tệp: typed (mặc định: '4,500' bị hỏi lại), vi ('4,500' = "
            "4,5), en ('4,500' = 4500; '4.5' = 4,5)",
        )
        parser.add_argument("--user", help="Nhập với quyền và tên của người dùng này")
        parser.add_argument(
            "--reported-on",
            dest="reported_on",
            help="Ngày báo cáo của số liệu, YYYY-MM-DD (mặc định: hôm nay)",
        )
        parser.add_argument(
            "--show",
            type=int,
            default=SHOW,
            help=f"Số dòng liệt kê cho mỗi loại (mặc định {SHOW}; 0 = tất cả)",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        path = Path(options["file"])
        if not path.is_file():
            raise CommandError(f"Không thấy tệp '{path}'.", returncode=2)
        user = _user(options["user"])
        actor = (
            Actor.of(user, source=f"import {path.name}")
            if user is not None
            else Actor.system(f"nghiquyet import ({getpass.getuser()})", f"import {path.name}")
        )
        reported_on = _date(options["reported_on"]) if options["reported_on"] else None
        convention = CONVENTIONS[options["numbers"]]
        if options["resolution"]:
            resolution = get_resolution(options["resolution"])
            self._definitions(path, resolution, user, actor, convention, options)
            return
        preview = preview_file(path, path.name, user=user, convention=convention)
        for warning in preview.problems.warnings:
            self.stderr.write(f"Cảnh báo: {warning.message}")
        if not preview.ok:
            self._refuse(preview.problems.sorted())
        self.stdout.write("\n".join(preview_lines(preview, options["show"])))
        if options["dry_run"]:
            self.stdout.write(
                f"Chạy thử (--dry-run): chưa ghi gì. Sẽ ghi {preview.pending} thay đổi."
            )
            return
        if preview.pending and not self._confirmed(options, preview.pending):
            self.stdout.write("Đã hủy: chưa ghi gì.")
            return
        try:
            result = apply_preview(preview, actor=actor, reported_on=reported_on)
        except ValidationError as exc:
            raise CommandError(" ".join(exc.messages), returncode=1) from exc
        if result.changes:
            self.stdout.write(
                f"Đã ghi {result.changes} thay đổi ({result.created} mới, {result.updated} sửa)."
            )
        else:
            self.stdout.write("0 thay đổi.")

    def _definitions(
        self,
        path: Path,
        resolution: Any,
        user: User | None,
        actor: Actor,
        convention: Convention,
        options: dict[str, Any],
    ) -> None:
        plan = definitions.preview_definitions(
            path, path.name, resolution, user=user, convention=convention
        )
        for warning in plan.problems.warnings:
            self.stderr.write(f"Cảnh báo: {warning.message}")
        if not plan.ok:
            self._refuse(plan.problems.sorted())
        self.stdout.write("\n".join(definitions.preview_lines(plan)))
        if options["dry_run"]:
            self.stdout.write(
                f"Chạy thử (--dry-run): chưa ghi gì. Sẽ thêm {plan.pending} chỉ tiêu."
            )
            return
        if plan.pending and not self._confirmed(options, plan.pending):
            self.stdout.write("Đã hủy: chưa ghi gì.")
            return
        try:
            created = definitions.apply_definitions(plan, actor=actor)
        except ValidationError as exc:
            raise CommandError(" ".join(exc.messages), returncode=1) from exc
        self.stdout.write(f"Đã thêm {created} chỉ tiêu." if created else "0 thay đổi.")

    def _refuse(self, problems: list[Problem]) -> None:
        errors = [p for p in problems if p.is_error]
        self.stderr.write("\n".join(problem_lines(errors)))
        raise CommandError(
            f"Không nhập: {len(errors)} lỗi, chưa ghi gì. Sửa các dòng trên rồi chạy lại.",
            returncode=1,
        )

    def _confirmed(self, options: dict[str, Any], pending: int) -> bool:
        if options["yes"] or not sys.stdin.isatty():
            return True
        answer = input(f"Ghi {pending} thay đổi vào cơ sở dữ liệu? [c/K] ")
        return answer.strip().lower() in {"c", "có", "co", "y", "yes"}


def _user(username: str | None) -> User | None:
    if not username:
        return None
    user = User.objects.filter(username=username, is_active=True).first()
    if user is None:
        raise CommandError(f"Không có người dùng '{username}'.", returncode=2)
    return user


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError as exc:
        raise CommandError(
            f"Ngày '{text}' không hợp lệ: dùng dạng YYYY-MM-DD, ví dụ 2023-10-10.", returncode=2
        ) from exc
