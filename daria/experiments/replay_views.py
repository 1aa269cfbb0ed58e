"""Replaying an experiment and comparing the replay with it. Views parse and delegate."""

from __future__ import annotations

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import status
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from daria.experiments import replay, services
from daria.experiments.replay_serializers import ReplayComparisonSerializer
from daria.experiments.serializers import ExperimentSerializer

_REFUSED = OpenApiResponse(OpenApiTypes.OBJECT, description="{detail, code}: "
                           "nothing_to_replay or dataset_changed")


class ExperimentReplayView(APIView):
    """Start a new experiment that re-runs this one's completed trials, in order, in
    deterministic mode (editors and owners)."""

    @extend_schema(request=None, responses={201: ExperimentSerializer, 409: _REFUSED})
    def post(self, request: Request, pk: int) -> Response:
        original = services.get_experiment(request.user, pk)
        started = replay.replay_experiment(request.user, original)
        experiment = services.get_experiment(request.user, started.pk)
        return Response(ExperimentSerializer(experiment).data, status=status.HTTP_201_CREATED)


class ReplayComparisonView(APIView):
    """A replay against its original: each trial's two scores, their difference and a verdict
    (404 for an experiment that is not a replay)."""

    @extend_schema(responses=ReplayComparisonSerializer)
    def get(self, request: Request, pk: int) -> Response:
        experiment = replay.get_replay(request.user, pk)
        return Response(ReplayComparisonSerializer(replay.comparison(experiment)).data)
