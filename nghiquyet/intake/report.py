"""The preview and the problems as plain text, for the terminal (the page has its templates)."""

from __future__ import annotations

from collections.abc import Iterable

from .observations import STATUS_LABELS, Change, Preview, Status
from .problems import Problem

SHOW = 50  # rows listed per status by default; the counts are always complete


def problem_lines(problems: Iterable[Problem]) -> list[str]:
    lines = []
    sheet = None
    for problem in problems:
        if problem.sheet and problem.sheet != sheet:
            sheet = problem.sheet
            lines.append(f"Trang '{sheet}':")
        indent = "  " if sheet else ""
        lines.append(f"{indent}{problem.message}")
    return lines


def change_line(change: Change) -> str:
    entry = change.entry
    where = f"dòng {entry.row}" + (f" ({entry.sheet})" if entry.sheet else "")
    what = (
        f"{entry.indicator.code}. {entry.indicator.name} · {entry.unit.name} · {entry.period.label}"
    )
    if change.status is Status.CHANGED:
        values = f"{change.old_shown} → {change.shown}"
        if change.old is not None and change.old.note != change.note:
            values += f" (ghi chú: '{change.old.note}' → '{change.note}')"
    else:
        values = change.shown
    return f"  {STATUS_LABELS[change.status]:<9} {where:<12} {what}: {values}"


def summary(preview: Preview) -> str:
    new, changed = preview.count(Status.NEW), preview.count(Status.CHANGED)
    unchanged = preview.count(Status.UNCHANGED)
    total = new + changed + unchanged
    return f"{total} dòng số liệu: {new} mới, {changed} thay đổi, {unchanged} không đổi."


def preview_lines(preview: Preview, show: int = SHOW) -> list[str]:
    lines = [f"Tệp: {preview.name} ({preview.description})"]
    for resolution in preview.resolutions:
        lines.append(f"Nghị quyết: {resolution.code} — {resolution.title}")
    lines.append(summary(preview))
    if preview.blank_rows:
        lines.append(f"{preview.blank_rows} dòng để trống giá trị: bỏ qua.")
    for status in (Status.CHANGED, Status.NEW, Status.UNCHANGED):
        changes = preview.of(status)
        if not changes or (status is Status.UNCHANGED and show < len(changes)):
            continue
        listed = changes if show <= 0 else changes[:show]
        lines.extend(change_line(change) for change in listed)
        if len(listed) < len(changes):
            lines.append(
                f"  … và {len(changes) - len(listed)} dòng "
                f"{STATUS_LABELS[status].lower()} nữa (--show 0 để xem hết)."
            )
    return lines
