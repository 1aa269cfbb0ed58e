"""Trial records: what was tried, and how it went. Immutable, with an explicit state."""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from types import MappingProxyType
from typing import Any

from automl_core.search.space import Configuration, JsonScalar


class TrialState(StrEnum):
    """The life cycle of a trial. Only COMPLETE trials carry a score."""

    QUEUED = "queued"
    RUNNING = "running"
    COMPLETE = "complete"
    FAILED = "failed"
    TIMEOUT = "timeout"
    PRUNED = "pruned"
    CANCELLED = "cancelled"

    @property
    def is_finished(self) -> bool:
        """Whether the trial will not change any more."""
        return self not in (TrialState.QUEUED, TrialState.RUNNING)


@dataclass(frozen=True)
class TrialRecord:
    """One evaluated configuration.

    ``score`` is the metric in its natural direction (higher AUC is better, lower RMSE is better);
    use :meth:`loss` to get a value where lower is always better. ``metrics`` holds every metric
    of the task on the same out-of-fold predictions (the chosen one included), for comparison.
    """

    number: int
    state: TrialState
    algorithm: str
    params: Mapping[str, JsonScalar] = field(default_factory=dict)
    score: float | None = None
    fold_scores: tuple[float, ...] = ()
    fit_time_s: float = 0.0
    predict_time_s: float = 0.0
    error: str | None = None
    refit_rounds: int | None = None  # boosting rounds found in CV, for the refit on all rows
    metrics: Mapping[str, float] = field(default_factory=dict)
    predict_time_per_1000_s: float | None = None
    model_size_bytes: int | None = None  # the last fold's fitted pipeline, pickled

    def __post_init__(self) -> None:
        object.__setattr__(self, "state", TrialState(self.state))
        object.__setattr__(self, "params", MappingProxyType(dict(self.params)))
        object.__setattr__(self, "metrics", MappingProxyType(
            {str(name): float(value) for name, value in self.metrics.items()}))
        object.__setattr__(self, "fold_scores", tuple(float(s) for s in self.fold_scores))
        if self.state is TrialState.COMPLETE and (self.score is None or math.isnan(self.score)):
            raise ValueError(f"trial {self.number}: a COMPLETE trial needs a score")

    @property
    def config(self) -> Configuration:
        """The configuration this trial evaluated."""
        return Configuration(self.algorithm, dict(self.params))

    def loss(self, greater_is_better: bool) -> float:
        """The score turned into "lower is better"; ``inf`` for trials without a score."""
        if self.score is None or self.state is not TrialState.COMPLETE:
            return math.inf
        return -self.score if greater_is_better else self.score

    def to_dict(self) -> dict[str, Any]:
        """A JSON-able description."""
        return {
            "number": self.number, "state": self.state.value, "algorithm": self.algorithm,
            "params": dict(self.params), "score": self.score,
            "fold_scores": list(self.fold_scores), "fit_time_s": self.fit_time_s,
            "predict_time_s": self.predict_time_s, "error": self.error,
            "refit_rounds": self.refit_rounds, "metrics": dict(self.metrics),
            "predict_time_per_1000_s": self.predict_time_per_1000_s,
            "model_size_bytes": self.model_size_bytes,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> TrialRecord:
        """Rebuild from :meth:`to_dict` output."""
        return cls(
            number=int(data["number"]), state=TrialState(data["state"]),
            algorithm=str(data["algorithm"]), params=dict(data.get("params", {})),
            score=data.get("score"), fold_scores=tuple(data.get("fold_scores", ())),
            fit_time_s=float(data.get("fit_time_s", 0.0)),
            predict_time_s=float(data.get("predict_time_s", 0.0)), error=data.get("error"),
            refit_rounds=data.get("refit_rounds"), metrics=dict(data.get("metrics") or {}),
            predict_time_per_1000_s=data.get("predict_time_per_1000_s"),
            model_size_bytes=data.get("model_size_bytes"),
        )
