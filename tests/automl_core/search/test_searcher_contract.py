"""The contract every searcher over a CASH space must honour, run against each registered one.

Multi-fidelity searchers (Hyperband, BOHB) take part like every other: the loss below depends on
the fidelity, so their histories hold promotions, and the rebuild and parallel-ask tests run long
enough to cross several rungs.
"""

import random

import pytest

from automl_core.search.bayes.searcher import ProposalSource
from automl_core.search.registry import (
    SearcherKind,
    available_searchers,
    make_searcher,
    searcher_factory,
)
from automl_core.search.space import (
    CashSpace,
    CategoricalParam,
    Configuration,
    FloatParam,
    IntParam,
)
from automl_core.search.trial import TrialRecord, TrialState
from tests.automl_core.search.searcher_loop import run as run_loop

SPACE = CashSpace({
    "linear": (FloatParam("alpha", 1e-4, 10.0, log=True),
               CategoricalParam("penalty", ("l1", "l2", None))),
    "forest": (IntParam("trees", 10, 500, log=True), IntParam("depth", 1, 12),
               FloatParam("features", 0.1, 1.0)),
})

KINDS = [kind.value for kind in available_searchers()]
# Hyperband draws its new configurations at random too (it only stops the poor ones early).
MODEL_BASED = [kind for kind in KINDS if kind not in (SearcherKind.RANDOM, SearcherKind.HYPERBAND)]
# Grid and evolution have no model to explain a proposal with.
EXPLAINING = [kind for kind in MODEL_BASED if hasattr(searcher_factory(kind), "explain")]


def loss(config: Configuration) -> float:
    """Lower is better; a share of the rows (a fidelity below 1) scores a little worse."""
    p = config.params
    if config.algorithm == "linear":
        full = abs(p["alpha"] - 0.1) + (0.3 if p["penalty"] else 0.0)
    else:
        full = 1.0 / p["trees"] + abs(p["depth"] - 6) / 6
    return full + 0.2 * (1.0 - config.fidelity)


def run(searcher, n_trials, start=0):
    return run_loop(searcher, loss, n_trials, start)


@pytest.mark.parametrize("kind", KINDS)
def test_every_proposal_is_a_valid_configuration_of_the_space(kind):
    searcher = make_searcher(kind, SPACE, 0)
    for record in run(searcher, 16):
        SPACE.validate(record.config)
        for value in record.params.values():
            assert not hasattr(value, "dtype"), "values must be plain Python scalars"


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("seed", [5, 7])
def test_a_rebuilt_searcher_proposes_the_same_configurations(kind, seed):
    original = make_searcher(kind, SPACE, seed)
    history = run(original, 24)
    pending = original.ask(3)
    shuffled = history[:]
    random.Random(seed).shuffle(shuffled)
    rebuilt = type(original).from_history(SPACE, shuffled, seed=seed, pending=pending)
    assert rebuilt.ask(4) == original.ask(4)


@pytest.mark.parametrize("kind", KINDS)
def test_parallel_asks_never_repeat_a_tried_or_pending_configuration(kind):
    searcher = make_searcher(kind, SPACE, 1)
    history = run(searcher, 24)
    asked = searcher.ask(10)
    assert len(set(asked)) == 10
    assert not set(asked) & {r.config for r in history}
    # Nor do two workers get the same hyperparameters at once (e.g. one promoted twice).
    assert len({c.at_fidelity(1.0) for c in asked}) == 10


@pytest.mark.parametrize("kind", MODEL_BASED)
def test_a_small_discrete_space_is_covered_without_repeats(kind):
    space = CashSpace({"only": (IntParam("n", 1, 4), CategoricalParam("c", ("x", "y", "z")))})
    searcher = make_searcher(kind, space, 3)
    first = searcher.ask(4)
    for number, config in enumerate(first):
        searcher.tell(TrialRecord(number, TrialState.COMPLETE, "only", config.params,
                                  float(config.params["n"])))
    asked = first + searcher.ask(8)
    assert len(set(asked)) == 12


@pytest.mark.parametrize("kind", KINDS)
def test_failed_trials_are_not_proposed_again(kind):
    searcher = make_searcher(kind, SPACE, 2)
    failed = []
    for number in range(12):
        (config,) = searcher.ask()
        state = TrialState.FAILED if number % 3 == 0 else TrialState.COMPLETE
        score = None if state is TrialState.FAILED else loss(config)
        record = TrialRecord(number, state, config.algorithm, config.params, score,
                             error="boom" if score is None else None)
        searcher.tell(record)
        if score is None:
            failed.append(config)
    assert not set(searcher.ask(4)) & set(failed)


@pytest.mark.parametrize("kind", KINDS)
def test_enqueued_configurations_are_asked_first(kind):
    searcher = make_searcher(kind, SPACE, 0)
    warm = Configuration("forest", {"trees": 100, "depth": 4, "features": 0.5})
    searcher.enqueue(warm)
    assert searcher.ask()[0] == warm


@pytest.mark.parametrize("kind", MODEL_BASED)
def test_it_climbs_when_told_that_higher_scores_are_better(kind):
    space = CashSpace({"f": (FloatParam("x", 0.0, 1.0),)})
    searcher = make_searcher(kind, space, 0, minimize=False)
    for number in range(20):
        (config,) = searcher.ask()
        searcher.tell(TrialRecord(number, TrialState.COMPLETE, "f", config.params,
                                  config.params["x"]))
    assert searcher.best().score > 0.95


@pytest.mark.parametrize("kind", EXPLAINING)
def test_it_explains_each_model_proposal(kind):
    searcher = make_searcher(kind, SPACE, 0)
    run(searcher, 12)
    (config,) = searcher.ask()
    proposal = searcher.explain(config)
    assert proposal.incumbent == searcher.best().config
    assert proposal.incumbent_loss == pytest.approx(loss(searcher.best().config))
    if proposal.source is ProposalSource.MODEL:
        assert proposal.acquisition is not None
