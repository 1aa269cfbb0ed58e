"""Hypothesis strategies for random CASH spaces, conditional parameters included."""

from dataclasses import replace

from hypothesis import strategies as st

from automl_core.search.space import (
    CashSpace,
    CategoricalParam,
    Condition,
    FloatParam,
    IntParam,
)


@st.composite
def float_params(draw, name):
    log = draw(st.booleans())
    low = draw(st.floats(1e-4, 100.0) if log else st.floats(-100.0, 100.0))
    # A real range: a single-value float (low == high) is not a parameter to search.
    width = draw(st.floats(1e-3, 1000.0))
    return FloatParam(name, low, low + width, log=log)


@st.composite
def int_params(draw, name):
    log = draw(st.booleans())
    low = draw(st.integers(1, 50) if log else st.integers(-50, 50))
    return IntParam(name, low, low + draw(st.integers(0, 300)), log=log)


@st.composite
def cat_params(draw, name):
    choices = draw(st.lists(st.one_of(st.sampled_from(["a", "b", "c", "d"]), st.booleans(),
                                      st.integers(-3, 3), st.none()),
                            min_size=1, max_size=4, unique_by=lambda v: (type(v), v)))
    return CategoricalParam(name, tuple(choices))


@st.composite
def conditioned(draw, param, earlier):
    """``param``, possibly with a condition on one earlier categorical or integer parameter."""
    parents = [p for p in earlier if not isinstance(p, FloatParam)]
    if not parents or not draw(st.booleans()):
        return param
    parent = draw(st.sampled_from(parents))
    if isinstance(parent, CategoricalParam):
        values = draw(st.lists(st.sampled_from(parent.choices), min_size=1, unique_by=repr))
    else:
        values = [draw(st.integers(parent.low, parent.high))]
    return replace(param, condition=Condition(parent.name, tuple(values)))


@st.composite
def families(draw, max_params=4):
    params = []
    for i in range(draw(st.integers(0, max_params))):
        kind = draw(st.sampled_from([float_params, int_params, cat_params]))
        params.append(draw(conditioned(draw(kind(f"p{i}")), params)))
    return tuple(params)


@st.composite
def cash_spaces(draw, max_families=3, max_params=4):
    """A CASH space of 1 to ``max_families`` families of up to ``max_params`` parameters."""
    n = draw(st.integers(1, max_families))
    return CashSpace({f"f{i}": draw(families(max_params)) for i in range(n)})
