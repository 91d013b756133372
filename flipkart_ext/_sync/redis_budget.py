# Generated from flipkart_ext/_async/redis_budget.py by scripts/generate_sync.py: do not edit; change the async source and run `make sync`.
"""The rate budget in Redis, shared by every process on every machine (the sync twin is generated).

One Lua script decides each turn atomically, on Redis's own clock (``TIME``), so the
machines' clocks do not matter: it reads the application's pause, runs GCRA (see
:mod:`flipkart_ext._rate_budget`) on the application's bucket and on the seller's, and
either takes the turn in every bucket or returns how long to wait. Bucket keys expire once
idle, so thousands of sellers leave nothing behind. A pause is bounded by ``max_pause``
before it reaches the script. A Redis failure is :class:`~flipkart_ext.RateBudgetError`: the
request is not sent.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .._boundary import guarded_class
from .._core.redis_keys import DEFAULT_NAMESPACE, redis_errors
from .._rate_budget import DEFAULT_MAX_PAUSE, DEFAULT_MAX_WAIT, RateLimit
from .._redis_budget import PAUSE, TURN, RedisBudgetBase
from ..errors import RateBudgetError
from ..stores import TokenKey
from .redis_connection import RedisConnection

if TYPE_CHECKING:
    from .._core.redis_keys import SyncRedis

__all__ = ["RedisRateBudget"]


@guarded_class
class RedisRateBudget(RedisConnection, RedisBudgetBase):
    """A rate budget in Redis (``redis.asyncio``: no Redis call blocks the event loop).

    ``connection`` is a URL or an existing client (see
    :class:`~flipkart_ext.RedisTokenStore`); several budgets and stores may share one client.
    """

    def __init__(
        self,
        connection: str | SyncRedis,
        per_application: RateLimit | None = None,
        *,
        per_seller: RateLimit | None = None,
        namespace: str = DEFAULT_NAMESPACE,
        max_wait: float = DEFAULT_MAX_WAIT,
        max_pause: float = DEFAULT_MAX_PAUSE,
    ) -> None:
        super().__init__(
            per_application,
            per_seller,
            namespace=namespace,
            max_wait=max_wait,
            max_pause=max_pause,
        )
        self._turn, self._pause = self._connect(connection, TURN, PAUSE)

    def try_acquire(self, key: TokenKey) -> float:
        """Take a turn for ``key`` and return ``0.0``, or the seconds to wait."""
        keys, args = self.turn_call(key)
        with redis_errors(RateBudgetError, "taking a turn from the rate budget"):
            wait = int(self._turn(keys=keys, args=args))
        return wait / 1_000_000

    def pause(self, key: TokenKey, seconds: float) -> None:
        """Hold every turn of ``key``'s application for ``seconds``, at most ``max_pause``."""
        call = self.pause_call(key, seconds)
        if call is None:
            return
        with redis_errors(RateBudgetError, "pausing the rate budget"):
            self._pause(keys=call[0], args=call[1])
