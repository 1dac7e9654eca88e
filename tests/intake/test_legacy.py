"""Legacy Vietnamese encodings: converted when certain, refused when not."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from nghiquyet.intake import legacy
from nghiquyet.intake.legacy import (
    EncodingUnknown,
    Legacy,
    decode_bytes,
    detect,
    from_tcvn3,
    from_vni,
    is_vietnamese_syllable,
)

from .encodings import cp1258, tcvn3, vni

NAMES = [
    "Trồng rừng",
    "Giá trị sản xuất nông, lâm nghiệp và thủy sản",
    "Tỷ lệ hộ nghèo",
    "Kết nạp đảng viên mới",
    "Giải quyết việc làm",
    "Độ che phủ rừng",
    "Thu ngân sách nhà nước trên địa bàn",
    "Huyện Chợ Đồn",
    "Xuất khẩu lao động",
    "Tỷ lệ người dân tham gia bảo hiểm y tế",
]


def test_tcvn3_text_seen_as_latin1_becomes_unicode():
    assert from_tcvn3("Trång rõng") == "Trồng rừng"
    assert from_tcvn3("Gi¸ trÞ s¶n xuÊt") == "Giá trị sản xuất"


def test_vni_text_seen_as_windows1252_becomes_unicode():
    assert from_vni("Troàng röøng") == "Trồng rừng"
    assert from_vni("Ñaûng boä huyeän Paùc Naëm") == "Đảng bộ huyện Pác Nặm"


@pytest.mark.parametrize(
    "word", ["trồng", "rừng", "nghiêng", "khuya", "quốc", "giữ", "hoà", "hoá", "thuỷ", "khuỷu"]
)
def test_real_syllables_have_the_shape_of_vietnamese(word):
    assert is_vietnamese_syllable(word)


@pytest.mark.parametrize("word", ["trång", "chaøo", "càc", "ắá", "röøng", "gi¸"])
def test_mojibake_and_impossible_tones_do_not(word):
    assert not is_vietnamese_syllable(word)


def test_detect_names_the_legacy_encoding_only_when_certain():
    assert detect([tcvn3(name) for name in NAMES]).encoding is Legacy.TCVN3
    assert detect([vni(name) for name in NAMES]).encoding is Legacy.VNI
    plain = detect(NAMES)
    assert plain.encoding is Legacy.UNICODE and plain.certain and not plain.needs_conversion


def test_a_stray_foreign_word_in_unicode_text_is_left_alone():
    verdict = detect(["Trồng rừng theo chuẩn Müller", "Tỷ lệ hộ nghèo"])
    assert verdict.certain and verdict.encoding is Legacy.UNICODE


def test_windows_1258_bytes_are_read_and_recomposed():
    text = "\n".join(NAMES)
    decoded = decode_bytes(cp1258(text))
    assert decoded.text == text and decoded.encoding == "windows-1258"


def test_tcvn3_and_vni_bytes_are_converted():
    text = "\n".join(NAMES)
    from_tcvn3_bytes = decode_bytes(tcvn3(text).encode("latin-1"))
    assert from_tcvn3_bytes.text == text.lower() or from_tcvn3_bytes.text.lower() == text.lower()
    assert from_tcvn3_bytes.converted and from_tcvn3_bytes.encoding == "tcvn3"
    from_vni_bytes = decode_bytes(vni(text).encode("cp1252"))
    assert from_vni_bytes.text == text and from_vni_bytes.encoding == "vni"


def test_utf8_with_and_without_bom_and_utf16_are_read_as_they_are():
    text = "\n".join(NAMES)
    assert decode_bytes(text.encode("utf-8")).text == text
    assert decode_bytes(b"\xef\xbb\xbf" + text.encode("utf-8")).encoding == "utf-8-sig"
    assert decode_bytes(text.encode("utf-16")).text == text


def test_bytes_that_read_as_no_vietnamese_are_refused_with_the_scores():
    with pytest.raises(EncodingUnknown) as caught:
        decode_bytes(bytes(range(0x80, 0xFF)) * 3)
    assert "Không xác định chắc chắn được bảng mã" in caught.value.reason
    assert "CSV UTF-8" in caught.value.reason


WORDS = st.lists(st.sampled_from(NAMES), min_size=2, max_size=6).map(", ".join)


@given(WORDS)
def test_any_sentence_of_names_survives_a_trip_through_windows_1258(text):
    assert decode_bytes(cp1258(text)).text == text


@given(WORDS)
def test_any_sentence_of_names_survives_a_trip_through_vni(text):
    assert decode_bytes(vni(text).encode("cp1252")).text == text


@given(WORDS)
def test_any_sentence_of_names_survives_a_trip_through_tcvn3_up_to_case(text):
    assert decode_bytes(tcvn3(text).encode("latin-1")).text.lower() == text.lower()


def every_non_ascii_token(text: str, limit: int) -> list[str]:
    """What _words finds, by its plain definition: every token, kept if not ASCII."""
    seen: dict[str, None] = {}
    for match in legacy._TOKEN.finditer(text):
        if not match.group().isascii():
            seen.setdefault(match.group(), None)
            if len(seen) >= limit:
                break
    return list(seen)


TEXTY = st.text(
    st.sampled_from(list("ab -,.;\n\t1\xa0\u2003ồừĐµ¸Ưø\u0301\"'")), max_size=80
) | st.sampled_from(["Trång rõng 1,5 µg-x", "ƯTH;ƯTH;Müller", "\xa0ồ\xa0", "a\u0301b c"])


@given(TEXTY, st.integers(min_value=1, max_value=6))
def test_the_word_scan_finds_what_its_plain_definition_finds(text, limit):
    assert legacy._words(text, limit) == every_non_ascii_token(text, limit)
