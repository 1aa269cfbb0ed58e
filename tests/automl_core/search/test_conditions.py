"""Conditional parameters inside a family: declaration, sampling, validation, encoding, search."""

import json
import random

import numpy as np
import pytest

from automl_core.search.bayes.encoding import SpaceEncoder
from automl_core.search.registry import available_searchers, make_searcher
from automl_core.search.space import (
    CashSpace,
    CategoricalParam,
    Condition,
    Configuration,
    FloatParam,
    IntParam,
    SpaceError,
    param_from_dict,
)
from automl_core.search.trial import TrialRecord, TrialState

NET = (
    IntParam("n_layers", 1, 3),
    IntParam("units_1", 16, 256, log=True),
    IntParam("units_2", 16, 256, log=True, condition=Condition("n_layers", (2, 3))),
    IntParam("units_3", 16, 256, log=True, condition=Condition("n_layers", (3,))),
    CategoricalParam("solver", ("adam", "sgd")),
    FloatParam("momentum", 0.5, 0.99, condition=Condition("solver", ("sgd",))),
    CategoricalParam("schedule", ("constant", "invscaling"),
                     condition=Condition("solver", ("sgd",))),
    FloatParam("power_t", 0.1, 1.0, condition=Condition("schedule", ("invscaling",))),
)
SPACE = CashSpace({
    "mlp": NET,
    "knn": (IntParam("n_neighbors", 1, 50),),
})


def mlp(**params):
    return Configuration("mlp", params)


def test_a_condition_holds_only_when_its_parent_is_present_with_a_listed_value():
    condition = Condition("n_layers", (2, 3))
    assert condition.holds({"n_layers": 2})
    assert condition.holds({"n_layers": np.int64(3)})
    assert not condition.holds({"n_layers": 1})
    assert not condition.holds({})
    assert not Condition("flag", (1,)).holds({"flag": True})  # True is not 1


def test_conditions_survive_a_json_round_trip():
    restored = CashSpace.from_dict(json.loads(json.dumps(SPACE.to_dict())))
    assert restored == SPACE
    assert restored.params_of("mlp")[3].condition == Condition("n_layers", (3,))


def test_a_parameter_without_a_condition_keeps_its_old_dict():
    data = IntParam("k", 1, 5).to_dict()
    assert "condition" not in data
    assert param_from_dict(data) == IntParam("k", 1, 5)


@pytest.mark.parametrize(("params", "message"), [
    ((IntParam("units", 1, 4, condition=Condition("n_layers", (2,))), IntParam("n_layers", 1, 3)),
     r"net\.units: the condition's parent 'n_layers' must be an earlier parameter of net"),
    ((IntParam("units", 1, 4, condition=Condition("depth", (2,))),),
     r"parent 'depth' must be an earlier parameter"),
    ((FloatParam("rate", 0.1, 1.0), IntParam("units", 1, 4, condition=Condition("rate", (0.5,)))),
     r"net\.units: the condition's parent 'rate' must be categorical or integer"),
    ((IntParam("n_layers", 1, 3), IntParam("units", 1, 4, condition=Condition("n_layers", (4,)))),
     r"condition values \[4\] are not values of n_layers \(an integer in \[1, 3\]\)"),
])
def test_the_space_rejects_a_condition_without_a_valid_earlier_parent(params, message):
    with pytest.raises(SpaceError, match=message):
        CashSpace({"net": params})


def test_a_condition_needs_at_least_one_value():
    with pytest.raises(SpaceError, match="at least one value"):
        Condition("n_layers", ())


def test_active_params_follow_the_assignment_in_declaration_order():
    names = [p.name for p in SPACE.active_params("mlp", {"n_layers": 2, "solver": "adam"})]
    assert names == ["n_layers", "units_1", "units_2", "solver"]
    names = [p.name for p in SPACE.active_params("mlp", {"n_layers": 3, "solver": "sgd"})]
    assert names == ["n_layers", "units_1", "units_2", "units_3", "solver", "momentum", "schedule"]
    # A partial assignment: children of parents not yet chosen are not active.
    assert [p.name for p in SPACE.active_params("mlp", {})] == ["n_layers", "units_1", "solver"]


