"""Project access: the one place that decides who sees and changes what."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import OuterRef, QuerySet, Subquery
from django.http import Http404
from django.utils.translation import gettext as _

from daria.accounts.models import WRITE_ROLES, Membership, Project, Role

AnyUser = AbstractBaseUser | AnonymousUser


def projects_for(user: AnyUser) -> QuerySet[Project]:
    """The projects ``user`` is a member of, each annotated with the user's ``role``."""
    if not user.is_authenticated:
        return Project.objects.none()
    role = Membership.objects.filter(project=OuterRef("pk"), user=user).values("role")[:1]
    return Project.objects.filter(memberships__user=user).annotate(role=Subquery(role))


def role_in(user: AnyUser, project_id: int) -> Role:
    """The user's role in the project; 404 when they are not a member (no existence leak)."""
    if user.is_authenticated:
        role = (
            Membership.objects.filter(project_id=project_id, user=user)
            .values_list("role", flat=True)
            .first()
        )
        if role is not None:
            return Role(role)
    raise Http404("No such project.")


def require_write(user: AnyUser, project_id: int) -> None:
    """Allow owners and editors; viewers get 403, non-members 404."""
    if role_in(user, project_id) not in WRITE_ROLES:
        raise PermissionDenied(_("Viewers can look but not change anything in this project."))


def require_owner(user: AnyUser, project_id: int) -> None:
    """Allow owners only (members, settings); other members get 403, non-members 404."""
    if role_in(user, project_id) != Role.OWNER:
        raise PermissionDenied(_("Only the project's owners can do this."))


def get_project(user: AnyUser, project_id: int) -> Project:
    """One of the user's projects, or 404."""
    try:
        return projects_for(user).get(pk=project_id)
    except Project.DoesNotExist:
        raise Http404("No such project.") from None


@transaction.atomic
def create_project(owner: AbstractBaseUser, name: str, description: str = "") -> Project:
    """Create a project with ``owner`` as its owner; returns it annotated with the role."""
    project = Project.objects.create(name=name, description=description)
    Membership.objects.create(project=project, user=owner, role=Role.OWNER)
    return projects_for(owner).get(pk=project.pk)


def add_member(project: Project, user: AbstractBaseUser, role: Role) -> Membership:
    """Give ``user`` a role in ``project`` (replacing any role they had)."""
    membership, _ = Membership.objects.update_or_create(
        project=project, user=user, defaults={"role": role}
    )
    return membership


def needs_setup() -> bool:
    """Whether Daria has no user yet (the first-run page creates the first administrator)."""
    return not get_user_model().objects.exists()


def create_first_admin(username: str, password: str) -> AbstractBaseUser | None:
    """Create the first superuser, or return None when any user already exists."""
    with transaction.atomic():
        if not needs_setup():
            return None
        return get_user_model().objects.create_superuser(username=username, password=password)
