from __future__ import annotations

from collections.abc import Iterator

import pytest

from ._wire import Reply, WireServer

# A stalled body must outlast the client's read timeout; the timeout itself is generous so
# that a loaded machine never turns a slow answer into a retry the model did not predict.
STALL_SECONDS = 1.5
READ_TIMEOUT = 1.0


@pytest.fixture(scope="module")
def wire_server() -> Iterator[WireServer]:
    with WireServer(lambda request: Reply(404), stall_seconds=STALL_SECONDS) as server:
        yield server
