"""What is wrong with a file, said so that a clerk can find the cell and fix it.

Every problem names its place the way Excel shows it (sheet, row number, column header as the
file has it), the value as typed, and the reason in Vietnamese:
"Dòng 7, cột 'Giá trị': '4,500' không rõ là 4,5 hay 4.500 — hãy ghi '4,5' hoặc '4.500'".
Errors stop the import; warnings are shown and the import goes on.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from enum import StrEnum


class Level(StrEnum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with a file, a row or a cell.

    ``row`` is the row number as Excel shows it (the header of a CSV is row 1); ``None`` for
    the file as a whole. ``value`` is the cell as typed; ``None`` when there is no cell.
    """

    reason: str
    row: int | None = None
    column: str = ""
    value: str | None = None
    sheet: str = ""
    code: str = "invalid"
    level: Level = Level.ERROR
    row_word: str = "Dòng"  # "Bản ghi" for JSON records

    @property
    def place(self) -> str:
        parts = []
        if self.row is not None:
            parts.append(f"{self.row_word} {self.row}")
        if self.column:
            parts.append(f"cột '{self.column}'")
        return ", ".join(parts)

    @property
    def message(self) -> str:
        text = self.reason
        if self.value:
            # "'4,500' không rõ là …" reads as a sentence; a reason that is one already is set
            # apart: "'120' — Giá trị 120 lớn hơn mức tối đa 100."
            joint = " — " if self.reason[:1].isupper() else " "
            text = f"'{self.value}'{joint}{self.reason}"
        return f"{self.place}: {text}" if self.place else text

    @property
    def is_error(self) -> bool:
        return self.level is Level.ERROR

    def __str__(self) -> str:
        return self.message

    def as_dict(self) -> dict[str, object]:
        return {
            "level": self.level.value,
            "code": self.code,
            "sheet": self.sheet,
            "row": self.row,
            "column": self.column,
            "value": self.value,
            "reason": self.reason,
            "message": self.message,
        }


@dataclass
class Problems:
    """Every problem found, in the order of the file."""

    items: list[Problem] = field(default_factory=list)

    def add(self, problem: Problem) -> None:
        self.items.append(problem)

    def error(self, reason: str, **where: object) -> None:
        self.items.append(Problem(reason, **where))  # type: ignore[arg-type]

    def warn(self, reason: str, **where: object) -> None:
        self.items.append(Problem(reason, level=Level.WARNING, **where))  # type: ignore[arg-type]

    def extend(self, problems: Iterable[Problem]) -> None:
        self.items.extend(problems)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.items if p.is_error]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.items if not p.is_error]

    @property
    def has_errors(self) -> bool:
        return any(p.is_error for p in self.items)

    def sorted(self) -> list[Problem]:
        """File-level problems first, then by sheet and row, keeping the order within a row."""
        return sorted(
            self.items, key=lambda p: (p.row is not None, p.sheet, p.row or 0, not p.is_error)
        )

    def __iter__(self) -> Iterator[Problem]:
        return iter(self.items)

    def __len__(self) -> int:
        return len(self.items)


class FileRefused(Exception):
    """A file that cannot be read at all (wrong type, too large, unknown encoding, no header).

    ``problems`` holds the reasons; nothing has been written.
    """

    def __init__(self, *problems: Problem) -> None:
        self.problems = list(problems)
        super().__init__("; ".join(p.message for p in problems))

    @classmethod
    def because(cls, reason: str, code: str = "refused", **where: object) -> FileRefused:
        return cls(Problem(reason, code=code, **where))  # type: ignore[arg-type]
