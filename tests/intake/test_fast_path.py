"""A long file's ordinary rows are taken by a fast path that remembers what the rules found
good; every other row goes through the rules. Both must give the same entries and the same
problems for any file."""

import csv
import io

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nghiquyet.intake.observations import Preview, _RowReader, preview_file
from nghiquyet.plans.models import Indicator


def cells(good: list[str], bad: list[str]) -> st.SearchStrategy[str]:
    """Mostly good texts, so that rows repeat what earlier rows said; some bad ones."""
    return st.sampled_from(good * 3 + bad)


ROW = st.tuples(
    cells(["cho-don-2023", "CHO-DON-2023"], ["khong-co", ""]),
    cells(["2", "3", "Trồng rừng", "2."], ["99", "", "Trong rung xyz"]),
    cells(["cho-don", "Huyện Chợ Đồn"], ["bac-kan", "xyz", ""]),  # bac-kan: outside the scope
    cells(["2023-9M", "2023-H1", "2023-Q2", " 2023-Q3 "], ["2019", "45199", "", "12/05/2023"]),
    cells(["610", "4.500", "41,3", "1.234,5", "0,5", "100"], ["4,500", "abc", "-5", "", " 12 "])
    | st.sampled_from(["1.5", "#REF!", "ước 300", "trên 4.500", "2.000"]),  # 2.000: over max
    cells(["", "ƯTH", "x", "TH"], ["có lẽ"]),
    st.sampled_from(["", " ghi chú ", "số liệu sơ bộ"]),
)


def through_the_rules_only(reader: _RowReader) -> list:
    """What _long_entries does, without its fast path: every row checked by the rules."""
    return [e for row in reader.table.rows if (e := reader._checked_entry(row)) is not None]


def seen(preview: Preview) -> tuple:
    entries = [
        (c.entry.row, c.entry.key, c.entry.value, c.entry.raw, c.entry.estimate, c.entry.note)
        for c in preview.changes
    ]
    problems = [(p.message, p.row, p.column, p.value, p.level) for p in preview.problems]
    return entries, problems, preview.blank_rows


@settings(
    max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.lists(ROW, min_size=1, max_size=30))
def test_the_fast_path_reads_every_file_as_the_rules_do(demo, tmp_path, monkeypatch, rows):
    Indicator.objects.filter(resolution__code="cho-don-2023", code="3").update(value_max=1000)
    text = io.StringIO()
    writer = csv.writer(text)
    writer.writerow(["resolution", "indicator", "org_unit", "period", "value", "estimate", "note"])
    writer.writerows(rows)
    path = tmp_path / "so-lieu.csv"
    path.write_text(text.getvalue(), encoding="utf-8")

    fast = seen(preview_file(path, path.name))
    with monkeypatch.context() as patch:
        patch.setattr(_RowReader, "_long_entries", through_the_rules_only)
        slow = seen(preview_file(path, path.name))
    assert fast == slow


def test_the_fast_path_takes_the_rows_of_a_good_file(demo, tmp_path, monkeypatch):
    """The test above would pass if the fast path were never taken: here only a row with a
    text not seen before goes through the rules."""
    lines = ["resolution,indicator,org_unit,period,value,estimate,note"]
    lines += [
        f"cho-don-2023,{code},cho-don,{period},{n + 1},,"
        for n, (code, period) in enumerate(
            (c, p) for c in ("2", "3") for p in [f"2023-M{m:02d}" for m in range(1, 13)]
        )
    ]
    path = tmp_path / "tot.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    checked = []
    real = _RowReader._checked_entry

    def counting(self, row):
        checked.append(row.number)
        return real(self, row)

    monkeypatch.setattr(_RowReader, "_checked_entry", counting)
    preview = preview_file(path, path.name)
    assert preview.ok and len(preview.changes) == 24
    # Rows 2–13: indicator 2 in each of the 12 months (a new period each); row 14: the first
    # of indicator 3. Rows 15–25 are taken by the fast path.
    assert checked == list(range(2, 15))
