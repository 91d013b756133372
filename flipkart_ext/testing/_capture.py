"""A webhook receiver for tests: verifies each notification as Flipkart's would be, keeps it.

:class:`WebhookCapture` listens on loopback, checks every POST with
:func:`~flipkart_ext.notifications.verify_signature` and decodes it with
:func:`~flipkart_ext.notifications.parse_event`, so a test sees exactly the events a real
receiver would accept. Register its :attr:`~WebhookCapture.url` with
``emulator.notify(capture.url)`` (the pytest fixture ``flipkart_webhooks`` does both).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import TYPE_CHECKING, Any, Self

from .._boundary import guarded_class
from ..errors import InvalidArgument
from ._running import Running

if TYPE_CHECKING:
    from ..notifications import NotificationEvent

__all__ = ["CapturedWebhook", "WebhookCapture"]

_PATH = "/flipkart/notify"


@guarded_class
@dataclass(frozen=True)
class CapturedWebhook:
    """One delivery: its decoded event (``None`` when refused), raw body and headers."""

    event: NotificationEvent | None
    body: bytes
    headers: dict[str, str]
    refused: str | None = None
    """Why it was answered 401/400 (a bad signature, a body that is not an event), else None."""


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    capture: WebhookCapture


class _Handler(BaseHTTPRequestHandler):
    server: _Server

    def do_POST(self) -> None:
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
        status = self.server.capture._receive(self.path, dict(self.headers.items()), body)
        self.send_response(status)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, format: str, *args: Any) -> None:
        pass  # a test receiver stays quiet; what it got is in WebhookCapture.received


@guarded_class
class WebhookCapture(Running):
    """Receives signed notifications on ``http://127.0.0.1:<port>/flipkart/notify``.

    ``app_id`` / ``app_secret`` are the credentials the sender signs with (the
    emulator's client id and secret). ``flush``, when given, is called before reading
    (``emulator.webhooks.flush``) so that every event published so far has arrived.
    """

    def __init__(
        self,
        *,
        app_id: str,
        app_secret: str,
        flush: Callable[[float], object] | None = None,
        host: str = "127.0.0.1",
    ) -> None:
        for name, value in (("app_id", app_id), ("app_secret", app_secret)):
            # Checked before the socket is bound: a refused capture holds nothing open.
            if not isinstance(value, str) or not value.strip():
                raise InvalidArgument(
                    f"{name}: expected a non-blank string, got {type(value).__name__}"
                )
        if flush is not None and not callable(flush):
            raise InvalidArgument(f"flush: expected a callable, got {type(flush).__name__}")
        self._app_id = app_id
        self._app_secret = app_secret
        self._flush = flush
        self._lock = threading.Lock()
        self._received: list[CapturedWebhook] = []
        self._server = _Server((host, 0), _Handler)
        self._server.capture = self
        self.url = f"http://{host}:{self._server.server_address[1]}{_PATH}"
        """The URL to register with the sender, exactly as signatures are computed for it."""
        self._thread: threading.Thread | None = None

    def start(self) -> Self:
        """Start listening (in a background thread)."""
        if self._thread is None:
            self._thread = threading.Thread(
                target=self._server.serve_forever,
                kwargs={"poll_interval": 0.05},
                name="flipkart-webhook-capture",
                daemon=True,
            )
            self._thread.start()
        return self

    def stop(self) -> None:
        """Stop listening and close the socket."""
        if self._thread is not None:
            self._server.shutdown()
            self._thread.join(10)
            self._thread = None
        self._server.server_close()

    def _receive(self, path: str, headers: dict[str, str], body: bytes) -> int:
        from ..errors import InvalidSignature, MalformedEvent
        from ..notifications import parse_event, verify_signature

        event: NotificationEvent | None = None
        refused: str | None = None
        status = 200
        try:
            verify_signature(
                headers,
                url=self.url.replace(_PATH, path),
                method="POST",
                app_id=self._app_id,
                app_secret=self._app_secret,
            )
            event = parse_event(body)
        except InvalidSignature as exc:
            status, refused = 401, f"signature: {exc.reason.value}"
        except MalformedEvent as exc:
            status, refused = 400, f"body: {exc}"
        with self._lock:
            self._received.append(CapturedWebhook(event, body, headers, refused))
        return status

    @property
    def received(self) -> list[CapturedWebhook]:
        """Every delivery so far, refused ones included, in arrival order."""
        self._wait_for_sender()
        with self._lock:
            return list(self._received)

    @property
    def events(self) -> list[NotificationEvent]:
        """The accepted events, in arrival order (a re-delivered event appears twice)."""
        return [d.event for d in self.received if d.event is not None]

    def event_types(self) -> list[str]:
        """``event_type`` of each accepted event, e.g. ``["shipment_packed", ...]``."""
        return [event.event_type for event in self.events]

    def clear(self) -> None:
        """Forget what was received so far."""
        self._wait_for_sender()
        with self._lock:
            self._received.clear()

    def _wait_for_sender(self, timeout: float = 10.0) -> None:
        if self._flush is not None:
            self._flush(timeout)
