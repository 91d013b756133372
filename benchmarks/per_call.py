"""Per-call overhead of ``FlipkartClient`` against a raw ``httpx.Client`` on the same URL.

The call is Flipkart's shipment look-up, ``GET /v3/shipments/{shipmentId}``, answered
with the 1.2 KB body the emulator gives for one shipment, from a fixed-answer loopback
server in a child process (``_server.py``). The client holds a valid token
(``access_token=``), so no token request is ever made. Four variants, interleaved:

* ``httpx.Client.get(url)`` with the bearer header set by hand (the baseline);
* ``client.http.get(url)``: our auth flow and retry transport around the same call;
* ``ShipmentDetailsResponseV3.from_dict(httpx.Client.get(url).json())``: what a caller
  who wants the generated models writes by hand;
* ``client.call(get_shipment_details, shipment_ids=...)``: the generated request builder,
  our client, and the same models.

Rows: ``client.http.get`` against the bare get, ``client.call`` against the by-hand
models (same work on both sides), and ``client.call`` against the bare get for what the
models themselves cost.
"""

from __future__ import annotations

from typing import Any

import httpx
from _measure import interleaved, median, row
from _server import static_json_server

__all__ = ["CALLS", "ROUNDS", "TARGET", "run"]

ROUNDS = 30
CALLS = 150
TARGET = 1.15
_TOKEN = "bench-access-token"


def _shipment_body() -> tuple[str, bytes]:
    """One shipment id and the emulator's answer for it (spec-shaped, 1.2 KB)."""
    from flipkart_ext import FlipkartClient
    from flipkart_ext.testing import Emulator

    with Emulator() as emu:
        shipment_id = emu.create_test_orders(1)[0]
        with FlipkartClient(
            emu.client_id,
            emu.client_secret,
            api_base_url=emu.api_base_url,
            oauth_base_url=emu.oauth_base_url,
        ) as client:
            response = client.http.get(f"/v3/shipments/{shipment_id}")
            response.raise_for_status()
            return shipment_id, response.content


def run(*, rounds: int = ROUNDS, calls: int = CALLS) -> list[dict[str, Any]]:
    """Median seconds per call of each variant over ``rounds`` batches of ``calls``."""
    from flipkart_seller_api.api.shipment_v3 import get_shipment_details
    from flipkart_seller_api.models.shipment_details_response_v3 import (
        ShipmentDetailsResponseV3,
    )

    from flipkart_ext import FlipkartClient

    shipment_id, body = _shipment_body()
    path = f"/sellers/v3/shipments/{shipment_id}"
    with static_json_server({path: body}) as origin:
        url = origin + path
        headers = {"Authorization": f"Bearer {_TOKEN}", "Accept": "application/json"}
        with (
            httpx.Client(headers=headers) as raw,
            FlipkartClient(
                "bench-app", "bench-secret", api_base_url=origin + "/sellers", access_token=_TOKEN
            ) as client,
        ):
            variants = {
                "raw": lambda: raw.get(url),
                "http": lambda: client.http.get(url),
                "by_hand": lambda: ShipmentDetailsResponseV3.from_dict(raw.get(url).json()),
                "call": lambda: client.call(get_shipment_details, shipment_ids=shipment_id),
            }
            for fn in variants.values():  # warm-up: connections, imports, first parse
                for _ in range(20):
                    fn()
            checks = (raw.get(url), client.http.get(url))
            if any(r.status_code != 200 or r.content != body for r in checks):
                raise RuntimeError("the loopback server did not answer the shipment look-up")
            parsed = client.call(get_shipment_details, shipment_ids=shipment_id)
            if parsed is None or len(parsed.shipments or []) != 1:
                raise RuntimeError("client.call did not parse the shipment look-up")
            timings = interleaved(variants, rounds=rounds, calls=calls)
    raw_get, by_hand = median(timings["raw"]), median(timings["by_hand"])
    rows = []
    for name, label, base, base_label, target in (
        ("http", "per call: client.http.get", raw_get, "httpx get", TARGET),
        (
            "call",
            "per call: client.call(op), same work by hand",
            by_hand,
            "httpx get + models",
            TARGET,
        ),
        ("call", "per call: client.call(op), what models cost", raw_get, "httpx get", None),
    ):
        ours = median(timings[name])
        ratio = ours / base
        rows.append(
            row(
                label,
                ours * 1e6,
                "us",
                f"<= {target}x" if target else "info",
                target is None or ratio <= target,
                measured=f"{ours * 1e6:.0f} us",
                baseline=f"{base * 1e6:.0f} us {base_label}",
                ratio=ratio,
            )
        )
    return rows


if __name__ == "__main__":
    for line in run():
        print(line)
