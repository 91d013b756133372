"""Handing shipments to the courier: handover counts and the manifest, built and read without I/O.

- ``GET /v3/shipments/handover/counts?locationId=``: per vendor group (logistics partner),
  how many ready-to-dispatch shipments wait at the location, the pick-up window and the
  one-time code for the pick-up executive;
- ``POST /v3/shipments/manifest``: the manifest PDF of one vendor group. Flipkart requires
  ``vendorGroupCode``, and the pick-up window when the shipments are multi-package
  (``is_mps``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from .._core.calls import Call
from ..errors import InvalidItem, MalformedResponse
from ._inputs import as_instant, as_text

if TYPE_CHECKING:
    from flipkart_seller_api.models.vendor_group_code_details_response_v3 import (
        VendorGroupCodeDetailsResponseV3,
    )

__all__ = [
    "PickupWindow",
    "handover_request",
    "manifest_request",
    "read_handover",
]

PickupWindow = tuple[dt.datetime | dt.date | str, dt.datetime | dt.date | str]


def handover_request(location_id: str) -> Call:
    """The request for the handover counts of one location."""
    from flipkart_seller_api.api.shipment_v3 import get_vendor_group_details

    as_text(location_id, "handover_counts", "location_id", commas=False)
    return Call.of(get_vendor_group_details, location_id=location_id)


def read_handover(body: Any) -> list[VendorGroupCodeDetailsResponseV3]:
    """One entry per vendor group; null entries carry nothing and are dropped."""
    from flipkart_seller_api.models.vendor_group_code_details_response_v3 import (
        VendorGroupCodeDetailsResponseV3,
    )

    if not isinstance(body, list):
        raise MalformedResponse(f"handover counts: expected a JSON list, got {type(body).__name__}")
    found = []
    for index, entry in enumerate(body):
        if entry is None:
            continue
        if not isinstance(entry, Mapping):
            raise MalformedResponse(f"handover counts: entry {index} is {type(entry).__name__}")
        found.append(VendorGroupCodeDetailsResponseV3.from_dict(entry))
    return found


def manifest_request(
    vendor_group_code: str,
    *,
    location_id: str | None = None,
    is_mps: bool = False,
    pickup_window: PickupWindow | None = None,
) -> Call:
    """The request for one vendor group's manifest, checked against Flipkart's rules."""
    from flipkart_seller_api.api.shipment_v3 import get_manifest
    from flipkart_seller_api.models.get_manifest_request import GetManifestRequest
    from flipkart_seller_api.models.params import Params
    from flipkart_seller_api.models.pick_up_date import PickUpDate

    call = "manifest"
    params = Params(
        vendor_group_code=as_text(vendor_group_code, call, "vendor_group_code", commas=False),
        is_mps=bool(is_mps),
    )
    if location_id is not None:
        params.location_id = as_text(location_id, call, "location_id", commas=False)
    if pickup_window is not None:
        if not isinstance(pickup_window, tuple) or len(pickup_window) != 2:
            raise InvalidItem(call, "pickup_window", "expected a (from, to) pair")
        start = as_instant(pickup_window[0], call, "pickup_window")
        end = as_instant(pickup_window[1], call, "pickup_window")
        if end <= start:
            raise InvalidItem(call, "pickup_window", "the end must be after the start")
        params.pickup_date = PickUpDate(from_=start, to=end)
    elif is_mps:
        raise InvalidItem(
            call, "pickup_window", "Flipkart needs the pick-up window for multi-package shipments"
        )
    return Call.of(get_manifest, body=GetManifestRequest(params=params))
