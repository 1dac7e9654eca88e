"""``nghiquyet demo``: create the database, load the seed articles' resolutions, serve."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandParser

from nghiquyet.demo.loader import load_demo
from nghiquyet.web.management.commands.serve import DEFAULT_HOST, DEFAULT_PORT, serve


class Command(BaseCommand):
    help = "Nạp dữ liệu minh họa từ các bài báo và chạy ứng dụng. Load the demo data and serve."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--no-serve", action="store_true", help="Chỉ nạp dữ liệu, không chạy web."
        )
        parser.add_argument("--host", default=DEFAULT_HOST)
        parser.add_argument("--port", type=int, default=DEFAULT_PORT)

    def handle(self, *args: Any, **options: Any) -> None:
        call_command("migrate", interactive=False, verbosity=0)
        database = settings.DATABASES["default"]
        self.stdout.write(
            f"Cơ sở dữ liệu: {database['ENGINE'].rsplit('.', 1)[-1]} {database['NAME']}"
        )
        for line in load_demo():
            self.stdout.write(f"  {line}")
        self.stdout.flush()
        if not options["no_serve"]:
            serve(options["host"], options["port"], 8, self.stdout)
