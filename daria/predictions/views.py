"""Models, predictions and downloads. Views parse, decide, delegate."""

from __future__ import annotations

from django.http import FileResponse, HttpResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import generics, status
from rest_framework.exceptions import APIException, ValidationError
from rest_framework.parsers import JSONParser, MultiPartParser
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from daria.accounts.services import require_write
from daria.audit import services as audit
from daria.audit.models import Action
from daria.datasets.errors import engine_call
from daria.lib.engine_messages import translate_warnings
from daria.lib.file_store import local_copy
from daria.predictions import services
from daria.predictions.models import PredictionBatch, TrainedModel
from daria.predictions.serializers import (
    PredictFileSerializer,
    PredictionBatchSerializer,
    PredictionsResponseSerializer,
    PredictRowsSerializer,
    TrainedModelSerializer,
)
from daria.predictions.xlsx import csv_to_xlsx


class NotReady(APIException):
    """The batch is still being predicted, or it failed."""

    status_code = status.HTTP_409_CONFLICT
    default_code = "prediction_not_ready"
    default_detail = _lazy("These predictions are not ready: they are still being made, or "
                           "making them failed.")


_CSV = OpenApiResponse(OpenApiTypes.BINARY, description="A CSV file (attachment).")
_XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
_XLSX = OpenApiResponse(OpenApiTypes.BINARY, description="An XLSX workbook (attachment).")
_SKOPS = OpenApiResponse(OpenApiTypes.BINARY, description="The model file (skops format).")


class ModelDetailView(generics.RetrieveAPIView):
    """A final model with its metrics."""

    serializer_class = TrainedModelSerializer
    queryset = TrainedModel.objects.none()

    def get_object(self) -> TrainedModel:
        return services.get_model(self.request.user, self.kwargs["pk"])


class ModelPredictView(APIView):
    """Predict JSON rows (200) or every row of an uploaded CSV (201, stored for download; 202
    ``processing`` for a large file, predicted by a worker)."""

    parser_classes = [JSONParser, MultiPartParser]

    @extend_schema(
        request={"application/json": PredictRowsSerializer,
                 "multipart/form-data": PredictFileSerializer},
        responses={200: PredictionsResponseSerializer, 201: PredictionBatchSerializer,
                   202: PredictionBatchSerializer},
    )
    def post(self, request: Request, pk: int) -> Response:
        model = services.get_model(request.user, pk)
        require_write(request.user, model.project_id)
        if request.content_type.startswith("multipart/"):
            form = PredictFileSerializer(data=request.data)
            form.is_valid(raise_exception=True)
            # A prediction file is read like an upload, so its errors use the same messages.
            batch = engine_call(
                lambda: services.predict_batch(request.user, model, form.validated_data["file"],
                                               form.validated_data["contributions"])
            )
            audit.record(request.user, Action.PREDICTION_CREATE, project=model.project,
                         target=batch, model=model.pk, rows=batch.n_rows)
            processing = batch.status == PredictionBatch.Status.PROCESSING
            return Response(PredictionBatchSerializer(batch).data,
                            status=status.HTTP_202_ACCEPTED if processing
                            else status.HTTP_201_CREATED)
        rows = PredictRowsSerializer(data=request.data)
        rows.is_valid(raise_exception=True)
        predictions, warnings = services.predict_rows(
            request.user, model, rows.validated_data["rows"], rows.validated_data["contributions"]
        )
        audit.record(request.user, Action.PREDICTION_CREATE, project=model.project,
                     target=model, rows=len(predictions))
        return Response({"predictions": predictions, "warnings": translate_warnings(warnings)})


class ModelDownloadView(APIView):
    """The model file, as an attachment (409 if it no longer matches its signature)."""

    @extend_schema(responses={(200, "application/octet-stream"): _SKOPS})
    def get(self, request: Request, pk: int) -> FileResponse:
        model = services.get_model(request.user, pk)
        handle = services.open_model_file(model)
        audit.record(request.user, Action.MODEL_DOWNLOAD, project=model.project_id, target=model)
        return FileResponse(handle, as_attachment=True,
                            filename=f"daria-model-{model.pk}.skops",
                            content_type="application/octet-stream")


class PredictionDetailView(generics.RetrieveAPIView):
    """A prediction batch: its status and progress while a worker predicts it, then a preview."""

    serializer_class = PredictionBatchSerializer
    queryset = PredictionBatch.objects.none()

    def get_object(self) -> PredictionBatch:
        return services.get_batch(self.request.user, self.kwargs["pk"])


class PredictionDownloadView(APIView):
    """A stored prediction result, as a CSV (default) or XLSX (``?file_format=xlsx``) attachment."""

    @extend_schema(
        parameters=[OpenApiParameter("file_format", str, enum=["csv", "xlsx"], required=False)],
        responses={(200, "text/csv"): _CSV, (200, _XLSX_TYPE): _XLSX},
    )
    def get(self, request: Request, pk: int) -> FileResponse | HttpResponse:
        batch = services.get_batch(request.user, pk)
        if batch.status != PredictionBatch.Status.READY:
            raise NotReady()
        file_format = request.query_params.get("file_format", "csv")
        if file_format not in ("csv", "xlsx"):
            raise ValidationError({"file_format": [_("Choose csv or xlsx.")]})
        audit.record(request.user, Action.PREDICTION_DOWNLOAD, project=batch.project_id,
                     target=batch)
        if file_format == "xlsx":
            response = HttpResponse(csv_to_xlsx(local_copy(batch.file)), content_type=_XLSX_TYPE)
            response["Content-Disposition"] = (
                f'attachment; filename="daria-predictions-{batch.pk}.xlsx"')
            return response
        return FileResponse(batch.file.open("rb"), as_attachment=True,
                            filename=f"daria-predictions-{batch.pk}.csv",
                            content_type="text/csv; charset=utf-8")
