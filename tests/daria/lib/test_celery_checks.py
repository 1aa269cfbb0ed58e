"""A worker refuses to start with Celery settings that would lose or duplicate long trials."""

import pytest
from django.core.exceptions import ImproperlyConfigured

from daria.celery import app
from daria.lib.celery_checks import assert_long_task_config, long_task_problems

GOOD = {
    "task_acks_late": True, "task_reject_on_worker_lost": True,
    "worker_prefetch_multiplier": 1, "task_serializer": "json", "accept_content": ["json"],
    "task_time_limit": 600, "task_soft_time_limit": 540,
    "broker_transport_options": {"visibility_timeout": 1200},
}


def test_the_projects_settings_are_fit_for_long_tasks() -> None:
    assert long_task_problems(app.conf) == []


def test_a_hard_time_limit_above_the_visibility_timeout_is_refused() -> None:
    conf = {**GOOD, "task_time_limit": 7200, "task_soft_time_limit": 7000,
            "broker_transport_options": {"visibility_timeout": 3600}}
    with pytest.raises(ImproperlyConfigured, match=r"7200 s\) must be below .*3600 s"):
        assert_long_task_config(conf)


def test_the_default_visibility_timeout_of_an_hour_counts() -> None:
    conf = {**GOOD, "task_time_limit": 4000, "task_soft_time_limit": 3900,
            "broker_transport_options": {}}
    assert any("visibility_timeout (3600 s)" in p for p in long_task_problems(conf))


@pytest.mark.parametrize(("key", "value", "named"), [
    ("task_acks_late", False, "task_acks_late"),
    ("task_reject_on_worker_lost", False, "task_reject_on_worker_lost"),
    ("worker_prefetch_multiplier", 4, "worker_prefetch_multiplier"),
    ("accept_content", ["json", "pickle"], "accept_content"),
    ("task_soft_time_limit", 900, "task_soft_time_limit"),
])
def test_each_unsafe_setting_is_named(key: str, value: object, named: str) -> None:
    problems = long_task_problems({**GOOD, key: value})
    assert len(problems) == 1 and named in problems[0]
