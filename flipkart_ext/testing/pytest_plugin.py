"""pytest fixtures for testing your own code against the Flipkart emulator.

Installed with the package and registered through the ``pytest11`` entry point
(``flipkart``), so a test file uses the fixtures with no configuration::

    def test_my_packing_job(flipkart_client, flipkart_emulator):
        flipkart_emulator.create_test_orders(count=3)
        assert my_packing_job(flipkart_client) == 3

Fixtures (each test gets a fresh emulator: seeding, faults and state never leak):

- ``flipkart_emulator``: a running :class:`~flipkart_ext.testing.Emulator`, seeded by the
  ``flipkart`` marker;
- ``flipkart_client``: a :class:`~flipkart_ext.FlipkartClient` bound to it, open;
- ``flipkart_async_client``: an :class:`~flipkart_ext.AsyncFlipkartClient` bound to it (any
  asyncio test: pytest-asyncio, or anyio on asyncio);
- ``flipkart_env``: ``FLIPKART_*`` variables pointing at it, for code that calls
  ``FlipkartClient.from_env()``; returns them as a dict;
- ``flipkart_faults``: the emulator's :class:`~flipkart_ext.testing.Faults` (429, 503,
  dropped connections, latency, noise...);
- ``flipkart_webhooks``: a :class:`~flipkart_ext.testing.WebhookCapture` registered with
  ``emulator.notify``: every notification, signature-checked, decoded;
- ``flipkart_emulator_options``: override it to pass options to the emulator (``seed``,
  ``clock``, ``expires_in``...); ``{}`` by default.

Seeding, declared on a test, class or module::

    @pytest.mark.flipkart(orders=5, listings=2, returns=1)
    @pytest.mark.flipkart(orders={"count": 2, "state": "PACKED"})

``orders`` and ``returns`` take a count or the keyword arguments of
:meth:`~flipkart_ext.testing.Emulator.create_test_orders` /
:meth:`~flipkart_ext.testing.Emulator.create_returns`; ``listings`` a count, a list of
SKUs or the arguments of :meth:`~flipkart_ext.testing.Emulator.add_listings`. Listings
are added first, then orders, then returns; outer markers (module) before inner ones.

The clients wait no time between retries, so an injected 503 costs no seconds, and
ignore proxy variables (the emulator is on loopback). Everything is imported inside
the fixtures: the plugin costs a test run nothing until a fixture is used, and without
the ``testing`` extra a fixture fails with one line naming it.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from .. import AsyncFlipkartClient, FlipkartClient
    from . import Emulator, Faults, WebhookCapture

__all__ = [
    "flipkart_async_client",
    "flipkart_client",
    "flipkart_emulator",
    "flipkart_emulator_options",
    "flipkart_env",
    "flipkart_faults",
    "flipkart_webhooks",
]

MARKER = "flipkart"
_SEED_KEYS = ("listings", "orders", "returns")


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers",
        f"{MARKER}(orders=N, listings=N, returns=N): seed the flipkart_emulator before the "
        "test; each takes a count or the keyword arguments of the Emulator method",
    )


async def _no_wait(seconds: float) -> None:
    return None


def _client_options(emulator: Emulator) -> dict[str, Any]:
    """What both client fixtures pass: the emulator's credentials and URLs, retries that
    do not wait, and no proxy from the environment."""
    from .. import RetryPolicy

    return {
        "client_id": emulator.client_id,
        "client_secret": emulator.client_secret,
        "api_base_url": emulator.api_base_url,
        "oauth_base_url": emulator.oauth_base_url,
        "retry": RetryPolicy(sleep=lambda seconds: None, async_sleep=_no_wait),
        "trust_env": False,
    }


def _seed(emulator: Emulator, node: pytest.Item) -> None:
    markers = list(node.iter_markers(MARKER))
    for marker in reversed(markers):  # iter_markers gives the closest first
        if marker.args:
            pytest.fail(f"@pytest.mark.{MARKER} takes keyword arguments only", pytrace=False)
        unknown = sorted(set(marker.kwargs) - set(_SEED_KEYS))
        if unknown:
            pytest.fail(
                f"@pytest.mark.{MARKER}: unknown {', '.join(unknown)}; "
                f"expected {', '.join(_SEED_KEYS)}",
                pytrace=False,
            )
    for key in _SEED_KEYS:
        for marker in reversed(markers):
            if key in marker.kwargs:
                _apply(emulator, key, marker.kwargs[key])


def _apply(emulator: Emulator, key: str, value: Any) -> None:
    methods = {
        "listings": emulator.add_listings,
        "orders": emulator.create_test_orders,
        "returns": emulator.create_returns,
    }
    method: Any = methods[key]
    try:
        if isinstance(value, Mapping):
            method(**value)
        elif key == "listings":
            method(value)
        else:
            method(count=value)
    except (TypeError, ValueError) as exc:
        problem: str | None = f"@pytest.mark.{MARKER}({key}={value!r}): {exc}"
    else:
        problem = None
    if problem is not None:
        pytest.fail(problem, pytrace=False)


@pytest.fixture
def flipkart_emulator_options() -> dict[str, Any]:
    """Keyword options for the test's :class:`~flipkart_ext.testing.Emulator`; override to change."""
    return {}


