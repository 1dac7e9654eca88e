"""The demo: real resolutions and figures from the five seed articles (../shared/seeds).

Every figure taken from an article carries its file and the quoted words. A figure the
articles do not state is either absent (no data) or, where it follows by arithmetic from what
they state ("600 lao động, đạt 60 % kế hoạch" → plan 1.000), entered with a note that says
"suy ra" and how. Indicators the articles count but do not name exist as placeholders with
no data, so that tallies keep the articles' totals (49, 38, 16) instead of flattering them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

A000 = "000_dbec775e811154a2.txt"  # Pác Nặm, sơ kết giữa nhiệm kỳ 2020–2025, 17/5/2023
A001 = "001_f37f77b70096dbf0.txt"  # Lục Ngạn, sơ kết giữa nhiệm kỳ 2015–2020, 25/6/2018
A002 = "002_e468106968fbad4e.txt"  # Pác Nặm, nhiệm vụ trọng tâm năm 2022
A003 = "003_b592c6de4c53e17a.txt"  # Chợ Đồn, 9 tháng năm 2023, 10/10/2023
A004 = "004_e522719ab945d8c7.txt"  # Pác Nặm, 9 tháng năm 2023

DERIVED = "Số suy ra, không nêu trực tiếp trong bài báo: "


@dataclass(frozen=True)
class Unit:
    code: str
    name: str
    kind: str
    parent: str | None = None
    valid_from: date | None = None
    valid_to: date | None = None
    successor: str | None = None
    place_name: str = ""


REFORM = date(2025, 7, 1)
BEFORE_REFORM = date(2025, 6, 30)

UNITS: tuple[Unit, ...] = (
    Unit(
        "thai-nguyen-2025",
        "Tỉnh Thái Nguyên (từ 01/7/2025)",
        "province",
        valid_from=REFORM,
        place_name="Thái Nguyên",
    ),
    Unit(
        "bac-ninh-2025",
        "Tỉnh Bắc Ninh (từ 01/7/2025)",
        "province",
        valid_from=REFORM,
        place_name="Bắc Ninh",
    ),
    Unit(
        "bac-kan",
        "Tỉnh Bắc Kạn",
        "province",
        valid_to=BEFORE_REFORM,
        successor="thai-nguyen-2025",
        place_name="Bắc Kạn",
    ),
    Unit(
        "tinh-uy-bac-kan",
        "Tỉnh ủy Bắc Kạn",
        "party_committee",
        "bac-kan",
        valid_to=BEFORE_REFORM,
        place_name="Bắc Kạn",
    ),
    Unit(
        "pac-nam",
        "Huyện Pác Nặm",
        "district",
        "bac-kan",
        valid_to=BEFORE_REFORM,
        successor="thai-nguyen-2025",
        place_name="Pác Nặm",
    ),
    Unit(
        "huyen-uy-pac-nam",
        "Huyện ủy Pác Nặm",
        "party_committee",
        "pac-nam",
        valid_to=BEFORE_REFORM,
        place_name="Pác Nặm",
    ),
    Unit(
        "ubnd-pac-nam",
        "Ủy ban nhân dân huyện Pác Nặm",
        "peoples_committee",
        "pac-nam",
        valid_to=BEFORE_REFORM,
        place_name="Pác Nặm",
    ),
    Unit(
        "cho-don",
        "Huyện Chợ Đồn",
        "district",
        "bac-kan",
        valid_to=BEFORE_REFORM,
        successor="thai-nguyen-2025",
        place_name="Chợ Đồn",
    ),
    Unit(
        "huyen-uy-cho-don",
        "Huyện ủy Chợ Đồn",
        "party_committee",
        "cho-don",
        valid_to=BEFORE_REFORM,
        place_name="Chợ Đồn",
    ),
    Unit(
        "bac-giang",
        "Tỉnh Bắc Giang",
        "province",
        valid_to=BEFORE_REFORM,
        successor="bac-ninh-2025",
        place_name="Bắc Giang",
    ),
    Unit(
        "tinh-uy-bac-giang",
        "Tỉnh ủy Bắc Giang",
        "party_committee",
        "bac-giang",
        valid_to=BEFORE_REFORM,
        place_name="Bắc Giang",
    ),
    Unit(
        "luc-ngan",
        "Huyện Lục Ngạn",
        "district",
        "bac-giang",
        valid_to=BEFORE_REFORM,
        successor="bac-ninh-2025",
        place_name="Lục Ngạn",
    ),
    Unit(
        "huyen-uy-luc-ngan",
        "Huyện ủy Lục Ngạn",
        "party_committee",
        "luc-ngan",
        valid_to=BEFORE_REFORM,
        place_name="Lục Ngạn",
    ),
)


@dataclass(frozen=True)
class Figure:
    """A value from an article: ``raw`` as written, or only the percentage it states."""

    period: str
    raw: str = ""
    reported_pct: str | None = None
    article: str = ""
    quote: str = ""
    reported_on: date | None = None
    note: str = ""


@dataclass(frozen=True)
class Revision:
    to: str
    effective_on: date
    decision: str
    reason: str


@dataclass(frozen=True)
class Assessed:
    period: str
    status_override: str = ""
    override_reason: str = ""
    causes_subjective: str = ""
    remedies: str = ""


@dataclass(frozen=True)
class Item:
    name: str
    unit: str
    direction: str = "up"
    kind: str = "level"
    term_basis: str = ""
    concept: str = ""
    term_target: str = ""
    year_target: str = ""
    target_note: str = ""
    revisions: tuple[Revision, ...] = ()
    figures: tuple[Figure, ...] = ()
    assessments: tuple[Assessed, ...] = ()
    notes: str = ""


@dataclass(frozen=True)
class Plan:
    code: str
    title: str
    kind: str
    issuer: str
    scope: str
    first_year: int
    last_year: int
    total_indicators: int
    groups: tuple[tuple[str, tuple[Item, ...]], ...]
    parent: str | None = None
    number: str = ""
    issued_on: date | None = None
    notes: str = ""


MIDTERM_PN = date(2023, 5, 17)
MIDTERM_LN = date(2018, 6, 25)
NINE_MONTHS_CD = date(2023, 10, 10)

PAC_NAM_FOOD = (
    'Bài báo: diện tích, sản lượng và bình quân lương thực "đảm bảo mục tiêu an ninh lương '
    'thực tối thiểu … vượt kế hoạch đề ra".'
)

PAC_NAM_2020_2025 = Plan(
    code="pac-nam-2020-2025",
    title="Nghị quyết Đại hội đại biểu Đảng bộ huyện Pác Nặm lần thứ IV, nhiệm kỳ 2020 - 2025",
    kind="congress_term",
    issuer="huyen-uy-pac-nam",
    scope="pac-nam",
    first_year=2020,
    last_year=2025,
    total_indicators=49,
    notes=(
        'Sơ kết giữa nhiệm kỳ (Hội nghị ngày 17/5/2023, bài 000): "Đến nay đã có 27/49 chỉ '
        "tiêu, nhiệm vụ đạt và vượt so với Nghị quyết Đại hội đề ra, 22/49 chỉ tiêu, nhiệm vụ "
        'chưa đạt". Bài báo chỉ nêu tên một số chỉ tiêu; các chỉ tiêu còn lại chưa có số liệu.'
    ),
    groups=(
        (
            "Kinh tế",
            (
                Item(
                    "Diện tích trồng cây lương thực có hạt hằng năm",
                    "ha",
                    kind="flow",
                    term_basis="each_year",
                    concept="dien-tich-cay-luong-thuc-co-hat",
                    figures=(
                        Figure(
                            "2023-M05",
                            "trên 4.500",
                            article=A000,
                            reported_on=MIDTERM_PN,
                            quote="Diện tích trồng cây lương thực có hạt hằng năm thực hiện "
                            "đạt trên 4.500ha",
                            note="Số liệu sơ kết giữa nhiệm kỳ.",
                        ),
                    ),
                    assessments=(Assessed("2020-2025", "exceeded", PAC_NAM_FOOD),),
                ),
                Item(
                    "Tổng sản lượng lương thực bình quân",
                    "tấn/năm",
                    kind="flow",
                    term_basis="yearly_average",
                    concept="san-luong-luong-thuc",
                    figures=(
                        Figure(
                            "2023-M05",
                            "trên 19.700",
                            article=A000,
                            reported_on=MIDTERM_PN,
                            quote="tổng sản lượng lương thực bình quân đạt trên 19.700 tấn/năm",
                            note="Bình quân các năm từ đầu nhiệm kỳ.",
                        ),
                    ),
                    assessments=(Assessed("2020-2025", "exceeded", PAC_NAM_FOOD),),
                ),
                Item(
                    "Bình quân lương thực đầu người",
                    "kg/người/năm",
                    concept="binh-quan-luong-thuc",
                    term_target="tối thiểu 360",
                    target_note='Bài báo: "mục tiêu an ninh lương thực tối thiểu hằng năm trên '
                    'địa bàn huyện (360kg/người/năm)".',
                    figures=(
                        Figure(
                            "2023-M05",
                            "trên 540",
                            article=A000,
                            reported_on=MIDTERM_PN,
                            quote="bình quân lương thực hằng năm đạt trên 540kg/người/năm",
                        ),
                    ),
                ),
                Item(
                    "Tỷ lệ đường trục thôn được cứng hóa",
                    "%",
                    concept="duong-truc-thon-cung-hoa",
                    term_target="75",
                    target_note=DERIVED
                    + '84 % "bằng 112% mục tiêu Nghị quyết" → 84 ÷ 1,12 = 75 %.',
                    figures=(
                        Figure(
                            "2023-M05",
                            "trên 84",
                            reported_pct="112",
                            article=A000,
                            reported_on=MIDTERM_PN,
                            quote="tỷ lệ đường trục thôn được cứng hóa hiện đạt trên 84%, "
                            "bằng 112% mục tiêu Nghị quyết Đại hội",
                        ),
                    ),
                ),
            ),
        ),
        (
            "Văn hóa - xã hội",
            (
                Item(
                    "Giải quyết việc làm",
                    "lao động",
                    kind="flow",
                    term_basis="each_year",
                    concept="giai-quyet-viec-lam",
                    figures=(
                        Figure(
                            "2023-M05",
                            reported_pct="143",
                            article=A000,
                            reported_on=MIDTERM_PN,
                            quote="từ năm 2021 đến nay kết quả giải quyết việc làm đều đạt "
                            "và vượt mục tiêu Nghị quyết đề ra, bình quân giữa nhiệm kỳ "
                            "đạt 143% mục tiêu Nghị quyết",
                        ),
                    ),
                ),
            ),
        ),
        (
            "Xây dựng Đảng và hệ thống chính trị",
            (
                Item(
                    "Tỷ lệ dịch vụ công trực tuyến mức độ 4",
                    "%",
                    concept="dich-vu-cong-muc-4",
                    figures=(
                        Figure(
                            "2022",
                            "65,33",
                            article=A002,
                            reported_on=date(2022, 12, 31),
                            quote="tỷ lệ dịch vụ công trực tuyến được cung cấp mức độ 4 của "
                            "huyện đạt 65,33%",
                            note="Bài viết về nhiệm vụ năm 2022; ngày đăng không rõ, ghi "
                            "cuối năm 2022.",
                        ),
                    ),
                ),
            ),
        ),
    ),
)

CAUSES_PN_2023 = (
    "Công tác kiểm tra, đôn đốc nắm tiến độ để chủ động tham mưu đề xuất xử lý, giải quyết, "
    "tháo gỡ những khó khăn, vướng mắc trong quá trình thực hiện nhiệm vụ ở một số cơ quan "
    "chưa thường xuyên, kịp thời, chưa quyết liệt. Công tác phối hợp giữa các cơ quan, đơn vị, "
    "địa phương trong thực hiện nhiệm vụ chưa chặt chẽ, còn thiếu tính chủ động. (Bài 004)"
)
REMEDIES_PN_2023 = (
    "Quyết liệt triển khai các chính sách hỗ trợ phát triển sản xuất nông nghiệp năm 2023 gắn "
    "với Nghị quyết phát triển cây trồng, vật nuôi có lợi thế của huyện. (Bài 004)"
)
NINE_2023 = date(2023, 9, 30)

PAC_NAM_2023 = Plan(
    code="pac-nam-2023",
    title="Nghị quyết của Ban Chấp hành Đảng bộ huyện Pác Nặm về nhiệm vụ năm 2023",
    kind="annual",
    issuer="huyen-uy-pac-nam",
    scope="pac-nam",
    first_year=2023,
    last_year=2023,
    parent="pac-nam-2020-2025",
    total_indicators=38,
    notes=(
        'Bài 004: "9 tháng năm 2023, huyện Pác Nặm mới đạt 16/38 chỉ tiêu so với mục tiêu nghị '
        'quyết năm 2023". Bài báo nêu tên các chỉ tiêu đạt thấp; các chỉ tiêu còn lại chưa có '
        "số liệu."
    ),
    groups=(
        (
            "Kinh tế",
            (
                Item(
                    "Giá trị sản xuất nông, lâm nghiệp và thủy sản",
                    "tỷ đồng",
                    kind="flow",
                    concept="gia-tri-san-xuat-nong-lam-thuy-san",
                    year_target="490",
                    figures=(
                        Figure(
                            "2023-9M",
                            "ước 248",
                            article=A004,
                            reported_on=NINE_2023,
                            quote="Giá trị sản xuất nông, lâm nghiệp và thủy sản chỉ tiêu "
                            "490 tỷ đồng, ước đạt được 248 tỷ đồng, đạt gần 51%",
                        ),
                    ),
                    assessments=(
                        Assessed(
                            "2023-9M", causes_subjective=CAUSES_PN_2023, remedies=REMEDIES_PN_2023
                        ),
                    ),
                ),
                Item(
                    "Diện tích cây trồng có lợi thế",
                    "ha",
                    kind="flow",
                    concept="cay-trong-co-loi-the",
                    year_target="110",
                    figures=(
                        Figure(
                            "2023-9M",
                            "hơn 54",
                            article=A004,
                            reported_on=NINE_2023,
                            quote="thực hiện diện tích cây trồng có lợi thế chỉ tiêu thực "
                            "hiện 110ha, đạt được hơn 54ha, đạt gần 50% kế hoạch",
                        ),
                    ),
                    assessments=(
                        Assessed(
                            "2023-9M", causes_subjective=CAUSES_PN_2023, remedies=REMEDIES_PN_2023
                        ),
                    ),
                ),
                Item(
                    "Giải ngân vốn đầu tư công",
                    "%",
                    concept="giai-ngan-von-dau-tu-cong",
                    notes='Bài 004: "tiến độ giải ngân vốn đầu tư công … còn chậm và đạt thấp" '
                    "(không nêu số).",
                ),
            ),
        ),
        (
            "Văn hóa - xã hội",
            (
                Item(
                    "Tỷ lệ hộ nghèo",
                    "%",
                    direction="down",
                    concept="ty-le-ho-ngheo",
                    notes='Bài 004: "tỷ lệ hộ nghèo và tái nghèo có nguy cơ phát sinh" '
                    "(không nêu số).",
                ),
            ),
        ),
        (
            "Xây dựng Đảng và hệ thống chính trị",
            (
                Item(
                    "Kết nạp đảng viên mới",
                    "đảng viên",
                    kind="flow",
                    concept="ket-nap-dang-vien",
                    year_target="90",
                    figures=(
                        Figure(
                            "2023-9M",
                            "48",
                            article=A004,
                            reported_on=NINE_2023,
                            quote="kết nạp đảng viên mới đạt 48/90 chỉ tiêu, bằng 53% kế hoạch",
                        ),
                    ),
                    assessments=(Assessed("2023-9M", causes_subjective=CAUSES_PN_2023),),
                ),
            ),
        ),
    ),
)

CHO_DON_2023 = Plan(
    code="cho-don-2023",
    title="Nghị quyết của Ban Chấp hành Đảng bộ huyện Chợ Đồn về nhiệm vụ năm 2023",
    kind="annual",
    issuer="huyen-uy-cho-don",
    scope="cho-don",
    first_year=2023,
    last_year=2023,
    total_indicators=0,
    notes="Hội nghị Ban Chấp hành Đảng bộ huyện lần thứ 15 (mở rộng), sáng 10/10/2023 (bài 003).",
    groups=(
        (
            "Kinh tế",
            (
                Item(
                    "Trồng cây lương thực có hạt",
                    "",
                    kind="flow",
                    concept="dien-tich-cay-luong-thuc-co-hat",
                    notes="Bài báo không nêu đơn vị tính và số tuyệt đối, "
                    "chỉ nêu tỷ lệ so kế hoạch.",
                    figures=(
                        Figure(
                            "2023-9M",
                            reported_pct="97,9",
                            article=A003,
                            reported_on=NINE_MONTHS_CD,
                            quote="Chỉ tiêu trồng cây lương thực có hạt đạt 97,9% kế hoạch",
                        ),
                    ),
                ),
                Item(
                    "Trồng rừng",
                    "ha",
                    kind="flow",
                    concept="trong-rung",
                    year_target="600",
                    figures=(
                        Figure(
                            "2023-9M",
                            "603,8",
                            article=A003,
                            reported_on=NINE_MONTHS_CD,
                            quote="Trồng rừng được 603,8ha/600ha, đạt 100,6% kế hoạch",
                        ),
                    ),
                ),
                Item(
                    "Giá trị sản xuất công nghiệp",
                    "tỷ đồng",
                    kind="flow",
                    concept="gia-tri-san-xuat-cong-nghiep",
                    figures=(
                        Figure(
                            "2023-9M",
                            "362,14",
                            article=A003,
                            reported_on=NINE_MONTHS_CD,
                            quote="Giá trị sản xuất công nghiệp 9 tháng đạt 362,14 tỷ đồng, bằng "
                            "95,27% so với cùng kỳ năm 2022",
                        ),
                        Figure(
                            "2022-9M",
                            "380,12",
                            article=A003,
                            reported_on=NINE_MONTHS_CD,
                            note=DERIVED + '362,14 tỷ đồng "bằng 95,27% so với cùng kỳ năm '
                            '2022" → 362,14 ÷ 0,9527 ≈ 380,12 tỷ đồng.',
                            quote="bằng 95,27% so với cùng kỳ năm 2022",
                        ),
                    ),
                ),
                Item(
                    "Thu ngân sách nhà nước trên địa bàn",
                    "triệu đồng",
                    kind="flow",
                    concept="thu-ngan-sach",
                    notes='Bài 003: "Thu ngân sách nhà nước đạt thấp" (không nêu số).',
                ),
            ),
        ),
        (
            "Văn hóa - xã hội",
            (
                Item(
                    "Giải quyết việc làm",
                    "lao động",
                    kind="flow",
                    concept="giai-quyet-viec-lam",
                    year_target="1.000",
                    target_note=DERIVED + '600 lao động "đạt 60% kế hoạch" → 600 ÷ 0,6 = 1.000.',
                    figures=(
                        Figure(
                            "2023-9M",
                            "600",
                            reported_pct="60",
                            article=A003,
                            reported_on=NINE_MONTHS_CD,
                            quote="Giải quyết việc làm cho 600 lao động, đạt 60% kế hoạch",
                        ),
                    ),
                ),
                Item(
                    "Xuất khẩu lao động",
                    "người",
                    kind="flow",
                    concept="xuat-khau-lao-dong",
                    notes="Kế hoạch không nêu; 217 ÷ 1,8 ≈ 120,6 không phải số nguyên nên không "
                    "suy ra.",
                    figures=(
                        Figure(
                            "2023-9M",
                            "217",
                            reported_pct="180",
                            article=A003,
                            reported_on=NINE_MONTHS_CD,
                            quote="xuất khẩu lao động được 217 người, đạt 180% kế hoạch",
                        ),
                    ),
                ),
            ),
        ),
    ),
)

LN_DECISION = (
    "Kết luận Hội nghị sơ kết giữa nhiệm kỳ của Ban Thường vụ Huyện ủy Lục Ngạn ngày 25/6/2018"
)
LN_REASON = "Các đại biểu nhất trí điều chỉnh cho phù hợp với thực tiễn (bài 001)."
LN_QUOTE = "các đại biểu nhất trí điều chỉnh một số chỉ tiêu trong Nghị quyết Đại hội"


def _ln_revision(to: str) -> tuple[Revision, ...]:
    return (Revision(to, MIDTERM_LN, LN_DECISION, LN_REASON),)


LUC_NGAN_2015_2020 = Plan(
    code="luc-ngan-2015-2020",
    title="Nghị quyết Đại hội Đảng bộ huyện Lục Ngạn lần thứ XXIV, nhiệm kỳ 2015 - 2020",
    kind="congress_term",
    issuer="huyen-uy-luc-ngan",
    scope="luc-ngan",
    first_year=2015,
    last_year=2020,
    total_indicators=16,
    notes=(
        'Sơ kết giữa nhiệm kỳ ngày 25/6/2018 (bài 001): "huyện đã hoàn thành và hoàn thành '
        'vượt mức 4/16 chỉ tiêu Đại hội"; hội nghị cũng "đưa ra khỏi Nghị quyết nhiệm vụ xây '
        'dựng phố Kim, xã Phượng Sơn trở thành thị trấn Kim năm 2018".'
    ),
    groups=(
        (
            "Kinh tế - môi trường",
            (
                Item(
                    "Độ che phủ rừng",
                    "%",
                    concept="do-che-phu-rung",
                    term_target="37",
                    revisions=_ln_revision("41,3"),
                    target_note='Bài 001: "Độ che phủ rừng (từ 37 lên 41,3%)".',
                ),
                Item(
                    "Số xã đạt chuẩn nông thôn mới",
                    "xã",
                    concept="xa-nong-thon-moi",
                    term_target="8",
                    revisions=_ln_revision("11"),
                    target_note='Bài 001: "xã nông thôn mới (từ 8 lên 11 xã)".',
                ),
                Item(
                    "Tỷ lệ thu gom, xử lý rác thải tại khu vực nông thôn và đô thị",
                    "%",
                    concept="thu-gom-rac-thai",
                    term_target="70",
                    revisions=_ln_revision("100"),
                    target_note='Bài 001: "(từ 70 lên 100%)".',
                ),
            ),
        ),
        (
            "Văn hóa - xã hội",
            (
                Item(
                    "Tỷ lệ người dân có thẻ bảo hiểm y tế",
                    "%",
                    concept="ty-le-bhyt",
                    term_target="95",
                    revisions=_ln_revision("98"),
                    target_note='Bài 001: "tỷ lệ người dân có thẻ BHYT (từ 95 lên 98%)".',
                ),
            ),
        ),
        (
            "Xây dựng Đảng và hệ thống chính trị",
            (
                Item(
                    "Tỷ lệ trưởng thôn là đảng viên",
                    "%",
                    concept="truong-thon-la-dang-vien",
                    figures=(
                        Figure(
                            "2018-M06",
                            "49,7",
                            article=A001,
                            reported_on=MIDTERM_LN,
                            quote="tỷ lệ trưởng thôn là đảng viên thấp (mới đạt 49,7%)",
                        ),
                    ),
                ),
            ),
        ),
    ),
)

# One demo account per role, password "demo" (refused when NGHIQUYET_ENV=production).
DEMO_PASSWORD = "demo"  # noqa: S105 - a published demo password, never valid in production
DEMO_USERS: tuple[tuple[str, str, str | None, str], ...] = (
    # username, role, unit, who it is
    ("admin", "admin", None, "Quản trị hệ thống"),
    ("vanphong", "office", "huyen-uy-pac-nam", "Văn phòng Huyện ủy Pác Nặm"),
    ("baocao", "reporter", "pac-nam", "Cán bộ báo cáo số liệu huyện Pác Nặm"),
    ("xem", "viewer", "cho-don", "Người xem số liệu huyện Chợ Đồn"),
)

PLANS: tuple[Plan, ...] = (PAC_NAM_2020_2025, PAC_NAM_2023, CHO_DON_2023, LUC_NGAN_2015_2020)
