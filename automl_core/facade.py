"""The AutoML facade: one object for notebooks, the CLI and tests.

``fit`` checks the target, builds the CASH space, warm-starts the searcher with the user's
configurations and the portfolio (only the user's with ``searcher="manual"``), runs the ask/tell
loop under a hard time budget, selects an ensemble over out-of-fold predictions and refits the
chosen members on all rows (boosting with the round count found in cross-validation), all within
``time_budget_s``.
"""

from __future__ import annotations

import math
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any, cast

import numpy as np
import pandas as pd
from threadpoolctl import threadpool_limits

from automl_core.callbacks import TrialCallback
from automl_core.data.column_types import ColumnKind
from automl_core.data.profile import profile_frame
from automl_core.data.splits import default_n_folds, make_folds
from automl_core.data.target import prepare_target
from automl_core.data.task import Task
from automl_core.diagnostics.oof import ensemble_oof
from automl_core.ensemble.selection import blend_or_first, select_ensemble
from automl_core.evaluation.cv import PreparedData
from automl_core.evaluation.metrics import METRICS, MetricName, get_metric
from automl_core.evaluation.runner import TrialRunner
from automl_core.exceptions import (
    ConfigError,
    DataWarning,
    NotFittedError,
    PredictionInputError,
    SearchFailed,
)
from automl_core.persistence import load_state, save_state
from automl_core.pipelines.family import FitContext
from automl_core.pipelines.model import EnsembleModel, FittedPipeline
from automl_core.pipelines.preprocessing import TabularPreprocessor
from automl_core.pipelines.registry import cash_space, get_family, portfolio
from automl_core.search.loop import run_search
from automl_core.search.manual import (
    MANUAL_SEARCH,
    ConfigurationLike,
    check_manual_plan,
    starting_configurations,
)
from automl_core.search.registry import DEFAULT_SEARCHER, SearcherKind, make_searcher
from automl_core.search.trial import TrialRecord, TrialState
from automl_core.storage import InMemoryTrialStore, TrialStore

REFIT_SAFETY = 1.3  # refits on all rows take longer than a fold; keep this much headroom
MIN_BUDGET_S = 1.0
RESERVE_MEMBERS = 3
TRIAL_SHARE = 0.2  # one trial grows its models for at most this share of the budget
# The memory of the final ensemble's forests together (what they hold, plus the bound of the next
# one): one forest at its full 64 MiB and one half as large, or several small ones. The best
# member is always kept.
ENSEMBLE_MODEL_BYTES = 96 * 2**20


