"""FlipkartClient / AsyncFlipkartClient: construction, .call, .raw, code exchange."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest
from flipkart_seller_api.api.shipment_v3 import (
    get_shipment_details,
    mark_rtd,
    search_pre_dispatch_shipment_post,
)
from flipkart_seller_api.models import (
    DispatchShipmentRequest,
    SearchShipmentRequest,
    SearchShipmentResponse,
    ShipmentStatusResponseV3,
)

from flipkart_ext import AsyncFlipkartClient, FlipkartClient, RetryPolicy
from flipkart_ext.errors import APIConnectionError, NotFound, ReauthorizationRequired
from flipkart_ext.stores import FileTokenStore, MemoryTokenStore
from tests.core._fakes import CLIENT_ID, CLIENT_SECRET, FakeFlipkart

SEARCH = SearchShipmentRequest.from_dict(
    {"filter": {"type": "preDispatch", "states": ["APPROVED"]}}
)
REDIRECT = "https://seller-app.example/callback"


def test_call_returns_the_parsed_model_and_keeps_unknown_fields(fake: FakeFlipkart) -> None:
    fake.push(
        "POST",
        "/sellers/v3/shipments/filter",
        httpx.Response(200, json={"hasMore": False, "shipments": [], "brandNewField": {"x": 1}}),
    )
    with FlipkartClient(CLIENT_ID, CLIENT_SECRET, transport=fake.transport()) as client:
        result = client.call(search_pre_dispatch_shipment_post, body=SEARCH)
    assert isinstance(result, SearchShipmentResponse)
    assert result.has_more is False
    assert result.additional_properties == {"brandNewField": {"x": 1}}


def test_a_200_reporting_per_item_failures_is_returned_as_data(fake: FakeFlipkart) -> None:
    fake.push(
        "POST",
        "/sellers/v3/shipments/dispatch",
        httpx.Response(
            200,
            json={
                "shipments": [
                    {"shipmentId": "S1", "status": "SUCCESS"},
                    {
                        "shipmentId": "S2",
                        "status": "FAILURE",
                        "errorCode": "INVALID_STATE",
                        "errorMessage": "x",
                    },
                ]
            },
        ),
    )
    body = DispatchShipmentRequest(location_id="L1", shipment_ids=["S1", "S2"])
    with FlipkartClient(CLIENT_ID, CLIENT_SECRET, transport=fake.transport()) as client:
        result = client.call(mark_rtd, body=body)
    assert isinstance(result, ShipmentStatusResponseV3)
    assert isinstance(result.shipments, list)
    assert [(s.shipment_id, s.status) for s in result.shipments] == [
        ("S1", "SUCCESS"),
        ("S2", "FAILURE"),
    ]
    assert result.shipments[1].error_code == "INVALID_STATE"


def test_non_2xx_raises_the_typed_error(fake: FakeFlipkart) -> None:
    fake.push(
        "GET",
        "/sellers/v3/shipments/NOPE",
        httpx.Response(404, json={"errorCode": "NOT_FOUND", "errorMessage": "no shipment NOPE"}),
    )
    with (
        FlipkartClient(CLIENT_ID, CLIENT_SECRET, transport=fake.transport()) as client,
        pytest.raises(NotFound) as caught,
    ):
        client.call(get_shipment_details, "NOPE")
    assert (caught.value.code, caught.value.message) == ("NOT_FOUND", "no shipment NOPE")


def test_transport_failure_raises_api_connection_error() -> None:
    def refuse(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("connection refused", request=request)

    with (
        FlipkartClient(
            CLIENT_ID,
            CLIENT_SECRET,
            transport=httpx.MockTransport(refuse),
            retry=RetryPolicy(max_attempts=2, sleep=lambda _: None),
        ) as client,
        pytest.raises(APIConnectionError) as caught,
    ):
        client.call(get_shipment_details, "S1")
    assert (
        caught.value.url is not None and "oauth/token" in caught.value.url
    )  # the token fetch failed first
    assert isinstance(caught.value.__cause__, httpx.ConnectError)


def test_raw_is_a_plain_generated_client_sharing_our_http_client(fake: FakeFlipkart) -> None:
    from flipkart_seller_api import AuthenticatedClient, Client

    with FlipkartClient(CLIENT_ID, CLIENT_SECRET, transport=fake.transport()) as client:
        assert type(client.raw) is Client and not isinstance(client.raw, AuthenticatedClient)
        assert client.raw.get_httpx_client() is client.http
        response = search_pre_dispatch_shipment_post.sync_detailed(client=client.raw, body=SEARCH)
    assert response.status_code == 200
    assert isinstance(response.parsed, SearchShipmentResponse)
    assert fake.api_requests[0].headers["authorization"] == "Bearer AT-1-secretvalue"


async def test_async_raw_and_call(fake: FakeFlipkart) -> None:
    async with AsyncFlipkartClient(
        CLIENT_ID, CLIENT_SECRET, transport=fake.async_transport()
    ) as client:
        assert client.raw.get_async_httpx_client() is client.http
        response = await search_pre_dispatch_shipment_post.asyncio_detailed(
            client=client.raw, body=SEARCH
        )
        assert isinstance(response.parsed, SearchShipmentResponse)
        assert isinstance(
            await client.call(search_pre_dispatch_shipment_post, body=SEARCH),
            SearchShipmentResponse,
        )
    assert client.http.is_closed
    assert len(fake.token_requests) == 1


def test_http_client_configuration(fake: FakeFlipkart) -> None:
    client = FlipkartClient(CLIENT_ID, CLIENT_SECRET, transport=fake.transport(), timeout=12.5)
    assert client.api_base_url == "https://sandbox-api.flipkart.net/sellers"
    assert str(client.http.base_url) == "https://sandbox-api.flipkart.net/sellers/"
    assert client.http.auth is client.auth
    assert client.http.timeout == httpx.Timeout(12.5)
    client.call(get_shipment_details, "S1")
    headers = fake.api_requests[0].headers
    assert headers["user-agent"].startswith("flipkart-seller/")
    assert headers["accept"] == "application/json"
    client.close()
    assert client.http.is_closed


def test_repr_shows_no_secret(fake: FakeFlipkart) -> None:
    client = FlipkartClient(
        CLIENT_ID,
        CLIENT_SECRET,
        transport=fake.transport(),
        refresh_token="RT-r-secretvalue",
        seller_id="s-1",
    )
    client.call  # noqa: B018 - attribute access only
    for text in (repr(client), repr(client.auth), str(client)):
        assert CLIENT_SECRET not in text and "secretvalue" not in text
    assert repr(client) == "FlipkartClient(environment='sandbox', seller_id='s-1')"
    client.close()


def test_from_env_builds_a_client_with_a_file_store(fake: FakeFlipkart, tmp_path: Path) -> None:
    environ = {
        "FLIPKART_CLIENT_ID": CLIENT_ID,
        "FLIPKART_CLIENT_SECRET": CLIENT_SECRET,
        "FLIPKART_ENV": "production",
        "FLIPKART_TOKEN_FILE": str(tmp_path / "tokens.json"),
    }
    with FlipkartClient.from_env(environ, transport=fake.transport()) as client:
        assert client.environment.name == "production"
        assert isinstance(client.auth.store, FileTokenStore)
        client.call(get_shipment_details, "S1")
    assert (tmp_path / "tokens.json").exists()
    assert fake.api_requests[0].headers["authorization"].startswith("Bearer AT-")


def test_from_env_with_a_custom_base_url(fake: FakeFlipkart) -> None:
    environ = {
        "FLIPKART_CLIENT_ID": CLIENT_ID,
        "FLIPKART_CLIENT_SECRET": CLIENT_SECRET,
        "FLIPKART_API_BASE_URL": "http://127.0.0.1:7000/sellers",
    }
    client = AsyncFlipkartClient.from_env(environ, transport=fake.async_transport())
    assert client.api_base_url == "http://127.0.0.1:7000/sellers"
    assert client.environment.oauth_base_url == "http://127.0.0.1:7000/oauth-service"


def test_plain_http_to_a_remote_host_is_refused() -> None:
    with pytest.raises(ValueError, match="https"):
        FlipkartClient(CLIENT_ID, CLIENT_SECRET, api_base_url="http://api.flipkart.net/sellers")


def test_authorization_code_flow_end_to_end(fake: FakeFlipkart) -> None:
    store = MemoryTokenStore()
    with FlipkartClient(
        CLIENT_ID,
        CLIENT_SECRET,
        seller_id="seller-9",
        token_store=store,
        transport=fake.transport(),
    ) as client:
        issued = client.authorize_url(REDIRECT)
        assert issued.url.startswith(
            "https://sandbox-api.flipkart.net/oauth-service/oauth/authorize?"
        )
        fake.codes.add("code-abc-secretvalue")
        assert client.verify_state(issued.state, issued.state)
        assert not client.verify_state(issued.state, "forged")

        with pytest.raises(ValueError, match="state"):
            client.exchange_code(
                "code-abc-secretvalue", REDIRECT, "forged", expected_state=issued.state
            )
        assert fake.token_requests == []  # a forged state never reaches Flipkart

        status = client.exchange_code(
            "code-abc-secretvalue", REDIRECT, issued.state, expected_state=issued.state
        )
        assert status.has_token and status.has_refresh_token
        assert fake.token_requests[0].params == {
            "grant_type": "authorization_code",
            "redirect_uri": REDIRECT,
            "state": issued.state,
            "code": "code-abc-secretvalue",
        }
        assert fake.token_requests[0].headers["user-agent"].startswith("flipkart-seller/")
        client.call(get_shipment_details, "S1")
        assert fake.api_requests[0].headers["authorization"] == "Bearer AT-1-secretvalue"

        with pytest.raises(ReauthorizationRequired) as caught:  # codes are single-use
            client.exchange_code("code-abc-secretvalue", REDIRECT, issued.state)
    assert "code-abc-secretvalue" not in str(caught.value)
    assert store.load(client.auth.key).refresh_token == "RT-1-secretvalue"  # type: ignore[union-attr]


async def test_async_exchange_code(fake: FakeFlipkart) -> None:
    fake.codes.add("code-async-secretvalue")
    async with AsyncFlipkartClient(
        CLIENT_ID, CLIENT_SECRET, seller_id="seller-9", transport=fake.async_transport()
    ) as client:
        issued = client.authorize_url(REDIRECT)
        status = await client.exchange_code("code-async-secretvalue", REDIRECT, issued.state)
        assert status.has_refresh_token
        await client.call(get_shipment_details, "S1")
    assert fake.grants() == ["authorization_code"]


def test_authorize_url_requires_a_secure_redirect(fake: FakeFlipkart) -> None:
    with FlipkartClient(CLIENT_ID, CLIENT_SECRET, transport=fake.transport()) as client:
        with pytest.raises(ValueError):
            client.authorize_url("http://seller-app.example/callback")
        assert client.authorize_url("http://127.0.0.1:8000/cb").state


def test_exchange_code_connection_failure_is_typed() -> None:
    def refuse(request: httpx.Request) -> httpx.Response:
        raise httpx.ReadTimeout("slow", request=request)

    with (
        FlipkartClient(
            CLIENT_ID, CLIENT_SECRET, seller_id="s", transport=httpx.MockTransport(refuse)
        ) as client,
        pytest.raises(APIConnectionError) as caught,
    ):
        client.exchange_code("code-x-secretvalue", REDIRECT, "st")
    assert "code-x-secretvalue" not in str(caught.value)


def test_shipments_helper_shares_the_http_client_and_its_logs_are_redacted(
    fake: FakeFlipkart,
) -> None:
    import logging

    from flipkart_ext._core.redact import RedactingFilter

    with FlipkartClient(CLIENT_ID, CLIENT_SECRET, transport=fake.transport()) as client:
        shipments = client.shipments
        assert client.shipments is shipments  # built once
        assert shipments._wire.http is client.http
    assert any(
        isinstance(f, RedactingFilter) for f in logging.getLogger("flipkart_ext.paging").filters
    )


async def test_async_shipments_helper_shares_the_http_client(fake: FakeFlipkart) -> None:
    async with AsyncFlipkartClient(
        CLIENT_ID, CLIENT_SECRET, transport=fake.async_transport()
    ) as client:
        assert client.shipments._wire.http is client.http
