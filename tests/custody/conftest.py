"""Fixtures of the custody tests: a redis-server of their own, and a rotating token server."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.fleet._redis import RedisServer


@pytest.fixture(scope="session")
def custody_redis(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RedisServer]:
    """One redis-server for the custody tests (in memory only), stopped at the end."""
    server = RedisServer(tmp_path_factory.mktemp("custody-redis")).start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def redis_url(custody_redis: RedisServer) -> str:
    """That Redis, emptied before each test."""
    import redis

    with redis.Redis.from_url(custody_redis.url) as connection:
        connection.flushall()
    return custody_redis.url
