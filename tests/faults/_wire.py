"""A Flipkart-like HTTP/1.1 server on a raw socket, for fault tests.

Written apart from the package's emulator on purpose: it shares no code and no wire-name
constant with ``flipkart_ext``. Every answer comes from a test-supplied ``respond``
callable, and can be delivered with a fault at the socket:

* ``reset_before_headers``: read the request, then abort the connection (TCP RST);
* ``reset_mid_body``: send the headers and half the body, then abort;
* ``stall_body``: send the headers and half the body, then wait past the client's
  read timeout before closing;
* ``truncate``: send the headers (with the full ``Content-Length``) and half the body,
  then close normally.
"""

from __future__ import annotations

import json
import socket
import socketserver
import struct
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

__all__ = ["Reply", "Request", "WireServer"]

FAULTS = ("reset_before_headers", "reset_mid_body", "stall_body", "truncate")


@dataclass(frozen=True)
class Request:
    method: str
    target: str
    headers: dict[str, str]
    body: bytes

    @property
    def path(self) -> str:
        return self.target.split("?", 1)[0]

    @property
    def query(self) -> dict[str, str]:
        from urllib.parse import parse_qsl

        return dict(parse_qsl(self.target.partition("?")[2], keep_blank_values=True))

    def json(self) -> Any:
        return json.loads(self.body) if self.body else None


@dataclass
class Reply:
    status: int = 200
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    fault: str | None = None

    @classmethod
    def of_json(cls, payload: Any, status: int = 200, **kwargs: Any) -> Reply:
        return cls(
            status, json.dumps(payload).encode(), {"Content-Type": "application/json"}, **kwargs
        )


_REASONS = {200: "OK", 401: "Unauthorized", 429: "Too Many Requests", 499: "Client Closed"}


def _abort(sock: socket.socket) -> None:
    # SO_LINGER with a zero timeout makes close() send RST instead of FIN.
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    sock.close()


class WireServer:
    """Serves ``respond(request) -> Reply`` on 127.0.0.1 with HTTP/1.1 keep-alive."""

    def __init__(
        self,
        respond: Callable[[Request], Reply],
        *,
        stall_seconds: float = 1.0,
        split_writes: bool = False,
    ) -> None:
        self.respond = respond
        self.stall_seconds = stall_seconds
        # Like many real servers (Python's own http.server among them): headers and body in
        # separate writes, Nagle left on, so each answer takes a few milliseconds to land.
        self.split_writes = split_writes
        self._stop = threading.Event()
        outer = self

        class Handler(socketserver.BaseRequestHandler):
            def handle(self) -> None:
                outer._serve_connection(self.request)

        class Server(socketserver.ThreadingTCPServer):
            daemon_threads = True
            allow_reuse_address = True
            request_queue_size = 512

        self._server = Server(("127.0.0.1", 0), Handler)
        self.port = self._server.server_address[1]
        self.url = f"http://127.0.0.1:{self.port}"
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    def __enter__(self) -> WireServer:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._server.shutdown()
        self._server.server_close()

    def _serve_connection(self, sock: socket.socket) -> None:
        if not self.split_writes:
            # Small answers go out at once instead of waiting for the client's delayed ACK.
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        reader = sock.makefile("rb")
        try:
            while not self._stop.is_set():
                request = _read_request(reader)
                if request is None:
                    return
                reply = self.respond(request)
                if not self._send(sock, reply):
                    return
        except OSError:
            return
        finally:
            reader.close()

    def _send(self, sock: socket.socket, reply: Reply) -> bool:
        """Send ``reply``; ``False`` when the connection is over."""
        if reply.fault == "reset_before_headers":
            _abort(sock)
            return False
        reason = _REASONS.get(reply.status, "Status")
        head = [f"HTTP/1.1 {reply.status} {reason}", f"Content-Length: {len(reply.body)}"]
        head += [f"{name}: {value}" for name, value in reply.headers.items()]
        head_bytes = ("\r\n".join(head) + "\r\n\r\n").encode()
        if reply.fault is None and self.split_writes:
            sock.sendall(head_bytes)
            sock.sendall(reply.body)
            return True
        if reply.fault is None:
            sock.sendall(head_bytes + reply.body)
            return True
        sock.sendall(head_bytes + reply.body[: len(reply.body) // 2])
        if reply.fault == "reset_mid_body":
            _abort(sock)
        elif reply.fault == "stall_body":
            self._stop.wait(self.stall_seconds)
            _abort(sock)
        else:  # truncate: an orderly close, short of the announced length
            sock.shutdown(socket.SHUT_RDWR)
            sock.close()
        return False


def _read_request(reader: Any) -> Request | None:
    line = reader.readline(65537)
    if not line:
        return None
    method, target, _ = line.decode("latin-1").split(" ", 2)
    headers: dict[str, str] = {}
    while True:
        header = reader.readline(65537)
        if header in (b"\r\n", b"\n", b""):
            break
        name, _, value = header.decode("latin-1").partition(":")
        headers[name.strip().lower()] = value.strip()
    length = int(headers.get("content-length", "0") or 0)
    body = reader.read(length) if length else b""
    return Request(method, target, headers, body)
