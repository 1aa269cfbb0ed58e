"""Celery tasks of experiments: thin wrappers that call one service each.

Time limits are set per call when the task is enqueued (they depend on the budget left).
"""

from celery import shared_task

from daria.experiments import finalizing, recovery, scheduling, trial_runs, waiting


@shared_task(name="daria.experiments.run_experiment")
def run_experiment(experiment_id: int) -> str:
    """Start an experiment's search: schedule its first trials."""
    return scheduling.start_search(experiment_id)


@shared_task(name="daria.experiments.run_trial")
def run_trial(experiment_id: int, number: int) -> str:
    """Evaluate one queued trial, then schedule the next ones."""
    return trial_runs.run_trial(experiment_id, number)


@shared_task(name="daria.experiments.schedule_trials")
def schedule_trials(experiment_id: int) -> int:
    """Fill the free trial slots (or finish) after the search was steered; return how many."""
    return len(scheduling.schedule_trials(experiment_id))


@shared_task(name="daria.experiments.finalize_experiment")
def finalize_experiment(experiment_id: int) -> str:
    """Build, refit and save the final model of a search whose budget is spent."""
    return finalizing.finalize_experiment(experiment_id)


@shared_task(name="daria.experiments.reap_lost_trials")
def reap_lost_trials() -> int:
    """Recover running trials whose worker stopped beating, and start waiting experiments
    whose slot freed without a start (run by Celery beat)."""
    return len(recovery.reap_lost_trials()) + len(waiting.admit_all_waiting())
