"""Every core module declares its public surface in a sorted, complete ``__all__``."""

from __future__ import annotations

import ast
import importlib
import inspect

import pytest

from tests._surface import isort_key

MODULES = [
    "flipkart_ext._auth",
    "flipkart_ext._budget_transport",
    "flipkart_ext._client",
    "flipkart_ext._core_client",
    "flipkart_ext._core.environments",
    "flipkart_ext.errors",
    "flipkart_ext._pool",
    "flipkart_ext._rate_budget",
    "flipkart_ext._core.redact",
    "flipkart_ext._redis_budget",
    "flipkart_ext._async.auth",
    "flipkart_ext._async.redis_budget",
    "flipkart_ext._async.redis_store",
    "flipkart_ext._core.auth_plan",
    "flipkart_ext._core.redis_tokens",
    "flipkart_ext._core.sealing",
    "flipkart_ext._core.redis_keys",
    "flipkart_ext._retry",
    "flipkart_ext._sellers",
    "flipkart_ext._store_threads",
    "flipkart_ext.stores",
    "flipkart_ext._core.tokens",
]

# Module-level names that are public by spelling but are not API.
NOT_API = {"logger"}


def _defined_public_names(module: object) -> set[str]:
    tree = ast.parse(inspect.getsource(module))  # type: ignore[arg-type]
    names: set[str] = set()
    for node in tree.body:
        if isinstance(node, (ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
            names.add(node.name)
        elif isinstance(node, ast.Assign):
            names.update(t.id for t in node.targets if isinstance(t, ast.Name))
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            names.add(node.target.id)
    return {n for n in names if not n.startswith("_")} - NOT_API - {"__all__"}


@pytest.mark.parametrize("name", MODULES)
def test_all_is_complete_sorted_and_resolvable(name: str) -> None:
    module = importlib.import_module(name)
    exported = list(module.__all__)
    assert exported == sorted(exported, key=isort_key), "keep __all__ sorted"
    assert len(set(exported)) == len(exported)
    assert set(exported) == _defined_public_names(module)
    for attr in exported:
        assert hasattr(module, attr), attr
