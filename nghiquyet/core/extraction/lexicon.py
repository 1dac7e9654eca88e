"""Word lists for reading Vietnamese report prose, and the small text helpers built on them.

Every list is written in NFC lower case and pushed through :func:`lower_for_match` at import,
so the old and new tone placements ("thủy"/"thuỷ", "hóa"/"hoá") both match.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

__all__ = [
    "lower_for_match",
    "normalize_text",
    "words_regex",
]


def normalize_text(text: str) -> str:
    """The text the extractor reads, and that spans index: NFC, Unix newlines, plain spaces.

    >>> normalize_text("4.500\\u00a0ha\\r\\n")
    '4.500 ha\\n'
    """
    text = unicodedata.normalize("NFC", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _ODD_SPACE_RE.sub(" ", text)


_ODD_SPACE_RE = re.compile("[\u00a0\u202f\u2007\u2009\u200a\t\f\v\u200b\ufeff]")


def lower_for_match(text: str) -> str:
    """Lower case with one tone placement, keeping every index: "Thủy sản" → "thuỷ sản".

    The result has exactly the length of ``text``, so a match in it is a span of ``text``.
    """
    low = text.lower()
    if len(low) != len(text):  # a few letters (İ) grow when lowered: lower them one by one
        low = "".join(ch.lower()[:1] for ch in text)
    return _TONE_RE.sub(lambda m: _TONE_PAIRS[m.group()], low)


# Old-style tone placement → the new style, at the end of a word only (as core.text does).
_TONE_PAIRS = {
    "òa": "oà",
    "óa": "oá",
    "ỏa": "oả",
    "õa": "oã",
    "ọa": "oạ",
    "òe": "oè",
    "óe": "oé",
    "ỏe": "oẻ",
    "õe": "oẽ",
    "ọe": "oẹ",
    "ùy": "uỳ",
    "úy": "uý",
    "ủy": "uỷ",
    "ũy": "uỹ",
    "ụy": "uỵ",
}
_TONE_RE = re.compile("(?:" + "|".join(_TONE_PAIRS) + r")(?!\w)")


def words_regex(words: Iterable[str]) -> str:
    """An alternation of whole words, longest first, for use inside a larger pattern."""
    unique = sorted({lower_for_match(w) for w in words}, key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in unique)


def _words(block: str) -> tuple[str, ...]:
    """A word list written as prose: comma-separated, line breaks are spaces."""
    return tuple(" ".join(w.split()) for w in block.split(",") if w.strip())


def _pairs(block: str) -> tuple[tuple[str, str], ...]:
    """ "word: meaning, word: meaning" → ((word, meaning), …)."""
    pairs = (w.rpartition(":") for w in _words(block))
    return tuple((word.strip(), meaning.strip()) for word, _, meaning in pairs)


LETTER = r"[^\W\d_]"

# Scale words multiply the figure in front of them (numbers.SCALE_WORDS, plus "trăm").
SCALE = _words(
    """
    nghìn, ngàn, vạn, triệu, tỷ, tỉ, trăm
    """
)

# Units of measure: certain whenever they follow a figure.
MEASURE_UNITS = _words(
    """
    %, phần trăm, điểm phần trăm, điểm %, ha, héc-ta, hécta, hecta, km2, km², km, m2, m²,
    m3, m³, mét vuông, mét khối, mét, m, cm, tấn, tạ, yến, kg, lít, đồng, usd, đô la, vnđ,
    vnd, kwh, mw, kw, mwh
    """
)

# Nouns that count things. Taken as the unit only when nothing qualifies them further
# ("85 tổ chức đảng và …" → "tổ chức đảng"; "320 đảng viên mới" → unsure, no unit).
COUNT_NOUNS = _words(
    """
    người, lao động, hộ, hộ gia đình, con, cây, xã, phường, thị trấn, thôn, bản, tổ, chi
    bộ, đảng viên, tổ chức đảng, tổ chức cơ sở đảng, đảng bộ, doanh nghiệp, hợp tác xã,
    htx, dự án, công trình, trường, trường học, học sinh, giáo viên, sinh viên, học viên,
    giường bệnh, bác sĩ, cơ sở, căn, căn nhà, ngôi nhà, nhà, phòng học, sản phẩm, mô hình,
    lớp, cán bộ, công chức, viên chức, đoàn viên, hội viên, thanh niên, tân binh, công
    dân, đối tượng, trường hợp, vụ, vụ việc, vụ án, đơn, đơn thư, hồ sơ, thủ tục, lượt,
    lượt người, lượt khách, khách, du khách, bệnh nhân, ca, thẻ, suất, chiếc, xe, điểm,
    tiêu chí, làng, khu dân cư, trang trại, gia trại, chợ, cụm công nghiệp, khu công
    nghiệp, nhà văn hoá, km đường, tuyến, cầu, hồ, đập, giếng, lò, trạm, hecta, tuổi, tập
    thể, cá nhân
    """
)

# Counted things that are plan structure or paperwork, not results: "04 nhiệm vụ trọng tâm",
# "ban hành 8 nghị quyết", "3 chương trình mục tiêu quốc gia". Also people at an event.
NOT_RESULTS = _words(
    """
    nhiệm vụ, chương trình, giải pháp, khâu đột phá, đột phá, nội dung, mục tiêu, chỉ
    tiêu, nhóm, nhóm giải pháp, lĩnh vực, vấn đề, quan điểm, bài học, ý kiến, tham luận,
    phương châm, trụ cột, chủ đề, định hướng, nghị quyết, chỉ thị, kết luận, quy định,
    quyết định, kế hoạch, hướng dẫn, văn bản, đề án, thông báo, báo cáo, công văn, tờ
    trình, đạo luật, luật, nghị định, thông tư, đại biểu, khách mời, đồng chí, phóng viên,
    hội nghị, cuộc họp, phiên, kỳ họp, đoàn công tác, lần, bậc, cấp, mặt, đ/c, huy hiệu,
    nhiệm kỳ
    """
)

# Figures that are durations, ages or clock times.
TIME_UNITS = _words(
    """
    năm, tháng, quý, tuần, ngày, giờ, phút, giây, năm rưỡi, thập kỷ, thế kỷ, h
    """
)

# A figure right after one of these names something ("lần thứ 15", "mức độ 4", "Quốc lộ 3",
# "năm 2023", "tháng 9", "Chương trình 135"): it is not a quantity.
LABEL_WORDS = _words(
    """
    lần thứ, thứ, khoá, kỳ họp, mức độ, cấp độ, giai đoạn, đợt, tháng, năm, quý, ngày,
    sáng, chiều, tối, trưa, đêm, hôm, lúc, tuần, điều, khoản, mục, chương, phụ lục, bảng,
    hình, biểu, biểu mẫu, tổ, khu, phường, quận, thôn, bản, xóm, ấp, tiểu khu, lô, đường,
    quốc lộ, tỉnh lộ, ql, đt, top, nhóm, loại, hạng, tuyến, vòng, trang, tập, chương
    trình, nghị quyết, quyết định, chỉ thị, kết luận, nghị định, thông tư, luật, công văn,
    đề án, phiên, cụm, lớp, khối, ô, trạm, covid, mã, hotline, điện thoại, kênh, ngõ,
    ngách, hẻm, km, tầng, phòng, căn hộ, hội nghị, lần, version, phiên bản, huy hiệu, giải,
    lượt thứ
    """
)

# Words that say how the figure relates to the truth, right in front of it.
QUALIFIERS = _pairs(
    """
    trên dưới: about, khoảng: about, xấp xỉ: about, gần: about, chừng: about, ước chừng:
    about, trên: above, hơn: above, ít nhất: above, tối thiểu: above, không dưới: above,
    dưới: below, chưa đến: below, chưa tới: below, không quá: below, không vượt quá:
    below, tối đa: below, ngót: about, chưa đầy: below, không đến: below
    """
)

# Verbs of achievement: what comes after them is an actual value, not the plan.
ACHIEVED = _words(
    """
    đạt, được, đạt được, ước, ước đạt, ước tính, ước thực hiện, thực hiện được, thực hiện
    đạt, còn, tăng, giảm, lên, xuống, hiện đạt, hiện có, có
    """
)

# Words that name the plan a figure is measured against.
TARGET_WORDS = _words(
    """
    chỉ tiêu, kế hoạch, kh, mục tiêu, dự toán, nghị quyết giao, nq giao, tỉnh giao, huyện
    giao, giao, đề ra, phấn đấu
    """
)

# What a percentage is a percentage of, by the words that follow it.
PERCENT_BASES = _pairs(
    """
    cùng kỳ: same_period, so cùng kỳ: same_period, ck: same_period, mục tiêu nghị quyết:
    resolution, mục tiêu nq: resolution, nghị quyết: resolution, nq: resolution, mục tiêu
    đại hội: resolution, chỉ tiêu nghị quyết: resolution, mục tiêu năm: plan, mục tiêu kế
    hoạch: plan, mục tiêu: resolution, kế hoạch: plan, kh: plan, dự toán: plan, chỉ tiêu:
    plan, kịch bản: plan, nhiệm vụ: plan
    """
)

# Indicators that are rates: a bare "đạt 42%" after them is the value itself.
RATE_HEADS = _words(
    """
    tỷ lệ, tỉ lệ, tỷ trọng, tỉ trọng, độ che phủ, tốc độ, tăng trưởng, chỉ số, mức, tỷ
    suất, hệ số, phần trăm, cơ cấu, năng suất, hộ nghèo, che phủ
    """
)

# Levels in percent that move in points: "tỷ lệ hộ nghèo giảm 1,8%" is 1,8 points, not a ratio.
POINT_HEADS = _words(
    """
    tỷ lệ, tỉ lệ, tỷ trọng, tỉ trọng, độ che phủ, che phủ, tốc độ, tăng trưởng, cơ cấu,
    hộ nghèo, phần trăm, tỷ suất
    """
)

# Evaluative words that end a phrase but are not part of the indicator's name.
TRAILING_NOISE = _words(
    """
    đạt, được, đạt được, thực hiện, thực hiện được, thực hiện đạt, ước, ước đạt, ước tính,
    ước thực hiện, hiện, hiện đạt, hiện nay, là, có, còn, giảm, tăng, lên, xuống, cho,
    với, ở mức, mức, khoảng, trên, hơn, gần, dưới, xấp xỉ, trên dưới, đã, đều, cũng,
    tới, đến, vượt, bằng, chiếm, thêm, thấp, chậm, còn thấp, đạt thấp, mới đạt, chỉ đạt,
    đạt khoảng, ước khoảng, tổng cộng, chỉ tiêu, kế hoạch, kh, mục tiêu, dự toán, chỉ tiêu
    thực hiện, kế hoạch giao, chỉ tiêu giao, kế hoạch năm, chỉ tiêu năm, mục tiêu năm, ít
    nhất, tối thiểu, tối đa, không quá, chưa đến, chưa tới, chừng, và, của, tại, trong,
    với tổng, tổng số, với, gồm, là khoảng, (, :, -, –, đạt tỷ lệ, theo, so với, đạt mức,
    giữ vững, duy trì, ước cả năm, cả năm, lũy kế, luỹ kế, thực hiện được, vẫn, từ, cao hơn,
    thấp hơn, nhiều hơn, ít hơn, so, tương đương, tương ứng, ngót, chưa đầy, không đến
    """
)

# Openers that start a sentence or list item but belong to no indicator.
LEADING_NOISE = _words(
    """
    như, gồm, trong đó, cụ thể, cụ thể là, đồng thời, bên cạnh đó, ngoài ra, nhờ vậy, nhờ
    đó, tuy nhiên, mặc dù, đến nay, hiện nay, hiện, tính đến nay, tính chung, nhìn chung,
    riêng, về, và, còn, với, các, những, đã, đang, trong năm, năm qua, thời gian qua, qua
    đó, theo đó, kết quả, kết quả là, đặc biệt, nổi bật, nổi bật là, trong, là, đó là, chỉ
    tiêu, việc, công tác, toàn huyện, toàn tỉnh, toàn xã, toàn thành phố, cả huyện, cả tỉnh,
    có, đạt, bên cạnh, mặt khác, do đó, vì vậy, sau, tổng cộng, trong thời gian qua, thực
    hiện, ước, ước thực hiện, ước tính, dự kiến, theo báo cáo, theo số liệu, theo thống kê,
    qua, nhờ, đến, tới, trong khi, cùng với đó, song song với đó, bên cạnh những kết quả đạt
    được, cho, thì, hiện đã, đến thời điểm này, tính đến thời điểm này, từ đầu năm, lũy kế,
    luỹ kế, cả năm, ước cả năm, dự ước, mới, mới có, chỉ có, phấn đấu, phấn đấu có, phấn đấu
    đạt, mỗi năm, bình quân mỗi năm, hằng năm có, hiện có, so với cùng kỳ, so với cùng kỳ
    năm trước
    """
)

# Generic heads that say nothing on their own: "bình quân đạt 143%" takes its topic from
# the clause before.
GENERIC = _words(
    """
    bình quân, kết quả, tổng, tổng số, tổng cộng, trong đó, chung, cả năm, lũy kế, luỹ kế,
    hiện, riêng, tính chung, số, tỷ lệ, trung bình, đạt, con số, mức
    """
)

# Aspect markers: what comes before them is usually the subject ("Huyện ủy đã ban hành …").
ASPECT = _words(
    """
    đã, đang, sẽ, vẫn, tiếp tục, cũng, luôn, đều, phấn đấu
    """
)

# Who acts, not what is measured.
ORG_WORDS = _words(
    """
    huyện, tỉnh, xã, thành phố, thị xã, thị trấn, phường, huyện uỷ, tỉnh uỷ, đảng uỷ,
    thành uỷ, ubnd, hđnd, ubkt, ban, ban thường vụ, ban chấp hành, đảng bộ, cấp uỷ, chính
    quyền, ngành, sở, phòng, mặt trận, đoàn thể, địa phương, toàn huyện, toàn tỉnh, cả
    huyện, cả tỉnh, các cấp, cơ quan, đơn vị, uỷ ban, nhân dân, người dân, bà con, chúng
    ta, chúng tôi, toàn xã, thường trực, lực lượng, công an, quân đội, quân sự, biên phòng,
    lực lượng chức năng, các ngành, quốc hội, hội đồng nhân dân, khoá, nhiệm kỳ
    """
)

# Tally: counts of a resolution's targets met or not met.
TALLY_NEGATIVE = _words(
    """
    chưa đạt, không đạt, chưa hoàn thành, không hoàn thành, khó đạt, khó hoàn thành, có
    khả năng đạt, có khả năng hoàn thành, đạt thấp, chưa, đang trong lộ trình, đang thực
    hiện, đang triển khai, đang phấn đấu, chưa đến kỳ
    """
)
TALLY_POSITIVE = _words(
    """
    đạt, vượt, hoàn thành
    """
)
TALLY_LEAD_OK = _words(
    """
    đã, có, đạt, mới, chỉ, hoàn thành, và, vượt, mức, được, đến nay, hiện nay, tổng số,
    trong, trên, tính đến, thời điểm, này, cơ bản, hoàn thành vượt mức, trong số, tổng,
    nay, vượt mức, đạt và vượt, so với, sau, qua, nửa nhiệm kỳ, giữa nhiệm kỳ, nhiệm kỳ,
    tuy nhiên, mặc dù, năm, tháng, đầu năm, còn, cả, toàn, kết quả, cho thấy, thực hiện,
    phấn đấu, nhân dân, tính, lên, xác định, có được, dự kiến, ước, khoảng, đều, đó,
    trong đó, hiện, hiện có
    """
)

# Words around "từ X lên Y" that make it a formal change of target, not a change over time.
REVISION_CONTEXT = _words(
    """
    điều chỉnh, sửa đổi, nâng chỉ tiêu, hạ chỉ tiêu, thay đổi chỉ tiêu, bổ sung chỉ tiêu,
    nâng mục tiêu, điều chỉnh tăng, điều chỉnh giảm
    """
)

ESTIMATE_RE = re.compile(
    r"(?<!\w)(?<!\shương )(?<!\squy )(?<!\scông )(?<!\shiệp )(?<!\snguyện )(?<!\sgiao )"
    r"(?:ước(?!\s+(?:mơ|nguyện|muốn|vọng|hẹn|định))|ưth|dự\s+ước|"
    r"dự\s+kiến\s+(?:đạt|cả\s+năm|thực\s+hiện))(?!\w)"
)
