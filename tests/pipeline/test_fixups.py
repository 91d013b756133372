"""Each declared fixup corrects its upstream defect, is idempotent, and fails loudly when stale."""

from __future__ import annotations

import copy
from typing import Any

import pytest
from spec_fixups import (
    OPENAPI3_FIXUPS,
    SOURCE_FIXUPS,
    FixupError,
    apply_fixups,
    iter_operations,
    response_schema_names,
)


@pytest.fixture(scope="module")
def source_fixed(upstream: dict[str, Any]) -> dict[str, Any]:
    return apply_fixups(upstream, SOURCE_FIXUPS)


def test_every_fixup_has_a_one_line_reason() -> None:
    names = [fixup.name for fixup in SOURCE_FIXUPS + OPENAPI3_FIXUPS]
    assert len(names) == len(set(names))
    for fixup in SOURCE_FIXUPS + OPENAPI3_FIXUPS:
        assert fixup.reason.strip() and "\n" not in fixup.reason, fixup.name


def test_input_document_is_not_mutated(upstream: dict[str, Any]) -> None:
    before = copy.deepcopy(upstream)
    apply_fixups(upstream, SOURCE_FIXUPS)
    assert upstream == before


def test_stray_path_parameter_becomes_query(
    upstream: dict[str, Any], source_fixed: dict[str, Any]
) -> None:
    def request_type(document: dict[str, Any]) -> dict[str, Any]:
        parameters = document["paths"]["/v3/shipments/otc/{locationId}"]["get"]["parameters"]
        return next(p for p in parameters if p["name"] == "requestType")

    assert request_type(upstream)["in"] == "path"
    assert request_type(source_fixed)["in"] == "query"
    assert request_type(source_fixed).get("required") is False


def test_duplicate_operation_ids_get_version_suffixes(
    upstream: dict[str, Any], source_fixed: dict[str, Any]
) -> None:
    def ids(document: dict[str, Any]) -> list[str]:
        return [op["operationId"] for _m, _p, op in iter_operations(document)]

    assert ids(upstream).count("submitSelfShipDeliverAttemptRequest") == 2
    fixed = ids(source_fixed)
    assert len(fixed) == len(set(fixed)) == 48
    paths = {op["operationId"]: path for _m, path, op in iter_operations(source_fixed)}
    assert paths["submitSelfShipDeliverAttemptRequestV2"] == "/v2/shipments/deliveryAttempt"
    assert (
        paths["submitSelfShipDeliverAttemptRequestV3"] == "/v3/shipments/selfShip/deliveryAttempt"
    )


def test_wildcard_bodies_become_json(normalized: dict[str, Any]) -> None:
    for path in ("/v3/shipments/filter", "/v2/returns/approve", "/v2/returns/reject"):
        content = normalized["paths"][path]["post"]["requestBody"]["content"]
        assert list(content) == ["application/json"], path
    assert normalized["paths"]["/v3/shipments/filter"]["post"]["requestBody"]["required"] is True


def test_pdf_downloads_are_binary(normalized: dict[str, Any]) -> None:
    for method, path in (
        ("get", "/v3/shipments/{shipmentIds}/labels"),
        ("get", "/v3/shipments/{shipmentIds}/invoices"),
        ("post", "/v3/shipments/manifest"),
        ("post", "/v3/shipments/{shipmentIds}/labelOnly/pdf"),
    ):
        responses = normalized["paths"][path][method]["responses"]
        assert "default" not in responses
        assert responses["200"]["content"] == {
            "application/pdf": {"schema": {"format": "binary", "type": "string"}}
        }


def test_otc_records_are_objects(normalized: dict[str, Any]) -> None:
    schemas = normalized["components"]["schemas"]
    assert schemas["ReverseOTC"]["type"] == "object"
    assert schemas["Otcv2"]["type"] == "object"
    otcs = schemas["ReverseOTCResponse"]["properties"]["otcs"]
    # A list of records, each of which may be null (nullable-response-items).
    assert otcs["type"] == "array"
    assert otcs["items"] == {
        "allOf": [{"$ref": "#/components/schemas/ReverseOTC"}],
        "nullable": True,
    }


def test_response_fields_are_nullable_and_request_only_fields_are_not(
    normalized: dict[str, Any],
) -> None:
    schemas = normalized["components"]["schemas"]
    reachable = response_schema_names(normalized)
    assert {"Shipment", "OrderItem", "SearchShipmentResponse"} <= reachable
    for name in reachable:
        for field, schema in schemas[name].get("properties", {}).items():
            assert schema.get("nullable") is True, f"{name}.{field}"
    # Request-only models stay strict: we send what the spec says.
    assert "SearchShipmentRequest" not in reachable
    assert "nullable" not in schemas["Filter"]["properties"]["type"]


def test_documented_hold_filter_is_added(normalized: dict[str, Any]) -> None:
    assert normalized["components"]["schemas"]["Filter"]["properties"]["hold"] == {
        "type": "boolean"
    }


def test_fixups_are_idempotent(upstream: dict[str, Any], normalized: dict[str, Any]) -> None:
    once = apply_fixups(upstream, SOURCE_FIXUPS)
    assert apply_fixups(once, SOURCE_FIXUPS) == once
    assert apply_fixups(normalized, OPENAPI3_FIXUPS) == normalized


def test_a_fixup_whose_target_moved_fails_loudly(normalized: dict[str, Any]) -> None:
    moved = copy.deepcopy(normalized)
    del moved["paths"]["/v3/shipments/filter"]
    with pytest.raises(FixupError, match="/v3/shipments/filter"):
        apply_fixups(moved, OPENAPI3_FIXUPS)
