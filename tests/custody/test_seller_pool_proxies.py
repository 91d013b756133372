"""SellerClients honours the proxy variables as FlipkartClient does (issue 20), and a closed
pool is a typed error."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from flipkart_ext import (
    APIConnectionError,
    AsyncSellerClients,
    ClientClosed,
    ConfigurationError,
    SellerClients,
)
from tests.core._proxy import RunningProxy, loopback_proxy

_VARIABLES = ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "NO_PROXY")
# https origins on loopback ports where nothing listens: were the proxy ignored, the call
# would be refused locally instead of reaching the proxy (nothing leaves the machine).
HTTPS_API = "https://localhost:9/sellers"
HTTPS_OAUTH = "https://127.0.0.1:9/oauth-service"


@pytest.fixture(autouse=True)
def no_proxy_variables(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in _VARIABLES:
        monkeypatch.delenv(name, raising=False)
        monkeypatch.delenv(name.lower(), raising=False)


@pytest.fixture
def proxy() -> Iterator[RunningProxy]:
    with loopback_proxy() as running:
        yield running


# The grant does not matter here, only where its request goes: client credentials need no
# stored token.
ROUTED = {
    "api_base_url": HTTPS_API,
    "oauth_base_url": HTTPS_OAUTH,
    "grant_type": "client_credentials",
}


def _pool(**options: object) -> SellerClients:
    return SellerClients("app", "secret", **ROUTED, **options)  # type: ignore[arg-type]


def test_https_proxy_from_the_environment_carries_the_pool_s_token_requests(
    proxy: RunningProxy, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HTTPS_PROXY", proxy.url)
    with _pool() as pool, pytest.raises(APIConnectionError, match="403"):
        pool.for_seller("s-1").fetch_token()
    assert proxy.log.requests == ["CONNECT 127.0.0.1:9"]


def test_no_proxy_sends_a_host_direct(proxy: RunningProxy, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HTTPS_PROXY", proxy.url)
    monkeypatch.setenv("NO_PROXY", "127.0.0.1")
    with _pool() as pool, pytest.raises(APIConnectionError) as caught:
        pool.for_seller("s-1").fetch_token()
    assert "403" not in str(caught.value)  # refused locally, not by the proxy
    assert proxy.log.requests == []


def test_an_explicit_proxy_and_trust_env_false_are_honoured(
    proxy: RunningProxy, monkeypatch: pytest.MonkeyPatch
) -> None:
    with _pool(proxy=proxy.url) as pool, pytest.raises(APIConnectionError, match="403"):
        pool.for_seller("s-1").fetch_token()
    assert proxy.log.requests == ["CONNECT 127.0.0.1:9"]
    monkeypatch.setenv("HTTPS_PROXY", proxy.url)
    with _pool(trust_env=False) as pool, pytest.raises(APIConnectionError):
        pool.for_seller("s-2").fetch_token()
    assert proxy.log.requests == ["CONNECT 127.0.0.1:9"]  # nothing more went through it


async def test_the_async_pool_takes_the_same_routes(
    proxy: RunningProxy, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HTTPS_PROXY", proxy.url)
    async with AsyncSellerClients("app", "secret", **ROUTED) as pool:  # type: ignore[arg-type]
        with pytest.raises(APIConnectionError, match="403"):
            await pool.for_seller("s-1").fetch_token()
    assert proxy.log.requests == ["CONNECT 127.0.0.1:9"]


def test_a_proxy_with_a_transport_of_ones_own_is_refused() -> None:
    import httpx

    with pytest.raises(ConfigurationError, match="proxy"):
        SellerClients("app", "secret", transport=httpx.MockTransport(print), proxy="http://p:1")


def test_a_closed_pool_is_a_typed_error() -> None:
    pool = _pool()
    client = pool.for_seller("s-1")
    pool.close()
    with pytest.raises(ClientClosed):
        pool.for_seller("s-2")
    with pytest.raises(ClientClosed):
        pool.for_each(["s-1"], lambda c: None)
    with pytest.raises(ClientClosed):
        client.fetch_token()  # a client of a closed pool fails typed, too
