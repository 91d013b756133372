"""Receive Flipkart's order notifications: verify, decode, de-duplicate.

    python examples/webhook_receiver.py                       # a self-contained demo
    python examples/webhook_receiver.py --serve --port 8000 \\
        --url https://seller.example.com/flipkart/notify      # a real receiver

The receiver is the standard library's HTTP server. Each request is checked with
``verify_signature`` (Flipkart's ``X_Date`` / ``X_Authorization: FKLOGIN`` scheme, with
a clock-skew window against replays), decoded with ``parse_event`` (unknown event
types arrive as ``GenericEvent``) and de-duplicated with ``idempotency_key``, since
Flipkart delivers at least once. ``--url`` must be the notification URL exactly as
registered with Flipkart; the application id and secret come from
``FLIPKART_CLIENT_ID`` / ``FLIPKART_CLIENT_SECRET``.

Without ``--serve`` it listens on a free loopback port, sends itself a few signed
notifications (a re-delivery and a forgery among them), prints what it did, and stops.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import threading
from collections.abc import Mapping, Sequence
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from flipkart_ext import InvalidSignature, MalformedEvent
from flipkart_ext.notifications import (
    GenericEvent,
    ShipmentCancelled,
    idempotency_key,
    parse_event,
    sign,
    verify_signature,
)

NOTIFY_PATH = "/flipkart/notify"
# Test values for the self-contained demo only; a forger would not know the secret.
DEMO_APP_ID, DEMO_APP_SECRET, FORGED_SECRET = "demo-app", "demo-secret", "a-guessed-secret"


class Receiver:
    """What to do with one request; independent of the web framework around it."""

    def __init__(self, *, url: str, app_id: str, app_secret: str) -> None:
        self.url = url
        self._app_id = app_id
        self._app_secret = app_secret
        self._seen: set[str] = set()  # in real code: a table with a unique key column
        self._lock = threading.Lock()
        self.log: list[str] = []

    def handle(self, method: str, headers: Mapping[str, str], body: bytes) -> tuple[int, str]:
        """Return the status and text to answer with."""
        try:
            verify_signature(
                headers,
                url=self.url,
                method=method,
                app_id=self._app_id,
                app_secret=self._app_secret,
            )
            event = parse_event(body)
        except InvalidSignature as exc:
            return self._done(401, f"rejected: {exc.reason.value}")
        except MalformedEvent:
            return self._done(400, "rejected: body is not a notification")
        with self._lock:
            key = idempotency_key(event)
            if key in self._seen:
                return self._done(
                    200, f"duplicate {event.event_type} for {event.shipment_id}: skipped"
                )
            self._seen.add(key)
        if isinstance(event, ShipmentCancelled):
            note = f" (reason: {event.reason})"  # stop packing it here
        elif isinstance(event, GenericEvent):
            note = " (unknown type, kept as a generic event)"
        else:
            note = ""
        return self._done(200, f"{event.event_type} for {event.shipment_id}{note}")

    def _done(self, status: int, line: str) -> tuple[int, str]:
        self.log.append(f"{status} {line}")
        return status, line


def make_server(receiver: Receiver, host: str, port: int) -> ThreadingHTTPServer:
    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            if self.path != NOTIFY_PATH:
                self.send_error(404)
                return
            body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
            status, text = receiver.handle("POST", dict(self.headers.items()), body)
            payload = text.encode()
            self.send_response(status)
            self.send_header("Content-Type", "text/plain; charset=utf-8")
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            self.wfile.write(payload)

        def log_message(self, format: str, *args: object) -> None:
            pass  # the receiver keeps its own log

    return ThreadingHTTPServer((host, port), Handler)


def _event(event_type: str, shipment_id: str, **attributes: object) -> bytes:
    return json.dumps(
        {
            "eventType": event_type,
            "source": "flipkart",
            "timestamp": "2024-05-01T10:15:00+05:30",
            "shipmentId": shipment_id,
            "locationId": "LOC001",
            "attributes": attributes,
        }
    ).encode()


def demo() -> list[str]:
    """Send this receiver what Flipkart would send, over real HTTP; return its log."""
    import httpx

    receiver = Receiver(url="", app_id=DEMO_APP_ID, app_secret=DEMO_APP_SECRET)
    server = make_server(receiver, "127.0.0.1", 0)
    # The signed URL is known once the port is: set it before the first request.
    url = receiver.url = f"http://127.0.0.1:{server.server_address[1]}{NOTIFY_PATH}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()

    def signed(secret: str = DEMO_APP_SECRET) -> dict[str, str]:
        return sign(url=url, method="POST", app_id=DEMO_APP_ID, app_secret=secret)

    deliveries = [
        (_event("shipment_created", "SH-1001"), signed()),
        (_event("shipment_packed", "SH-1001"), signed()),
        (_event("shipment_packed", "SH-1001"), signed()),
        (
            _event("shipment_cancelled", "SH-1002", reason="buyer_cancelled"),
            signed(),
        ),
        (_event("shipment_teleported", "SH-1003"), signed()),
        (_event("shipment_delivered", "SH-1001"), signed(FORGED_SECRET)),
    ]
    try:
        with httpx.Client() as http:
            for body, headers in deliveries:
                http.post(
                    url, content=body, headers={**headers, "Content-Type": "application/json"}
                )
    finally:
        server.shutdown()
        server.server_close()
        thread.join()
    return receiver.log


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--serve", action="store_true", help="run a real receiver until Ctrl-C")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8000)
    parser.add_argument("--url", help="the notification URL registered with Flipkart")
    args = parser.parse_args(argv)
    if not args.serve:
        print("\n".join(demo()))
        return 0
    app_id, app_secret = (
        os.environ.get("FLIPKART_CLIENT_ID"),
        os.environ.get("FLIPKART_CLIENT_SECRET"),
    )
    if not (args.url and app_id and app_secret):
        print(
            "error: --serve needs --url, FLIPKART_CLIENT_ID and FLIPKART_CLIENT_SECRET",
            file=sys.stderr,
        )
        return 2
    receiver = Receiver(url=args.url, app_id=app_id, app_secret=app_secret)
    server = make_server(receiver, args.host, args.port)
    print(f"listening on http://{args.host}:{server.server_address[1]}{NOTIFY_PATH} for {args.url}")
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
