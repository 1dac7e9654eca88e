"""Bulk writes of observations: the rules of :func:`record_observation`, for a whole file.

An import validates every row first (:func:`read_typed_value`, :func:`check_value` — the same
number and range rules as the service), then hands the rows that change something to
:func:`write_observations`, which writes them in ONE transaction: updates guarded by the
version each row was previewed with (optimistic lock), inserts, and one audit event per row
with the same before/after content :func:`record_change` writes, the source naming file, sheet
and row. Either everything is written or nothing is.

The writes use ``executemany`` on prepared statements: Django's ``bulk_create`` spends most
of its time per field per row, and SQLite allows only 999 parameters per statement, which at
20 columns means 45 rows. 100.000 rows take seconds this way instead of a minute.
"""

from __future__ import annotations

import json
import operator
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from functools import partial
from itertools import repeat
from typing import Any, NamedTuple

from django.core.exceptions import ValidationError
from django.db import IntegrityError, connection, models, transaction
from django.db.backends.base.operations import BaseDatabaseOperations
from django.utils import timezone

from nghiquyet.collector import cycle_collector_paused
from nghiquyet.core.numbers import Convention
from nghiquyet.plans.models import Indicator

from .audit import Actor, _plain, converted_fields
from .models import AuditEvent, Observation

# The range rules live in the service; importing them keeps one definition of each rule.
from .services import _check_range, read_value

# "4.500", "41,3", "1.462.149", "1.234,56": the plain Vietnamese forms, read without the
# general parser. Anything else (units, qualifiers, "ước", ambiguity) goes through read_value.
_PLAIN = re.compile(r"(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d+))?")


def read_typed_value(
    indicator: Indicator, text: str, convention: Convention = Convention.TYPED
) -> tuple[Decimal, bool]:
    """Parse a typed value as :func:`record_observation` does: ("4.500", ha) → (4500, False).

    Raises ``ValidationError`` with the core's Vietnamese reason ("không rõ là 4,5 hay 4.500").
    """
    value = read_plain_number(text, convention)
    if value is not None:
        return value, False
    return read_value(indicator, text, convention)


def read_plain_number(text: str, convention: Convention = Convention.TYPED) -> Decimal | None:
    """The value of ``text`` if it is a plain Vietnamese number ("4.500", "41,3", "1.462.149")
    that reads the same whatever the indicator; ``None`` for anything else — units,
    qualifiers, "ước", spaces, or a lone comma before three digits ("4,500"), which only the
    general parser may judge."""
    if convention is Convention.ENGLISH:
        return None
    if text.isdigit() and text.isascii():  # "4500": most values of a file
        return Decimal(text)
    match = _PLAIN.fullmatch(text)
    if match is None:
        return None
    whole, frac = match.groups()
    if frac is None:
        return Decimal(whole.replace(".", ""))
    if convention is Convention.TYPED and len(frac) == 3 and "." not in whole and whole[0] != "0":
        return None
    return Decimal(f"{whole.replace('.', '')}.{frac}")


def check_value(indicator: Indicator, value: Decimal) -> None:
    """The range rules of the service: no negative counts, no rate above 100 % …"""
    _check_range(indicator, value)


class NewValue(NamedTuple):
    """A value to create. A tuple in the order of the INSERT's columns (``_NEW_COLUMNS``): a
    file's 100.000 rows go to the driver as they are, with no per-row copying."""

    indicator_id: int
    org_unit_id: int
    period: str
    # The period's last day as ISO text ("2023-12-31"), the form SQLite stores and COPY
    # sends: written once per period code, not adapted once per row by the driver (a date
    # object costs SQLite's adapter a Python call for each of a file's rows).
    period_end: str
    value: Decimal
    raw_text: str
    is_estimate: bool
    note: str
    source_ref: str


class ChangedValue(NamedTuple):
    pk: int
    expected_version: int
    value: Decimal
    raw_text: str
    is_estimate: bool
    note: str
    source_ref: str


@dataclass(frozen=True)
class BulkResult:
    created: int
    updated: int

    @property
    def changes(self) -> int:
        return self.created + self.updated


