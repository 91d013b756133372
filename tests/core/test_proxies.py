"""Proxies: ``proxy=``, and ``HTTP(S)_PROXY`` / ``NO_PROXY`` as httpx reads them, OAuth included.

Every request goes to a forwarding proxy on loopback (tests/core/_proxy.py), which records
what it was asked to carry. https requests are refused at the CONNECT, so nothing leaves
the machine: that the proxy saw the CONNECT is what shows the routing.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from flipkart_ext import (
    APIConnectionError,
    AsyncFlipkartClient,
    ConfigurationError,
    FlipkartClient,
    ShipmentFilter,
)
from flipkart_ext.testing import Emulator
from tests.core._proxy import RunningProxy, loopback_proxy

_VARIABLES = ("HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY", "NO_PROXY")
TOKEN_PATH = "/oauth-service/oauth/token"
SEARCH_PATH = "/sellers/v3/shipments/filter"


@pytest.fixture(autouse=True)
def no_proxy_variables(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in _VARIABLES:
        monkeypatch.delenv(name, raising=False)
        monkeypatch.delenv(name.lower(), raising=False)


@pytest.fixture(scope="module")
def emulator() -> Iterator[Emulator]:
    with Emulator() as running:
        running.create_test_orders(count=3)
        yield running


@pytest.fixture
def proxy() -> Iterator[RunningProxy]:
    with loopback_proxy() as running:
        yield running


def _options(emulator: Emulator, *, api_host: str = "127.0.0.1") -> dict[str, str]:
    # "localhost" and "127.0.0.1" are the same emulator under two names, so NO_PROXY can
    # send one of them through the proxy and the other direct.
    return {
        "client_id": emulator.client_id,
        "client_secret": emulator.client_secret,
        "api_base_url": emulator.api_base_url.replace("127.0.0.1", api_host),
        "oauth_base_url": emulator.oauth_base_url,
    }


def _search(client: FlipkartClient) -> int:
    with client:
        return len(list(client.shipments.search(ShipmentFilter.pre_dispatch())))


# https origins on loopback ports where nothing listens: were the proxy ignored, the client
# would be refused locally (and the test fail) instead of reaching out anywhere.
HTTPS_API = "https://localhost:9/sellers"
HTTPS_OAUTH = "https://127.0.0.1:9/oauth-service"


def test_https_proxy_from_the_environment_carries_the_oauth_call(
    proxy: RunningProxy, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HTTPS_PROXY", proxy.url)
    client = FlipkartClient("app", "secret", api_base_url=HTTPS_API, oauth_base_url=HTTPS_OAUTH)
    with client, pytest.raises(APIConnectionError, match="403"):
        client.fetch_token()
    assert proxy.log.requests == ["CONNECT 127.0.0.1:9"]


def test_https_proxy_from_the_environment_carries_api_calls(
    proxy: RunningProxy, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("https_proxy", proxy.url)  # the lower-case spelling counts too
    client = FlipkartClient("app", "secret", api_base_url=HTTPS_API, access_token="held")
    with client, pytest.raises(APIConnectionError, match="403"):
        client.shipments.get(shipment_ids=["S-1"])
    assert proxy.log.requests == ["CONNECT localhost:9"]


def test_http_proxy_from_the_environment_carries_api_and_oauth_calls(
    emulator: Emulator, proxy: RunningProxy, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HTTP_PROXY", proxy.url)
    assert _search(FlipkartClient(**_options(emulator))) == 3
    assert proxy.log.paths() == [TOKEN_PATH, SEARCH_PATH]


def test_an_explicit_proxy_carries_api_and_oauth_calls(
    emulator: Emulator, proxy: RunningProxy
) -> None:
    assert _search(FlipkartClient(**_options(emulator), proxy=proxy.url)) == 3
    assert proxy.log.paths() == [TOKEN_PATH, SEARCH_PATH]


async def test_the_async_client_takes_the_same_routes(
    emulator: Emulator, proxy: RunningProxy, monkeypatch: pytest.MonkeyPatch
) -> None:
    async with AsyncFlipkartClient(**_options(emulator), proxy=proxy.url) as client:
        found = [s async for s in client.shipments.search(ShipmentFilter.pre_dispatch())]
    assert len(found) == 3
    assert proxy.log.paths() == [TOKEN_PATH, SEARCH_PATH]

    monkeypatch.setenv("ALL_PROXY", proxy.url)
    async with AsyncFlipkartClient(**_options(emulator)) as client:
        await client.fetch_token()
    assert proxy.log.paths() == [TOKEN_PATH, SEARCH_PATH, TOKEN_PATH]


def test_a_no_proxy_host_goes_direct(
    emulator: Emulator, proxy: RunningProxy, monkeypatch: pytest.MonkeyPatch
) -> None:
    # OAuth on 127.0.0.1 (listed in NO_PROXY), the API on localhost (not listed).
    monkeypatch.setenv("HTTP_PROXY", proxy.url)
    monkeypatch.setenv("NO_PROXY", "example.invalid,127.0.0.1")
    assert _search(FlipkartClient(**_options(emulator, api_host="localhost"))) == 3
    assert proxy.log.paths() == [SEARCH_PATH]


def test_trust_env_false_ignores_the_proxy_variables(
    emulator: Emulator, proxy: RunningProxy, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HTTP_PROXY", proxy.url)
    assert _search(FlipkartClient(**_options(emulator), trust_env=False)) == 3
    assert proxy.log.requests == []


def test_no_proxy_without_variables_or_option(emulator: Emulator, proxy: RunningProxy) -> None:
    assert _search(FlipkartClient(**_options(emulator))) == 3
    assert proxy.log.requests == []


def test_a_proxy_with_a_transport_of_your_own_is_refused() -> None:
    import httpx

    transport = httpx.MockTransport(lambda request: httpx.Response(200))
    with pytest.raises(ConfigurationError, match=r"^proxy: give the proxy to the transport"):
        FlipkartClient("app", "secret", transport=transport, proxy="http://127.0.0.1:3128")


def test_a_bad_proxy_url_names_the_option_but_not_its_credentials() -> None:
    with pytest.raises(ConfigurationError, match=r"^proxy: ") as caught:
        FlipkartClient("app", "secret", proxy="ftp://someone:pr0xy-pa55@proxy.corp:21")
    assert "pr0xy-pa55" not in str(caught.value)
