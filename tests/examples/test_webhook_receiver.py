"""examples/webhook_receiver.py: verify, decode and de-duplicate notifications."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from flipkart_ext.notifications import sign

from .conftest import run_example

URL = "https://seller.example.com/flipkart/notify"


def test_demo_receives_over_http() -> None:
    result = run_example("webhook_receiver.py")

    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        "200 shipment_created for SH-1001",
        "200 shipment_packed for SH-1001",
        "200 duplicate shipment_packed for SH-1001: skipped",
        "200 shipment_cancelled for SH-1002 (reason: buyer_cancelled)",
        "200 shipment_teleported for SH-1003 (unknown type, kept as a generic event)",
        "401 rejected: bad_signature",
    ]


def test_serve_without_its_settings_is_refused() -> None:
    result = run_example("webhook_receiver.py", "--serve")

    assert result.returncode == 2
    assert "--url" in result.stderr


def _receiver(load_example: Any) -> Any:
    module = load_example("webhook_receiver")
    return module.Receiver(url=URL, app_id="app", app_secret="secret")


def _body(event_type: str = "shipment_packed") -> bytes:
    return json.dumps({"eventType": event_type, "shipmentId": "S1", "attributes": {}}).encode()


def test_stale_missing_and_malformed_requests(load_example: Any) -> None:
    receiver = _receiver(load_example)
    old = dt.datetime.now(dt.UTC) - dt.timedelta(hours=2)
    stale = sign(url=URL, method="POST", app_id="app", app_secret="secret", x_date=old)
    fresh = sign(url=URL, method="POST", app_id="app", app_secret="secret")
    other_url = sign(url=URL + "/x", method="POST", app_id="app", app_secret="secret")

    assert receiver.handle("POST", stale, _body()) == (401, "rejected: stale_request")
    assert receiver.handle("POST", {}, _body()) == (401, "rejected: missing_header")
    assert receiver.handle("POST", other_url, _body()) == (401, "rejected: bad_signature")
    assert receiver.handle("POST", fresh, b"[1, 2]") == (
        400,
        "rejected: body is not a notification",
    )
    assert receiver.handle("POST", fresh, _body()) == (200, "shipment_packed for S1")
    assert len(receiver.log) == 5


def test_a_redelivery_with_new_headers_is_still_a_duplicate(load_example: Any) -> None:
    receiver = _receiver(load_example)
    first = sign(url=URL, method="POST", app_id="app", app_secret="secret")
    later = sign(
        url=URL,
        method="POST",
        app_id="app",
        app_secret="secret",
        x_date=dt.datetime.now(dt.UTC) + dt.timedelta(seconds=30),
    )

    assert receiver.handle("POST", first, _body())[0] == 200
    assert receiver.handle("POST", later, _body()) == (
        200,
        "duplicate shipment_packed for S1: skipped",
    )
