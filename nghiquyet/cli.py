"""The one entry point: ``nghiquyet <command>``.

Every subcommand is a Django management command (``demo``, ``serve``, ``migrate``,
``scorecard``, ``indicators`` …), so the CLI, the web app and the tests share settings and
services.
"""

from __future__ import annotations

import os
import sys


def main(argv: list[str] | None = None) -> None:
    # Windows consoles default to a legacy code page; Vietnamese needs UTF-8.
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(encoding="utf-8")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "nghiquyet.settings")
    from nghiquyet.conf import ensure_data_dir

    ensure_data_dir()
    from django.core.management import execute_from_command_line

    execute_from_command_line(["nghiquyet", *(sys.argv[1:] if argv is None else argv)])


if __name__ == "__main__":
    main()
