from __future__ import annotations

from datetime import UTC, datetime
from email.utils import parsedate_to_datetime

import httpx
import pytest
from flipkart_seller_api.models import OrderItemStatus, SearchShipmentResponse

from flipkart_ext.testing import Emulator

from .conftest import SleepRecorder, fetch_token

LISTING = "/listings/v3/SKU-0001"


def statuses(api: httpx.Client, n: int) -> list[int]:
    return [api.get(LISTING).status_code for _ in range(n)]


def test_unauthorized_hits_the_next_n_calls_despite_a_valid_token(
    emu: Emulator, api: httpx.Client
) -> None:
    emu.faults.unauthorized(count=2)
    first = api.get(LISTING)
    assert first.status_code == 401
    assert first.json()["error"] == "invalid_token"
    assert statuses(api, 2) == [401, 200]


def test_rate_limit_sends_retry_after_in_seconds(emu: Emulator, api: httpx.Client) -> None:
    emu.faults.rate_limit(count=1, retry_after=2)
    limited = api.get(LISTING)
    assert limited.status_code == 429
    assert limited.headers["retry-after"] == "2"
    assert limited.json()["error"] == "too_many_requests"
    assert api.get(LISTING).status_code == 200


def test_rate_limit_rounds_fractional_seconds_up(emu: Emulator, api: httpx.Client) -> None:
    emu.faults.rate_limit(retry_after=0.2)
    assert api.get(LISTING).headers["retry-after"] == "1"


def test_rate_limit_with_an_http_date(emu: Emulator, api: httpx.Client) -> None:
    when = datetime(2030, 1, 2, 3, 4, 5, tzinfo=UTC)
    emu.faults.rate_limit(retry_after=when)
    header = api.get(LISTING).headers["retry-after"]
    assert header == "Wed, 02 Jan 2030 03:04:05 GMT"
    assert parsedate_to_datetime(header) == when


def test_server_error_burst(emu: Emulator, api: httpx.Client) -> None:
    emu.faults.server_error(status=503, count=3)
    answers = [api.get(LISTING) for _ in range(4)]
    assert [a.status_code for a in answers] == [503, 503, 503, 200]
    assert answers[0].json()["error"] == "server_error"


def test_queued_faults_apply_in_order(emu: Emulator, api: httpx.Client) -> None:
    emu.faults.rate_limit(count=1)
    emu.faults.server_error(status=500, count=2)
    emu.faults.unauthorized()
    assert statuses(api, 5) == [429, 500, 500, 401, 200]
    assert emu.faults.injected == ["rate_limit", "server_error", "server_error", "unauthorized"]


def test_faults_can_target_the_token_endpoint(emu: Emulator, api: httpx.Client) -> None:
    emu.faults.server_error(status=503, target="oauth")
    assert api.get(LISTING).status_code == 200
    assert fetch_token(emu).status_code == 503
    assert fetch_token(emu).status_code == 200


def test_faulted_calls_change_nothing(emu: Emulator, api: httpx.Client) -> None:
    [shipment_id] = emu.create_test_orders(count=1)
    emu.faults.server_error(status=503)
    response = api.post("/v3/shipments/dispatch", json={"shipmentIds": [shipment_id]})
    assert response.status_code == 503
    emu.faults.rate_limit()
    api.post("/v3/shipments/labels", json={"shipments": [{"shipmentId": shipment_id}]})
    assert emu.shipment_state(shipment_id) == "APPROVED"


def test_latency_is_applied_to_every_call(
    emu: Emulator, api: httpx.Client, sleeps: SleepRecorder
) -> None:
    emu.faults.latency(0.25)
    statuses(api, 3)
    assert sleeps.calls == [0.25, 0.25, 0.25]
    assert emu.faults.injected == ["latency"] * 3
    emu.faults.latency(0)
    statuses(api, 1)
    assert len(sleeps.calls) == 3


def test_dropped_connection_raises_a_protocol_error(emu: Emulator, api: httpx.Client) -> None:
    [shipment_id] = emu.create_test_orders(count=1)
    emu.faults.drop_connection()
    with pytest.raises((httpx.RemoteProtocolError, httpx.ReadError)):
        api.post("/v3/shipments/labels", json={"shipments": [{"shipmentId": shipment_id}]})
    # Dropped before processing: nothing happened, and the next call is answered.
    assert emu.shipment_state(shipment_id) == "APPROVED"
    assert api.get(LISTING).status_code == 200


