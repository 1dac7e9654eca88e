"""Exports: the CSV is the import format, so an export imported again changes nothing."""

import json
from decimal import Decimal

from hypothesis import given
from hypothesis import strategies as st
from openpyxl import load_workbook

from nghiquyet.core.numbers import Convention
from nghiquyet.intake.export import typed
from nghiquyet.plans.models import Indicator
from nghiquyet.results.bulk import read_typed_value
from nghiquyet.results.models import Observation
from nghiquyet.results.services import record_observation

from .conftest import HEADER, snapshot_db


def export(run, tmp_path, fmt, *args, resolution="cho-don-2023"):
    path = tmp_path / f"xuat.{fmt}"
    result = run("export", "--resolution", resolution, "--format", fmt, "-o", str(path), *args)
    assert result.code == 0, result.err
    return path


def test_the_csv_is_exactly_the_import_format(demo, run, tmp_path):
    text = export(run, tmp_path, "csv").read_text(encoding="utf-8-sig")
    lines = text.splitlines()
    assert lines[0] == HEADER
    assert 'cho-don-2023,2,cho-don,2023-9M,"603,8",,' in lines
    assert "cho-don-2023,6,cho-don,2023-9M,217,," in lines


def test_an_exported_csv_imported_again_changes_nothing(demo, run, tmp_path, actor):
    forest = Indicator.objects.get(resolution__code="pac-nam-2023", code="1")
    record_observation(
        indicator=forest,
        org_unit=forest.resolution.scope,
        period="2023-H1",
        value=Decimal("4.125"),
        is_estimate=True,
        actor=actor,
    )  # three decimals: the export must not write the ambiguous "4,125"
    for code in ("cho-don-2023", "pac-nam-2023", "pac-nam-2020-2025", "luc-ngan-2015-2020"):
        path = export(run, tmp_path, "csv", resolution=code)
        before = snapshot_db()
        result = run("import", str(path))
        assert result.code == 0, result.err
        assert "0 mới, 0 thay đổi" in result.out and "0 thay đổi." in result.out
        assert snapshot_db() == before
    assert '"4,1250",ƯTH' in export(run, tmp_path, "csv", resolution="pac-nam-2023").read_text(
        encoding="utf-8-sig"
    )


def test_xlsx_and_json_exports_round_trip_too(demo, run, tmp_path):
    for fmt in ("xlsx", "json"):
        path = export(run, tmp_path, fmt, resolution="pac-nam-2020-2025")
        before = snapshot_db()
        result = run("import", str(path))
        assert result.code == 0, result.err
        assert "0 thay đổi." in result.out and "Cảnh báo" not in result.err
        assert snapshot_db() == before


def test_a_changed_export_imports_as_exactly_that_change(demo, run, tmp_path):
    path = export(run, tmp_path, "csv")
    text = path.read_text(encoding="utf-8-sig").replace(
        'cho-don-2023,2,cho-don,2023-9M,"603,8",,', 'cho-don-2023,2,cho-don,2023-9M,"605,2",,'
    )
    path.write_text(text, encoding="utf-8-sig")
    result = run("import", str(path))
    assert "0 mới, 1 thay đổi" in result.out and "603,8 → 605,2" in result.out


def test_the_xlsx_has_the_data_sheet_and_a_scorecard_per_period(demo, run, tmp_path):
    book = load_workbook(export(run, tmp_path, "xlsx", "--period", "2023-9M"))
    data = book["Số liệu"]
    assert [c.value for c in data[1]][:7] == HEADER.split(",")
    assert book.sheetnames[1] == "Đánh giá 2023-9M"
    card = "\n".join(str(c.value) for row in book["Đánh giá 2023-9M"].iter_rows() for c in row)
    assert "Có 2/6 chỉ tiêu đạt và vượt." in card and "Trồng rừng" in card


def test_the_json_has_records_and_the_scorecards_of_the_scorecard_command(demo, run, tmp_path):
    document = json.loads(export(run, tmp_path, "json", "--period", "2023-9M").read_text())
    assert document["format"] == "nghiquyet-export"
    forest = next(o for o in document["observations"] if o["indicator_name"] == "Trồng rừng")
    assert forest["value"] == 603.8 and forest["value_text"] == "603,8"
    card = document["scorecards"][0]
    assert card["period"] == "2023-9M" and card["tally"]["sentence"] == "2/6 chỉ tiêu đạt và vượt"


def test_period_ranges_and_units_select_what_is_exported(demo, run, tmp_path, forest, actor):
    for period in ("2022", "2023-Q1", "2023-H1", "2023-Q3", "2023"):
        record_observation(
            indicator=forest,
            org_unit=forest.resolution.scope,
            period=period,
            value=Decimal(1),
            actor=actor,
        )

    def periods(*args):
        text = export(run, tmp_path, "csv", *args).read_text(encoding="utf-8-sig")
        return sorted({line.split(",")[3] for line in text.splitlines()[1:]})

    everything = periods()
    assert everything == ["2022", "2022-9M", "2023", "2023-9M", "2023-H1", "2023-Q1", "2023-Q3"]
    assert periods("--from", "2023-Q1", "--to", "2023-H1") == ["2023-H1", "2023-Q1"]
    assert periods("--from", "2023-Q2") == ["2023-Q3"]
    assert periods("--to", "2022") == ["2022", "2022-9M"]
    assert periods("--period", "2023-9M") == ["2023-9M"]
    assert periods("--unit", "cho-don") == everything


def test_bad_export_requests_exit_with_2(demo, run, tmp_path):
    out = str(tmp_path / "x.csv")
    base = ["export", "--resolution", "cho-don-2023", "--format", "csv", "-o", out]
    assert "nằm ngoài thời hạn" in run(*base, "--period", "2019").err
    assert run(*base, "--period", "2019").code == 2
    assert "không thuộc phạm vi" in run(*base, "--unit", "pac-nam").err
    assert "trước kỳ đầu" in run(*base, "--from", "2023-Q3", "--to", "2023-Q1").err
    assert run("export", "--resolution", "khong-co", "--format", "csv", "-o", out).code == 2


def test_csv_to_stdout_and_semicolons(demo, run):
    result = run(
        "export",
        "--resolution",
        "cho-don-2023",
        "--format",
        "csv",
        "-o",
        "-",
        "--delimiter",
        "semicolon",
    )
    assert result.out.startswith("resolution;indicator;org_unit;period;value;estimate;note")
    assert "cho-don-2023;2;cho-don;2023-9M;603,8;;" in result.out


@given(st.decimals(min_value=-(10**12), max_value=10**12, places=6, allow_nan=False))
def test_every_exported_number_reads_back_as_itself(value):
    indicator = Indicator(unit="", kind="change")
    parsed, _ = read_typed_value(indicator, typed(value), Convention.TYPED)
    assert parsed == value


def test_exported_estimates_and_notes_survive(demo, run, tmp_path):
    obs = Observation.objects.filter(indicator__resolution__code="pac-nam-2023", is_estimate=True)
    assert obs.exists()
    text = export(run, tmp_path, "csv", resolution="pac-nam-2023").read_text(encoding="utf-8-sig")
    assert ",ƯTH," in text
    assert Decimal(1) == 1
