"""Tokens in Redis, shared by every process on every machine (the sync twin is generated).

Each token is one hash (see :mod:`flipkart_ext._core.redis_tokens`); its time to live
follows the token: it ends when the access token expires, or when the refresh token does
if that is later (Flipkart's ``refresh_token_expires_in`` when given, otherwise
``refresh_token_lifetime`` from when the token was obtained: 180 days, as Flipkart
documents). An expired record is no token; nothing is kept for longer than it can serve.

The lock
========

``lock(key)`` is a lease: ``SET lock <owner> NX PX <lock_lease>``. While the holder holds it,
a keeper renews the lease three times per ``lock_lease``, so the lease outlives any token
request however slow (the retries of a token request may take two minutes); a holder that
dies stops renewing, and the others wait at most ``lock_lease`` for it. The holder leaves
with a compare-and-delete. Waiters poll with a growing, jittered delay (5 ms to 100 ms) and
give up after ``lock_timeout`` seconds with :class:`~flipkart_ext.TokenStoreError`.

The custody rule
================

A lease can still end while its holder works (a process frozen longer than the lease, a
lock key evicted), so two holders may overlap. Every save made by the client goes through
:meth:`AsyncRedisTokenStore.replace`, one script that applies the custody rule from the
record's own generation and digest: a higher generation replaces the record, the same one
only the exact record its writer read, a lower one never. No other key takes part, so an
evicted or deleted auxiliary key cannot make a save refuse a newer token, nor accept an
older one.

Errors and secrets
==================

Every failure is a :class:`~flipkart_ext.TokenStoreError` (leaving a lock never raises: the
lease ends it). Neither ``repr`` nor a message or log line shows a token, and ``repr`` does
not show the connection URL (it may hold a password). With ``encryption_key`` (the
``crypto`` extra) the token is stored encrypted (see :mod:`flipkart_ext._core.sealing`).
"""

from __future__ import annotations

import contextlib
import logging
import secrets
import time
from collections.abc import AsyncIterator, Callable, Sequence
from typing import TYPE_CHECKING

from .._boundary import guarded_class
from .._concurrency import AsyncKeeper, async_shield, async_sleep
from .._core.redis_keys import DEFAULT_NAMESPACE, redis_errors
from .._core.redis_tokens import (
    ACQUIRE,
    EXTEND,
    REFRESH_TOKEN_LIFETIME,
    RELEASE,
    WRITE,
    Lease,
    RedisTokens,
)
from .._core.tokens import Token
from ..errors import TokenStoreError
from ..stores import TokenKey
from .redis_connection import AsyncRedisConnection

if TYPE_CHECKING:
    from .._core.redis_keys import AsyncRedis

__all__ = ["AsyncRedisTokenStore"]

logger = logging.getLogger("flipkart_ext")


@guarded_class
class AsyncRedisTokenStore(AsyncRedisConnection, RedisTokens):
    """A token store in Redis (``redis.asyncio``: no Redis call blocks the event loop).

    ``connection`` is a URL (``redis://host:6379/0``, ``rediss://`` for TLS) or an existing
    client. A client built from a URL is owned (and closed by ``aclose``/``close``); one
    passed in is left to its owner. A client is bound to the event loop it first runs on:
    build one store per loop. ``encryption_key`` (a Fernet key, or a list for rotation)
    keeps tokens encrypted in Redis.
    """

    def __init__(
        self,
        connection: str | AsyncRedis,
        *,
        namespace: str = DEFAULT_NAMESPACE,
        lock_lease: float = 30.0,
        lock_timeout: float = 150.0,
        refresh_token_lifetime: float = REFRESH_TOKEN_LIFETIME,
        clock: Callable[[], float] = time.time,
        encryption_key: str | bytes | Sequence[str | bytes] | None = None,
    ) -> None:
        super().__init__(
            namespace=namespace,
            lock_lease=lock_lease,
            lock_timeout=lock_timeout,
            refresh_token_lifetime=refresh_token_lifetime,
            clock=clock,
            encryption_key=encryption_key,
        )
        scripts = self._connect(connection, ACQUIRE, RELEASE, EXTEND, WRITE)
        self._acquire, self._release, self._extend, self._write = scripts

    async def load(self, key: TokenKey) -> Token | None:
        """The stored token, or ``None`` (none, expired, or unreadable: logged)."""
        token_key, _ = self.keys(key)
        with redis_errors(TokenStoreError, self.what("reading", key)):
            raw = await self.redis.hget(token_key, "token")
        return self.decode(raw, key)

    async def save(self, key: TokenKey, token: Token) -> None:
        """Store ``token`` whatever is stored (tools setting a token on purpose)."""
        token_key, _ = self.keys(key)
        with redis_errors(TokenStoreError, self.what("saving", key)):
            await self._write(
                keys=[token_key, self.known_key(key)], args=self.write_args("force", token, None)
            )

    async def replace(
        self, key: TokenKey, token: Token, *, expected: Token | None, lease: object = None
    ) -> bool:
        """Check-and-set by the custody rule (see :meth:`~flipkart_ext.CheckedTokenStore.replace`)."""
        token_key, _ = self.keys(key)
        args = self.write_args("check", token, expected)
        with redis_errors(TokenStoreError, self.what("saving", key)):
            return bool(await self._write(keys=[token_key, self.known_key(key)], args=args))

    async def delete(self, key: TokenKey) -> None:
        """Forget the token under ``key`` (and that one was ever stored)."""
        token_key, _ = self.keys(key)
        with redis_errors(TokenStoreError, self.what("deleting", key)):
            await self.redis.delete(token_key, self.known_key(key))

    async def was_stored(self, key: TokenKey) -> bool:
        """True when a token was stored under ``key`` and not deleted since (even if its
        record was evicted)."""
        with redis_errors(TokenStoreError, self.what("reading", key)):
            return bool(await self.redis.exists(self.known_key(key)))

    @contextlib.asynccontextmanager
    async def lock(self, key: TokenKey) -> AsyncIterator[Lease]:
        """The lease on ``key``, renewed while held (see the module notes)."""
        _, lock_key = self.keys(key)
        owner = secrets.token_hex(16)
        deadline = time.monotonic() + self.lock_timeout
        delay = 0.005
        while True:
            with redis_errors(TokenStoreError, self.what("locking", key)):
                taken = int(await self._acquire(keys=[lock_key], args=[owner, self.lease_ms]))
            if taken:
                break
            if time.monotonic() + delay > deadline:
                raise self.timed_out(key)
            await async_sleep(delay)
            delay = self.next_delay(delay)

        async def renew() -> bool:
            return bool(await self._extend(keys=[lock_key], args=[owner, self.lease_ms]))

        keeper = AsyncKeeper(self.renew_every, renew)
        await keeper.start()
        try:
            yield Lease(owner)
        finally:
            await keeper.stop()
            try:
                # Shielded: a cancelled holder still leaves its lock at once.
                await async_shield(self._release(keys=[lock_key], args=[owner]))
            except Exception as exc:  # the lease ends it; a failure here must not mask the result
                logger.debug("could not release a token lock (%s); its lease will end it", exc)
