"""Every wire name that hand-written code reads directly exists in the committed normalized spec.

A rename upstream (say ``nextPageUrl`` becoming ``nextPage``) regenerates the spec; this test
then fails naming the declaration, where the pager and the emulator would otherwise keep
agreeing on the stale string and an export would stop after page 1.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

from flipkart_ext import _spec as _wire_names
from flipkart_ext._spec import (
    DECLARED_FIELDS,
    DECLARED_OPERATIONS,
    DECLARED_PARAMS,
    DECLARED_VALUES,
    EVENTS,
    SpecField,
    SpecOperation,
    SpecParam,
    SpecValues,
)

SPEC_PATH = Path(__file__).resolve().parents[2] / "openapi" / "flipkart-seller-api.json"


@pytest.fixture(scope="module")
def spec() -> dict[str, Any]:
    return json.loads(SPEC_PATH.read_text())


def field_problem(spec: dict[str, Any], field: SpecField) -> str | None:
    schema = spec["components"]["schemas"].get(field.schema)
    if schema is None:
        return f"{field!r}: schema {field.schema} is not in the spec"
    if str(field) not in schema.get("properties", {}):
        return f"{field!r}: {field.schema} has no property {str(field)!r}"
    return None


def operation_problem(spec: dict[str, Any], op: SpecOperation) -> str | None:
    if op.method not in spec["paths"].get(op.path, {}):
        return f"{op}: no such operation in the spec"
    return None


def param_problem(spec: dict[str, Any], param: SpecParam) -> str | None:
    op = param.operation
    declared = spec["paths"].get(op.path, {}).get(op.method, {}).get("parameters", [])
    if not any(p.get("name") == param.name and p.get("in") == param.location for p in declared):
        return f"{op} has no {param.location} parameter {param.name!r}"
    return None


def problems(spec: dict[str, Any]) -> list[str]:
    found = [field_problem(spec, f) for f in DECLARED_FIELDS]
    found += [operation_problem(spec, op) for op in DECLARED_OPERATIONS]
    found += [param_problem(spec, p) for p in DECLARED_PARAMS]
    return [p for p in found if p is not None]


@pytest.mark.parametrize("field", DECLARED_FIELDS, ids=repr)
def test_declared_field_is_in_the_spec(spec: dict[str, Any], field: SpecField) -> None:
    assert field_problem(spec, field) is None


@pytest.mark.parametrize("op", DECLARED_OPERATIONS, ids=str)
def test_declared_operation_is_in_the_spec(spec: dict[str, Any], op: SpecOperation) -> None:
    assert operation_problem(spec, op) is None


@pytest.mark.parametrize("param", DECLARED_PARAMS, ids=lambda p: f"{p.operation}:{p.name}")
def test_declared_parameter_is_in_the_spec(spec: dict[str, Any], param: SpecParam) -> None:
    assert param_problem(spec, param) is None


def test_every_public_declaration_is_registered() -> None:
    """A declaration outside the registries would escape the checks above."""
    registered = set(DECLARED_FIELDS) | set(DECLARED_OPERATIONS) | set(DECLARED_PARAMS)
    for name in _wire_names.__all__:
        value = getattr(_wire_names, name)
        if isinstance(value, SpecField | SpecOperation | SpecParam):
            assert value in registered, name
        elif isinstance(value, SpecValues):  # held against the spec in test_wire_vocabulary
            assert any(value is declared for declared in DECLARED_VALUES), name
        elif value is EVENTS:  # not in the spec: held against the docs in test_wire_vocabulary
            continue
        elif isinstance(value, tuple):  # a group of declarations
            for member in value:
                assert member in registered, f"{name}: {member!r}"
        elif isinstance(value, dict):
            for member in value.values():
                assert member in registered, f"{name}: {member!r}"


def _rename_property(spec: dict[str, Any], schema: str, old: str, new: str) -> dict[str, Any]:
    drifted = copy.deepcopy(spec)
    properties = drifted["components"]["schemas"][schema]["properties"]
    properties[new] = properties.pop(old)
    return drifted


@pytest.mark.parametrize("field", DECLARED_FIELDS, ids=repr)
def test_a_renamed_field_is_reported_by_name(spec: dict[str, Any], field: SpecField) -> None:
    drifted = _rename_property(spec, field.schema, str(field), f"{field}Renamed")
    reported = problems(drifted)
    assert reported, f"renaming {field!r} in the spec went unnoticed"
    assert all(str(field) in line for line in reported)
    assert any(field.schema in line for line in reported)


def test_a_moved_operation_is_reported(spec: dict[str, Any]) -> None:
    drifted = copy.deepcopy(spec)
    drifted["paths"]["/v3/shipments/search"] = drifted["paths"].pop("/v3/shipments/filter")
    assert any("/v3/shipments/filter" in line for line in problems(drifted))


def test_the_committed_spec_has_no_problem(spec: dict[str, Any]) -> None:
    assert problems(spec) == []
