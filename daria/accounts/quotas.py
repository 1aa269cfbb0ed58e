"""Quotas: how many experiments a user may have waiting or running, and how much a project
may store. Server-wide defaults come from settings; an administrator may override them per
user (``UserQuota``) or project (``ProjectQuota``)."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth.base_user import AbstractBaseUser
from django.db.models import Sum
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from rest_framework import status
from rest_framework.exceptions import APIException

from daria.accounts.models import ProjectQuota, UserQuota
from daria.datasets.models import Dataset
from daria.experiments.models import Experiment


class TooManyExperiments(APIException):
    """The user already has as many experiments waiting for a free slot as allowed."""

    status_code = status.HTTP_429_TOO_MANY_REQUESTS
    default_code = "too_many_experiments"
    default_detail = gettext_lazy(
        "You already have the most experiments allowed waiting for a free slot."
    )


class StorageQuotaExceeded(APIException):
    """The upload would take the project over its storage quota."""

    status_code = status.HTTP_400_BAD_REQUEST
    default_code = "storage_quota_exceeded"
    default_detail = gettext_lazy("This project has no room left for the file.")


def max_concurrent_experiments(user: AbstractBaseUser) -> int:
    """The user's limit on unfinished (queued, running or paused) experiments."""
    override = (
        UserQuota.objects.filter(user=user)
        .values_list("max_concurrent_experiments", flat=True)
        .first()
    )
    return override if override is not None else settings.DARIA_MAX_CONCURRENT_EXPERIMENTS


# The experiments that hold one of the user's slots. A paused search keeps its slot: it can
# resume at any time. Waiting experiments hold none: they wait for one.
HOLDING_A_SLOT = [Experiment.Status.QUEUED, Experiment.Status.RUNNING, Experiment.Status.PAUSED]


def free_slots(user: AbstractBaseUser) -> int:
    """How many more experiments the user may run at once right now (never below zero)."""
    holding = Experiment.objects.filter(created_by=user, status__in=HOLDING_A_SLOT).count()
    return max(0, max_concurrent_experiments(user) - holding)


def check_can_wait(user: AbstractBaseUser) -> None:
    """Raise TooManyExperiments when the user's waiting line is already full."""
    waiting = Experiment.objects.filter(created_by=user,
                                        status=Experiment.Status.WAITING).count()
    if waiting >= settings.DARIA_MAX_WAITING_EXPERIMENTS:
        raise TooManyExperiments(
            _(
                "You already have %(waiting)d experiments waiting for a free slot, the most "
                "allowed. Wait for one to start or cancel one, then start again."
            ) % {"waiting": waiting}
        )


def max_storage_bytes(project_id: int) -> int:
    """The project's storage limit in bytes; 0 means no limit."""
    override = (
        ProjectQuota.objects.filter(project_id=project_id)
        .values_list("max_storage_bytes", flat=True)
        .first()
    )
    return override if override is not None else settings.DARIA_PROJECT_STORAGE_BYTES


def check_storage(project_id: int, incoming_bytes: int) -> None:
    """Raise StorageQuotaExceeded when adding ``incoming_bytes`` would pass the project's quota."""
    limit = max_storage_bytes(project_id)
    if not limit:
        return
    used = Dataset.objects.filter(project_id=project_id).aggregate(
        total=Sum("size_bytes")
    )["total"] or 0
    if used + incoming_bytes > limit:
        raise StorageQuotaExceeded(
            _(
                "This project stores %(used)s of its %(limit)s and the file is %(size)s. "
                "Ask an administrator for more room."
            ) % {"used": filesizeformat(used), "limit": filesizeformat(limit),
                 "size": filesizeformat(incoming_bytes)}
        )
