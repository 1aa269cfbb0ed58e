import pytest

from automl_core.search.random import RandomSearcher
from automl_core.search.registry import SearcherKind, make_searcher
from automl_core.search.space import (
    CashSpace,
    CategoricalParam,
    Configuration,
    FloatParam,
    IntParam,
)
from automl_core.search.trial import TrialRecord, TrialState

SPACE = CashSpace({
    "a": (FloatParam("x", -5.0, 5.0),),
    "b": (IntParam("n", 1, 20), CategoricalParam("kind", ("p", "q"))),
})


def _run(searcher, n_trials, start=0):
    records = []
    for number in range(start, start + n_trials):
        (config,) = searcher.ask()
        score = float(config.params.get("x", 0.0)) ** 2
        record = TrialRecord(number, TrialState.COMPLETE, config.algorithm, config.params, score)
        searcher.tell(record)
        records.append(record)
    return records


def test_it_asks_enqueued_configurations_first():
    searcher = RandomSearcher(SPACE, seed=0)
    warm = Configuration("b", {"n": 3, "kind": "q"})
    searcher.enqueue(warm)
    assert searcher.ask(2)[0] == warm


def test_it_rejects_an_enqueued_configuration_outside_the_space():
    with pytest.raises(ValueError, match="n=99"):
        RandomSearcher(SPACE, seed=0).enqueue(Configuration("b", {"n": 99, "kind": "q"}))


def test_it_skips_an_enqueued_configuration_already_tried():
    searcher = RandomSearcher(SPACE, seed=0)
    warm = Configuration("b", {"n": 3, "kind": "q"})
    searcher.enqueue(warm)
    searcher.enqueue(warm)
    assert searcher.ask(2).count(warm) == 1


def test_the_same_seed_gives_the_same_proposals():
    first = [c for _ in range(5) for c in RandomSearcher(SPACE, seed=7).ask(3)]
    second = [c for _ in range(5) for c in RandomSearcher(SPACE, seed=7).ask(3)]
    assert first == second


def test_a_rebuilt_searcher_proposes_the_same_next_configuration():
    original = RandomSearcher(SPACE, seed=3)
    history = _run(original, 6)
    pending = original.ask(2)
    rebuilt = RandomSearcher.from_history(SPACE, history, seed=3, pending=pending)
    assert rebuilt.ask() == original.ask()


def test_the_best_trial_respects_the_direction():
    minimizing = RandomSearcher(SPACE, seed=1, minimize=True)
    history = _run(minimizing, 8)
    maximizing = RandomSearcher.from_history(SPACE, history, seed=1, minimize=False)
    assert minimizing.best().score == min(r.score for r in history)
    assert maximizing.best().score == max(r.score for r in history)


def test_the_registry_builds_a_random_searcher_by_name():
    assert isinstance(make_searcher("random", SPACE, seed=0), RandomSearcher)
    assert isinstance(make_searcher(SearcherKind.RANDOM, SPACE, seed=0), RandomSearcher)


def test_the_registry_names_the_choices_for_an_unknown_searcher():
    with pytest.raises(ValueError, match="random"):
        make_searcher("simulated-annealing", SPACE, seed=0)
