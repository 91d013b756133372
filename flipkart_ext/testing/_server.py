"""HTTP/1.1 plumbing on the standard library: keep-alive, a thread per connection, wire faults.

The server tracks every open connection so that ``stop()`` can shut idle keep-alive
sockets down; otherwise their threads would sit in ``recv`` and ``server_close()`` (which
joins them) would hang as long as a client kept its pool open.

Request lines are never logged with their query string: token calls carry the refresh
token and the authorization code there.

A request the server cannot read is answered with a JSON error in Flipkart's shape, never
with http.server's HTML page, a 5xx or silence: a ``Content-Length`` that is not digits, two
that differ, or one beside ``Transfer-Encoding`` (400); a transfer coding other than
``chunked``, or a malformed chunk (400); a body larger than 8 MiB (413); a body shorter than
announced when the client stops sending (400); a body that does not arrive within
``BODY_TIMEOUT`` seconds (408); an unserved method (405); a malformed request line, an
HTTP/0.9 or 2.x request (400). The connection is closed after each of these, since what
follows on it can no longer be framed.
"""

from __future__ import annotations

import contextlib
import email.utils
import logging
import socket
import socketserver
import threading
import time
from datetime import UTC
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import parse_qsl, unquote, urlsplit

from ._app import EmulatorApp, Outcome
from ._wire import Request, WireAction, error_response

__all__ = ["ServerThread"]

_log = logging.getLogger("flipkart_ext.testing")
_MAX_BODY = 8 * 1024 * 1024
_MAX_LINE = 1024
BODY_TIMEOUT = 10.0
"""Seconds a request body may take to arrive, from the end of its headers (then a 408)."""
_LINGER_SECONDS = 1.0
_SERVED_METHODS = ("GET", "POST", "PUT", "DELETE", "PATCH")
# http.server's own refusals, as the 4xx a client can act on (it says 501 for an unknown
# method and 505 for HTTP/2.0 and later: neither is the server failing).
_STATUS_FOR = {501: 405, 505: 400}
_ERROR_CODES = {
    400: "invalid_request",
    405: "method_not_allowed",
    408: "request_timeout",
    413: "payload_too_large",
    414: "uri_too_long",
    431: "request_header_fields_too_large",
}


