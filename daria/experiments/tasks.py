"""Celery tasks of experiments: thin wrappers that call one service each."""

from celery import shared_task

from daria.experiments.runner import run_experiment as run


@shared_task(name="daria.experiments.run_experiment", acks_late=True)
def run_experiment(experiment_id: int) -> str:
    """Run one experiment's search in this worker; returns its final status."""
    return run(experiment_id)
