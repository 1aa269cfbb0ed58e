"""Fixtures of the experiment tests: the tasks the services enqueue, run in this process."""

from __future__ import annotations

import pytest

from daria.experiments import control, finalizing, problems, scheduling, trial_runs

TASKS = {
    scheduling.TRIAL_TASK: trial_runs.run_trial,
    scheduling.FINALIZE_TASK: finalizing.finalize_experiment,
    scheduling.SCHEDULE_TASK: scheduling.schedule_trials,
}


class InProcessQueue:
    """Keeps what the services enqueue; ``drain`` runs it, committing after every task."""

    def __init__(self, capture: object) -> None:
        self.sent: list[tuple[str, tuple]] = []
        self.capture = capture

    def __call__(self, name: str, *args: object, **options: object) -> str:
        assert options["time_limit"] > options["soft_time_limit"] > 0
        self.sent.append((name, args))
        return f"task-{len(self.sent)}"

    def names(self) -> list[str]:
        return [name for name, _ in self.sent]

    def drain(self, limit: int = 500) -> None:
        for _ in range(limit):
            if not self.sent:
                return
            name, args = self.sent.pop(0)
            with self.capture(execute=True):
                TASKS[name](*args)
        pytest.fail("the search never ended")


@pytest.fixture
def queue(monkeypatch: pytest.MonkeyPatch, django_capture_on_commit_callbacks: object
          ) -> InProcessQueue:
    recorder = InProcessQueue(django_capture_on_commit_callbacks)
    monkeypatch.setattr(scheduling, "enqueue", recorder)
    monkeypatch.setattr(control, "enqueue", recorder)
    problems.load_problem.cache_clear()  # ids are reused between tests
    return recorder


