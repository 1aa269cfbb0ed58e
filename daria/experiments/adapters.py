"""The engine's TrialStore port implemented with the ORM: the finished trials of one experiment."""

from __future__ import annotations

import io
import math
from typing import Any

import numpy as np
from django.db import IntegrityError, transaction
from django.utils import timezone

from automl_core.search.space import Configuration
from automl_core.search.trial import TrialRecord, TrialState
from automl_core.storage import DuplicateTrialError
from daria.experiments.models import Trial


def trial_record(trial: Trial) -> TrialRecord:
    """The engine's record of a finished trial row (stored NULL scores come back as NaN)."""
    return TrialRecord(
        number=trial.number, state=TrialState(trial.state), algorithm=trial.algorithm,
        params=trial.params, score=trial.score,
        fold_scores=tuple(math.nan if s is None else s for s in trial.fold_scores),
        fit_time_s=trial.fit_time_s, predict_time_s=trial.predict_time_s,
        error=trial.error or None, refit_rounds=trial.refit_rounds, metrics=trial.metrics,
        predict_time_per_1000_s=trial.predict_time_per_1000_s,
        model_size_bytes=trial.model_size_bytes,
    )


def measurements(record: TrialRecord) -> dict[str, Any]:
    """The trial's other metrics, prediction time per 1,000 rows and model size as Trial
    fields (metrics that are not finite are left out: JSON has no NaN)."""
    return {
        "metrics": {name: value for name, value in record.metrics.items()
                    if math.isfinite(value)},
        "predict_time_per_1000_s": record.predict_time_per_1000_s,
        "model_size_bytes": record.model_size_bytes,
    }


def trial_config(trial: Trial) -> Configuration:
    """The configuration a trial row evaluates (finished or not)."""
    return Configuration(trial.algorithm, dict(trial.params))


class DatabaseTrialStore:
    """Finished trials of one experiment; queued and running rows are not part of the history,
    but their numbers are taken."""

    def __init__(self, experiment_id: int) -> None:
        self.experiment_id = experiment_id

    def _finished(self):  # noqa: ANN202 - a QuerySet of Trial
        return (Trial.objects.filter(experiment_id=self.experiment_id)
                .exclude(state__in=Trial.PENDING).order_by("number"))

    def add(self, record: TrialRecord) -> None:
        """Store a finished trial; a number may be stored only once."""
        try:
            with transaction.atomic():
                Trial.objects.create(
                    experiment_id=self.experiment_id, number=record.number,
                    state=str(record.state), algorithm=record.algorithm,
                    params=dict(record.params), score=record.score,
                    fold_scores=list(record.fold_scores), fit_time_s=record.fit_time_s,
                    predict_time_s=record.predict_time_s, error=record.error or "",
                    refit_rounds=record.refit_rounds, finished_at=timezone.now(),
                    **measurements(record),
                )
        except IntegrityError:
            raise DuplicateTrialError(f"trial {record.number} is already stored") from None

    def get(self, number: int) -> TrialRecord:
        """The finished trial with ``number``; KeyError if there is none."""
        trial = self._finished().filter(number=number).first()
        if trial is None:
            raise KeyError(number)
        return trial_record(trial)

    def all(self) -> list[TrialRecord]:
        """Every finished trial, ordered by number."""
        return [trial_record(t) for t in self._finished()]

    def after(self, number: int) -> list[TrialRecord]:
        """Finished trials with a number greater than ``number``, ordered by number."""
        return [trial_record(t) for t in self._finished().filter(number__gt=number)]

    def next_number(self) -> int:
        """The number after every trial row, pending ones included (their numbers are taken)."""
        numbers = Trial.objects.filter(experiment_id=self.experiment_id).values_list(
            "number", flat=True)
        return max(numbers, default=-1) + 1


def encode_predictions(predictions: np.ndarray) -> bytes:
    """Out-of-fold predictions as ``.npy`` bytes (plain floats, no pickle)."""
    buffer = io.BytesIO()
    np.save(buffer, np.asarray(predictions, dtype=np.float64), allow_pickle=False)
    return buffer.getvalue()


def decode_predictions(data: bytes | memoryview) -> np.ndarray:
    """The array :func:`encode_predictions` stored; refuses pickled objects."""
    return np.load(io.BytesIO(bytes(data)), allow_pickle=False)
