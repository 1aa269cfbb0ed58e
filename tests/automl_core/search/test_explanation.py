"""'Why this trial': each proposal explained as plain JSON, in the metric's units and direction."""

import json
import math

import pytest

from automl_core.search.bayes.searcher import BayesianSearcher
from automl_core.search.explanation import (
    ExplanationSource,
    expected_improvement,
    explain_configuration,
    source_only,
)
from automl_core.search.multifidelity.hyperband import HyperbandSearcher
from automl_core.search.registry import make_searcher
from automl_core.search.space import CashSpace, CategoricalParam, Configuration, FloatParam
from automl_core.search.trial import TrialRecord, TrialState

SPACE = CashSpace({
    "linear": (FloatParam("alpha", 1e-4, 10.0, log=True),
               CategoricalParam("penalty", ("l1", "l2"))),
    "knn": (FloatParam("radius", 0.1, 5.0),),
})


def score_of(config: Configuration) -> float:
    """An accuracy-like score in (0, 1]: higher is better."""
    if config.algorithm == "linear":
        return 1.0 / (1.0 + abs(math.log10(config.params["alpha"]) + 1))
    return 0.5 / (1.0 + abs(config.params["radius"] - 2.0))


def run(searcher, n_trials):
    """Ask and tell ``n_trials`` configurations one by one; the scores are ``score_of``."""
    for number in range(n_trials):
        (config,) = searcher.ask()
        searcher.tell(TrialRecord(number, TrialState.COMPLETE, config.algorithm, config.params,
                                  score_of(config)))


@pytest.mark.parametrize("kind", ["gp-ei", "rf-ei"])
def test_a_model_proposal_is_explained_in_the_metrics_own_units(kind):
    searcher = make_searcher(kind, SPACE, 0, minimize=False, random_fraction=0.0)
    run(searcher, 12)
    (config,) = searcher.ask()
    proposal = searcher.explain(config)

    explanation = explain_configuration(searcher, config, kind)

    assert explanation["source"] == "model" and explanation["searcher"] == kind
    # The searcher minimises -score: the explanation turns it back into the score.
    assert explanation["predicted_score"] == pytest.approx(-proposal.predicted_mean)
    assert explanation["predicted_std"] == pytest.approx(proposal.predicted_std)
    assert explanation["acquisition"] == pytest.approx(proposal.acquisition)
    assert explanation["acquisition_kind"] == "ei"
    best = searcher.best()
    assert explanation["incumbent"] == {"number": best.number, "algorithm": best.algorithm,
                                        "score": best.score}
    assert explanation["expected_improvement"] >= 0
    assert json.loads(json.dumps(explanation, allow_nan=False)) == explanation


def test_a_minimised_metric_keeps_its_sign():
    searcher = make_searcher("gp-ucb", SPACE, 1)  # scores as losses: lower is better
    run(searcher, 12)
    (config,) = searcher.ask()

    explanation = explain_configuration(searcher, config, "gp-ucb")

    assert explanation["predicted_score"] == pytest.approx(searcher.explain(config).predicted_mean)
    assert explanation["acquisition_kind"] == "ucb"


def test_tpe_has_no_regression_model_so_only_its_ratio_and_the_incumbent():
    searcher = make_searcher("tpe", SPACE, 2, minimize=False, n_initial=4)
    run(searcher, 10)
    (config,) = searcher.ask()

    explanation = explain_configuration(searcher, config, "tpe")

    assert explanation["source"] == "model" and explanation["acquisition_kind"] == "tpe"
    assert "predicted_score" not in explanation
    assert explanation["incumbent"]["number"] == searcher.best().number


def test_the_initial_design_says_so_without_numbers():
    searcher = make_searcher("gp-ei", SPACE, 0)
    (config,) = searcher.ask()
    assert explain_configuration(searcher, config, "gp-ei") == {
        "source": "initial_design", "searcher": "gp-ei"}


@pytest.mark.parametrize("kind", ["random", "grid", "evolution"])
def test_a_strategy_without_a_model_names_itself(kind):
    searcher = make_searcher(kind, SPACE, 0)
    run(searcher, 3)
    (config,) = searcher.ask()
    assert explain_configuration(searcher, config, kind) == {"source": kind, "searcher": kind}


def test_enqueued_configurations_carry_the_callers_source():
    manual = Configuration("knn", {"radius": 1.5})
    portfolio = Configuration("linear", {"alpha": 1.0, "penalty": "l2"})
    searcher = make_searcher("gp-ei", SPACE, 0)
    searcher.enqueue(manual)
    searcher.enqueue(portfolio)
    sources = {manual: ExplanationSource.MANUAL, portfolio: ExplanationSource.PORTFOLIO}

    first, second, third = searcher.ask(3)

    assert explain_configuration(searcher, first, "gp-ei", sources)["source"] == "manual"
    assert explain_configuration(searcher, second, "gp-ei", sources)["source"] == "portfolio"
    assert explain_configuration(searcher, third, "gp-ei", sources)["source"] == "initial_design"


def test_a_hyperband_promotion_names_the_trial_it_promotes():
    searcher = HyperbandSearcher(SPACE, 0, minimize=False)
    explained = []
    for number in range(30):
        (config,) = searcher.ask()
        explained.append(explain_configuration(searcher, config, "hyperband"))
        searcher.tell(TrialRecord(number, TrialState.COMPLETE, config.algorithm, config.params,
                                  score_of(config)))

    promotions = [e for e in explained if e["source"] == "promotion"]
    assert promotions, "30 trials climb at least one rung"
    assert all(isinstance(e["promoted_from"], int) for e in promotions)
    assert explained[0] == {"source": "hyperband", "searcher": "hyperband",
                            "fidelity": pytest.approx(1 / 9, rel=1e-3)}


def test_expected_improvement_matches_the_closed_form():
    # best - mean = 0.1, std = 0.1: z = 1, EI = 0.1 * (Phi(1) + phi(1)).
    assert expected_improvement(0.4, 0.1, 0.5) == pytest.approx(0.1 * (0.841345 + 0.241971),
                                                                rel=1e-5)
    assert expected_improvement(0.4, 0.0, 0.5) == pytest.approx(0.1)
    assert expected_improvement(0.6, 0.0, 0.5) == 0.0


def test_non_finite_numbers_become_null():
    searcher = BayesianSearcher(SPACE, 0)
    run(searcher, 12)
    (config,) = searcher.ask()
    proposal = searcher._explanations[config]  # noqa: SLF001 - force a saturated prediction
    searcher._explanations[config] = type(proposal)(  # noqa: SLF001
        proposal.source, math.inf, proposal.predicted_std, -math.inf, proposal.incumbent,
        proposal.incumbent_loss)

    explanation = explain_configuration(searcher, config, "gp-ei")

    assert explanation["predicted_score"] is None and explanation["acquisition"] is None
    json.dumps(explanation, allow_nan=False)


def test_source_only_keeps_its_details():
    assert source_only(ExplanationSource.REPLAY, "tpe", original_trial=4) == {
        "source": "replay", "searcher": "tpe", "original_trial": 4}
