"""The matcher alone: pure, tone-insensitive, fuzzy, with a threshold."""

from __future__ import annotations

from nghiquyet.review.matching import THRESHOLD, Candidate, best_match, rank, score, syllables

PAC_NAM = [
    Candidate(1, "Giá trị sản xuất nông, lâm nghiệp và thuỷ sản", "tỷ đồng"),
    Candidate(2, "Diện tích cây trồng có lợi thế", "ha"),
    Candidate(3, "Giải ngân vốn đầu tư công", "%"),
    Candidate(4, "Tỷ lệ hộ nghèo", "%"),
    Candidate(5, "Kết nạp đảng viên mới", "đảng viên"),
]


def test_syllables_are_folded():
    assert syllables("Độ che phủ rừng (%)") == ["do", "che", "phu", "rung"]


def test_each_phrase_finds_its_indicator():
    cases = {
        "Giá trị sản xuất nông, lâm nghiệp và thủy sản": 1,  # "thủy" / "thuỷ"
        "thực hiện diện tích cây trồng có lợi thế": 2,
        "kết nạp đảng viên": 5,
        "KET NAP DANG VIEN MOI": 5,
        "tỷ lệ hộ nghèo": 4,
        "tiến độ giải ngân vốn đầu tư công": 3,
    }
    for phrase, key in cases.items():
        match = best_match(phrase, PAC_NAM)
        assert match is not None and match.candidate.key == key, phrase
        assert match.score >= THRESHOLD


def test_unrelated_phrases_suggest_nothing():
    assert best_match("Trồng rừng", PAC_NAM) is None
    assert best_match("thu ngân sách nhà nước", PAC_NAM) is None
    assert best_match("", PAC_NAM) is None
    assert best_match("kết nạp đảng viên", []) is None


def test_exact_name_beats_a_phrase_that_contains_it():
    assert score("tỷ lệ hộ nghèo", "Tỷ lệ hộ nghèo") > score(
        "tỷ lệ hộ nghèo và tái nghèo đa chiều", "Tỷ lệ hộ nghèo"
    )


def test_a_typo_still_matches():
    assert best_match("ket nap dang vienn", PAC_NAM).candidate.key == 5


def test_matching_unit_helps_and_rank_is_ordered():
    assert score("trồng", "Diện tích cây trồng", phrase_unit="ha", unit="ha") > score(
        "trồng", "Diện tích cây trồng"
    )
    ranked = rank("cây trồng có lợi thế", PAC_NAM)
    assert [m.score for m in ranked] == sorted((m.score for m in ranked), reverse=True)
    assert 0 <= ranked[-1].percent <= ranked[0].percent <= 100
