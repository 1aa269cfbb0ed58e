"""The words drawn in the analysis charts, in the request's language."""

from __future__ import annotations

from dataclasses import fields

from django.utils.translation import pgettext

from automl_core.analysis.payload import ENGLISH, ChartText

# Short labels are translated in this context, so that the same English word may be translated
# differently elsewhere in the app without clashing in the catalogue.
CONTEXT = "leaderboard"


def label(text: str) -> str:
    """A chart or table label in the request's language."""
    return pgettext(CONTEXT, text)


def chart_text(metric: str = "") -> ChartText:
    """The engine's chart labels translated (their English text is the catalogue key); the
    score axis names the metric when given."""
    translated = {item.name: label(getattr(ENGLISH, item.name)) for item in fields(ChartText)}
    if metric:
        translated["score"] = label("Score (%(metric)s)") % {"metric": metric}
    return ChartText(**translated)
