"""A configuration's fidelity: a reserved entry of its parameters, absent at full fidelity."""

import pytest

from automl_core.search.space import (
    FIDELITY,
    CashSpace,
    Configuration,
    FloatParam,
    SpaceError,
)
from automl_core.search.trial import TrialRecord, TrialState

SPACE = CashSpace({"f": (FloatParam("x", 0.0, 1.0),)})


def test_a_configuration_without_a_fidelity_is_at_full_fidelity():
    config = Configuration("f", {"x": 0.5})
    assert config.fidelity == 1.0
    assert config.hyperparameters == {"x": 0.5}


def test_full_fidelity_has_one_spelling():
    assert Configuration("f", {"x": 0.5, FIDELITY: 1.0}) == Configuration("f", {"x": 0.5})
    assert FIDELITY not in Configuration("f", {"x": 0.5}).at_fidelity(1).params


def test_a_lower_fidelity_is_a_different_configuration_of_the_same_hyperparameters():
    config = Configuration("f", {"x": 0.5})
    cheap = config.at_fidelity(0.3333)
    assert cheap != config
    assert cheap.fidelity == 0.3333
    assert cheap.hyperparameters == config.hyperparameters
    assert cheap.at_fidelity(1.0) == config
    assert Configuration.from_dict(cheap.to_dict()) == cheap


def test_the_fidelity_survives_a_trial_record_round_trip():
    cheap = Configuration("f", {"x": 0.5}).at_fidelity(0.1111)
    record = TrialRecord(3, TrialState.COMPLETE, "f", cheap.params, 0.2)
    assert TrialRecord.from_dict(record.to_dict()).config == cheap


def test_the_space_accepts_a_fidelity_between_zero_and_one():
    assert SPACE.validate(Configuration("f", {"x": 0.5}).at_fidelity(0.1111))


@pytest.mark.parametrize("fidelity", [0, -0.5, 1.5, "half", True])
def test_the_space_rejects_any_other_fidelity_and_names_it(fidelity):
    with pytest.raises(SpaceError, match=r"f\.fidelity=.*\(0, 1\]"):
        SPACE.validate(Configuration("f", {"x": 0.5, FIDELITY: fidelity}))


def test_a_family_cannot_name_a_parameter_fidelity():
    with pytest.raises(SpaceError, match="reserved"):
        CashSpace({"f": (FloatParam(FIDELITY, 0.0, 1.0),)})
