"""Choosing how a search runs: the searcher, the algorithm families, the validation folds and
hand-written starting configurations, each checked with a message naming what is wrong; the
search space endpoints; hand-written trials refused with the bad parameter named. The tasks run
in this process (tests/integration/test_search_options_on_a_worker.py uses a real worker)."""

from __future__ import annotations

import pytest

from automl_core.pipelines.registry import FAMILIES
from automl_core.search.registry import available_searchers
from daria.accounts.models import Role
from daria.accounts.services import add_member, create_project
from daria.experiments import scheduling, trial_runs
from daria.experiments.models import Experiment
from tests.conftest import client_for
from tests.daria.experiments.conftest import InProcessQueue
from tests.daria.factories import make_dataset

pytestmark = pytest.mark.django_db

LINEAR = {"algorithm": "linear", "params": {"C": 0.37, "class_weight": "balanced"}}
KNN = {"algorithm": "knn", "params": {"n_neighbors": 7, "weights": "distance", "p": 1}}


@pytest.fixture
def dataset(alice: object) -> object:
    return make_dataset(alice, create_project(alice, "Search options"))


def _create(client: object, capture: object, dataset: object, **options: object) -> object:
    """POST a new experiment without sending its run (the test starts it itself)."""
    body = {"dataset": dataset.pk, "target": "churn", "time_budget_s": 600, **options}
    with capture(execute=False):
        return client.post("/api/v1/experiments/", body, format="json")


def _start(experiment_id: int, queue: InProcessQueue) -> Experiment:
    with queue.capture(execute=True):
        scheduling.start_search(experiment_id)
    return Experiment.objects.get(pk=experiment_id)


def _run_trials(queue: InProcessQueue, count: int) -> None:
    """Run the next ``count`` trial tasks; each schedules the following trials itself."""
    for _ in range(count):
        name, args = queue.sent.pop(0)
        assert name == scheduling.TRIAL_TASK
        with queue.capture(execute=True):
            trial_runs.run_trial(*args)


# --- creating with options -----------------------------------------------------------------


@pytest.mark.parametrize("searcher", [kind.value for kind in available_searchers()])
def test_every_available_searcher_runs_a_search_restricted_to_the_chosen_algorithms(
    as_alice: object, dataset: object, queue: InProcessQueue,
    django_capture_on_commit_callbacks: object, searcher: str,
) -> None:
    response = _create(as_alice, django_capture_on_commit_callbacks, dataset,
                       searcher=searcher, algorithms=["linear", "knn"], parallelism=1)
    assert response.status_code == 201, response.json()
    body = response.json()
    created = Experiment.objects.get(pk=body["id"])
    assert created.searcher == searcher and created.algorithms == ["linear", "knn"]
    assert created.parallelism == 1

    _start(body["id"], queue)
    _run_trials(queue, 4)  # past the two families' portfolio entries: the searcher's own

    experiment = Experiment.objects.get(pk=body["id"])
    algorithms = set(experiment.trials.values_list("algorithm", flat=True))
    assert experiment.trials.count() >= 5 and algorithms <= {"linear", "knn"}


def test_the_defaults_are_the_engines(as_alice: object, dataset: object,
                                      django_capture_on_commit_callbacks: object) -> None:
    body = _create(as_alice, django_capture_on_commit_callbacks, dataset).json()
    created = Experiment.objects.get(pk=body["id"])
    assert created.searcher == "gp-ei" and created.algorithms == []
    assert created.validation_folds is None and created.parallelism == 2
    assert created.initial_configurations == []


def test_an_unknown_searcher_is_refused_listing_the_available_ones(
    as_alice: object, dataset: object, django_capture_on_commit_callbacks: object
) -> None:
    response = _create(as_alice, django_capture_on_commit_callbacks, dataset,
                       searcher="simulated-annealing")
    assert response.status_code == 400
    message = response.json()["searcher"][0]
    assert "simulated-annealing" in message
    assert all(kind.value in message for kind in available_searchers())
    assert not Experiment.objects.exists()


def test_an_unknown_algorithm_is_refused_by_name(
    as_alice: object, dataset: object, django_capture_on_commit_callbacks: object
) -> None:
    response = _create(as_alice, django_capture_on_commit_callbacks, dataset,
                       algorithms=["linear", "deep-magic"])
    assert response.status_code == 400
    assert "deep-magic" in response.json()["algorithms"][0]
    assert not Experiment.objects.exists()


def test_an_algorithm_too_slow_for_the_data_size_is_refused_by_name(
    as_alice: object, dataset: object, django_capture_on_commit_callbacks: object
) -> None:
    dataset.n_rows = 1_000_000  # the stored row count decides, as for a large upload
    dataset.save(update_fields=["n_rows"])
    response = _create(as_alice, django_capture_on_commit_callbacks, dataset, algorithms=["knn"])
    assert response.status_code == 400
    assert "'knn'" in response.json()["algorithms"][0]