class AutoML:
    """Search, ensemble and refit a model for one table and target within a time budget."""

    def __init__(self, task: Task | str | None = None, metric: MetricName | str | None = None,
                 time_budget_s: float = 60, searcher: str = DEFAULT_SEARCHER.value, seed: int = 0,
                 n_jobs: int = 1, n_folds: int | None = None,
                 callbacks: Sequence[TrialCallback] = (), algorithms: list[str] | None = None,
                 store: TrialStore | None = None,
                 column_kinds: dict[str, ColumnKind | str] | None = None,
                 configurations: Sequence[ConfigurationLike] = ()) -> None:
        if time_budget_s < MIN_BUDGET_S:
            raise ConfigError("budget_too_small", f"The time budget must be at least "
                              f"{MIN_BUDGET_S} s, got {time_budget_s}.",
                              {"time_budget_s": time_budget_s})
        try:
            self.task = Task(task) if task not in (None, "auto") else None
        except ValueError:
            raise ConfigError("unknown_task", f"Unknown task '{task}'; choose auto, binary, "
                              "multiclass or regression.", {"task": str(task)}) from None
        self.metric = metric
        self.time_budget_s = float(time_budget_s)
        check_manual_plan(searcher, configurations)
        self.searcher = searcher
        # Hand-written configurations (``{"algorithm": ..., "params": {...}}``), tried first.
        self.configurations = list(configurations)
        self.seed = seed
        self.n_jobs = n_jobs
        self.n_folds = n_folds
        self.callbacks = list(callbacks)
        self.algorithms = algorithms
        self.store = store if store is not None else InMemoryTrialStore()
        self.column_kinds = dict(column_kinds or {})
        self.warnings: list[DataWarning] = []
        self.cancelled = False

    # ----------------------------------------------------------------------------- fitting
    def fit(self, frame: pd.DataFrame, target: str) -> AutoML:
        """Search for the best model of ``target``; raises TargetError for an unlearnable one."""
        started = time.monotonic()
        deadline = started + self.time_budget_s
        n_folds = self.n_folds or default_n_folds(len(frame))
        prepared = prepare_target(frame, target, self.task, n_folds)
        self.task, self.target = prepared.task, target
        self.task_reason = prepared.task_reason
        metric = get_metric(self.metric, prepared.task)
        self.metric = metric.name
        profile = profile_frame(prepared.features, self.column_kinds)
        self.warnings = prepared.warnings + profile.warnings
        self.kinds_ = profile.kinds()
        self.feature_names = [str(c) for c in prepared.features.columns]
        self.classes_ = list(prepared.classes) if prepared.task.is_classification else None
        n_classes = len(prepared.classes)
        folds = make_folds(prepared.y, prepared.task, prepared.n_folds, self.seed)
        data = PreparedData(prepared.features, prepared.y, self.kinds_, folds, prepared.task,
                            n_classes)
        space = cash_space(prepared.task, len(prepared.y), self.algorithms)
        starting = starting_configurations(space, self.configurations)
        manual = self.searcher == MANUAL_SEARCH
        # Manual search: the random searcher only hands out the enqueued configurations, since
        # the loop stops after as many trials.
        searcher = make_searcher(SearcherKind.RANDOM if manual else self.searcher, space,
                                 self.seed, minimize=not metric.greater_is_better)
        for config in [*starting, *([] if manual else portfolio(space, prepared.task))]:
            searcher.enqueue(config)

        def search_deadline() -> float:
            return deadline - self._refit_reserve(data)

        runner = TrialRunner(data, metric, self.seed, self.n_jobs, search_deadline,
                             trial_budget_s=TRIAL_SHARE * self.time_budget_s)

        def loop_deadline() -> float:
            end = search_deadline()
            if runner.cheapest_duration(space.algorithms) > end - time.monotonic():
                return 0.0  # nothing left that can finish in time
            return end

        self.cancelled = run_search(searcher, runner, self.store, loop_deadline, self.callbacks,
                                    max_trials=len(starting) if manual else None)
        self._finish(runner, data, metric, prepared.features, prepared.y, deadline)
        self.fit_time_s_ = time.monotonic() - started
        return self

    def _refit_reserve(self, data: PreparedData) -> float:
        """Seconds to keep for refitting the likely ensemble members on all rows."""
        top = self._ranked()[:RESERVE_MEMBERS]
        return sum(_refit_estimate(r, data) for r in top) + 0.2 if top else 0.0

    def _finish(self, runner: TrialRunner, data: PreparedData, metric: Any,
                features: pd.DataFrame, y: np.ndarray, deadline: float) -> None:
        best = self._best_or_none()
        if best is None:
            raise SearchFailed("no_successful_trial", "No trial finished within the time "
                               "budget; increase the budget or check the data.",
                               {"trials": len(self.store.all())})
        rows = data.oof_rows
        candidates = {n: p[rows] for n, p in runner.predictions.items()}
        selection = select_ensemble(candidates, data.y[rows], metric)
        # The best single trial first: if time runs out, the ensemble still contains it.
        order = sorted(selection.weights,
                       key=lambda n: (n != best.number, -selection.weights[n]))
        members: list[FittedPipeline] = []
        kept: dict[int, int] = {}  # trial number -> weight of the members actually refit
        held_bytes = 0  # the memory of the large (forest) members refit so far
        for number in order:
            record = self.store.get(number)
            if members and time.monotonic() + _refit_estimate(record, data) > deadline:
                continue  # no time left to refit this member; the others carry the ensemble
            bound = _model_bytes(record, len(y), len(self.classes_ or ()))
            if members and bound and held_bytes + bound > ENSEMBLE_MODEL_BYTES:
                continue  # one more large forest might not fit in memory; the others carry it
            members.append(self._refit(record, features, y, deadline))
            held_bytes += _fitted_bytes(members[-1])
            kept[number] = selection.weights[number]
        kept = blend_or_first(kept, runner.predictions, rows, data.y, metric)
        members = members[:len(kept)]  # in the order of ``kept``: all of them, or the first
        self.model_ = EnsembleModel(members, [float(w) for w in kept.values()])
        self.ensemble_ = kept
        blend = ensemble_oof(runner.predictions, kept, rows)
        self.metrics_ = {name.value: m.score(data.y[rows], blend)
                         for name, m in METRICS.items() if data.task in m.tasks}

    def _refit(self, record: TrialRecord, features: pd.DataFrame, y: np.ndarray,
               deadline: float) -> FittedPipeline:
        family = get_family(record.algorithm)
        n_classes = len(self.classes_ or ())
        pre = TabularPreprocessor(self.kinds_, family.encoding).fit(features)
        # Members are only refit when their expected time fits (see _finish); the deadline only
        # stops boosting or tree growing of a refit that runs far slower than its folds did,
        # because the budget is a promise to the user. Boosting refits every row with the
        # rounds found in cross-validation rather than early-stopping on a held-back split.
        context = FitContext(self._task(), n_classes, self.seed, self.n_jobs, deadline,
                             pre.categorical_indices_, rounds=record.refit_rounds)
        with threadpool_limits(limits=self.n_jobs):
            estimator = family.fit(family.build(record.params, context),
                                   pre.transform(features), y, context)
        return FittedPipeline(pre, estimator, self._task(), n_classes, record.algorithm)

    # -------------------------------------------------------------------------- results
    @property
    def best_trial(self) -> TrialRecord:
        """The completed trial with the best score."""
        best = self._best_or_none()
        if best is None:
            raise NotFittedError("not_fitted", "No trial has completed yet: call fit first.")
        return best

    def _best_or_none(self) -> TrialRecord | None:
        ranked = self._ranked()
        return ranked[0] if ranked else None

    def _ranked(self) -> list[TrialRecord]:
        """Completed full-fidelity trials, best first (Hyperband's cheaper trials only guide)."""
        complete = [r for r in self.store.all()
                    if r.state is TrialState.COMPLETE and r.config.fidelity >= 1.0]
        metric = get_metric(self.metric, self._task())
        return sorted(complete, key=lambda r: (r.loss(metric.greater_is_better), r.number))

    def leaderboard(self) -> pd.DataFrame:
        """One row per trial, best first; lower-fidelity trials after the full ones, then failed,
        cut and skipped trials."""
        records = self.store.all()
        metric = get_metric(self.metric, self._task()) if self.task else None
        ensemble = getattr(self, "ensemble_", {})
        rows = [{
            "number": r.number, "state": r.state.value, "algorithm": r.algorithm,
            "score": r.score, "fold_std": float(np.std(r.fold_scores)) if r.fold_scores else None,
            "fit_time_s": r.fit_time_s, "predict_time_s": r.predict_time_s,
            "ensemble_weight": ensemble.get(r.number, 0), "params": dict(r.params),
            "error": r.error, "fidelity": r.config.fidelity,
        } for r in records]
        frame = pd.DataFrame(rows, columns=["number", "state", "algorithm", "score", "fold_std",
                                            "fit_time_s", "predict_time_s", "ensemble_weight",
                                            "params", "error", "fidelity"])
        if metric is not None and len(frame):
            order = sorted(records, key=lambda r: _board_rank(r, metric.greater_is_better))
            frame = frame.set_index("number").loc[[r.number for r in order]].reset_index()
        return frame

    def explain(self) -> pd.DataFrame:
        """Native feature importances of the best refitted member (normalised to sum to 1)."""
        member = self._model().members[0]
        names = member.preprocessor.get_feature_names_out()
        estimator = member.estimator
        if hasattr(estimator, "feature_importances_"):
            values = np.asarray(estimator.feature_importances_, dtype=float)
        elif hasattr(estimator, "coef_"):
            values = np.abs(np.atleast_2d(estimator.coef_)).mean(axis=0)
        else:
            values = np.full(len(names), np.nan)
        total = np.nansum(values)
        frame = pd.DataFrame({"feature": names, "importance": values / total if total else values})
        return frame.sort_values("importance", ascending=False, ignore_index=True)

    # ----------------------------------------------------------------------- prediction
    def check_prediction_frame(self, frame: pd.DataFrame) -> list[DataWarning]:
        """Match columns by name: missing ones raise, extra ones are ignored, new values warn."""
        model = self._model()
        required = _required_columns(model)
        missing = [c for c in required if c not in frame.columns]
        if missing:
            raise PredictionInputError(
                "missing_columns", f"Missing column(s) the model needs: {', '.join(missing)}.",
                {"columns": missing})
        found: list[DataWarning] = []
        unseen: dict[str, list[str]] = {}
        for member in model.members:
            for column, values in member.preprocessor.unseen_categories(frame).items():
                unseen.setdefault(column, sorted(set(values)))
        if unseen:
            detail = "; ".join(f"{c}: {', '.join(v[:5])}" for c, v in unseen.items())
            found.append(DataWarning(
                "unseen_categories", f"Some values are new categories never seen in training "
                f"(unseen values are treated as unknown): {detail}.", tuple(unseen),
                {"values": unseen}))
        return found

    def predict_proba(self, frame: pd.DataFrame) -> pd.DataFrame:
        """One probability column per class (named by the label as a string), input row order."""
        if not self._task().is_classification:
            raise ConfigError("not_classification", "predict_proba needs a classification model.")
        proba = self._raw(frame)
        return pd.DataFrame(proba, columns=[str(c) for c in self.classes_ or ()],
                            index=frame.index)

    def predict(self, frame: pd.DataFrame) -> np.ndarray:
        """Labels (classification) or values (regression), in input row order."""
        raw = self._raw(frame)
        if self._task().is_classification:
            return cast(np.ndarray, np.asarray(self.classes_, dtype=object)[np.argmax(raw, axis=1)])
        return raw

    def _raw(self, frame: pd.DataFrame) -> np.ndarray:
        self.check_prediction_frame(frame)
        aligned = frame.reindex(columns=self.feature_names)
        return self._model().predict_raw(aligned)

    def _model(self) -> EnsembleModel:
        model: EnsembleModel | None = getattr(self, "model_", None)
        if model is None:
            raise NotFittedError("not_fitted", "The model is not fitted: call fit first.")
        return model

    def _task(self) -> Task:
        if self.task is None:
            raise NotFittedError("not_fitted", "The model is not fitted: call fit first.")
        return self.task

    # ---------------------------------------------------------------------- persistence
    def save(self, path: str | Path) -> None:
        """Save the fitted model (skops format, never pickle)."""
        state = {
            "format": 1, "task": self._task().value, "metric": str(self.metric),
            "target": self.target, "classes": self.classes_, "feature_names": self.feature_names,
            "kinds": {k: v.value for k, v in self.kinds_.items()}, "model": self._model(),
            "ensemble": {str(k): v for k, v in self.ensemble_.items()},
            "metrics": self.metrics_, "seed": self.seed,
            "trials": [r.to_dict() for r in self.store.all()],
        }
        save_state(state, path)

    @classmethod
    def load(cls, path: str | Path) -> AutoML:
        """Load a model saved by :meth:`save`; only trusted types are accepted."""
        state = load_state(path)
        automl = cls(task=state["task"], metric=state["metric"], seed=state["seed"])
        automl.target = state["target"]
        automl.classes_ = state["classes"]
        automl.feature_names = list(state["feature_names"])
        automl.kinds_ = {k: ColumnKind(v) for k, v in state["kinds"].items()}
        automl.model_ = state["model"]
        automl.ensemble_ = {int(k): v for k, v in state["ensemble"].items()}
        automl.metrics_ = dict(state["metrics"])
        for record in state["trials"]:
            automl.store.add(TrialRecord.from_dict(record))
        return automl


