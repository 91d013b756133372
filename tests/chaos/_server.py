"""A socket-level HTTP/1.1 server whose every answer is a :class:`Delivery`, faults and all.

It shares no code with ``flipkart_ext`` (nor with its emulator). A delivery says exactly
which bytes go on the wire and how: the status line, headers as raw bytes (duplicates,
garbage), the body as written (content-coded or not), the framing (``Content-Length`` true,
short, long, padded, doubled, garbage; close-delimited; chunked, good or bad), a 1xx answer
first, and a cut: a reset (RST) or close (FIN) after any byte, a stall, or a trickle.

:meth:`Delivery.received` says, from the bytes alone, which complete bodies a client could
have read: the oracle's view of "what was served".
"""

from __future__ import annotations

import contextlib
import socket
import struct
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qsl

__all__ = ["FRAMINGS", "ChaosServer", "Cut", "Delivery", "Request"]

# Framings after which a client holds the whole body when nothing cuts the answer.
COMPLETE = ("length", "length_padded", "length_dup_same", "chunked", "chunked_and_length")
FRAMINGS = (
    *COMPLETE,
    "length_short",
    "length_long",
    "length_dup_conflict",
    "length_garbage",
    "close",
    "chunked_bad",
)


@dataclass(frozen=True)
class Request:
    method: str
    target: str
    headers: tuple[tuple[str, str], ...]
    body: bytes

    @property
    def path(self) -> str:
        return self.target.split("?", 1)[0]

    @property
    def query(self) -> dict[str, str]:
        return dict(parse_qsl(self.target.partition("?")[2], keep_blank_values=True))

    def header(self, name: str) -> str | None:
        return next((v for k, v in self.headers if k == name.lower()), None)


@dataclass(frozen=True)
class Cut:
    """Where the answer stops going out normally: ``at`` bytes are sent first (taken modulo
    the answer's length, so a cut always falls inside it)."""

    kind: str  # "reset" | "close" | "stall" | "trickle"
    at: int
    delay: float = 0.0  # trickle: seconds between single bytes


