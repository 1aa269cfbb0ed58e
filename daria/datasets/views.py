"""Dataset upload, detail and preview. Views parse, decide, delegate."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema
from rest_framework import generics, status
from rest_framework.parsers import MultiPartParser
from rest_framework.request import Request
from rest_framework.response import Response

from daria.accounts.services import get_project, require_write
from daria.datasets import services
from daria.datasets.models import Dataset
from daria.datasets.serializers import DatasetSerializer, DatasetUploadSerializer, PreviewSerializer


class ProjectDatasetListView(generics.ListAPIView):
    """A project's datasets; POST uploads a CSV (multipart ``file``)."""

    serializer_class = DatasetSerializer

    def get_parsers(self):  # noqa: ANN201 - DRF's signature
        if self.request is not None and self.request.method == "POST":
            return [MultiPartParser()]
        return super().get_parsers()

    def get_queryset(self):  # noqa: ANN201 - DRF's signature
        project = get_project(self.request.user, self.kwargs["pk"])
        return services.datasets_for(self.request.user).filter(project=project)

    @extend_schema(request={"multipart/form-data": DatasetUploadSerializer},
                   responses={201: DatasetSerializer})
    def post(self, request: Request, pk: int) -> Response:
        require_write(request.user, pk)  # before reading the body: 404 / 403 come first
        form = DatasetUploadSerializer(data=request.data)
        form.is_valid(raise_exception=True)
        dataset = services.ingest_dataset(
            request.user, pk, form.validated_data["file"],
            encoding=form.validated_data.get("encoding"),
            delimiter=form.validated_data.get("delimiter"),
        )
        dataset = services.get_dataset(request.user, dataset.pk)
        return Response(DatasetSerializer(dataset).data, status=status.HTTP_201_CREATED)


class DatasetDetailView(generics.RetrieveAPIView):
    """One dataset with its columns."""

    serializer_class = DatasetSerializer
    queryset = Dataset.objects.none()

    def get_object(self) -> Dataset:
        return services.get_dataset(self.request.user, self.kwargs["pk"])


class DatasetPreviewView(generics.GenericAPIView):
    """The first rows of a dataset."""

    serializer_class = PreviewSerializer

    def get(self, request: Request, pk: int) -> Response:
        dataset = services.get_dataset(request.user, pk)
        columns = [column.name for column in dataset.columns.all()]
        return Response({"columns": columns, "rows": dataset.preview})
