"""The Celery application: broker and result backend come from REDIS_URL via Django settings."""

import os
from typing import Any

from celery import Celery
from celery.signals import worker_init

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "daria.settings")

app = Celery("daria")
# Every CELERY_* Django setting configures Celery (late ack, prefetch 1, JSON only, time limits).
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()


@worker_init.connect
def _refuse_a_config_unfit_for_long_tasks(sender: Any, **kwargs: Any) -> None:
    """Stop a worker from starting with settings that would lose or duplicate long trials."""
    from daria.lib.celery_checks import assert_long_task_config

    assert_long_task_config(sender.app.conf)
