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
"""

from __future__ import annotations

from ._app import RecordedRequest
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
from ._webhooks import Delivery, Webhooks, WebhookSettings

__all__ = [
    "DEFAULT_CLIENT_ID",
    "DEFAULT_CLIENT_SECRET",
    "DEFAULT_EXPIRES_IN",
    "DEFAULT_REFRESH_EXPIRES_IN",
    "INSTALL_HINT",
    "Delivery",
    "Emulator",
    "Faults",
    "MissingExtra",
    "RecordedRequest",
    "SpecContract",
    "TokenRequest",
    "WebhookSettings",
    "Webhooks",
    "serve",
]
