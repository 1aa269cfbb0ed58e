"""Managing a project's members: only owners may, and a project always keeps an owner."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.contrib.auth.base_user import AbstractBaseUser
from django.db import transaction
from django.db.models import Q, QuerySet
from django.http import Http404
from django.utils.translation import gettext as _
from rest_framework.exceptions import ValidationError

from daria.accounts.models import Membership, Role
from daria.accounts.services import AnyUser, require_owner
from daria.audit.models import Action
from daria.audit.services import record


def members_of(user: AnyUser, project_id: int) -> QuerySet[Membership]:
    """The project's memberships, owners first; owners only (403 for others, 404 for outsiders)."""
    require_owner(user, project_id)
    return (
        Membership.objects.filter(project_id=project_id)
        .select_related("user")
        .order_by("role", "user__username")
    )


def find_user(username_or_email: str) -> AbstractBaseUser:
    """The active user with this username, or else the only one with this email address."""
    users = get_user_model().objects.filter(is_active=True)
    value = username_or_email.strip()
    match = users.filter(username=value).first()
    if match is None:
        by_email = list(users.filter(email__iexact=value)[:2]) if value else []
        match = by_email[0] if len(by_email) == 1 else None
    if match is None:
        raise ValidationError(
            {"user": [_("No user has the username or email address “%(value)s”. "
                        "An administrator must create their account first.") % {"value": value}]},
            code="unknown_user",
        )
    return match


@transaction.atomic
def invite_member(
    owner: AnyUser, project_id: int, username_or_email: str, role: Role
) -> Membership:
    """Give an existing user a role in the project; 400 when they already have one."""
    require_owner(owner, project_id)
    user = find_user(username_or_email)
    membership, created = Membership.objects.get_or_create(
        project_id=project_id, user=user, defaults={"role": role}
    )
    if not created:
        raise ValidationError(
            {"user": [_("%(name)s is already a member; change their role instead.")
                      % {"name": user.get_username()}]},
            code="already_member",
        )
    record(owner, Action.MEMBER_ADD, project=project_id, target=membership,
           username=user.get_username(), role=role)
    return membership


def _locked_membership(owner: AnyUser, project_id: int, membership_id: int) -> Membership:
    """The membership, with every membership of the project locked so owners cannot race."""
    require_owner(owner, project_id)
    memberships = list(
        Membership.objects.select_for_update().filter(project_id=project_id).order_by("pk")
    )
    for membership in memberships:
        if membership.pk == membership_id:
            return membership
    raise Http404("No such member.")


def _refuse_last_owner(membership: Membership) -> None:
    others = Membership.objects.filter(
        Q(project_id=membership.project_id) & Q(role=Role.OWNER) & ~Q(pk=membership.pk)
    )
    if membership.role == Role.OWNER and not others.exists():
        raise ValidationError(
            {"detail": _("A project needs at least one owner; make someone else owner first.")},
            code="last_owner",
        )


@transaction.atomic
def change_role(owner: AnyUser, project_id: int, membership_id: int, role: Role) -> Membership:
    """Change a member's role; the last owner cannot step down."""
    membership = _locked_membership(owner, project_id, membership_id)
    if membership.role == role:
        return membership
    if role != Role.OWNER:
        _refuse_last_owner(membership)
    previous = membership.role
    membership.role = role
    membership.save(update_fields=["role"])
    record(owner, Action.MEMBER_ROLE, project=project_id, target=membership,
           username=membership.user.get_username(), role=role, previous_role=previous)
    return membership


@transaction.atomic
def remove_member(owner: AnyUser, project_id: int, membership_id: int) -> None:
    """Take a member out of the project; the last owner cannot be removed."""
    membership = _locked_membership(owner, project_id, membership_id)
    _refuse_last_owner(membership)
    record(owner, Action.MEMBER_REMOVE, project=project_id, target=membership,
           username=membership.user.get_username(), role=membership.role)
    membership.delete()
