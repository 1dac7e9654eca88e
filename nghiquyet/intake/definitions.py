"""Importing a resolution's indicator list: STT, Chỉ tiêu, ĐVT, Mục tiêu as typed, direction,
kind and field — from .xlsx or .csv, as offices type the appendix of a resolution.

Targets are read by the core's rules ("trên 4.500", "dưới 4", "6,6–6,8", "giảm bình quân 1,5
điểm %/năm") and shown back in words for confirmation; a direction or kind left blank is
inferred and marked as such. Field headings may be a column ("Lĩnh vực") or heading rows
("I | KINH TẾ"). Indicators already in the resolution with the same content are unchanged; a
different content is refused — changing a target is a revision with a decision and a reason,
made on the set-up page. Writes go through the plans services, all in one transaction.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from django.contrib.auth.models import AnonymousUser, User
from django.db import transaction

from nghiquyet.accounts import access
from nghiquyet.core.numbers import Comparator, Convention, format_number
from nghiquyet.core.targets import (
    ChangeMethod,
    Direction,
    IndicatorKind,
    TargetError,
    TargetSpec,
    TermBasis,
    parse_target,
)
from nghiquyet.core.text import fold
from nghiquyet.plans.models import Indicator, IndicatorGroup, Resolution, Target
from nghiquyet.plans.services import add_group, add_indicator, set_target
from nghiquyet.results.audit import Actor

from .files import Limits
from .problems import FileRefused, Problem, Problems
from .rows import Cell, SourceRow, Table, as_text, is_blank
from .tables import Purpose, open_tables
from .validate import code_text

DIRECTION_WORDS = {
    Direction.UP: ("up", "tang", "cao hon la tot", "cang cao cang tot", "↑"),
    Direction.DOWN: ("down", "giam", "thap hon la tot", "cang thap cang tot", "↓"),
    Direction.RANGE: ("range", "khoang", "trong khoang"),
    Direction.QUALITATIVE: ("qualitative", "dinh tinh"),
}
KIND_WORDS = {
    IndicatorKind.FLOW: ("flow", "phat sinh", "so phat sinh", "trong ky", "luong"),
    IndicatorKind.LEVEL: ("level", "muc", "thoi diem", "ty le", "muc dat"),
    IndicatorKind.CHANGE: ("change", "toc do", "tang truong", "bien dong"),
    IndicatorKind.QUALITATIVE: ("qualitative", "dinh tinh"),
}
BASIS_WORDS = {
    TermBasis.EACH_YEAR: ("each_year", "moi nam", "hang nam", "hàng năm"),
    TermBasis.YEARLY_AVERAGE: ("yearly_average", "binh quan", "binh quan nam"),
    TermBasis.TERM_TOTAL: ("term_total", "luy ke", "ca ky", "ca nhiem ky", "tong"),
}
DIRECTION_LABELS = {
    Direction.UP: "càng cao càng tốt",
    Direction.DOWN: "càng thấp càng tốt",
    Direction.RANGE: "trong khoảng",
    Direction.QUALITATIVE: "định tính",
}
KIND_LABELS = {
    IndicatorKind.FLOW: "số phát sinh trong kỳ",
    IndicatorKind.LEVEL: "mức đạt tại thời điểm",
    IndicatorKind.CHANGE: "tốc độ thay đổi",
    IndicatorKind.QUALITATIVE: "định tính",
}
_ROMAN = re.compile(r"[IVXLC]+\.?", re.IGNORECASE)
_HEADING_PREFIX = re.compile(r"^\s*(?:[IVXLC]+|[A-Z])\s*[.\-–)]\s*", re.IGNORECASE)


def describe(spec: TargetSpec, unit: str = "") -> str:
    """A parsed target in words, to confirm the reading: "trên 4.500" → "lớn hơn 4.500 ha"."""
    low = format_number(spec.value)
    suffix = f" {unit}" if unit and not spec.change else ""
    words = {
        Comparator.EQ: f"đạt {low}",
        Comparator.GT: f"lớn hơn {low}",
        Comparator.GTE: f"từ {low} trở lên",
        Comparator.LT: f"nhỏ hơn {low}",
        Comparator.LTE: f"không quá {low}",
        Comparator.ABOUT: f"khoảng {low}",
        Comparator.RANGE: f"từ {low} đến {format_number(spec.upper or spec.value)}",
    }[spec.comparator]
    if spec.change is ChangeMethod.POINTS:
        way = "giảm" if spec.direction_hint is Direction.DOWN else "tăng"
        return f"{way} {words} điểm % mỗi năm (tính theo điểm phần trăm)"
    if spec.change is ChangeMethod.CAGR:
        way = "giảm" if spec.direction_hint is Direction.DOWN else "tăng"
        return f"{way} bình quân {words} %/năm (tốc độ tăng bình quân, CAGR)"
    return words + suffix


@dataclass
class DefinitionRow:
    row: int
    sheet: str
    code: str
    name: str
    unit: str
    target_raw: str
    spec: TargetSpec | None
    direction: Direction
    direction_inferred: bool
    kind: IndicatorKind
    kind_inferred: bool
    field: str
    term_basis: str = ""
    agency: str = ""
    notes: str = ""
    existing: Indicator | None = None

    @property
    def parent_code(self) -> str | None:
        return self.code.rsplit(".", 1)[0] if "." in self.code else None

    @property
    def reading(self) -> str:
        return describe(self.spec, self.unit) if self.spec else "(không có mục tiêu)"


@dataclass
class DefinitionPlan:
    resolution: Resolution
    name: str
    description: str = ""
    problems: Problems = field(default_factory=Problems)
    rows: list[DefinitionRow] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.problems.has_errors

    @property
    def new_rows(self) -> list[DefinitionRow]:
        return [row for row in self.rows if row.existing is None]

    @property
    def pending(self) -> int:
        return len(self.new_rows)


def preview_definitions(
    path: Path,
    name: str,
    resolution: Resolution,
    *,
    user: User | AnonymousUser | None = None,
    convention: Convention = Convention.TYPED,
    limits: Limits | None = None,
) -> DefinitionPlan:
    """Read and check the indicator list in ``path`` for ``resolution``; write nothing."""
    plan = DefinitionPlan(resolution, name)
    if user is not None and not access.can_set_up(user, resolution):
        plan.problems.error(
            f"Bạn không có quyền thiết lập chỉ tiêu của nghị quyết '{resolution.code}'.",
            code="forbidden",
        )
        return plan
    try:
        opened = open_tables(path, name, Purpose.DEFINITIONS, limits)
        plan.description = opened.description
        plan.problems.extend(opened.warnings)
        table = opened.tables[0]
        plan.problems.extend(table.problems)
        if not any(p.is_error for p in table.problems):
            _Reader(plan, table, convention).read()
    except FileRefused as exc:
        plan.problems.extend(exc.problems)
    if plan.ok and not plan.rows:
        plan.problems.error("Tệp không có dòng chỉ tiêu nào.", code="no_rows")
    return plan


class _Reader:
    def __init__(self, plan: DefinitionPlan, table: Table, convention: Convention) -> None:
        self.plan = plan
        self.table = table
        self.convention = convention
        self.field = ""
        resolution = plan.resolution
        self.existing = {i.code: i for i in resolution.indicators.select_related("group")}
        self.targets = {
            t.indicator_id: t
            for t in Target.objects.filter(indicator__resolution=resolution, is_primary=True)
        }

    def bad(self, row: SourceRow, key: str, reason: str, code: str = "invalid") -> None:
        cell = self.table.cell(row, key)
        self.plan.problems.add(
            Problem(
                reason,
                row=row.number,
                column=self.table.header(key),
                value=as_text(cell) or None,
                sheet=self.table.sheet,
                code=code,
            )
        )

    def text(self, row: SourceRow, key: str) -> str:
        return " ".join(as_text(self.table.cell(row, key)).split())

    def read(self) -> None:
        seen: dict[str, int] = {}
        for row in self.table.rows:
            if all(is_blank(cell) for cell in row.cells):
                continue
            if self._heading(row):
                continue
            before = len(self.plan.problems.errors)
            parsed = self._row(row)
            code = code_text(self.table.cell(row, "code")).rstrip(".")
            if code in seen:
                self.bad(row, "code", f"trùng mã với dòng {seen[code]}", "duplicate")
                continue
            if code:
                seen[code] = row.number
            if parsed is not None and len(self.plan.problems.errors) == before:
                self.plan.rows.append(parsed)
        known = set(seen) | set(self.existing)
        for parsed in self.plan.rows:
            if parsed.parent_code and parsed.parent_code not in known:
                self.plan.problems.error(
                    f"chỉ tiêu con '{parsed.code}' không có chỉ tiêu cha '{parsed.parent_code}'",
                    row=parsed.row,
                    column=self.table.header("code"),
                    sheet=parsed.sheet,
                    code="no_parent",
                )

    def _heading(self, row: SourceRow) -> bool:
        """ "I | KINH TẾ" (or a name with no code, unit and target) starts a field."""
        code = code_text(self.table.cell(row, "code"))
        name = self.text(row, "name")
        rest = [self.text(row, key) for key in ("measure", "target")]
        if name and not any(rest) and (not code or _ROMAN.fullmatch(code)):
            self.field = _HEADING_PREFIX.sub("", name).strip()
            self.field = (
                self.field[:1].upper() + self.field[1:].lower() if name.isupper() else self.field
            )
            return True
        return False

    def _row(self, row: SourceRow) -> DefinitionRow | None:
        code = code_text(self.table.cell(row, "code")).rstrip(".")
        name = self.text(row, "name")
        if not code:
            self.bad(
                row, "code", "ô trống — cần số thứ tự (mã) của chỉ tiêu: 1, 2, 2.1 …", "required"
            )
        elif len(code) > 20 or not re.fullmatch(r"[0-9A-Za-z]+(?:\.[0-9A-Za-z]+)*", code):
            self.bad(row, "code", "không phải mã chỉ tiêu (ví dụ 1, 2, 2.1, 12a)", "code")
        if not name:
            self.bad(row, "name", "ô trống — cần tên chỉ tiêu", "required")
        unit = self.text(row, "measure")
        if len(unit) > 64:
            self.bad(row, "measure", "đơn vị tính dài quá 64 ký tự", "too_long")
        spec, raw = self._target(row)
        kind, kind_inferred = self._choice(row, "kind", KIND_WORDS)
        direction, direction_inferred = self._choice(row, "direction", DIRECTION_WORDS)
        if kind is None:
            kind = _infer_kind(spec, unit)
        if direction is None:
            direction = _infer_direction(spec, kind)
        if kind is IndicatorKind.CHANGE and (spec is None or spec.change is None):
            self.bad(
                row,
                "target",
                "chỉ tiêu tốc độ cần ghi mục tiêu dạng 'giảm bình quân 1,5 điểm %/năm' hoặc "
                "'tăng bình quân 16 %/năm'",
                "change_target",
            )
        basis, _ = self._choice(row, "term_basis", BASIS_WORDS)
        if not code or not name:
            return None
        parsed = DefinitionRow(
            row=row.number,
            sheet=self.table.sheet,
            code=code,
            name=name[:500],
            unit=unit,
            target_raw=raw,
            spec=spec,
            direction=direction,
            direction_inferred=direction_inferred,
            kind=kind,
            kind_inferred=kind_inferred,
            field=self.text(row, "field") or self.field,
            term_basis=basis.value if basis else "",
            agency=self.text(row, "agency")[:200],
            notes=self.text(row, "notes"),
        )
        self._compare(row, parsed)
        return parsed

    def _target(self, row: SourceRow) -> tuple[TargetSpec | None, str]:
        cell: Cell = self.table.cell(row, "target")
        if is_blank(cell):
            return None, ""
        raw = as_text(cell).strip() if isinstance(cell, str) else format_number(cell)  # type: ignore[arg-type]
        convention = self.convention if isinstance(cell, str) else Convention.VIETNAMESE
        try:
            return parse_target(raw, convention), raw
        except TargetError as exc:
            reason = str(exc)
            prefix = f"Chỉ tiêu '{raw}': "
            self.bad(row, "target", reason[len(prefix) :] if reason.startswith(prefix) else reason)
            return None, raw

    def _choice(self, row: SourceRow, key: str, words: dict) -> tuple:  # type: ignore[type-arg]
        text = fold(self.text(row, key))
        if not text:
            return None, True
        for choice, options in words.items():
            if text in options or text == choice.value:
                return choice, False
        allowed = ", ".join(
            f"'{options[1] if len(options) > 1 else options[0]}'" for options in words.values()
        )
        self.bad(row, key, f"không hiểu; ghi một trong: {allowed}", key)
        return None, True

    def _compare(self, row: SourceRow, parsed: DefinitionRow) -> None:
        indicator = self.existing.get(parsed.code)
        if indicator is None:
            return
        target = self.targets.get(indicator.pk)
        same = (
            fold(indicator.name) == fold(parsed.name)
            and fold(indicator.unit) == fold(parsed.unit)
            and fold(target.raw_text if target else "") == fold(parsed.target_raw)
        )
        if not same:
            stored_target = target.raw_text if target else ""
            self.bad(
                row,
                "code",
                f"— nghị quyết đã có chỉ tiêu mã {indicator.code} ('{indicator.name}', "
                f"{indicator.unit or 'không ĐVT'}, mục tiêu '{stored_target}'). "
                "Sửa chỉ tiêu đã có hoặc điều chỉnh mục tiêu (cần quyết định và lý do) trên trang "
                "thiết lập, không qua nhập tệp",
                "existing_differs",
            )
            return
        parsed.existing = indicator


def _infer_kind(spec: TargetSpec | None, unit: str) -> IndicatorKind:
    if spec is not None and spec.change is not None:
        return IndicatorKind.CHANGE
    if "%" in unit:
        return IndicatorKind.LEVEL
    return IndicatorKind.FLOW if spec is not None else IndicatorKind.LEVEL


def _infer_direction(spec: TargetSpec | None, kind: IndicatorKind) -> Direction:
    if kind is IndicatorKind.QUALITATIVE:
        return Direction.QUALITATIVE
    if spec is not None and spec.direction_hint is not None:
        return spec.direction_hint
    if spec is not None and spec.comparator in (Comparator.LT, Comparator.LTE):
        return Direction.DOWN
    return Direction.UP


def _target_frame(resolution: Resolution) -> tuple[str, int | None, str]:
    """(scope, year, source) of the targets a list sets for ``resolution``."""
    if resolution.first_year == resolution.last_year:
        source = (
            Target.Source.COUNCIL
            if resolution.kind == Resolution.Kind.COUNCIL_PLAN
            else Target.Source.ANNUAL
        )
        return Target.Scope.YEAR, resolution.first_year, source
    source = (
        Target.Source.COUNCIL
        if resolution.kind == Resolution.Kind.COUNCIL_PLAN
        else Target.Source.CONGRESS
    )
    return Target.Scope.TERM, None, source


@transaction.atomic
def apply_definitions(plan: DefinitionPlan, *, actor: Actor) -> int:
    """Create the new indicators (with groups and targets) of ``plan``; all or nothing."""
    if not plan.ok:
        raise ValueError("A plan with errors is never written.")
    resolution = plan.resolution
    groups = {fold(g.title): g for g in IndicatorGroup.objects.filter(resolution=resolution)}
    by_code = {i.code: i for i in resolution.indicators.all()}
    scope, year, source = _target_frame(resolution)
    for row in plan.new_rows:
        group = None
        if row.field:
            group = groups.get(fold(row.field))
            if group is None:
                group = groups[fold(row.field)] = add_group(resolution, row.field, actor=actor)
        indicator = add_indicator(
            resolution,
            code=row.code,
            name=row.name,
            unit=row.unit,
            direction=row.direction.value,
            kind=row.kind.value,
            group=group,
            parent=by_code.get(row.parent_code) if row.parent_code else None,
            term_basis=row.term_basis,
            change_method=row.spec.change.value if row.spec and row.spec.change else "",
            responsible_agency=row.agency,
            notes=row.notes,
            actor=actor,
        )
        by_code[row.code] = indicator
        if row.spec is not None:
            set_target(
                indicator,
                raw_text=row.target_raw,
                scope=scope,
                year=year,
                source=source,
                note=f"Nhập từ {plan.name}, dòng {row.row}",
                actor=actor,
            )
    return plan.pending


def preview_lines(plan: DefinitionPlan) -> list[str]:
    lines = [
        f"Tệp: {plan.name} ({plan.description})",
        f"Nghị quyết: {plan.resolution.code} — {plan.resolution.title}",
        f"{len(plan.rows)} chỉ tiêu: {plan.pending} mới, {len(plan.rows) - plan.pending} đã có.",
    ]
    field_name = None
    for row in plan.rows:
        if row.field != field_name:
            field_name = row.field
            lines.append(f"  [{field_name or 'không có lĩnh vực'}]")
        status = "Đã có" if row.existing else "Mới"
        inferred = []
        direction = DIRECTION_LABELS[row.direction] + (
            " (suy ra)" if row.direction_inferred else ""
        )
        kind = KIND_LABELS[row.kind] + (" (suy ra)" if row.kind_inferred else "")
        inferred.extend([direction, kind])
        target = f"'{row.target_raw}' → {row.reading}" if row.target_raw else row.reading
        lines.append(
            f"  {status:<6} {row.code:>5}. {row.name} [{row.unit or '—'}]: {target}; "
            + "; ".join(inferred)
        )
    return lines
