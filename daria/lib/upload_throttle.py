"""Upload throttling: each user may send at most DARIA_UPLOAD_RATE files, on the shared cache."""

from __future__ import annotations

from django.conf import settings
from rest_framework.request import Request
from rest_framework.throttling import UserRateThrottle
from rest_framework.views import APIView


class UploadRateThrottle(UserRateThrottle):
    """Throttle only the uploading (POST) requests of a view; reading it stays free."""

    scope = "uploads"

    def get_rate(self) -> str:
        # Read at request time (DRF's class-level rate table is frozen at import).
        return settings.DARIA_UPLOAD_RATE

    def allow_request(self, request: Request, view: APIView) -> bool:
        if request.method != "POST":
            return True
        return super().allow_request(request, view)
