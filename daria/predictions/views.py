"""Models, predictions and downloads. Views parse, decide, delegate."""

from __future__ import annotations

from django.http import FileResponse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import generics, status
from rest_framework.parsers import JSONParser, MultiPartParser
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from daria.accounts.services import require_write
from daria.audit import services as audit
from daria.audit.models import Action
from daria.datasets.errors import engine_call
from daria.lib.engine_messages import translate_warnings
from daria.predictions import services
from daria.predictions.models import TrainedModel
from daria.predictions.serializers import (
    PredictFileSerializer,
    PredictionBatchSerializer,
    PredictionsResponseSerializer,
    PredictRowsSerializer,
    TrainedModelSerializer,
)

_CSV = OpenApiResponse(OpenApiTypes.BINARY, description="A CSV file (attachment).")
_SKOPS = OpenApiResponse(OpenApiTypes.BINARY, description="The model file (skops format).")


class ModelDetailView(generics.RetrieveAPIView):
    """A final model with its metrics."""

    serializer_class = TrainedModelSerializer
    queryset = TrainedModel.objects.none()

    def get_object(self) -> TrainedModel:
        return services.get_model(self.request.user, self.kwargs["pk"])


class ModelPredictView(APIView):
    """Predict JSON rows (200) or every row of an uploaded CSV (201, stored for download)."""

    parser_classes = [JSONParser, MultiPartParser]

    @extend_schema(
        request={"application/json": PredictRowsSerializer,
                 "multipart/form-data": PredictFileSerializer},
        responses={200: PredictionsResponseSerializer, 201: PredictionBatchSerializer},
    )
    def post(self, request: Request, pk: int) -> Response:
        model = services.get_model(request.user, pk)
        require_write(request.user, model.project_id)
        if request.content_type.startswith("multipart/"):
            form = PredictFileSerializer(data=request.data)
            form.is_valid(raise_exception=True)
            # A prediction file is read like an upload, so its errors use the same messages.
            batch = engine_call(
                lambda: services.predict_batch(request.user, model, form.validated_data["file"])
            )
            audit.record(request.user, Action.PREDICTION_CREATE, project=model.project_id,
                         target=batch, model=model.pk, rows=batch.n_rows)
            return Response(PredictionBatchSerializer(batch).data, status=status.HTTP_201_CREATED)
        rows = PredictRowsSerializer(data=request.data)
        rows.is_valid(raise_exception=True)
        predictions, warnings = services.predict_rows(
            request.user, model, rows.validated_data["rows"]
        )
        audit.record(request.user, Action.PREDICTION_CREATE, project=model.project_id,
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


class PredictionDownloadView(APIView):
    """A stored prediction CSV, as an attachment."""

    @extend_schema(responses={(200, "text/csv"): _CSV})
    def get(self, request: Request, pk: int) -> FileResponse:
        batch = services.get_batch(request.user, pk)
        audit.record(request.user, Action.PREDICTION_DOWNLOAD, project=batch.project_id,
                     target=batch)
        return FileResponse(batch.file.open("rb"), as_attachment=True,
                            filename=f"daria-predictions-{batch.pk}.csv",
                            content_type="text/csv; charset=utf-8")
