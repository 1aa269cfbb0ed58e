"""Celery task of the model insights: a thin wrapper that calls one service."""

from celery import shared_task

from daria.insights import jobs


@shared_task(name="daria.insights.compute_insights")
def compute_insights(model_id: int) -> str:
    """Compute a model's expensive charts (importance, SHAP, dependence, learning curve)."""
    return jobs.compute_insights(model_id)
