"""Importing observations: file → rows → checked entries → preview → one transaction.

:func:`preview_file` reads and checks everything and compares it with what is stored: each
row is new, changed (old → new) or unchanged. Nothing is written. :func:`apply_preview` writes
the new and changed rows through :func:`nghiquyet.results.bulk.write_observations` — one
transaction, the previewed versions as optimistic locks, an audit event per row naming file,
sheet and row. A file with any error writes nothing.

"Changed" means the number, the TH/ƯTH flag or the note differ, or the stored value is a draft
read from text that the file now confirms; a value typed differently but equal ("603,80" for
603,8) is unchanged, so importing an export again yields "0 thay đổi".
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from contextlib import suppress
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from enum import StrEnum
from pathlib import Path
from typing import Any

from django.contrib.auth.models import AnonymousUser, User

from nghiquyet.collector import cycle_collector_paused
from nghiquyet.core.numbers import Convention, format_number
from nghiquyet.core.periods import Period
from nghiquyet.core.text import fold
from nghiquyet.orgunits.models import OrgUnit
from nghiquyet.plans.models import Indicator, Resolution
from nghiquyet.results.audit import Actor
from nghiquyet.results.bulk import (
    BulkResult,
    ChangedValue,
    NewValue,
    read_plain_number,
    write_observations,
)
from nghiquyet.results.models import Observation
from nghiquyet.results.services import value_range

from .files import Kind, Limits
from .problems import FileRefused, Problem, Problems
from .rows import SourceRow, Table, as_text, is_blank
from .tables import Opened, Purpose, open_tables
from .validate import Bad, Catalog, code_text, read_estimate, read_number


class Status(StrEnum):
    NEW = "new"
    CHANGED = "changed"
    UNCHANGED = "unchanged"


STATUS_LABELS = {Status.NEW: "Mới", Status.CHANGED: "Thay đổi", Status.UNCHANGED: "Không đổi"}


@dataclass(frozen=True, slots=True)
class Existing:
    pk: int
    value: Decimal | None
    raw_text: str
    is_estimate: bool
    note: str
    version: int
    reported_pct: Decimal | None
    needs_review: bool = False  # a draft read from text: an import by a person confirms it

    @property
    def shown(self) -> str:
        if self.value is not None:
            text = format_number(self.value)
        else:
            text = f"({format_number(self.reported_pct)} % KH)" if self.reported_pct else "—"
        return f"{text} (chờ rà soát)" if self.needs_review else text


@dataclass(slots=True)
class Entry:
    """A good row: what it says, resolved to rows of the database."""

    row: int
    sheet: str
    indicator: Indicator
    unit: OrgUnit
    period: Period
    value: Decimal
    raw: str
    estimate: bool | None  # None: the file does not say (no column); keep what is stored
    note: str | None  # None: no note column; keep what is stored
    key: tuple[int, int, str]  # (indicator pk, unit pk, period code)


@dataclass(slots=True)
class Change:
    entry: Entry
    status: Status
    old: Existing | None
    estimate: bool  # what would be stored: the file's flag, or the stored one if it has none
    note: str  # likewise

    @property
    def shown(self) -> str:
        text = format_number(self.entry.value)
        return f"{text} (ƯTH)" if self.estimate else text

    @property
    def old_shown(self) -> str:
        if self.old is None:
            return ""
        return f"{self.old.shown} (ƯTH)" if self.old.is_estimate else self.old.shown


@dataclass
class Preview:
    """What an import would do, and everything wrong with the file."""

    name: str
    description: str = ""
    problems: Problems = field(default_factory=Problems)
    changes: list[Change] = field(default_factory=list)
    blank_rows: int = 0
    resolutions: list[Resolution] = field(default_factory=list)
    template: dict[str, str] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.problems.has_errors

    def of(self, status: Status) -> list[Change]:
        return [change for change in self.changes if change.status is status]

    def count(self, status: Status) -> int:
        return sum(1 for change in self.changes if change.status is status)

    @property
    def pending(self) -> int:
        """How many rows a confirmation would write."""
        return sum(1 for change in self.changes if change.status is not Status.UNCHANGED)

    @property
    def digest(self) -> str:
        """A fingerprint of what would be written, against which versions: the page sends it
        back with the confirmation, and a different one means the data moved meanwhile."""
        digest = hashlib.sha256()
        for change in self.changes:
            if change.status is Status.UNCHANGED:
                continue
            old = f"{change.old.pk}:{change.old.version}" if change.old else "-"
            digest.update(
                f"{change.entry.key}|{old}|{change.entry.value}|{change.estimate}|"
                f"{change.note}\n".encode()
            )
        return digest.hexdigest()[:32]


@cycle_collector_paused()
def preview_file(
    path: Path,
    name: str,
    *,
    user: User | AnonymousUser | None = None,
    convention: Convention = Convention.TYPED,
    limits: Limits | None = None,
) -> Preview:
    """Read, check and compare the file at ``path``; write nothing."""
    preview = Preview(name)
    try:
        opened = open_tables(path, name, Purpose.OBSERVATIONS, limits)
    except FileRefused as exc:
        preview.problems.extend(exc.problems)
        return preview
    preview.description = opened.description
    preview.template = opened.context
    preview.problems.extend(opened.warnings)
    catalog = Catalog(user)
    entries: list[Entry] = []
    try:
        for table in opened.tables:
            preview.problems.extend(table.problems)
            if any(p.is_error for p in table.problems):
                continue
            reader = _RowReader(table, opened, catalog, convention, preview.problems)
            entries.extend(reader.entries())
            preview.blank_rows += reader.blank
    except FileRefused as exc:  # a CSV broken half-way, a JSON record that is not an object
        preview.problems.extend(exc.problems)
    if not entries and not preview.problems.has_errors:
        preview.problems.error(
            "Tệp không có dòng số liệu nào (các ô giá trị đều trống).", code="no_rows"
        )
    _check_duplicates(entries, preview.problems, opened.kind)
    if preview.ok:
        preview.changes = _compare(entries)
        seen: dict[int, Resolution] = {}
        for entry in entries:
            if entry.indicator.resolution_id not in seen:
                seen[entry.indicator.resolution_id] = entry.indicator.resolution
        preview.resolutions = list(seen.values())
    return preview


@cycle_collector_paused()
def apply_preview(preview: Preview, *, actor: Actor, reported_on: date | None = None) -> BulkResult:
    """Write what ``preview`` found to change, in one transaction; see the module doc."""
    if not preview.ok:
        raise ValueError("A preview with errors is never written.")
    new: list[NewValue] = []
    changed: list[ChangedValue] = []
    ends: dict[str, str] = {}  # period code → its last day, ISO
    where: dict[str, str] = {}  # sheet → "file · sheet · dòng "
    for change in preview.changes:
        status = change.status
        if status is Status.UNCHANGED:
            continue
        entry = change.entry
        prefix = where.get(entry.sheet)
        if prefix is None:
            prefix = where[entry.sheet] = source_prefix(preview.name, entry.sheet)
        old = change.old
        estimate, note = change.estimate, change.note
        if status is Status.NEW:
            indicator_pk, unit_pk, code = entry.key
            end = ends.get(code)
            if end is None:
                end = ends[code] = entry.period.end.isoformat()
            new.append(
                NewValue(
                    indicator_pk,
                    unit_pk,
                    code,
                    end,
                    entry.value,
                    entry.raw[:200],
                    estimate,
                    note,
                    prefix + str(entry.row),
                )
            )
        elif old is not None:
            changed.append(
                ChangedValue(
                    old.pk,
                    old.version,
                    entry.value,
                    entry.raw[:200],
                    estimate,
                    note,
                    prefix + str(entry.row),
                )
            )
    return write_observations(new, changed, actor=actor, reported_on=reported_on)


def source_prefix(name: str, sheet: str) -> str:
    """Where the values of a file come from, but the row: "so-lieu-9t.xlsx · Nhập số liệu ·
    dòng " — each value's source adds its row number as Excel shows it ("… · dòng 7")."""
    parts = [name[:200]]
    if sheet:
        parts.append(sheet[:60])
    return " · ".join(parts) + " · dòng "


