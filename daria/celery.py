"""The Celery application: broker and result backend come from REDIS_URL via Django settings."""

import logging
import os
from typing import Any

from celery import Celery
from celery.signals import worker_init

# Variables OpenMP (LightGBM, HistGradientBoosting) and the BLAS libraries read once, when numpy
# or LightGBM is first imported.
NATIVE_THREAD_VARIABLES = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS")


def cap_native_threads(environ: dict[str, str] | os._Environ[str]) -> None:
    """Set each of NATIVE_THREAD_VARIABLES that is unset to DARIA_WORKER_THREADS.

    Runs when the ``daria`` package is imported, before numpy can load: ``celery -A daria
    worker`` and Django's settings both import it first, and prefork children inherit the
    environment. A value that is not a positive integer is left for the settings to refuse.
    """
    threads = environ.get("DARIA_WORKER_THREADS", "1").strip() or "1"
    if not threads.isdigit() or int(threads) < 1:
        return
    for variable in NATIVE_THREAD_VARIABLES:
        environ.setdefault(variable, str(int(threads)))


cap_native_threads(os.environ)
logger = logging.getLogger(__name__)
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "daria.settings")

app = Celery("daria")
# Every CELERY_* Django setting configures Celery (late ack, prefetch 1, JSON only, time limits).
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()


@worker_init.connect
def _refuse_a_worker_unfit_for_long_tasks(sender: Any, **kwargs: Any) -> None:
    """Stop a worker from starting with settings that would lose or duplicate long trials or
    oversubscribe the cores, and warn when its pool cannot enforce time limits.

    Celery logs and swallows any ``Exception`` a signal handler raises, so a refusal leaves as
    ``SystemExit`` (exit status 1) after logging why.
    """
    from django.conf import settings
    from django.core.exceptions import ImproperlyConfigured

    from daria.lib.celery_checks import check_worker_startup

    try:
        check_worker_startup(sender.app.conf, sender.pool_cls, sender.concurrency,
                             sender.options.get("autoscale"),
                             threads=settings.DARIA_WORKER_THREADS,
                             allow_oversubscription=settings.DARIA_ALLOW_OVERSUBSCRIPTION)
    except ImproperlyConfigured as refusal:
        logger.critical("%s", refusal)
        raise SystemExit(1) from refusal
