"""Model insights: the list of charts with their states, one chart's payload, and a retry.
Views parse, decide, delegate."""

from __future__ import annotations

from django.http import Http404
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import status
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from daria.accounts.services import require_write
from daria.insights import catalog, services
from daria.insights.serializers import InsightChartSerializer, InsightListSerializer
from daria.predictions.services import get_model

_UNAVAILABLE = OpenApiResponse(description="The chart does not apply to this model, cannot be "
                               "drawn, or is still being computed (``code`` says which, "
                               "``detail`` what to do).")


class InsightListView(APIView):
    """Every chart of a model with its state; the first call starts the background job."""

    @extend_schema(responses={200: InsightListSerializer}, operation_id="models_insights_list")
    def get(self, request: Request, pk: int) -> Response:
        model = get_model(request.user, pk)
        return Response(InsightListSerializer(services.chart_states(model)).data)


class InsightRetryView(APIView):
    """Run the background job again (after a failure, or to recompute); editors only."""

    @extend_schema(request=None, responses={202: InsightListSerializer})
    def post(self, request: Request, pk: int) -> Response:
        model = get_model(request.user, pk)
        require_write(request.user, model.project_id)
        services.request_insights(model, restart=True)
        return Response(InsightListSerializer(services.chart_states(model)).data,
                        status=status.HTTP_202_ACCEPTED)


class InsightChartView(APIView):
    """One chart: a plotly figure and the same numbers as a table."""

    @extend_schema(responses={200: InsightChartSerializer, 409: _UNAVAILABLE},
                   operation_id="models_insights_chart")
    def get(self, request: Request, pk: int, chart: str) -> Response:
        model = get_model(request.user, pk)
        if not catalog.is_known(chart):
            raise Http404(_("No such chart."))
        return Response(services.chart_payload(model, chart))
