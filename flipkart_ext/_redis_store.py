"""Tokens in Redis, shared by every process on every machine: ``RedisTokenStore`` and its async twin.

Each token is one hash (``token`` as JSON, ``digest``, ``fence``) under a key namespaced by
environment, application id and seller id (see :mod:`._redis_support`). Its time to live
follows the token: it ends when the access token expires, or when the refresh token does
if that is later (Flipkart's ``refresh_token_expires_in`` when given, otherwise
``refresh_token_lifetime`` from when the token was obtained: 180 days, as Flipkart
documents). An expired record is no token; nothing is kept for longer than it can serve.

The lock
========

``lock(key)`` is a lease: ``SET lock <owner> NX PX <lock_lease>``, taken by a script that
also increments the key's fence counter and returns it. The holder leaves it with a
compare-and-delete (only its own owner id). A worker that dies while holding it blocks the
others for at most ``lock_lease`` seconds. Waiters poll with a growing, jittered delay
(5 ms to 100 ms) and give up after ``lock_timeout`` seconds with
:class:`~flipkart_ext.TokenStoreError`.

Check-and-set
=============

A lease can run out while its holder still works (a token request slower than the lease),
so two holders may overlap. Saves made under the lock therefore go through
:meth:`RedisTokenStore.replace`, one script that writes only when the stored token is still
the one the holder read (by digest) and no holder with a later fence has written. The loser
writes nothing; the client re-reads and uses the winner's token, so a rotated refresh token
is never overwritten by an older one.

Errors and secrets
==================

Every redis-py failure becomes :class:`~flipkart_ext.TokenStoreError` (leaving a lock
never raises: the lease ends it). Neither ``repr`` nor a message or log line shows a
token, and ``repr`` does not show the connection URL (it may hold a password).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import random
import secrets
import time
from collections.abc import AsyncIterator, Callable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ._core.redis_keys import DEFAULT_NAMESPACE, async_client, describe, redis_errors, seller_tag
from ._core.redis_keys import sync_client as _sync_client
from ._core.redis_keys import text as _text
from ._core.tokens import Token
from .errors import ConfigurationError, TokenStoreError
from .stores import TokenKey

if TYPE_CHECKING:
    import redis
    import redis.asyncio

__all__ = ["REFRESH_TOKEN_LIFETIME", "AsyncRedisTokenStore", "Lease", "RedisTokenStore"]

logger = logging.getLogger("flipkart_ext")

#: Flipkart's documented refresh token lifetime, used when its answer does not say.
REFRESH_TOKEN_LIFETIME = 180 * 24 * 3600.0

_ACQUIRE = """
if redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) then
  return redis.call('INCR', KEYS[2])
end
return 0
"""

_RELEASE = """
if redis.call('GET', KEYS[1]) == ARGV[1] then
  return redis.call('DEL', KEYS[1])
end
return 0
"""

# ARGV: 1 mode ('check' or 'force'), 2 expected digest ('' = nothing stored), 3 fence,
# 4 token JSON, 5 its digest, 6 expire at (epoch ms, '0' = never)
_WRITE = """
if ARGV[1] == 'check' then
  local current = redis.call('HGET', KEYS[1], 'digest') or ''
  if current ~= ARGV[2] then return 0 end
  local fence = tonumber(redis.call('HGET', KEYS[1], 'fence') or '0')
  if fence > tonumber(ARGV[3]) then return 0 end
end
redis.call('HSET', KEYS[1], 'token', ARGV[4], 'digest', ARGV[5], 'fence', ARGV[3])
if tonumber(ARGV[6]) > 0 then
  redis.call('PEXPIREAT', KEYS[1], ARGV[6])
else
  redis.call('PERSIST', KEYS[1])
end
return 1
"""


@dataclass(frozen=True)
class Lease:
    """What ``lock(key)`` yields: the holder's owner id and its fence (a number that only grows)."""

    owner: str
    fence: int

    def __repr__(self) -> str:
        return f"Lease(fence={self.fence})"


def _digest(token: Token | None) -> str:
    if token is None:
        return ""
    material = f"{token.access_token}\0{token.refresh_token or ''}".encode()
    return hashlib.sha256(material).hexdigest()[:32]


