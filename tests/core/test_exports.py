"""Every module of the library declares its public surface in a sorted, complete ``__all__``."""

from __future__ import annotations

import ast
import importlib
import inspect

import pytest

from tests._surface import isort_key


def _modules() -> list[str]:
    """Every module of the library proper (packages re-export; cli/ and testing/ are apps)."""
    import pkgutil

    import flipkart_ext

    found = []
    for info in pkgutil.walk_packages(flipkart_ext.__path__, "flipkart_ext."):
        name = info.name
        if info.ispkg or name.startswith(("flipkart_ext.cli", "flipkart_ext.testing")):
            continue
        if name.rsplit(".", 1)[-1] in {"__main__", "_version", "demo", "_demo_receiver"}:
            continue
        found.append(name)
    return sorted(found)


MODULES = _modules()

# Module-level names that are public by spelling but are not API.
NOT_API = {"logger"}


def _is_type_variable(value: ast.expr) -> bool:
    return (
        isinstance(value, ast.Call)
        and isinstance(value.func, ast.Name)
        and value.func.id in {"TypeVar", "ParamSpec"}
    )


def _defined_public_names(module: object) -> set[str]:
    tree = ast.parse(inspect.getsource(module))  # type: ignore[arg-type]
    names: set[str] = set()
    for node in tree.body:
        if isinstance(node, (ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
            names.add(node.name)
        elif isinstance(node, ast.Assign):
            if _is_type_variable(node.value):
                continue  # a TypeVar is spelling for signatures, not API
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
