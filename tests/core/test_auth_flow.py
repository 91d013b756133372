"""Token lifecycle: grants, proactive refresh, 401 replay, 403, reauthorization."""

from __future__ import annotations

import base64
import json

import httpx
import pytest
from flipkart_seller_api.api.shipment_v3 import get_shipment_details, mark_rtd
from flipkart_seller_api.models import DispatchShipmentRequest

from flipkart_ext import SANDBOX, AsyncFlipkartClient, FlipkartAuth, FlipkartClient, Token
from flipkart_ext.errors import AuthenticationError, PermissionDenied, ReauthorizationRequired
from flipkart_ext.stores import MemoryTokenStore
from tests.core._fakes import API, CLIENT_ID, CLIENT_SECRET, OAUTH, FakeClock, FakeFlipkart


def _client(fake: FakeFlipkart, **options: object) -> FlipkartClient:
    return FlipkartClient(CLIENT_ID, CLIENT_SECRET, transport=fake.transport(), **options)  # type: ignore[arg-type]


def test_client_credentials_token_request_is_a_get_with_basic_auth_and_query(
    fake: FakeFlipkart,
) -> None:
    with _client(fake) as client:
        client.call(get_shipment_details, "S1")
    (token,) = fake.token_requests
    assert token.method == "GET"
    assert token.path == "/oauth-service/oauth/token"
    assert token.params == {"grant_type": "client_credentials", "scope": "Seller_Api"}
    basic = base64.b64decode(token.headers["authorization"].removeprefix("Basic ")).decode()
    assert basic == f"{CLIENT_ID}:{CLIENT_SECRET}"
    assert token.body == b""
    assert fake.api_requests[0].headers["authorization"] == "Bearer AT-1-secretvalue"


def test_expiry_comes_from_expires_in_and_refresh_is_proactive_within_the_skew(
    fake: FakeFlipkart,
) -> None:
    clock = FakeClock()
    with _client(fake, clock=clock, refresh_skew=300) as client:
        client.call(get_shipment_details, "S1")
        status = client.token_status()
        assert status.seconds_left == fake.expires_in
        clock.advance(fake.expires_in - 301)  # just outside the window: keep the token
        client.call(get_shipment_details, "S1")
        assert len(fake.token_requests) == 1
        clock.advance(2)  # inside the window, not yet expired: refresh before use
        client.call(get_shipment_details, "S1")
    assert len(fake.token_requests) == 2
    assert [r.headers["authorization"] for r in fake.api_requests] == [
        "Bearer AT-1-secretvalue",
        "Bearer AT-1-secretvalue",
        "Bearer AT-2-secretvalue",
    ]
    # No 401 was needed: the refresh happened before the call.
    assert len(fake.api_requests) == 3


def test_a_401_mid_session_refreshes_and_replays_with_the_body_intact(fake: FakeFlipkart) -> None:
    body = DispatchShipmentRequest(location_id="LOC-1", shipment_ids=["S1", "S2"])
    with _client(fake) as client:
        client.call(get_shipment_details, "S1")
        fake.valid_access.clear()  # the token is revoked server-side
        result = client.call(mark_rtd, body=body)
    assert result is not None
    rejected, replayed = fake.api_requests[-2:]
    assert rejected.path == replayed.path == "/sellers/v3/shipments/dispatch"
    assert rejected.headers["authorization"] == "Bearer AT-1-secretvalue"
    assert replayed.headers["authorization"] == "Bearer AT-2-secretvalue"
    assert json.loads(replayed.body) == {"locationId": "LOC-1", "shipmentIds": ["S1", "S2"]}
    assert replayed.body == rejected.body
    assert len(fake.token_requests) == 2


async def test_async_401_replays_with_the_body_intact(fake: FakeFlipkart) -> None:
    body = DispatchShipmentRequest(location_id="LOC-1", shipment_ids=["S9"])
    async with AsyncFlipkartClient(
        CLIENT_ID, CLIENT_SECRET, transport=fake.async_transport()
    ) as client:
        await client.call(get_shipment_details, "S1")
        fake.valid_access.clear()
        assert await client.call(mark_rtd, body=body) is not None
    rejected, replayed = fake.api_requests[-2:]
    assert replayed.body == rejected.body
    assert json.loads(replayed.body)["shipmentIds"] == ["S9"]
    assert replayed.headers["authorization"] == "Bearer AT-2-secretvalue"


