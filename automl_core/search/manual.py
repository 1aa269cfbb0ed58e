"""Manual search: configurations written by the user, checked against the space.

Given to :class:`automl_core.AutoML` (or the CLI's ``--configurations``), they are the search's
first trials, before the portfolio and the searcher's own proposals. With the searcher
:data:`MANUAL_SEARCH`, they are the whole search: each runs once, in order, and nothing else does.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from automl_core.exceptions import ConfigError
from automl_core.search.space import CashSpace, Configuration, SpaceError

MANUAL_SEARCH = "manual"  # not a searcher: the search runs only the user's configurations

ConfigurationLike = Configuration | Mapping[str, Any]


def check_manual_plan(searcher: str, configurations: Sequence[ConfigurationLike]) -> None:
    """Raise ConfigError when manual search is asked for without a configuration to run."""
    if searcher == MANUAL_SEARCH and not configurations:
        raise ConfigError("no_configurations", "Manual search runs only the configurations you "
                          "write: give at least one, or choose another searcher.", {})


def starting_configurations(space: CashSpace,
                            configurations: Sequence[ConfigurationLike]) -> list[Configuration]:
    """The configurations as :class:`Configuration` objects inside ``space``, in order, each once.

    Raises ConfigError naming the configuration (by position) and what is wrong with it, e.g.
    ``configuration 2: lightgbm.num_leaves=1 is not allowed; expected an integer in [4, 256]``.
    """
    checked: list[Configuration] = []
    for position, given in enumerate(configurations, start=1):
        try:
            config = given if isinstance(given, Configuration) else Configuration.from_dict(given)
            checked.append(space.validate(config))
        except (SpaceError, KeyError, TypeError, ValueError) as error:
            reason = f"missing {error}" if isinstance(error, KeyError) else str(error)
            raise ConfigError("bad_configuration", f"configuration {position}: {reason}",
                              {"position": position}) from None
    return list(dict.fromkeys(checked))
