"""The figures of the seed articles come back out (issue 2, item 6)."""

import json
from datetime import date
from decimal import Decimal

import pytest
from django.core.management import call_command

from nghiquyet.demo.loader import load_demo
from nghiquyet.orgunits.models import OrgUnit
from nghiquyet.plans.models import Indicator, Resolution, Target
from nghiquyet.results.models import AuditEvent, Observation
from nghiquyet.scorecards.build import build_scorecard


def scorecard(capsys, *args):
    call_command("scorecard", *args, "--format", "json")
    return json.loads(capsys.readouterr().out)


def row(card, name):
    return next(item for item in card["indicators"] if item["name"] == name)


def test_demo_holds_the_four_resolutions_with_the_articles_totals(demo):
    totals = {r.code: r.indicators.count() for r in Resolution.objects.all()}
    assert totals == {
        "pac-nam-2020-2025": 49,
        "pac-nam-2023": 38,
        "cho-don-2023": 6,
        "luc-ngan-2015-2020": 16,
    }


def test_loading_twice_changes_nothing(demo):
    before = (Observation.objects.count(), AuditEvent.objects.count(), Indicator.objects.count())
    report = load_demo()
    assert all("giữ nguyên" in line for line in report if line.startswith(("pac-", "cho-", "luc-")))
    assert (
        Observation.objects.count(),
        AuditEvent.objects.count(),
        Indicator.objects.count(),
    ) == before


def test_every_article_figure_carries_its_file_and_quote(demo):
    for observation in Observation.objects.all():
        assert observation.source_ref.startswith("seeds/0")
        assert observation.source_quote


def test_derived_figures_say_so(demo):
    plan = Target.objects.get(
        indicator__resolution__code="cho-don-2023", indicator__name="Giải quyết việc làm"
    )
    assert plan.value == 1000 and "suy ra" in plan.note
    derived = Observation.objects.get(period="2022-9M")
    assert "suy ra" in derived.note


def test_units_are_linked_to_their_successors_after_the_2025_reform(demo):
    pac_nam = OrgUnit.objects.get(code="pac-nam")
    assert pac_nam.valid_to == date(2025, 6, 30)
    assert [u.code for u in pac_nam.successors.all()] == ["thai-nguyen-2025"]
    assert [u.code for u in OrgUnit.objects.get(code="luc-ngan").successors.all()] == [
        "bac-ninh-2025"
    ]
    assert OrgUnit.objects.get(code="bac-kan").contains(
        OrgUnit.objects.get(code="huyen-uy-cho-don")
    )


def test_cho_don_9_months_2023(demo, capsys):
    card = scorecard(capsys, "--resolution", "cho-don-2023", "--period", "2023-9M")
    forest = row(card, "Trồng rừng")
    assert forest["actual"] == 603.8 and forest["target"]["value"] == 600
    assert forest["ratio_pct"] == 100.63 and forest["status"] == "exceeded"
    jobs = row(card, "Giải quyết việc làm")
    assert (
        jobs["ratio_pct"] == 60
        and jobs["status"] == "not_met"
        and jobs["status_label"] == "Chưa đạt"
    )
    industry = row(card, "Giá trị sản xuất công nghiệp")
    assert industry["same_period_pct"] == 95.27
    grain = row(card, "Trồng cây lương thực có hạt")
    assert (
        grain["actual"] is None and grain["ratio_pct"] == 97.9 and grain["status"] == "nearly_met"
    )
    assert card["tally"] == {
        "met_or_exceeded": 2,
        "total": 6,
        "by_status": {
            "exceeded": 2,
            "met": 0,
            "nearly_met": 1,
            "not_met": 1,
            "no_data": 2,
            "not_due": 0,
        },
        "sentence": "2/6 chỉ tiêu đạt và vượt",
    }


