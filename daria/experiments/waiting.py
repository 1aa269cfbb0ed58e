"""The waiting line of experiments beyond their creator's concurrent-experiment quota.

A new experiment takes one of its creator's slots (status queued, its run enqueued) or, when
none is free, waits (status waiting). Whenever an experiment ends, and on every reaper beat as a
safety net, the oldest waiting experiments of that creator take the freed slots. Decisions are
made under a lock on the creator's user row, so two starts at the same moment cannot both take
the last slot.
"""

from __future__ import annotations

import functools
import logging

from django.contrib.auth import get_user_model
from django.contrib.auth.base_user import AbstractBaseUser
from django.db import transaction
from django.db.models import Q

from daria.accounts import quotas
from daria.experiments.models import Experiment
from daria.lib.queue import BrokerUnavailable

log = logging.getLogger(__name__)


def lock_user(user_id: int) -> None:
    """Lock the user's row until the surrounding transaction ends (serializes slot decisions)."""
    get_user_model().objects.select_for_update().filter(pk=user_id).exists()


def initial_status(user: AbstractBaseUser) -> Experiment.Status:
    """The status a new experiment of ``user`` starts in; call inside a transaction after
    :func:`lock_user`. Raises TooManyExperiments when the waiting line is full too."""
    if quotas.free_slots(user) > 0:
        return Experiment.Status.QUEUED
    quotas.check_can_wait(user)
    return Experiment.Status.WAITING


def admit_waiting(user_id: int) -> list[int]:
    """Give the user's free slots to their oldest waiting experiments; return those started."""
    # services imports this module (to decide a new experiment's status): import it late.
    from daria.experiments.services import change_status

    started = []
    with transaction.atomic():
        lock_user(user_id)
        user = get_user_model().objects.get(pk=user_id)
        free = quotas.free_slots(user)
        oldest = (Experiment.objects.filter(created_by_id=user_id,
                                            status=Experiment.Status.WAITING)
                  .order_by("created_at", "pk").values_list("pk", flat=True)[:free])
        for experiment_id in list(oldest) if free else []:
            if change_status(experiment_id, {Experiment.Status.WAITING},
                             status=Experiment.Status.QUEUED):
                started.append(experiment_id)
                experiment = Experiment.objects.get(pk=experiment_id)
                transaction.on_commit(functools.partial(_send_or_keep_waiting, experiment))
    return started


def _send_or_keep_waiting(experiment: Experiment) -> None:
    """Send an admitted experiment's run; when the broker is down, put it back in line (the
    reaper admits it again later) instead of failing it or the caller."""
    from daria.experiments.services import change_status, send_run

    try:
        send_run(experiment)
    except BrokerUnavailable:
        log.warning("broker down: experiment %s waits again for its slot", experiment.pk)
        change_status(experiment.pk, {Experiment.Status.QUEUED},
                      status=Experiment.Status.WAITING)


def admit_all_waiting() -> list[int]:
    """:func:`admit_waiting` for every user with a waiting experiment (the reaper's safety net)."""
    users = (Experiment.objects.filter(status=Experiment.Status.WAITING)
             .values_list("created_by_id", flat=True).distinct())
    return [pk for user_id in list(users) if user_id for pk in admit_waiting(user_id)]


def queue_position(experiment: Experiment) -> int | None:
    """1 for the creator's next experiment to start, 2 for the one after...; None unless it
    is waiting."""
    if experiment.status != Experiment.Status.WAITING:
        return None
    earlier = Q(created_at__lt=experiment.created_at) | Q(created_at=experiment.created_at,
                                                           pk__lt=experiment.pk)
    ahead = Experiment.objects.filter(earlier, created_by_id=experiment.created_by_id,
                                      status=Experiment.Status.WAITING).count()
    return ahead + 1
