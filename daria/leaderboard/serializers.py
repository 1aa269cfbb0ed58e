"""Request and response shapes of the leaderboard, diagnostics and comparison."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _
from rest_framework import serializers

from daria.leaderboard.services import (
    DEFAULT_PAGE_SIZE,
    FINISHED_STATES,
    MAX_PAGE_SIZE,
    SORT_FIELDS,
    LeaderboardQuery,
)


class CommaListField(serializers.CharField):
    """Comma-separated values (``a,b``) as a tuple; empty items are ignored."""

    def to_internal_value(self, data: Any) -> tuple[str, ...]:
        text = super().to_internal_value(data)
        return tuple(part.strip() for part in text.split(",") if part.strip())


class LeaderboardFilterSerializer(serializers.Serializer):
    """Filters and sort of the leaderboard and of its export."""

    sort = serializers.ChoiceField(choices=list(SORT_FIELDS), default="score")
    order = serializers.ChoiceField(
        choices=["asc", "desc"], required=False,
        help_text="Default: best first for score, ascending for the other keys.")
    algorithm = CommaListField(required=False, help_text="Algorithms, comma-separated.")
    state = CommaListField(required=False, help_text="Trial states, comma-separated.")
    score_min = serializers.FloatField(required=False)
    score_max = serializers.FloatField(required=False)

    def validate_state(self, states: tuple[str, ...]) -> tuple[str, ...]:
        unknown = [state for state in states if state not in FINISHED_STATES]
        if unknown:
            raise serializers.ValidationError(
                _("Unknown state '%(state)s'; choose among: %(states)s.")
                % {"state": unknown[0][:40], "states": ", ".join(FINISHED_STATES)})
        return states

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        low, high = attrs.get("score_min"), attrs.get("score_max")
        if low is not None and high is not None and low > high:
            raise serializers.ValidationError(
                {"score_min": [_("The lowest score must not be above the highest.")]})
        return attrs

    def to_query(self) -> LeaderboardQuery:
        """The validated filters as the service's query."""
        data = self.validated_data
        order = data.get("order")
        return LeaderboardQuery(
            sort=data["sort"], descending=None if order is None else order == "desc",
            algorithms=data.get("algorithm", ()), states=data.get("state", ()),
            score_min=data.get("score_min"), score_max=data.get("score_max"),
        )


class LeaderboardPageQuerySerializer(LeaderboardFilterSerializer):
    """Filters, sort and the page to show."""

    page = serializers.IntegerField(min_value=1, default=1)
    page_size = serializers.IntegerField(min_value=1, max_value=MAX_PAGE_SIZE,
                                         default=DEFAULT_PAGE_SIZE)


class LeaderboardExportQuerySerializer(LeaderboardFilterSerializer):
    """Filters, sort and the file format of an export."""

    file_format = serializers.ChoiceField(choices=["csv", "xlsx"], default="csv")


class LeaderboardRowSerializer(serializers.Serializer):
    """One trial, or the final model (``kind`` ensemble, ``number`` null)."""

    kind = serializers.ChoiceField(choices=["trial", "ensemble"])
    number = serializers.IntegerField(allow_null=True)
    state = serializers.CharField()
    algorithm = serializers.CharField()
    params = serializers.DictField()
    score = serializers.FloatField(allow_null=True)
    metrics = serializers.DictField(child=serializers.FloatField())
    fold_mean = serializers.FloatField(allow_null=True)
    fold_std = serializers.FloatField(allow_null=True)
    n_folds = serializers.IntegerField()
    fit_time_s = serializers.FloatField(allow_null=True)
    predict_time_per_1000_s = serializers.FloatField(allow_null=True)
    model_size_bytes = serializers.IntegerField(allow_null=True)
    is_best = serializers.BooleanField()
    tied_with_best = serializers.BooleanField(allow_null=True)
    error = serializers.CharField(allow_blank=True)


