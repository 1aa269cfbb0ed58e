"""The route that adds the bundled example dataset (see ``daria.datasets.examples``)."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema
from rest_framework import generics, serializers, status
from rest_framework.parsers import JSONParser
from rest_framework.request import Request
from rest_framework.response import Response

from daria.audit import services as audit
from daria.audit.models import Action
from daria.datasets import examples, services
from daria.datasets.errors import engine_call
from daria.datasets.serializers import DatasetSerializer


class ExampleDatasetRequestSerializer(serializers.Serializer):
    """Where to put the example: a project of the caller's, or (when left out) a new one."""

    project = serializers.IntegerField(required=False, allow_null=True, min_value=1)


class ExampleDatasetView(generics.GenericAPIView):
    """POST adds the example dataset (German credit) to a project, creating one if needed."""

    serializer_class = ExampleDatasetRequestSerializer
    parser_classes = [JSONParser]

    @extend_schema(request=ExampleDatasetRequestSerializer, responses={201: DatasetSerializer})
    def post(self, request: Request) -> Response:
        """201 with the profiled dataset; 404 for another's project, 403 for a viewer."""
        form = ExampleDatasetRequestSerializer(data=request.data)
        form.is_valid(raise_exception=True)
        dataset = engine_call(lambda: examples.create_example_dataset(
            request.user, form.validated_data.get("project")))
        audit.record(request.user, Action.DATASET_UPLOAD, project=dataset.project_id,
                     target=dataset, name=dataset.name, size_bytes=dataset.size_bytes)
        dataset = services.get_dataset(request.user, dataset.pk)
        return Response(DatasetSerializer(dataset).data, status=status.HTTP_201_CREATED)