def test_dropped_connection_after_processing(emu: Emulator, api: httpx.Client) -> None:
    [shipment_id] = emu.create_test_orders(count=1)
    emu.faults.drop_connection(processed=True)
    with pytest.raises((httpx.RemoteProtocolError, httpx.ReadError)):
        api.post("/v3/shipments/labels", json={"shipments": [{"shipmentId": shipment_id}]})
    assert emu.shipment_state(shipment_id) == "PACKED"


def test_truncated_body_raises_and_the_call_took_effect(emu: Emulator, api: httpx.Client) -> None:
    [shipment_id] = emu.create_test_orders(count=1)
    emu.faults.truncate_body()
    with pytest.raises((httpx.RemoteProtocolError, httpx.ReadError)):
        api.post("/v3/shipments/labels", json={"shipments": [{"shipmentId": shipment_id}]})
    assert emu.shipment_state(shipment_id) == "PACKED"
    assert api.get(LISTING).status_code == 200


def test_truncated_pdf(emu: Emulator, api: httpx.Client) -> None:
    [shipment_id] = emu.create_test_orders(count=1, state="PACKED")
    emu.faults.truncate_body()
    with pytest.raises((httpx.RemoteProtocolError, httpx.ReadError)):
        api.get(f"/v3/shipments/{shipment_id}/labels")


def test_noise_adds_unknown_fields_enum_values_and_nulls(emu: Emulator, api: httpx.Client) -> None:
    emu.create_test_orders(count=3, items_per_order=2)
    emu.faults.noise(True)
    body = api.post(
        "/v3/shipments/filter",
        json={"filter": {"type": "preDispatch"}, "pagination": {"pageSize": 2}},
    ).json()
    first, second = body["shipments"]
    assert "fieldFromTheFuture" in body
    assert "fieldFromTheFuture" in first
    assert "fieldFromTheFuture" in first["orderItems"][0]
    assert first["orderItems"][0]["status"] == "SOMETHING_NEW"
    assert second["orderItems"][0]["status"] == "APPROVED"
    assert first["dispatchAfterDate"] is None
    assert first["orderItems"][0]["title"] is None
    # What a client needs to go on survives the noise.
    assert first["shipmentId"]
    assert body["nextPageUrl"].startswith("/v3/shipments/filter?next_token=")
    assert api.get(body["nextPageUrl"]).status_code == 200


def test_noisy_answers_still_parse_with_the_generated_models(
    emu: Emulator, api: httpx.Client
) -> None:
    emu.create_test_orders(count=2)
    emu.faults.noise()
    body = api.post("/v3/shipments/filter", json={"filter": {"type": "preDispatch"}}).json()
    parsed = SearchShipmentResponse.from_dict(body)
    assert isinstance(parsed.shipments, list)
    items = parsed.shipments[0].order_items
    assert isinstance(items, list)
    status = items[0].status
    assert isinstance(status, OrderItemStatus)
    assert status.is_known is False
    assert status.value == "SOMETHING_NEW"


def test_noise_keeps_listing_maps_keyed_by_sku(emu: Emulator, api: httpx.Client) -> None:
    emu.faults.noise()
    body = api.get("/listings/v3/SKU-0001,SKU-0002").json()
    assert set(body["available"]) == {"SKU-0001", "SKU-0002"}
    assert "fieldFromTheFuture" in body["available"]["SKU-0001"]


def test_clear_removes_everything(emu: Emulator, api: httpx.Client, sleeps: SleepRecorder) -> None:
    emu.faults.server_error(count=5)
    emu.faults.latency(1.0)
    emu.faults.noise()
    emu.faults.clear()
    response = api.get(LISTING)
    assert response.status_code == 200
    assert "fieldFromTheFuture" not in response.json()
    assert sleeps.calls == []


@pytest.mark.parametrize(
    "call",
    [
        lambda f: f.unauthorized(count=0),
        lambda f: f.rate_limit(retry_after=-1),
        lambda f: f.rate_limit(retry_after="soon"),
        lambda f: f.rate_limit(retry_after=datetime(2030, 1, 1)),
        lambda f: f.server_error(status=404),
        lambda f: f.latency(-1),
        lambda f: f.truncate_body(target="everything"),
    ],
)
def test_bad_fault_settings_are_refused(emu: Emulator, call: object) -> None:
    with pytest.raises(ValueError):
        call(emu.faults)  # type: ignore[operator]
    assert emu.faults.snapshot()["queue"] == []
