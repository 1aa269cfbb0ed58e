"""A project's members, managed by its owners. Views parse, decide, delegate."""

from __future__ import annotations

from django.db.models import QuerySet
from drf_spectacular.utils import extend_schema
from rest_framework import generics, status
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from daria.accounts import members
from daria.accounts.models import Membership, Role
from daria.accounts.serializers import (
    MemberInviteSerializer,
    MemberRoleSerializer,
    MemberSerializer,
)
from daria.accounts.services import require_owner


class ProjectMemberListView(generics.ListAPIView):
    """The project's members (owners only); POST adds an existing user by username or email."""

    serializer_class = MemberSerializer
    pagination_class = None

    def get_queryset(self) -> QuerySet[Membership]:
        return members.members_of(self.request.user, self.kwargs["pk"])

    @extend_schema(request=MemberInviteSerializer, responses={201: MemberSerializer})
    def post(self, request: Request, pk: int) -> Response:
        require_owner(request.user, pk)  # 404 / 403 before validating the body
        form = MemberInviteSerializer(data=request.data)
        form.is_valid(raise_exception=True)
        membership = members.invite_member(
            request.user, pk, form.validated_data["user"], Role(form.validated_data["role"])
        )
        return Response(MemberSerializer(membership).data, status=status.HTTP_201_CREATED)


class ProjectMemberDetailView(APIView):
    """Change a member's role or remove them (owners only; a project keeps one owner)."""

    @extend_schema(request=MemberRoleSerializer, responses=MemberSerializer)
    def patch(self, request: Request, pk: int, member_id: int) -> Response:
        require_owner(request.user, pk)
        form = MemberRoleSerializer(data=request.data)
        form.is_valid(raise_exception=True)
        membership = members.change_role(
            request.user, pk, member_id, Role(form.validated_data["role"])
        )
        return Response(MemberSerializer(membership).data)

    @extend_schema(request=None, responses={204: None})
    def delete(self, request: Request, pk: int, member_id: int) -> Response:
        members.remove_member(request.user, pk, member_id)
        return Response(status=status.HTTP_204_NO_CONTENT)
