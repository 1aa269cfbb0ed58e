"""Request and response shapes of experiments and trials."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from automl_core.data import Task
from automl_core.evaluation.metrics import MetricName
from daria.datasets.messages import translate_task_reason_fields
from daria.datasets.models import Dataset
from daria.datasets.services import datasets_for
from daria.experiments import eta, search_options
from daria.experiments.models import Experiment, Trial, full_fidelity
from daria.experiments.waiting import queue_position
from daria.lib.engine_messages import ERRORS, render

MIN_TIME_BUDGET_S = 10
MAX_PARALLELISM = 16
# Cross-validation folds a user may ask for (1 is an 80/20 holdout).
MAX_VALIDATION_FOLDS = 10
MAX_INITIAL_CONFIGURATIONS = 50


class ProposalIncumbentSerializer(serializers.Serializer):
    """The best trial when a configuration was proposed."""

    number = serializers.IntegerField(read_only=True)
    algorithm = serializers.CharField(read_only=True)
    score = serializers.FloatField(read_only=True, allow_null=True)


class TrialProposalSerializer(serializers.Serializer):
    """Why the search proposed a trial's configuration ("why this trial").

    Numbers are in the experiment's metric units; each is null when it does not apply to the
    source (see ``automl_core.search.explanation``).
    """

    source = serializers.CharField(
        read_only=True, help_text="manual, portfolio, replay, initial_design, model, random, "
        "promotion, or the searcher's own name (grid, evolution, hyperband, bohb, ...).")
    searcher = serializers.CharField(read_only=True, allow_null=True)
    fidelity = serializers.FloatField(read_only=True, allow_null=True,
                                      help_text="Share of training rows, when below 1.")
    promoted_from = serializers.IntegerField(read_only=True, allow_null=True)
    original_trial = serializers.IntegerField(read_only=True, allow_null=True,
                                              help_text="The trial a replay repeats.")
    predicted_score = serializers.FloatField(read_only=True, allow_null=True)
    predicted_std = serializers.FloatField(read_only=True, allow_null=True)
    expected_improvement = serializers.FloatField(read_only=True, allow_null=True)
    acquisition = serializers.FloatField(read_only=True, allow_null=True)
    acquisition_kind = serializers.CharField(
        read_only=True, allow_null=True,
        help_text="ei, pi, ucb (log EI, log PI, -LCB on the model's scale) or tpe (log l/g).")
    incumbent = ProposalIncumbentSerializer(read_only=True, allow_null=True)


class TrialSerializer(serializers.ModelSerializer):
    """One finished trial, as shown in the leaderboard."""

    fold_scores = serializers.ListField(
        child=serializers.FloatField(allow_null=True), read_only=True
    )
    params = serializers.DictField(read_only=True)
    # Only finished trials are listed, so this is always set (queued rows have none yet).
    finished_at = serializers.DateTimeField(read_only=True)
    proposal = serializers.SerializerMethodField()

    class Meta:
        model = Trial
        fields = ["number", "state", "algorithm", "params", "score", "fold_scores",
                  "fit_time_s", "predict_time_s", "error", "finished_at", "proposal", "worker"]
        # Output only: read-only fields are required in the schema, as every trial sends them.
        read_only_fields = fields

    @extend_schema_field(TrialProposalSerializer(allow_null=True))
    def get_proposal(self, trial: Trial) -> dict[str, Any] | None:
        """Why the trial was proposed; null for trials queued before it was kept."""
        return dict(TrialProposalSerializer(trial.proposal).data) if trial.proposal else None


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
    task_reason = serializers.SerializerMethodField()
    queue_position = serializers.SerializerMethodField()
    expected_finish_at = serializers.SerializerMethodField()
    algorithms = serializers.ListField(child=serializers.CharField(), read_only=True)

    class Meta:
        model = Experiment
        fields = ["id", "project", "dataset", "target", "task", "task_reason", "metric",
                  "greater_is_better", "time_budget_s", "status", "queue_position",
                  "cancel_requested", "progress", "n_trials", "best", "model", "error",
                  "searcher", "algorithms", "validation_folds", "parallelism", "replay_of",
                  "created_at", "started_at", "finished_at", "paused_s", "paused_at",
                  "finalizing", "expected_finish_at"]
        read_only_fields = fields

    @extend_schema_field(BestTrialSerializer(allow_null=True))
    def get_best(self, experiment: Experiment) -> dict[str, Any] | None:
        order = "-score" if experiment.greater_is_better else "score"
        completed = experiment.trials.filter(state="complete", score__isnull=False)
        return (full_fidelity(completed).order_by(order, "number")
                .values("number", "algorithm", "score").first())

    @extend_schema_field(serializers.IntegerField(allow_null=True))
    def get_model(self, experiment: Experiment) -> int | None:
        model = getattr(experiment, "model", None)
        return model.pk if model is not None else None

    @extend_schema_field(serializers.IntegerField(allow_null=True))
    def get_queue_position(self, experiment: Experiment) -> int | None:
        """1 for the creator's next waiting experiment to start; null unless it is waiting."""
        return queue_position(experiment)

    @extend_schema_field(serializers.DateTimeField(allow_null=True))
    def get_expected_finish_at(self, experiment: Experiment) -> str | None:
        """When a running search is expected to finish (see eta.py); null otherwise."""
        finish = eta.expected_finish(experiment)
        return None if finish is None else serializers.DateTimeField().to_representation(finish)

    def get_error(self, experiment: Experiment) -> str:
        return render(ERRORS.get(experiment.error_code), experiment.error, experiment.error_params)

    def get_task_reason(self, experiment: Experiment) -> str:
        """Why the target means the task, in the reader's language."""
        return translate_task_reason_fields(experiment.task_reason_code, experiment.task_reason,
                                            experiment.task_reason_params)


