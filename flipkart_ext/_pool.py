"""Network transports whose connection pool never closes a connection a request holds.

httpcore 1.0's pool tidies itself each time a request arrives or a response closes: it
closes connections it judges expired (keep-alive timeout, or readable while idle) and idle
ones beyond ``max_keepalive_connections``. It judges them without a lock on the
connection, and a connection just handed to a waiting request still looks idle until
that request's thread starts on it. So another thread could close the socket under a
request that was already written to it, and the call failed with ``ReadError [Errno 9]
Bad file descriptor`` after the server had acted on it (a refresh token spent, a shipment
dispatched). Keeping as many idle connections as the pool opens (``DEFAULT_LIMITS``)
removed the most frequent way in; the keep-alive and readability checks remained.

:func:`network_transport` and :func:`async_network_transport` build the usual httpx
transports, then give their pool one rule more: a connection that any request holds (from
the moment it is handed over until its response is closed) is never closed by the tidy-up,
nor handed to a second request. Everything else is httpcore's own logic.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

import httpx

from ._deadline import with_deadlines

__all__ = [
    "DEFAULT_LIMITS",
    "async_network_transport",
    "keep_held_connections",
    "network_transport",
]

DEFAULT_LIMITS = httpx.Limits(max_connections=100, max_keepalive_connections=100)
"""Pool limits of the default transports: keep-alive equals the maximum (see above)."""


class _KeepHeldConnections:
    """Mixed into an httpcore pool class: the tidy-up spares connections requests hold."""

    # Provided by the httpcore pool class this is mixed into.
    _connections: list[Any]
    _requests: list[Any]
    _max_connections: int
    _max_keepalive_connections: int
    create_connection: Callable[[Any], Any]

    def _assign_requests_to_connections(self) -> list[Any]:
        held = {id(r.connection) for r in self._requests if r.connection is not None}
        closing: list[Any] = []
        idle = sum(1 for c in self._connections if c.is_idle() and id(c) not in held)
        for connection in list(self._connections):
            if connection.is_closed():
                self._connections.remove(connection)
            elif id(connection) in held:
                continue  # a request holds it, even if its thread has not started on it yet
            elif connection.has_expired():
                self._connections.remove(connection)
                closing.append(connection)
            elif connection.is_idle() and idle > self._max_keepalive_connections:
                self._connections.remove(connection)
                closing.append(connection)
                idle -= 1

        for pool_request in [r for r in self._requests if r.is_queued()]:
            origin = pool_request.request.url.origin
            free = [c for c in self._connections if id(c) not in held]
            available = [c for c in free if c.can_handle_request(origin) and c.is_available()]
            if available:
                connection = available[0]
            elif len(self._connections) < self._max_connections:
                connection = self.create_connection(origin)
                self._connections.append(connection)
            else:
                spare = [c for c in free if c.is_idle()]
                if not spare:
                    continue  # the request waits for a connection to come free
                self._connections.remove(spare[0])
                closing.append(spare[0])
                connection = self.create_connection(origin)
                self._connections.append(connection)
            pool_request.assign_to_connection(connection)
            held.add(id(connection))
        return closing


_KEPT: dict[type, type] = {}


def keep_held_connections(transport: httpx.HTTPTransport | httpx.AsyncHTTPTransport) -> None:
    """Give ``transport``'s pool the rule of this module (it adds no state, only a method).

    The pool's class becomes a subclass of itself with the rule mixed in, made once per
    class (the plain pool, and the HTTP and SOCKS proxy pools, sync and async).
    """
    pool: Any = transport._pool
    base = type(pool)
    if base not in _KEPT:
        _KEPT[base] = type(f"Kept{base.__name__}", (_KeepHeldConnections, base), {})
    pool.__class__ = _KEPT[base]


_Transport = TypeVar("_Transport", httpx.HTTPTransport, httpx.AsyncHTTPTransport)


def _patched(transport: _Transport) -> _Transport:
    """``transport`` with both patches: held connections kept, every socket read bounded."""
    keep_held_connections(transport)
    with_deadlines(transport, asynchronous=isinstance(transport, httpx.AsyncHTTPTransport))
    return transport


def network_transport(
    *, limits: httpx.Limits = DEFAULT_LIMITS, **options: Any
) -> httpx.HTTPTransport:
    """An ``httpx.HTTPTransport`` (same options) whose pool keeps held connections."""
    return _patched(httpx.HTTPTransport(limits=limits, **options))


def async_network_transport(
    *, limits: httpx.Limits = DEFAULT_LIMITS, **options: Any
) -> httpx.AsyncHTTPTransport:
    """An ``httpx.AsyncHTTPTransport`` (same options) whose pool keeps held connections."""
    return _patched(httpx.AsyncHTTPTransport(limits=limits, **options))
