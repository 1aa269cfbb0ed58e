"""The leaderboard of an experiment: filtered, sorted and paginated in the database.

Each row carries the fold mean and spread and whether a paired test on the fold scores cannot
tell the trial apart from the best trial (only the best trial is compared against, so a page
costs one extra query however many trials the experiment has). The trial indexes serve each
sort key. For a finished experiment the count, the best trial, the algorithms, the order of the
trial ids for each sort and filter, and each page's rows are computed once per process
(finished_cache): a new page is then one lookup of its rows by id, a page read again costs no
query on the trials (the reader's access to the experiment is still checked on every request).
"""

from __future__ import annotations

from array import array
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from django.db.models import F, QuerySet
from django.db.models.fields.files import FieldFile
from django.http import Http404

from automl_core.analysis.stats import summarize_folds, tied_with_best
from daria.accounts.services import AnyUser, projects_for
from daria.experiments.models import Experiment, Trial, full_fidelity
from daria.leaderboard.finished_cache import remembered, remembered_order, remembered_rows

# What a sort key orders by in the database.
SORT_FIELDS = {"score": "score", "fit_time": "fit_time_s", "predict_time": "predict_time_s",
               "number": "number", "algorithm": "algorithm"}
FINISHED_STATES = ("complete", "failed", "timeout", "pruned", "cancelled")
DEFAULT_PAGE_SIZE = 50
MAX_PAGE_SIZE = 500
_ROW_FIELDS = ("number", "state", "algorithm", "params", "score", "fold_scores", "fit_time_s",
               "predict_time_s", "error", "metrics", "predict_time_per_1000_s", "model_size_bytes")
# What the leaderboard reads of the experiment: finished_cache's key, the metric, the dataset's
# row count and the final model's row.
_EXPERIMENT_FIELDS = ("metric", "greater_is_better", "status", "created_at", "event_seq",
                      "dataset__n_rows", "model__algorithm", "model__score", "model__metrics",
                      "model__file")


@dataclass(frozen=True)
class LeaderboardQuery:
    """Which trials to show and in which order.

    ``descending`` None means the natural order: best score first for ``score`` (by the
    metric's direction), ascending for every other key.
    """

    sort: str = "score"
    descending: bool | None = None
    algorithms: tuple[str, ...] = ()
    states: tuple[str, ...] = ()
    score_min: float | None = None
    score_max: float | None = None


@dataclass(frozen=True)
class BestTrial:
    """What every row is compared with."""

    number: int
    fold_scores: list[float | None]


def readable_experiment(user: AnyUser, experiment_id: int) -> Experiment:
    """One of the user's experiments with its dataset and final model, or 404.

    Like ``experiments.services.get_experiment`` (same membership rule), without counting the
    experiment's trials, which a leaderboard request does not need and which costs a scan of
    every trial on each page.
    """
    # The dataset's preview rows and the model's training reference can be large and a page
    # needs neither.
    return _readable(user, experiment_id,
                     lambda experiments: experiments.defer("dataset__preview",
                                                           "model__training_reference"))


def leaderboard_experiment(user: AnyUser, experiment_id: int) -> Experiment:
    """``readable_experiment`` with only the columns a leaderboard page or export reads (the
    same membership rule, 404 alike); building and reading the experiment's, dataset's and
    model's 60-odd other columns was a good part of a page's CPU time."""
    return _readable(user, experiment_id,
                     lambda experiments: experiments.only(*_EXPERIMENT_FIELDS))


def _readable(user: AnyUser, experiment_id: int,
              narrow: Callable[[QuerySet[Experiment]], QuerySet[Experiment]]) -> Experiment:
    """The experiment, with its dataset and model, if it is in one of the user's projects, else
    404; ``narrow`` picks the columns read."""
    experiments = (Experiment.objects.filter(project__in=projects_for(user))
                   .select_related("dataset", "model"))
    try:
        return narrow(experiments).get(pk=experiment_id)
    except Experiment.DoesNotExist:
        raise Http404("No such experiment.") from None