class _RedisTokens:
    """Key names, encoding, lifetimes and lock timing: everything but the I/O."""

    def __init__(
        self,
        *,
        namespace: str,
        lock_lease: float,
        lock_timeout: float,
        refresh_token_lifetime: float,
        clock: Callable[[], float],
    ) -> None:
        if not namespace or lock_lease <= 0 or lock_timeout < 0 or refresh_token_lifetime <= 0:
            raise ConfigurationError(
                "namespace must not be empty; lock_lease and refresh_token_lifetime must be "
                "positive and lock_timeout not negative"
            )
        self.namespace = namespace
        self.lock_lease = lock_lease
        self.lock_timeout = lock_timeout
        self.refresh_token_lifetime = refresh_token_lifetime
        self._clock = clock

    def __repr__(self) -> str:
        return (
            f"{type(self).__name__}(namespace={self.namespace!r}, lock_lease={self.lock_lease}, "
            f"lock_timeout={self.lock_timeout})"
        )

    def keys(self, key: TokenKey) -> tuple[str, str, str]:
        """The token, lock and fence keys of ``key``."""
        tag = seller_tag(self.namespace, key.environment, key.client_id, key.seller_id)
        return f"{tag}:token", f"{tag}:lock", f"{tag}:fence"

    def expire_at_ms(self, token: Token) -> int:
        """When the record may go: the later of the access and refresh token expiries (0: never)."""
        ends = [token.expires_at] if token.expires_at is not None else []
        if token.refresh_token:
            if token.refresh_token_expires_at is not None:
                ends.append(token.refresh_token_expires_at)
            else:
                start = token.obtained_at if token.obtained_at is not None else self._clock()
                ends.append(start + self.refresh_token_lifetime)
        elif token.expires_at is None:
            return 0
        return max(1, int(max(ends) * 1000))

    def write_args(
        self, mode: str, token: Token, expected: Token | None, fence: int
    ) -> list[str | int]:
        data = json.dumps(token.to_dict(), separators=(",", ":"))
        return [mode, _digest(expected), fence, data, _digest(token), self.expire_at_ms(token)]

    @staticmethod
    def decode(raw: Any, key: TokenKey) -> Token | None:
        value = _text(raw)
        if value is None:
            return None
        try:
            return Token.from_dict(json.loads(value))
        except (ValueError, TypeError, AttributeError):
            logger.warning(
                "the token stored in Redis for %s is malformed; ignoring it",
                describe(key.environment, key.seller_id),
            )
            return None

    @staticmethod
    def fence_of(lease: object) -> int:
        return lease.fence if isinstance(lease, Lease) else 0

    def timed_out(self, key: TokenKey) -> TokenStoreError:
        return TokenStoreError(
            f"the token lock for {describe(key.environment, key.seller_id)} was not obtained "
            f"within {self.lock_timeout:g} s (another worker holds it; its lease is "
            f"{self.lock_lease:g} s)"
        )

    @staticmethod
    def next_delay(delay: float) -> float:
        """The next poll delay: grows by half up to 100 ms, with jitter against lockstep."""
        return min(0.1, delay * 1.5) * (0.5 + random.random())  # noqa: S311 - not security

    def what(self, doing: str, key: TokenKey) -> str:
        return f"{doing} the token for {describe(key.environment, key.seller_id)}"