def test_a_child_of_an_inactive_parent_is_inactive():
    active = {p.name for p in SPACE.active_params("mlp", {"solver": "adam",
                                                          "schedule": "invscaling"})}
    assert not {"schedule", "power_t"} & active
    active = {p.name for p in SPACE.active_params("mlp", {"solver": "sgd",
                                                          "schedule": "invscaling"})}
    assert {"schedule", "power_t"} <= active


def test_a_nested_inactive_parameter_names_the_whole_chain():
    config = mlp(n_layers=1, units_1=32, solver="adam", power_t=0.5)
    with pytest.raises(SpaceError, match=r"mlp\.power_t is only used when solver is 'sgd' and "
                                         r"schedule is 'invscaling' \(schedule is not set\)"):
        SPACE.validate(config)


def test_sampling_draws_only_the_active_parameters():
    rng = np.random.default_rng(0)
    configs = [SPACE.sample(rng) for _ in range(300)]
    nets = [c for c in configs if c.algorithm == "mlp"]
    for config in configs:
        assert SPACE.validate(config) is config
        expected = {p.name for p in SPACE.active_params(config.algorithm, config.params)}
        assert set(config.params) == expected
    assert {c.params["n_layers"] for c in nets} == {1, 2, 3}
    assert all("units_3" not in c.params for c in nets if c.params["n_layers"] < 3)
    assert all("momentum" in c.params for c in nets if c.params["solver"] == "sgd")
    assert any("power_t" in c.params for c in nets)


def test_validate_rejects_an_inactive_parameter_naming_it_and_its_condition():
    config = mlp(n_layers=1, units_1=32, units_3=64, solver="adam")
    with pytest.raises(SpaceError, match=r"mlp\.units_3 is only used when n_layers is 3 "
                                         r"\(here n_layers is 1\); remove it"):
        SPACE.validate(config)


def test_validate_rejects_a_missing_active_parameter_naming_it_and_its_condition():
    with pytest.raises(SpaceError, match=r"mlp\.units_2 is required when n_layers is 2 or 3"):
        SPACE.validate(mlp(n_layers=2, units_1=32, solver="adam"))
    with pytest.raises(SpaceError, match=r"mlp\.momentum is required when solver is 'sgd'"):
        SPACE.validate(mlp(n_layers=1, units_1=32, solver="sgd"))


def test_validate_names_the_range_of_a_wrong_value_or_type():
    with pytest.raises(SpaceError, match=r"mlp\.units_2=1000 is not allowed; expected an integer "
                                         r"in \[16, 256\], log scale"):
        SPACE.validate(mlp(n_layers=2, units_1=32, units_2=1000, solver="adam"))
    with pytest.raises(SpaceError, match=r"mlp\.n_layers='2' is not allowed; expected an integer"):
        SPACE.validate(mlp(n_layers="2", units_1=32, units_2=64, solver="adam"))
    with pytest.raises(SpaceError, match=r"mlp\.solver='lbfgs' is not allowed; expected one of "
                                         r"\['adam', 'sgd'\]"):
        SPACE.validate(mlp(n_layers=1, units_1=32, solver="lbfgs"))
    with pytest.raises(SpaceError, match=r"mlp\.momentum=2\.0 is not allowed; expected a number "
                                         r"in \[0\.5, 0\.99\]"):
        SPACE.validate(mlp(n_layers=1, units_1=32, solver="sgd", momentum=2.0,
                           schedule="constant"))


def test_validate_still_names_missing_and_unknown_parameters():
    with pytest.raises(SpaceError, match=r"missing parameters \['units_1'\]"):
        SPACE.validate(mlp(n_layers=1, solver="adam"))
    with pytest.raises(SpaceError, match=r"unknown parameters \['units_9'\]"):
        SPACE.validate(mlp(n_layers=1, units_1=32, solver="adam", units_9=3))


