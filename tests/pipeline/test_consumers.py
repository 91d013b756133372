"""Hand-written code that names spec parts: found by reading it, and named when a change breaks it."""

from __future__ import annotations

import copy
import shutil
from pathlib import Path
from typing import Any

from api_diff import ERR, compare
from consumers import (
    DECLARATIONS,
    declaration_references,
    declarations_path,
    handler_references,
    mention,
    orphans,
)

from .conftest import ROOT

Doc = dict[str, Any]


def test_the_emulator_handler_table_is_found_by_operation_id(normalized: Doc) -> None:
    found = {ref.key[0]: ref for ref in handler_references(normalized)}
    operation_ids = {
        op["operationId"]
        for item in normalized["paths"].values()
        for op in item.values()
        if isinstance(op, dict) and "operationId" in op
    }
    assert set(found) <= operation_ids
    assert {"getReturns", "searchPreDispatchShipmentPost", "updateInventory"} <= set(found)
    assert found["getReturns"].where.startswith("flipkart_ext/testing/")
    assert found["getReturns"].owner == "the emulator's handler table"


def test_flipkart_ext_declarations_are_read_as_fields_operations_and_parameters(
    normalized: Doc,
) -> None:
    found = {(ref.kind, ref.key) for ref in declaration_references(normalized)}
    assert ("field", ("SearchShipmentResponse", "nextPageUrl")) in found
    assert ("operation", ("GET", "/v2/returns")) in found
    assert ("operation", ("GET", "/v3/shipments/{shipmentIds}/labels")) in found
    assert ("parameter", ("GET", "/v3/shipments", "shipmentIds", "query")) in found
    assert (
        "parameter",
        ("POST", "/v3/shipments/{shipmentIds}/labelOnly/pdf", "reprint", "query"),
    ) in found


def test_the_declarations_module_is_found_where_one_constant_says(tmp_path: Path) -> None:
    assert DECLARATIONS == ("flipkart_ext/_spec.py",)
    (tmp_path / "flipkart_ext").mkdir()
    assert declarations_path(tmp_path) is None
    shutil.copy(ROOT / DECLARATIONS[0], tmp_path / DECLARATIONS[0])
    assert declarations_path(tmp_path) == tmp_path / DECLARATIONS[0]


def test_an_operation_id_respelled_orphans_the_emulator_handler(normalized: Doc) -> None:
    new = copy.deepcopy(normalized)
    new["paths"]["/v2/returns"]["get"]["operationId"] = "GetReturns"
    found = orphans(normalized, new)
    assert [(c.level, c.check, c.subject) for c in found] == [
        (ERR, "emulator-handler-orphaned", "operationId getReturns")
    ]
    assert "GET /v2/returns has operationId GetReturns now" in found[0].message
    assert "the emulator refuses to start" in found[0].message


def test_a_declared_field_removed_is_orphaned_and_its_change_names_the_declaration(
    normalized: Doc,
) -> None:
    new = copy.deepcopy(normalized)
    del new["components"]["schemas"]["SearchShipmentResponse"]["properties"]["nextPageUrl"]
    found = orphans(normalized, new)
    assert [(c.check, c.subject) for c in found] == [
        ("declaration-orphaned", "SearchShipmentResponse.nextPageUrl")
    ]
    assert found[0].path.startswith(("flipkart_ext/_spec.py:", "flipkart_ext/_wire_names.py:"))
    (named,) = mention(compare(normalized, new), normalized)
    assert named.consumers and named.consumers[0].startswith("flipkart_ext's declarations (")


def test_a_parameter_moved_to_a_header_orphans_its_query_declaration(normalized: Doc) -> None:
    new = copy.deepcopy(normalized)
    for parameter in new["paths"]["/v3/shipments"]["get"]["parameters"]:
        if parameter["name"] == "orderIds":
            parameter["in"] = "header"
    assert [c.message.split(" (")[0] for c in orphans(normalized, new)] == [
        "flipkart_ext's declarations names query parameter orderIds of GET /v3/shipments"
    ]


def test_an_unrelated_change_names_nothing(normalized: Doc) -> None:
    new = copy.deepcopy(normalized)
    del new["components"]["schemas"]["Shipment"]["properties"]["mps"]
    assert orphans(normalized, new) == []
    assert all(not c.consumers for c in mention(compare(normalized, new), normalized))
