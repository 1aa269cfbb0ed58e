"""Dataset upload, detail, preview, re-reading, columns and charts. Views parse, decide, delegate.

Engine errors become translated 400s through ``daria.datasets.errors``.
"""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import generics, status
from rest_framework.parsers import JSONParser, MultiPartParser
from rest_framework.request import Request
from rest_framework.response import Response

from daria.accounts import quotas
from daria.accounts.services import get_project, require_write
from daria.audit import services as audit
from daria.audit.models import Action
from daria.datasets import services
from daria.datasets.errors import engine_call
from daria.datasets.models import Dataset
from daria.datasets.serializers import (
    ColumnSerializer,
    ColumnUpdateSerializer,
    DatasetSerializer,
    DatasetUploadSerializer,
    PreviewSerializer,
    ReadOptionsSerializer,
    TargetAdviceSerializer,
    with_fixes,
)
from daria.lib.upload_throttle import UploadRateThrottle


def _dataset_response(request: Request, pk: int, code: int = status.HTTP_200_OK) -> Response:
    dataset = services.get_dataset(request.user, pk)
    return Response(DatasetSerializer(dataset).data, status=code)


class ProjectDatasetListView(generics.ListAPIView):
    """A project's datasets; POST uploads a table (multipart ``file`` and read options)."""

    serializer_class = DatasetSerializer
    throttle_classes = [UploadRateThrottle]

    def get_parsers(self):  # noqa: ANN201 - DRF's signature
        if self.request is not None and self.request.method == "POST":
            return [MultiPartParser()]
        return super().get_parsers()

    def get_queryset(self):  # noqa: ANN201 - DRF's signature
        project = get_project(self.request.user, self.kwargs["pk"])
        return services.datasets_for(self.request.user).filter(project=project)

    @extend_schema(request={"multipart/form-data": DatasetUploadSerializer},
                   responses={201: DatasetSerializer, 202: DatasetSerializer})
    def post(self, request: Request, pk: int) -> Response:
        """201 with the profile, or 202 with status ``processing`` for a large file."""
        require_write(request.user, pk)  # before reading the body: 404 / 403 come first
        form = DatasetUploadSerializer(data=request.data)
        form.is_valid(raise_exception=True)
        quotas.check_storage(pk, form.validated_data["file"].size)
        dataset = engine_call(lambda: services.ingest_dataset(
            request.user, pk, form.validated_data["file"], form.to_options()))
        audit.record(request.user, Action.DATASET_UPLOAD, project=pk, target=dataset,
                     name=dataset.name, size_bytes=dataset.size_bytes)
        accepted = dataset.status == Dataset.Status.PROCESSING
        return _dataset_response(request, dataset.pk, status.HTTP_202_ACCEPTED if accepted
                                 else status.HTTP_201_CREATED)


class DatasetDetailView(generics.RetrieveAPIView):
    """One dataset with its columns."""

    serializer_class = DatasetSerializer
    queryset = Dataset.objects.none()

    def get_object(self) -> Dataset:
        return services.get_dataset(self.request.user, self.kwargs["pk"])


class DatasetReparseView(generics.GenericAPIView):
    """Read the stored file again with other options (encoding, delimiter, header...)."""

    serializer_class = ReadOptionsSerializer
    parser_classes = [JSONParser]

    @extend_schema(responses={200: DatasetSerializer, 202: DatasetSerializer})
    def post(self, request: Request, pk: int) -> Response:
        """200 with the new profile; 202 (``processing``) for a large file; 400 and no change
        when the file cannot be read that way."""
        dataset = services.get_dataset(request.user, pk)
        form = ReadOptionsSerializer(data=request.data)
        form.is_valid(raise_exception=True)
        dataset = engine_call(lambda: services.reparse_dataset(request.user, dataset,
                                                               form.to_options()))
        accepted = dataset.status == Dataset.Status.PROCESSING
        return _dataset_response(request, pk, status.HTTP_202_ACCEPTED if accepted
                                 else status.HTTP_200_OK)


class DatasetPreviewView(generics.GenericAPIView):
    """The first rows of a dataset."""

    serializer_class = PreviewSerializer

    def get(self, request: Request, pk: int) -> Response:
        dataset = services.get_dataset(request.user, pk)
        columns = [column.name for column in dataset.columns.all()]
        return Response({"columns": columns, "rows": dataset.preview})


class ColumnDetailView(generics.GenericAPIView):
    """PATCH a column's ``kind`` and/or ``excluded``; the name is the URL-encoded column name."""

    serializer_class = ColumnUpdateSerializer
    parser_classes = [JSONParser]

    @extend_schema(responses={200: ColumnSerializer})
    def patch(self, request: Request, pk: int, name: str) -> Response:
        dataset = services.get_dataset(request.user, pk)
        form = ColumnUpdateSerializer(data=request.data)
        form.is_valid(raise_exception=True)
        column = engine_call(lambda: services.update_column(request.user, dataset, name,
                                                            **form.validated_data))
        return Response(ColumnSerializer(column).data)


class ColumnChartView(generics.GenericAPIView):
    """A plotly figure (JSON) of a column: a histogram, or a bar chart of its top values."""

    serializer_class = None

    @extend_schema(responses={200: dict[str, Any]})
    def get(self, request: Request, pk: int, name: str) -> Response:
        dataset = services.get_dataset(request.user, pk)
        return Response(services.chart_of(dataset, name))


class TargetAdviceView(generics.GenericAPIView):
    """A target choice: the task and why, what blocks training (``problems``), and warnings
    (class imbalance, single-feature leakage, fewer folds)."""

    serializer_class = TargetAdviceSerializer

    @extend_schema(parameters=[OpenApiParameter("target", str, required=True)])
    def get(self, request: Request, pk: int) -> Response:
        dataset = services.get_dataset(request.user, pk)
        target = request.query_params.get("target", "")
        advice = engine_call(lambda: services.target_advice(dataset, target))
        return Response({**advice, "warnings": with_fixes(dataset, advice["warnings"])})