class RedisTokenStore(_RedisTokens):
    """A :class:`~flipkart_ext.TokenStore` in Redis, for the sync client (see the module notes).

    ``connection`` is a URL (``redis://host:6379/0``, ``rediss://`` for TLS) or an existing
    ``redis.Redis``. A client built from a URL is owned (and closed by :meth:`close`); one
    passed in is left to its owner.
    """

    def __init__(
        self,
        connection: str | redis.Redis,
        *,
        namespace: str = DEFAULT_NAMESPACE,
        lock_lease: float = 60.0,
        lock_timeout: float = 90.0,
        refresh_token_lifetime: float = REFRESH_TOKEN_LIFETIME,
        clock: Callable[[], float] = time.time,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        super().__init__(
            namespace=namespace,
            lock_lease=lock_lease,
            lock_timeout=lock_timeout,
            refresh_token_lifetime=refresh_token_lifetime,
            clock=clock,
        )
        self.redis, self._owned = _sync_client(connection)
        self._sleep = sleep
        self._acquire = self.redis.register_script(_ACQUIRE)
        self._release = self.redis.register_script(_RELEASE)
        self._write = self.redis.register_script(_WRITE)

    def load(self, key: TokenKey) -> Token | None:
        token_key, _, _ = self.keys(key)
        with redis_errors(TokenStoreError, self.what("reading", key)):
            raw = self.redis.hget(token_key, "token")
        return self.decode(raw, key)

    def save(self, key: TokenKey, token: Token) -> None:
        token_key, _, _ = self.keys(key)
        with redis_errors(TokenStoreError, self.what("saving", key)):
            self._write(keys=[token_key], args=self.write_args("force", token, None, 0))

    def replace(
        self, key: TokenKey, token: Token, *, expected: Token | None, lease: object
    ) -> bool:
        """Check-and-set: write only if ``expected`` is still stored and no later fence wrote."""
        token_key, _, _ = self.keys(key)
        args = self.write_args("check", token, expected, self.fence_of(lease))
        with redis_errors(TokenStoreError, self.what("saving", key)):
            return bool(self._write(keys=[token_key], args=args))

    def delete(self, key: TokenKey) -> None:
        token_key, _, _ = self.keys(key)
        with redis_errors(TokenStoreError, self.what("deleting", key)):
            self.redis.delete(token_key)

    @contextlib.contextmanager
    def lock(self, key: TokenKey) -> Iterator[Lease]:
        _, lock_key, fence_key = self.keys(key)
        owner = secrets.token_hex(16)
        lease_ms = max(1, int(self.lock_lease * 1000))
        deadline = time.monotonic() + self.lock_timeout
        delay = 0.005
        while True:
            with redis_errors(TokenStoreError, self.what("locking", key)):
                fence = int(self._acquire(keys=[lock_key, fence_key], args=[owner, lease_ms]))
            if fence:
                break
            if time.monotonic() + delay > deadline:
                raise self.timed_out(key)
            self._sleep(delay)
            delay = self.next_delay(delay)
        try:
            yield Lease(owner, fence)
        finally:
            try:
                self._release(keys=[lock_key], args=[owner])
            except Exception as exc:  # the lease ends it; a failure here must not mask the result
                logger.debug("could not release a token lock (%s); its lease will end it", exc)

    def close(self) -> None:
        """Close the connection pool, if this store created it from a URL."""
        if self._owned:
            self.redis.close()


class AsyncRedisTokenStore(_RedisTokens):
    """The :class:`~flipkart_ext.AsyncTokenStore` twin of :class:`RedisTokenStore` (``redis.asyncio``).

    Use it with :class:`~flipkart_ext.AsyncFlipkartClient`; every Redis call is awaited, so
    the event loop never waits on Redis. A client is bound to the event loop it first
    runs on: build one store per loop.
    """

    def __init__(
        self,
        connection: str | redis.asyncio.Redis,
        *,
        namespace: str = DEFAULT_NAMESPACE,
        lock_lease: float = 60.0,
        lock_timeout: float = 90.0,
        refresh_token_lifetime: float = REFRESH_TOKEN_LIFETIME,
        clock: Callable[[], float] = time.time,
    ) -> None:
        super().__init__(
            namespace=namespace,
            lock_lease=lock_lease,
            lock_timeout=lock_timeout,
            refresh_token_lifetime=refresh_token_lifetime,
            clock=clock,
        )
        self.redis, self._owned = async_client(connection)
        self._acquire = self.redis.register_script(_ACQUIRE)
        self._release = self.redis.register_script(_RELEASE)
        self._write = self.redis.register_script(_WRITE)

    async def load(self, key: TokenKey) -> Token | None:
        token_key, _, _ = self.keys(key)
        with redis_errors(TokenStoreError, self.what("reading", key)):
            raw = await self.redis.hget(token_key, "token")
        return self.decode(raw, key)

    async def save(self, key: TokenKey, token: Token) -> None:
        token_key, _, _ = self.keys(key)
        with redis_errors(TokenStoreError, self.what("saving", key)):
            await self._write(keys=[token_key], args=self.write_args("force", token, None, 0))

    async def replace(
        self, key: TokenKey, token: Token, *, expected: Token | None, lease: object
    ) -> bool:
        """Check-and-set: write only if ``expected`` is still stored and no later fence wrote."""
        token_key, _, _ = self.keys(key)
        args = self.write_args("check", token, expected, self.fence_of(lease))
        with redis_errors(TokenStoreError, self.what("saving", key)):
            return bool(await self._write(keys=[token_key], args=args))

    async def delete(self, key: TokenKey) -> None:
        token_key, _, _ = self.keys(key)
        with redis_errors(TokenStoreError, self.what("deleting", key)):
            await self.redis.delete(token_key)

    @contextlib.asynccontextmanager
    async def lock(self, key: TokenKey) -> AsyncIterator[Lease]:
        import asyncio  # imported on first use: sync programs never load it

        _, lock_key, fence_key = self.keys(key)
        owner = secrets.token_hex(16)
        lease_ms = max(1, int(self.lock_lease * 1000))
        deadline = time.monotonic() + self.lock_timeout
        delay = 0.005
        while True:
            with redis_errors(TokenStoreError, self.what("locking", key)):
                fence = int(await self._acquire(keys=[lock_key, fence_key], args=[owner, lease_ms]))
            if fence:
                break
            if time.monotonic() + delay > deadline:
                raise self.timed_out(key)
            await asyncio.sleep(delay)
            delay = self.next_delay(delay)
        try:
            yield Lease(owner, fence)
        finally:
            try:
                # Shielded: a cancelled holder still leaves its lock at once.
                await asyncio.shield(self._release(keys=[lock_key], args=[owner]))
            except Exception as exc:
                logger.debug("could not release a token lock (%s); its lease will end it", exc)

    async def aclose(self) -> None:
        """Close the connection pool, if this store created it from a URL."""
        if self._owned:
            await self.redis.aclose()