@pytest.mark.parametrize(("folds", "expected"), [(1, 1), (3, 3)])
def test_the_validation_folds_decide_how_many_scores_a_trial_has(
    as_alice: object, dataset: object, queue: InProcessQueue,
    django_capture_on_commit_callbacks: object, folds: int, expected: int,
) -> None:
    body = _create(as_alice, django_capture_on_commit_callbacks, dataset,
                   validation_folds=folds, algorithms=["linear"], parallelism=1).json()
    _start(body["id"], queue)
    space = as_alice.get(f"/api/v1/experiments/{body['id']}/space/").json()
    assert space["validation_folds"] == folds and space["parallelism"] == 1
    _run_trials(queue, 1)
    trial = Experiment.objects.get(pk=body["id"]).trials.get(number=0)
    assert trial.state == "complete" and len(trial.fold_scores) == expected


@pytest.mark.parametrize("folds", [0, 11, "five"])
def test_validation_folds_out_of_range_are_refused(
    as_alice: object, dataset: object, django_capture_on_commit_callbacks: object,
    folds: object,
) -> None:
    response = _create(as_alice, django_capture_on_commit_callbacks, dataset,
                       validation_folds=folds)
    assert response.status_code == 400 and "validation_folds" in response.json()


# --- hand-written starting configurations --------------------------------------------------


def test_initial_configurations_are_the_first_trials_then_the_searcher_goes_on(
    as_alice: object, dataset: object, queue: InProcessQueue,
    django_capture_on_commit_callbacks: object,
) -> None:
    body = _create(as_alice, django_capture_on_commit_callbacks, dataset, parallelism=1,
                   algorithms=["linear", "knn"], initial_configurations=[KNN, LINEAR]).json()

    _start(body["id"], queue)
    _run_trials(queue, 3)

    trials = list(Experiment.objects.get(pk=body["id"]).trials.order_by("number"))
    assert [(t.algorithm, t.params) for t in trials[:2]] == [
        (KNN["algorithm"], KNN["params"]), (LINEAR["algorithm"], LINEAR["params"])]
    assert len(trials) >= 4  # then the portfolio and the searcher continue


@pytest.mark.parametrize(("params", "path", "shown"), [
    ({"C": "strong", "class_weight": "none"}, "params.C", "'strong'"),
    ({"C": 1e9, "class_weight": "none"}, "params.C", "1000000000.0"),
    ({"C": 1.0, "class_weight": "sometimes"}, "params.class_weight", "'sometimes'"),
])
def test_an_initial_configuration_outside_the_space_is_refused_naming_the_parameter(
    as_alice: object, dataset: object, django_capture_on_commit_callbacks: object,
    params: dict, path: str, shown: str,
) -> None:
    response = _create(as_alice, django_capture_on_commit_callbacks, dataset,
                       initial_configurations=[LINEAR, {"algorithm": "linear", "params": params}])
    assert response.status_code == 400
    message = response.json()[f"initial_configurations.1.{path}"][0]
    assert f"linear.{path.removeprefix('params.')}={shown}" in message
    assert not Experiment.objects.exists()


def test_an_initial_configuration_of_an_excluded_algorithm_is_refused(
    as_alice: object, dataset: object, django_capture_on_commit_callbacks: object
) -> None:
    response = _create(as_alice, django_capture_on_commit_callbacks, dataset,
                       algorithms=["linear"], initial_configurations=[KNN])
    assert response.status_code == 400
    assert "'knn'" in response.json()["initial_configurations.0.algorithm"][0]


# --- hand-written trials while the search runs ---------------------------------------------


@pytest.fixture
def running(as_alice: object, dataset: object, queue: InProcessQueue,
            django_capture_on_commit_callbacks: object) -> Experiment:
    body = _create(as_alice, django_capture_on_commit_callbacks, dataset,
                   algorithms=["linear", "knn"]).json()
    return _start(body["id"], queue)


@pytest.mark.parametrize(("params", "name", "shown"), [
    ({"n_neighbors": "seven", "weights": "uniform", "p": 2}, "n_neighbors", "'seven'"),
    ({"n_neighbors": 7.5, "weights": "uniform", "p": 2}, "n_neighbors", "7.5"),
    ({"n_neighbors": 1000, "weights": "uniform", "p": 2}, "n_neighbors", "1000"),
    ({"n_neighbors": 7, "weights": "uniform", "p": 3}, "p", "3"),
])
def test_a_hand_written_trial_of_wrong_type_or_out_of_range_is_refused_naming_the_parameter(
    as_alice: object, running: Experiment, queue: InProcessQueue, params: dict, name: str,
    shown: str,
) -> None:
    before = running.trials.count()
    response = as_alice.post(f"/api/v1/experiments/{running.pk}/trials/",
                             {"algorithm": "knn", "params": params}, format="json")
    assert response.status_code == 400
    assert f"knn.{name}={shown} is not allowed" in response.json()[f"params.{name}"][0]
    assert running.trials.count() == before


def test_a_hand_written_trial_is_queued_when_valid(as_alice: object, running: Experiment,
                                                   queue: InProcessQueue) -> None:
    with queue.capture(execute=True):
        response = as_alice.post(f"/api/v1/experiments/{running.pk}/trials/", KNN,
                                 format="json")
    assert response.status_code == 201, response.json()
    assert response.json()["params"] == KNN["params"]


