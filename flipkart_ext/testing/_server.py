"""HTTP/1.1 plumbing on the standard library: keep-alive, a thread per connection, wire faults.

The server tracks every open connection so that ``stop()`` can shut idle keep-alive
sockets down; otherwise their threads would sit in ``recv`` and ``server_close()`` (which
joins them) would hang as long as a client kept its pool open.

Request lines are never logged with their query string: token calls carry the refresh
token and the authorization code there.
"""

from __future__ import annotations

import contextlib
import email.utils
import logging
import socket
import socketserver
import threading
from datetime import UTC
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qsl, unquote, urlsplit

from ._app import EmulatorApp, Outcome
from ._wire import Request, WireAction, error_response

__all__ = ["ServerThread"]

_log = logging.getLogger("flipkart_ext.testing")
_MAX_BODY = 8 * 1024 * 1024


class _Server(ThreadingHTTPServer):
    # Non-daemon handler threads are tracked by ThreadingMixIn, so server_close() joins
    # every one of them (after close_connections() has hung up idle keep-alive sockets):
    # stop() returns only when no request thread is left.
    daemon_threads = False
    block_on_close = True

    def __init__(self, address: tuple[str, int], app: EmulatorApp) -> None:
        self.app = app
        self._connections: set[socket.socket] = set()
        self._connections_lock = threading.Lock()
        super().__init__(address, _Handler)

    def server_bind(self) -> None:
        # HTTPServer.server_bind resolves the host name (getfqdn), which can stall for
        # seconds without DNS; a loopback test server has no use for it.
        socketserver.TCPServer.server_bind(self)
        host, port = self.server_address[:2]
        self.server_name = str(host)
        self.server_port = int(port)

    def process_request(self, request: Any, client_address: Any) -> None:
        # Registered here, in the accept loop, so that after shutdown() returns every
        # accepted socket is known to close_connections().
        with self._connections_lock:
            self._connections.add(request)
        super().process_request(request, client_address)

    def shutdown_request(self, request: Any) -> None:
        with self._connections_lock:
            self._connections.discard(request)
        super().shutdown_request(request)

    def close_connections(self) -> None:
        with self._connections_lock:
            connections = list(self._connections)
        for connection in connections:
            # OSError: the peer already went away.
            with contextlib.suppress(OSError):
                connection.shutdown(socket.SHUT_RDWR)

    def handle_error(self, request: Any, client_address: Any) -> None:
        # A client hanging up mid-answer is normal for a test server; keep stderr quiet.
        _log.debug("connection error", exc_info=True)


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    # Headers and body go out in separate writes; without this, Nagle plus the
    # peer's delayed ACK adds ~40 ms to every keep-alive answer.
    disable_nagle_algorithm = True
    server_version = "FlipkartEmulator/1.0"
    sys_version = ""
    # Backstop for idle keep-alive connections of clients that never close them.
    timeout = 120
    server: _Server

    def do_GET(self) -> None:
        self._serve()

    def do_POST(self) -> None:
        self._serve()

    def do_PUT(self) -> None:
        self._serve()

    def do_DELETE(self) -> None:
        self._serve()

    def do_PATCH(self) -> None:
        self._serve()

    def _read_body(self) -> bytes | None:
        if "chunked" in (self.headers.get("Transfer-Encoding") or "").lower():
            chunks: list[bytes] = []
            total = 0
            while True:
                size = int(self.rfile.readline(1024).split(b";")[0].strip() or b"0", 16)
                if size == 0:
                    while self.rfile.readline(1024) not in (b"\r\n", b"\n", b""):
                        pass
                    return b"".join(chunks)
                total += size
                if total > _MAX_BODY:
                    return None
                chunks.append(self.rfile.read(size))
                self.rfile.readline(1024)
        length = int(self.headers.get("Content-Length") or 0)
        if length > _MAX_BODY:
            return None
        return self.rfile.read(length) if length else b""

    def _serve(self) -> None:
        split = urlsplit(self.path)
        try:
            body = self._read_body()
        except ValueError:
            body = None
        if body is None:
            self.close_connection = True
            self._send(
                Outcome(
                    error_response(413, "payload_too_large", "Body too large or malformed"),
                    WireAction.ANSWER,
                )
            )
            return
        request = Request(
            method=self.command,
            path=unquote(split.path),
            query=dict(parse_qsl(split.query, keep_blank_values=True)),
            headers={name.lower(): value for name, value in self.headers.items()},
            body=body,
        )
        try:
            outcome = self.server.app.handle(request)
        except Exception:
            self.server.app.report_failure(f"{request.method} {request.path}")
            outcome = Outcome(
                error_response(500, "internal_error", "The emulator failed"), WireAction.ANSWER
            )
        self._send(outcome)

    def date_time_string(self, timestamp: float | None = None) -> str:
        # The Date header follows the emulator's data clock, so a recording made with a
        # fixed clock is byte-for-byte reproducible.
        if timestamp is not None:
            return super().date_time_string(timestamp)
        return email.utils.format_datetime(self.server.app.now().astimezone(UTC), usegmt=True)

    def _send(self, outcome: Outcome) -> None:
        response, action = outcome
        if action is WireAction.DROP or response is None:
            self.close_connection = True
            return
        body = response.encode()
        declared = len(body)
        if action is WireAction.TRUNCATE:
            self.close_connection = True
            if len(body) >= 2:
                body = body[: len(body) // 2]
            else:
                declared = len(body) + 16
        self.send_response(response.status)
        if response.content_type and declared:
            self.send_header("Content-Type", response.content_type)
        for name, value in response.headers:
            self.send_header(name, value)
        self.send_header("Content-Length", str(declared))
        if self.close_connection:
            self.send_header("Connection", "close")
        self.end_headers()
        self.wfile.write(body)

    def log_request(self, code: int | str = "-", size: int | str = "-") -> None:
        _log.debug("%s %s -> %s", self.command, urlsplit(self.path).path, code)

    def log_error(self, format: str, *args: Any) -> None:
        # The default message can quote the raw request line, query string included.
        _log.debug("refused a malformed request")

    def log_message(self, format: str, *args: Any) -> None:
        _log.debug("http.server message suppressed")


class ServerThread:
    """One listening socket served from a background thread."""

    def __init__(self, app: EmulatorApp, host: str, port: int) -> None:
        self._server = _Server((host, port), app)
        bound_host, bound_port = self._server.server_address[:2]
        self.host = bound_host.decode() if isinstance(bound_host, bytes | bytearray) else bound_host
        self.port = int(bound_port)
        self._thread = threading.Thread(
            target=self._server.serve_forever,
            kwargs={"poll_interval": 0.5},
            name=f"flipkart-emulator-{self.port}",
            daemon=True,
        )
        self._thread.start()

    def stop(self) -> None:
        """Stop accepting, hang up on open connections, join every thread, close the socket."""
        stopper = threading.Thread(target=self._server.shutdown, name="flipkart-emulator-stop")
        stopper.start()
        # The accept loop only looks at the stop request when its select() returns: connect
        # to wake it now instead of at the next poll. A wake-up connection accepted before the
        # request landed is served as an empty keep-alive connection and closes at once.
        while stopper.is_alive():
            with contextlib.suppress(OSError):
                socket.create_connection((self.host, self.port), timeout=0.5).close()
            stopper.join(0.01)
        self._server.close_connections()
        self._server.server_close()
        self._thread.join()
