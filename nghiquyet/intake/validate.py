"""Checking rows of observations against the database, every row and every cell.

Nothing stops at the first bad row: each cell that cannot be used becomes a :class:`Problem`
naming row, column, the value as typed and the reason, and the rows that are good become
:class:`Entry` values ready to compare with what is stored. The rules are those of
:func:`nghiquyet.results.services.record_observation`: the unit must lie in the resolution's
scope, the period in its term, the number must read unambiguously by the Vietnamese rules,
and the range rules of the indicator hold.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from typing import Any

from django.contrib.auth.models import AnonymousUser, User
from django.core.exceptions import ValidationError

from nghiquyet.accounts import access
from nghiquyet.core.numbers import Convention, NumberFormatError, format_number
from nghiquyet.core.periods import Period, PeriodError, parse_period
from nghiquyet.core.text import fold, normalize_name
from nghiquyet.orgunits.models import OrgUnit
from nghiquyet.plans.models import Indicator, Resolution
from nghiquyet.results.bulk import check_value, read_typed_value

from .rows import Cell, NoCachedValue, as_text, is_blank
from .xlsx.reader import ExcelError

PLACES = Decimal("0.000001")


class Bad(Exception):
    """A cell that cannot be used; ``reason`` completes "'<value>' …" in Vietnamese."""

    def __init__(self, reason: str, code: str = "invalid") -> None:
        self.reason = reason
        self.code = code
        super().__init__(reason)


def code_text(cell: Cell) -> str:
    """A code as typed: 2 → "2", 2.1 → "2.1" (never "2,1": codes are not numbers)."""
    if isinstance(cell, bool):
        return str(cell)
    if isinstance(cell, int):
        return str(cell)
    if isinstance(cell, float):
        return str(int(cell)) if cell.is_integer() else repr(cell)
    if isinstance(cell, Decimal):
        return format(cell.normalize(), "f")
    return as_text(cell).strip()


# --- finding things by what people type ---------------------------------------------------


@dataclass
class _Names:
    """Indicators of one resolution by code, by name and by name without tone marks."""

    by_code: dict[str, Indicator]
    by_name: dict[str, list[Indicator]]
    by_folded: dict[str, list[Indicator]]

    @classmethod
    def of(cls, resolution: Resolution) -> _Names:
        names = cls({}, {}, {})
        for indicator in resolution.indicators.all():
            indicator.resolution = resolution  # one object: rules read its term and scope
            names.by_code[indicator.code] = indicator
            names.by_name.setdefault(normalize_name(indicator.name), []).append(indicator)
            names.by_folded.setdefault(fold(indicator.name), []).append(indicator)
        return names


class Catalog:
    """Resolutions, indicators and units as the rows name them, looked up once each.

    ``user`` limits what can be found and written to what the person may see and enter;
    ``None`` is the command line, run by whoever holds the database.
    """

    def __init__(self, user: User | AnonymousUser | None = None) -> None:
        self.user = user
        self._resolutions: dict[str, Resolution | Bad] = {}
        self._names: dict[int, _Names] = {}
        self._units: dict[str, OrgUnit] | None = None
        self._unit_names: dict[str, list[OrgUnit]] = {}
        self._periods: dict[str, Period | Bad] = {}
        self._allowed: dict[tuple[int, int], bool] = {}

    def resolution(self, text: str) -> Resolution:
        found = self._resolutions.get(text)
        if found is None:
            found = self._find_resolution(text)
            self._resolutions[text] = found
        if isinstance(found, Bad):
            raise found
        return found

    def _find_resolution(self, text: str) -> Resolution | Bad:
        if not text:
            return Bad("ô trống — cần ghi mã nghị quyết", "required")
        live = Resolution.objects.filter(is_deleted=False).select_related("scope", "issuer")
        resolution = live.filter(code=text).first() or live.filter(code=text.lower()).first()
        if resolution is not None and (
            self.user is None or access.can_read_resolution(self.user, resolution)
        ):
            return resolution
        visible = access.visible_resolutions(self.user) if self.user is not None else live
        codes = list(visible.values_list("code", flat=True))
        hint = _suggest(text, codes)
        return Bad(
            f"không phải mã của nghị quyết nào bạn được xem{hint}. "
            f"Các mã hiện có: {', '.join(codes[:10]) or '(chưa có)'}.",
            "unknown_resolution",
        )

    def names(self, resolution: Resolution) -> _Names:
        names = self._names.get(resolution.pk)
        if names is None:
            names = self._names[resolution.pk] = _Names.of(resolution)
        return names

    def indicator(self, resolution: Resolution, cell: Cell) -> Indicator:
        text = code_text(cell)
        if not text:
            raise Bad("ô trống — cần ghi mã hoặc tên chỉ tiêu", "required")
        names = self.names(resolution)
        found = names.by_code.get(text) or names.by_code.get(text.rstrip("."))
        if found is not None:
            return found
        for index, key in ((names.by_name, normalize_name(text)), (names.by_folded, fold(text))):
            matches = index.get(key, [])
            if len(matches) == 1:
                return matches[0]
            if len(matches) > 1:
                codes = ", ".join(m.code for m in matches)
                raise Bad(
                    f"trùng tên với nhiều chỉ tiêu (mã {codes}) — hãy ghi mã chỉ tiêu",
                    "ambiguous_indicator",
                )
        choices = {fold(i.name): i for i in names.by_code.values()}
        close = difflib.get_close_matches(fold(text), list(choices), n=1, cutoff=0.75)
        hint = (
            f" (có phải '{choices[close[0]].name}', mã {choices[close[0]].code}?)" if close else ""
        )
        raise Bad(
            f"không có chỉ tiêu này trong nghị quyết '{resolution.code}'{hint}",
            "unknown_indicator",
        )

    def unit(self, cell: Cell) -> OrgUnit:
        text = code_text(cell)
        if not text:
            raise Bad("ô trống — cần ghi mã đơn vị", "required")
        if self._units is None:
            self._units = {}
            for unit in OrgUnit.objects.all():
                self._units[unit.code] = unit
                self._unit_names.setdefault(fold(unit.name), []).append(unit)
        found = self._units.get(text) or self._units.get(text.lower())
        if found is not None:
            return found
        by_name = self._unit_names.get(fold(text), [])
        if len(by_name) == 1:
            return by_name[0]
        if len(by_name) > 1:
            codes = ", ".join(u.code for u in by_name)
            raise Bad(f"trùng tên với nhiều đơn vị (mã {codes}) — hãy ghi mã", "ambiguous_unit")
        hint = _suggest(text, list(self._units))
        raise Bad(f"không phải mã đơn vị nào{hint}", "unknown_unit")

    def period(self, cell: Cell) -> Period:
        key = cell if isinstance(cell, str) else repr(cell)
        found = self._periods.get(key)
        if found is None:
            try:
                found = _period(cell)
            except Bad as exc:
                found = exc
            self._periods[key] = found
        if isinstance(found, Bad):
            raise found
        return found

    def may_enter(self, resolution: Resolution, unit: OrgUnit) -> bool:
        if self.user is None:
            return True
        key = (resolution.pk, unit.pk)
        allowed = self._allowed.get(key)
        if allowed is None:
            allowed = self._allowed[key] = access.can_enter(self.user, resolution, unit)
        return allowed


def _suggest(text: str, options: list[str]) -> str:
    close = difflib.get_close_matches(text.lower(), options, n=1, cutoff=0.6)
    return f" (có phải '{close[0]}'?)" if close else ""


# --- cells ----------------------------------------------------------------------------------

_DATE_TEXT = re.compile(r"\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}|\d{4}-\d{1,2}-\d{1,2}")
_EXCEL_EPOCH = date(1899, 12, 30)
_EXCEL_ERRORS = {"#DIV/0!", "#REF!", "#N/A", "#VALUE!", "#NAME?", "#NUM!", "#NULL!", "#SPILL!"}


def _period(cell: Cell) -> Period:
    if is_blank(cell):
        raise Bad("ô trống — cần ghi kỳ, ví dụ 2023, 2023-H1, 2023-9M", "required")
    if isinstance(cell, datetime | date):
        raise Bad(
            "là một ngày, không phải kỳ báo cáo — Excel có thể đã tự đổi chữ gõ vào thành ngày. "
            "Hãy định dạng ô là Văn bản (Text) và ghi mã kỳ, ví dụ 2023-9M, 2023-H1, 2023",
            "date_not_period",
        )
    if isinstance(cell, str) and cell.strip().isdigit() and len(cell.strip()) == 5:
        cell = int(cell.strip())  # "45199" typed in a CSV: the same Excel serial
    if isinstance(cell, int | float | Decimal) and not isinstance(cell, bool):
        number = Decimal(repr(cell)) if isinstance(cell, float) else Decimal(cell)
        if number == number.to_integral_value() and 20_000 <= number <= 80_000:
            day = _EXCEL_EPOCH + timedelta(days=int(number))
            raise Bad(
                f"giống số ngày của Excel (= ngày {day:%d/%m/%Y}), không phải kỳ báo cáo. Hãy "
                "định dạng ô là Văn bản (Text) và ghi mã kỳ, ví dụ 2023-9M",
                "date_serial",
            )
        if number != number.to_integral_value():
            raise Bad("không phải mã kỳ (2023, 2023-H1, 2023-9M, 2023-Q3, 2023-M09)", "period")
    text = code_text(cell)
    try:
        return parse_period(text)
    except PeriodError as exc:
        if _DATE_TEXT.fullmatch(text):
            raise Bad(
                "là một ngày, không phải kỳ báo cáo — ghi mã kỳ, ví dụ 2023-9M (9 tháng năm "
                "2023), 2023-H1, 2023",
                "date_not_period",
            ) from exc
        reason = str(exc).split(". ", 1)[-1] if str(exc).startswith("Kỳ '") else str(exc)
        raise Bad(f"không phải kỳ báo cáo hợp lệ. {reason}", "period") from exc


def read_number(
    indicator: Indicator, cell: Cell, convention: Convention
) -> tuple[Decimal, str, bool] | None:
    """(value, raw text, estimate) of a value cell; ``None`` for an empty cell."""
    if is_blank(cell):
        return None
    if isinstance(cell, NoCachedValue):
        raise Bad(
            "là công thức nhưng tệp không lưu kết quả tính (tệp chưa được mở và lưu bằng Excel). "
            "Hãy mở tệp bằng Excel rồi lưu lại, hoặc gõ thẳng con số",
            "formula_without_value",
        )
    if isinstance(cell, ExcelError) or (isinstance(cell, str) and cell.strip() in _EXCEL_ERRORS):
        raise Bad("là lỗi của công thức Excel — hãy sửa công thức hoặc gõ con số", "excel_error")
    if isinstance(cell, bool):
        raise Bad("không phải là số", "invalid_number")
    if isinstance(cell, datetime | date | time):
        raise Bad(
            "được Excel hiểu là ngày tháng, không phải số (thường do gõ '4.5' hay '4/5' vào ô "
            "kiểu Ngày). Hãy định dạng ô là Số (Number) rồi gõ lại",
            "date_not_number",
        )
    if isinstance(cell, int | float | Decimal):
        value = Decimal(repr(cell)) if isinstance(cell, float) else Decimal(cell)
        value = _six_places(value)
        _check(indicator, value)
        return value, format_number(value), False
    text = " ".join(str(cell).split())
    if _DATE_TEXT.fullmatch(text):
        raise Bad("là một ngày tháng, không phải số", "date_not_number")
    try:
        value, estimate = read_typed_value(indicator, text, convention)
    except ValidationError as exc:
        raise Bad(_reason(exc, text), _code(exc)) from exc
    _check(indicator, value)
    return value, text, estimate


def _six_places(value: Decimal) -> Decimal:
    """Excel keeps binary fractions: 0,1 + 0,2 is 0,30000000000000004. We keep 6 places."""
    if value.as_tuple().exponent < -6:  # type: ignore[operator]
        value = value.quantize(PLACES)
    return value


def _check(indicator: Indicator, value: Decimal) -> None:
    try:
        check_value(indicator, value)
    except ValidationError as exc:
        raise Bad(_reason(exc, ""), "out_of_range") from exc


def _reason(exc: ValidationError, text: str) -> str:
    cause = exc.__cause__
    if isinstance(cause, NumberFormatError):
        return cause.reason
    messages: list[Any] = (
        [m for ms in exc.message_dict.values() for m in ms]
        if hasattr(exc, "error_dict")
        else exc.messages
    )
    message = str(messages[0]) if messages else str(exc)
    prefix = f"'{text}': "
    return message[len(prefix) :] if text and message.startswith(prefix) else message


def _code(exc: ValidationError) -> str:
    cause = exc.__cause__
    return cause.code if isinstance(cause, NumberFormatError) else "invalid_number"


_YES = {"x", "1", "co", "uth", "uoc", "uoc thuc hien", "uoc tinh", "true", "yes", "dung"}
_NO = {"", "0", "khong", "th", "thuc hien", "false", "no", "sai"}


def read_estimate(cell: Cell) -> bool:
    if isinstance(cell, bool):
        return cell
    if isinstance(cell, int | float | Decimal) and cell in (0, 1):
        return bool(cell)
    word = fold(as_text(cell)).strip()
    if word in _YES:
        return True
    if word in _NO:
        return False
    raise Bad(
        "không rõ là thực hiện hay ước — ghi 'ƯTH' (hoặc 'x') cho số ước thực hiện, để trống "
        "(hoặc 'TH') cho số thực hiện",
        "invalid_estimate",
    )