@pytest.fixture
def flipkart_emulator(
    request: pytest.FixtureRequest, flipkart_emulator_options: dict[str, Any]
) -> Iterator[Emulator]:
    """A running emulator, fresh for this test, seeded by its ``flipkart`` markers."""
    from . import Emulator, MissingExtra

    try:
        emulator = Emulator(**flipkart_emulator_options)
    except MissingExtra as exc:
        missing: str | None = str(exc)
    else:
        missing = None
    if missing is not None:  # failed outside the except block: one line, no chained traceback
        pytest.fail(missing, pytrace=False)
    with emulator:
        _seed(emulator, request.node)
        yield emulator


@pytest.fixture
def flipkart_client(flipkart_emulator: Emulator) -> Iterator[FlipkartClient]:
    """A :class:`~flipkart_ext.FlipkartClient` bound to ``flipkart_emulator``, closed after the test."""
    from .. import FlipkartClient

    with FlipkartClient(**_client_options(flipkart_emulator)) as client:
        yield client


@pytest.fixture
def flipkart_async_client(flipkart_emulator: Emulator) -> AsyncFlipkartClient:
    """An :class:`~flipkart_ext.AsyncFlipkartClient` bound to ``flipkart_emulator``.

    A plain fixture, so it works under any asyncio test runner: it keeps no idle
    connection (each closes with its response), so nothing is left open on the test's
    event loop once the test is over, whether or not the test closed the client.
    """
    import httpx

    from .. import AsyncFlipkartClient

    return AsyncFlipkartClient(
        **_client_options(flipkart_emulator),
        transport=httpx.AsyncHTTPTransport(
            limits=httpx.Limits(max_connections=100, max_keepalive_connections=0),
            trust_env=False,
        ),
    )


@pytest.fixture
def flipkart_env(flipkart_emulator: Emulator, monkeypatch: pytest.MonkeyPatch) -> dict[str, str]:
    """Point ``FLIPKART_*`` at the emulator (and keep it off any proxy) for this test.

    Other ``FLIPKART_*`` variables of the shell (a token file, a seller, production) are
    removed, so the code under test cannot reach a real account.
    """
    for name in list(os.environ):
        if name.startswith("FLIPKART_"):
            monkeypatch.delenv(name)
    values = {
        "FLIPKART_CLIENT_ID": flipkart_emulator.client_id,
        "FLIPKART_CLIENT_SECRET": flipkart_emulator.client_secret,
        "FLIPKART_API_BASE_URL": flipkart_emulator.api_base_url,
        "FLIPKART_OAUTH_BASE_URL": flipkart_emulator.oauth_base_url,
    }
    for name, value in values.items():
        monkeypatch.setenv(name, value)
    for name in ("NO_PROXY", "no_proxy"):
        kept = [host for host in os.environ.get(name, "").split(",") if host.strip()]
        monkeypatch.setenv(name, ",".join([*kept, "127.0.0.1"]))
    return values


@pytest.fixture
def flipkart_faults(flipkart_emulator: Emulator) -> Faults:
    """The emulator's fault injection: ``rate_limit``, ``server_error``, ``unauthorized``..."""
    return flipkart_emulator.faults


@pytest.fixture
def flipkart_webhooks(flipkart_emulator: Emulator) -> Iterator[WebhookCapture]:
    """Every notification the emulator sends during the test, signature-checked and decoded.

    Reading ``.events`` first waits for the deliveries in flight.
    """
    from . import WebhookCapture

    with WebhookCapture(
        app_id=flipkart_emulator.client_id,
        app_secret=flipkart_emulator.client_secret,
        flush=flipkart_emulator.webhooks.flush,
    ) as capture:
        flipkart_emulator.notify(capture.url, backoff=0.05)
        try:
            yield capture
        finally:
            flipkart_emulator.notify(None)
