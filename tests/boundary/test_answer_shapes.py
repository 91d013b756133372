"""A look-up's answer says "nothing found" only by leaving its list out or sending null.

Any other shape where a list or map belongs (``0``, ``""``, ``{}`` for a list, ``[]`` for a
map) is a ``MalformedResponse``: reading it as "nothing found" would hand over less than was
served, with no error. Written from Flipkart's documented answers (``{"shipments": [...]}``
for a shipment look-up; ``available`` / ``unavailable`` / ``invalid`` for listings).
"""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from flipkart_ext import FlipkartError, MalformedResponse, RateLimitError

from ._support import App, json_answer, sync_client


def _answering(payload: Any) -> App:
    def api(request: httpx.Request) -> httpx.Response:
        return json_answer(payload)

    return App(api)


@pytest.mark.parametrize("payload", [{}, {"shipments": None}])
def test_a_shipment_look_up_without_its_list_found_nothing(payload: Any) -> None:
    with sync_client(_answering(payload), access_token="AT-0") as client:
        assert client.shipments.get(shipment_ids=["SH-1"]) == []


@pytest.mark.parametrize("value", [0, "", {}, False, "SH-1"])
def test_a_shipment_look_up_with_another_shape_is_refused(value: Any) -> None:
    app = _answering({"shipments": value})
    with sync_client(app, access_token="AT-0") as client, pytest.raises(MalformedResponse):
        client.shipments.get(shipment_ids=["SH-1"])
    assert len(app.requests) == 1


@pytest.mark.parametrize("payload", [{}, {"available": None, "unavailable": None, "invalid": None}])
def test_a_listing_look_up_without_its_parts_found_nothing(payload: Any) -> None:
    with sync_client(_answering(payload), access_token="AT-0") as client:
        found = client.listings.get(["SKU-1"])
    assert (found.available, found.unavailable, found.invalid) == ({}, [], [])


@pytest.mark.parametrize(
    "payload",
    [
        {"available": 0},
        {"available": []},
        {"available": ""},
        {"unavailable": 5},
        {"unavailable": "SKU-1"},
        {"invalid": {}},
    ],
)
def test_a_listing_look_up_with_another_shape_is_refused(payload: Any) -> None:
    client = sync_client(_answering(payload), access_token="AT-0")
    with client, pytest.raises(MalformedResponse) as raised:
        client.listings.get(["SKU-1"])
    (name,) = payload
    assert repr(name) in str(raised.value)


@pytest.mark.parametrize("status", [204, 205])
def test_a_204_or_205_carries_no_answer_whatever_bytes_came_with_it(status: int) -> None:
    # RFC 9110 15.3.5 and 15.3.6: neither status has content.
    def api(request: httpx.Request) -> httpx.Response:
        return json_answer({"shipments": [{"shipmentId": "SH-1"}]}, status)

    app = App(api)
    with sync_client(app, access_token="AT-0") as client, pytest.raises(MalformedResponse):
        client.shipments.get(shipment_ids=["SH-1"])


@pytest.mark.parametrize("status", [204, 205])
def test_a_token_sent_with_a_204_or_205_is_never_used(status: int) -> None:
    def token(request: httpx.Request) -> httpx.Response:
        return json_answer(
            {"access_token": "AT-NO", "token_type": "bearer", "expires_in": 60}, status
        )

    app = App(lambda request: json_answer({"shipments": []}), token=token)
    with sync_client(app) as client, pytest.raises(FlipkartError):
        client.shipments.get(shipment_ids=["SH-1"])
    assert app.requests == []  # no API call carried a bearer token


def test_a_429_from_the_token_endpoint_reads_its_retry_after_date_on_the_clients_clock() -> None:
    import email.utils

    moment = 1_900_000_000.0  # the client's clock, years away from the wall clock

    def token(request: httpx.Request) -> httpx.Response:
        when = email.utils.formatdate(moment + 30, usegmt=True)
        return httpx.Response(
            429, content=b"{}", headers={"Retry-After": when, "Content-Type": "application/json"}
        )

    app = App(lambda request: json_answer({"shipments": []}), token=token)
    with sync_client(app, clock=lambda: moment) as client, pytest.raises(RateLimitError) as raised:
        client.shipments.get(shipment_ids=["SH-1"])
    assert raised.value.retry_after == pytest.approx(30, abs=1)
