"""``nghiquyet serve``: the app on waitress, a production WSGI server that also runs on Windows."""

from __future__ import annotations

from typing import Any

from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8000


def warm_up() -> None:
    """Load matplotlib and its fonts now, so the first person to open a page does not wait."""
    from nghiquyet.web.charts import status_svg

    status_svg({"no_data": 1}, final=True, title="")


def serve(host: str, port: int, threads: int, stdout: Any) -> None:
    from waitress import serve as waitress_serve

    from nghiquyet.wsgi import application

    warm_up()
    stdout.write(f"nghiquyet đang chạy tại http://{host}:{port}/  (Ctrl-C để dừng)\n")
    stdout.flush()
    waitress_serve(application, host=host, port=port, threads=threads, ident="nghiquyet")


class Command(BaseCommand):
    help = "Chạy ứng dụng web (waitress). Serve the web app."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--host", default=DEFAULT_HOST)
        parser.add_argument("--port", type=int, default=DEFAULT_PORT)
        parser.add_argument("--threads", type=int, default=8)
        parser.add_argument(
            "--migrate", action="store_true", help="Áp dụng migration trước khi chạy."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["migrate"]:
            call_command("migrate", interactive=False, verbosity=0)
        executor = MigrationExecutor(connection)
        if executor.migration_plan(executor.loader.graph.leaf_nodes()):
            raise CommandError(
                "Cơ sở dữ liệu chưa được cập nhật cấu trúc: chạy 'nghiquyet migrate' trước "
                "(hoặc 'nghiquyet serve --migrate').",
                returncode=2,
            )
        serve(options["host"], options["port"], options["threads"], self.stdout)
