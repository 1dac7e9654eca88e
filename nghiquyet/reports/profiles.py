"""The two document profiles (DESIGN.md §7), as data the renderers read.

* ``party`` — Hướng dẫn 36-HD/VPTW (2018) on the format of Party documents: A4, Times New
  Roman, margins 20/20/30/15 mm (top/bottom/left/right), "ĐẢNG CỘNG SẢN VIỆT NAM" 15 bold
  underlined, the issuer in bold over a "*", "BÁO CÁO" 15–16 bold, "T/M BAN THƯỜNG VỤ".
* ``state`` — Nghị định 30/2020/NĐ-CP (Phụ lục I): Quốc hiệu 12–13 bold, Tiêu ngữ 13–14
  bold with a rule under it, "Số: …/BC-UBND", "TM. ỦY BAN NHÂN DÂN", margins within
  20–25/20–25/30–35/15–20 mm.

A new format guide replaces one :class:`Profile` value; the renderers do not change. Pure
Python: no Django, no I/O.
"""

from __future__ import annotations

from dataclasses import dataclass

from .errors import UnknownProfile

__all__ = ["PROFILES", "STATE_MARGIN_RANGES", "HeaderLine", "Margins", "Profile", "get_profile"]


@dataclass(frozen=True)
class Margins:
    """Page margins in millimetres."""

    top: float
    bottom: float
    left: float
    right: float


@dataclass(frozen=True)
class HeaderLine:
    """One line of the right-hand header block (national name, motto)."""

    text: str
    size: float
    bold: bool = True
    underline: bool = False
    rule_below: bool = False  # a short solid line under the text (Nghị định 30)


@dataclass(frozen=True)
class Profile:
    name: str
    label: str
    margins: Margins
    national: tuple[HeaderLine, ...]
    issuer_size: float  # superior body and issuing body, left block
    number_template: str  # "{suffix}" is replaced; the number itself stays blank
    issuer_mark: str  # "*" under the issuer (party); "" → a short rule (state)
    title_size: float  # "BÁO CÁO"
    summary_rule: str  # "-----" under the summary line (party); "" → a short rule (state)
    signer_authority: str
    signer_title: str
    recipients_label_bold_italic: bool
    recipients_label_underline: bool
    recipients_label_size: float
    recipients_size: float
    body_size: float = 14
    place_date_size: float = 14
    page_number_size: float = 14
    table_size: float = 12
    font: str = "Times New Roman"

    def number_line(self, suffix: str) -> str:
        return self.number_template.format(suffix=suffix)


PARTY = Profile(
    name="party",
    label="Văn bản của Đảng (Hướng dẫn 36-HD/VPTW)",
    margins=Margins(top=20, bottom=20, left=30, right=15),
    national=(HeaderLine("ĐẢNG CỘNG SẢN VIỆT NAM", 15, bold=True, underline=True),),
    issuer_size=14,
    # The number is written by hand when the report is signed: "Số 125-BC/HU".
    number_template="Số      -{suffix}",
    issuer_mark="*",
    title_size=16,
    summary_rule="-----",
    signer_authority="T/M BAN THƯỜNG VỤ",
    signer_title="BÍ THƯ",
    recipients_label_bold_italic=False,
    recipients_label_underline=True,
    recipients_label_size=14,
    recipients_size=12,
)

STATE = Profile(
    name="state",
    label="Văn bản hành chính (Nghị định 30/2020/NĐ-CP)",
    margins=Margins(top=20, bottom=20, left=30, right=15),
    national=(
        HeaderLine("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 13, bold=True),
        HeaderLine("Độc lập - Tự do - Hạnh phúc", 14, bold=True, rule_below=True),
    ),
    issuer_size=13,
    number_template="Số:        /{suffix}",
    issuer_mark="",
    title_size=14,
    summary_rule="",
    signer_authority="TM. ỦY BAN NHÂN DÂN",
    signer_title="CHỦ TỊCH",
    recipients_label_bold_italic=True,
    recipients_label_underline=False,
    recipients_label_size=12,
    recipients_size=11,
)

PROFILES = {profile.name: profile for profile in (PARTY, STATE)}

# Nghị định 30/2020, Phụ lục I: the margins an administrative document may use (mm).
STATE_MARGIN_RANGES = {"top": (20, 25), "bottom": (20, 25), "left": (30, 35), "right": (15, 20)}


def get_profile(name: str) -> Profile:
    """The profile called ``name`` ("party" or "state"); anything else is an error."""
    try:
        return PROFILES[name]
    except KeyError:
        raise UnknownProfile(
            f"Thể thức '{name}' không có: dùng 'party' (văn bản của Đảng) "
            "hoặc 'state' (văn bản hành chính)."
        ) from None