class HandWrittenTrialSerializer(serializers.Serializer):
    """A configuration to queue as the next trial: a family and all its hyperparameters."""

    algorithm = serializers.CharField()
    params = serializers.DictField()


class ExperimentCreateSerializer(serializers.Serializer):
    """What starting a search needs: the dataset and target; the rest has defaults."""

    dataset = serializers.PrimaryKeyRelatedField(queryset=Dataset.objects.none())
    target = serializers.CharField()
    task = serializers.ChoiceField(choices=[t.value for t in Task], required=False)
    metric = serializers.ChoiceField(choices=[m.value for m in MetricName], required=False)
    time_budget_s = serializers.IntegerField(
        min_value=MIN_TIME_BUDGET_S, max_value=settings.DARIA_MAX_TIME_BUDGET_S, default=60
    )
    searcher = serializers.CharField(
        default=search_options.DEFAULT_SEARCHER.value,
        help_text="How configurations are proposed; GET /api/v1/search-space/ lists the choices.")
    algorithms = serializers.ListField(
        child=serializers.CharField(), default=list,
        help_text="Families the search may use; empty means every family that suits the data.")
    validation_folds = serializers.IntegerField(
        min_value=1, max_value=MAX_VALIDATION_FOLDS, required=False, allow_null=True,
        default=None, help_text="Cross-validation folds (1 is an 80/20 holdout); null chooses "
        "by data size.")
    parallelism = serializers.IntegerField(min_value=1, max_value=MAX_PARALLELISM, default=2)
    initial_configurations = serializers.ListField(
        child=HandWrittenTrialSerializer(), default=list, max_length=MAX_INITIAL_CONFIGURATIONS,
        help_text="Hand-written configurations evaluated first; then the searcher continues.")

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
        try:
            attrs["algorithms"] = search_options.check_algorithms(attrs["algorithms"],
                                                                  attrs["dataset"].n_rows)
        except serializers.ValidationError as error:
            raise serializers.ValidationError({"algorithms": error.detail}) from None
        return attrs

    def validate_searcher(self, value: str) -> str:
        return search_options.check_searcher(value)


class ExtendBudgetSerializer(serializers.Serializer):
    """How many seconds to add to a running search's time budget."""

    seconds = serializers.IntegerField(min_value=1, max_value=settings.DARIA_MAX_TIME_BUDGET_S)