# --- reading rows ------------------------------------------------------------------------------


class _RowReader:
    """Turns the rows of one table into entries, reporting every bad cell."""

    def __init__(
        self,
        table: Table,
        opened: Opened,
        catalog: Catalog,
        convention: Convention,
        problems: Problems,
    ) -> None:
        self.table = table
        self.catalog = catalog
        self.convention = convention
        self.problems = problems
        self.context = opened.context
        self.row_word = "Bản ghi" if opened.kind is Kind.JSON else "Dòng"
        self.blank = 0
        self.has_estimate = "estimate" in table.columns
        self.has_note = "note" in table.columns
        self._fixed: tuple[Resolution, OrgUnit, Period] | None = None
        self._frames: dict[tuple[int, int, Period], list[tuple[str, Bad]]] = {}
        # Files repeat the same few codes thousands of times: each cell text is looked up once.
        self._cache: dict[tuple[object, ...], object] = {}
        self._codes: dict[Period, str] = {}
        self._good = _Good()
        if self.context:
            self._fixed = self._template_frame()

    def _template_frame(self) -> tuple[Resolution, OrgUnit, Period] | None:
        context = self.context
        try:
            resolution = self.catalog.resolution(context["resolution"])
            unit = self.catalog.unit(context["org_unit"])
            period = self.catalog.period(context["period"])
        except Bad as exc:
            raise FileRefused.because(
                f"Biểu mẫu không dùng được: {exc.reason} (nghị quyết '{context['resolution']}', "
                f"đơn vị '{context['org_unit']}', kỳ '{context['period']}').",
                code="template_frame",
            ) from exc
        self._check_frame(resolution, unit, period, row=None)
        return resolution, unit, period

    def bad(self, row: SourceRow, key: str, exc: Bad) -> None:
        cell = self.table.cell(row, key)
        column = self.table.columns.get(key)
        self.problems.add(
            Problem(
                exc.reason,
                row=row.number,
                column=column.header if column else key,
                value=as_text(cell) or None,
                sheet=self.table.sheet,
                code=exc.code,
                row_word=self.row_word,
            )
        )

    def _cached(self, key: tuple[object, ...], find: Callable[[], object]) -> Any:
        try:
            found = self._cache[key]
        except KeyError:
            try:
                found = find()
            except Bad as exc:
                found = exc
            self._cache[key] = found
        except TypeError:  # an unhashable cell: look it up every time
            found = find()
        if isinstance(found, Bad):
            raise Bad(found.reason, found.code)  # a fresh one: re-raising grows its traceback
        return found

    def entries(self) -> list[Entry]:
        if self._fixed is None:
            return self._long_entries()
        result = []
        for row in self.table.rows:
            entry = self._checked_entry(row)
            if entry is not None:
                result.append(entry)
        return result

    def _checked_entry(self, row: SourceRow) -> Entry | None:
        """A row read by the rules, every problem reported; ``None`` if blank or bad."""
        if all(is_blank(cell) for cell in row.cells):
            return None
        return self._entry(row)

    def _long_entries(self) -> list[Entry]:
        """The rows of a long table (one value a row, every key in its own column).

        A file of 100.000 rows names the same few resolutions, indicators, units and periods
        thousands of times. What the rules found good for a cell text is remembered, and a row
        whose texts were all found good, whose unit and period fit the resolution and whose
        value is a plain number within the indicator's range is taken at once; any other row
        — the first with a new text, a blank one, a bad one — goes through
        :meth:`_checked_entry`, which reports what is wrong. Both give the same entry for the
        same row (tests/intake: the property test of the two paths)."""
        columns = self.table.columns
        at = {key: column.index for key, column in columns.items()}
        resolution_at, indicator_at = at["resolution"], at["indicator"]
        unit_at, period_at, value_at = at["org_unit"], at["period"], at["value"]
        estimate_at, note_at = at.get("estimate"), at.get("note")
        good = self._good
        indicators, units, periods, frames = good.indicators, good.units, good.periods, good.frames
        estimates, convention, sheet = good.estimates, self.convention, self.table.sheet
        result: list[Entry] = []
        append = result.append
        for row in self.table.rows:
            cells = row.cells
            try:
                resolution_pk, indicator, indicator_pk, low, high = indicators[
                    cells[resolution_at], cells[indicator_at]
                ]
                unit, unit_pk = units[cells[unit_at]]
                period, code = periods[cells[period_at]]
                if (resolution_pk, unit_pk, code) not in frames:
                    raise KeyError(code)
                text = cells[value_at]
                if not isinstance(text, str):
                    raise TypeError(text)
                value = read_plain_number(text, convention)
                if value is None:
                    raise KeyError(text)
                if not low <= value <= high:
                    raise KeyError(text)
                estimate = None if estimate_at is None else estimates[cells[estimate_at]]
                note: str | None = None
                if note_at is not None:
                    typed = cells[note_at] if note_at < len(cells) else None
                    note = typed.strip() if isinstance(typed, str) else as_text(typed).strip()
            except (KeyError, IndexError, TypeError):
                entry = self._checked_entry(row)
                if entry is not None:
                    append(entry)
                continue
            append(
                Entry(
                    row.number,
                    sheet,
                    indicator,
                    unit,
                    period,
                    value,
                    text,
                    estimate,
                    note,
                    (indicator_pk, unit_pk, code),
                )
            )
        return result

    def _entry(self, row: SourceRow) -> Entry | None:
        errors = len(self.problems)
        if self._fixed is not None:
            resolution, unit, period = self._fixed
            indicator = self._template_indicator(row, resolution)
            if indicator is None:
                return None
        else:
            resolution, indicator, unit, period = self._keys(row)  # type: ignore[assignment]
        number = self._value(row, indicator)
        estimate = self._estimate(row)
        if len(self.problems) > errors or indicator is None or number is None:
            return None
        value, raw, typed_estimate = number
        if typed_estimate:
            estimate = True
        note = as_text(self.table.cell(row, "note")).strip() if self.has_note else None
        code = self._codes.get(period)
        if code is None:
            code = self._codes[period] = period.code
        key = (indicator.pk, unit.pk, code)
        return Entry(
            row.number, self.table.sheet, indicator, unit, period, value, raw, estimate, note, key
        )

    def _keys(
        self, row: SourceRow
    ) -> tuple[Resolution | None, Indicator | None, OrgUnit | None, Period | None]:
        resolution = indicator = unit = period = None
        catalog, cell = self.catalog, self.table.cell
        text = cell(row, "resolution")
        try:
            resolution = self._cached(
                ("resolution", text), lambda: catalog.resolution(code_text(text))
            )
        except Bad as exc:
            self.bad(row, "resolution", exc)
        if resolution is not None:
            named = cell(row, "indicator")
            try:
                indicator = self._cached(
                    ("indicator", resolution.pk, named),
                    lambda: catalog.indicator(resolution, named),
                )
            except Bad as exc:
                self.bad(row, "indicator", exc)
        unit_cell = cell(row, "org_unit")
        try:
            unit = self._cached(("unit", unit_cell), lambda: catalog.unit(unit_cell))
        except Bad as exc:
            self.bad(row, "org_unit", exc)
        period_cell = cell(row, "period")
        try:
            period = self._cached(("period", period_cell), lambda: catalog.period(period_cell))
        except Bad as exc:
            self.bad(row, "period", exc)
        if resolution is not None and unit is not None and period is not None:
            self._check_frame(resolution, unit, period, row=row)
        self._good.remember(row, self.table, resolution, indicator, unit, period)
        return resolution, indicator, unit, period

    def _check_frame(
        self,
        resolution: Resolution,
        unit: OrgUnit,
        period: Period,
        *,
        row: SourceRow | None,
    ) -> None:
        key = (resolution.pk, unit.pk, period)
        failures = self._frames.get(key)
        if failures is None:
            failures = self._frames[key] = self._frame_failures(resolution, unit, period)
        if not failures:
            self._good.frames.add((resolution.pk, unit.pk, period.code))
        for name, exc in failures:
            if row is None:
                raise FileRefused.because(f"Biểu mẫu không dùng được: {exc.reason}.", code=exc.code)
            self.bad(row, name, exc)

    def _frame_failures(
        self, resolution: Resolution, unit: OrgUnit, period: Period
    ) -> list[tuple[str, Bad]]:
        failures: list[tuple[str, Bad]] = []
        if not resolution.covers(period):
            failures.append(
                (
                    "period",
                    Bad(
                        f"nằm ngoài thời hạn của nghị quyết '{resolution.code}' "
                        f"({resolution.term.label})",
                        "period_outside",
                    ),
                )
            )
        if not unit.path.startswith(resolution.scope.path):
            failures.append(
                (
                    "org_unit",
                    Bad(
                        f"({unit.name}) không thuộc phạm vi của nghị quyết '{resolution.code}' "
                        f"({resolution.scope.name})",
                        "unit_outside",
                    ),
                )
            )
        elif not self.catalog.may_enter(resolution, unit):
            failures.append(
                (
                    "org_unit",
                    Bad(
                        f"— bạn không có quyền nhập số liệu của '{unit.name}' cho nghị quyết "
                        f"'{resolution.code}'",
                        "forbidden",
                    ),
                )
            )
        return failures

    def _template_indicator(self, row: SourceRow, resolution: Resolution) -> Indicator | None:
        code = self.table.cell(row, "code")
        value = self.table.cell(row, "value")
        try:
            indicator = self.catalog.indicator(resolution, code)
        except Bad as exc:
            if is_blank(value):
                return None  # a field heading ("I", "KINH TẾ") or a note line
            self.bad(row, "code", exc)
            return None
        name = as_text(self.table.cell(row, "name"))
        if name and _same_name(name, indicator.name) is False:
            self.bad(
                row,
                "name",
                Bad(
                    f"không khớp với chỉ tiêu mã {indicator.code} ('{indicator.name}') — dòng "
                    "có thể đã bị sửa hoặc chép từ biểu mẫu khác",
                    "name_mismatch",
                ),
            )
            return None
        return indicator

    def _value(
        self, row: SourceRow, indicator: Indicator | None
    ) -> tuple[Decimal, str, bool] | None:
        cell = self.table.cell(row, "value")
        if is_blank(cell):
            self.blank += 1
            return None
        if indicator is None:
            return None
        try:
            return read_number(indicator, cell, self.convention)
        except Bad as exc:
            self.bad(row, "value", exc)
            return None

    def _estimate(self, row: SourceRow) -> bool | None:
        if not self.has_estimate:
            return None
        cell = self.table.cell(row, "estimate")
        try:
            estimate: bool = self._cached(("estimate", cell), lambda: read_estimate(cell))
        except Bad as exc:
            self.bad(row, "estimate", exc)
            return None
        with suppress(TypeError):  # an unhashable cell is never remembered
            self._good.estimates[cell] = estimate
        return estimate


