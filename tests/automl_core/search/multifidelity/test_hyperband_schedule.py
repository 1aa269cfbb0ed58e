"""Hyperband's rungs and bracket sizes."""

import pytest

from automl_core.search.multifidelity.schedule import Schedule


def test_the_default_schedule_has_three_rungs_ending_at_full_fidelity():
    schedule = Schedule()
    assert list(schedule.rungs) == [0, 1, 2]
    assert [schedule.fidelity(r) for r in schedule.rungs] == [0.1111, 0.3333, 1.0]


def test_a_fidelity_maps_back_to_its_rung_and_an_off_schedule_one_to_none():
    schedule = Schedule(eta=3, min_fidelity=1 / 27)
    assert [schedule.rung_of(schedule.fidelity(r)) for r in schedule.rungs] == [0, 1, 2, 3]
    assert schedule.rung_of(1 / 9) == 1
    assert schedule.rung_of(0.5) is None


def test_brackets_start_as_many_configurations_as_hyperband_does():
    # Li et al. (2018), eta=3 and 4 rungs: n = 27, 12, 6, 4 for s = 3, 2, 1, 0 halvings.
    schedule = Schedule(eta=3, min_fidelity=1 / 27)
    assert [schedule.bracket_size(b) for b in schedule.rungs] == [27, 12, 6, 4]


@pytest.mark.parametrize(("eta", "min_fidelity"), [(1, 0.1), (3, 0.0), (3, 1.5), (2.5, 0.1)])
def test_it_rejects_an_invalid_schedule(eta, min_fidelity):
    with pytest.raises(ValueError, match="eta|min_fidelity"):
        Schedule(eta, min_fidelity)