class _Refused(Exception):
    """A request that cannot be read; answered ``status`` and the connection closed."""

    def __init__(self, status: int, description: str) -> None:
        super().__init__(description)
        self.status = status
        self.description = description


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

    def _read_body(self) -> bytes:
        """The request body, read within ``BODY_TIMEOUT``; :class:`_Refused` if unreadable."""
        lengths = self.headers.get_all("Content-Length") or []
        codings = self.headers.get_all("Transfer-Encoding") or []
        if codings and lengths:
            raise _Refused(400, "Content-Length and Transfer-Encoding together")
        deadline = time.monotonic() + BODY_TIMEOUT
        try:
            if codings:
                if [c.strip().lower() for c in codings] != ["chunked"]:
                    raise _Refused(400, "the only transfer coding served is chunked")
                return self._read_chunked(deadline)
            values = {value.strip() for value in ",".join(lengths).split(",")} if lengths else set()
            if len(values) > 1:
                raise _Refused(400, "two different Content-Length values")
            text = values.pop() if values else "0"
            # RFC 9110: 1*DIGIT. int() would take "+5", "-1", " 7" and other scripts' digits.
            if not (text.isascii() and text.isdigit()):
                raise _Refused(400, "Content-Length is not a number of bytes")
            if len(text) > 12 or int(text) > _MAX_BODY:
                raise _Refused(413, "Body too large")
            return self._read_exactly(int(text), deadline)
        except TimeoutError:
            raise _Refused(408, f"the body did not arrive within {BODY_TIMEOUT:g}s") from None
        finally:
            with contextlib.suppress(OSError):
                self.connection.settimeout(self.timeout)

    def _wait_until(self, deadline: float) -> None:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise TimeoutError
        self.connection.settimeout(remaining)

    def _read_exactly(self, length: int, deadline: float) -> bytes:
        parts: list[bytes] = []
        missing = length
        while missing:
            self._wait_until(deadline)
            part = self.rfile.read1(min(missing, 65536))
            if not part:
                raise _Refused(400, f"the body ended {missing} bytes short of its length")
            parts.append(part)
            missing -= len(part)
        return b"".join(parts)

    def _read_line(self, deadline: float) -> bytes:
        self._wait_until(deadline)
        line: bytes = self.rfile.readline(_MAX_LINE + 1)
        if len(line) > _MAX_LINE:
            raise _Refused(400, "a chunk line is too long")
        if not line.endswith(b"\n"):
            raise _Refused(400, "the chunked body ended early")
        return line

    def _read_chunked(self, deadline: float) -> bytes:
        chunks: list[bytes] = []
        total = 0
        while True:
            size_text = self._read_line(deadline).split(b";", 1)[0].strip()
            if not size_text or size_text.strip(b"0123456789abcdefABCDEF"):
                raise _Refused(400, "a chunk size is not a hexadecimal number")
            if len(size_text) > 8 or total + int(size_text, 16) > _MAX_BODY:
                raise _Refused(413, "Body too large")
            size = int(size_text, 16)
            if size == 0:
                while self._read_line(deadline) not in (b"\r\n", b"\n"):
                    pass  # trailer fields: read and ignored
                return b"".join(chunks)
            chunks.append(self._read_exactly(size, deadline))
            total += size
            if self._read_line(deadline) not in (b"\r\n", b"\n"):
                raise _Refused(400, "a chunk is longer than its size")

    def _refuse(self, refused: _Refused) -> None:
        self.close_connection = True
        error = _ERROR_CODES.get(refused.status, "invalid_request")
        self._send(
            Outcome(error_response(refused.status, error, refused.description), WireAction.ANSWER)
        )
        self._linger()

    def _linger(self) -> None:
        """Let the client read the refusal: closing with its unread body still arriving would
        send a reset, which can destroy the answer before the client reads it."""
        with contextlib.suppress(OSError):
            self.wfile.flush()
            self.connection.shutdown(socket.SHUT_WR)
            deadline = time.monotonic() + _LINGER_SECONDS
            drained = 0
            while drained < _MAX_BODY and time.monotonic() < deadline:
                self.connection.settimeout(max(0.01, deadline - time.monotonic()))
                data = self.connection.recv(65536)
                if not data:
                    break
                drained += len(data)

    def parse_request(self) -> bool:
        if not super().parse_request():
            return False
        if self.request_version == "HTTP/0.9":
            # http.server would answer a bare body, with no status line to read.
            self.send_error(400, "HTTP/0.9 requests are not served")
            return False
        return True

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        """http.server's refusals (bad request line, long target, many headers...) as JSON."""
        status = _STATUS_FOR.get(code, code)
        self.close_connection = True
        if self.request_version == "HTTP/0.9":  # a refused request line: answer with a head
            self.request_version = "HTTP/1.0"
        description = message or (explain or "")
        if code == 501:
            description = f"Request method {self.command!r} not supported"
        response = error_response(
            status, _ERROR_CODES.get(status, "invalid_request"), description or "Bad request"
        )
        if status == 405:
            response.headers.append(("Allow", ", ".join(_SERVED_METHODS)))
        body = response.encode()
        try:
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            for name, value in response.headers:
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Connection", "close")
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(body)
        except OSError:
            _log.debug("could not send a refusal", exc_info=True)

    def _serve(self) -> None:
        split = urlsplit(self.path)
        try:
            body = self._read_body()
        except _Refused as refused:
            self._refuse(refused)
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
        # A refused request line may have left no command or path behind.
        path = getattr(self, "path", None)
        where = urlsplit(path).path if isinstance(path, str) else "-"
        _log.debug("%s %s -> %s", self.command or "-", where, code)

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
