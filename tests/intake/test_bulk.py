"""The bulk writer keeps the rules and the audit content of record_observation."""

import json
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from hypothesis import given
from hypothesis import strategies as st

from nghiquyet.core.numbers import Convention
from nghiquyet.plans.models import Indicator
from nghiquyet.results.audit import Actor, _plain, snapshot
from nghiquyet.results.bulk import (
    NewValue,
    _Snapshots,
    read_typed_value,
    write_observations,
)
from nghiquyet.results.models import AuditEvent, Observation
from nghiquyet.results.services import read_value, record_observation


def test_a_bulk_create_audits_what_the_service_audits(demo, forest, actor):
    scope = forest.resolution.scope
    by_service = record_observation(
        indicator=forest, org_unit=scope, period="2023-Q1", raw_text="120,5", actor=actor
    )
    write_observations(
        [
            NewValue(
                forest.pk,
                scope.pk,
                "2023-Q2",
                "2023-06-30",
                Decimal("120.5"),
                "120,5",
                False,
                "",
                "tep.csv · dòng 2",
            )
        ],
        [],
        actor=actor,
    )
    by_bulk = Observation.objects.get(indicator=forest, period="2023-Q2")
    service_event = AuditEvent.objects.get(
        model="results.observation", object_pk=str(by_service.pk)
    )
    bulk_event = AuditEvent.objects.get(model="results.observation", object_pk=str(by_bulk.pk))
    assert set(bulk_event.after) == set(service_event.after)
    same = {"indicator_id", "org_unit_id", "value", "raw_text", "is_estimate", "version", "note"}
    assert {k: bulk_event.after[k] for k in same} == {k: service_event.after[k] for k in same}
    assert bulk_event.after["source"] == "import" and bulk_event.source == "tep.csv · dòng 2"
    assert bulk_event.actor_label == service_event.actor_label == "test"
    assert bulk_event.before is None and bulk_event.action == "create"
    assert by_bulk.reported_on is not None and by_bulk.created_at is not None


TEXT = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=30)


def test_every_bulk_create_is_audited_with_the_snapshot_of_its_own_row(demo, forest, actor):
    """Ids are not read back but worked out (SQLite) and the JSON is built from a template:
    each event must still name its own row and hold exactly what record_change would."""
    scope = forest.resolution.scope
    odd = ['"quoted"', "50 % \\ back", "Trồng rừng — ước", "", "\x07 bell", "{braces}"]
    rows = [
        NewValue(
            forest.pk,
            scope.pk,
            f"2023-M{month:02d}",
            f"2023-{month:02d}-28",
            Decimal(month * 1001) / 8,
            f"{month}.000,5",
            month % 2 == 0,
            odd[month % len(odd)],
            f"{odd[(month + 1) % len(odd)]}.csv · dòng {month + 1}",
        )
        for month in range(1, 13)
    ]
    write_observations(rows, [], actor=actor)
    for row in rows:
        observation = Observation.objects.get(indicator=forest, org_unit=scope, period=row.period)
        event = AuditEvent.objects.get(model="results.observation", object_pk=str(observation.pk))
        assert event.after == snapshot(observation)
        assert event.source == row.source_ref == observation.source_ref


@given(
    st.integers(min_value=1, max_value=2**40),
    st.decimals(allow_nan=False, allow_infinity=False, places=6, max_value=10**12),
    TEXT,
    st.booleans(),
    TEXT,
)
def test_the_snapshot_template_writes_what_json_dumps_writes(pk, value, raw, estimate, note):
    template = {"id": None, "kind": "x % y", "value": None, "raw": None, "flag": None}
    template |= {"note": None, "constant": [1, "ư"]}
    snapshots = _Snapshots(template, ("id", "value", "raw", "flag", "note"))
    own = {"id": pk, "value": _plain(value), "raw": raw, "flag": estimate, "note": note}
    expected = json.dumps({**template, **own})
    assert snapshots.text(tuple(json.dumps(v) for v in own.values())) == expected


def test_an_import_by_a_user_is_audited_under_their_name(demo, run, csv_file):
    result = run(
        "import", str(csv_file("pac-nam-2023,1,pac-nam,2023-H1,100,,")), "--user", "baocao"
    )
    assert result.code == 0, result.err
    observation = Observation.objects.get(
        indicator__resolution__code="pac-nam-2023", indicator__code="1", period="2023-H1"
    )
    assert observation.created_by.username == "baocao"
    event = AuditEvent.objects.get(model="results.observation", object_pk=str(observation.pk))
    assert event.actor.username == "baocao" and event.actor_label == "baocao"


