"""Celery tasks of datasets: thin wrappers that call one service each."""

from celery import shared_task

from daria.datasets.services import process_dataset as process


@shared_task(name="daria.datasets.process_dataset", acks_late=True)
def process_dataset(dataset_id: int) -> str:
    """Read and profile a large uploaded dataset in this worker; returns its final status."""
    return process(dataset_id)
