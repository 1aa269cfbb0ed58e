"""Grid search: the grid's values, size, visit order, the size message and rebuilds."""

import math
import random

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from automl_core.cli import build_parser, grid_note
from automl_core.data.task import Task
from automl_core.pipelines.registry import cash_space
from automl_core.search.grid import (
    GridSearcher,
    axis_values,
    coverage_order,
    describe_grid,
    family_grids,
    grid_size,
)
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
from tests.automl_core.search.space_strategies import cash_spaces

SPACE = CashSpace({
    "boost": (FloatParam("rate", 1e-3, 10.0, log=True), IntParam("leaves", 4, 64, log=True),
              FloatParam("share", 0.0, 1.0), CategoricalParam("weight", ("none", "balanced"))),
    "linear": (FloatParam("C", 1e-2, 1e2, log=True),),
})
NET = CashSpace({"net": (
    IntParam("layers", 1, 3),
    IntParam("units_1", 4, 64, log=True),
    IntParam("units_2", 4, 64, log=True, condition=Condition("layers", (2, 3))),
    IntParam("units_3", 4, 64, log=True, condition=Condition("layers", (3,))),
)})


def tell_all(searcher, configs, start=0):
    records = []
    for number, config in enumerate(configs, start=start):
        record = TrialRecord(number, TrialState.COMPLETE, config.algorithm, config.params, 1.0)
        searcher.tell(record)
        records.append(record)
    return records


def test_log_scaled_floats_are_spaced_geometrically_with_exact_ends():
    assert axis_values(FloatParam("rate", 1e-3, 10.0, log=True)) == (1e-3, 1e-2, 0.1, 1.0, 10.0)


def test_linear_floats_are_spaced_evenly():
    assert axis_values(FloatParam("share", 0.0, 1.0), 3) == (0.0, 0.5, 1.0)


def test_integers_are_rounded_and_deduplicated():
    assert axis_values(IntParam("n", 1, 4), 5) == (1, 2, 3, 4)
    assert axis_values(IntParam("n", 1, 2, log=True), 5) == (1, 2)
    assert axis_values(IntParam("leaves", 4, 64, log=True)) == (4, 8, 16, 32, 64)


def test_categories_are_all_kept_and_one_point_means_the_middle():
    assert axis_values(CategoricalParam("c", (True, False, None)), 1) == (True, False, None)
    assert axis_values(FloatParam("x", 1.0, 100.0, log=True), 1) == (10.0,)
    assert axis_values(IntParam("n", 0, 10), 1) == (5,)


def test_points_per_numeric_below_one_is_refused():
    with pytest.raises(ValueError, match="points_per_numeric"):
        axis_values(FloatParam("x", 0.0, 1.0), 0)


@pytest.mark.parametrize("n", range(1, 12))
def test_coverage_order_is_a_permutation_starting_in_the_middle(n):
    order = coverage_order(n)
    assert sorted(order) == list(range(n))
    assert order[0] == (n - 1) // 2


def test_coverage_order_goes_middle_ends_then_halfway():
    assert coverage_order(5) == (2, 0, 4, 1, 3)
    assert coverage_order(9) == (4, 0, 8, 2, 6, 1, 3, 5, 7)


def test_the_size_is_the_sum_of_the_family_products():
    assert grid_size(SPACE) == 5 * 5 * 5 * 2 + 5
    assert grid_size(SPACE, points_per_numeric=3) == 3 * 3 * 3 * 2 + 3


def test_the_size_counts_conditional_points_once():
    # layers 1: units_1 only; 2: units_1, units_2; 3: all three (5 values each).
    assert grid_size(NET) == 5 + 25 + 125
    searcher = GridSearcher(NET, seed=0)
    asked = searcher.ask(grid_size(NET))
    assert len(set(asked)) == grid_size(NET)
    for config in asked:
        NET.validate(config)


def test_the_first_point_of_each_family_is_its_centre_and_families_take_turns():
    first, second, third = GridSearcher(SPACE, seed=0).ask(3)
    assert first == Configuration("boost", {"rate": 0.1, "leaves": 16, "share": 0.5,
                                            "weight": "none"})
    assert second == Configuration("linear", {"C": 1.0})
    assert third.algorithm == "boost"


def test_the_order_refines_every_axis_together_not_lexicographically():
    space = CashSpace({"f": tuple(FloatParam(f"x{i}", 0.0, 1.0) for i in range(3))})
    asked = GridSearcher(space, seed=0).ask(27)
    coarse = {tuple(c.params.values()) for c in asked[:8]}
    assert coarse == {(a, b, c) for a in (0.0, 0.5) for b in (0.0, 0.5) for c in (0.0, 0.5)}
    middle = {tuple(c.params.values()) for c in asked[:27]}
    assert middle == {(a, b, c) for a in (0.0, 0.5, 1.0) for b in (0.0, 0.5, 1.0)
                      for c in (0.0, 0.5, 1.0)}


def test_the_seed_scrambles_the_order_inside_a_shell():
    first = GridSearcher(SPACE, seed=0).ask(40)
    second = GridSearcher(SPACE, seed=1).ask(40)
    assert first[0] == second[0]
    assert first != second
    assert set(first[:2]) == set(second[:2])


