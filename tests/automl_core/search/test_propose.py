"""The distributed API's ``propose``: the next configurations with why each was proposed."""

import numpy as np
import pandas as pd
import pytest

from automl_core.distributed import prepare_problem, propose
from automl_core.pipelines.registry import portfolio
from automl_core.search.space import Configuration
from automl_core.search.trial import TrialRecord, TrialState


@pytest.fixture(scope="module")
def problem():
    """A seeded binary table (AUC-like metric: higher is better)."""
    rng = np.random.default_rng(3)
    x1, x2 = rng.normal(size=200), rng.normal(size=200)
    y = np.where(x1 + 0.5 * x2 > 0.3, "yes", "no")
    return prepare_problem(pd.DataFrame({"x1": x1, "x2": x2, "y": y}), "y", seed=1, n_folds=3,
                           algorithms=["linear"])


def test_hand_written_then_portfolio_then_the_strategy(problem):
    manual = Configuration("linear", {"C": 0.37, "class_weight": "balanced"})
    n_portfolio = len(portfolio(problem.space, problem.task))

    proposed = propose(problem, [], [], n_portfolio + 2, "random", [manual])

    sources = [p.explanation["source"] for p in proposed]
    assert proposed[0].config == problem.space.validate(manual)
    assert sources == ["manual", *["portfolio"] * n_portfolio, "random"]
    assert {p.explanation["searcher"] for p in proposed} == {"random"}


def test_a_model_proposal_is_in_the_metrics_direction(problem):
    assert problem.metric.greater_is_better
    history, pending = [], []
    for number, proposed in enumerate(propose(problem, [], [], 12, "gp-ei")):
        config = proposed.config
        score = 0.9 - abs(np.log10(config.params.get("C", 1.0)) - 0.5) / 10
        history.append(TrialRecord(number, TrialState.COMPLETE, config.algorithm,
                                   config.params, score))

    (proposed,) = propose(problem, history, pending, 1, "gp-ei")

    explanation = proposed.explanation
    assert explanation["source"] == "model"
    best = max(history, key=lambda r: r.score)
    assert explanation["incumbent"]["number"] == best.number
    # Scores are near 0.9, so a prediction in score units (not loss = -score) is positive.
    assert 0.5 < explanation["predicted_score"] < 1.5
