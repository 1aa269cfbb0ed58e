import json

import numpy as np
import pytest

from automl_core.search.space import (
    CashSpace,
    CategoricalParam,
    Configuration,
    FloatParam,
    IntParam,
    SpaceError,
    param_from_dict,
)

SPACE = CashSpace(
    {
        "lgbm": (FloatParam("learning_rate", 0.01, 0.3, log=True),
                 IntParam("num_leaves", 4, 256, log=True)),
        "knn": (IntParam("n_neighbors", 1, 50),
                CategoricalParam("weights", ("uniform", "distance"))),
    }
)


def test_it_rejects_a_float_param_with_low_above_high():
    with pytest.raises(SpaceError, match="low=2.0 is greater than high=1.0"):
        FloatParam("x", 2.0, 1.0)


def test_it_rejects_a_log_scale_that_reaches_zero():
    with pytest.raises(SpaceError, match="low=0"):
        FloatParam("x", 0.0, 1.0, log=True)


def test_it_rejects_int_bounds_that_are_not_integers():
    with pytest.raises(SpaceError, match="1.5"):
        IntParam("n", 1.5, 3)


def test_it_rejects_duplicate_categorical_choices():
    with pytest.raises(SpaceError, match="distinct"):
        CategoricalParam("c", ("a", "a"))


def test_samples_stay_inside_their_distribution():
    rng = np.random.default_rng(0)
    for param in (FloatParam("f", 1e-3, 10.0, log=True), IntParam("i", 1, 1000, log=True),
                  IntParam("j", -3, 3), CategoricalParam("c", ("a", 1, None, True))):
        values = [param.sample(rng) for _ in range(200)]
        assert all(param.contains(v) for v in values)


def test_log_int_sampling_reaches_both_end_points():
    rng = np.random.default_rng(0)
    values = {IntParam("i", 1, 4, log=True).sample(rng) for _ in range(500)}
    assert values == {1, 2, 3, 4}


def test_an_int_param_does_not_contain_a_float_or_a_bool():
    param = IntParam("i", 0, 10)
    assert not param.contains(2.5)
    assert not param.contains(True)


def test_a_categorical_param_keeps_true_and_one_apart():
    param = CategoricalParam("c", (1, "x"))
    assert param.contains(1)
    assert not param.contains(True)


@pytest.mark.parametrize("param", [
    FloatParam("f", 0.1, 2.0, log=True), IntParam("i", 2, 9), CategoricalParam("c", ("a", 3, None)),
])
def test_params_round_trip_through_json(param):
    assert param_from_dict(json.loads(json.dumps(param.to_dict()))) == param


def test_a_cash_space_round_trips_through_json():
    assert CashSpace.from_dict(json.loads(json.dumps(SPACE.to_dict()))) == SPACE


def test_configurations_are_hashable_and_round_trip_through_json():
    config = Configuration("knn", {"weights": "distance", "n_neighbors": np.int64(5)})
    again = Configuration.from_dict(json.loads(json.dumps(config.to_dict())))
    assert again == config
    assert len({config, again}) == 1


def test_configurations_with_different_params_differ():
    assert Configuration("knn", {"n_neighbors": 5}) != Configuration("knn", {"n_neighbors": 6})


def test_space_samples_are_valid_and_cover_every_algorithm():
    rng = np.random.default_rng(1)
    configs = [SPACE.sample(rng) for _ in range(50)]
    assert all(SPACE.validate(c) is c for c in configs)
    assert {c.algorithm for c in configs} == {"lgbm", "knn"}


def test_validate_names_the_value_out_of_range():
    with pytest.raises(SpaceError, match=r"knn\.n_neighbors=500"):
        SPACE.validate(Configuration("knn", {"n_neighbors": 500, "weights": "uniform"}))


@pytest.mark.parametrize(("params", "named"), [
    ({"n_neighbors": "five", "weights": "uniform"}, "knn.n_neighbors='five'"),
    ({"n_neighbors": 7.5, "weights": "uniform"}, "knn.n_neighbors=7.5"),
    ({"n_neighbors": True, "weights": "uniform"}, "knn.n_neighbors=True"),
    ({"n_neighbors": 5, "weights": 1}, "knn.weights=1"),
])
def test_validate_names_a_value_of_the_wrong_type_and_what_is_allowed(params, named):
    with pytest.raises(SpaceError) as raised:
        SPACE.validate(Configuration("knn", params))
    assert str(raised.value).startswith(f"{named} is not allowed; expected ")


def test_validate_names_an_unknown_algorithm():
    with pytest.raises(SpaceError, match="'svm'"):
        SPACE.validate(Configuration("svm", {}))


def test_validate_names_missing_and_unknown_parameters():
    with pytest.raises(SpaceError, match=r"missing parameters \['weights'\]"):
        SPACE.validate(Configuration("knn", {"n_neighbors": 5}))
    with pytest.raises(SpaceError, match=r"unknown parameters \['p'\]"):
        SPACE.validate(Configuration("knn", {"n_neighbors": 5, "weights": "uniform", "p": 1}))
