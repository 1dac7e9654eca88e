"""Report settings of the demo's issuing bodies, loaded by ``nghiquyet demo``.

Names of signers are used only where a seed article names the person in that office, and
``notes`` cites the article; otherwise the name stays blank for the office to write.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from nghiquyet.orgunits.models import OrgUnit
from nghiquyet.results.audit import Actor

from .models import IssuerSettings
from .services import set_issuer_settings


@dataclass(frozen=True)
class DemoSettings:
    unit: str
    values: dict[str, str] = field(default_factory=dict)


def _party_recipients(province: str, district: str) -> str:
    return "\n".join(
        [
            f"- Ban Thường vụ Tỉnh ủy {province} (b/c),",
            "- Các đồng chí Huyện ủy viên,",
            "- Các chi, đảng bộ trực thuộc,",
            f"- Lưu Văn phòng Huyện ủy {district}.",
        ]
    )


DEMO_SETTINGS = (
    DemoSettings(
        "huyen-uy-pac-nam",
        {
            "profile": "party",
            "superior_body": "ĐẢNG BỘ TỈNH BẮC KẠN",
            "issuer_name": "HUYỆN ỦY PÁC NẶM",
            "number_suffix": "BC/HU",
            "place_name": "Pác Nặm",
            "signer_authority": "T/M BAN THƯỜNG VỤ",
            "signer_title": "BÍ THƯ",
            "signer_name": "Dương Văn Tuyến",
            "recipients": _party_recipients("Bắc Kạn", "Pác Nặm"),
            "notes": (
                "Họ tên Bí thư theo bài báo seeds/004_e522719ab945d8c7.txt (9 tháng năm 2023): "
                '"Đồng chí Dương Văn Tuyến, Bí thư Huyện ủy Pác Nặm". Kiểm tra lại người ký '
                "cho báo cáo của các kỳ khác."
            ),
        },
    ),
    DemoSettings(
        "huyen-uy-cho-don",
        {
            "profile": "party",
            "superior_body": "ĐẢNG BỘ TỈNH BẮC KẠN",
            "issuer_name": "HUYỆN ỦY CHỢ ĐỒN",
            "number_suffix": "BC/HU",
            "place_name": "Chợ Đồn",
            "signer_authority": "T/M BAN THƯỜNG VỤ",
            "signer_title": "BÍ THƯ",
            "recipients": _party_recipients("Bắc Kạn", "Chợ Đồn"),
            "notes": "Bài báo không nêu tên Bí thư Huyện ủy: Văn phòng ghi họ tên người ký.",
        },
    ),
    DemoSettings(
        "huyen-uy-luc-ngan",
        {
            "profile": "party",
            "superior_body": "ĐẢNG BỘ TỈNH BẮC GIANG",
            "issuer_name": "HUYỆN ỦY LỤC NGẠN",
            "number_suffix": "BC/HU",
            "place_name": "Lục Ngạn",
            "signer_authority": "T/M BAN THƯỜNG VỤ",
            "signer_title": "BÍ THƯ",
            "signer_name": "Thân Văn Khánh",
            "recipients": _party_recipients("Bắc Giang", "Lục Ngạn"),
            "notes": (
                "Họ tên Bí thư theo bài báo seeds/001_f37f77b70096dbf0.txt (25/6/2018): "
                '"Đồng chí Thân Văn Khánh, Bí thư Huyện ủy chủ trì hội nghị".'
            ),
        },
    ),
    DemoSettings(
        "ubnd-pac-nam",
        {
            "profile": "state",
            "issuer_name": "ỦY BAN NHÂN DÂN\nHUYỆN PÁC NẶM",
            "number_suffix": "BC-UBND",
            "place_name": "Pác Nặm",
            "signer_authority": "TM. ỦY BAN NHÂN DÂN",
            "signer_title": "CHỦ TỊCH",
            "signer_name": "Đào Duy Hưng",
            "recipients": "\n".join(
                [
                    "- UBND tỉnh Bắc Kạn (b/c);",
                    "- Thường trực Huyện ủy (b/c);",
                    "- Thường trực HĐND huyện;",
                    "- Các cơ quan chuyên môn thuộc UBND huyện;",
                    "- Lưu: VT.",
                ]
            ),
            "notes": (
                "Họ tên Chủ tịch theo bài báo seeds/004_e522719ab945d8c7.txt (9 tháng năm "
                '2023): "đồng chí Đào Duy Hưng, Chủ tịch UBND huyện Pác Nặm".'
            ),
        },
    ),
)


def load_demo_report_settings(actor: Actor) -> None:
    """Create the demo settings of units that have none; never touch existing ones."""
    units = {
        unit.code: unit for unit in OrgUnit.objects.filter(code__in=[d.unit for d in DEMO_SETTINGS])
    }
    existing = set(
        IssuerSettings.objects.filter(org_unit__in=units.values()).values_list(
            "org_unit__code", flat=True
        )
    )
    for demo in DEMO_SETTINGS:
        unit = units.get(demo.unit)
        if unit is not None and demo.unit not in existing:
            set_issuer_settings(unit, demo.values, actor=actor)