def test_a_second_401_raises_authentication_error(fake: FakeFlipkart) -> None:
    unauthorized = httpx.Response(401, json={"error": "invalid_token", "error_description": "nope"})
    fake.push("GET", "/sellers/v3/shipments/S1", unauthorized, unauthorized)
    with _client(fake) as client, pytest.raises(AuthenticationError) as caught:
        client.call(get_shipment_details, "S1")
    assert caught.value.status_code == 401
    assert caught.value.code == "invalid_token"
    assert not isinstance(caught.value, ReauthorizationRequired)
    assert len(fake.api_requests) == 2  # the call and exactly one replay
    assert len(fake.token_requests) == 2  # the first token and one refresh, no loop


async def test_async_second_401_raises(fake: FakeFlipkart) -> None:
    unauthorized = httpx.Response(401)
    fake.push("GET", "/sellers/v3/shipments/S1", unauthorized, unauthorized)
    async with AsyncFlipkartClient(
        CLIENT_ID, CLIENT_SECRET, transport=fake.async_transport()
    ) as client:
        with pytest.raises(AuthenticationError):
            await client.call(get_shipment_details, "S1")
    assert len(fake.api_requests) == 2


def test_403_never_refreshes(fake: FakeFlipkart) -> None:
    fake.push(
        "GET",
        "/sellers/v3/shipments/S1",
        httpx.Response(403, json={"errors": [{"code": 403, "description": "not your shipment"}]}),
    )
    with _client(fake) as client, pytest.raises(PermissionDenied) as caught:
        client.call(get_shipment_details, "S1")
    assert caught.value.message == "not your shipment"
    assert len(fake.token_requests) == 1
    assert len(fake.api_requests) == 1


def test_refresh_grant_rotates_and_persists_the_refresh_token(fake: FakeFlipkart) -> None:
    clock = FakeClock()
    store = MemoryTokenStore()
    fake.valid_refresh.add("RT-seed-secretvalue")
    with _client(
        fake,
        clock=clock,
        token_store=store,
        refresh_token="RT-seed-secretvalue",
        seller_id="seller-1",
    ) as client:
        client.call(get_shipment_details, "S1")
        assert fake.token_requests[-1].params == {
            "grant_type": "refresh_token",
            "refresh_token": "RT-seed-secretvalue",
        }
        stored = store.load(client.auth.key)
        assert stored is not None and stored.refresh_token == "RT-1-secretvalue"
        clock.advance(fake.expires_in)
        client.call(get_shipment_details, "S1")
    # The second refresh used the rotated token, not the (now spent) seed.
    assert fake.token_requests[-1].params["refresh_token"] == "RT-1-secretvalue"
    assert store.load(client.auth.key).refresh_token == "RT-2-secretvalue"  # type: ignore[union-attr]
    assert fake.grants() == ["refresh_token", "refresh_token"]


def test_spent_refresh_token_raises_reauthorization_required_with_instructions(
    fake: FakeFlipkart,
) -> None:
    with (
        _client(fake, refresh_token="RT-dead-secretvalue", seller_id="seller-1") as client,
        pytest.raises(ReauthorizationRequired) as caught,
    ):
        client.call(get_shipment_details, "S1")
    text = str(caught.value)
    assert "authorize_url" in text and "exchange_code" in text
    assert caught.value.code == "invalid_grant"
    assert "RT-dead-secretvalue" not in text  # the server echoed it; it was scrubbed
    assert fake.api_requests == []  # no API call was attempted without a token


def test_third_party_app_without_a_refresh_token_never_uses_client_credentials(
    fake: FakeFlipkart,
) -> None:
    with _client(fake, seller_id="seller-1") as client, pytest.raises(ReauthorizationRequired):
        client.call(get_shipment_details, "S1")
    assert fake.token_requests == []


def test_caller_supplied_token_is_used_as_is(fake: FakeFlipkart) -> None:
    fake.valid_access.add("AT-mine-secretvalue")
    with _client(fake, access_token="AT-mine-secretvalue") as client:
        client.call(get_shipment_details, "S1")
        assert fake.token_requests == []
        assert fake.api_requests[0].headers["authorization"] == "Bearer AT-mine-secretvalue"
        # Once the server rejects it, a self-access app falls back to client credentials.
        fake.valid_access.clear()
        client.call(get_shipment_details, "S1")
    assert fake.grants() == ["client_credentials"]


def test_bad_client_secret_is_an_authentication_error_not_a_reauthorization(
    fake: FakeFlipkart,
) -> None:
    with (
        FlipkartClient(CLIENT_ID, "wrong-secret-value", transport=fake.transport()) as client,
        pytest.raises(AuthenticationError) as caught,
    ):
        client.call(get_shipment_details, "S1")
    assert type(caught.value) is AuthenticationError
    assert caught.value.code == "invalid_client"
    assert "wrong-secret-value" not in str(caught.value)


