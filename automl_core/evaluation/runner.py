"""The trial runner: turns a configuration into a TrialRecord, within the time budget.

It skips a configuration whose family has been too slow to finish in the time left, turns an
evaluation that overruns into a TIMEOUT trial and any error into a FAILED trial (traceback kept),
and keeps the out-of-fold predictions of the best trials for ensemble selection.
"""

from __future__ import annotations

import statistics
import time
import traceback
from collections import defaultdict
from collections.abc import Callable

import numpy as np

from automl_core.evaluation.cv import PreparedData, TrialTimeout, evaluate
from automl_core.evaluation.metrics import Metric
from automl_core.search.space import Configuration
from automl_core.search.trial import TrialRecord, TrialState

KEEP_PREDICTIONS = 20  # out-of-fold predictions kept for ensemble selection
SKIPPED = "skipped: it would not finish within the time budget"


class TrialRunner:
    """Evaluate configurations against one prepared dataset before a deadline.

    ``deadline`` returns a monotonic time and is re-read for every trial, because the time kept
    for the final refit grows as better (and slower) trials are found. ``trial_budget_s`` caps how
    long one trial's models grow (see :func:`evaluate`).
    """

    def __init__(self, data: PreparedData, metric: Metric, seed: int, n_jobs: int,
                 deadline: Callable[[], float], trial_budget_s: float | None = None) -> None:
        self.data = data
        self.trial_budget_s = trial_budget_s
        self.metric = metric
        self.seed = seed
        self.n_jobs = n_jobs
        self.deadline = deadline
        self.predictions: dict[int, np.ndarray] = {}
        self._losses: dict[int, float] = {}
        self._durations: dict[str, list[float]] = defaultdict(list)

    def __call__(self, number: int, config: Configuration) -> TrialRecord:
        """Evaluate ``config`` as trial ``number``."""
        deadline = self.deadline()
        if time.monotonic() + self.expected_duration(config.algorithm,
                                                     config.fidelity) > deadline:
            return TrialRecord(number, TrialState.PRUNED, config.algorithm, config.params,
                               error=SKIPPED)
        started = time.monotonic()
        try:
            result = evaluate(config, self.data, self.metric, self.seed, self.n_jobs, deadline,
                              self._trial_budget(config))
        except TrialTimeout as timeout:
            self._durations[config.algorithm].append(
                (time.monotonic() - started) / config.fidelity)
            return TrialRecord(number, TrialState.TIMEOUT, config.algorithm, config.params,
                               fit_time_s=time.monotonic() - started,
                               error=f"cut at the time budget: {timeout}")
        except Exception:  # noqa: BLE001 - any error of one configuration is that trial's failure
            return TrialRecord(number, TrialState.FAILED, config.algorithm, config.params,
                               fit_time_s=time.monotonic() - started,
                               error=traceback.format_exc(limit=20))
        self._durations[config.algorithm].append(
            (result.fit_time_s + result.predict_time_s) / config.fidelity)
        if not np.isfinite(result.score):
            return TrialRecord(number, TrialState.FAILED, config.algorithm, config.params,
                               error=f"the score is not finite ({result.score})")
        if config.fidelity >= 1.0:  # only full-fidelity trials may join the ensemble
            self._keep(number, result.oof, self.metric.loss(result.score))
        return TrialRecord(number, TrialState.COMPLETE, config.algorithm, config.params,
                           result.score, result.fold_scores, result.fit_time_s,
                           result.predict_time_s, refit_rounds=result.refit_rounds,
                           metrics=result.metrics,
                           predict_time_per_1000_s=result.predict_time_per_1000_s,
                           model_size_bytes=result.model_size_bytes)

    def expected_duration(self, algorithm: str, fidelity: float = 1.0) -> float:
        """The median duration of this family's evaluations so far (0 when none yet).

        Durations are kept per unit of fidelity (a trial on a third of the rows counts three
        times its time), which over- rather than underestimates a full trial.
        """
        durations = self._durations.get(algorithm)
        return fidelity * statistics.median(durations) if durations else 0.0

    def _trial_budget(self, config: Configuration) -> float | None:
        """The growth cap of ``config``'s trial: a low-fidelity trial gets its share of it, or
        families that grow until the cap (forests, boosting, networks) would cost as much on a
        ninth of the rows as on all of them."""
        if self.trial_budget_s is None:
            return None
        return self.trial_budget_s * config.fidelity

    def cheapest_duration(self, algorithms: tuple[str, ...]) -> float:
        """The smallest expected duration among ``algorithms``."""
        return min((self.expected_duration(a) for a in algorithms), default=0.0)

    def _keep(self, number: int, oof: np.ndarray, loss: float) -> None:
        self.predictions[number] = oof
        self._losses[number] = loss
        if len(self.predictions) > KEEP_PREDICTIONS:
            worst = max(self._losses, key=self._losses.__getitem__)
            del self.predictions[worst], self._losses[worst]
