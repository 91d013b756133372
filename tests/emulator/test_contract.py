from __future__ import annotations

import json
from typing import Any

import httpx
import pytest

from flipkart_ext.testing import Emulator, SpecContract
from flipkart_ext.testing._contract import _convert

TINY_SPEC: dict[str, Any] = {
    "openapi": "3.0.3",
    "paths": {
        "/things/{thingId}": {
            "get": {
                "operationId": "getThing",
                "parameters": [
                    {
                        "in": "path",
                        "name": "thingId",
                        "required": True,
                        "schema": {"type": "string"},
                    },
                    {"in": "query", "name": "view", "required": True, "schema": {"type": "string"}},
                ],
                "responses": {
                    "200": {
                        "description": "ok",
                        "content": {
                            "application/json": {"schema": {"$ref": "#/components/schemas/Thing"}}
                        },
                    }
                },
            }
        },
        "/things": {
            "post": {
                "operationId": "makeThing",
                "requestBody": {
                    "required": True,
                    "content": {
                        "application/json": {"schema": {"$ref": "#/components/schemas/Thing"}}
                    },
                },
                "responses": {"200": {"description": "ok"}},
            }
        },
    },
    "components": {
        "schemas": {
            "Thing": {
                "type": "object",
                "required": ["name"],
                "properties": {
                    "name": {"type": "string"},
                    "note": {"type": "string", "nullable": True},
                    "kind": {"type": "string", "enum": ["A", "B"], "nullable": True},
                    "size": {"allOf": [{"$ref": "#/components/schemas/Size"}], "nullable": True},
                },
            },
            "Size": {"type": "object", "properties": {"cm": {"type": "integer"}}},
        }
    },
}


def response_errors(contract: SpecContract, path: str, body: Any) -> list[str]:
    return contract.response_errors(
        "GET", "/sellers" + path, 200, "application/json", json.dumps(body).encode()
    )


def test_nullable_becomes_a_null_type() -> None:
    converted = _convert({"type": "string", "enum": ["A"], "nullable": True}, strict=False)
    assert converted == {"type": ["string", "null"], "enum": ["A", None]}
    composed = _convert({"allOf": [{"$ref": "#/components/schemas/X"}], "nullable": True}, False)
    assert composed == {"anyOf": [{"allOf": [{"$ref": "#/$defs/X"}]}, {"type": "null"}]}


def test_response_checks_follow_nullable_refs_and_enums() -> None:
    contract = SpecContract(TINY_SPEC)
    good = {"name": "x", "note": None, "kind": None, "size": None}
    assert response_errors(contract, "/things/1", good) == []
    assert response_errors(contract, "/things/1", {"name": "x", "size": {"cm": 3}}) == []
    wrong_enum = response_errors(contract, "/things/1", {"name": "x", "kind": "C"})
    assert len(wrong_enum) == 1
    assert wrong_enum[0].startswith("kind:")
    assert response_errors(contract, "/things/1", {"name": None}) != []
    assert response_errors(contract, "/things/1", {"name": "x", "size": {"cm": "big"}}) != []
    # Responses may carry fields the spec does not know.
    assert response_errors(contract, "/things/1", {"name": "x", "extra": 1}) == []


def test_request_checks_are_strict_about_unknown_fields_and_parameters() -> None:
    contract = SpecContract(TINY_SPEC)
    make, _ = contract.find("POST", "/things") or pytest.fail("route not found")
    assert contract.request_errors(make, {}, {"name": "x"}, has_body=True) == []
    unknown = contract.request_errors(make, {}, {"name": "x", "nmae": "y"}, has_body=True)
    assert [e.path for e in unknown] == ["$"]
    assert "nmae" in unknown[0].description
    assert [e.path for e in contract.request_errors(make, {"q": "1"}, {"name": "x"}, True)] == ["q"]
    assert contract.request_errors(make, {}, None, has_body=False)[0].path == "$"
    get, params = contract.find("GET", "/things/abc") or pytest.fail("route not found")
    assert params == {"thingId": "abc"}
    assert [e.path for e in contract.request_errors(get, {}, None, False)] == ["view"]


def test_literal_paths_win_over_templates() -> None:
    contract = SpecContract()
    found = contract.find("GET", "/v3/shipments/filter")
    assert found is not None
    assert found[0].operation_id == "searchPreDispatchShipmentGet"
    found = contract.find("GET", "/v3/shipments/abc,def")
    assert found is not None
    assert found[0].operation_id == "getShipmentDetails"
    assert found[1] == {"shipmentIds": "abc,def"}


