"""Experiments and trials. The database is the truth: a trial is committed, then announced."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from automl_core.search.registry import DEFAULT_SEARCHER
from automl_core.search.space import FIDELITY
from daria.accounts.models import Project
from daria.datasets.models import Dataset


class Experiment(models.Model):
    """One AutoML search over a dataset for a target, within a time budget."""

    class Status(models.TextChoices):
        # Beyond the creator's concurrent-experiment quota: starts when a slot frees.
        WAITING = "waiting", "waiting"
        QUEUED = "queued", "queued"
        RUNNING = "running", "running"
        PAUSED = "paused", "paused"
        SUCCEEDED = "succeeded", "succeeded"
        FAILED = "failed", "failed"
        CANCELLED = "cancelled", "cancelled"

    FINISHED = frozenset({Status.SUCCEEDED, Status.FAILED, Status.CANCELLED})

    project = models.ForeignKey(Project, on_delete=models.CASCADE, related_name="experiments")
    dataset = models.ForeignKey(Dataset, on_delete=models.CASCADE, related_name="experiments")
    target = models.TextField()
    task = models.CharField(max_length=16)
    # Why the target means the task: the English text, plus the engine's reason code and params
    # to translate it on read (empty in rows stored before they were kept: the text is shown).
    task_reason = models.TextField(blank=True)
    task_reason_code = models.CharField(max_length=64, blank=True)
    task_reason_params = models.JSONField(default=dict, blank=True)
    metric = models.CharField(max_length=32)
    greater_is_better = models.BooleanField()
    time_budget_s = models.PositiveIntegerField()
    seed = models.IntegerField(default=0)
    # The dataset's column settings when the experiment was created: every worker of the search
    # must see the same features even if the user edits the dataset meanwhile.
    excluded_columns = models.JSONField(default=list, blank=True)
    column_kinds = models.JSONField(default=dict, blank=True)
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.QUEUED)
    # Set by a cancel while running; running trials see it within a second (heartbeat.py).
    cancel_requested = models.BooleanField(default=False)
    # The budget clock stops while paused: seconds spent paused so far, and since when.
    paused_s = models.FloatField(default=0.0)
    paused_at = models.DateTimeField(null=True, blank=True)
    progress = models.FloatField(default=0.0)
    # Why it failed: the English text, plus the engine's code and params to translate it on read.
    error = models.TextField(blank=True)
    error_code = models.CharField(max_length=64, blank=True)
    error_params = models.JSONField(default=dict, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    # The live stream's cursor: every committed change of a trial or of the status takes the next
    # number under this row's lock, so numbers grow in commit order even with parallel trials
    # (trial numbers do not: trial 5 may finish before trial 4).
    event_seq = models.PositiveBigIntegerField(default=0)
    status_seq = models.PositiveBigIntegerField(default=0)
    # How many trials may run at once (one Celery task each, on any worker).
    parallelism = models.PositiveSmallIntegerField(default=2)
    # How the search proposes configurations: a SearcherKind value, or "manual" (manual.py).
    searcher = models.CharField(max_length=32, default=DEFAULT_SEARCHER.value)
    # The families the search may use; empty means every family that suits the task and data.
    algorithms = models.JSONField(default=list, blank=True)
    # Cross-validation folds (1 is an 80/20 holdout); null lets the engine choose by data size.
    validation_folds = models.PositiveSmallIntegerField(null=True, blank=True)
    # Hand-written configurations ({algorithm, params}) evaluated first, then the searcher goes on.
    initial_configurations = models.JSONField(default=list, blank=True)
    # Set once, under the row lock, by the scheduling step that enqueues the finalizing task:
    # exactly one task builds the ensemble however many trials finish at the same moment.
    finalizing = models.BooleanField(default=False)
    # When the finalizing task was last sent: an experiment still running long after it may have
    # lost that message (a Redis restart, a worker that died in it), and it is sent again.
    finalize_sent_at = models.DateTimeField(null=True, blank=True)
    # Building the final model: how many times a worker started it, and that worker's heartbeat.
    # A build whose heartbeat stops is started again, up to a limit (recovery.py).
    finalize_attempts = models.PositiveSmallIntegerField(default=0)
    finalize_heartbeat_at = models.DateTimeField(null=True, blank=True)
    # The SHA-256 of the dataset file when the experiment was created: a replay refuses a file
    # that changed since (empty for experiments created before it was recorded).
    dataset_sha256 = models.CharField(max_length=64, blank=True)
    # A replay re-runs another experiment's completed trials, in order, deterministically
    # (replay.py). ``replay_plan[i]`` is the original trial ({number, score}) that trial ``i``
    # repeats, with the configuration in ``initial_configurations[i]``: a copy, so the
    # comparison survives the original's deletion.
    replay_of = models.ForeignKey("self", on_delete=models.SET_NULL, null=True, blank=True,
                                  related_name="replays")
    replay_plan = models.JSONField(default=list, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]

    def __str__(self) -> str:
        return f"{self.target} on {self.dataset}"

    @property
    def is_finished(self) -> bool:
        """Whether the experiment will not change any more."""
        return self.status in self.FINISHED


class Trial(models.Model):
    """One configuration of an experiment: queued, running, then finished in one final state.

    The row is inserted when the configuration is scheduled, so that its number is taken once
    (unique per experiment) and a rebuilt searcher knows it is pending.
    """

    QUEUED = "queued"
    RUNNING = "running"
    PENDING = frozenset({QUEUED, RUNNING})

    experiment = models.ForeignKey(Experiment, on_delete=models.CASCADE, related_name="trials")
    number = models.PositiveIntegerField()
    state = models.CharField(max_length=16)
    algorithm = models.CharField(max_length=64)
    params = models.JSONField(default=dict)
    score = models.FloatField(null=True, blank=True)
    fold_scores = models.JSONField(default=list)
    fit_time_s = models.FloatField(default=0.0)
    predict_time_s = models.FloatField(default=0.0)
    # Boosting rounds found in cross-validation: the final refit on all rows uses them.
    refit_rounds = models.PositiveIntegerField(null=True, blank=True)
    # Every metric of the task on the out-of-fold predictions ({name: value}, the chosen one
    # included), the prediction time per 1,000 rows and the pickled size of the fitted pipeline.
    # Empty and null in trials stored before they were measured: the leaderboard shows a dash.
    metrics = models.JSONField(default=dict, blank=True)
    predict_time_per_1000_s = models.FloatField(null=True, blank=True)
    model_size_bytes = models.PositiveBigIntegerField(null=True, blank=True)
    error = models.TextField(blank=True)
    # When its task was last sent: a trial queued for long may have lost its message (a Redis
    # restart), and is sent again (a second delivery is harmless: only one worker claims it).
    enqueued_at = models.DateTimeField(null=True, blank=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)
    # A running trial's worker touches this every few seconds; when it stops, the worker is lost.
    heartbeat_at = models.DateTimeField(null=True, blank=True)
    # How many times a worker started this trial: a lost trial is run once more, then failed.
    attempts = models.PositiveSmallIntegerField(default=0)
    # The Celery worker's hostname that last started it (empty in trials run before it was
    # kept, or run outside a worker): the experiment page's timeline of trials per worker.
    worker = models.CharField(max_length=255, blank=True)
    # The experiment's event sequence number of this trial's latest change (see Experiment).
    seq = models.PositiveBigIntegerField(default=0)
    # Why the search proposed this configuration ("why this trial"): the engine's JSON
    # explanation (automl_core.search.explanation), set when the trial is queued; empty in
    # trials queued before it was kept.
    proposal = models.JSONField(default=dict, blank=True)

    class Meta:
        ordering = ["experiment", "number"]
        constraints = [
            models.UniqueConstraint(fields=["experiment", "number"], name="one_trial_per_number")
        ]
        # The leaderboard's sort keys (daria.leaderboard.services), so that a page of an
        # experiment with thousands of trials is read from an index instead of sorting them all.
        # Best score first keeps unscored trials last (DESC NULLS LAST), which SQLite cannot
        # index: migration 0011 adds that index on PostgreSQL only.
        indexes = [
            models.Index(fields=["experiment", "score", "number"], name="trial_score_idx"),
            models.Index(fields=["experiment", "fit_time_s", "number"],
                         name="trial_fit_time_idx"),
            models.Index(fields=["experiment", "predict_time_s", "number"],
                         name="trial_predict_time_idx"),
            models.Index(fields=["experiment", "algorithm", "number"],
                         name="trial_algorithm_idx"),
        ]

    def __str__(self) -> str:
        return f"trial {self.number} ({self.algorithm}, {self.state})"

    @property
    def is_pending(self) -> bool:
        """Whether the trial is still waiting or running."""
        return self.state in self.PENDING


def full_fidelity(trials: models.QuerySet[Trial]) -> models.QuerySet[Trial]:
    """The trials run on all training rows: Hyperband and BOHB also run some on a share of
    them (the reserved ``fidelity`` parameter), which never count as the best."""
    return trials.exclude(params__has_key=FIDELITY)


class TrialPredictions(models.Model):
    """A completed trial's out-of-fold predictions (``numpy.save`` bytes, never pickle).

    Kept only for the best trials: the finalizing task selects the ensemble from them.
    """

    trial = models.OneToOneField(Trial, on_delete=models.CASCADE, related_name="predictions")
    data = models.BinaryField()

    def __str__(self) -> str:
        return f"predictions of {self.trial}"
