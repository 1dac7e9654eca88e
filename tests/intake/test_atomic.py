"""All or nothing: a failure or a kill in the middle of an import leaves the database as it was;
a value changed by somebody else between preview and write is a conflict, not an overwrite."""

import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from django.db import connection

from nghiquyet.intake.observations import apply_preview, preview_file
from nghiquyet.results import bulk
from nghiquyet.results.audit import Actor
from nghiquyet.results.services import record_observation

from .conftest import snapshot_db

PERIODS = (
    ["2022", "2023", "2023-H1", "2023-H2", "2023-9M"]
    + [f"2023-Q{q}" for q in range(1, 5)]
    + [f"2023-M{m:02d}" for m in range(1, 13)]
)


def many_rows(csv_file):
    lines = [
        f"cho-don-2023,{code},cho-don,{period},{index + 1},,"
        for index, (code, period) in enumerate(
            (code, period) for code in ("2", "3", "5", "6") for period in PERIODS
        )
    ]
    return csv_file(*lines, name="nhieu.csv")


def test_an_error_after_some_rows_are_written_leaves_nothing_behind(
    demo, run, csv_file, monkeypatch
):
    path = many_rows(csv_file)
    before = snapshot_db()
    calls = []
    real = bulk._Inserter.prepared

    def fail_on_25th_row(self, rows):
        for row in real(self, rows):
            calls.append(1)
            if len(calls) == 25:
                raise RuntimeError("mất điện giữa chừng")
            yield row

    # Both engines pull the rows one by one as they write them: SQLite's INSERTs (24 rows are
    # in the table by then) and PostgreSQL's COPY stream (24 rows sent).
    monkeypatch.setattr(bulk._Inserter, "prepared", fail_on_25th_row)
    with pytest.raises(RuntimeError, match="mất điện"):
        run("import", str(path))
    assert len(calls) == 25
    assert snapshot_db() == before


def test_a_value_changed_between_preview_and_write_is_a_conflict(demo, csv_file, forest):
    path = csv_file(
        "cho-don-2023,2,cho-don,2023-9M,610,,",
        "cho-don-2023,2,cho-don,2023-H1,400,,",
    )
    preview = preview_file(path, path.name)
    assert preview.ok and preview.pending == 2
    record_observation(
        indicator=forest,
        org_unit=forest.resolution.scope,
        period="2023-9M",
        raw_text="620",
        actor=Actor.system("đồng nghiệp"),
    )
    before = snapshot_db()
    with pytest.raises(ValidationError) as caught:
        apply_preview(preview, actor=Actor.system("test"))
    assert "đã bị người khác thay đổi; chưa ghi gì" in caught.value.messages[0]
    assert "so-lieu.csv · dòng 2: giá trị hiện là '620' (phiên bản 2)" in caught.value.messages[0]
    assert snapshot_db() == before


def test_a_value_created_between_preview_and_write_is_a_conflict(demo, csv_file, forest):
    path = csv_file("cho-don-2023,2,cho-don,2023-H1,400,,")
    preview = preview_file(path, path.name)
    record_observation(
        indicator=forest,
        org_unit=forest.resolution.scope,
        period="2023-H1",
        raw_text="390",
        actor=Actor.system("đồng nghiệp"),
    )
    before = snapshot_db()
    with pytest.raises(bulk.ConcurrentImport):
        apply_preview(preview, actor=Actor.system("test"))
    assert snapshot_db() == before


KILLED_IMPORT = textwrap.dedent(
    """
    import os, signal, sys
    import django
    django.setup()
    from django.core.management import call_command
    from nghiquyet.demo.loader import load_demo
    from nghiquyet.results import bulk
    from nghiquyet.results.models import Observation

    call_command("migrate", verbosity=0)
    load_demo()
    print(Observation.objects.count(), flush=True)
    real, calls = bulk._Inserter.prepared, []

    def die_on_25th_row(self, rows):
        for row in real(self, rows):
            calls.append(1)
            if len(calls) == 25:
                os.kill(os.getpid(), signal.SIGKILL)  # the power cable, pulled mid-import
            yield row

    bulk._Inserter.prepared = die_on_25th_row
    call_command("import", sys.argv[1])
    """
)


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")
def test_a_process_killed_mid_import_leaves_the_database_as_it_was(tmp_path, csv_file, db):
    if connection.vendor != "sqlite":
        pytest.skip("the child process uses its own SQLite database")
    path = many_rows(csv_file)
    env = {**os.environ, "NGHIQUYET_DATA_DIR": str(tmp_path / "data")}
    env.pop("DATABASE_URL", None)
    env["DJANGO_SETTINGS_MODULE"] = "nghiquyet.settings"
    (tmp_path / "data").mkdir()
    child = subprocess.run(  # noqa: S603 — our own interpreter running our own script
        [sys.executable, "-c", KILLED_IMPORT, str(path)],
        capture_output=True,
        text=True,
        env=env,
        cwd=Path(__file__).resolve().parents[2],
        timeout=300,
        check=False,
    )
    assert child.returncode == -signal.SIGKILL, child.stderr
    count_before = int(child.stdout.split()[0])
    database = sqlite3.connect(tmp_path / "data" / "nghiquyet.sqlite3")
    try:
        assert database.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        (count_after,) = database.execute("SELECT COUNT(*) FROM results_observation").fetchone()
        (imported,) = database.execute(
            "SELECT COUNT(*) FROM results_auditevent WHERE source LIKE 'nhieu.csv%'"
        ).fetchone()
    finally:
        database.close()
    assert count_after == count_before and imported == 0