def is_descending(query: LeaderboardQuery, experiment: Experiment) -> bool:
    """Whether the query's sort runs from high to low."""
    if query.descending is not None:
        return query.descending
    return query.sort == "score" and experiment.greater_is_better


def filtered_trials(experiment: Experiment, query: LeaderboardQuery) -> QuerySet[Trial]:
    """The experiment's finished trials matching the filters, in the query's order (trials
    without a score last, ties by number)."""
    trials = Trial.objects.filter(experiment=experiment, state__in=FINISHED_STATES)
    if query.algorithms:
        trials = trials.filter(algorithm__in=query.algorithms)
    if query.states:
        trials = trials.filter(state__in=query.states)
    if query.score_min is not None:
        trials = trials.filter(score__gte=query.score_min)
    if query.score_max is not None:
        trials = trials.filter(score__lte=query.score_max)
    name = SORT_FIELDS[query.sort]
    field = F(name)
    # NULLS LAST only where a column has nulls: on a NOT NULL column it changes nothing but
    # keeps PostgreSQL from reading the trial index backwards for a descending sort.
    nulls_last = True if Trial._meta.get_field(name).null else None
    order = (field.desc(nulls_last=nulls_last) if is_descending(query, experiment)
             else field.asc(nulls_last=nulls_last))
    return trials.order_by(order, "number")


def best_trial(experiment: Experiment) -> BestTrial | None:
    """The completed trial with the best score (lowest number among equals), or None."""
    return remembered(experiment, ("best",), lambda: _best_trial(experiment))


def _best_trial(experiment: Experiment) -> BestTrial | None:
    # NULLS LAST changes nothing here (no null scores) but matches the leaderboard's indexes.
    order = (F("score").desc(nulls_last=True) if experiment.greater_is_better
             else F("score").asc(nulls_last=True))
    completed = Trial.objects.filter(experiment=experiment, state="complete",
                                     score__isnull=False)
    best = (full_fidelity(completed).order_by(order, "number")
            .values("number", "fold_scores").first())
    return BestTrial(best["number"], best["fold_scores"]) if best else None


def algorithms_tried(experiment: Experiment) -> list[str]:
    """Every algorithm the experiment's finished trials used, sorted (the filter's choices)."""
    return list(remembered(experiment, ("algorithms",), lambda: tuple(
        Trial.objects.filter(experiment=experiment, state__in=FINISHED_STATES)
        .order_by("algorithm").values_list("algorithm", flat=True).distinct())))


def trial_count(experiment: Experiment, query: LeaderboardQuery) -> int:
    """How many trials the query's filters select (its sort does not matter)."""
    filters = (query.algorithms, query.states, query.score_min, query.score_max)
    return remembered(experiment, ("count", *filters),
                      lambda: filtered_trials(experiment, query).count())


def trial_row(values: dict[str, Any], experiment: Experiment, best: BestTrial | None,
              n_rows: int) -> dict[str, Any]:
    """One leaderboard row from a trial's stored values."""
    folds = summarize_folds(values["fold_scores"])
    is_best = best is not None and values["number"] == best.number
    tied = None
    if best is not None and values["state"] == "complete":
        tied = True if is_best else tied_with_best(best.fold_scores, values["fold_scores"])
    score = values["score"]
    return {
        "kind": "trial", "number": values["number"], "state": values["state"],
        "algorithm": values["algorithm"], "params": values["params"], "score": score,
        "metrics": trial_metrics(values["metrics"], experiment.metric, score),
        "fold_mean": folds.mean, "fold_std": folds.std, "n_folds": len(values["fold_scores"]),
        "fit_time_s": values["fit_time_s"],
        "predict_time_per_1000_s": (values["predict_time_per_1000_s"]
                                    if values["predict_time_per_1000_s"] is not None
                                    else per_thousand_rows(values["predict_time_s"], n_rows)),
        "model_size_bytes": values["model_size_bytes"], "is_best": is_best,
        "tied_with_best": tied,
        "error": values["error"],
    }


def trial_metrics(stored: dict[str, float], chosen: str, score: float | None
                  ) -> dict[str, float]:
    """Every metric of a trial, the chosen one being its score (trials stored before the other
    metrics were measured have the chosen one only)."""
    metrics = dict(stored)
    if score is not None:
        metrics[chosen] = score
    return metrics


