"""Services are the only writers: they validate, write atomically, audit, detect conflicts."""

from datetime import date
from decimal import Decimal

import pytest
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError
from hypothesis import given
from hypothesis import strategies as st

from nghiquyet.core.targets import IndicatorKind
from nghiquyet.orgunits.models import OrgUnit
from nghiquyet.orgunits.services import create_org_unit, link_successor
from nghiquyet.plans.models import Indicator, Resolution, Target, TargetRevision
from nghiquyet.plans.services import add_indicator, create_resolution, revise_target, set_target
from nghiquyet.results.audit import Actor
from nghiquyet.results.models import AuditEvent, Observation
from nghiquyet.results.services import (
    ConcurrentEdit,
    _check_range,
    assess,
    delete_observation,
    record_observation,
    value_range,
)


@pytest.fixture
def forest(demo):
    return Indicator.objects.get(resolution__code="cho-don-2023", name="Trồng rừng")


@pytest.fixture
def cho_don(demo):
    return OrgUnit.objects.get(code="cho-don")


def errors_of(caught):
    return caught.value.message_dict


def test_recording_a_value_parses_vietnamese_and_audits(forest, cho_don, actor):
    observation = record_observation(
        indicator=forest, org_unit=cho_don, period="2023-H1", raw_text="412,5", actor=actor
    )
    assert observation.value == Decimal("412.5") and observation.version == 1
    event = AuditEvent.objects.filter(
        model="results.observation", object_pk=str(observation.pk)
    ).get()
    assert event.action == "create" and event.after["value"] == "412.5"


def test_saving_the_same_value_twice_changes_nothing(forest, cho_don, actor):
    first = record_observation(
        indicator=forest, org_unit=cho_don, period="2023-H1", raw_text="412,5", actor=actor
    )
    events = AuditEvent.objects.count()
    again = record_observation(
        indicator=forest, org_unit=cho_don, period="2023-H1", raw_text="412,5", actor=actor
    )
    assert again.version == first.version and AuditEvent.objects.count() == events


def test_a_change_keeps_the_old_value_in_the_audit(forest, cho_don, actor):
    observation = Observation.objects.get(indicator=forest, period="2023-9M")
    changed = record_observation(
        indicator=forest,
        org_unit=cho_don,
        period="2023-9M",
        raw_text="610",
        actor=actor,
        expected_version=observation.version,
    )
    assert changed.value == 610 and changed.version == observation.version + 1
    event = AuditEvent.objects.filter(action="update", object_pk=str(observation.pk)).get()
    assert event.before["value"] == "603.8" and event.after["value"] == "610"


def test_a_stale_edit_is_a_conflict_that_shows_the_other_value_and_saves_nothing(forest, cho_don):
    colleague = User.objects.create_user("colleague")
    observation = Observation.objects.get(indicator=forest, period="2023-9M")
    stale_version = observation.version
    record_observation(
        indicator=forest,
        org_unit=cho_don,
        period="2023-9M",
        raw_text="605",
        expected_version=stale_version,
        actor=Actor.of(colleague),
    )
    with pytest.raises(ConcurrentEdit) as caught:
        record_observation(
            indicator=forest,
            org_unit=cho_don,
            period="2023-9M",
            raw_text="700",
            expected_version=stale_version,
            actor=Actor.system("me"),
        )
    assert "colleague" in str(caught.value.messages) and "'605'" in caught.value.messages[0]
    assert caught.value.current.value == 605
    assert Observation.objects.get(pk=observation.pk).value == 605


@pytest.mark.parametrize(
    ("changes", "field", "words"),
    [
        ({"raw_text": "4,500"}, "value", "không rõ là 4,5 hay 4.500"),
        ({"raw_text": "nhiều"}, "value", "không tìm thấy con số"),
        ({"raw_text": "-5"}, "value", "âm"),
        ({"raw_text": "6–7"}, "value", "không phải khoảng"),
        ({"period": "2025"}, "period", "nằm ngoài thời hạn"),
        ({"period": "2023-Q9"}, "period", "không hợp lệ"),
        ({"raw_text": ""}, "value", "Chưa có giá trị"),
    ],
)
def test_bad_values_name_the_field_and_write_nothing(forest, cho_don, actor, changes, field, words):
    before = (Observation.objects.count(), AuditEvent.objects.count())
    arguments = {
        "indicator": forest,
        "org_unit": cho_don,
        "period": "2023-H1",
        "raw_text": "1",
        **changes,
    }
    with pytest.raises(ValidationError) as caught:
        record_observation(actor=actor, **arguments)
    assert words in " ".join(errors_of(caught)[field])
    assert (Observation.objects.count(), AuditEvent.objects.count()) == before


def test_a_unit_outside_the_resolutions_scope_is_refused(forest, actor):
    pac_nam = OrgUnit.objects.get(code="pac-nam")
    with pytest.raises(ValidationError) as caught:
        record_observation(
            indicator=forest, org_unit=pac_nam, period="2023-H1", raw_text="1", actor=actor
        )
    assert "không thuộc phạm vi" in errors_of(caught)["org_unit"][0]


def test_a_rate_over_100_percent_is_refused_for_a_level(demo, actor):
    cover = Indicator.objects.get(resolution__code="luc-ngan-2015-2020", name="Độ che phủ rừng")
    with pytest.raises(ValidationError, match="vượt quá 100"):
        record_observation(
            indicator=cover,
            org_unit=cover.resolution.scope,
            period="2018",
            raw_text="130",
            actor=actor,
        )


