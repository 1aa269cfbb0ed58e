"""Response shapes of replays: the replay against its original, trial by trial."""

from __future__ import annotations

from rest_framework import serializers

from daria.experiments.replay import Verdict


class TrialComparisonSerializer(serializers.Serializer):
    """One original trial and its replay."""

    number = serializers.IntegerField(help_text="The original trial's number.")
    replay_number = serializers.IntegerField(help_text="The replay's trial that repeats it.")
    algorithm = serializers.CharField()
    original_score = serializers.FloatField()
    replayed_score = serializers.FloatField(allow_null=True)
    replayed_state = serializers.CharField(allow_null=True)
    difference = serializers.FloatField(allow_null=True,
                                        help_text="|replayed - original|, when both are known.")
    verdict = serializers.ChoiceField(choices=[v.value for v in Verdict])


class ReplayComparisonSerializer(serializers.Serializer):
    """A replay and how many of its original's trials it reproduced within ``tolerance``."""

    replay = serializers.IntegerField()
    original = serializers.IntegerField(allow_null=True,
                                        help_text="Null once the original was deleted.")
    status = serializers.CharField()
    finished = serializers.BooleanField()
    tolerance = serializers.FloatField()
    dataset_sha256 = serializers.CharField(allow_blank=True)
    total = serializers.IntegerField()
    reproduced = serializers.IntegerField()
    differs = serializers.IntegerField()
    pending = serializers.IntegerField()
    not_run = serializers.IntegerField()
    all_reproduced = serializers.BooleanField()
    trials = TrialComparisonSerializer(many=True)
