"""The package's public surface: sorted, complete where it matters, and every name resolves."""

from __future__ import annotations

import importlib
import inspect

import pytest

import flipkart_ext
from flipkart_ext import errors as _errors
from tests._surface import isort_key

PUBLIC_PACKAGES = [
    "flipkart_ext",
    "flipkart_ext.shipments",
    "flipkart_ext.notifications",
    "flipkart_ext.testing",
    "flipkart_ext.testing.cassettes",
]


@pytest.mark.parametrize("name", PUBLIC_PACKAGES)
def test_all_is_sorted_unique_and_resolves(name: str) -> None:
    module = importlib.import_module(name)
    exported = list(module.__all__)
    assert exported == sorted(exported, key=isort_key)
    assert len(set(exported)) == len(exported)
    missing = [attr for attr in exported if not hasattr(module, attr)]
    assert missing == []


def test_every_error_class_is_exported_from_the_root() -> None:
    error_classes = {
        name
        for name, value in vars(_errors).items()
        if inspect.isclass(value) and issubclass(value, _errors.FlipkartError)
    }
    assert error_classes <= set(flipkart_ext.__all__)


def test_clients_and_filter_are_at_the_root() -> None:
    for name in (
        "FlipkartClient",
        "AsyncFlipkartClient",
        "ShipmentFilter",
        "RetryPolicy",
        "FileTokenStore",
        "MemoryTokenStore",
        "TokenStore",
    ):
        assert name in flipkart_ext.__all__