def per_thousand_rows(seconds: float | None, n_rows: int) -> float | None:
    """Out-of-fold prediction time scaled to 1,000 rows (each row is predicted once in CV); for
    trials stored before the engine measured it."""
    if seconds is None or n_rows <= 0:
        return None
    return seconds / n_rows * 1000


def ensemble_row(experiment: Experiment) -> dict[str, Any] | None:
    """The final model as a row (metrics of its out-of-fold blend), or None before it exists."""
    model = getattr(experiment, "model", None)
    if model is None:
        return None
    metrics = dict(model.metrics)
    return {
        "kind": "ensemble", "number": None, "state": "complete", "algorithm": model.algorithm,
        "params": {}, "score": metrics.get(experiment.metric, model.score), "metrics": metrics,
        "fold_mean": None, "fold_std": None, "n_folds": 0, "fit_time_s": None,
        "predict_time_per_1000_s": None, "model_size_bytes": _file_size(model.file),
        "is_best": False, "tied_with_best": None, "error": "",
    }


def _file_size(file: FieldFile) -> int | None:
    try:
        return file.size
    except OSError:  # a missing file (FileNotFoundError) on any storage
        return None


def leaderboard_page(experiment: Experiment, query: LeaderboardQuery, page: int,
                     page_size: int) -> dict[str, Any]:
    """One page of the leaderboard, with the total count, the best trial and the final model.

    A page past the end is empty (its ``count`` says how many rows there are), so a shared
    link to page 7 still answers after filters shrink the list.
    """
    count = trial_count(experiment, query)
    best = best_trial(experiment)
    key = ("rows", experiment.dataset.n_rows, query, page, page_size)
    rows = remembered_rows(experiment, key,
                           lambda: _page_rows(experiment, query, best, page, page_size))
    return {
        "count": count, "page": page, "page_size": page_size,
        "num_pages": max(1, -(-count // page_size)), "metric": experiment.metric,
        "greater_is_better": experiment.greater_is_better, "sort": query.sort,
        "descending": is_descending(query, experiment),
        "best_number": best.number if best else None, "ensemble": ensemble_row(experiment),
        "algorithms": algorithms_tried(experiment), "results": rows,
    }


def _page_rows(experiment: Experiment, query: LeaderboardQuery, best: BestTrial | None,
               page: int, page_size: int) -> tuple[dict[str, Any], ...]:
    start = (page - 1) * page_size
    if experiment.is_finished:
        ids = trial_order(experiment, query)[start:start + page_size]
        found = {values["pk"]: values
                 for values in Trial.objects.filter(pk__in=ids).values("pk", *_ROW_FIELDS)}
        # An id may be gone if the experiment was deleted since it was looked up.
        page_values: Iterable[dict[str, Any]] = [found[pk] for pk in ids if pk in found]
    else:
        page_values = filtered_trials(experiment, query)[start:start + page_size].values(
            *_ROW_FIELDS)
    n_rows = experiment.dataset.n_rows
    return tuple(trial_row(values, experiment, best, n_rows) for values in page_values)


def trial_order(experiment: Experiment, query: LeaderboardQuery) -> array[int]:
    """The ids of the trials the query selects, in its order; read once per process for a
    finished experiment, so that a deep page is a lookup of its rows by id instead of a sort of
    every trial."""
    return remembered_order(experiment, ("order", query), lambda: array(
        "q", filtered_trials(experiment, query).values_list("pk", flat=True)))


def all_rows(experiment: Experiment, query: LeaderboardQuery) -> Iterator[dict[str, Any]]:
    """Every row the query selects (the final model first), for exports."""
    ensemble = ensemble_row(experiment)
    if ensemble is not None:
        yield ensemble
    best = best_trial(experiment)
    n_rows = experiment.dataset.n_rows
    for values in filtered_trials(experiment, query).values(*_ROW_FIELDS).iterator(2000):
        yield trial_row(values, experiment, best, n_rows)