def _board_rank(record: TrialRecord, greater_is_better: bool) -> tuple[int, float, int]:
    """Leaderboard order: full-fidelity scores, then lower-fidelity ones, then the rest."""
    loss = record.loss(greater_is_better)
    group = 2 if math.isinf(loss) else 0 if record.config.fidelity >= 1.0 else 1
    return group, loss, record.number


def _model_bytes(record: TrialRecord, n_rows: int, n_classes: int) -> int:
    """Upper bound of the memory of ``record``'s model refit on ``n_rows`` (0 when unbounded:
    families whose models stay small next to the data)."""
    bound = get_family(record.algorithm).model_bytes
    return bound(record.params, n_rows, n_classes) if bound else 0


def _fitted_bytes(member: FittedPipeline) -> int:
    """The memory of a refit member's model, for families that bound it (else 0)."""
    measure = get_family(member.algorithm).fitted_bytes
    return measure(member.estimator, member.n_classes) if measure else 0


def _refit_estimate(record: TrialRecord, data: PreparedData) -> float:
    """Expected seconds to refit ``record`` on all rows: a fold's fit, scaled up by row count."""
    per_fold = record.fit_time_s / max(len(data.folds), 1)
    rows_factor = len(data.y) / max(len(data.folds[0][0]), 1)
    return REFIT_SAFETY * per_fold * rows_factor


def _required_columns(model: EnsembleModel) -> list[str]:
    required: dict[str, None] = {}
    for member in model.members:
        pre = member.preprocessor
        for name in [*pre.numeric_, *pre.boolean_, *pre.datetime_, *pre.categories_,
                     *pre.frequencies_]:
            required[str(name)] = None
    return list(required)
