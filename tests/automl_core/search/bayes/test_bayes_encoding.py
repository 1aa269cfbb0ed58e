import math

import numpy as np

from automl_core.search.bayes.encoding import SpaceEncoder
from automl_core.search.space import (
    CashSpace,
    CategoricalParam,
    Configuration,
    FloatParam,
    IntParam,
)

SPACE = CashSpace({
    "svm": (FloatParam("C", 1e-3, 1e3, log=True), CategoricalParam("kernel", ("rbf", "linear"))),
    "tree": (IntParam("depth", 1, 12), IntParam("leaves", 2, 1024, log=True)),
})


def test_a_configuration_survives_an_encode_decode_round_trip():
    encoder = SpaceEncoder(SPACE)
    config = Configuration("svm", {"C": 0.5, "kernel": "linear"})
    decoded = encoder.decode(encoder.encode(config))
    assert decoded.algorithm == "svm"
    assert decoded.params["kernel"] == "linear"
    assert math.isclose(decoded.params["C"], 0.5, rel_tol=1e-9)


def test_parameters_of_the_other_families_are_encoded_as_inactive():
    encoder = SpaceEncoder(SPACE)
    vector = encoder.encode(Configuration("tree", {"depth": 3, "leaves": 31}))
    active = encoder.active(vector[None, :])[0]
    assert np.isnan(vector[~active]).all()
    assert not np.isnan(vector[active]).any()
    assert active.sum() == 3  # the algorithm column and the tree's two parameters


def test_log_scaled_parameters_are_encoded_on_the_log_scale():
    encoder = SpaceEncoder(SPACE)
    vector = encoder.encode(Configuration("svm", {"C": 1.0, "kernel": "rbf"}))
    assert math.isclose(vector[1], 0.5)  # 1 is the geometric middle of [1e-3, 1e3]


def test_snapping_rounds_integers_and_categories_and_clears_inactive_columns():
    encoder = SpaceEncoder(SPACE)
    raw = np.array([[0.9, 0.2, 1.4, 0.37, 1.7]])  # algorithm 0.9 -> tree
    snapped = encoder.snap(raw)
    config = encoder.decode(snapped[0])
    assert config.algorithm == "tree"
    assert isinstance(config.params["depth"], int)
    assert config.params["leaves"] == 1024  # clipped to the upper bound
    assert np.isnan(snapped[0, 1:3]).all()
    assert np.array_equal(encoder.snap(snapped), snapped, equal_nan=True)


def test_uniform_points_map_to_valid_configurations_of_every_family():
    encoder = SpaceEncoder(SPACE)
    X = encoder.sample(200, np.random.default_rng(0))
    configs = [encoder.decode(x) for x in X]
    for config in configs:
        SPACE.validate(config)
    assert {c.algorithm for c in configs} == {"svm", "tree"}
    depths = {c.params["depth"] for c in configs if c.algorithm == "tree"}
    assert {1, 12} <= depths  # the end points of an int range are reachable


def test_equal_keys_mean_the_same_configuration():
    encoder = SpaceEncoder(SPACE)
    a = Configuration("tree", {"depth": 3, "leaves": 31})
    b = Configuration("tree", {"depth": 4, "leaves": 31})
    keys = encoder.keys(encoder.encode_many([a, b, a]))
    assert keys[0] == keys[2] != keys[1]
