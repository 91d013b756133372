"""Shared by the tests that guard ``__all__``."""

from __future__ import annotations


def isort_key(name: str) -> tuple[int, str]:
    """The order ruff's RUF022 keeps in ``__all__``: constants, classes, then functions."""
    if name.isupper():
        return (0, name)
    if name[:1].isupper():
        return (1, name)
    return (2, name)
