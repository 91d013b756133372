# Generated from flipkart_ext/_async/redis_connection.py by scripts/generate_sync.py: do not edit; change the async source and run `make sync`.
"""The Redis client of a token store or rate budget, and its Lua scripts (the sync twin is
generated).

A client built from a URL is owned, and closed by ``aclose``; one passed in is left to its
owner (several stores and budgets may share one client).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .._boundary import Unpicklable
from .._core.redis_keys import sync_client

if TYPE_CHECKING:
    from .._core.redis_keys import SyncRedis

__all__ = ["RedisConnection"]


class RedisConnection(Unpicklable):
    """What the Redis store and the Redis budget share: their client, and closing it."""

    redis: SyncRedis
    _owned: bool

    def _connect(self, connection: str | SyncRedis, *scripts: str) -> list[Any]:
        """Take the client ``connection`` names and register ``scripts`` (Lua) on it; the
        registered scripts, in the same order."""
        self.redis, self._owned = sync_client(connection)
        return [self.redis.register_script(script) for script in scripts]

    def close(self) -> None:
        """Close the connection pool, if it was created from a URL."""
        if self._owned:
            self.redis.close()
