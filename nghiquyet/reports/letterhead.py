"""The lines around a report's body: header blocks, place and date, signature, recipients.

They come from the issuing unit's :class:`IssuerSettings`; a blank setting falls back to what
the org unit says (its name, place, level) and the profile's standard wording, and what
nobody can know (the name of the signer) stays blank for the office to write.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from nghiquyet.orgunits.models import OrgUnit

from .models import IssuerSettings
from .profiles import PROFILES, Profile, get_profile

__all__ = ["Letterhead", "choose_profile", "letterhead_for", "place_date"]


@dataclass(frozen=True)
class Letterhead:
    superior: str  # "ĐẢNG BỘ TỈNH BẮC KẠN"; may be empty
    issuer_lines: tuple[str, ...]  # ("HUYỆN ỦY PÁC NẶM",)
    issuer_display: str  # "Huyện ủy Pác Nặm", for sentences
    number_line: str  # "Số      -BC/HU"
    place_date: str  # "Pác Nặm, ngày 17 tháng 5 năm 2023"
    signer_authority: str
    signer_title: str
    signer_name: str
    recipients: tuple[str, ...]
    date: date


def place_date(place: str, day: date) -> str:
    """ "Pác Nặm, ngày 17 tháng 5 năm 2023"; days below 10 and months 1–2 get a leading zero
    ("ngày 05 tháng 02 năm 2024"), as both format guides require."""
    day_text = f"{day.day:02d}"
    month_text = f"{day.month:02d}" if day.month <= 2 else str(day.month)
    prefix = f"{place}, " if place else ""
    return f"{prefix}ngày {day_text} tháng {month_text} năm {day.year}"


def choose_profile(
    unit: OrgUnit, settings: IssuerSettings | None, requested: str | None
) -> Profile:
    """The requested profile, else the unit's setting, else by kind: party committee → party."""
    if requested:
        return get_profile(requested)
    if settings is not None and settings.profile:
        return PROFILES[settings.profile]
    return PROFILES["party" if unit.kind == OrgUnit.Kind.PARTY_COMMITTEE else "state"]


def letterhead_for(
    unit: OrgUnit, settings: IssuerSettings | None, profile: Profile, day: date
) -> Letterhead:
    """Everything around the body. Profile-specific settings (number suffix, signer wording)
    apply only when the report uses the profile they were written for."""
    stored = settings or IssuerSettings(org_unit=unit)
    same_profile = not stored.profile or stored.profile == profile.name
    issuer_lines = tuple(
        line.strip() for line in (stored.issuer_name or unit.name.upper()).splitlines()
    )
    suffix = (stored.number_suffix if same_profile else "") or _default_suffix(unit, profile)
    recipients = stored.recipient_list or _default_recipients(unit, profile)
    return Letterhead(
        superior=stored.superior_body or _default_superior(unit, profile),
        issuer_lines=tuple(line for line in issuer_lines if line),
        issuer_display=unit.name,
        number_line=profile.number_line(suffix),
        place_date=place_date(stored.place_name or unit.place_name, day),
        signer_authority=(stored.signer_authority if same_profile else "")
        or profile.signer_authority,
        signer_title=(stored.signer_title if same_profile else "") or profile.signer_title,
        signer_name=stored.signer_name,
        recipients=tuple(_dash(line) for line in recipients),
        date=day,
    )


def _level(unit: OrgUnit) -> str:
    """The kind of territory a body sits in: its parent's kind (Huyện ủy → district)."""
    parent = unit.parent
    return parent.kind if parent is not None else unit.kind


def _default_suffix(unit: OrgUnit, profile: Profile) -> str:
    if profile.name == "state":
        return "BC-UBND"
    return {
        OrgUnit.Kind.PROVINCE: "BC/TU",
        OrgUnit.Kind.DISTRICT: "BC/HU",
        OrgUnit.Kind.COMMUNE: "BC/ĐU",
    }.get(OrgUnit.Kind(_level(unit)), "BC")


def _default_superior(unit: OrgUnit, profile: Profile) -> str:
    """Party: "ĐẢNG BỘ TỈNH X" above a body below the province; state: nothing (the
    governing body, if any, must be set: it is not always the province)."""
    if profile.name != "party" or _level(unit) == OrgUnit.Kind.PROVINCE:
        return ""
    ancestor = unit.parent
    while ancestor is not None and ancestor.kind != OrgUnit.Kind.PROVINCE:
        ancestor = ancestor.parent
    return f"ĐẢNG BỘ {ancestor.name.upper()}" if ancestor is not None else ""


def _default_recipients(unit: OrgUnit, profile: Profile) -> list[str]:
    if profile.name == "party":
        return ["[Nơi nhận: …],", f"Lưu Văn phòng {unit.name}."]
    return ["[Nơi nhận: …];", "Lưu: VT."]


def _dash(line: str) -> str:
    return line if line.startswith(("-", "–")) else f"- {line}"