@dataclass
class _Good:
    """What the rules found good, by the cell texts that named it (see _long_entries)."""

    # (resolution cell, indicator cell) → (resolution pk, indicator, indicator pk, the least
    # and the greatest value it accepts)
    indicators: dict[tuple[object, object], tuple[int, Indicator, int, Decimal, Decimal]] = field(
        default_factory=dict
    )
    units: dict[object, tuple[OrgUnit, int]] = field(default_factory=dict)
    periods: dict[object, tuple[Period, str]] = field(default_factory=dict)
    frames: set[tuple[int, int, str]] = field(default_factory=set)  # unit and period fit
    estimates: dict[object, bool] = field(default_factory=dict)

    def remember(
        self,
        row: SourceRow,
        table: Table,
        resolution: Resolution | None,
        indicator: Indicator | None,
        unit: OrgUnit | None,
        period: Period | None,
    ) -> None:
        cell = table.cell
        with suppress(TypeError):  # an unhashable cell is never remembered
            if resolution is not None and indicator is not None:
                key = (cell(row, "resolution"), cell(row, "indicator"))
                low, high = value_range(indicator)
                self.indicators[key] = (resolution.pk, indicator, indicator.pk, low, high)
            if unit is not None:
                self.units[cell(row, "org_unit")] = (unit, unit.pk)
            if period is not None:
                self.periods[cell(row, "period")] = (period, period.code)


