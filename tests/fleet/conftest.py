from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.fleet._redis import RedisServer


@pytest.fixture(scope="session")
def redis_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RedisServer]:
    """One redis-server for the session (in memory only), stopped at the end."""
    server = RedisServer(tmp_path_factory.mktemp("redis")).start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def redis_url(redis_server: RedisServer) -> str:
    """The session's Redis, emptied before each test."""
    import redis

    with redis.Redis.from_url(redis_server.url) as connection:
        connection.flushall()
    return redis_server.url


@pytest.fixture
def own_redis(tmp_path: Path) -> Iterator[RedisServer]:
    """A persistent redis-server of this test's own, to kill and restart."""
    server = RedisServer(tmp_path / "redis", persistent=True).start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def fake() -> object:
    """The scriptable in-memory Flipkart of tests/core."""
    from tests.core._fakes import FakeFlipkart

    return FakeFlipkart()
