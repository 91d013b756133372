"""Generated models on the payload shapes Flipkart documents.

- ``null`` inside a typed list (``GET /v3/shipments/otc/{locationId}`` documents
  ``{"otcs": [null]}``) is kept, and ``to_dict()`` writes it back;
- a map of typed values (listings keyed by SKU) keeps its well-formed entries typed when one
  value has another shape (Flipkart's get-listings example puts ``orders_to_be_fulfilled: 0``
  beside the listings), and keeps the odd one as sent;
- a request body missing a required field raises a ``PayloadError`` naming the field's path;
- date-times are written back exactly as received.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest
from flipkart_seller_api.errors import MissingRequiredField, NotAnObject, PayloadError
from flipkart_seller_api.models import (
    CreateListingsBody,
    GetMarketplaceListingDetailsResponse,
    MarketplaceListingDetail,
    ReverseOTC,
    ReverseOTCResponse,
    SearchShipmentResponse,
    Shipment,
    UpdateInventoryBody,
    UpdateInventoryRequest,
)

SAMPLES = Path(__file__).parent.parent / "samples"
IST = dt.timezone(dt.timedelta(hours=5, minutes=30))


def _payload(name: str) -> Any:
    return json.loads((SAMPLES / f"{name}.json").read_text(encoding="utf-8"))["payload"]


# -- null and odd values inside response lists and maps ---------------------------------------


def test_null_inside_a_typed_list_is_kept_and_written_back() -> None:
    documented = _payload("getReverseOtc.response")
    assert documented == {"otcs": [None]}
    parsed = ReverseOTCResponse.from_dict(documented)
    assert parsed.otcs == [None]
    assert parsed.to_dict() == documented


def test_the_other_items_of_a_list_with_a_null_stay_typed() -> None:
    payload = {"otcs": [None, {"status": "OPEN", "requestType": "RETURN"}, "odd"]}
    parsed = ReverseOTCResponse.from_dict(payload)
    assert isinstance(parsed.otcs, list)
    none, record, odd = parsed.otcs
    assert none is None and odd == "odd"
    assert isinstance(record, ReverseOTC) and record.status == "OPEN"
    assert parsed.to_dict() == payload


def test_one_odd_value_in_a_map_leaves_the_listings_typed() -> None:
    documented = _payload("getListings.response")
    parsed = GetMarketplaceListingDetailsResponse.from_dict(documented)
    available = parsed.available
    assert available is not None and not isinstance(available, dict)
    listing = available["sku"]
    assert isinstance(listing, MarketplaceListingDetail)
    assert listing.listing_id == "<flipkart-system-identifier>"
    assert available["orders_to_be_fulfilled"] == 0  # kept as sent
    assert parsed.to_dict() == documented


def test_a_listing_missing_a_required_field_is_kept_as_sent_in_a_response() -> None:
    well_formed = {
        "listing_id": "L1",
        "product_id": "P1",
        "price": {"mrp": 10, "selling_price": 9, "currency": "INR"},
        "listing_status": "ACTIVE",
        "fulfillment_profile": "NON_FBF",
    }
    incomplete = {"product_id": "P2"}  # no listing_id: Flipkart sent less than the spec says
    payload = {"available": {"SKU-1": well_formed, "SKU-2": incomplete}, "unavailable": []}
    parsed = GetMarketplaceListingDetailsResponse.from_dict(payload)
    assert parsed.available is not None and not isinstance(parsed.available, dict)
    assert isinstance(parsed.available["SKU-1"], MarketplaceListingDetail)
    assert parsed.available["SKU-2"] == incomplete
    assert parsed.to_dict() == payload


# -- request bodies: a missing field is named by its path -------------------------------------


def test_a_missing_required_field_is_named_by_its_path() -> None:
    body = {"product_id": "P1", "locations": [{"id": "LOC1", "inventory": 3}, {"inventory": 5}]}
    with pytest.raises(MissingRequiredField) as caught:
        UpdateInventoryRequest.from_dict(body)
    error = caught.value
    assert error.path == "locations[1].id"
    assert error.model == "UpdateInventoryRequest"
    assert (
        str(error) == "UpdateInventoryRequest.from_dict: required field locations[1].id is missing"
    )
    # Old callers catching KeyError or ValueError keep working.
    assert isinstance(error, KeyError) and isinstance(error, ValueError)
    assert isinstance(error, PayloadError)


def test_the_documented_inventory_update_parses_without_a_status() -> None:
    documented = _payload("updateInventory.request")
    parsed = UpdateInventoryBody.from_dict(documented)
    (request,) = parsed.additional_properties.values()
    assert request.locations[0].id == "<location-id>"
    assert parsed.to_dict() == documented


def test_a_map_key_and_nested_fields_appear_in_the_path() -> None:
    body = {
        "SKU-1": {
            "product_id": "P1",
            "price": {"selling_price": 9, "currency": "INR"},
            "tax": {"hsn": "6109"},
            "listing_status": "ACTIVE",
            "fulfillment_profile": "NON_FBF",
            "packages": [],
            "locations": [],
        }
    }
    with pytest.raises(MissingRequiredField) as caught:
        CreateListingsBody.from_dict(body)
    assert caught.value.path == "['SKU-1'].price.mrp"
    assert caught.value.model == "CreateListingsBody"


@pytest.mark.parametrize(
    ("body", "path", "got"),
    [
        ({"product_id": "P1", "locations": [None]}, "locations[0]", "NoneType"),
        ({"product_id": "P1", "locations": ["LOC1"]}, "locations[0]", "str"),
        (["not", "an", "object"], "", "list"),
    ],
)
def test_a_value_that_must_be_an_object_is_named(body: Any, path: str, got: str) -> None:
    with pytest.raises(NotAnObject) as caught:
        UpdateInventoryRequest.from_dict(body)
    assert caught.value.path == path
    assert isinstance(caught.value, TypeError) and isinstance(caught.value, ValueError)
    assert got in str(caught.value)


def test_a_missing_top_level_field_is_named() -> None:
    with pytest.raises(MissingRequiredField) as caught:
        UpdateInventoryRequest.from_dict({"locations": []})
    assert caught.value.path == "product_id"
    assert "product_id" in str(caught.value)


# -- date-times come back as they were written -------------------------------------------------


def test_date_times_round_trip_as_written_and_read_as_instants() -> None:
    payload = {
        "shipmentId": "S1",
        "dispatchByDate": "2017-04-10T10:00:00.000+05:30",
        "updatedAt": "2024-06-07T09:55:17.485Z",
    }
    shipment = Shipment.from_dict(payload)
    assert shipment.dispatch_by_date == dt.datetime(2017, 4, 10, 10, tzinfo=IST)
    assert shipment.updated_at == dt.datetime(2024, 6, 7, 9, 55, 17, 485000, tzinfo=dt.UTC)
    assert shipment.to_dict() == payload
    # A value set in code is written in the usual ISO form.
    shipment.dispatch_by_date = dt.datetime(2017, 4, 11, 10, tzinfo=IST)
    assert shipment.to_dict()["dispatchByDate"] == "2017-04-11T10:00:00+05:30"


def test_an_unreadable_date_time_in_a_response_is_kept_as_sent() -> None:
    payload = {"shipments": [{"shipmentId": "S1", "dispatchByDate": "DateTime"}]}
    parsed = SearchShipmentResponse.from_dict(payload)
    assert parsed.to_dict() == payload