def test_an_invalid_body_is_400_in_flipkarts_shape(api: httpx.Client) -> None:
    response = api.post(
        "/v3/shipments/filter",
        json={"filter": {"type": "preDispatch", "states": ["APPROVED", "NOT_A_STATE"]}},
    )
    assert response.status_code == 400
    body = response.json()
    assert body["error"] == "invalid_request"
    assert isinstance(body["error_description"], str)
    [error] = body["errors"]
    assert error["severity"] == "ERROR"
    assert error["code"] == 400
    assert error["path"] == "filter.states[1]"
    assert "NOT_A_STATE" in error["description"]


@pytest.mark.parametrize(
    ("body", "path"),
    [
        ({}, "filter"),
        # {"filter": {}} is Flipkart's own documented request (tests/shipments/test_filter_any.py).
        ({"filter": {"states": ["APPROVED"], "hold": "no"}}, "filter.hold"),
        (
            {"filter": {"type": "preDispatch"}, "pagination": {"pageSize": "20"}},
            "pagination.pageSize",
        ),
        ({"filter": {"type": "preDispatch", "sku": "SKU-0001"}}, "filter.sku"),
        ({"filter": {"type": "preDispatch", "locationid": "LOC1"}}, "filter"),
        (
            {"filter": {"type": "preDispatch", "orderDate": {"from": "yesterday"}}},
            "filter.orderDate.from",
        ),
        (
            {"filter": {"type": "preDispatch", "orderDate": {"from": "2024-03-01T10:00:00"}}},
            "filter.orderDate.from",
        ),
    ],
)
def test_schema_violations_name_the_field(
    api: httpx.Client, body: dict[str, Any], path: str
) -> None:
    response = api.post("/v3/shipments/filter", json=body)
    assert response.status_code == 400
    assert path in [e["path"] for e in response.json()["errors"]]


def test_bodies_must_be_json(api: httpx.Client) -> None:
    not_json = api.post(
        "/v3/shipments/filter", content=b"{nope", headers={"Content-Type": "application/json"}
    )
    assert not_json.status_code == 400
    assert not_json.json()["error"] == "invalid_request"
    form = api.post("/v3/shipments/filter", data={"filter": "x"})
    assert form.status_code == 415
    missing = api.post("/v3/shipments/filter")
    assert missing.status_code == 400


def test_unknown_query_parameters_are_refused(emu: Emulator, api: httpx.Client) -> None:
    [shipment_id] = emu.create_test_orders(count=1)
    response = api.get("/v3/shipments", params={"shipmentIds": shipment_id, "orderId": "x"})
    assert response.status_code == 400
    assert response.json()["errors"][0]["path"] == "orderId"


def test_listing_updates_are_checked_per_sku(api: httpx.Client) -> None:
    response = api.post(
        "/listings/v3/update/price", json={"SKU-0001": {"price": {"mrp": 10, "currency": "INR"}}}
    )
    assert response.status_code == 400
    assert "SKU-0001" in [e["path"] for e in response.json()["errors"]]


def test_the_response_checker_catches_a_broken_answer(emu: Emulator) -> None:
    contract = emu.contract
    bad_search = {"hasMore": "yes", "shipments": [{"orderItems": [{"status": "LOST"}]}]}
    errors = contract.response_errors(
        "POST",
        "/sellers/v3/shipments/filter",
        200,
        "application/json",
        json.dumps(bad_search).encode(),
    )
    assert any(e.startswith("hasMore") for e in errors)
    # Response list items may be null (nullable-response-items), so the checker reports the
    # item whose every alternative failed rather than the field inside it.
    assert any(e.startswith("shipments[0]") for e in errors)
    not_pdf = contract.response_errors(
        "GET", "/sellers/v3/shipments/a/labels", 200, "application/pdf", b"hello"
    )
    assert not_pdf == ["body is not a PDF document"]
    token = contract.response_errors(
        "GET", "/oauth-service/oauth/token", 200, "application/json", b'{"access_token": "x"}'
    )
    assert token != []
    undeclared = contract.response_errors(
        "GET", "/sellers/v3/shipments/a/labels", 201, "application/pdf", b"%PDF-1.4 %%EOF"
    )
    assert undeclared != []