def test_a_rebuilt_searcher_proposes_the_same_next_point():
    original = GridSearcher(SPACE, seed=4)
    history = tell_all(original, original.ask(9))
    pending = original.ask(3)
    shuffled = history[:]
    random.Random(0).shuffle(shuffled)
    rebuilt = GridSearcher.from_history(SPACE, shuffled, seed=4, pending=pending)
    assert rebuilt.ask(2) == original.ask(2)


def test_the_next_point_is_the_first_one_not_tried_or_pending():
    order = GridSearcher(SPACE, seed=0).ask(6)
    history = tell_all(GridSearcher(SPACE, seed=0), [order[0], order[2]])
    searcher = GridSearcher.from_history(SPACE, history, seed=0, pending=[order[1], order[4]])
    assert searcher.ask(2) == [order[3], order[5]]


def test_an_enqueued_point_of_the_grid_is_not_proposed_again():
    searcher = GridSearcher(SPACE, seed=0)
    centre = Configuration("linear", {"C": 1.0})
    searcher.enqueue(centre)
    asked = searcher.ask(6)
    assert asked[0] == centre
    assert asked.count(centre) == 1


def test_an_exhausted_grid_says_so_and_goes_on_with_new_random_configurations():
    space = CashSpace({"f": (FloatParam("x", 0.0, 1.0), CategoricalParam("c", ("a", "b")))})
    searcher = GridSearcher(space, seed=0)
    grid = searcher.ask(9)
    assert not searcher.exhausted
    grid += searcher.ask()
    assert searcher.exhausted  # the last point is pending
    tell_all(searcher, grid)
    assert searcher.exhausted
    after = searcher.ask(5)
    assert not set(after) & set(grid)
    assert len(set(after)) == 5
    for config in after:
        space.validate(config)


def test_the_registry_builds_the_grid_searcher_with_options():
    searcher = make_searcher(SearcherKind.GRID, SPACE, seed=0, points_per_numeric=3)
    assert isinstance(searcher, GridSearcher)
    assert searcher.size == grid_size(SPACE, 3)


@pytest.mark.parametrize("kind", ["grid", "evolution"])
def test_the_cli_offers_the_new_searchers(kind):
    args = build_parser().parse_args(["run", "--train", "a.csv", "--test", "b.csv", "--target",
                                      "y", "--time-budget", "10", "--output", "o.csv",
                                      "--searcher", kind])
    assert make_searcher(args.searcher, SPACE, seed=0).ask()


def test_the_summary_message_compares_the_grid_with_the_budget():
    space = CashSpace({"f": tuple(FloatParam(f"x{i}", 0.0, 1.0) for i in range(4))})
    summary = describe_grid(space, budget_s=60, seconds_per_trial=1.5, points_per_numeric=6)
    assert summary.size == 1296 and summary.fits == 40 and not summary.covers_all
    assert summary.message() == "1,296 configurations; about 40 fit in your budget."
    assert summary.to_dict()["per_family"] == {"f": 1296}


def test_the_summary_says_when_the_whole_grid_fits_or_no_budget_is_known():
    whole = describe_grid(SPACE, budget_s=3600, seconds_per_trial=2.0)
    assert whole.covers_all
    assert whole.message().startswith("255 configurations; all fit in your budget")
    assert describe_grid(SPACE).message() == "255 configurations."
    assert describe_grid(SPACE, budget_s=60, seconds_per_trial=0).fits is None


def test_the_cli_tells_the_grid_size_of_the_searched_space_and_the_trials_it_ran():
    size = grid_size(cash_space(Task.BINARY, 1_000, ["lightgbm"]))
    assert grid_note("binary", 1_000, ["lightgbm"], trials=46) == (
        f"grid: {size:,} configurations; the budget allowed 46 trials.")
    linear = grid_size(cash_space(Task.REGRESSION, 1_000, ["linear"]))
    assert grid_note("regression", 1_000, ["linear"], 1).startswith(f"grid: {linear:,} ")
    assert grid_size(cash_space(Task.BINARY, 1_000, None)) > size  # the families add up


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(space=cash_spaces(), points=st.integers(1, 4))
def test_every_grid_point_of_a_random_space_is_valid_and_the_size_counts_them(space, points):
    distinct = set()
    for grid in family_grids(space, points):
        for index in range(min(grid.n_indices, 2000)):
            distinct.add(space.validate(grid.config_at(index)))
        if grid.n_indices > 2000:
            return  # too large to enumerate here; the small ones check the count
    assert len(distinct) == grid_size(space, points)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(space=cash_spaces(), seed=st.integers(0, 2**16), n=st.integers(1, 30))
def test_asks_of_a_random_space_are_valid_and_never_repeat(space, seed, n):
    searcher = GridSearcher(space, seed=seed)
    first = searcher.ask(n)
    tell_all(searcher, first[: n // 2])
    second = searcher.ask(5)
    asked = first + second
    for config in asked:
        space.validate(config)
    on_grid = min(len(asked), grid_size(space, searcher.points_per_numeric))
    assert len(set(asked[:on_grid])) == on_grid


def test_float_values_are_short_inside_and_never_leave_the_bounds():
    values = axis_values(FloatParam("lr", 0.01, 0.3, log=True))
    assert values[0] == 0.01 and values[-1] == 0.3
    assert all(len(f"{v:.10g}".replace("0.", "").lstrip("0")) <= 4 for v in values[1:-1])
    assert all(math.isfinite(v) for v in values)
