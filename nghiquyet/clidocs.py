"""The CLI reference (docs/cli.md), generated from the commands' own --help.

``python3 -m uv run python -m nghiquyet.clidocs`` rewrites it; a test fails when it is stale,
so the reference cannot drift from the code.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

DOC = Path(__file__).resolve().parent.parent / "docs" / "cli.md"


def our_commands() -> list[str]:
    from django.core.management import get_commands

    return sorted(name for name, app in get_commands().items() if app.startswith("nghiquyet"))


def render() -> str:
    from django.core.management import load_command_class
    from django.core.management.base import BaseCommand

    os.environ["COLUMNS"] = "100"  # argparse wraps to the terminal: fix it for a stable file
    parts = [
        "# Command-line reference",
        "",
        "Generated from `--help` by `python3 -m uv run python -m nghiquyet.clidocs`; a test "
        "fails when this file is stale. Every command also accepts Django's common options "
        "(`--settings`, `--verbosity`, …), omitted here.",
        "",
    ]
    from django.core.management import get_commands

    apps = get_commands()
    for name in our_commands():
        command: BaseCommand = load_command_class(apps[name], name)
        parser = command.create_parser("nghiquyet", name)
        for action in list(parser._actions):
            if action.dest in _DJANGO_OPTIONS:
                parser._remove_action(action)
                for group in parser._action_groups:
                    if action in group._group_actions:
                        group._group_actions.remove(action)
        parts += [f"## nghiquyet {name}", "", "```text", parser.format_help().rstrip(), "```", ""]
    return "\n".join(parts)


_DJANGO_OPTIONS = {
    "version", "verbosity", "settings", "pythonpath", "traceback", "no_color", "force_color",
    "skip_checks",
}  # fmt: skip


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "nghiquyet.settings")
    import django

    django.setup()
    DOC.write_text(render(), encoding="utf-8")
    sys.stdout.write(f"wrote {DOC}\n")


if __name__ == "__main__":
    main()