class QueuedTrialSerializer(serializers.ModelSerializer):
    """A trial just queued (it joins the leaderboard when it finishes)."""

    params = serializers.DictField(read_only=True)

    class Meta:
        model = Trial
        fields = ["number", "state", "algorithm", "params"]
        read_only_fields = fields


class SpaceConditionSerializer(serializers.Serializer):
    """A parameter is used only when the earlier parameter ``parent`` takes one of ``values``."""

    parent = serializers.CharField()
    values = serializers.ListField(child=serializers.JSONField())


@extend_schema_field(OpenApiTypes.NUMBER)
class NumberField(serializers.FloatField):
    """A number shown as it is stored: an integer bound stays an integer (``16``, not ``16.0``)."""

    def to_representation(self, value: int | float) -> int | float:
        return value


class SpaceParamSerializer(serializers.Serializer):
    """One hyperparameter: a float or int range (``log`` for a log scale) or categorical
    ``choices``; ``condition`` when it is used only for some values of an earlier one."""

    type = serializers.ChoiceField(choices=["float", "int", "cat"])
    name = serializers.CharField()
    low = NumberField(required=False)
    high = NumberField(required=False)
    log = serializers.BooleanField(required=False)
    choices = serializers.ListField(child=serializers.JSONField(), required=False)
    condition = SpaceConditionSerializer(required=False)


class SpaceSerializer(serializers.Serializer):
    """The CASH space: each algorithm family with its hyperparameters in order."""

    families = serializers.DictField(child=serializers.ListField(child=SpaceParamSerializer()))


class SearcherOptionSerializer(serializers.Serializer):
    """A search method and one line on what it does."""

    name = serializers.CharField()
    description = serializers.CharField()


class GridSummarySerializer(serializers.Serializer):
    """How large the grid is and about how much of it fits in the budget."""

    size = serializers.IntegerField()
    fits = serializers.IntegerField(allow_null=True)
    covers_all = serializers.BooleanField()
    message = serializers.CharField()


class SearchDescriptionSerializer(serializers.Serializer):
    """The search space and the choices a search form offers."""

    task = serializers.CharField()
    available_algorithms = serializers.ListField(child=serializers.CharField())
    space = SpaceSerializer()
    searchers = SearcherOptionSerializer(many=True)
    default_searcher = serializers.CharField()
    searcher = serializers.CharField()
    parallelism = serializers.IntegerField()
    validation_folds = serializers.IntegerField(allow_null=True)
    grid = GridSummarySerializer(allow_null=True)


class SearchSpaceQuerySerializer(serializers.Serializer):
    """What the space of a search not yet started depends on."""

    task = serializers.ChoiceField(choices=[t.value for t in Task])
    dataset = serializers.PrimaryKeyRelatedField(queryset=Dataset.objects.none(), required=False)
    algorithms = serializers.CharField(required=False, default="",
                                       help_text="Comma-separated family names.")
    searcher = serializers.CharField(default=search_options.DEFAULT_SEARCHER.value)
    time_budget_s = serializers.IntegerField(min_value=1, required=False)
    parallelism = serializers.IntegerField(min_value=1, max_value=MAX_PARALLELISM, default=2)

    def get_fields(self) -> dict[str, serializers.Field]:
        fields = super().get_fields()
        request = self.context.get("request")
        fields["dataset"].queryset = datasets_for(request.user if request else AnonymousUser())
        return fields

    def validate_searcher(self, value: str) -> str:
        return search_options.check_searcher(value)

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        dataset = attrs.get("dataset")
        attrs["n_rows"] = dataset.n_rows if dataset is not None else 0
        names = [n.strip() for n in attrs["algorithms"].split(",") if n.strip()]
        try:
            attrs["algorithms"] = search_options.check_algorithms(names, attrs["n_rows"])
        except serializers.ValidationError as error:
            raise serializers.ValidationError({"algorithms": error.detail}) from None
        return attrs
