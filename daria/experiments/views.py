"""Experiments and their leaderboard. Views parse, decide, delegate."""

from __future__ import annotations

from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import generics, status
from rest_framework.exceptions import ValidationError
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from daria.accounts.services import get_project
from daria.experiments import control, search_options, services
from daria.experiments.models import Experiment, Trial
from daria.experiments.problems import load_problem
from daria.experiments.serializers import (
    ExperimentCreateSerializer,
    ExperimentSerializer,
    ExtendBudgetSerializer,
    HandWrittenTrialSerializer,
    QueuedTrialSerializer,
    SearchDescriptionSerializer,
    SearchSpaceQuerySerializer,
    TrialSerializer,
)


class ProjectExperimentListView(generics.ListAPIView):
    """Experiments of one project (404 for non-members)."""

    serializer_class = ExperimentSerializer

    def get_queryset(self):  # noqa: ANN201 - DRF's signature
        project = get_project(self.request.user, self.kwargs["pk"])
        return services.experiments_for(self.request.user).filter(project=project)


class ExperimentCreateView(APIView):
    """Start a search: validate, store (status queued) and enqueue."""

    @extend_schema(request=ExperimentCreateSerializer, responses={201: ExperimentSerializer})
    def post(self, request: Request) -> Response:
        serializer = ExperimentCreateSerializer(data=request.data, context={"request": request})
        serializer.is_valid(raise_exception=True)
        experiment = services.create_experiment(request.user, **serializer.validated_data)
        experiment = services.get_experiment(request.user, experiment.pk)
        return Response(ExperimentSerializer(experiment).data, status=status.HTTP_201_CREATED)


class ExperimentDetailView(generics.RetrieveAPIView):
    """One experiment."""

    serializer_class = ExperimentSerializer
    queryset = Experiment.objects.none()

    def get_object(self) -> Experiment:
        return services.get_experiment(self.request.user, self.kwargs["pk"])


class ExperimentTrialsView(generics.ListAPIView):
    """The leaderboard: finished trials by number; ``?after=N`` gives only newer ones. POST
    queues a hand-written configuration as the next trial."""

    serializer_class = TrialSerializer

    @extend_schema(request=HandWrittenTrialSerializer, responses={201: QueuedTrialSerializer})
    def post(self, request: Request, pk: int) -> Response:
        serializer = HandWrittenTrialSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        experiment = services.get_experiment(request.user, pk)
        trial = control.add_trial(request.user, experiment, **serializer.validated_data)
        return Response(QueuedTrialSerializer(trial).data, status=status.HTTP_201_CREATED)

    @extend_schema(parameters=[OpenApiParameter("after", OpenApiTypes.INT, required=False)])
    def get(self, request: Request, *args: object, **kwargs: object) -> Response:
        return super().get(request, *args, **kwargs)

    def get_queryset(self):  # noqa: ANN201 - DRF's signature
        experiment = services.get_experiment(self.request.user, self.kwargs["pk"])
        trials = (Trial.objects.filter(experiment=experiment).exclude(state__in=Trial.PENDING)
                  .order_by("number"))
        after = self.request.query_params.get("after")
        if after is None:
            return trials
        try:
            return trials.filter(number__gt=int(after))
        except ValueError:
            raise ValidationError({"after": [_("Must be a whole number.")]}) from None


class ExperimentCancelView(APIView):
    """Cancel a queued or running experiment."""

    @extend_schema(request=None, responses=ExperimentSerializer)
    def post(self, request: Request, pk: int) -> Response:
        experiment = services.get_experiment(request.user, pk)
        experiment = control.cancel_experiment(request.user, experiment)
        return Response(ExperimentSerializer(experiment).data)


class ExperimentPauseView(APIView):
    """Stop scheduling new trials (running ones finish) and stop the budget clock."""

    @extend_schema(request=None, responses=ExperimentSerializer)
    def post(self, request: Request, pk: int) -> Response:
        experiment = services.get_experiment(request.user, pk)
        experiment = control.pause_experiment(request.user, experiment)
        return Response(ExperimentSerializer(experiment).data)


class ExperimentResumeView(APIView):
    """Continue a paused search."""

    @extend_schema(request=None, responses=ExperimentSerializer)
    def post(self, request: Request, pk: int) -> Response:
        experiment = services.get_experiment(request.user, pk)
        experiment = control.resume_experiment(request.user, experiment)
        return Response(ExperimentSerializer(experiment).data)


class ExperimentExtendView(APIView):
    """Add seconds to a running or paused search's time budget."""

    @extend_schema(request=ExtendBudgetSerializer, responses=ExperimentSerializer)
    def post(self, request: Request, pk: int) -> Response:
        serializer = ExtendBudgetSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        experiment = services.get_experiment(request.user, pk)
        experiment = control.extend_budget(request.user, experiment,
                                           serializer.validated_data["seconds"])
        return Response(ExperimentSerializer(experiment).data)


class SearchSpaceView(APIView):
    """The space and search methods a new search on ``task`` (and ``dataset``) can use."""

    @extend_schema(parameters=[SearchSpaceQuerySerializer],
                   responses=SearchDescriptionSerializer)
    def get(self, request: Request) -> Response:
        query = SearchSpaceQuerySerializer(data=request.query_params, context={"request": request})
        query.is_valid(raise_exception=True)
        options = query.validated_data
        space = search_options.search_space(options["task"], options["n_rows"],
                                            options["algorithms"])
        description = search_options.describe_search(
            space, options["task"], search_options.suitable_algorithms(options["n_rows"]),
            options["searcher"], options.get("time_budget_s"), options["parallelism"],
            search_options.estimated_trial_s(options["n_rows"]))
        return Response(SearchDescriptionSerializer(description).data)


class ExperimentSpaceView(APIView):
    """The space an experiment searches (what a hand-written configuration must fit)."""

    @extend_schema(responses=SearchDescriptionSerializer)
    def get(self, request: Request, pk: int) -> Response:
        experiment = services.get_experiment(request.user, pk)
        problem = load_problem(experiment.pk)
        n_rows = len(problem.data.y)
        description = search_options.describe_search(
            problem.space, experiment.task, search_options.suitable_algorithms(n_rows),
            experiment.searcher, experiment.time_budget_s, experiment.parallelism,
            search_options.measured_trial_s(experiment) or search_options.estimated_trial_s(n_rows),
            experiment.validation_folds)
        return Response(SearchDescriptionSerializer(description).data)
