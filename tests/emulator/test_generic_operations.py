"""An operation the spec gained after the handlers were written is answered from the spec."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import httpx
import pytest

from flipkart_ext.testing import Emulator, SpecContract, _emulator
from flipkart_ext.testing._generic import example

SPEC = json.loads(
    (Path(__file__).resolve().parents[2] / "openapi" / "flipkart-seller-api.json").read_text()
)


def _drifted() -> dict:
    spec = copy.deepcopy(SPEC)
    spec["paths"]["/v3/shipments/{shipmentIds}/insurance"] = {
        "get": {
            "operationId": "getShipmentInsurance",
            "parameters": [
                {
                    "in": "path",
                    "name": "shipmentIds",
                    "required": True,
                    "schema": {"type": "string"},
                }
            ],
            "responses": {
                "200": {
                    "description": "ok",
                    "content": {
                        "application/json": {
                            "schema": {
                                "type": "object",
                                "required": ["policies", "insured"],
                                "properties": {
                                    "policies": {
                                        "type": "array",
                                        "minItems": 1,
                                        "items": {"$ref": "#/components/schemas/ShipmentV3"},
                                    },
                                    "insured": {"type": "boolean"},
                                    "provider": {"type": "string", "enum": ["ACKO", "DIGIT"]},
                                },
                            }
                        }
                    },
                }
            },
        }
    }
    return spec


def test_a_new_spec_operation_is_served_with_a_body_its_schema_accepts(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    drifted = _drifted()
    monkeypatch.setattr(_emulator, "SpecContract", lambda: SpecContract(drifted))
    with Emulator() as emu:
        assert ("GET", "/v3/shipments/{shipmentIds}/insurance") in emu.generic_operations
        assert ("GET", "/v3/shipments/{shipmentIds}/insurance") in emu.operations
        token = httpx.get(
            f"{emu.oauth_base_url}/oauth/token",
            params={"grant_type": "client_credentials", "scope": "Seller_Api"},
            auth=(emu.client_id, emu.client_secret),
        ).json()["access_token"]
        answer = httpx.get(
            f"{emu.api_base_url}/v3/shipments/S1/insurance",
            headers={"Authorization": f"Bearer {token}"},
        )
    assert answer.status_code == 200
    body = answer.json()
    assert body["insured"] is False and len(body["policies"]) == 1
    problems = emu.contract.response_errors(
        "GET",
        "/sellers/v3/shipments/S1/insurance",
        200,
        answer.headers["content-type"],
        answer.content,
    )
    assert problems == []


@pytest.mark.parametrize(
    ("schema", "expected"),
    [
        ({"type": "integer", "minimum": 3}, 3),
        ({"type": "string", "enum": ["B", "A"]}, "B"),
        ({"type": "string", "minLength": 3}, "xxx"),
        ({"type": "array", "items": {"type": "boolean"}, "minItems": 2}, [False, False]),
        (
            {
                "allOf": [
                    {"type": "object", "required": ["a"], "properties": {"a": {"type": "number"}}}
                ]
            },
            {"a": 0.0},
        ),
        ({"type": "object", "properties": {"optional": {"type": "string"}}}, {}),
    ],
)
def test_examples_are_the_least_valid_value(schema: dict, expected: object) -> None:
    from datetime import UTC, datetime

    assert example(schema, {}, now=datetime(2024, 1, 1, tzinfo=UTC)) == expected
