"""Custody promises that hold once the client sends every request through the one I/O path.

These fail today on purpose: the resources still send through the client of the previous
layout, which does not hand ``FlipkartAuth.secrets()`` to their errors. They pass when the
client's ``AsyncWire`` is built with ``secrets=auth.secrets`` (issue 19's I/O path).
"""

from __future__ import annotations

import httpx
import pytest

from flipkart_ext import FlipkartClient, FlipkartError, ShipmentFilter, Token

ACCESS = "AT-echoed-secretvalue"
REFRESH = "RT-echoed-secretvalue"


def _echoing(request: httpx.Request) -> httpx.Response:
    """A server error that echoes the bearer token and the refresh token back."""
    bearer = request.headers.get("Authorization", "")
    return httpx.Response(
        500, json={"error": "internal", "error_description": f"bad {bearer} with {REFRESH}"}
    )


def test_an_error_from_a_resource_is_scrubbed_of_every_known_token() -> None:
    from flipkart_ext import MemoryTokenStore, RetryPolicy

    store = MemoryTokenStore()
    with FlipkartClient(
        "app",
        "secret",
        seller_id="s-1",
        token_store=store,
        transport=httpx.MockTransport(_echoing),
        retry=RetryPolicy.disabled(),
    ) as client:
        store.save(client.auth.key, Token(ACCESS, expires_at=4e9, refresh_token=REFRESH))
        with pytest.raises(FlipkartError) as caught:
            list(client.shipments.search(ShipmentFilter.pre_dispatch()))
    text = f"{caught.value!s} {caught.value!r} {getattr(caught.value, 'body', '')}"
    # The token itself goes (a "Bearer ..." pattern is masked anyway); the refresh token,
    # which no pattern knows, only goes when the auth's secrets reach the error.
    assert ACCESS not in text
    assert REFRESH not in text