# --- the space endpoints -------------------------------------------------------------------


def test_the_experiment_space_is_its_restricted_cash_space_with_the_searchers(
    as_alice: object, running: Experiment
) -> None:
    response = as_alice.get(f"/api/v1/experiments/{running.pk}/space/")
    assert response.status_code == 200
    body = response.json()
    assert list(body["space"]["families"]) == ["linear", "knn"]
    knn = {p["name"]: p for p in body["space"]["families"]["knn"]}
    assert knn["n_neighbors"] == {"type": "int", "name": "n_neighbors", "low": 1, "high": 100,
                                  "log": True}
    assert isinstance(knn["n_neighbors"]["low"], int)  # an integer bound stays an integer
    assert knn["p"]["choices"] == [1, 2]
    assert body["searcher"] == "gp-ei" and body["grid"] is None
    assert {s["name"] for s in body["searchers"]} == {
        *(k.value for k in available_searchers()), "manual"}
    assert all(s["description"] for s in body["searchers"])


def test_the_space_before_an_experiment_follows_task_and_algorithms(as_alice: object,
                                                                    dataset: object) -> None:
    response = as_alice.get("/api/v1/search-space/", {"task": "regression",
                                                      "algorithms": "lightgbm,linear",
                                                      "dataset": dataset.pk})
    assert response.status_code == 200, response.json()
    body = response.json()
    assert body["task"] == "regression" and list(body["space"]["families"]) == [
        "lightgbm", "linear"]
    assert "knn" in body["available_algorithms"]
    assert body["default_searcher"] == "gp-ei"


def test_the_space_endpoint_refuses_an_unknown_task_algorithm_or_searcher(
    as_alice: object
) -> None:
    for query, field in [({"task": "ranking"}, "task"),
                         ({"task": "binary", "algorithms": "linear,nope"}, "algorithms"),
                         ({"task": "binary", "searcher": "nope"}, "searcher")]:
        response = as_alice.get("/api/v1/search-space/", query)
        assert response.status_code == 400 and field in response.json(), query


@pytest.mark.skipif("grid" not in [k.value for k in available_searchers()],
                    reason="the grid searcher is not registered")
def test_the_grid_says_how_large_it_is_and_how_much_fits_in_the_budget(
    as_alice: object
) -> None:
    def grid(algorithms: str) -> dict:
        return as_alice.get("/api/v1/search-space/", {
            "task": "binary", "algorithms": algorithms, "searcher": "grid", "time_budget_s": 60,
            "parallelism": 1}).json()["grid"]

    large = grid("lightgbm")
    assert large["size"] > 30 and large["fits"] == 30  # 60 s at 2 s per small-data trial
    assert large["message"] == (f"{large['size']:,} configurations; about 30 fit in your "
                                "budget.")
    small = grid("knn")
    assert small["size"] < 30 and small["covers_all"] is True
    assert small["message"] == f"{small['size']} configurations; all fit in your budget."


def test_another_projects_experiment_space_is_not_found(bob: object,
                                                        running: Experiment) -> None:
    response = client_for(bob).get(f"/api/v1/experiments/{running.pk}/space/")
    assert response.status_code == 404


def test_a_viewer_reads_the_space_but_cannot_queue_a_trial(bob: object, running: Experiment,
                                                           dataset: object) -> None:
    add_member(dataset.project, bob, Role.VIEWER)
    client = client_for(bob)
    assert client.get(f"/api/v1/experiments/{running.pk}/space/").status_code == 200
    response = client.post(f"/api/v1/experiments/{running.pk}/trials/", KNN, format="json")
    assert response.status_code == 403


def test_another_users_dataset_cannot_shape_the_space(bob: object, dataset: object) -> None:
    response = client_for(bob).get("/api/v1/search-space/", {"task": "binary",
                                                             "dataset": dataset.pk})
    assert response.status_code == 400 and "dataset" in response.json()


@pytest.mark.skipif("mlp" not in FAMILIES, reason="the neural-network family is not registered")
def test_conditional_parameters_are_described_and_an_inactive_one_is_refused_by_name(
    as_alice: object, dataset: object, django_capture_on_commit_callbacks: object
) -> None:
    space = as_alice.get("/api/v1/search-space/", {"task": "binary", "algorithms": "mlp"}).json()
    params = {p["name"]: p for p in space["space"]["families"]["mlp"]}
    assert params["units_3"]["condition"] == {"parent": "n_layers", "values": [3]}
    assert "condition" not in params["n_layers"]

    one_layer = {name: p["choices"][0] if p["type"] == "cat" else p["low"]
                 for name, p in params.items() if "condition" not in p}
    one_layer |= {"n_layers": 1, "units_3": 32}
    response = _create(as_alice, django_capture_on_commit_callbacks, dataset,
                       algorithms=["mlp"],
                       initial_configurations=[{"algorithm": "mlp", "params": one_layer}])
    assert response.status_code == 400
    message = response.json()["initial_configurations.0.params.units_3"][0]
    assert "mlp.units_3 is only used when n_layers is 3" in message