class LeaderboardPageSerializer(serializers.Serializer):
    """One page of the leaderboard."""

    count = serializers.IntegerField()
    page = serializers.IntegerField()
    page_size = serializers.IntegerField()
    num_pages = serializers.IntegerField()
    metric = serializers.CharField()
    greater_is_better = serializers.BooleanField()
    sort = serializers.CharField()
    descending = serializers.BooleanField()
    best_number = serializers.IntegerField(allow_null=True)
    ensemble = LeaderboardRowSerializer(allow_null=True)
    algorithms = serializers.ListField(child=serializers.CharField())
    results = LeaderboardRowSerializer(many=True)


class ChartTableSerializer(serializers.Serializer):
    """The chart's numbers as display strings."""

    columns = serializers.ListField(child=serializers.CharField())
    rows = serializers.ListField(child=serializers.ListField(
        child=serializers.CharField(allow_null=True)))


class ChartSerializer(serializers.Serializer):
    """A plotly figure (JSON) and the same numbers as a table."""

    figure = serializers.DictField()
    table = ChartTableSerializer()


class DiagnosticsAlgorithmSerializer(serializers.Serializer):
    """What can be drawn for one algorithm."""

    name = serializers.CharField()
    completed = serializers.IntegerField()
    params = serializers.ListField(child=serializers.CharField())
    importance_available = serializers.BooleanField()


class DiagnosticsIndexSerializer(serializers.Serializer):
    """The diagnostics charts of an experiment."""

    charts = serializers.ListField(child=serializers.CharField())
    algorithms = DiagnosticsAlgorithmSerializer(many=True)
    min_importance_trials = serializers.IntegerField()


class DiagnosticsChartQuerySerializer(serializers.Serializer):
    """The algorithm (and hyperparameter) a per-algorithm chart is drawn for."""

    algorithm = serializers.CharField(required=False)
    param = serializers.CharField(required=False)


class CompareQuerySerializer(serializers.Serializer):
    """The selections to compare."""

    trials = serializers.CharField(
        help_text="Comma-separated <experiment id>:<trial number> or <experiment id>:final; "
                  "the first is the reference.")


class CompareEntrySerializer(serializers.Serializer):
    """One compared trial or final model."""

    ref = serializers.CharField()
    experiment = serializers.IntegerField()
    number = serializers.IntegerField(allow_null=True)
    kind = serializers.ChoiceField(choices=["trial", "final"])
    label = serializers.CharField()
    algorithm = serializers.CharField()
    state = serializers.CharField()
    metric = serializers.CharField()
    target = serializers.CharField()
    fold_scores = serializers.ListField(child=serializers.FloatField(allow_null=True))
    fold_mean = serializers.FloatField(allow_null=True)
    fold_std = serializers.FloatField(allow_null=True)


class CompareParameterSerializer(serializers.Serializer):
    """One hyperparameter across the selections."""

    name = serializers.CharField()
    values = serializers.ListField(child=serializers.CharField(allow_null=True))
    differs = serializers.BooleanField()


class CompareMetricSerializer(serializers.Serializer):
    """One metric across the selections, with deltas from the first."""

    name = serializers.CharField()
    greater_is_better = serializers.BooleanField()
    values = serializers.ListField(child=serializers.FloatField(allow_null=True))
    deltas = serializers.ListField(child=serializers.FloatField(allow_null=True))
    better = serializers.ListField(child=serializers.BooleanField(allow_null=True))


class ComparePredictionsSerializer(serializers.Serializer):
    """Overlaid out-of-fold predictions; ``missing`` lists selections whose were not kept."""

    kind = serializers.ChoiceField(choices=["roc", "roc_ovr", "residuals"], allow_null=True,
                                   help_text="roc: binary; roc_ovr: multiclass, macro-averaged "
                                             "one-vs-rest; residuals: regression.")
    chart = ChartSerializer(allow_null=True)
    missing = serializers.ListField(child=serializers.CharField())


class CompareSerializer(serializers.Serializer):
    """A comparison of trials or final models."""

    entries = CompareEntrySerializer(many=True)
    parameters = CompareParameterSerializer(many=True)
    metrics = CompareMetricSerializer(many=True)
    fold_chart = ChartSerializer()
    predictions = ComparePredictionsSerializer()
