"""One deadline for a whole exchange, down to each socket read.

httpx's timeouts are per operation: a read waits at most ``timeout`` seconds for *some*
bytes. A server that trickles its answer (a byte every tenth of a second, headers
included) never trips them, and the call would outlive any budget. The retry transport
therefore sets a deadline for the exchange (``RetryPolicy.total_timeout`` from the first
attempt); the network streams of the default transports shorten every read, write and
connect to what is left of it, and refuse to start one once it has passed, with the
timeout error httpcore raises for a slow read. A call thus ends within ``total_timeout``
plus the time of the exchange's last few bytes, whatever the server does.

The deadline travels in a context variable, so it belongs to the calling thread (sync) or
task (async) and never leaks between concurrent calls.
"""

from __future__ import annotations

import contextlib
import contextvars
import time
from collections.abc import Iterator
from typing import Any

import httpcore

__all__ = ["deadline_for", "with_deadlines"]

#: The monotonic time the current exchange must end by, or ``None`` for none.
_DEADLINE: contextvars.ContextVar[float | None] = contextvars.ContextVar(
    "flipkart_ext_deadline", default=None
)


@contextlib.contextmanager
def deadline_for(seconds: float) -> Iterator[None]:
    """Every socket operation inside the block ends within ``seconds`` from now."""
    token = _DEADLINE.set(time.monotonic() + max(0.0, seconds))
    try:
        yield
    finally:
        _DEADLINE.reset(token)


def _left(timeout: float | None, error: type[Exception]) -> float | None:
    deadline = _DEADLINE.get()
    if deadline is None:
        return timeout
    left = deadline - time.monotonic()
    if left <= 0:
        raise error("the exchange ran past its total_timeout")
    return left if timeout is None else min(timeout, left)


class _Stream:
    def __init__(self, stream: Any) -> None:
        self._stream = stream

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return bytes(self._stream.read(max_bytes, _left(timeout, httpcore.ReadTimeout)))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self._stream.write(buffer, _left(timeout, httpcore.WriteTimeout))

    def close(self) -> None:
        self._stream.close()

    def start_tls(
        self, ssl_context: Any, server_hostname: str | None = None, timeout: float | None = None
    ) -> _Stream:
        left = _left(timeout, httpcore.ConnectTimeout)
        return _Stream(self._stream.start_tls(ssl_context, server_hostname, left))

    def get_extra_info(self, info: str) -> Any:
        return self._stream.get_extra_info(info)


class _AsyncStream:
    def __init__(self, stream: Any) -> None:
        self._stream = stream

    async def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return bytes(await self._stream.read(max_bytes, _left(timeout, httpcore.ReadTimeout)))

    async def write(self, buffer: bytes, timeout: float | None = None) -> None:
        await self._stream.write(buffer, _left(timeout, httpcore.WriteTimeout))

    async def aclose(self) -> None:
        await self._stream.aclose()

    async def start_tls(
        self, ssl_context: Any, server_hostname: str | None = None, timeout: float | None = None
    ) -> _AsyncStream:
        left = _left(timeout, httpcore.ConnectTimeout)
        return _AsyncStream(await self._stream.start_tls(ssl_context, server_hostname, left))

    def get_extra_info(self, info: str) -> Any:
        return self._stream.get_extra_info(info)


class _Backend:
    def __init__(self, backend: Any) -> None:
        self._backend = backend

    def connect_tcp(
        self, host: str, port: int, timeout: float | None = None, **options: Any
    ) -> _Stream:
        left = _left(timeout, httpcore.ConnectTimeout)
        return _Stream(self._backend.connect_tcp(host, port, left, **options))

    def connect_unix_socket(
        self, path: str, timeout: float | None = None, **options: Any
    ) -> _Stream:
        left = _left(timeout, httpcore.ConnectTimeout)
        return _Stream(self._backend.connect_unix_socket(path, left, **options))

    def sleep(self, seconds: float) -> None:
        self._backend.sleep(seconds)


class _AsyncBackend:
    def __init__(self, backend: Any) -> None:
        self._backend = backend

    async def connect_tcp(
        self, host: str, port: int, timeout: float | None = None, **options: Any
    ) -> _AsyncStream:
        left = _left(timeout, httpcore.ConnectTimeout)
        return _AsyncStream(await self._backend.connect_tcp(host, port, left, **options))

    async def connect_unix_socket(
        self, path: str, timeout: float | None = None, **options: Any
    ) -> _AsyncStream:
        left = _left(timeout, httpcore.ConnectTimeout)
        return _AsyncStream(await self._backend.connect_unix_socket(path, left, **options))

    async def sleep(self, seconds: float) -> None:
        await self._backend.sleep(seconds)


def with_deadlines(transport: Any, *, asynchronous: bool) -> None:
    """Make the socket operations of ``transport``'s pool keep the current deadline.

    ``transport`` is an ``httpx.HTTPTransport`` or ``AsyncHTTPTransport`` (plain or with a
    proxy); its pool keeps its own backend, wrapped.
    """
    pool = transport._pool
    backend = pool._network_backend
    if isinstance(backend, _Backend | _AsyncBackend):
        return
    pool._network_backend = _AsyncBackend(backend) if asynchronous else _Backend(backend)