def test_pac_nam_9_months_2023(demo, capsys):
    card = scorecard(capsys, "--resolution", "pac-nam-2023", "--period", "2023-9M")
    farm = row(card, "Giá trị sản xuất nông, lâm nghiệp và thủy sản")
    assert (farm["actual"], farm["target"]["value"], farm["estimate"]) == (248, 490, True)
    assert round(farm["ratio_pct"], 1) == 50.6
    members = row(card, "Kết nạp đảng viên mới")
    assert (members["actual"], members["target"]["value"], round(members["ratio_pct"], 1)) == (
        48,
        90,
        53.3,
    )
    assert card["tally"]["total"] == 38


def test_luc_ngan_forest_cover_target_before_and_after_the_revision(demo, capsys):
    def forest(as_of):
        card = scorecard(
            capsys, "--resolution", "luc-ngan-2015-2020", "--period", "2015-2020", "--as-of", as_of
        )
        return row(card, "Độ che phủ rừng")["term_target"]

    assert forest("2018-06-24")["value"] == 37
    after = forest("2018-06-26")
    assert after["value"] == 41.3
    assert after["revisions"] == [
        {
            "from": "37",
            "to": "41,3",
            "effective": "2018-06-25",
            "decision": (
                "Kết luận Hội nghị sơ kết giữa nhiệm kỳ của Ban Thường vụ Huyện ủy Lục Ngạn "
                "ngày 25/6/2018"
            ),
            "reason": "Các đại biểu nhất trí điều chỉnh cho phù hợp với thực tiễn (bài 001).",
        }
    ]


def test_luc_ngan_has_the_four_revisions_of_25_june_2018(demo):
    revised = Target.objects.filter(
        indicator__resolution__code="luc-ngan-2015-2020", revisions__isnull=False
    )
    changes = sorted((t.revisions.get().old_value, t.value) for t in revised)
    assert changes == [(8, 11), (37, Decimal("41.3")), (70, 100), (95, 98)]


def test_pac_nam_mid_term_as_of_17_may_2023(demo):
    card = build_scorecard(
        Resolution.objects.get(code="pac-nam-2020-2025"), "2020-2025", date(2023, 5, 17)
    )
    roads = next(r for r in card.rows if r.indicator.name == "Tỷ lệ đường trục thôn được cứng hóa")
    assert round(roads.ratio_pct) == 112 and roads.status.value == "exceeded"
    overridden = next(r for r in card.rows if r.indicator.name.startswith("Diện tích trồng cây"))
    assert overridden.computed_status.value == "no_data" and overridden.status.value == "exceeded"
    assert card.tally.total == 49
    # Before the conference nothing was known yet.
    earlier = build_scorecard(
        Resolution.objects.get(code="pac-nam-2020-2025"), "2020-2025", date(2023, 5, 1)
    )
    assert all(r.actual is None for r in earlier.rows if r.indicator.name.startswith("Tỷ lệ đường"))


def test_table_format_is_for_people(demo, capsys):
    call_command("scorecard", "--resolution", "cho-don-2023", "--period", "2023-9M")
    out = capsys.readouterr().out
    assert "603,8" in out and "100,6 %" in out and "Vượt" in out and "1.000" in out
    assert "Có 2/6 chỉ tiêu đạt và vượt." in out
    assert "95,27 %" in out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--resolution", "khong-co"], "Không có nghị quyết mã 'khong-co'"),
        (["--resolution", "cho-don-2023", "--period", "2023-Q7"], "Kỳ '2023-Q7' không hợp lệ"),
        (["--resolution", "cho-don-2023", "--period", "2019"], "nằm ngoài thời hạn"),
        (["--resolution", "cho-don-2023", "--as-of", "17/5/2023"], "YYYY-MM-DD"),
    ],
)
def test_bad_requests_exit_2_with_plain_words(demo, args, message):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError) as caught:
        call_command("scorecard", *args)
    assert caught.value.returncode == 2
    assert message in str(caught.value)


def test_indicators_command_lists_targets_and_revisions(demo, capsys):
    call_command("indicators", "--resolution", "luc-ngan-2015-2020")
    out = capsys.readouterr().out
    assert "Độ che phủ rừng" in out and "41,3 (từ 37, điều chỉnh 2018-06-25)" in out
