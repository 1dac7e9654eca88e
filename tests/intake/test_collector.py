"""The cycle collector is paused for a bulk job and always switched back on."""

import gc

import pytest

from nghiquyet.collector import cycle_collector_paused


def test_it_is_off_inside_and_on_again_after_even_when_the_job_fails():
    assert gc.isenabled()
    with pytest.raises(RuntimeError), cycle_collector_paused():
        assert not gc.isenabled()
        raise RuntimeError("mất điện")
    assert gc.isenabled()


def test_a_nested_pause_leaves_switching_on_to_the_outer_one():
    with cycle_collector_paused():
        with cycle_collector_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()
    assert gc.isenabled()


def test_an_import_runs_with_it_off(demo, csv_file, monkeypatch):
    from nghiquyet.intake import observations

    seen = []
    real = observations._compare

    def spy(entries):
        seen.append(gc.isenabled())
        return real(entries)

    monkeypatch.setattr(observations, "_compare", spy)
    observations.preview_file(csv_file("cho-don-2023,2,cho-don,2023-H1,400,,"), "so-lieu.csv")
    assert seen == [False] and gc.isenabled()