@dataclass(frozen=True)
class Delivery:
    status: int = 200
    reason: bytes = b"OK"
    headers: tuple[tuple[bytes, bytes], ...] = ()
    body: bytes = b""
    framing: str = "length"
    garbage_length: bytes = b"abc"
    chunk_size: int = 7
    informational: bytes = b""
    cut: Cut | None = None

    def _framing_headers(self) -> list[bytes]:
        size = len(self.body)
        return {
            "length": [b"Content-Length: %d" % size],
            "length_padded": [b"Content-Length: 00%d" % size],
            "length_dup_same": [b"Content-Length: %d" % size] * 2,
            "length_dup_conflict": [
                b"Content-Length: %d" % size,
                b"Content-Length: %d" % (size + 1),
            ],
            "length_short": [b"Content-Length: %d" % (size // 2)],
            "length_long": [b"Content-Length: %d" % (size + 10)],
            "length_garbage": [b"Content-Length: " + self.garbage_length],
            "close": [],
            "chunked": [b"Transfer-Encoding: chunked"],
            "chunked_bad": [b"Transfer-Encoding: chunked"],
            "chunked_and_length": [
                b"Transfer-Encoding: chunked",
                b"Content-Length: %d" % (size + 3),
            ],
        }[self.framing]

    def _framed_body(self) -> bytes:
        if self.framing not in ("chunked", "chunked_bad", "chunked_and_length"):
            return self.body
        step = max(1, self.chunk_size)
        parts = [self.body[i : i + step] for i in range(0, len(self.body), step)]
        chunks = b"".join(b"%x\r\n%s\r\n" % (len(p), p) for p in parts)
        if self.framing == "chunked_bad":
            return b"zz\r\n" + chunks + b"0\r\n\r\n"
        return chunks + b"0\r\n\r\n"

    def head(self) -> bytes:
        lines = [b"HTTP/1.1 %d %s" % (self.status, self.reason)]
        lines += [name + b": " + value for name, value in self.headers]
        lines += self._framing_headers()
        return self.informational + b"\r\n".join(lines) + b"\r\n\r\n"

    def wire(self) -> bytes:
        return self.head() + self._framed_body()

    def cut_at(self) -> int | None:
        if self.cut is None:
            return None
        return self.cut.at % max(1, len(self.wire()))

    def received(self, trickle_limit: float) -> list[bytes]:
        """The complete bodies (as written, before content decoding) a client may hold."""
        head = len(self.head())
        wire = len(self.wire())
        if self.framing in COMPLETE:
            whole, end = self.body, wire
        elif self.framing == "length_short":
            whole, end = self.body[: len(self.body) // 2], head + len(self.body) // 2
        elif self.framing == "close":
            whole, end = self.body, wire
        else:
            return []
        at = self.cut_at()
        if self.cut is None or at is None:
            return [whole]
        if self.cut.kind == "trickle":
            return [whole] if (wire - at) * self.cut.delay <= trickle_limit else []
        if self.framing == "close" and self.cut.kind == "close":
            # An orderly close ends a close-delimited body: the client cannot tell it was cut.
            return [self.body[: at - head]] if at >= head else []
        return [whole] if at >= end else []

    def keep_alive(self) -> bool:
        closes = any(n.lower() == b"connection" and v.lower() == b"close" for n, v in self.headers)
        return (
            self.framing in ("length", "length_padded", "length_dup_same", "chunked")
            and self.cut is None
            and self.status >= 200
            and self.status not in (204, 304)
            and not closes
        )


def _abort(sock: socket.socket) -> None:
    # SO_LINGER with a zero timeout makes close() send RST instead of FIN.
    with contextlib.suppress(OSError):
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    sock.close()


@dataclass
class ChaosServer:
    """Serves ``respond(request) -> Delivery`` on 127.0.0.1; ``log`` keeps both, in order.

    ``stall_seconds`` is how long a stalled answer waits before its reset; ``trickle_limit``
    how long a trickle may go on before the server gives up on it (reset). Both end at
    once when the server closes, so no thread outlives a test.
    """

    respond: Callable[[Request], Delivery]
    stall_seconds: float = 3.0
    trickle_limit: float = 6.0
    log: list[tuple[Request, Delivery]] = field(default_factory=list)
    outlasted: list[tuple[Request, Delivery]] = field(default_factory=list)
    """Trickles the client was still reading when ``trickle_limit`` ran out."""

    def __post_init__(self) -> None:
        self._stop = threading.Event()
        self._lock = threading.Lock()
        self._sockets: set[socket.socket] = set()
        self._threads: list[threading.Thread] = []
        self._listener = socket.socket()
        self._listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self._listener.bind(("127.0.0.1", 0))
        self._listener.listen(64)
        self.port = self._listener.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}"

    def __enter__(self) -> ChaosServer:
        accept = threading.Thread(target=self._accept, daemon=True)
        accept.start()
        self._threads.append(accept)
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        with contextlib.suppress(OSError):
            self._listener.shutdown(socket.SHUT_RDWR)
        self._listener.close()
        with self._lock:
            open_sockets = list(self._sockets)
        for sock in open_sockets:
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_RDWR)
        for thread in list(self._threads):
            thread.join(timeout=5)

    def _accept(self) -> None:
        while not self._stop.is_set():
            try:
                sock, _ = self._listener.accept()
            except OSError:
                return
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            with self._lock:
                self._sockets.add(sock)
                thread = threading.Thread(target=self._serve, args=(sock,), daemon=True)
                self._threads.append(thread)
            thread.start()

    def _serve(self, sock: socket.socket) -> None:
        reader = sock.makefile("rb")
        try:
            while not self._stop.is_set():
                request = _read_request(reader)
                if request is None:
                    break
                delivery = self.respond(request)
                with self._lock:
                    self.log.append((request, delivery))
                if not self._send(sock, request, delivery):
                    return
        except OSError:
            pass
        finally:
            reader.close()
            with self._lock:
                self._sockets.discard(sock)
            _abort(sock) if self._stop.is_set() else _close(sock)

    def _send(self, sock: socket.socket, request: Request, delivery: Delivery) -> bool:
        """Send one answer; ``False`` when the connection is over (already closed here)."""
        wire = delivery.wire()
        at = delivery.cut_at()
        cut = delivery.cut
        if cut is None or at is None:
            sock.sendall(wire)
            if delivery.keep_alive():
                return True
            _close(sock)
            return False
        sock.sendall(wire[:at])
        if cut.kind == "reset":
            _abort(sock)
        elif cut.kind == "close":
            _close(sock)
        elif cut.kind == "stall":
            self._stop.wait(self.stall_seconds)
            _abort(sock)
        else:  # trickle: the rest byte by byte, until done or the limit
            started = time.monotonic()
            for index in range(at, len(wire)):
                if self._stop.is_set():
                    _abort(sock)
                    return False
                if time.monotonic() - started > self.trickle_limit:
                    with self._lock:
                        self.outlasted.append((request, delivery))
                    _abort(sock)
                    return False
                sock.sendall(wire[index : index + 1])
                if cut.delay:
                    self._stop.wait(cut.delay)
            _close(sock)
        return False


def _close(sock: socket.socket) -> None:
    with contextlib.suppress(OSError):
        sock.shutdown(socket.SHUT_WR)
    sock.close()


def _read_request(reader: Any) -> Request | None:
    line = reader.readline(65537)
    if not line or not line.strip():
        return None
    method, target, _ = line.decode("latin-1").split(" ", 2)
    headers: list[tuple[str, str]] = []
    while True:
        header = reader.readline(65537)
        if header in (b"\r\n", b"\n", b""):
            break
        name, _, value = header.decode("latin-1").partition(":")
        headers.append((name.strip().lower(), value.strip()))
    length = int(dict(headers).get("content-length", "0") or 0)
    body = reader.read(length) if length else b""
    return Request(method, target, tuple(headers), body)
