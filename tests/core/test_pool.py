"""The default pools never close, nor hand out twice, a connection that a request holds."""

from __future__ import annotations

from dataclasses import dataclass, field

import httpcore
import pytest

from flipkart_ext._pool import DEFAULT_LIMITS, async_network_transport, network_transport


@dataclass(eq=False)
class FakeConnection:
    idle: bool = True
    expired: bool = False
    closed: bool = False
    origin: str = "https://api.test"
    created: list[str] = field(default_factory=list)

    def is_closed(self) -> bool:
        return self.closed

    def has_expired(self) -> bool:
        return self.expired

    def is_idle(self) -> bool:
        return self.idle

    def is_available(self) -> bool:
        return self.idle and not self.closed

    def can_handle_request(self, origin: object) -> bool:
        return True


class Request:
    def __init__(self, connection: FakeConnection | None = None) -> None:
        self.request = type("R", (), {"url": type("U", (), {"origin": "https://api.test"})()})()
        self.connection = connection

    def is_queued(self) -> bool:
        return self.connection is None

    def assign_to_connection(self, connection: FakeConnection) -> None:
        self.connection = connection


@pytest.fixture(params=["sync", "async"])
def pool(request: pytest.FixtureRequest) -> object:
    transport = network_transport() if request.param == "sync" else async_network_transport()
    pool = transport._pool
    pool.create_connection = lambda origin: FakeConnection(idle=False)  # type: ignore[method-assign]
    return pool


def test_an_expired_or_surplus_connection_a_request_holds_is_not_closed(pool: object) -> None:
    held_expired = FakeConnection(expired=True)  # handed over; its thread has not started yet
    free_expired = FakeConnection(expired=True)
    pool._connections = [held_expired, free_expired]  # type: ignore[attr-defined]
    pool._requests = [Request(held_expired)]  # type: ignore[attr-defined]

    closing = pool._assign_requests_to_connections()  # type: ignore[attr-defined]

    assert closing == [free_expired]
    assert pool._connections == [held_expired]  # type: ignore[attr-defined]


def test_a_held_idle_connection_is_not_handed_to_a_second_request(pool: object) -> None:
    held = FakeConnection(idle=True)
    waiting = Request()
    pool._connections = [held]  # type: ignore[attr-defined]
    pool._requests = [Request(held), waiting]  # type: ignore[attr-defined]

    pool._assign_requests_to_connections()  # type: ignore[attr-defined]

    assert waiting.connection is not None and waiting.connection is not held


def test_a_full_pool_makes_a_request_wait_rather_than_close_a_held_connection(pool: object) -> None:
    limit = DEFAULT_LIMITS.max_connections
    assert limit is not None
    held = [FakeConnection(idle=True) for _ in range(limit)]
    waiting = Request()
    pool._connections = list(held)  # type: ignore[attr-defined]
    pool._requests = [*(Request(c) for c in held), waiting]  # type: ignore[attr-defined]

    closing = pool._assign_requests_to_connections()  # type: ignore[attr-defined]

    assert closing == [] and waiting.is_queued()
    assert pool._connections == held  # type: ignore[attr-defined]


def test_unheld_idle_connections_beyond_the_keep_alive_limit_still_close() -> None:
    transport = network_transport(limits=httpcore_limits(max_connections=4, keepalive=1))
    pool = transport._pool
    idle = [FakeConnection(idle=True) for _ in range(3)]
    pool._connections = list(idle)  # type: ignore[attr-defined]
    pool._requests = []  # type: ignore[attr-defined]

    closing = pool._assign_requests_to_connections()  # type: ignore[attr-defined]

    assert len(closing) == 2 and len(pool._connections) == 1  # type: ignore[attr-defined]


def httpcore_limits(*, max_connections: int, keepalive: int) -> object:
    import httpx

    return httpx.Limits(max_connections=max_connections, max_keepalive_connections=keepalive)


def test_the_rule_is_given_to_every_pool_kind() -> None:
    import httpx

    for transport in (
        network_transport(),
        network_transport(proxy=httpx.Proxy("http://127.0.0.1:9")),
        async_network_transport(),
    ):
        assert type(transport._pool).__name__.startswith("Kept")
        assert isinstance(transport._pool, httpcore.ConnectionPool | httpcore.AsyncConnectionPool)


# The upstream method _pool.py replaces, as httpcore 1.0.3 to 1.0.9 ship it. A new httpcore
# that changes it fails here, loudly, instead of letting the patch run over code it was not
# written against. When it fails: read the new upstream method; if encode/httpcore#1110 /
# #1111 (a connection held by a request is never closed nor reassigned) have shipped, delete
# _pool.py and use the plain transports; otherwise port the rule and record the new digest.
UPSTREAM_FINGERPRINTS = {
    "ConnectionPool": "4e09ebf79b6273ade02b26675490d2be6afc3b002b8694f0959fef7bb93152f3",
    "AsyncConnectionPool": "ea1547e78a655633653bde5257e611ee458cfd46b8ab4543de13c5bae095b0ae",
}


@pytest.mark.parametrize("name", sorted(UPSTREAM_FINGERPRINTS))
def test_the_upstream_method_the_patch_replaces_is_the_one_it_was_written_for(name: str) -> None:
    import hashlib
    import inspect

    method = getattr(httpcore, name)._assign_requests_to_connections
    digest = hashlib.sha256(inspect.getsource(method).encode()).hexdigest()
    assert digest == UPSTREAM_FINGERPRINTS[name], (
        f"httpcore {httpcore.__version__} changed {name}._assign_requests_to_connections: "
        "see the note above UPSTREAM_FINGERPRINTS before upgrading"
    )


def test_the_installed_httpcore_is_one_the_patch_applies_to() -> None:
    from importlib.metadata import requires, version

    installed = tuple(int(part) for part in version("httpcore").split(".")[:3])
    assert (1, 0, 3) <= installed < (1, 1, 0)
    # And the package says so, so pip never installs one the patch does nothing to.
    assert "httpcore<1.1,>=1.0.3" in [r.replace(" ", "") for r in requires("flipkart-seller") or []]