def _same_name(typed: str, stored: str) -> bool:
    return fold(typed) == fold(stored)


def _check_duplicates(entries: list[Entry], problems: Problems, kind: Kind) -> None:
    """Two rows for one indicator, unit and period: the same value is a warning, another an
    error on the later row, naming the earlier."""
    first: dict[tuple[int, int, str], Entry] = {}
    duplicates: list[Entry] = []
    for entry in entries:
        earlier = first.setdefault(entry.key, entry)
        if earlier is entry:
            continue
        same = (earlier.value, earlier.estimate, earlier.note) == (
            entry.value,
            entry.estimate,
            entry.note,
        )
        where = f"dòng {earlier.row}" + (f" (trang '{earlier.sheet}')" if earlier.sheet else "")
        what = (
            f"{entry.indicator.code}. {entry.indicator.name} · {entry.unit.code} · "
            f"{entry.period.code}"
        )
        word = "Bản ghi" if kind is Kind.JSON else "Dòng"
        if same:
            problems.warn(
                f"trùng với {where} ({what}), cùng giá trị; chỉ lấy một lần.",
                row=entry.row,
                sheet=entry.sheet,
                code="duplicate_same",
                row_word=word,
            )
        else:
            problems.error(
                f"trùng khóa với {where} ({what}) nhưng khác giá trị: "
                f"'{earlier.raw}' ≠ '{entry.raw}'. Hãy giữ một dòng.",
                row=entry.row,
                value=None,
                sheet=entry.sheet,
                code="duplicate_conflict",
                row_word=word,
            )
        duplicates.append(entry)
    if duplicates:
        drop = {id(entry) for entry in duplicates}
        entries[:] = [entry for entry in entries if id(entry) not in drop]


