"""Helpers for the import/export tests: files written the way offices write them, and the
commands run in-process with their output and exit code."""

from __future__ import annotations

from dataclasses import dataclass
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from nghiquyet.plans.models import Indicator
from nghiquyet.results.models import AuditEvent, Observation

HEADER = "resolution,indicator,org_unit,period,value,estimate,note"


@dataclass
class Run:
    code: int
    out: str
    err: str


@pytest.fixture
def run(db):
    """Run a nghiquyet command: Run(code, stdout, stderr)."""

    def _run(*args: str) -> Run:
        out, err = StringIO(), StringIO()
        try:
            call_command(*args, stdout=out, stderr=err)
        except CommandError as exc:
            err.write(str(exc))
            return Run(exc.returncode, out.getvalue(), err.getvalue())
        return Run(0, out.getvalue(), err.getvalue())

    return _run


@pytest.fixture
def write(tmp_path):
    """Write a file: text (in an encoding) or bytes."""

    def _write(name: str, content: str | bytes, encoding: str = "utf-8") -> Path:
        path = tmp_path / name
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_bytes(content.encode(encoding))
        return path

    return _write


@pytest.fixture
def csv_file(write):
    """A long CSV with the standard header and the given data lines."""

    def _csv(*lines: str, name: str = "so-lieu.csv", header: str = HEADER) -> Path:
        return write(name, "\n".join([header, *lines]) + "\n")

    return _csv


@pytest.fixture
def forest(demo) -> Indicator:
    return Indicator.objects.get(resolution__code="cho-don-2023", name="Trồng rừng")


def snapshot_db() -> tuple[list[tuple], int]:
    """Every live observation and the number of audit events: to prove nothing was written."""
    rows = list(
        Observation.objects.order_by("id").values_list(
            "id", "indicator_id", "org_unit_id", "period", "value", "is_estimate", "note", "version"
        )
    )
    return rows, AuditEvent.objects.count()
