"""Names a package offers at its top level but imports on first use (PEP 562).

A package's ``__init__`` that imported everything it re-exports would make ``import
automl_core.data.reading`` pay for scikit-learn, SciPy and LightGBM (about 110 MB and a second
of imports) through the facade, although reading and profiling a table need none of them.
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable, Mapping
from typing import Any


def lazy_exports(package: str, exports: Mapping[str, str]
                 ) -> tuple[Callable[[str], Any], Callable[[], list[str]]]:
    """The ``__getattr__`` and ``__dir__`` for ``package``: ``exports`` maps a name to its module.

    A name is imported from its module the first time it is asked for, then stored in the
    package's namespace, so ``__getattr__`` is not called for it again. Any other name raises
    ``AttributeError``, which lets ``from package import submodule`` import the submodule.
    """

    def __getattr__(name: str) -> Any:
        module = exports.get(name)
        if module is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(module), name)
        setattr(sys.modules[package], name, value)
        return value

    def __dir__() -> list[str]:
        return sorted(set(vars(sys.modules[package])) | set(exports))

    return __getattr__, __dir__
