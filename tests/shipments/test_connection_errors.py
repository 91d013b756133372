"""A network failure during search or look-ups surfaces as the package's APIConnectionError."""

from __future__ import annotations

import httpx
import pytest

from flipkart_ext import APIConnectionError, ShipmentFilter
from flipkart_ext.shipments import AsyncShipments, Shipments

BASE = "https://sandbox-api.flipkart.net/sellers"


def _refuse(request: httpx.Request) -> httpx.Response:
    raise httpx.ConnectError("connection refused", request=request)


def test_sync_search_and_lookups_raise_api_connection_error() -> None:
    shipments = Shipments(httpx.Client(transport=httpx.MockTransport(_refuse)), BASE)
    with pytest.raises(APIConnectionError, match=r"ConnectError.*POST .*/v3/shipments/filter"):
        list(shipments.search(ShipmentFilter.pre_dispatch()))
    with pytest.raises(APIConnectionError, match=r"GET .*/v3/shipments"):
        shipments.get(shipment_ids=["S1"])
    with pytest.raises(APIConnectionError, match="labels"):
        shipments.get_labels(["S1"])


async def test_async_search_and_lookups_raise_api_connection_error() -> None:
    http = httpx.AsyncClient(transport=httpx.MockTransport(_refuse))
    shipments = AsyncShipments(http, BASE)
    with pytest.raises(APIConnectionError, match=r"POST .*/v3/shipments/filter"):
        [s async for s in shipments.search(ShipmentFilter.pre_dispatch())]
    with pytest.raises(APIConnectionError, match="invoices"):
        await shipments.get_invoices(["S1"])
    await http.aclose()
