"""Why a chart cannot be shown: answered as HTTP 409 with the reason, never as a 500."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from rest_framework import status
from rest_framework.exceptions import APIException


class InsightUnavailable(APIException):
    """A chart that cannot be drawn for this model, with a reason that says what to do."""

    status_code = status.HTTP_409_CONFLICT
    default_detail = _("This chart is not available for this model.")
    default_code = "insight_unavailable"


class InsightNotReady(APIException):
    """An expensive chart that the background job has not computed (yet)."""

    status_code = status.HTTP_409_CONFLICT
    default_detail = _("This chart is still being computed; try again in a moment.")
    default_code = "insight_not_ready"