class ConcurrentImport(ValidationError):
    """Rows changed by somebody else between the preview and the write; nothing was written."""

    def __init__(self, details: Sequence[str]) -> None:
        self.details = list(details)
        super().__init__(
            "Trong lúc bạn xem trước, số liệu đã bị người khác thay đổi; chưa ghi gì. "
            "Hãy tải tệp lên lại để xem bản mới. " + "; ".join(self.details[:20]),
            code="conflict",
        )


@cycle_collector_paused()
def write_observations(
    new: Sequence[NewValue],
    changed: Sequence[ChangedValue],
    *,
    actor: Actor,
    reported_on: date | None = None,
) -> BulkResult:
    """Create ``new`` and update ``changed`` observations, audited, in one transaction.

    ``changed`` rows carry the version they were previewed at; if any row has moved on (or
    a ``new`` key was created meanwhile), :class:`ConcurrentImport` is raised and nothing is
    written.
    """
    user_id = actor.user.pk if actor.user is not None and actor.user.pk else None
    now = timezone.now()
    with transaction.atomic():
        befores = _lock_and_check(changed)
        if changed:
            _update(changed, user_id=user_id, now=now, reported_on=reported_on)
        ids: Sequence[int] = ()
        if new:
            # The ids are known before the audit rows stream out: a COPY in progress leaves
            # the connection to nothing else.
            ids = _insert_new(
                new, user_id=user_id, now=now, reported_on=reported_on or date.today()
            )
        audit = _audit_rows(new, ids, changed, befores, user_id, now, reported_on)
        _audit_insert(audit, actor, user_id, now)
    return BulkResult(created=len(new), updated=len(changed))


# --- reading what is there ------------------------------------------------------------------

_ATTNAMES = [field.attname for field in Observation._meta.concrete_fields]


