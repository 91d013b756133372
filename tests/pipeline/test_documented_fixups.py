"""The fixups that make Flipkart's documented payloads fit: nulls and odd values inside
response lists and maps, a filter without a type, an inventory location without a status."""

from __future__ import annotations

from typing import Any

import pytest
from spec_fixups import OPENAPI3_FIXUPS, FixupError, apply_fixups, response_schema_names

NULLABLE_REF = {"allOf": [{"$ref": "#/components/schemas/ReverseOTC"}], "nullable": True}


def test_response_list_items_and_map_values_accept_null(normalized: dict[str, Any]) -> None:
    schemas = normalized["components"]["schemas"]
    for name in response_schema_names(normalized):
        for field, schema in schemas[name].get("properties", {}).items():
            for key in ("items", "additionalProperties"):
                inner = schema.get(key)
                if isinstance(inner, dict):
                    assert "$ref" not in inner, f"{name}.{field}.{key} still refuses null"
    available = schemas["GetMarketplaceListingDetailsResponse"]["properties"]["available"]
    assert available["additionalProperties"] == {
        "allOf": [{"$ref": "#/components/schemas/MarketplaceListingDetail"}],
        "nullable": True,
    }
    counts = normalized["paths"]["/v3/shipments/handover/counts"]["get"]["responses"]["200"]
    assert counts["content"]["application/json"]["schema"]["items"]["nullable"] is True


def test_request_lists_stay_strict(normalized: dict[str, Any]) -> None:
    schemas = normalized["components"]["schemas"]
    locations = schemas["UpdateInventoryRequest"]["properties"]["locations"]
    assert locations["items"] == {"$ref": "#/components/schemas/Location"}


def test_documented_request_shapes_are_allowed(normalized: dict[str, Any]) -> None:
    schemas = normalized["components"]["schemas"]
    assert "type" not in schemas["Filter"].get("required", [])
    assert schemas["Location"]["required"] == ["id"]
    # Everything else the spec requires stays required.
    assert schemas["UpdateInventoryRequest"]["required"] == ["locations", "product_id"]


@pytest.mark.parametrize(
    ("name", "schema", "field"),
    [
        ("filter-type-optional", "Filter", "type"),
        ("inventory-status-optional", "Location", "status"),
    ],
)
def test_a_moved_field_fails_loudly(
    normalized: dict[str, Any], name: str, schema: str, field: str
) -> None:
    fixup = next(f for f in OPENAPI3_FIXUPS if f.name == name)
    moved = apply_fixups(normalized, ())
    del moved["components"]["schemas"][schema]["properties"][field]
    with pytest.raises(FixupError, match=f"{schema}.{field}"):
        fixup.apply(moved)
