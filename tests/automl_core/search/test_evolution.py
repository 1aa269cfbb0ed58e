"""Evolutionary search: valid mutation and crossover, selection, rebuilds and no repeats."""

import math
import random

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from automl_core.search.evolution import EvolutionSearcher, crossover, mutate, mutate_value
from automl_core.search.grid import grid_size
from automl_core.search.registry import SearcherKind, make_searcher
from automl_core.search.space import (
    CashSpace,
    CategoricalParam,
    Condition,
    Configuration,
    FloatParam,
    IntParam,
)
from automl_core.search.trial import TrialRecord, TrialState
from tests.automl_core.search.searcher_loop import run as run_loop
from tests.automl_core.search.space_strategies import cash_spaces, families

SPACE = CashSpace({
    "boost": (FloatParam("rate", 1e-3, 1.0, log=True), IntParam("leaves", 4, 256, log=True),
              FloatParam("share", 0.0, 1.0), CategoricalParam("weight", ("none", "balanced"))),
    "linear": (FloatParam("C", 1e-2, 1e2, log=True),),
})
NET = CashSpace({"net": (
    IntParam("layers", 1, 3),
    IntParam("units_1", 4, 64, log=True),
    IntParam("units_2", 4, 64, log=True, condition=Condition("layers", (2, 3))),
    IntParam("units_3", 4, 64, log=True, condition=Condition("layers", (3,))),
    CategoricalParam("solver", ("adam", "sgd")),
    FloatParam("momentum", 0.5, 0.99, condition=Condition("solver", ("sgd",))),
)})


def loss(config):
    if config.algorithm == "linear":
        return 1.0 + abs(math.log10(config.params["C"]))
    return abs(math.log10(config.params["rate"]) + 1) + abs(config.params["share"] - 0.3)


def run(searcher, n_trials, start=0, objective=loss):
    """The shared ask/tell loop, with this module's loss by default."""
    return run_loop(searcher, objective, n_trials, start)


def test_a_rebuilt_searcher_proposes_the_same_next_configurations():
    original = EvolutionSearcher(SPACE, seed=3)
    history = run(original, 25)
    pending = original.ask(3)
    shuffled = history[:]
    random.Random(1).shuffle(shuffled)
    rebuilt = EvolutionSearcher.from_history(SPACE, shuffled, seed=3, pending=pending)
    assert rebuilt.ask(3) == original.ask(3)


def test_a_rebuilt_searcher_of_a_conditional_space_proposes_the_same():
    original = EvolutionSearcher(NET, seed=0, population_size=5)
    history = run(original, 15, objective=lambda c: float(c.params["units_1"]))
    pending = original.ask(2)
    rebuilt = EvolutionSearcher.from_history(NET, history, seed=0, pending=pending,
                                             population_size=5)
    assert rebuilt.ask(2) == original.ask(2)


def test_it_never_proposes_a_tried_or_pending_configuration():
    space = CashSpace({"only": (IntParam("n", 1, 6), CategoricalParam("c", ("x", "y")))})
    searcher = EvolutionSearcher(space, seed=0, population_size=3)
    history = run(searcher, 6, objective=lambda c: float(c.params["n"]))
    asked = searcher.ask(6)
    assert len(set(asked)) == 6
    assert not set(asked) & {r.config for r in history}


def test_the_tournament_picks_the_best_parent_when_it_sees_the_whole_population():
    for seed in range(10):
        searcher = EvolutionSearcher(SPACE, seed=seed, population_size=6, tournament_size=6,
                                     family_mutation_rate=0.0, crossover_rate=0.0)
        history = run(searcher, 6)
        best = min(history, key=lambda r: r.score)
        (child,) = searcher.ask()
        assert child.algorithm == best.algorithm
        assert child != best.config


def test_failed_trials_never_become_parents():
    searcher = EvolutionSearcher(SPACE, seed=0, population_size=4, tournament_size=4,
                                 family_mutation_rate=0.0)
    for number in range(4):
        config = (Configuration("linear", {"C": 1.0}) if number == 2 else
                  Configuration("boost", {"rate": 0.01 * (number + 1), "leaves": 8,
                                          "share": 0.5, "weight": "none"}))
        state = TrialState.COMPLETE if number == 2 else TrialState.FAILED
        searcher.tell(TrialRecord(number, state, config.algorithm, config.params,
                                  1.0 if number == 2 else None))
    assert {c.algorithm for c in searcher.ask(5)} == {"linear"}


def test_the_population_is_the_most_recent_trials():
    searcher = EvolutionSearcher(SPACE, seed=0, population_size=4)
    run(searcher, 9)
    assert [r.number for r in searcher.population()] == [5, 6, 7, 8]


def test_pruned_and_cancelled_trials_take_no_place_in_the_population():
    searcher = EvolutionSearcher(SPACE, seed=0, population_size=3)
    run(searcher, 3)
    for number, state in ((3, TrialState.PRUNED), (4, TrialState.CANCELLED)):
        (config,) = searcher.ask()
        searcher.tell(TrialRecord(number, state, config.algorithm, config.params))
    assert [r.number for r in searcher.population()] == [0, 1, 2]


