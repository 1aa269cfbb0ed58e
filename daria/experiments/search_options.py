"""How a search may be configured: searchers, algorithm families, the space and hand-written
configurations checked against it, with messages that name the field or parameter at fault.

Configuration errors are keyed by a dotted path to the bad value (``params.learning_rate``,
``initial_configurations.0.params.max_depth``) so a form can show each next to its field.
"""

from __future__ import annotations

import re
import statistics
from collections.abc import Mapping, Sequence
from typing import Any

from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from rest_framework.exceptions import ValidationError

from automl_core.data import Task
from automl_core.pipelines.registry import FAMILIES, cash_space
from automl_core.search.grid import describe_grid
from automl_core.search.registry import DEFAULT_SEARCHER, SearcherKind, available_searchers
from automl_core.search.space import CashSpace, Configuration, SpaceError
from automl_core.search.trial import TrialState
from daria.experiments.manual import MANUAL
from daria.experiments.models import Experiment

# Before a search has timed any trial, one is taken to last about this long (seconds, rows).
SECONDS_PER_TRIAL_BASE = 2.0
ROWS_PER_EXTRA_SECOND = 10_000

# One line per searcher the product knows; a searcher without one is listed by its name alone.
SEARCHER_DESCRIPTIONS: dict[str, Promise] = {
    "random": gettext_lazy("Random search: tries configurations drawn at random. Simple, robust "
                           "and a good default."),
    "grid": gettext_lazy("Grid search: tries a regular grid of values, spread so the whole space "
                         "is covered early. Honest but slow on large spaces."),
    "evolution": gettext_lazy("Evolutionary search: keeps a population of good configurations "
                              "and mixes and mutates them."),
    "gp-ei": gettext_lazy("Bayesian optimisation (Gaussian process, expected improvement): "
                          "learns from every trial which configuration to try next."),
    "gp-ucb": gettext_lazy("Bayesian optimisation (Gaussian process, upper confidence bound): "
                           "explores uncertain regions more boldly."),
    "gp-pi": gettext_lazy("Bayesian optimisation (Gaussian process, probability of "
                          "improvement): refines the best region found so far."),
    "rf-ei": gettext_lazy("Bayesian optimisation with a random-forest model: copes well with "
                          "many categorical choices."),
    "tpe": gettext_lazy("Tree-structured Parzen estimator: compares where good and bad trials "
                        "lie and samples near the good ones."),
    "hyperband": gettext_lazy("Hyperband: starts many configurations cheaply and keeps only the "
                              "promising ones."),
    "bohb": gettext_lazy("BOHB: Hyperband whose configurations come from a Bayesian model."),
    MANUAL: gettext_lazy("Manual search: runs only the starting configurations you write (and "
                         "any you queue while it runs), then builds the model from them."),
}


def searcher_names() -> list[str]:
    """The searchers that can run right now, by name: the engine's, then manual search alone."""
    return [kind.value for kind in available_searchers()] + [MANUAL]


def searcher_options() -> list[dict[str, str]]:
    """Every available searcher with a one-line description in the user's language."""
    return [{"name": name, "description": str(SEARCHER_DESCRIPTIONS.get(name, name))}
            for name in searcher_names()]


def check_searcher(name: str) -> str:
    """``name`` when it is an available searcher; a ValidationError listing them otherwise."""
    known = searcher_names()
    if name not in known:
        raise ValidationError(_("Unknown search method '%(name)s'; choose one of: %(known)s.")
                              % {"name": name, "known": ", ".join(known)})
    return name


def check_manual_plan(searcher: str, initial_configurations: Sequence[object]) -> None:
    """A ValidationError on ``initial_configurations`` when manual search has none to run."""
    if searcher == MANUAL and not initial_configurations:
        raise ValidationError({"initial_configurations": [_(
            "Manual search runs only the configurations you write: add at least one starting "
            "configuration, or choose another search method.")]})


def suitable_algorithms(n_rows: int) -> list[str]:
    """The families worth trying on ``n_rows`` rows (every family suits every task)."""
    return [f.name for f in FAMILIES.values() if f.max_rows is None or n_rows <= f.max_rows]


def check_algorithms(names: Sequence[str], n_rows: int) -> list[str]:
    """``names`` without duplicates when each is a family usable at this data size.

    Raises ValidationError naming the first family that is unknown or too slow for the data.
    """
    unique = list(dict.fromkeys(names))
    for name in unique:
        family = FAMILIES.get(name)
        if family is None:
            raise ValidationError(_("Unknown algorithm '%(name)s'; choose among: %(known)s.")
                                  % {"name": name, "known": ", ".join(FAMILIES)})
        if family.max_rows is not None and n_rows > family.max_rows:
            raise ValidationError(
                _("The algorithm '%(name)s' is not used on more than %(max)s rows, and this data "
                  "has %(rows)s rows.") % {"name": name, "max": family.max_rows, "rows": n_rows})
    return unique