def test_revision_keeps_history_and_audits(demo, actor):
    target = Target.objects.get(
        indicator__resolution__code="luc-ngan-2015-2020", indicator__name="Độ che phủ rừng"
    )
    revise_target(
        target,
        raw_text="42",
        effective_on=date(2019, 1, 1),
        decision="NQ 5",
        reason="thực tế",
        actor=actor,
    )
    target.refresh_from_db()
    assert target.value == 42 and target.revisions.count() == 2
    assert target.spec_as_of(date(2018, 1, 1), list(target.revisions.all())).value == 37
    assert target.spec_as_of(date(2018, 7, 1), list(target.revisions.all())).value == Decimal(
        "41.3"
    )
    assert AuditEvent.objects.filter(action="revise", object_pk=str(target.pk)).count() == 2


@pytest.mark.parametrize(
    ("arguments", "field", "words"),
    [
        ({"effective_on": date(2014, 6, 1)}, "effective_on", "trước"),
        ({"effective_on": date(2018, 1, 1)}, "effective_on", "sớm hơn"),
        ({"decision": " "}, "decision", "văn bản"),
        ({"reason": ""}, "reason", "lý do"),
        ({"raw_text": "9–8"}, "raw_text", "ngược"),
        ({"expected_version": 1}, "raw_text", "người khác"),
    ],
)
def test_bad_revisions_are_refused_and_change_nothing(demo, actor, arguments, field, words):
    target = Target.objects.get(
        indicator__resolution__code="luc-ngan-2015-2020", indicator__name="Độ che phủ rừng"
    )
    revisions = TargetRevision.objects.count()
    call = {
        "raw_text": "42",
        "effective_on": date(2019, 1, 1),
        "decision": "NQ",
        "reason": "lý do",
        **arguments,
    }
    with pytest.raises(ValidationError) as caught:
        revise_target(target, actor=actor, **call)
    assert words in " ".join(errors_of(caught)[field])
    target.refresh_from_db()
    assert target.value == Decimal("41.3") and TargetRevision.objects.count() == revisions


def test_a_target_with_contradictory_bounds_is_refused(demo, actor):
    indicator = Indicator.objects.get(resolution__code="cho-don-2023", name="Xuất khẩu lao động")
    with pytest.raises(ValidationError) as caught:
        set_target(
            indicator, raw_text="300–200", scope="year", year=2023, source="annual", actor=actor
        )
    assert "ngược" in errors_of(caught)["raw_text"][0]
    with pytest.raises(ValidationError) as caught:
        set_target(indicator, raw_text="200", scope="year", year=2030, source="annual", actor=actor)
    assert "ngoài thời hạn" in errors_of(caught)["year"][0]
    assert not indicator.targets.exists()


def test_indicators_validate_their_vocabulary(demo, actor):
    resolution = Resolution.objects.get(code="cho-don-2023")
    with pytest.raises(ValidationError) as caught:
        add_indicator(
            resolution, code="1", name="x", unit="", direction="sideways", kind="flow", actor=actor
        )
    assert set(errors_of(caught)) == {"direction", "code"}


def test_resolutions_and_units_validate(demo, actor):
    unit = OrgUnit.objects.get(code="cho-don")
    with pytest.raises(ValidationError):
        create_resolution(
            code="x",
            title="x",
            kind="annual",
            issuer=unit,
            scope=unit,
            first_year=2024,
            last_year=2023,
            actor=actor,
        )
    with pytest.raises(ValidationError):
        create_org_unit(code="cho-don", name="dup", kind="district", actor=actor)
    new = create_org_unit(code="xa-moi", name="Xã mới", kind="commune", parent=unit, actor=actor)
    assert new.path == "/bac-kan/cho-don/xa-moi/"
    with pytest.raises(ValidationError, match="còn hiệu lực"):
        link_successor(new, unit, actor=actor)


def test_overrides_need_a_reason_and_keep_the_computed_status(demo, actor):
    indicator = Indicator.objects.get(resolution__code="cho-don-2023", name="Trồng rừng")
    with pytest.raises(ValidationError, match="lý do"):
        assess(
            indicator=indicator,
            org_unit=indicator.resolution.scope,
            period="2023-9M",
            status_override="met",
            actor=actor,
        )
    assess(
        indicator=indicator,
        org_unit=indicator.resolution.scope,
        period="2023-9M",
        status_override="met",
        override_reason="Theo kết luận hội nghị",
        actor=actor,
    )
    from nghiquyet.scorecards.build import build_scorecard

    card = build_scorecard(indicator.resolution, "2023-9M")
    row = next(r for r in card.rows if r.indicator == indicator)
    assert (row.computed_status.value, row.status.value) == ("exceeded", "met")


def test_soft_delete_keeps_the_row(forest, actor):
    observation = Observation.objects.get(indicator=forest, period="2023-9M")
    with pytest.raises(ValidationError):
        delete_observation(observation, reason="", actor=actor)
    delete_observation(observation, reason="nhập nhầm", actor=actor)
    assert Observation.objects.filter(pk=observation.pk, is_deleted=True).exists()
    assert AuditEvent.objects.filter(action="delete", reason="nhập nhầm").exists()


BOUND = st.none() | st.decimals(min_value=-1000, max_value=1000, places=2)


@given(
    BOUND,
    BOUND,
    st.sampled_from(list(IndicatorKind)),
    st.sampled_from(["%", " % ", "ha", ""]),
    st.decimals(min_value=-2000, max_value=2000, places=3),
)
def test_the_value_range_accepts_exactly_what_the_range_rules_accept(
    value_min, value_max, kind, unit, value
):
    """An import checks values against value_range; the service against _check_range."""
    indicator = Indicator(value_min=value_min, value_max=value_max, kind=kind, unit=unit)
    low, high = value_range(indicator)
    try:
        _check_range(indicator, value)
    except ValidationError:
        accepted = False
    else:
        accepted = True
    assert accepted == (low <= value <= high)