def test_it_beats_its_own_random_start_on_a_smooth_problem():
    searcher = EvolutionSearcher(SPACE, seed=0)
    history = run(searcher, 60)
    initial = min(r.score for r in history[:10])
    assert min(r.score for r in history) < initial


def test_the_registry_builds_it_with_options_and_checks_them():
    searcher = make_searcher(SearcherKind.EVOLUTION, SPACE, 0, population_size=8)
    assert isinstance(searcher, EvolutionSearcher) and searcher.population_size == 8
    with pytest.raises(ValueError, match="population_size"):
        EvolutionSearcher(SPACE, 0, population_size=1)
    with pytest.raises(ValueError, match="crossover_rate"):
        EvolutionSearcher(SPACE, 0, crossover_rate=1.5)


def test_a_log_scaled_number_moves_by_factors_not_by_a_share_of_the_range():
    param = FloatParam("rate", 1e-6, 1.0, log=True)
    rng = np.random.default_rng(0)
    moved = [mutate_value(param, 1e-6, rng, scale=0.1) for _ in range(200)]
    assert np.median(moved) < 1e-4  # a linear step of 0.1 x range would be about 0.1
    assert all(param.contains(v) and v != 1e-6 for v in moved)


def test_integers_stay_integers_and_always_move():
    param = IntParam("n", 1, 3)
    rng = np.random.default_rng(0)
    for value in (1, 2, 3):
        moved = [mutate_value(param, value, rng) for _ in range(50)]
        assert all(type(v) is int and v != value and 1 <= v <= 3 for v in moved)


def test_a_category_always_changes_to_another_choice():
    param = CategoricalParam("c", (True, 1, "1"))
    rng = np.random.default_rng(0)
    for value in param.choices:
        for _ in range(20):
            moved = mutate_value(param, value, rng)
            assert param.contains(moved) and param.index(moved) != param.index(value)


def test_mutating_a_parent_adds_the_new_children_and_drops_the_inactive_ones():
    rng = np.random.default_rng(0)
    middle = Configuration("net", {"layers": 2, "units_1": 8, "units_2": 8, "solver": "adam"})
    seen_depths = set()
    for _ in range(300):
        child = NET.validate(mutate(NET, middle, rng))
        seen_depths.add(child.params["layers"])
        expected = {"units_2"} if child.params["layers"] == 2 else (
            {"units_2", "units_3"} if child.params["layers"] == 3 else set())
        assert {"units_2", "units_3"} & set(child.params) == expected
        assert ("momentum" in child.params) == (child.params["solver"] == "sgd")
    assert seen_depths == {1, 2, 3}


def test_crossover_needs_one_family_and_mixes_the_parents():
    rng = np.random.default_rng(0)
    first = Configuration("boost", {"rate": 0.01, "leaves": 8, "share": 0.1, "weight": "none"})
    second = Configuration("boost", {"rate": 0.5, "leaves": 128, "share": 0.9,
                                     "weight": "balanced"})
    children = [crossover(SPACE, first, second, rng) for _ in range(30)]
    for child in children:
        for name, value in child.params.items():
            assert value in (first.params[name], second.params[name])
    assert len(set(children)) > 2
    with pytest.raises(ValueError, match="one family"):
        crossover(SPACE, first, Configuration("linear", {"C": 1.0}), rng)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(space=cash_spaces(), seed=st.integers(0, 2**16))
def test_mutation_of_a_random_space_is_valid_and_changes_what_can_change(space, seed):
    rng = np.random.default_rng(seed)
    for _ in range(5):
        config = space.sample(rng)
        child = space.validate(mutate(space, config, rng, family_rate=0.3))
        changeable = any(_can_change(p) for p in space.active_params(config.algorithm,
                                                                     config.params))
        if child.algorithm == config.algorithm and changeable:
            assert child != config


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(params=families(max_params=5), seed=st.integers(0, 2**16))
def test_crossover_of_a_random_conditional_family_is_valid(params, seed):
    space = CashSpace({"f": params})
    rng = np.random.default_rng(seed)
    for _ in range(5):
        child = crossover(space, space.sample(rng), space.sample(rng), rng)
        space.validate(child)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(space=cash_spaces(), seed=st.integers(0, 2**16))
def test_a_search_of_a_random_space_proposes_valid_unrepeated_configurations(space, seed):
    searcher = EvolutionSearcher(space, seed=seed, population_size=4)
    history = run(searcher, 12, objective=lambda c: float(len(c.params)))
    asked = [r.config for r in history] + searcher.ask(4)
    for config in asked:
        space.validate(config)
    # Repeats only once every configuration of a (small, discrete) space has been tried.
    assert len(set(asked)) == min(len(asked), _exact_size(space))


def _can_change(param):
    if isinstance(param, CategoricalParam):
        return len(param.choices) > 1
    return param.low < param.high


def _exact_size(space):
    """How many configurations the space has (inf with a float range)."""
    if any(isinstance(p, FloatParam) and p.low < p.high
           for params in space.families.values() for p in params):
        return math.inf
    return grid_size(space, points_per_numeric=10**5)  # dense enough to hit every integer
