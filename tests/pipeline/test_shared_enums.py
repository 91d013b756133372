"""An inline enum repeated in many places is generated once (the shared-inline-enums fixup)."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

from codegen import build_package, dump_document
from python_surface import read_surface
from spec_fixups import SHARED_ENUM_MIN_USES, shared_inline_enums

Doc = dict[str, Any]
STATES = ["APPROVED", "PACKED", "SHIPPED"]


def document(copies: int, *, existing: str | None = None, in_model: bool = True) -> Doc:
    """``copies`` list calls, each filtering by the same inline ``status`` enum; a model
    holds it too (unless not ``in_model``), nullable with a default, the way the response
    fixups leave it."""
    paths = {
        f"/reports/r{index}": {
            "get": {
                "operationId": f"getReport{index}",
                "tags": ["Reports"],
                "parameters": [
                    {
                        "name": "status",
                        "in": "query",
                        "schema": {"type": "string", "enum": list(STATES)},
                    }
                ],
                "responses": {
                    "200": {
                        "description": "ok",
                        "content": {
                            "application/json": {"schema": {"$ref": "#/components/schemas/Row"}}
                        },
                    }
                },
            }
        }
        for index in range(copies - 1)
    }
    schemas: dict[str, Any] = {
        "Row": {
            "type": "object",
            "properties": {
                "state": {
                    "type": "string",
                    "enum": list(STATES),
                    "nullable": True,
                    "default": "PACKED",
                },
                # Same values, another order: another enum, kept apart.
                "other": {"type": "string", "enum": list(reversed(STATES))},
            },
        }
    }
    if not in_model:
        del schemas["Row"]["properties"]["state"]
        paths["/reports/last"] = copy.deepcopy(paths["/reports/r0"])
        paths["/reports/last"]["get"]["operationId"] = "getLastReport"
    if existing:
        schemas[existing] = {"type": "object", "properties": {}}
    return {
        "openapi": "3.0.3",
        "info": {"title": "t", "version": "1"},
        "paths": paths,
        "components": {"schemas": schemas},
    }


def test_below_the_threshold_every_place_keeps_its_inline_enum() -> None:
    doc = document(SHARED_ENUM_MIN_USES - 1)
    before = copy.deepcopy(doc)
    assert shared_inline_enums(doc) == []
    assert doc == before


def test_at_the_threshold_one_component_keeps_the_class_the_model_had() -> None:
    doc = document(SHARED_ENUM_MIN_USES)
    assert shared_inline_enums(doc) == []
    schemas = doc["components"]["schemas"]
    # Row.state was generated as RowState: code that imports it keeps working.
    assert schemas["RowState"] == {"type": "string", "enum": STATES}
    for item in doc["paths"].values():
        assert item["get"]["parameters"][0]["schema"] == {"$ref": "#/components/schemas/RowState"}
    # The wrapper keeps what belongs to its place.
    assert schemas["Row"]["properties"]["state"] == {
        "allOf": [{"$ref": "#/components/schemas/RowState"}],
        "nullable": True,
        "default": "PACKED",
    }
    assert "enum" in schemas["Row"]["properties"]["other"]
    again = copy.deepcopy(doc)
    shared_inline_enums(again)
    assert again == doc


def test_with_no_model_holding_it_the_enum_is_named_after_its_parameter() -> None:
    doc = document(SHARED_ENUM_MIN_USES, in_model=False)
    shared_inline_enums(doc)
    assert doc["components"]["schemas"]["Status"] == {"type": "string", "enum": STATES}


def test_a_taken_name_gets_a_suffix() -> None:
    doc = document(SHARED_ENUM_MIN_USES, existing="Status", in_model=False)
    shared_inline_enums(doc)
    assert doc["components"]["schemas"]["StatusEnum"]["enum"] == STATES
    assert doc["components"]["schemas"]["Status"] == {"type": "object", "properties": {}}


def test_the_generated_package_has_one_class_for_the_shared_enum(tmp_path: Path) -> None:
    doc = document(SHARED_ENUM_MIN_USES)
    shared_inline_enums(doc)
    surface = read_surface(build_package(dump_document(doc), {}, tmp_path))
    # Not one GetReportNStatus per operation; the other order stays its own inline enum.
    assert sorted(surface.enums) == ["RowOther", "RowState"]
    report = surface.endpoints["api/reports/get_report_0.py"]
    assert report.arguments["status"].annotation == "RowState | Unset"
    assert report.arguments["status"].wire == "query status"
    state = surface.models["Row"].attributes["state"]
    assert (state.annotation, state.default) == ("None | RowState | Unset", "RowState.PACKED")
