"""The demo's webhook receiver: verify, decode and de-duplicate Flipkart's notifications.

A standard-library HTTP server on loopback, built only on :mod:`flipkart_ext.notifications`,
as a seller's own receiver would be: ``verify_signature`` (the ``X_Date`` /
``X_Authorization`` scheme), ``parse_event``, and ``idempotency_key`` to handle each event
once, since Flipkart delivers at least once.
"""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Mapping
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from types import TracebackType

from .. import InvalidSignature, MalformedEvent
from ..notifications import idempotency_key, parse_event
from ..notifications import verify_signature as _verify

__all__ = ["WebhookReceiver"]

NOTIFY_PATH = "/flipkart/notify"


class WebhookReceiver:
    """Serve ``http://127.0.0.1:<port>/flipkart/notify`` while used as a context manager.

    ``handled`` counts each event once by type; ``repeats`` the re-deliveries skipped;
    ``rejected`` the requests that failed verification or decoding.
    """

    def __init__(self, *, app_id: str, app_secret: str) -> None:
        self._app_id = app_id
        self._app_secret = app_secret
        self._lock = threading.Lock()
        self._seen: set[str] = set()
        self.handled: Counter[str] = Counter()
        self.repeats = 0
        self.rejected = 0
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self.url = f"http://127.0.0.1:{self._server.server_address[1]}{NOTIFY_PATH}"
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )

    def handle(self, method: str, headers: Mapping[str, str], body: bytes) -> int:
        """The status to answer one delivery with."""
        try:
            _verify(
                headers,
                url=self.url,
                method=method,
                app_id=self._app_id,
                app_secret=self._app_secret,
            )
            event = parse_event(body)
        except (InvalidSignature, MalformedEvent):
            with self._lock:
                self.rejected += 1
            return 401
        key = idempotency_key(event)
        with self._lock:
            if key in self._seen:
                self.repeats += 1
            else:
                self._seen.add(key)
                self.handled[event.event_type] += 1
        return 200

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                status = receiver.handle("POST", dict(self.headers.items()), body)
                self.send_response(status)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, format: str, *args: object) -> None:
                pass  # the counters are the receiver's log

        return Handler

    def __enter__(self) -> WebhookReceiver:
        self._thread.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join()
