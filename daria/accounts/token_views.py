"""The caller's API tokens: list, create (the secret is in this one response), revoke."""

from __future__ import annotations

from django.db.models import QuerySet
from drf_spectacular.utils import extend_schema
from rest_framework import generics, status
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from daria.accounts import tokens
from daria.accounts.models import ApiToken
from daria.accounts.serializers import (
    ApiTokenCreatedSerializer,
    ApiTokenCreateSerializer,
    ApiTokenSerializer,
)


class ApiTokenListView(generics.ListAPIView):
    """The caller's unexpired tokens; POST creates one and returns its secret once."""

    serializer_class = ApiTokenSerializer
    pagination_class = None

    def get_queryset(self) -> QuerySet[ApiToken]:
        return tokens.tokens_of(self.request.user)

    @extend_schema(request=ApiTokenCreateSerializer, responses={201: ApiTokenCreatedSerializer})
    def post(self, request: Request) -> Response:
        form = ApiTokenCreateSerializer(data=request.data)
        form.is_valid(raise_exception=True)
        token, secret = tokens.create_token(request.user, **form.validated_data)
        body = {**ApiTokenSerializer(token).data, "token": secret}
        return Response(body, status=status.HTTP_201_CREATED)


class ApiTokenDetailView(APIView):
    """Revoke one of the caller's tokens (another user's answers 404)."""

    @extend_schema(request=None, responses={204: None})
    def delete(self, request: Request, pk: int) -> Response:
        tokens.revoke_token(request.user, pk)
        return Response(status=status.HTTP_204_NO_CONTENT)
