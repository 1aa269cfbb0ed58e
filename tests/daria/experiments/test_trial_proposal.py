"""'Why this trial': the scheduling step stores why each configuration was proposed on its trial,
and the trials endpoint and the live trial event carry it."""

from __future__ import annotations

import numpy as np
import pytest

from automl_core.pipelines.registry import portfolio
from daria.accounts.services import create_project
from daria.experiments import scheduling, trial_runs
from daria.experiments.models import Experiment, Trial
from daria.experiments.problems import load_problem
from daria.experiments.serializers import trial_payload
from tests.daria.experiments.conftest import InProcessQueue
from tests.daria.factories import ExperimentFactory, TrialFactory, make_dataset

pytestmark = pytest.mark.django_db


@pytest.fixture
def dataset(alice: object) -> object:
    return make_dataset(alice, create_project(alice, "Why"))


def _start(experiment: Experiment, queue: InProcessQueue) -> None:
    with queue.capture(execute=True):
        scheduling.start_search(experiment.pk)


def _run_trial(experiment: Experiment, number: int, queue: InProcessQueue) -> None:
    with queue.capture(execute=True):
        trial_runs.run_trial(experiment.pk, number)


def _finished_history(experiment: Experiment, n_sampled: int) -> Trial:
    """Completed trials: the whole portfolio plus ``n_sampled`` random configurations, so the
    next proposal comes from the model. Returns the best of them."""
    problem = load_problem(experiment.pk)
    rng = np.random.default_rng(0)
    configs = [*portfolio(problem.space, problem.task),
               *(problem.space.sample(rng) for _ in range(n_sampled))]
    for number, config in enumerate(configs):
        TrialFactory(experiment=experiment, number=number, algorithm=config.algorithm,
                     params=dict(config.params), score=0.6 + 0.01 * ((number * 7) % 11))
    return experiment.trials.order_by("-score", "number").first()


def test_a_model_proposed_trial_carries_the_prediction_and_the_incumbent(
    as_alice: object, dataset: object, queue: InProcessQueue
) -> None:
    experiment = ExperimentFactory(dataset=dataset, searcher="gp-ei", algorithms=["linear"],
                                   parallelism=1, time_budget_s=600, status="running")
    best = _finished_history(experiment, n_sampled=8)
    queue.sent.clear()

    with queue.capture(execute=True):
        (number,) = scheduling.schedule_trials(experiment.pk)

    proposal = experiment.trials.get(number=number).proposal
    assert proposal["source"] == "model" and proposal["searcher"] == "gp-ei"
    assert proposal["acquisition_kind"] == "ei"
    assert isinstance(proposal["acquisition"], float)
    # ROC AUC is maximised: the prediction is in its units, near the scores seen (0.6-0.7).
    assert 0.3 < proposal["predicted_score"] < 1.0
    assert proposal["predicted_std"] >= 0 and proposal["expected_improvement"] >= 0
    assert proposal["incumbent"] == {"number": best.number, "algorithm": best.algorithm,
                                     "score": best.score}

    _run_trial(experiment, number, queue)
    (listed,) = as_alice.get(f"/api/v1/experiments/{experiment.pk}/trials/?after={number - 1}"
                             ).json()
    assert listed["proposal"]["source"] == "model"
    assert listed["proposal"]["predicted_score"] == pytest.approx(proposal["predicted_score"])
    assert listed["proposal"]["incumbent"]["number"] == best.number
    assert listed["proposal"]["original_trial"] is None  # every key, null when not applicable
    # The live trial event announces the same shape.
    assert trial_payload(experiment.trials.get(number=number))["proposal"] == listed["proposal"]


def test_the_first_trials_of_a_search_come_from_the_portfolio(
    dataset: object, queue: InProcessQueue
) -> None:
    experiment = ExperimentFactory(dataset=dataset, searcher="random", parallelism=2)
    _start(experiment, queue)

    proposals = [t.proposal for t in experiment.trials.order_by("number")]
    assert proposals == [{"source": "portfolio", "searcher": "random"}] * 2


def test_hand_written_trials_say_manual(
    as_alice: object, dataset: object, queue: InProcessQueue
) -> None:
    probe = ExperimentFactory(dataset=dataset)
    space = load_problem(probe.pk).space
    written, added_by_hand = (space.sample(np.random.default_rng(seed)) for seed in (1, 2))
    experiment = ExperimentFactory(dataset=dataset, searcher="tpe", parallelism=1,
                                   time_budget_s=600,
                                   initial_configurations=[written.to_dict()])
    _start(experiment, queue)

    with queue.capture(execute=True):
        response = as_alice.post(f"/api/v1/experiments/{experiment.pk}/trials/",
                                 {"algorithm": added_by_hand.algorithm,
                                  "params": dict(added_by_hand.params)}, format="json")
    assert response.status_code == 201

    first, added = experiment.trials.order_by("number")
    assert first.proposal == {"source": "manual", "searcher": "tpe"}
    assert added.number == response.json()["number"]
    assert added.proposal == {"source": "manual", "searcher": "tpe"}


def test_trials_stored_before_proposals_were_kept_show_none(
    as_alice: object, dataset: object
) -> None:
    experiment = ExperimentFactory(dataset=dataset)
    TrialFactory(experiment=experiment, number=0)

    (listed,) = as_alice.get(f"/api/v1/experiments/{experiment.pk}/trials/").json()

    assert listed["proposal"] is None
