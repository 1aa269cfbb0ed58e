"""Leaderboard, search diagnostics and comparison. Views parse, decide, delegate."""

from __future__ import annotations

from django.http import Http404, HttpResponse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework.negotiation import DefaultContentNegotiation
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from daria.leaderboard import comparison, diagnostics, exports, services
from daria.leaderboard.serializers import (
    ChartSerializer,
    CompareQuerySerializer,
    CompareSerializer,
    DiagnosticsChartQuerySerializer,
    DiagnosticsIndexSerializer,
    LeaderboardExportQuerySerializer,
    LeaderboardPageQuerySerializer,
    LeaderboardPageSerializer,
)

_CSV = OpenApiResponse(OpenApiTypes.BINARY, description="A CSV file, UTF-8 with a BOM.")
_XLSX = OpenApiResponse(OpenApiTypes.BINARY, description="An XLSX workbook.")


class LeaderboardView(APIView):
    """One page of an experiment's leaderboard, filtered and sorted in the database."""

    @extend_schema(parameters=[LeaderboardPageQuerySerializer],
                   responses=LeaderboardPageSerializer)
    def get(self, request: Request, pk: int) -> Response:
        experiment = services.leaderboard_experiment(request.user, pk)
        query = LeaderboardPageQuerySerializer(data=request.query_params)
        query.is_valid(raise_exception=True)
        page = services.leaderboard_page(experiment, query.to_query(),
                                         query.validated_data["page"],
                                         query.validated_data["page_size"])
        return Response(page)


class _IgnoreFormatParameter(DefaultContentNegotiation):
    """The export is always a file: ``?format=`` names its kind, not a DRF renderer."""

    def select_renderer(self, request: Request, renderers: list, format_suffix: str | None = None
                        ) -> tuple:
        return renderers[0], renderers[0].media_type


class LeaderboardExportView(APIView):
    """The whole leaderboard with the same filters and sort, as CSV (default) or XLSX;
    ``?format=`` is accepted as another name of ``?file_format=``."""

    content_negotiation_class = _IgnoreFormatParameter

    @extend_schema(parameters=[LeaderboardExportQuerySerializer],
                   responses={(200, "text/csv"): _CSV,
                              (200, exports.XLSX_CONTENT_TYPE): _XLSX})
    def get(self, request: Request, pk: int) -> HttpResponse:
        experiment = services.leaderboard_experiment(request.user, pk)
        params = request.query_params.copy()
        if "format" in params and "file_format" not in params:
            params["file_format"] = params["format"]
        query = LeaderboardExportQuerySerializer(data=params)
        query.is_valid(raise_exception=True)
        frame = exports.leaderboard_frame(services.all_rows(experiment, query.to_query()),
                                          experiment.metric)
        if query.validated_data["file_format"] == "xlsx":
            response = HttpResponse(exports.to_xlsx(frame),
                                    content_type=exports.XLSX_CONTENT_TYPE)
            extension = "xlsx"
        else:
            response = HttpResponse(exports.to_csv(frame), content_type="text/csv; charset=utf-8")
            extension = "csv"
        response["Content-Disposition"] = (
            f'attachment; filename="daria-leaderboard-{experiment.pk}.{extension}"')
        return response


class DiagnosticsIndexView(APIView):
    """Which search diagnostics can be drawn, per algorithm."""

    @extend_schema(operation_id="experiment_diagnostics_list",
                   responses=DiagnosticsIndexSerializer)
    def get(self, request: Request, pk: int) -> Response:
        experiment = services.readable_experiment(request.user, pk)
        return Response(diagnostics.diagnostics_index(experiment))


class DiagnosticsChartView(APIView):
    """One search diagnostics chart: history, summary, parallel, importance, slice or timeline
    (trials per worker)."""

    @extend_schema(operation_id="experiment_diagnostics_chart",
                   parameters=[DiagnosticsChartQuerySerializer], responses=ChartSerializer)
    def get(self, request: Request, pk: int, chart: str) -> Response:
        experiment = services.readable_experiment(request.user, pk)
        if chart not in diagnostics.CHARTS:
            raise Http404("No such chart.")
        query = DiagnosticsChartQuerySerializer(data=request.query_params)
        query.is_valid(raise_exception=True)
        return Response(diagnostics.diagnostics_chart(
            experiment, chart, query.validated_data.get("algorithm"),
            query.validated_data.get("param")))


class CompareView(APIView):
    """Trials or final models side by side (every experiment must be the user's, else 404)."""

    @extend_schema(parameters=[CompareQuerySerializer], responses=CompareSerializer)
    def get(self, request: Request) -> Response:
        query = CompareQuerySerializer(data=request.query_params)
        query.is_valid(raise_exception=True)
        references = comparison.parse_references(query.validated_data["trials"])
        return Response(comparison.compare(request.user, references))
