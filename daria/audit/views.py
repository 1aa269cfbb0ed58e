"""The audit log for administrators. Read-only: there is no route that changes an event."""

from __future__ import annotations

from django.db.models import QuerySet
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import generics
from rest_framework.exceptions import ValidationError
from rest_framework.permissions import IsAdminUser

from daria.audit.models import Action, AuditEvent
from daria.audit.serializers import AuditEventSerializer

PAGE_SIZE = 200
_INT_FILTERS = {"project": "project_id", "actor": "actor_id", "before": "id__lt"}


def _int(name: str, raw: str) -> int:
    try:
        return int(raw)
    except ValueError:
        raise ValidationError({name: [_("Must be a whole number.")]}) from None


class AuditEventListView(generics.ListAPIView):
    """Newest events first, at most 200; ``?before=<id>`` pages back, and ``?project=``,
    ``?actor=`` (user ids) and ``?action=`` filter."""

    serializer_class = AuditEventSerializer
    permission_classes = [IsAdminUser]
    pagination_class = None

    @extend_schema(parameters=[
        OpenApiParameter(name, OpenApiTypes.INT, required=False) for name in _INT_FILTERS
    ] + [OpenApiParameter("action", OpenApiTypes.STR, required=False, enum=Action.values)])
    def get(self, *args: object, **kwargs: object):  # noqa: ANN201 - DRF's signature
        return super().get(*args, **kwargs)

    def get_queryset(self) -> QuerySet[AuditEvent]:
        params = self.request.query_params
        lookups = {field: _int(name, params[name])
                   for name, field in _INT_FILTERS.items() if name in params}
        if "action" in params:
            if params["action"] not in Action.values:
                raise ValidationError({"action": [_("Unknown action.")]})
            lookups["action"] = params["action"]
        return AuditEvent.objects.filter(**lookups)[:PAGE_SIZE]
