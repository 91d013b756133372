from __future__ import annotations

import os
from collections.abc import Iterator

import pytest

from tests.fleet._redis import RedisServer


@pytest.fixture(scope="session", autouse=True)
def redis_for_the_examples(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The README's Redis examples read REDIS_URL: a redis-server of the session's own."""
    server = RedisServer(tmp_path_factory.mktemp("readme-redis")).start()
    before = os.environ.get("REDIS_URL")
    os.environ["REDIS_URL"] = server.url
    try:
        yield server.url
    finally:
        if before is None:
            os.environ.pop("REDIS_URL", None)
        else:
            os.environ["REDIS_URL"] = before
        server.stop()
