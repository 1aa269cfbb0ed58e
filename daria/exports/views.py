"""Model exports, trial scripts, reproducibility records and reports. Views parse and delegate."""

from __future__ import annotations

from pathlib import Path

from django.http import FileResponse, HttpResponse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from daria.exports import report, services
from daria.exports.serializers import ModelExportsSerializer, ReproducibilityRecordSerializer

_PYTHON = OpenApiResponse(OpenApiTypes.STR, description="A Python script (attachment).")
_HTML = OpenApiResponse(OpenApiTypes.STR, description="A self-contained HTML report.")
CLIENT_FILE = Path(__file__).resolve().parents[1] / "client.py"
_ONNX = OpenApiResponse(OpenApiTypes.BINARY, description="An ONNX model file (attachment).")
_ERROR = OpenApiResponse(OpenApiTypes.OBJECT, description="{detail, code}")


def _attachment(content: str, content_type: str, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


class ModelExportsView(APIView):
    """The model's export formats: skops with its SHA-256, and ONNX or why it is not offered."""

    @extend_schema(responses=ModelExportsSerializer)
    def get(self, request: Request, pk: int) -> Response:
        return Response(ModelExportsSerializer(services.model_exports(request.user, pk)).data)


class ModelOnnxView(APIView):
    """The model as an ONNX file, verified against the model on its training rows; 422
    ``onnx_not_available`` saying why when it is not offered."""

    @extend_schema(responses={(200, "application/octet-stream"): _ONNX, 422: _ERROR})
    def get(self, request: Request, pk: int) -> FileResponse:
        path, filename = services.onnx_export(request.user, pk)
        return FileResponse(path.open("rb"), as_attachment=True, filename=filename,
                            content_type="application/octet-stream")


class TrialScriptView(APIView):
    """A runnable Python script that reproduces one trial and prints its CV score."""

    @extend_schema(responses={(200, "text/x-python"): _PYTHON})
    def get(self, request: Request, pk: int, number: int) -> HttpResponse:
        filename, source = services.trial_script_source(request.user, pk, number)
        return _attachment(source, "text/x-python; charset=utf-8", filename)


class ReproducibilityView(APIView):
    """The experiment's reproducibility record (data hash, seed, versions, space, trials)."""

    @extend_schema(responses=ReproducibilityRecordSerializer)
    def get(self, request: Request, pk: int) -> Response:
        return Response(services.experiment_record(request.user, pk))


class ReportView(APIView):
    """A self-contained HTML report of the experiment, in the reader's language."""

    @extend_schema(
        parameters=[OpenApiParameter("lang", str, enum=["en", "ko"], required=False,
                                     description="Overrides Accept-Language.")],
        responses={(200, "text/html"): _HTML},
    )
    def get(self, request: Request, pk: int) -> HttpResponse:
        html, filename = report.experiment_report(request.user, pk,
                                                  request.query_params.get("lang"))
        return _attachment(html, "text/html; charset=utf-8", filename)


class ClientDownloadView(APIView):
    """The Python client (one file, standard library and pandas only), to use outside the
    server: save it as ``daria_client.py``."""

    @extend_schema(responses={(200, "text/x-python"): _PYTHON})
    def get(self, request: Request) -> HttpResponse:
        return _attachment(CLIENT_FILE.read_text(encoding="utf-8"),
                           "text/x-python; charset=utf-8", "daria_client.py")
