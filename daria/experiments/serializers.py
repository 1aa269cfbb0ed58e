"""Request and response shapes of experiments and trials."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from automl_core.data import Task
from automl_core.evaluation.metrics import MetricName
from daria.datasets.models import Dataset
from daria.datasets.services import datasets_for
from daria.experiments.models import Experiment, Trial
from daria.lib.engine_messages import ERRORS, render

MIN_TIME_BUDGET_S = 10


class TrialSerializer(serializers.ModelSerializer):
    """One finished trial, as shown in the leaderboard."""

    fold_scores = serializers.ListField(
        child=serializers.FloatField(allow_null=True), read_only=True
    )
    params = serializers.DictField(read_only=True)
    # Only finished trials are listed, so this is always set (queued rows have none yet).
    finished_at = serializers.DateTimeField(read_only=True)

    class Meta:
        model = Trial
        fields = ["number", "state", "algorithm", "params", "score", "fold_scores",
                  "fit_time_s", "predict_time_s", "error", "finished_at"]
        # Output only: read-only fields are required in the schema, as every trial sends them.
        read_only_fields = fields


def trial_payload(trial: Trial) -> dict[str, Any]:
    """The JSON a trial is announced with: the same shape the trials endpoint returns."""
    return dict(TrialSerializer(trial).data)


class BestTrialSerializer(serializers.Serializer):
    """The best trial so far."""

    number = serializers.IntegerField()
    algorithm = serializers.CharField()
    score = serializers.FloatField()


class ExperimentSerializer(serializers.ModelSerializer):
    """An experiment with its progress, best trial and final model."""

    n_trials = serializers.IntegerField(read_only=True, default=0)
    best = serializers.SerializerMethodField()
    model = serializers.SerializerMethodField()
    error = serializers.SerializerMethodField()

    class Meta:
        model = Experiment
        fields = ["id", "project", "dataset", "target", "task", "task_reason", "metric",
                  "greater_is_better", "time_budget_s", "status", "cancel_requested", "progress",
                  "n_trials", "best", "model", "error", "created_at", "started_at", "finished_at"]
        read_only_fields = fields

    @extend_schema_field(BestTrialSerializer(allow_null=True))
    def get_best(self, experiment: Experiment) -> dict[str, Any] | None:
        order = "-score" if experiment.greater_is_better else "score"
        return (experiment.trials.filter(state="complete", score__isnull=False)
                .order_by(order, "number").values("number", "algorithm", "score").first())

    @extend_schema_field(serializers.IntegerField(allow_null=True))
    def get_model(self, experiment: Experiment) -> int | None:
        model = getattr(experiment, "model", None)
        return model.pk if model is not None else None

    def get_error(self, experiment: Experiment) -> str:
        return render(ERRORS.get(experiment.error_code), experiment.error, experiment.error_params)


class ExperimentCreateSerializer(serializers.Serializer):
    """What starting a search needs: the dataset and target; the rest has defaults."""

    dataset = serializers.PrimaryKeyRelatedField(queryset=Dataset.objects.none())
    target = serializers.CharField()
    task = serializers.ChoiceField(choices=[t.value for t in Task], required=False)
    metric = serializers.ChoiceField(choices=[m.value for m in MetricName], required=False)
    time_budget_s = serializers.IntegerField(
        min_value=MIN_TIME_BUDGET_S, max_value=settings.DARIA_MAX_TIME_BUDGET_S, default=60
    )

    def get_fields(self) -> dict[str, serializers.Field]:
        fields = super().get_fields()
        request = self.context.get("request")
        user = request.user if request else AnonymousUser()
        # Only the caller's datasets can be chosen; others look like ids that do not exist.
        fields["dataset"].queryset = datasets_for(user)
        return fields

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        names = set(attrs["dataset"].columns.values_list("name", flat=True))
        if attrs["target"] not in names:
            raise serializers.ValidationError(
                {"target": _("The dataset has no column named '%(target)s'.")
                 % {"target": attrs["target"]}}
            )
        return attrs


class ExtendBudgetSerializer(serializers.Serializer):
    """How many seconds to add to a running search's time budget."""

    seconds = serializers.IntegerField(min_value=1, max_value=settings.DARIA_MAX_TIME_BUDGET_S)


class HandWrittenTrialSerializer(serializers.Serializer):
    """A configuration to queue as the next trial: a family and all its hyperparameters."""

    algorithm = serializers.CharField()
    params = serializers.DictField()


class QueuedTrialSerializer(serializers.ModelSerializer):
    """A trial just queued (it joins the leaderboard when it finishes)."""

    params = serializers.DictField(read_only=True)

    class Meta:
        model = Trial
        fields = ["number", "state", "algorithm", "params"]
        read_only_fields = fields