def test_inactive_parameters_of_the_chosen_family_are_encoded_like_other_families():
    encoder = SpaceEncoder(SPACE)
    vector = encoder.encode(mlp(n_layers=1, units_1=32, solver="adam"))
    active = encoder.active(vector[None, :])[0]
    names = {encoder.columns[j].param.name for j in np.flatnonzero(active) if j > 0}
    assert names == {"n_layers", "units_1", "solver"}
    assert np.isnan(vector[~active]).all()
    assert not np.isnan(vector[active]).any()


def test_a_conditional_configuration_survives_an_encode_decode_round_trip():
    encoder = SpaceEncoder(SPACE)
    for config in (mlp(n_layers=3, units_1=16, units_2=100, units_3=256, solver="adam"),
                   mlp(n_layers=1, units_1=64, solver="sgd", momentum=0.9, schedule="invscaling",
                       power_t=0.25)):
        assert encoder.decode(encoder.encode(config)) == config


def test_snapping_clears_children_whose_parent_changed():
    encoder = SpaceEncoder(SPACE)
    vector = encoder.encode(mlp(n_layers=3, units_1=16, units_2=100, units_3=256, solver="adam"))
    n_layers = next(j for j, c in enumerate(encoder.columns) if c.param and c.param.name ==
                    "n_layers")
    vector[n_layers] = 0.0  # n_layers = 1
    decoded = encoder.decode(encoder.snap(vector[None, :])[0])
    assert decoded == mlp(n_layers=1, units_1=16, solver="adam")


def test_uniform_draws_of_the_encoder_are_valid_and_reach_every_depth():
    encoder = SpaceEncoder(SPACE)
    configs = [encoder.decode(x) for x in encoder.sample(200, np.random.default_rng(2))]
    for config in configs:
        SPACE.validate(config)
    assert {c.params["n_layers"] for c in configs if c.algorithm == "mlp"} == {1, 2, 3}


def net_loss(config: Configuration) -> float:
    """Best at three wide layers; other depths and families are worse."""
    if config.algorithm == "knn":
        return 1.0 + config.params["n_neighbors"] / 50
    widths = [config.params.get(f"units_{i}", 0) for i in (1, 2, 3)]
    return 1.0 - sum(widths) / 768 + (0.1 if config.params["solver"] == "sgd" else 0.0)


def run(searcher, n_trials, start=0):
    records = []
    for number in range(start, start + n_trials):
        (config,) = searcher.ask()
        record = TrialRecord(number, TrialState.COMPLETE, config.algorithm, config.params,
                             net_loss(config))
        searcher.tell(record)
        records.append(record)
    return records


KINDS = [kind.value for kind in available_searchers()]


@pytest.mark.parametrize("kind", KINDS)
def test_every_searcher_proposes_valid_conditional_configurations(kind):
    searcher = make_searcher(kind, SPACE, 0)
    records = run(searcher, 20)
    for record in records:
        SPACE.validate(record.config)
        hyperparameters = record.config.hyperparameters  # a fidelity entry is not one of them
        assert set(hyperparameters) == {
            p.name for p in SPACE.active_params(record.algorithm, hyperparameters)}
    asked = searcher.ask(4)
    assert len(set(asked)) == 4
    assert not set(asked) & {r.config for r in records}


@pytest.mark.parametrize("kind", KINDS)
def test_every_searcher_rebuilds_from_json_history_of_a_conditional_space(kind):
    original = make_searcher(kind, SPACE, 7)
    history = run(original, 14)
    pending = original.ask(2)
    stored = [TrialRecord.from_dict(json.loads(json.dumps(r.to_dict()))) for r in history]
    random.Random(0).shuffle(stored)
    space = CashSpace.from_dict(json.loads(json.dumps(SPACE.to_dict())))
    rebuilt = type(original).from_history(space, stored, seed=7, pending=pending)
    assert rebuilt.ask(2) == original.ask(2)


def test_a_log_scaled_float_samples_inside_its_bounds_even_when_they_meet() -> None:
    rng = np.random.default_rng(0)
    for low, high in ((3.0, 3.0), (0.1, 0.1), (1e-5, 1e-5 * (1 + 1e-15))):
        param = FloatParam("x", low, high, log=True)
        assert all(param.contains(param.sample(rng)) for _ in range(200))
