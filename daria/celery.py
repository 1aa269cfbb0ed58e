"""The Celery application: broker and result backend come from REDIS_URL via Django settings."""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "daria.settings")

app = Celery("daria")
# Every CELERY_* Django setting configures Celery (late ack, prefetch 1, JSON only, time limits).
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
