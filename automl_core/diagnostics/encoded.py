"""Which original feature each encoded column of a fitted preprocessor comes from.

The preprocessor's output columns, in order: the dense block (numbers, booleans, datetime
parts), one missing-value indicator per dense column that had missing values, then per category
column one ordinal code (trees encoding) or one 0/1 column per category (linear encoding: the
one-hot columns), then one frequency column per high-cardinality column. Every encoded column
comes from exactly one original feature, so additive contributions (SHAP values) of the encoded
columns sum to the contribution of that feature.
"""

from __future__ import annotations

from automl_core.pipelines.preprocessing import DATE_PARTS, Encoding, TabularPreprocessor


def encoded_sources(preprocessor: TabularPreprocessor) -> list[str]:
    """The original feature name of every output column of ``preprocessor``, in order."""
    dense = [str(n) for n in preprocessor.numeric_] + [str(n) for n in preprocessor.boolean_]
    dense += [str(n) for n in preprocessor.datetime_ for _ in DATE_PARTS]
    sources = dense + [dense[i] for i in preprocessor.indicators_]
    for name, categories in preprocessor.categories_.items():
        width = len(categories) if preprocessor.encoding == Encoding.LINEAR else 1
        sources += [str(name)] * width
    sources += [str(name) for name in preprocessor.frequencies_]
    return sources
