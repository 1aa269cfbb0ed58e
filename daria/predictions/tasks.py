"""Celery tasks of predictions: thin wrappers that call one service each."""

from celery import shared_task

from daria.predictions.services import process_batch


@shared_task(name="daria.predictions.predict_batch", acks_late=True)
def predict_batch(batch_id: int) -> str:
    """Predict a large uploaded prediction file in this worker; returns its final status."""
    return process_batch(batch_id)
