"""A local emulator of Flipkart's seller API sandbox, for offline development and tests.

Built the way stripe-mock is built for Stripe: a stateful server speaking Flipkart's wire
format on 127.0.0.1, OAuth included, with requests checked against the same normalized
spec the client is generated from, and with faults on demand::

    from flipkart_ext.testing import Emulator

    with Emulator() as emu:
        shipment_ids = emu.create_test_orders(count=45)
        emu.faults.rate_limit(count=1, retry_after=2)
        ...  # a client using emu.api_base_url, emu.oauth_base_url, emu.client_id/secret

It serves every operation of the spec (``Emulator().operations``): shipments from
approval to delivery (self-ship too), manifests and handover counts, forms, returns,
services and listings, with the sandbox's helpers. Every state change is also pushed,
signed as Flipkart signs, to a webhook receiver registered with ``emu.notify(url)``.

Or from a shell: ``python -m flipkart_ext.testing --port 8080 --orders 30``.

The emulator needs the ``testing`` extra (``pip install 'flipkart-seller[testing]'``), which
brings jsonschema for its request checks; without it an emulator refuses to start with
:class:`MissingExtra`. Importing this package needs nothing beyond the client's dependencies,
and nothing in the client imports it.

Why the standard library's ``ThreadingHTTPServer`` and not starlette + uvicorn: users of
the emulator get it with no runtime dependency, and the wire faults need full control of
the socket: closing a connection without an answer, or promising a Content-Length and
sending less, is what ASGI servers are built to prevent. A thread per connection with
HTTP/1.1 keep-alive is ample for a loopback test server.

Names are imported on first use (PEP 562): ``import flipkart_ext.testing`` alone, as the
pytest plugin does in every test run, loads none of the emulator.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ._app import RecordedRequest
    from ._capture import CapturedWebhook, WebhookCapture
    from ._contract import SpecContract
    from ._emulator import (
        DEFAULT_CLIENT_ID,
        DEFAULT_CLIENT_SECRET,
        DEFAULT_EXPIRES_IN,
        DEFAULT_REFRESH_EXPIRES_IN,
        Emulator,
    )
    from ._extra import INSTALL_HINT, MissingExtra
    from ._faults import Faults
    from ._oauth import TokenRequest
    from ._serve import serve
    from ._trigger import EVENT_TYPES, sample_event
    from ._webhooks import Delivery, Webhooks, WebhookSettings

_HOMES = {
    "DEFAULT_CLIENT_ID": "._emulator",
    "DEFAULT_CLIENT_SECRET": "._emulator",
    "DEFAULT_EXPIRES_IN": "._emulator",
    "DEFAULT_REFRESH_EXPIRES_IN": "._emulator",
    "EVENT_TYPES": "._trigger",
    "INSTALL_HINT": "._extra",
    "CapturedWebhook": "._capture",
    "Delivery": "._webhooks",
    "Emulator": "._emulator",
    "Faults": "._faults",
    "MissingExtra": "._extra",
    "RecordedRequest": "._app",
    "SpecContract": "._contract",
    "TokenRequest": "._oauth",
    "WebhookCapture": "._capture",
    "WebhookSettings": "._webhooks",
    "Webhooks": "._webhooks",
    "sample_event": "._trigger",
    "serve": "._serve",
}

__all__ = [
    "DEFAULT_CLIENT_ID",
    "DEFAULT_CLIENT_SECRET",
    "DEFAULT_EXPIRES_IN",
    "DEFAULT_REFRESH_EXPIRES_IN",
    "EVENT_TYPES",
    "INSTALL_HINT",
    "CapturedWebhook",
    "Delivery",
    "Emulator",
    "Faults",
    "MissingExtra",
    "RecordedRequest",
    "SpecContract",
    "TokenRequest",
    "WebhookCapture",
    "WebhookSettings",
    "Webhooks",
    "sample_event",
    "serve",
]


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(home, __name__), name)
    globals()[name] = value  # later look-ups skip this function
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *__all__])
