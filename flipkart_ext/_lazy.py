"""Names a package serves on first use, and old names it serves for one more release.

``import flipkart_ext`` must stay cheap (a program that only builds a filter, or a pytest run
that merely has the package installed, should not pay for httpx and the generated models),
so packages list their public names in ``__all__`` and load each from its module the first
time it is asked for (PEP 562). Type checkers see ordinary imports under ``TYPE_CHECKING``.
"""

from __future__ import annotations

import importlib
import warnings
from collections.abc import Callable, Mapping

__all__ = ["lazy_module_getattr"]


def lazy_module_getattr(
    package: str,
    names: Mapping[str, str],
    *,
    moved: Mapping[str, str] | None = None,
) -> Callable[[str], object]:
    """A module ``__getattr__`` for ``package``.

    ``names`` maps each public name to the module (relative to ``package``) defining it.
    ``moved`` maps an old name to its new dotted home (``"flipkart_ext.NotFound"``); asking
    for it works for one more release, with a :class:`DeprecationWarning`.
    """
    namespace = importlib.import_module(package)
    old = dict(moved or {})

    def __getattr__(name: str) -> object:
        if name in names:
            value = getattr(importlib.import_module(names[name], package), name)
            setattr(namespace, name, value)  # later look-ups are plain attribute reads
            return value
        if name in old:
            home, _, attribute = old[name].rpartition(".")
            warnings.warn(
                f"{package}.{name} moved to {old[name]}; the old name goes in the next release",
                DeprecationWarning,
                stacklevel=2,
            )
            return getattr(importlib.import_module(home), attribute)
        raise AttributeError(f"module {package!r} has no attribute {name!r}")

    return __getattr__
