from __future__ import annotations

from collections.abc import Iterator

import pytest

from ._wire import Reply, WireServer

STALL_SECONDS = 1.0
READ_TIMEOUT = 0.4


@pytest.fixture(scope="module")
def wire_server() -> Iterator[WireServer]:
    with WireServer(lambda request: Reply(404), stall_seconds=STALL_SECONDS) as server:
        yield server