def test_bearer_token_is_never_sent_to_another_host(fake: FakeFlipkart) -> None:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return fake.handler(request)

    with FlipkartClient(CLIENT_ID, CLIENT_SECRET, transport=httpx.MockTransport(handler)) as client:
        client.call(get_shipment_details, "S1")
        client.http.get("https://elsewhere.example.com/sellers/v3/shipments/S1")
        client.http.get("https://sandbox-api.flipkart.net/not-sellers/x")
    foreign = [
        r for r in seen if r.url.host == "elsewhere.example.com" or r.url.path == "/not-sellers/x"
    ]
    assert len(foreign) == 2
    assert all("authorization" not in r.headers for r in foreign)


def test_token_requests_go_to_the_oauth_base_of_a_custom_environment(fake: FakeFlipkart) -> None:
    seen: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(str(request.url.copy_with(query=None)))
        return fake.handler(request)

    with FlipkartClient(
        CLIENT_ID,
        CLIENT_SECRET,
        api_base_url="http://127.0.0.1:8765/sellers",
        oauth_base_url="http://127.0.0.1:8765/oauth-service",
        transport=httpx.MockTransport(handler),
    ) as client:
        client.call(get_shipment_details, "S1")
    assert seen == [
        "http://127.0.0.1:8765/oauth-service/oauth/token",
        "http://127.0.0.1:8765/sellers/v3/shipments/S1",
    ]


def test_is_api_request_matches_origin_and_base_path_only() -> None:
    auth = FlipkartAuth(CLIENT_ID, CLIENT_SECRET, environment=SANDBOX)
    assert auth.is_api_request(httpx.Request("GET", f"{API}/v3/shipments/S1"))
    assert not auth.is_api_request(httpx.Request("GET", f"{OAUTH}/oauth/token"))
    assert not auth.is_api_request(
        httpx.Request("GET", "http://sandbox-api.flipkart.net/sellers/x")
    )
    assert not auth.is_api_request(
        httpx.Request("GET", "https://sandbox-api.flipkart.net:8443/sellers/x")
    )
    assert not auth.is_api_request(
        httpx.Request("GET", "https://sandbox-api.flipkart.net/sellersX/x")
    )


def test_token_status_never_reveals_the_token(fake: FakeFlipkart) -> None:
    clock = FakeClock()
    with _client(fake, clock=clock) as client:
        assert client.token_status().has_token is False
        client.call(get_shipment_details, "S1")
        status = client.token_status()
    assert status.environment == "sandbox"
    assert status.has_token and not status.has_refresh_token and not status.expired
    assert status.seconds_left == fake.expires_in
    assert status.expires_at is not None
    assert status.expires_at.timestamp() == clock.now + fake.expires_in
    assert "AT-1" not in repr(status)


def test_refresh_that_does_not_rotate_keeps_the_old_refresh_token(fake: FakeFlipkart) -> None:
    fake.push(
        "GET",
        "/oauth-service/oauth/token",
        httpx.Response(200, json={"access_token": "AT-x-secretvalue", "expires_in": 100}),
    )
    fake.valid_access.add("AT-x-secretvalue")
    store = MemoryTokenStore()
    with _client(fake, token_store=store, refresh_token="RT-keep-secretvalue") as client:
        client.call(get_shipment_details, "S1")
        stored = store.load(client.auth.key)
    assert stored == Token(
        access_token="AT-x-secretvalue",
        expires_at=stored.expires_at,  # type: ignore[union-attr]
        refresh_token="RT-keep-secretvalue",
        obtained_at=stored.obtained_at,  # type: ignore[union-attr]
        generation=1,  # one renewal after the seed
    )


def test_a_rejected_token_is_invalidated_even_when_the_renewal_fails(fake: FakeFlipkart) -> None:
    from flipkart_ext import RetryPolicy
    from flipkart_ext.errors import ServerError

    clock = FakeClock()
    store = MemoryTokenStore()
    with _client(fake, token_store=store, clock=clock, retry=RetryPolicy.disabled()) as client:
        client.call(get_shipment_details, "S1")
        fake.valid_access.clear()  # AT-1 revoked
        fake.push("GET", "/oauth-service/oauth/token", httpx.Response(503))
        with pytest.raises(ServerError):
            client.call(get_shipment_details, "S1")  # 401, then the renewal fails
        dead = store.load(client.auth.key)
        assert dead is not None and dead.access_token == "AT-1-secretvalue"
        assert dead.expires_at == clock.now  # marked expired for everyone sharing the store
        before = len(fake.api_requests)
        client.call(get_shipment_details, "S1")  # renews first: the dead token is not sent again
    assert [r.headers["authorization"] for r in fake.api_requests[before:]] == [
        "Bearer AT-2-secretvalue"
    ]
    assert fake.grants() == ["client_credentials"] * 3