def search_space(task: Task | str, n_rows: int, algorithms: Sequence[str] = ()) -> CashSpace:
    """The CASH space a search on this task and data size explores, restricted to
    ``algorithms`` when given."""
    return cash_space(Task(task), n_rows, list(algorithms) or None)


def configuration_errors(space: CashSpace, config: Mapping[str, Any],
                         prefix: str = "") -> dict[str, list[str]]:
    """Why a hand-written ``{algorithm, params}`` is not in ``space``, keyed by the bad value's
    dotted path (``algorithm``, ``params`` or ``params.<name>``, after ``prefix``); empty when
    it is valid."""
    algorithm, params = config.get("algorithm"), config.get("params", {})
    if not isinstance(algorithm, str) or algorithm not in space.algorithms:
        return {f"{prefix}algorithm": [
            _("Unknown algorithm '%(name)s' for this search; choose among: %(known)s.")
            % {"name": algorithm, "known": ", ".join(space.algorithms)}]}
    if not isinstance(params, Mapping):
        return {f"{prefix}params": [_("Must be an object of parameter names and values.")]}
    try:
        space.validate(Configuration(algorithm, dict(params)))
    except SpaceError as error:
        return {f"{prefix}{_error_path(space, algorithm, str(error))}": [str(error)]}
    return {}


def check_configurations(space: CashSpace,
                         configs: Sequence[Mapping[str, Any]]) -> list[dict[str, Any]]:
    """The configurations as plain dicts when each is in ``space``; a ValidationError keyed by
    ``initial_configurations.<i>.<path>`` for the first that is not."""
    checked = []
    for index, config in enumerate(configs):
        errors = configuration_errors(space, config, f"initial_configurations.{index}.")
        if errors:
            raise ValidationError(errors)
        checked.append(Configuration(config["algorithm"], dict(config["params"])).to_dict())
    return checked


def estimated_trial_s(n_rows: int) -> float:
    """A rough duration of one trial before any has run: a few seconds, more on larger data."""
    return SECONDS_PER_TRIAL_BASE + n_rows / ROWS_PER_EXTRA_SECOND


def measured_trial_s(experiment: Experiment) -> float | None:
    """The median duration of the experiment's completed trials, or None before the first."""
    durations = [fit + predict for fit, predict in experiment.trials.filter(
        state=TrialState.COMPLETE.value).values_list("fit_time_s", "predict_time_s")]
    return statistics.median(durations) if durations else None


def grid_summary(space: CashSpace, budget_s: float | None, parallelism: int,
                 seconds_per_trial: float) -> dict[str, Any]:
    """The grid's size and about how many of its points the budget's trials cover, with a
    translated sentence such as "1,296 configurations; about 40 fit in your budget."."""
    budget = None if budget_s is None else budget_s * max(parallelism, 1)
    summary = describe_grid(space, budget, seconds_per_trial)
    values = {"size": f"{summary.size:,}", "fits": f"{summary.fits or 0:,}"}
    if summary.fits is None:
        message = ngettext("%(size)s configuration.", "%(size)s configurations.", summary.size)
    elif summary.covers_all:
        message = ngettext("%(size)s configuration; it fits in your budget.",
                           "%(size)s configurations; all fit in your budget.", summary.size)
    else:
        message = ngettext("%(size)s configuration; about %(fits)s fit in your budget.",
                           "%(size)s configurations; about %(fits)s fit in your budget.",
                           summary.size)
    return {"size": summary.size, "fits": summary.fits, "covers_all": summary.covers_all,
            "message": message % values}


def describe_search(space: CashSpace, task: Task | str, available: Sequence[str], searcher: str,
                    budget_s: float | None, parallelism: int, seconds_per_trial: float,
                    validation_folds: int | None = None) -> dict[str, Any]:
    """What a search form needs: the space, the families and searchers to choose from, and the
    grid's size when the searcher is the grid; for an experiment, its searcher, parallelism and
    validation folds."""
    grid = None
    if searcher == SearcherKind.GRID.value:
        grid = grid_summary(space, budget_s, parallelism, seconds_per_trial)
    return {"task": str(task), "available_algorithms": list(available),
            "space": space.to_dict(), "searchers": searcher_options(),
            "default_searcher": DEFAULT_SEARCHER.value, "searcher": searcher,
            "parallelism": parallelism, "validation_folds": validation_folds, "grid": grid}


def _error_path(space: CashSpace, algorithm: str, message: str) -> str:
    """``params.<name>`` for the parameter the engine's message is about, else ``params``."""
    for param in space.params_of(algorithm):
        if re.search(rf"\b{re.escape(algorithm)}\.{re.escape(param.name)}(?![\w])", message):
            return f"params.{param.name}"
    return "params"