def _chunks(items: Sequence[Any], size: int = 900) -> Iterable[Sequence[Any]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _lock_and_check(changed: Sequence[ChangedValue]) -> dict[int, dict[str, Any]]:
    """The rows about to change, locked, as audit snapshots; raise if any has moved on."""
    befores: dict[int, dict[str, Any]] = {}
    pks = [row.pk for row in changed]
    # What snapshot() holds, without a call per field: the row as read, then the few
    # fields _plain changes (100.000 rows × 21 fields was 3 s of an import of changes).
    converted = converted_fields(Observation)
    for chunk in _chunks(pks):
        query = Observation.objects.select_for_update().filter(pk__in=chunk, is_deleted=False)
        for values in query.values_list(*_ATTNAMES):
            before = dict(zip(_ATTNAMES, values, strict=True))
            for name in converted:
                before[name] = _plain(before[name])
            befores[before["id"]] = before
    stale = [
        row
        for row in changed
        if row.pk not in befores or befores[row.pk]["version"] != row.expected_version
    ]
    if stale:
        raise ConcurrentImport([_stale_detail(row, befores.get(row.pk)) for row in stale])
    return befores


def _stale_detail(row: ChangedValue, now: dict[str, Any] | None) -> str:
    if now is None:
        return f"{row.source_ref}: giá trị cũ đã bị xóa"
    return f"{row.source_ref}: giá trị hiện là '{now['raw_text']}' (phiên bản {now['version']})"


# --- writing ----------------------------------------------------------------------------------


def _memo(adapt: Callable[[Any], Any]) -> Callable[[Any], Any]:
    """Adapt each distinct value once: a file has thousands of rows and a handful of dates."""
    seen: dict[Any, Any] = {}

    def adapted(value: Any) -> Any:
        try:
            return seen[value]
        except KeyError:
            result = seen[value] = adapt(value)
            return result

    return adapted


def _adapter(field: models.Field[Any, Any]) -> Callable[[Any], Any] | None:
    """How a value of ``field`` goes to the driver; ``None`` when it goes as it is."""
    ops = connection.ops
    internal = field.get_internal_type()
    if internal == "DecimalField":
        if type(ops).adapt_decimalfield_value is BaseDatabaseOperations.adapt_decimalfield_value:
            return None  # the backend passes Decimal through (SQLite, PostgreSQL)
        return partial(
            ops.adapt_decimalfield_value,
            max_digits=field.max_digits,  # type: ignore[attr-defined]
            decimal_places=field.decimal_places,  # type: ignore[attr-defined]
        )
    if internal == "DateField":
        if connection.vendor in ("sqlite", "postgresql"):
            # Dates go to the driver as they are: psycopg takes them, and Django's SQLite
            # backend registers the adapter that writes what adapt_datefield_value would.
            return None
        return _memo(ops.adapt_datefield_value)
    if internal == "DateTimeField":
        return ops.adapt_datetimefield_value
    if internal == "JSONField":
        encoder = field.encoder  # type: ignore[attr-defined]
        if type(ops).adapt_json_value is BaseDatabaseOperations.adapt_json_value:
            # What the base class does (json.dumps(value, cls=encoder)), with one encoder
            # for the whole file instead of one a row.
            encode = (encoder or json.JSONEncoder)().encode
            return lambda value: None if value is None else encode(value)
        # None is SQL NULL, as JSONField(null=True) stores it, not the JSON text "null".
        return lambda value: None if value is None else ops.adapt_json_value(value, encoder)
    return None


class _Inserter:
    """INSERT of many rows of one model: ``varying`` columns per row, the rest constant.

    Rows are tuples in the order of ``varying``. Where no varying column needs adapting for
    the driver (the common case: numbers, text, dates, Decimal), a row goes to the driver as
    it is, or as ``row + constants`` (a concatenation done in C).
    """

    def __init__(
        self,
        model: type[models.Model],
        varying: Sequence[str],
        constants: dict[str, Any],
        *,
        ready: Iterable[str] = (),
    ) -> None:
        """``ready`` names varying columns whose values come as the driver takes them (JSON
        already encoded as text, say)."""
        fields = [f for f in model._meta.concrete_fields if not f.primary_key]
        by_name = {f.attname: f for f in fields}
        self.varying = [by_name[name] for name in varying]
        fixed = [f for f in fields if f.attname not in varying]
        self.fixed_values = tuple(
            f.get_db_prep_save(constants[f.attname], connection)
            if f.attname in constants
            else f.get_db_prep_save(f.get_default(), connection)
            for f in fixed
        )
        ready = set(ready)
        adapters = [None if f.attname in ready else _adapter(f) for f in self.varying]
        self.adapting = [(i, adapt) for i, adapt in enumerate(adapters) if adapt is not None]
        quote = connection.ops.quote_name
        columns = ", ".join(quote(f.column or f.attname) for f in [*self.varying, *fixed])
        marks = ["%s"] * len(self.varying)
        if connection.vendor == "sqlite":
            # The constants are written into the statement, quoted as Django's SQLite schema
            # editor quotes column defaults ("%" doubled for the driver's placeholders): fewer
            # parameters to bind for every row of an import (eleven of an observation's
            # twenty: a fifth of the INSERT's time). Every value that varies is a parameter.
            literal = connection.SchemaEditorClass(connection).quote_value
            marks += [literal(value).replace("%", "%%") for value in self.fixed_values]
            self.appended: tuple[Any, ...] = ()
        else:
            marks += ["%s"] * len(fixed)
            self.appended = self.fixed_values
        # Table and column names come from the model's _meta.
        self.table = quote(model._meta.db_table)
        self.pk_column = quote(model._meta.pk.attname)
        self.sql = f"INSERT INTO {self.table} ({columns}) VALUES ({', '.join(marks)})"  # noqa: S608
        self.copy_sql = f"COPY {self.table} ({columns}) FROM STDIN"

    def params(self, row: tuple[Any, ...]) -> tuple[Any, ...]:
        """One row as the driver takes it: varying values adapted, then the constants the
        statement does not hold."""
        if not self.adapting:
            return row + self.appended
        values = list(row)
        for index, adapt in self.adapting:
            values[index] = adapt(values[index])
        return (*values, *self.appended)

    def prepared(self, rows: Iterable[tuple[Any, ...]]) -> Iterator[tuple[Any, ...]]:
        """Every row as the driver takes it, lazily (a file's rows are never copied whole)."""
        if self.adapting:
            return map(self.params, rows)
        if self.appended:
            return map(operator.add, rows, repeat(self.appended))
        return iter(rows)

    def insert(self, rows: Iterable[tuple[Any, ...]]) -> None:
        """Insert ``rows``: one ``executemany`` that pulls them as SQLite writes them, or
        PostgreSQL's COPY. Either way, in the caller's transaction."""
        if connection.vendor == "postgresql":
            self._copy(rows)
            return
        with connection.cursor() as cursor:
            # Django takes an iterator here (SQLiteCursorWrapper peeks at it with tee); the
            # stubs ask for a Sequence.
            cursor.executemany(self.sql, self.prepared(rows))  # type: ignore[arg-type]

    def insert_returning_ids(self, rows: Sequence[tuple[Any, ...]]) -> range | None:
        """Insert ``rows`` and return their ids in order, where the database lets us know
        them without reading them back (SQLite); ``None`` elsewhere."""
        self.insert(rows)
        if connection.vendor != "sqlite" or not rows:
            return None
        # SQLite lets one connection write at a time, from our first INSERT to the commit,
        # and gives each new row the largest id + 1 (AppendOnlyId): our rows have
        # consecutive ids ending at the last one inserted. Checked, not assumed.
        with connection.cursor() as cursor:
            cursor.execute("SELECT last_insert_rowid()")
            last = cursor.fetchone()[0]
            first = last - len(rows) + 1
            # Table name from _meta; the bounds are parameters.
            cursor.execute(
                f"SELECT COUNT(*) FROM {self.table} WHERE {self.pk_column} BETWEEN %s AND %s",  # noqa: S608
                [first, last],
            )
            count = cursor.fetchone()[0]
        if count != len(rows):  # pragma: no cover - only if the assumption above broke
            return None
        return range(first, last + 1)

    def _copy(self, rows: Iterable[tuple[Any, ...]]) -> None:
        """PostgreSQL's own bulk load, in the same transaction: COPY takes rows as a stream,
        several times faster than INSERTs; a broken constraint still fails the whole import."""
        with connection.cursor() as cursor, connection.wrap_database_errors:
            raw = cursor.cursor  # psycopg's cursor under Django's wrapper
            with raw.copy(self.copy_sql) as copy:
                for row in self.prepared(rows):
                    copy.write_row(row)


_NEW_COLUMNS = NewValue._fields


def _new_constants(user_id: int | None, now: Any, reported_on: date) -> dict[str, Any]:
    return {
        "reported_pct": None,
        "source": Observation.Source.IMPORT.value,
        "source_quote": "",
        "reported_on": reported_on,
        "created_by_id": user_id,
        "updated_by_id": user_id,
        "created_at": now,
        "updated_at": now,
        "version": 1,
        "is_deleted": False,
        "needs_review": False,
    }


def _insert_new(
    new: Sequence[NewValue], *, user_id: int | None, now: Any, reported_on: date
) -> Sequence[int]:
    """Insert the new rows; their ids, in the order of ``new``."""
    inserter = _Inserter(Observation, _NEW_COLUMNS, _new_constants(user_id, now, reported_on))
    try:
        ids = inserter.insert_returning_ids(new)  # NewValue's fields are _NEW_COLUMNS, in order
    except IntegrityError as exc:
        raise ConcurrentImport(
            ["có giá trị vừa được người khác nhập cho cùng chỉ tiêu, đơn vị và kỳ"]
        ) from exc
    if ids is not None:
        return ids
    found = _created_ids(new)
    return [found[(row.indicator_id, row.org_unit_id, row.period)] for row in new]


def _update(
    changed: Sequence[ChangedValue], *, user_id: int | None, now: Any, reported_on: date | None
) -> None:
    if connection.vendor == "postgresql":
        _update_by_copy(changed, user_id=user_id, now=now, reported_on=reported_on)
        return
    ops = connection.ops
    table = ops.quote_name(Observation._meta.db_table)
    value_field = Observation._meta.get_field("value")
    adapt_value = _adapter(value_field) or (lambda value: value)
    stamp = ops.adapt_datetimefield_value(now)
    day = ops.adapt_datefield_value(reported_on)
    # The table name comes from _meta; every value is a parameter.
    sql = (
        f"UPDATE {table} SET value = %s, raw_text = %s, is_estimate = %s, note = %s, "  # noqa: S608
        "source = %s, source_ref = %s, source_quote = '', needs_review = %s, updated_by_id = %s, "
        "updated_at = %s, reported_on = COALESCE(%s, reported_on), version = version + 1 "
        "WHERE id = %s AND version = %s AND is_deleted = %s"
    )
    source = Observation.Source.IMPORT.value
    params = [
        (
            adapt_value(row.value),
            row.raw_text,
            row.is_estimate,
            row.note,
            source,
            row.source_ref,
            False,  # a person's file confirms a draft read from text, as the service does
            user_id,
            stamp,
            day,
            row.pk,
            row.expected_version,
            False,
        )
        for row in changed
    ]
    with connection.cursor() as cursor:
        cursor.executemany(sql, params)


def _update_by_copy(
    changed: Sequence[ChangedValue], *, user_id: int | None, now: Any, reported_on: date | None
) -> None:
    """PostgreSQL: COPY the new values into a temporary table, then one UPDATE … FROM joins
    them in — a statement per row costs a round trip each. Same columns, same version guard
    as the statement above; the rows are locked and checked already (_lock_and_check)."""
    table = connection.ops.quote_name(Observation._meta.db_table)
    with connection.cursor() as cursor, connection.wrap_database_errors:
        cursor.execute(
            "CREATE TEMPORARY TABLE nghiquyet_import_values (id bigint, version integer, "
            "value numeric, raw_text text, is_estimate boolean, note text, source_ref text)"
        )
        with cursor.cursor.copy("COPY nghiquyet_import_values FROM STDIN") as copy:
            for row in changed:
                copy.write_row(
                    (
                        row.pk,
                        row.expected_version,
                        row.value,
                        row.raw_text,
                        row.is_estimate,
                        row.note,
                        row.source_ref,
                    )
                )
        # The table name comes from _meta; every value is a parameter.
        cursor.execute(
            f"UPDATE {table} AS o SET value = n.value, raw_text = n.raw_text, "  # noqa: S608
            "is_estimate = n.is_estimate, note = n.note, source = %s, source_ref = n.source_ref, "
            "source_quote = '', needs_review = false, updated_by_id = %s, updated_at = %s, "
            "reported_on = COALESCE(%s, o.reported_on), version = o.version + 1 "
            "FROM nghiquyet_import_values AS n "
            "WHERE o.id = n.id AND o.version = n.version AND NOT o.is_deleted",
            [Observation.Source.IMPORT.value, user_id, now, reported_on],
        )
        updated = cursor.rowcount
        cursor.execute("DROP TABLE nghiquyet_import_values")
    if updated != len(changed):  # pragma: no cover - the rows are locked since the check
        raise ConcurrentImport(["có giá trị vừa bị người khác sửa trong lúc nhập"])


# --- audit ------------------------------------------------------------------------------------


def _created_ids(new: Sequence[NewValue]) -> dict[tuple[int, int, str], int]:
    wanted = {(row.indicator_id, row.org_unit_id, row.period) for row in new}
    indicators = sorted({key[0] for key in wanted})
    periods = sorted({key[2] for key in wanted})
    found: dict[tuple[int, int, str], int] = {}
    for chunk in _chunks(indicators, 500):
        query = Observation.objects.filter(
            indicator_id__in=chunk, period__in=periods, is_deleted=False
        ).values_list("id", "indicator_id", "org_unit_id", "period")
        for pk, indicator_id, unit_id, period in query.iterator(chunk_size=10_000):
            key = (indicator_id, unit_id, period)
            if key in wanted:
                found[key] = pk
    return found


class _Snapshots:
    """The JSON of snapshots that share most of their fields, exactly as ``json.dumps`` writes
    the whole dict: the shared fields are encoded once, and each row's own fields, encoded on
    their own, are put in their places. A file's 100.000 audit events cost a string format
    each instead of a full encoding (test_bulk.py checks that both texts are the same)."""

    def __init__(self, template: dict[str, Any], own: Sequence[str]) -> None:
        if [name for name in template if name in own] != list(own):
            raise ValueError(f"{own} are not fields of the snapshot, in its order")
        marks = {name: f"\x00{name}\x00" for name in own}
        text = json.dumps({**template, **marks}).replace("%", "%%")
        for name, mark in marks.items():
            encoded = json.dumps(mark)
            if text.count(encoded) != 1:  # pragma: no cover - a NUL inside a shared text
                raise ValueError(f"cannot place {name!r} in the snapshot")
            text = text.replace(encoded, "%s")
        self._format = text

    def text(self, own: tuple[str, ...]) -> str:
        """The snapshot with the ``own`` fields' values, each as JSON text (as ``json.dumps``
        writes that one value)."""
        return self._format % own


_quote = json.encoder.encode_basestring_ascii  # how json.dumps writes a str (ensure_ascii)


# A new row's own values, in the order of the snapshot's fields (Observation's).
_CREATED_OWN = (
    "id",
    "indicator_id",
    "org_unit_id",
    "period",
    "period_end",
    "is_estimate",
    "value",
    "raw_text",
    "source_ref",
    "note",
)


def _audit_rows(
    new: Sequence[NewValue],
    ids: Sequence[int],
    changed: Sequence[ChangedValue],
    befores: dict[int, dict[str, Any]],
    user_id: int | None,
    now: Any,
    reported_on: date | None,
) -> Iterable[tuple[Any, ...]]:
    """(action, object_pk, before, after, source) for every row written, before and after as
    JSON text — the content :func:`record_change` stores."""
    encoder = AuditEvent._meta.get_field("after").encoder
    encode = (encoder or json.JSONEncoder)().encode
    stamp = _plain(now)
    if new:
        # The snapshot record_change would take: the constants of a bulk create once, each
        # row's own values into their places.
        template = dict.fromkeys(_ATTNAMES)
        template.update(
            (name, _plain(value))
            for name, value in _new_constants(user_id, now, reported_on or date.today()).items()
            if name in template
        )
        text, quote, booleans = _Snapshots(template, _CREATED_OWN).text, _quote, ("false", "true")
        for created, pk in zip(new, ids, strict=True):
            indicator, unit, period, end, value, raw, estimate, note, source = created
            number = str(pk)
            snapshot = text(
                (
                    number,
                    str(indicator),
                    str(unit),
                    quote(period),
                    quote(end),
                    booleans[estimate],
                    quote(format(value.normalize(), "f")),  # a Decimal, as _plain writes it
                    quote(raw),
                    quote(source),
                    quote(note),
                )
            )
            yield "create", number, None, snapshot, source
    for row in changed:
        before = befores[row.pk]
        after = dict(before)
        after.update(
            value=_plain(row.value),
            raw_text=row.raw_text,
            is_estimate=row.is_estimate,
            note=row.note,
            source=Observation.Source.IMPORT.value,
            source_ref=row.source_ref,
            source_quote="",
            needs_review=False,
            updated_by_id=user_id,
            updated_at=stamp,
            version=before["version"] + 1,
        )
        if reported_on is not None:
            after["reported_on"] = _plain(reported_on)
        yield "update", str(row.pk), encode(before), encode(after), row.source_ref


def _audit_insert(
    rows: Iterable[tuple[str, str, Any, Any, str]], actor: Actor, user_id: int | None, now: Any
) -> None:
    inserter = _Inserter(
        AuditEvent,
        ("action", "object_pk", "before", "after", "source"),
        {
            "at": now,
            "actor_id": user_id,
            "actor_label": actor.label,
            "model": Observation._meta.label_lower,
            "reason": "",
        },
        ready=("before", "after"),
    )
    inserter.insert(rows)
