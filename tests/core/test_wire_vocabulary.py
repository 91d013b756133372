"""One owner of the wire vocabulary: ``flipkart_ext._spec``, held against the spec and the docs.

The enums the filters, the emulator and the command line share are declared once in
``_spec`` (``SpecValues``), each held here against the normalized spec; the notification
event names (webhooks are not in the spec) are held against Flipkart's notification pages
(``tests/notifications/samples``). A value or event name written as a literal anywhere else
in the package, or a tuple of them re-declared, fails the syntax-tree walk below.
"""

from __future__ import annotations

import ast
import inspect
import json
from pathlib import Path
from typing import Any

import pytest

from flipkart_ext import _spec, notifications
from flipkart_ext._spec import DECLARED_VALUES, EVENTS, READ_ONLY_POSTS, SpecField, SpecValues
from flipkart_ext.testing import EVENT_TYPES

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "flipkart_ext"
SAMPLES = ROOT / "tests" / "notifications" / "samples"
SPEC = json.loads((ROOT / "openapi" / "flipkart-seller-api.json").read_text(encoding="utf-8"))


def _enum_of(field: SpecField) -> list[str]:
    schema = SPEC["components"]["schemas"][field.schema]["properties"][str(field)]
    return list(schema.get("enum") or schema.get("items", {}).get("enum") or [])


@pytest.mark.parametrize("values", DECLARED_VALUES, ids=lambda v: repr(v.where))
def test_each_declared_set_of_values_is_the_specs_own(values: SpecValues) -> None:
    if values.in_spec:
        assert isinstance(values.where, SpecField)
        # Each declared value is one the spec names. A value the spec adds later is
        # additive (the regeneration report lists it); one it drops fails here.
        assert len(set(values)) == len(values)
        assert set(values) <= set(_enum_of(values.where)), sorted(
            set(values) - set(_enum_of(values.where))
        )
    else:  # documented by Flipkart, a plain string in the spec: the parameter must exist
        parameter = values.where
        operation = SPEC["paths"][parameter.operation.path][parameter.operation.method]
        declared = [p for p in operation["parameters"] if p["name"] == parameter.name]
        assert declared and "enum" not in declared[0].get("schema", {})


def test_read_only_posts_are_post_operations_of_the_spec() -> None:
    for operation in READ_ONLY_POSTS:
        assert operation.method == "post"
        assert "post" in SPEC["paths"][operation.path]


def test_event_names_are_the_documented_ones() -> None:
    documented = {path.name.split(".", 1)[0] for path in SAMPLES.glob("*.json")}
    assert set(EVENTS) == documented


def test_every_typed_event_and_the_emulators_events_use_the_declared_names() -> None:
    classes = [
        value
        for value in vars(notifications).values()
        if inspect.isclass(value) and isinstance(getattr(value, "EVENT_TYPE", None), str)
    ]
    typed = {cls.EVENT_TYPE for cls in classes if cls.EVENT_TYPE}
    assert typed == set(EVENTS)
    assert set(EVENT_TYPES) == set(EVENTS)


def _docstrings(tree: ast.AST) -> set[int]:
    """Docstrings and ``__all__`` entries: names, not values sent or read."""
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                found.add(id(body[0].value))
        if isinstance(node, ast.Assign) and any(
            isinstance(t, ast.Name) and t.id == "__all__" for t in node.targets
        ):
            found.update(id(element) for element in ast.walk(node.value))
    return found


def _literal_problems(path: Path) -> list[str]:
    relative = path.relative_to(PACKAGE).as_posix()
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = _docstrings(tree)
    events = set(EVENTS)
    declared = {tuple(sorted(values)): values for values in DECLARED_VALUES}
    problems = []
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Constant)
            and isinstance(node.value, str)
            and node.value in events
            and id(node) not in docstrings
        ):
            problems.append(f"{relative}:{node.lineno}: event name {node.value!r} written out")
        elif (
            isinstance(node, ast.Tuple)
            and node.elts
            and all(isinstance(e, ast.Constant) and isinstance(e.value, str) for e in node.elts)
        ):
            key = tuple(sorted(e.value for e in node.elts))  # type: ignore[attr-defined]
            if key in declared:
                problems.append(f"{relative}:{node.lineno}: re-declares {declared[key].where!r}")
    return problems


def test_no_module_writes_the_vocabulary_out_again() -> None:
    problems: list[str] = []
    for path in sorted(PACKAGE.rglob("*.py")):
        if path.name == "_spec.py" or "_sync" in path.parts:
            continue
        problems += _literal_problems(path)
    assert problems == []


def test_the_walk_finds_a_written_out_event_and_a_redeclared_tuple(tmp_path: Path) -> None:
    probe = PACKAGE / "_probe_for_the_vocabulary_test.py"
    try:
        probe.write_text(
            'EVENT = "return_created"\nSOURCES = ("courier_return", "customer_return")\n',
            encoding="utf-8",
        )
        assert len(_literal_problems(probe)) == 2
    finally:
        probe.unlink(missing_ok=True)


def test_spec_declarations_are_registered() -> None:
    """Every public SpecValues in _spec is in DECLARED_VALUES (so it is checked above)."""
    declared: list[Any] = [
        getattr(_spec, name)
        for name in _spec.__all__
        if isinstance(getattr(_spec, name), SpecValues)
    ]
    assert declared and all(any(v is d for d in DECLARED_VALUES) for v in declared)
