"""What the Redis token store and the Redis rate budget share: connections, key names, errors.

redis-py is an optional dependency (``pip install flipkart-seller[redis]``): it is
imported only when a Redis store or budget is built, so ``import flipkart_ext`` never
loads it, and a missing install is a :class:`~flipkart_ext.ConfigurationError` naming
the extra.

Keys
====

Every key starts with a namespace (``"flipkart"`` unless told otherwise) and carries a
Redis Cluster hash tag, so that the keys one script touches live in one slot:

* ``{ns}:{<environment>:<client id>:<seller id>}:token|lock|fence`` for a token
  (the seller part is empty for a self-access application);
* ``{ns}:{<environment>:<client id>}:rate|pause|rate:<seller id>`` for a rate budget.

Each part is percent-encoded (``:``, ``{`` and ``}`` included), so no two different
(environment, client id, seller id) triples share a key.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from ..errors import ConfigurationError, InvalidArgument, SharedStateError

if TYPE_CHECKING:
    import redis
    import redis.asyncio

    #: The client types, named so that the async sources and their generated sync twins
    #: (``AsyncRedis`` -> ``SyncRedis``) each name their own.
    SyncRedis = redis.Redis
    AsyncRedis = redis.asyncio.Redis


__all__ = [
    "DEFAULT_NAMESPACE",
    "application_tag",
    "async_client",
    "describe",
    "redis_errors",
    "seller_tag",
    "sync_client",
    "text",
]

DEFAULT_NAMESPACE = "flipkart"

#: Socket timeouts for a client built from a URL: a Redis that stops answering fails the
#: call with a typed error instead of hanging it.
_SOCKET_TIMEOUTS: dict[str, Any] = {"socket_timeout": 5.0, "socket_connect_timeout": 5.0}


def _missing_extra() -> ConfigurationError:
    return ConfigurationError("Redis support needs redis-py: pip install 'flipkart-seller[redis]'")


_SCHEMES = ("redis://", "rediss://", "unix://")


def _checked_url(connection: object, client_type: str) -> str | None:
    """``connection`` when it is a Redis URL, ``None`` when it is a client; otherwise refused."""
    if isinstance(connection, str):
        if not connection.startswith(_SCHEMES):
            raise InvalidArgument(
                "connection: expected a redis://, rediss:// or unix:// URL or a "
                f"{client_type}, got a string that is none of them"
            )
        return connection
    if not callable(getattr(connection, "evalsha", None)):
        raise InvalidArgument(
            f"connection: expected a Redis URL or a {client_type}, got {type(connection).__name__}"
        )
    return None


def _from_url(factory: Any, url: str) -> Any:
    try:
        return factory.from_url(url, **_SOCKET_TIMEOUTS)
    except ValueError as exc:  # redis-py refuses an unreadable URL (the message names no secret)
        raise InvalidArgument(f"connection: not a usable Redis URL ({exc})") from None


def sync_client(connection: str | redis.Redis) -> tuple[redis.Redis, bool]:
    """A redis-py client for ``connection`` (a URL or a client), and whether we own it."""
    url = _checked_url(connection, "redis.Redis")
    if url is None:
        return connection, False  # type: ignore[return-value]
    try:
        import redis
    except ImportError:  # pragma: no cover - the extra is installed wherever tests run
        raise _missing_extra() from None
    return _from_url(redis.Redis, url), True


def async_client(connection: str | redis.asyncio.Redis) -> tuple[redis.asyncio.Redis, bool]:
    """A ``redis.asyncio`` client for ``connection`` (a URL or a client), and whether we own it."""
    url = _checked_url(connection, "redis.asyncio.Redis")
    if url is None:
        return connection, False  # type: ignore[return-value]
    try:
        import redis.asyncio
    except ImportError:  # pragma: no cover
        raise _missing_extra() from None
    return _from_url(redis.asyncio.Redis, url), True


def _part(value: str | None) -> str:
    return quote(value or "", safe="")


def seller_tag(namespace: str, environment: str, client_id: str, seller_id: str | None) -> str:
    """``{ns}:{env:client:seller}``: the prefix of one token's keys."""
    return f"{namespace}:{{{_part(environment)}:{_part(client_id)}:{_part(seller_id)}}}"


def application_tag(namespace: str, environment: str, client_id: str) -> str:
    """``{ns}:{env:client}``: the prefix of one application's rate budget keys."""
    return f"{namespace}:{{{_part(environment)}:{_part(client_id)}}}"


def describe(environment: str, seller_id: str | None) -> str:
    """How a message names a key: environment and seller, never a token."""
    return f"{environment}/{seller_id or 'self'}"


@contextlib.contextmanager
def redis_errors(error: type[SharedStateError], what: str) -> Iterator[None]:
    """Turn any redis-py error inside the block into ``error`` saying ``what`` failed."""
    from redis.exceptions import RedisError

    try:
        yield
    except RedisError as exc:
        raise error(f"{what}: Redis failed ({type(exc).__name__}: {exc})") from exc


def text(value: Any) -> str | None:
    """A reply as text, whether the client decodes responses or not."""
    if value is None:
        return None
    if isinstance(value, bytes):
        return value.decode("utf-8")
    return str(value)