def test_nothing_to_write_writes_nothing(demo, actor):
    events = AuditEvent.objects.count()
    assert write_observations([], [], actor=actor).changes == 0
    assert AuditEvent.objects.count() == events


TYPED = st.one_of(
    st.from_regex(r"[0-9]{1,7}", fullmatch=True),
    st.from_regex(r"[0-9]{1,3}(\.[0-9]{3}){1,3}(,[0-9]{1,4})?", fullmatch=True),
    st.from_regex(r"[0-9]{1,4},[0-9]{1,5}", fullmatch=True),
    st.from_regex(r"[0-9.,]{1,9}", fullmatch=True),
)


@given(TYPED, st.sampled_from(list(Convention)))
def test_the_fast_path_reads_exactly_what_the_service_reads(text, convention):
    indicator = Indicator(unit="ha", kind="flow")
    try:
        expected = read_value(indicator, text, convention)
    except ValidationError as exc:
        with pytest.raises(ValidationError) as caught:
            read_typed_value(indicator, text, convention)
        assert caught.value.messages == exc.messages
    else:
        assert read_typed_value(indicator, text, convention) == expected


def test_an_update_moves_the_version_on(demo, run, csv_file, forest):
    observation = Observation.objects.get(indicator=forest, period="2023-9M")
    result = run("import", str(csv_file("cho-don-2023,2,cho-don,2023-9M,611,,")))
    assert result.code == 0
    observation.refresh_from_db()
    assert observation.version == 2 and observation.value == 611


def test_a_bulk_update_audits_the_snapshots_before_and_after(demo, run, csv_file, forest):
    """The rows being changed are read as values and only some fields converted: the event
    must still hold exactly what snapshot() gives before and after, as record_change would."""
    observation = Observation.objects.get(indicator=forest, period="2023-9M")
    before = snapshot(observation)
    assert run("import", str(csv_file("cho-don-2023,2,cho-don,2023-9M,611,ƯTH,ghi chú"))).code == 0
    observation.refresh_from_db()
    event = AuditEvent.objects.get(action="update", object_pk=str(observation.pk))
    assert event.before == before
    assert event.after == snapshot(observation)


def test_an_import_of_the_same_value_confirms_a_draft_read_from_text(demo, run, csv_file, forest):
    draft = record_observation(
        indicator=forest,
        org_unit=forest.resolution.scope,
        period="2023-H1",
        raw_text="412,5",
        source=Observation.Source.EXTRACTED,
        needs_review=True,
        actor=Actor.system("máy đọc"),
    )
    result = run("import", str(csv_file('cho-don-2023,2,cho-don,2023-H1,"412,5",,')))
    assert "412,5 (chờ rà soát) → 412,5" in result.out and "1 thay đổi" in result.out
    draft.refresh_from_db()
    assert not draft.needs_review and draft.source == "import" and draft.version == 2
    event = AuditEvent.objects.filter(action="update", object_pk=str(draft.pk)).get()
    assert event.before["needs_review"] is True and event.after["needs_review"] is False


def test_constants_written_into_the_statement_arrive_exactly(demo, forest):
    """On SQLite the constants of a bulk insert are literals in the SQL: a label with quotes
    and percent signs must be stored as typed, not break or bend the statement."""
    label = "nhập tệp (O'Brien; 50%s %% \\'; DROP TABLE x; --)"
    row = NewValue(
        forest.pk,
        forest.resolution.scope.pk,
        "2023-Q2",
        "2023-06-30",
        Decimal("1"),
        "1",
        False,
        "",
        "tep.csv · dòng 2",
    )
    write_observations([row], [], actor=Actor.system(label))
    observation = Observation.objects.get(indicator=forest, period="2023-Q2")
    event = AuditEvent.objects.get(model="results.observation", object_pk=str(observation.pk))
    assert event.actor_label == label and event.reason == "" and event.actor is None
    assert observation.source == "import" and observation.version == 1


@pytest.mark.django_db
def test_sqlite_numbers_imported_rows_without_autoincrement():
    """AUTOINCREMENT writes sqlite_sequence for every row inserted; the ids of observations
    and audit events are rowids (AppendOnlyId), which bulk's consecutive-id check relies on."""
    if connection.vendor != "sqlite":
        pytest.skip("SQLite's table definition")
    with connection.cursor() as cursor:
        for table in ("results_observation", "results_auditevent"):
            cursor.execute("SELECT sql FROM sqlite_master WHERE name = %s", [table])
            sql = cursor.fetchone()[0]
            assert '"id" integer NOT NULL PRIMARY KEY' in sql and "AUTOINCREMENT" not in sql
