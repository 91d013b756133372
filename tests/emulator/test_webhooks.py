"""Signed webhooks: every state change is POSTed, signed, at least once, and parses."""

from __future__ import annotations

import importlib.util
import threading
import time
from collections import Counter
from pathlib import Path
from types import ModuleType
from typing import Any

import httpx
import pytest

from flipkart_ext.notifications import (
    GenericEvent,
    event_class_for,
    idempotency_key,
    parse_event,
    verify_signature,
)
from flipkart_ext.testing import Emulator

from ._day import DAY_EVENT_TYPES, Received, recorder, run_day
from .conftest import FIXED_NOW

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def _load_example(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, EXAMPLES / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_every_event_of_a_day_is_delivered_signed_and_parses(
    emu: Emulator, api: httpx.Client
) -> None:
    with recorder() as receiver:
        emu.notify(receiver.url)
        run_day(emu, api)
        assert emu.webhooks.flush(10)
    events = emu.events
    assert {e["eventType"] for e in events} == DAY_EVENT_TYPES
    assert len(receiver.requests) == len(events)
    for request in receiver.requests:
        verified = verify_signature(
            request.headers,
            url=receiver.url,
            method="POST",
            app_id=emu.client_id,
            app_secret=emu.client_secret,
        )
        assert verified.app_id == emu.client_id
        assert request.headers["Content-Type"] == "application/json"
        event = parse_event(request.body)
        # Every type sent is a documented one with its own class.
        assert not isinstance(event, GenericEvent), event.event_type
        assert type(event) is event_class_for(event.event_type)
        assert event.timestamp is not None
    # Distinct events have distinct idempotency keys, even under the fixed clock.
    keys = {idempotency_key(parse_event(r.body)) for r in receiver.requests}
    assert len(keys) == len(events)


def test_event_bodies_follow_the_documented_structure(emu: Emulator, api: httpx.Client) -> None:
    run_day(emu, api)
    by_type: dict[str, list[dict[str, Any]]] = {}
    for body in emu.events:
        by_type.setdefault(str(body["eventType"]), []).append(body)
    created = by_type["shipment_created"][0]
    assert set(created) == {
        "shipmentId",
        "eventType",
        "locationId",
        "source",
        "version",
        "timestamp",
        "attributes",
    }
    attributes = created["attributes"]
    assert {"dispatchByDate", "dispatchAfterDate", "hold", "orderItems", "subShipments"} <= set(
        attributes
    )
    assert by_type["shipment_packed"][0]["attributes"] == {"status": "PACKED"}
    assert "locationId" not in by_type["shipment_packed"][0]
    hold = by_type["shipment_hold"][0]["attributes"]
    assert hold["orderItems"][0]["holdQuantity"] == 1
    reasons = {
        item["reason"]
        for body in by_type["shipment_cancelled"]
        for item in body["attributes"]["orderItems"]
    }
    assert reasons == {"seller_cancellation", "buyer_cancellation"}
    returned = by_type["return_created"][0]
    assert set(returned) == {
        "returnId",
        "eventType",
        "source",
        "timestamp",
        "locationId",
        "attributes",
    }
    assert returned["attributes"]["status"] == "RETURN_CREATED"
    assert returned["attributes"]["returnItems"][0]["returnId"] == returned["returnId"]


def test_nothing_is_sent_without_a_url_but_events_are_kept(
    emu: Emulator, api: httpx.Client
) -> None:
    emu.create_test_orders(count=2)
    assert [e["eventType"] for e in emu.events] == ["shipment_created"] * 2
    assert emu.deliveries == []
    assert emu.webhooks.pending == 0


def test_failed_deliveries_are_retried_with_backoff_until_accepted(emu: Emulator) -> None:
    answers = iter([503, 500, 200])

    def flaky(request: Received) -> int:
        return next(answers)

    with recorder(flaky) as receiver:
        emu.notify(receiver.url, backoff=0.05, max_backoff=0.1)
        emu.create_test_orders(count=1)
        assert emu.webhooks.flush(10)
    attempts = [(d.attempt, d.status, d.ok) for d in emu.deliveries]
    assert attempts == [(1, 503, False), (2, 500, False), (3, 200, True)]
    # The same event, byte for byte, each time; freshly signed each time.
    assert len({r.body for r in receiver.requests}) == 1
    assert len(receiver.requests) == 3


def test_retries_are_bounded_and_a_dead_receiver_is_reported(emu: Emulator) -> None:
    with recorder(lambda request: 500) as receiver:
        emu.notify(receiver.url, max_attempts=3, backoff=0.01, max_backoff=0.02)
        emu.create_test_orders(count=1)
        assert emu.webhooks.flush(10)
    assert [d.attempt for d in emu.deliveries] == [1, 2, 3]
    assert not any(d.ok for d in emu.deliveries)
    assert len(receiver.requests) == 3
    summary = emu.webhooks.summary()
    assert summary["delivered"] == 0
    assert summary["failedAttempts"] == 3


def test_an_unreachable_receiver_is_retried_too(emu: Emulator) -> None:
    with recorder() as receiver:
        url = receiver.url
    # The port is closed now: every attempt fails to connect.
    emu.notify(url, max_attempts=2, backoff=0.01, timeout=1)
    emu.create_test_orders(count=1)
    assert emu.webhooks.flush(10)
    assert [(d.attempt, d.status) for d in emu.deliveries] == [(1, None), (2, None)]
    assert all(d.error for d in emu.deliveries)


def test_backoff_doubles_up_to_the_cap() -> None:
    settings = Emulator().notify("http://127.0.0.1:9/x", backoff=0.5, max_backoff=3)
    assert [settings.delay(n) for n in range(1, 6)] == [0.5, 1.0, 2.0, 3.0, 3.0]


@pytest.mark.parametrize(
    "bad",
    [
        {"max_attempts": 0},
        {"backoff": -1},
        {"backoff": 2, "max_backoff": 1},
        {"duplicate_rate": 1.5},
        {"timeout": 0},
        {"retries": 3},
    ],
)
def test_settings_are_checked(bad: dict[str, float]) -> None:
    with pytest.raises(ValueError, match=next(iter(bad))):
        Emulator().notify("http://127.0.0.1:9/x", **bad)


def test_a_url_must_be_http() -> None:
    with pytest.raises(ValueError, match="url"):
        Emulator(notify_url="ftp://example.com/x")


def _duplicated(seed: int) -> list[int]:
    with recorder() as receiver, Emulator(seed=seed, clock=lambda: FIXED_NOW) as emu:
        emu.notify(receiver.url, duplicate_rate=0.5)
        emu.create_test_orders(count=20)
        assert emu.webhooks.flush(10)
        return sorted(d.sequence for d in emu.deliveries if d.duplicate)


def test_duplicates_follow_the_seed() -> None:
    first = _duplicated(seed=3)
    assert first == _duplicated(seed=3)
    assert 0 < len(first) < 20


def test_slow_receivers_do_not_slow_the_api(emu: Emulator, api: httpx.Client) -> None:
    release = threading.Event()

    def stuck(request: Received) -> int:
        release.wait(5)
        return 200

    with recorder(stuck) as receiver:
        emu.notify(receiver.url)
        started = time.monotonic()
        ids = emu.create_test_orders(count=5)
        answer = api.post(
            "/v3/shipments/labels", json={"shipments": [{"shipmentId": i} for i in ids]}
        )
        elapsed = time.monotonic() - started
        assert answer.status_code == 200
        assert elapsed < 1.0
        assert emu.webhooks.pending == 10
        release.set()
        assert emu.webhooks.flush(10)
    assert len(receiver.requests) == 10


def test_the_example_receiver_verifies_and_deduplicates_a_whole_day(
    emu: Emulator, api: httpx.Client
) -> None:
    example = _load_example("webhook_receiver")
    receiver = example.Receiver(url="", app_id=emu.client_id, app_secret=emu.client_secret)
    server = example.make_server(receiver, "127.0.0.1", 0)
    receiver.url = f"http://127.0.0.1:{server.server_address[1]}{example.NOTIFY_PATH}"
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    try:
        emu.notify(receiver.url, duplicate_rate=0.3)
        run_day(emu, api)
        assert emu.webhooks.flush(10)
    finally:
        server.shutdown()
        server.server_close()
        thread.join()
    events = emu.events
    duplicates = [d for d in emu.deliveries if d.duplicate]
    assert duplicates, "the seeded rate sends some events twice"
    assert all(d.ok for d in emu.deliveries)
    lines = Counter(line.split(" ", 2)[1] for line in receiver.log)
    assert not any(line.startswith(("400", "401")) for line in receiver.log)
    # Every event handled once; every re-delivery recognised and skipped.
    assert lines["duplicate"] == len(duplicates)
    handled = [line for line in receiver.log if not line.startswith("200 duplicate")]
    assert len(handled) == len(events)
    assert Counter(line.split(" ")[1] for line in handled) == Counter(
        str(e["eventType"]) for e in events
    )


def test_notifications_through_the_control_endpoint(emu: Emulator) -> None:
    with recorder() as receiver, httpx.Client(base_url=f"{emu.url}/_emulator") as control:
        answer = control.post("/notify", json={"url": receiver.url, "duplicate_rate": 0})
        assert answer.status_code == 200
        assert answer.json()["url"] == receiver.url
        control.post("/test_orders", json={"count": 2})
        assert emu.webhooks.flush(10)
        summary = control.get("/notify").json()
        assert summary["events"] == 2
        assert summary["delivered"] == 2
        assert control.post("/notify", json={"duplicate_rate": 2}).status_code == 400
        assert control.post("/notify", json={"url": None}).json()["url"] is None
    assert len(receiver.requests) == 2


def test_reset_forgets_events_and_keeps_the_url(emu: Emulator) -> None:
    with recorder() as receiver:
        emu.notify(receiver.url)
        emu.create_test_orders(count=1)
        assert emu.webhooks.flush(10)
        emu.reset()
        assert emu.events == []
        assert emu.deliveries == []
        emu.create_test_orders(count=1)
        assert emu.webhooks.flush(10)
    assert emu.webhooks.settings.url == receiver.url
    assert len(receiver.requests) == 2