# --- comparing with what is stored -----------------------------------------------------------


def _existing(entries: list[Entry]) -> dict[tuple[int, int, str], Existing]:
    wanted = {entry.key for entry in entries}
    indicators = sorted({key[0] for key in wanted})
    periods = sorted({key[2] for key in wanted})
    found: dict[tuple[int, int, str], Existing] = {}
    for start in range(0, len(indicators), 500):
        rows = Observation.objects.filter(
            indicator_id__in=indicators[start : start + 500],
            period__in=periods,
            is_deleted=False,
        ).values_list(
            "id",
            "indicator_id",
            "org_unit_id",
            "period",
            "value",
            "raw_text",
            "is_estimate",
            "note",
            "version",
            "reported_pct",
            "needs_review",
        )
        for row in rows.iterator(chunk_size=10_000):
            key = (row[1], row[2], row[3])
            if key in wanted:
                found[key] = Existing(row[0], *row[4:])
    return found


def _compare(entries: list[Entry]) -> list[Change]:
    existing = _existing(entries)
    get, new, unchanged, changed = existing.get, Status.NEW, Status.UNCHANGED, Status.CHANGED
    changes: list[Change] = []
    append = changes.append
    for entry in entries:
        old = get(entry.key)
        estimate, note = entry.estimate, entry.note
        if old is None:
            append(Change(entry, new, None, estimate or False, note or ""))
            continue
        if estimate is None:
            estimate = old.is_estimate
        if note is None:
            note = old.note
        same = (
            old.value == entry.value
            and old.is_estimate == estimate
            and old.note == note
            and not old.needs_review
        )
        append(Change(entry, unchanged if same else changed, old, estimate, note))
    return changes
