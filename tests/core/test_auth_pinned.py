"""Token lifecycle details: token endpoint answers, lost races, failed saves, status, timeouts."""

from __future__ import annotations

import contextlib
import dataclasses
import logging
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

import httpx
import pytest
from flipkart_seller_api.api.shipment_v3 import get_shipment_details

from flipkart_ext import (
    SANDBOX,
    Environment,
    FlipkartAuth,
    FlipkartClient,
    MemoryTokenStore,
    RetryPolicy,
    Token,
    TokenKey,
    redact_url,
)
from flipkart_ext._core.redact import redact_text
from flipkart_ext.errors import (
    AuthenticationError,
    ConfigurationError,
    InvalidArgument,
    InvalidRequest,
    ReauthorizationRequired,
    ServerError,
    TokenStoreError,
)
from tests.core._fakes import API, CLIENT_ID, CLIENT_SECRET, FakeClock, FakeFlipkart, FlakyStore

SELLER = "seller-1"
TOKEN_PATH = "/oauth-service/oauth/token"
SEVEN_SECONDS = {"connect": 7.0, "read": 7.0, "write": 7.0, "pool": 7.0}


def _client(fake: FakeFlipkart, **options: Any) -> FlipkartClient:
    options.setdefault("retry", RetryPolicy.disabled())
    return FlipkartClient(CLIENT_ID, CLIENT_SECRET, transport=fake.transport(), **options)


def _messages(caplog: pytest.LogCaptureFixture, level: int = logging.INFO) -> list[str]:
    return [
        r.getMessage() for r in caplog.records if r.name == "flipkart_ext" and r.levelno == level
    ]


class RacingStore:
    """A checked store whose lock is a lease; it records what it is asked.

    While ``rival`` is set, another holder writes it just before our save; while
    ``refuse`` is set, our lease has run out and nothing is written.
    """

    def __init__(self) -> None:
        self.memory = MemoryTokenStore()
        self.rival: Token | None = None
        self.refuse = self.down = False
        self.leases = 0
        self.locked: list[TokenKey] = []
        self.replaced: list[tuple[str, Token | None, object]] = []

    def load(self, key: TokenKey) -> Token | None:
        return self.memory.load(key)

    def save(self, key: TokenKey, token: Token) -> None:
        self.memory.save(key, token)

    def delete(self, key: TokenKey) -> None:
        self.memory.delete(key)

    @contextlib.contextmanager
    def lock(self, key: TokenKey) -> Iterator[str]:
        self.locked.append(key)
        with self.memory.lock(key):
            self.leases += 1
            yield f"lease-{self.leases}"

    def replace(
        self, key: TokenKey, token: Token, *, expected: Token | None, lease: object
    ) -> bool:
        if self.down:
            raise TokenStoreError("the store is down")
        self.replaced.append((token.access_token, expected, lease))
        if self.rival is not None:
            self.save(key, self.rival)
            self.rival = None
            return False
        if self.refuse or self.load(key) != expected:
            return False
        self.save(key, token)
        return True


# -- the token endpoint's refusals -------------------------------------------------------------


@pytest.mark.parametrize("status", [400, 401, 403])
def test_a_refused_client_credentials_grant_is_an_authentication_error_without_secrets(
    fake: FakeFlipkart, status: int
) -> None:
    fake.push(
        "GET",
        TOKEN_PATH,
        httpx.Response(status, json={"message": f"client {CLIENT_SECRET} is not allowed"}),
    )
    with _client(fake) as client, pytest.raises(AuthenticationError) as caught:
        client.call(get_shipment_details, "S1")
    error = caught.value
    assert type(error) is AuthenticationError
    assert error.status_code == status
    assert error.message.startswith(
        "the token endpoint refused the client_credentials grant; "
        "check the application id and secret"
    )
    assert CLIENT_SECRET not in str(error)
    assert CLIENT_SECRET not in repr(error.body)
    assert fake.api_requests == []


@pytest.mark.parametrize("status", [400, 401])
def test_a_refresh_token_refused_without_a_reason_needs_reauthorization(
    fake: FakeFlipkart, status: int
) -> None:
    fake.push("GET", TOKEN_PATH, httpx.Response(status, text="RT-seed-secretvalue"))
    with (
        _client(fake, refresh_token="RT-seed-secretvalue", seller_id=SELLER) as client,
        pytest.raises(ReauthorizationRequired) as caught,
    ):
        client.call(get_shipment_details, "S1")
    assert caught.value.status_code == status
    assert caught.value.message.startswith("The refresh token was rejected")
    assert "client.exchange_code(code, redirect_uri, state)" in caught.value.message
    assert "RT-seed-secretvalue" not in str(caught.value)


def test_a_403_to_a_refresh_grant_is_a_refusal_not_a_spent_token(fake: FakeFlipkart) -> None:
    fake.push("GET", TOKEN_PATH, httpx.Response(403))
    with (
        _client(fake, refresh_token="RT-seed-secretvalue", seller_id=SELLER) as client,
        pytest.raises(AuthenticationError) as caught,
    ):
        client.call(get_shipment_details, "S1")
    assert type(caught.value) is AuthenticationError
    assert caught.value.status_code == 403
    assert "refused the refresh_token grant" in caught.value.message


def test_a_refresh_grant_refused_as_a_bad_client_is_not_a_reauthorization(
    fake: FakeFlipkart,
) -> None:
    fake.push(
        "GET",
        TOKEN_PATH,
        httpx.Response(400, json={"error": "invalid_client", "error_description": "expired"}),
    )
    with (
        _client(fake, refresh_token="RT-seed-secretvalue", seller_id=SELLER) as client,
        pytest.raises(AuthenticationError) as caught,
    ):
        client.call(get_shipment_details, "S1")
    assert type(caught.value) is AuthenticationError
    assert caught.value.code == "invalid_client"


def test_a_failing_token_endpoint_is_a_server_error(fake: FakeFlipkart) -> None:
    fake.push("GET", TOKEN_PATH, httpx.Response(503, text=f"down {CLIENT_SECRET}"))
    with _client(fake) as client, pytest.raises(ServerError) as caught:
        client.call(get_shipment_details, "S1")
    assert caught.value.status_code == 503
    assert caught.value.message.startswith("the token endpoint failed")
    assert CLIENT_SECRET not in str(caught.value)


@pytest.mark.parametrize(
    ("answer", "detail"),
    [
        ({"token_type": "bearer", "expires_in": 3600}, "token response has no access_token"),
        ({"access_token": ""}, "token response has no access_token"),
        ({"access_token": 12345}, "token response has no access_token"),
        ({"access_token": None}, "token response has no access_token"),
        (["AT-1"], "token response is not a JSON object"),
    ],
)
def test_a_2xx_without_a_usable_token_is_an_authentication_error(
    fake: FakeFlipkart, answer: Any, detail: str
) -> None:
    fake.push("GET", TOKEN_PATH, httpx.Response(200, json=answer, headers={"X-Request-Id": "r7"}))
    with _client(fake) as client, pytest.raises(AuthenticationError) as caught:
        client.call(get_shipment_details, "S1")
    assert type(caught.value) is AuthenticationError
    assert caught.value.status_code == 200
    assert caught.value.headers["x-request-id"] == "r7"
    assert str(caught.value) == (
        f"HTTP 200: the token endpoint answered 200 without a usable token ({detail})"
    )
    assert fake.api_requests == []


def test_a_2xx_that_is_not_json_is_an_authentication_error(fake: FakeFlipkart) -> None:
    fake.push("GET", TOKEN_PATH, httpx.Response(200, text="<html>maintenance</html>"))
    with _client(fake) as client, pytest.raises(AuthenticationError) as caught:
        client.call(get_shipment_details, "S1")
    assert "answered 200 without a usable token" in caught.value.message
    assert fake.api_requests == []


@pytest.mark.parametrize("expires_in", ["soon", -5, None, True])
def test_a_token_with_an_unreadable_lifetime_is_used_and_never_refreshed_early(
    fake: FakeFlipkart, expires_in: object
) -> None:
    fake.push(
        "GET",
        TOKEN_PATH,
        httpx.Response(200, json={"access_token": "AT-odd-secretvalue", "expires_in": expires_in}),
    )
    fake.valid_access.add("AT-odd-secretvalue")
    clock = FakeClock()
    with _client(fake, clock=clock) as client:
        client.call(get_shipment_details, "S1")
        status = client.token_status()
        assert status.has_token and status.expires_at is None and status.seconds_left is None
        assert not status.expired
        clock.advance(10**8)
        client.call(get_shipment_details, "S1")
    assert len(fake.token_requests) == 1
    assert {r.headers["authorization"] for r in fake.api_requests} == {"Bearer AT-odd-secretvalue"}


# -- 401 replay ------------------------------------------------------------------------------


def test_the_replay_after_a_401_is_logged_with_method_and_redacted_url(
    fake: FakeFlipkart, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="flipkart_ext")
    with _client(fake) as client:
        client.call(get_shipment_details, "S1")
        fake.valid_access.clear()
        caplog.clear()
        client.http.post(f"{API}/v3/shipments/S1?access_token=leaked-secretvalue")
    replays = [m for m in _messages(caplog) if "answered 401" in m]
    assert replays == [
        f"POST {API}/v3/shipments/S1?access_token=[REDACTED] answered 401; "
        "renewing the token and replaying once"
    ]


@pytest.mark.parametrize(
    "text",
    [
        f"GET {API}/x?code=abc-secretvalue&refresh_token=def-secretvalue&state=s1",
        "Authorization: Bearer AT-1-secretvalue",
        '{"access_token": "AT-1-secretvalue"}',
    ],
)
def test_masking_twice_gives_the_text_of_masking_once(text: str) -> None:
    once = redact_text(text)
    assert "[REDACTED]" in once and "secretvalue" not in once
    assert redact_text(once) == once


def test_a_redacted_url_in_a_log_message_is_not_masked_again() -> None:
    url = redact_url(f"{API}/x?code=abc&refresh_token=def&state=s1")
    assert url == f"{API}/x?code=[REDACTED]&refresh_token=[REDACTED]&state=s1"
    assert redact_text(f"GET {url} answered 401") == f"GET {url} answered 401"


def test_a_second_401_names_the_fresh_token_and_scrubs_it(fake: FakeFlipkart) -> None:
    rejected = httpx.Response(
        401, json={"error": "invalid_token", "error_description": "AT-2-secretvalue is revoked"}
    )
    with _client(fake) as client:
        client.call(get_shipment_details, "S1")
        fake.push("GET", "/sellers/v3/shipments/S2", httpx.Response(401), rejected)
        with pytest.raises(AuthenticationError) as caught:
            client.call(get_shipment_details, "S2")
    error = caught.value
    assert type(error) is AuthenticationError
    assert error.message.startswith("the API rejected a freshly obtained token")
    assert "AT-2-secretvalue" not in str(error)
    assert "AT-2-secretvalue" not in repr(error.body)
    assert fake.api_requests[-1].headers["authorization"] == "Bearer AT-2-secretvalue"


def _token_answer(access: str) -> httpx.Response:
    return httpx.Response(200, json={"access_token": access, "expires_in": 3600})


def test_a_second_401_scrubs_its_token_even_after_another_request_renewed() -> None:
    """Two requests in flight: the second renews past the token the first one replays."""
    auth = FlipkartAuth(CLIENT_ID, CLIENT_SECRET, environment=SANDBOX, clock=FakeClock())
    first = auth.sync_auth_flow(httpx.Request("GET", f"{API}/v3/shipments/S1"))
    next(first)  # the token request
    first.send(_token_answer("AT-1-secretvalue"))
    first.send(httpx.Response(401))  # -> a renewal
    replay = first.send(_token_answer("AT-2-secretvalue"))
    assert replay.headers["Authorization"] == "Bearer AT-2-secretvalue"

    second = auth.sync_auth_flow(httpx.Request("GET", f"{API}/v3/shipments/S2"))
    assert next(second).headers["Authorization"] == "Bearer AT-2-secretvalue"
    second.send(httpx.Response(401))
    assert second.send(_token_answer("AT-3-secretvalue")).headers["Authorization"] == (
        "Bearer AT-3-secretvalue"
    )
    with pytest.raises(StopIteration):
        second.send(httpx.Response(200))

    echoed = {"error": "invalid_token", "error_description": "AT-2-secretvalue is revoked"}
    with pytest.raises(AuthenticationError) as caught:
        first.send(httpx.Response(401, json=echoed))
    assert "AT-2-secretvalue" not in str(caught.value)
    assert "revoked" in str(caught.value)


def test_the_bearer_header_is_sent_as_authorization(fake: FakeFlipkart) -> None:
    seen: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return fake.handler(request)

    with FlipkartClient(CLIENT_ID, CLIENT_SECRET, transport=httpx.MockTransport(handler)) as client:
        client.call(get_shipment_details, "S1")
    assert (b"Authorization", b"Bearer AT-1-secretvalue") in seen[-1].headers.raw


# -- check-and-set lost to another holder ------------------------------------------------------


def test_a_lost_check_and_set_uses_the_winners_token_and_says_so(
    fake: FakeFlipkart, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="flipkart_ext")
    clock = FakeClock()
    store = RacingStore()
    theirs = Token("AT-theirs", expires_at=clock.now + 3600, obtained_at=clock.now)
    store.rival = theirs
    fake.valid_access.add("AT-theirs")
    with _client(fake, token_store=store, clock=clock) as client:
        client.call(get_shipment_details, "S1")
        assert client.auth.token_status(read_store=False).has_token
        store.delete(client.auth.key)  # the token now lives in this client only
        client.call(get_shipment_details, "S1")
    assert "another holder of the token lock stored a token first; using it" in _messages(caplog)
    assert [r.headers["authorization"] for r in fake.api_requests] == ["Bearer AT-theirs"] * 2
    assert len(fake.token_requests) == 1


def test_a_lost_check_and_set_to_a_stale_token_keeps_ours_without_writing_it(
    fake: FakeFlipkart, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="flipkart_ext")
    clock = FakeClock()
    store = RacingStore()
    stale = Token("AT-stale", expires_at=clock.now - 1, obtained_at=clock.now - 3600)
    store.rival = stale
    with _client(fake, token_store=store, clock=clock) as client:
        client.call(get_shipment_details, "S1")
        assert store.load(client.auth.key) == stale  # ours was not written over theirs
        client.call(get_shipment_details, "S1")
    assert [r.headers["authorization"] for r in fake.api_requests] == [
        "Bearer AT-1-secretvalue"
    ] * 2
    assert len(fake.token_requests) == 1
    assert not any("another holder" in m for m in _messages(caplog))


# -- a store that fails ----------------------------------------------------------------------


def test_a_failed_save_is_logged_as_a_warning_with_the_reason(
    fake: FakeFlipkart, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="flipkart_ext")
    store = FlakyStore()
    store.down = True
    with _client(fake, token_store=store) as client:
        assert client.call(get_shipment_details, "S1") is not None
    assert _messages(caplog, logging.WARNING) == [
        "the new token could not be saved to the token store (the store is down); "
        "it is kept by this client and saved at its next call"
    ]


def test_a_store_that_is_gone_fails_a_call_whose_token_expired(fake: FakeFlipkart) -> None:
    clock = FakeClock()
    store = FlakyStore()
    with _client(fake, token_store=store, clock=clock) as client:
        client.call(get_shipment_details, "S1")
        store.gone = True
        clock.advance(fake.expires_in)
        with pytest.raises(TokenStoreError):
            client.call(get_shipment_details, "S1")
    assert len(fake.api_requests) == 1  # the expired token was not sent


def test_a_store_that_is_gone_fails_the_renewal_after_a_401(fake: FakeFlipkart) -> None:
    store = FlakyStore()
    with _client(fake, token_store=store) as client:
        client.call(get_shipment_details, "S1")
        store.gone = True
        fake.valid_access.clear()
        with pytest.raises(TokenStoreError):
            client.call(get_shipment_details, "S1")
    assert len(fake.api_requests) == 2  # the rejected token was not sent again


def test_exchange_code_fails_while_the_store_is_gone_even_with_a_token_in_hand(
    fake: FakeFlipkart,
) -> None:
    store = FlakyStore()
    fake.codes.add("code-1-secretvalue")
    with _client(fake, token_store=store, seller_id=SELLER, access_token="AT-mine") as client:
        store.gone = True
        with pytest.raises(TokenStoreError):
            client.exchange_code("code-1-secretvalue", "https://partner.example/cb", "st")
    assert fake.token_requests == []


def test_fetch_token_keeps_an_unsaved_token_while_the_store_is_gone(fake: FakeFlipkart) -> None:
    store = FlakyStore()
    with _client(fake, token_store=store) as client:
        store.down = True
        client.call(get_shipment_details, "S1")  # obtained, not saved
        store.gone = True
        status = client.fetch_token()
    assert status.has_token and not status.expired
    assert len(fake.token_requests) == 1


# -- a refresh token spent by another holder ----------------------------------------------------


def _spending_elsewhere(
    fake: FakeFlipkart, store: MemoryTokenStore, theirs: Token
) -> httpx.MockTransport:
    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path.endswith("/oauth/token"):
            store.save(TokenKey("sandbox", CLIENT_ID, SELLER), theirs)  # stored meanwhile
        return fake.handler(request)

    return httpx.MockTransport(handler)


def test_a_spent_seed_refresh_token_uses_the_token_stored_meanwhile(
    fake: FakeFlipkart, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="flipkart_ext")
    clock = FakeClock()
    store = MemoryTokenStore()
    theirs = Token("AT-other", expires_at=clock.now + 3600, refresh_token="RT-other", generation=1)
    fake.valid_access.add("AT-other")
    with FlipkartClient(
        CLIENT_ID,
        CLIENT_SECRET,
        transport=_spending_elsewhere(fake, store, theirs),
        token_store=store,
        seller_id=SELLER,
        refresh_token="RT-spent-secretvalue",
        clock=clock,
    ) as client:
        assert client.call(get_shipment_details, "S1") is not None
        assert client.auth.token_status(read_store=False).has_token
    assert "the refresh token was already spent by another holder; using its token" in _messages(
        caplog
    )
    assert fake.api_requests[-1].headers["authorization"] == "Bearer AT-other"


def test_a_spent_refresh_token_ignores_an_expired_token_stored_meanwhile(
    fake: FakeFlipkart,
) -> None:
    clock = FakeClock()
    store = MemoryTokenStore()
    old = Token("AT-old", expires_at=clock.now - 1, refresh_token="RT-0")
    theirs = Token("AT-other", expires_at=clock.now - 1, refresh_token="RT-other")
    with FlipkartClient(
        CLIENT_ID,
        CLIENT_SECRET,
        transport=_spending_elsewhere(fake, store, theirs),
        token_store=store,
        seller_id=SELLER,
        clock=clock,
    ) as client:
        store.save(client.auth.key, old)
        with pytest.raises(ReauthorizationRequired):
            client.call(get_shipment_details, "S1")
    assert fake.api_requests == []  # the expired token was never sent


# -- token jobs (fetch_token, exchange_code) -----------------------------------------------------


def _recording(fake: FakeFlipkart, seen: list[httpx.Request]) -> httpx.MockTransport:
    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return fake.handler(request)

    return httpx.MockTransport(handler)


def test_a_token_request_carries_the_timeout_of_the_api_call(fake: FakeFlipkart) -> None:
    seen: list[httpx.Request] = []
    with FlipkartClient(
        CLIENT_ID, CLIENT_SECRET, transport=_recording(fake, seen), timeout=7.0
    ) as client:
        client.call(get_shipment_details, "S1")
        fake.valid_access.clear()
        client.call(get_shipment_details, "S1")  # 401: the renewal too
    tokens = [r for r in seen if r.url.path == TOKEN_PATH]
    assert len(tokens) == 2
    assert all(r.extensions["timeout"] == SEVEN_SECONDS for r in tokens)


def test_a_token_job_sends_its_token_request_with_the_timeout_it_was_given(
    fake: FakeFlipkart,
) -> None:
    fake.codes.update({"code-1-secretvalue", "code-2-secretvalue"})
    sent: list[httpx.Request] = []

    def send(request: httpx.Request) -> httpx.Response:
        sent.append(request)
        return fake.handler(request)

    def auth(**options: Any) -> FlipkartAuth:
        return FlipkartAuth(CLIENT_ID, CLIENT_SECRET, environment=SANDBOX, **options)

    timeout = httpx.Timeout(3.0, connect=1.0).as_dict()
    cb = "https://partner.example/cb"
    seller = auth(seller_id=SELLER)
    seller.sync_run(seller.exchange_code_flow("code-1-secretvalue", cb, "s", timeout=timeout), send)
    seller.sync_run(seller.exchange_code_flow("code-2-secretvalue", cb, "s"), send)
    for given in (timeout, None):
        app = auth()
        app.sync_run(app.ensure_token_flow(timeout=given), send)
    assert [r.url.params["grant_type"] for r in sent] == [
        "authorization_code",
        "authorization_code",
        "client_credentials",
        "client_credentials",
    ]
    assert [r.extensions.get("timeout", "unset") for r in sent] == [
        timeout,
        "unset",
        timeout,
        "unset",
    ]


def test_exchange_code_exchanges_even_with_a_usable_token_in_hand(fake: FakeFlipkart) -> None:
    fake.codes.add("code-1-secretvalue")
    store = MemoryTokenStore()
    with _client(fake, token_store=store, seller_id=SELLER, access_token="AT-mine") as client:
        client.exchange_code("code-1-secretvalue", "https://partner.example/cb", "st")
        stored = store.load(client.auth.key)
    assert fake.grants() == ["authorization_code"]
    assert stored is not None and stored.access_token == "AT-1-secretvalue"


def test_fetch_token_keeps_a_caller_supplied_token(fake: FakeFlipkart) -> None:
    with _client(fake, access_token="AT-mine") as client:
        status = client.fetch_token()
    assert status.has_token
    assert fake.token_requests == []


def test_fetch_token_refreshes_with_the_refresh_token_in_hand(fake: FakeFlipkart) -> None:
    """The store lost the token: the one in hand still names the refresh token to spend."""
    clock = FakeClock()
    store = MemoryTokenStore()
    fake.codes.add("code-1-secretvalue")
    with _client(fake, token_store=store, seller_id=SELLER, clock=clock) as client:
        client.exchange_code("code-1-secretvalue", "https://partner.example/cb", "st")
        store.delete(client.auth.key)
        clock.advance(fake.expires_in)
        client.fetch_token()
    assert fake.grants() == ["authorization_code", "refresh_token"]
    assert fake.token_requests[-1].params["refresh_token"] == "RT-1-secretvalue"


def test_sync_run_returns_the_settled_token(fake: FakeFlipkart) -> None:
    auth = FlipkartAuth(CLIENT_ID, CLIENT_SECRET, environment=SANDBOX)
    with httpx.Client(transport=fake.transport()) as http:
        token = auth.sync_run(auth.ensure_token_flow(), http.send)
        again = auth.sync_run(auth.ensure_token_flow(), http.send)
    assert token.access_token == "AT-1-secretvalue"
    assert again is token
    assert len(fake.token_requests) == 1


# -- token_status --------------------------------------------------------------------------------


def test_token_status_reads_the_store_before_any_call(fake: FakeFlipkart) -> None:
    clock = FakeClock()
    store = MemoryTokenStore()
    with _client(fake, token_store=store, clock=clock) as client:
        store.save(
            client.auth.key,
            Token(
                "AT-stored",
                expires_at=clock.now + 600,
                refresh_token="RT-stored",
                refresh_token_expires_at=clock.now + 7200,
            ),
        )
        status = client.token_status()
        unread = client.auth.token_status(read_store=False)
    assert status.has_token and status.has_refresh_token
    assert status.expires_at == datetime.fromtimestamp(clock.now + 600, tz=UTC)
    assert status.expires_at.tzinfo is UTC
    assert status.seconds_left == 600
    assert status.refresh_token_expires_at == datetime.fromtimestamp(clock.now + 7200, tz=UTC)
    assert status.refresh_token_expires_at.tzinfo is UTC
    assert status.refresh_token_seconds_left == 7200
    assert not unread.has_token and unread.expires_at is None
    assert fake.token_requests == []


def test_token_status_shows_the_token_in_hand_over_the_stored_one(fake: FakeFlipkart) -> None:
    clock = FakeClock()
    store = MemoryTokenStore()
    with _client(fake, token_store=store, clock=clock, access_token="AT-mine") as client:
        status = client.token_status()
        store.save(client.auth.key, Token("AT-stored", expires_at=clock.now + 600))
        still = client.token_status()
    for shown in (status, still):
        assert shown.has_token
        assert shown.expires_at is None and shown.seconds_left is None
        assert shown.refresh_token_expires_at is None
        assert shown.refresh_token_seconds_left is None
        assert not shown.expired


def test_token_status_of_an_async_store_does_not_read_it() -> None:
    class AsyncStore:
        async def load(self, key: TokenKey) -> Token | None:
            raise AssertionError("not awaited here")

        async def save(self, key: TokenKey, token: Token) -> None:
            raise AssertionError("not awaited here")

        async def delete(self, key: TokenKey) -> None:
            raise AssertionError("not awaited here")

        def lock(self, key: TokenKey) -> contextlib.AbstractAsyncContextManager[None]:
            raise AssertionError("not entered here")

    auth = FlipkartAuth(
        CLIENT_ID,
        CLIENT_SECRET,
        environment=SANDBOX,
        token_store=AsyncStore(),
    )
    status = auth.token_status()
    assert not status.has_token and status.environment == "sandbox"


# -- which requests get the bearer token ----------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://sandbox-api.flipkart.net/sellers", True),
        ("https://sandbox-api.flipkart.net/sellers/", True),
        ("https://sandbox-api.flipkart.net/sellers/v3/shipments/S1?x=1", True),
        ("https://sandbox-api.flipkart.net/", False),
        ("https://sandbox-api.flipkart.net/sellers-v2/x", False),
        ("https://sandbox-api.flipkart.net/oauth-service/oauth/token", False),
        ("https://sandbox-api.flipkart.net/v3/sellers/x", False),
        ("https://api.flipkart.net/sellers/x", False),
    ],
)
def test_only_requests_under_the_api_base_path_get_the_token(url: str, expected: bool) -> None:
    auth = FlipkartAuth(CLIENT_ID, CLIENT_SECRET, environment=SANDBOX)
    assert auth.is_api_request(httpx.Request("GET", url)) is expected


def test_an_api_at_the_root_of_its_origin_covers_every_path_of_that_origin() -> None:
    root = Environment("root", "https://api.example.com/", "https://api.example.com/oauth")
    auth = FlipkartAuth(CLIENT_ID, CLIENT_SECRET, environment=root)
    assert auth.is_api_request(httpx.Request("GET", "https://api.example.com/anything"))
    assert not auth.is_api_request(httpx.Request("GET", "https://api.example.com:444/anything"))


def test_a_request_outside_the_base_path_is_sent_without_token_or_token_request(
    fake: FakeFlipkart,
) -> None:
    seen: list[httpx.Request] = []
    with FlipkartClient(CLIENT_ID, CLIENT_SECRET, transport=_recording(fake, seen)) as client:
        client.http.get("https://sandbox-api.flipkart.net/elsewhere/x")
    (request,) = seen
    assert "authorization" not in request.headers
    assert fake.token_requests == []


# -- construction --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("client_id", "client_secret"),
    [("", CLIENT_SECRET), (None, CLIENT_SECRET), (" ", CLIENT_SECRET), (CLIENT_ID, None)],
)
def test_a_missing_or_blank_credential_is_refused_by_name(
    client_id: str, client_secret: str
) -> None:
    with pytest.raises(ConfigurationError) as caught:
        FlipkartAuth(client_id, client_secret, environment=SANDBOX)
    assert str(caught.value) == "client_id and client_secret are required (missing or blank)"


@pytest.mark.parametrize(
    ("options", "grant_type"),
    [
        ({}, "client_credentials"),
        ({"seller_id": SELLER}, "authorization_code"),
        ({"refresh_token": "RT-seed-secretvalue"}, "authorization_code"),
        ({"seller_id": SELLER, "grant_type": "client_credentials"}, "client_credentials"),
    ],
)
def test_the_grant_without_a_refresh_token_is_inferred_and_shown(
    options: dict[str, Any], grant_type: str
) -> None:
    auth = FlipkartAuth(CLIENT_ID, CLIENT_SECRET, environment=SANDBOX, **options)
    assert auth.grant_type == grant_type
    assert repr(auth) == f"FlipkartAuth(environment='sandbox', grant_type='{grant_type}')"
    assert "secretvalue" not in repr(auth)


@pytest.mark.parametrize(("left", "renewed"), [(300.5, False), (299.5, True)])
def test_by_default_a_token_is_renewed_five_minutes_before_it_expires(
    fake: FakeFlipkart, left: float, renewed: bool
) -> None:
    clock = FakeClock()
    auth = FlipkartAuth(CLIENT_ID, CLIENT_SECRET, environment=SANDBOX, clock=clock)
    held = Token("AT-held", expires_at=clock.now + left, obtained_at=clock.now - 3600)
    assert isinstance(auth.store, MemoryTokenStore)
    auth.store.save(auth.key, held)
    with httpx.Client(transport=fake.transport()) as http:
        token = auth.sync_run(auth.ensure_token_flow(), http.send)
    assert (token != held) is renewed
    assert len(fake.token_requests) == int(renewed)


def test_each_new_token_is_logged_with_its_grant_and_lifetime_but_not_its_value(
    fake: FakeFlipkart, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="flipkart_ext")
    first = {"access_token": "AT-x-secretvalue", "expires_in": 1234.4, "refresh_token": "RT-x"}
    fake.push(
        "GET",
        TOKEN_PATH,
        httpx.Response(200, json=first),
        httpx.Response(200, json={"access_token": "AT-y-secretvalue", "refresh_token": "RT-y"}),
    )
    fake.valid_access.update({"AT-x-secretvalue", "AT-y-secretvalue"})
    with _client(fake) as client:
        client.call(get_shipment_details, "S1")
        fake.valid_access.discard("AT-x-secretvalue")
        client.call(get_shipment_details, "S1")
    assert [m for m in _messages(caplog) if m.startswith("obtained")] == [
        "obtained a new access token (grant=client_credentials, expires in 1234s)",
        "obtained a new access token (grant=refresh_token, expires in an unknown time)",
    ]
    assert fake.grants() == ["client_credentials", "refresh_token"]


def test_a_refresh_token_given_at_start_is_spent_once(fake: FakeFlipkart) -> None:
    """Once the seed refresh token is spent, a stored token without one falls back to the grant."""
    clock = FakeClock()
    store = MemoryTokenStore()
    fake.valid_refresh.add("RT-seed-secretvalue")
    with _client(
        fake,
        token_store=store,
        clock=clock,
        refresh_token="RT-seed-secretvalue",
        grant_type="client_credentials",
    ) as client:
        client.call(get_shipment_details, "S1")
        clock.advance(fake.expires_in)
        # Another process of this self-access app stored a client-credentials token, now
        # expired, obtained after ours (a later generation).
        store.save(client.auth.key, Token("AT-cc", expires_at=clock.now - 1, generation=2))
        client.call(get_shipment_details, "S1")
    assert fake.grants() == ["refresh_token", "client_credentials"]


def test_a_refused_refresh_scrubs_the_stored_token_from_the_error(fake: FakeFlipkart) -> None:
    clock = FakeClock()
    store = MemoryTokenStore()
    echo = "AT-stored-secretvalue and RT-stored-secretvalue are expired"
    fake.push(
        "GET",
        TOKEN_PATH,
        httpx.Response(400, json={"error": "invalid_grant", "error_description": echo}),
    )
    with _client(fake, token_store=store, clock=clock, seller_id=SELLER) as client:
        stored = Token(
            "AT-stored-secretvalue", expires_at=clock.now - 1, refresh_token="RT-stored-secretvalue"
        )
        store.save(client.auth.key, stored)
        with pytest.raises(ReauthorizationRequired) as caught:
            client.call(get_shipment_details, "S1")
    text = f"{caught.value} {caught.value.body}"
    assert "secretvalue" not in text
    assert "are expired" in text


def test_a_refresh_refused_as_expired_in_words_needs_reauthorization(fake: FakeFlipkart) -> None:
    answer = {"error": "invalid_request", "error_description": "Refresh Token has Expired"}
    fake.push("GET", TOKEN_PATH, httpx.Response(400, json=answer))
    with (
        _client(fake, refresh_token="RT-seed-secretvalue", seller_id=SELLER) as client,
        pytest.raises(ReauthorizationRequired) as caught,
    ):
        client.call(get_shipment_details, "S1")
    assert caught.value.code == "invalid_request"
    assert caught.value.message.startswith("The refresh token was rejected")


def test_a_spent_authorization_code_asks_for_a_new_authorization(fake: FakeFlipkart) -> None:
    with (
        _client(fake, seller_id=SELLER) as client,
        pytest.raises(ReauthorizationRequired) as caught,
    ):
        client.exchange_code("code-used-secretvalue", "https://partner.example/cb", "st")
    error = caught.value
    assert error.code == "invalid_grant"
    assert error.message.startswith(
        "The authorization code was rejected (codes are single-use and short-lived). "
        "The seller must authorize the application again"
    )
    assert "code-used-secretvalue" not in str(error)


def test_exchange_code_exchanges_even_with_a_usable_token_stored(fake: FakeFlipkart) -> None:
    clock = FakeClock()
    fake.codes.add("code-1-secretvalue")
    store = MemoryTokenStore()
    with _client(fake, token_store=store, seller_id=SELLER, clock=clock) as client:
        store.save(client.auth.key, Token("AT-stored", expires_at=clock.now + 3600))
        client.exchange_code("code-1-secretvalue", "https://partner.example/cb", "st")
        stored = store.load(client.auth.key)
    assert fake.grants() == ["authorization_code"]
    assert stored is not None and stored.access_token == "AT-1-secretvalue"


# -- the renewal's writes under the lease ---------------------------------------------------------


def test_the_renewal_locks_this_clients_key_and_remembers_a_stored_token(
    fake: FakeFlipkart,
) -> None:
    clock = FakeClock()
    store = RacingStore()
    fake.valid_access.add("AT-stored")
    with _client(fake, token_store=store, clock=clock, seller_id=SELLER) as client:
        store.save(client.auth.key, Token("AT-stored", expires_at=clock.now + 3600))
        client.call(get_shipment_details, "S1")
        assert client.auth.token_status(read_store=False).has_token
        client.call(get_shipment_details, "S1")
    assert store.locked == [TokenKey("sandbox", CLIENT_ID, SELLER)]  # once: then it was held
    assert fake.token_requests == []


def test_a_401_invalidates_and_replaces_the_stored_token_by_check_and_set(
    fake: FakeFlipkart,
) -> None:
    clock = FakeClock()
    store = RacingStore()
    with _client(fake, token_store=store, clock=clock) as client:
        client.call(get_shipment_details, "S1")
        first = store.load(client.auth.key)
        fake.valid_access.clear()
        client.call(get_shipment_details, "S1")  # 401, renewal, replay
        stored = store.load(client.auth.key)
    assert first is not None and stored is not None
    dead = dataclasses.replace(first, expires_at=clock.now, obtained_at=None)
    assert store.replaced == [
        ("AT-1-secretvalue", None, "lease-1"),
        ("AT-1-secretvalue", first, "lease-2"),  # marked expired for everyone
        ("AT-2-secretvalue", dead, "lease-2"),
    ]
    assert stored.access_token == "AT-2-secretvalue"


def test_a_failed_renewal_after_a_401_leaves_the_dead_token_in_hand(fake: FakeFlipkart) -> None:
    clock = FakeClock()
    with _client(fake, clock=clock) as client:
        client.call(get_shipment_details, "S1")
        fake.valid_access.clear()
        fake.push("GET", TOKEN_PATH, httpx.Response(503))
        with pytest.raises(ServerError):
            client.call(get_shipment_details, "S1")
        status = client.auth.token_status(read_store=False)
    assert status.has_token and status.expired and status.seconds_left == 0


def test_an_unsaved_token_is_written_by_check_and_set_under_the_next_lease(
    fake: FakeFlipkart,
) -> None:
    clock = FakeClock()
    store = RacingStore()
    old = Token("AT-old", expires_at=clock.now - 1, obtained_at=clock.now - 3600)
    with _client(fake, token_store=store, clock=clock) as client:
        store.save(client.auth.key, old)
        store.down = True
        client.call(get_shipment_details, "S1")  # AT-1 obtained, its save failed
        store.down = False
        client.call(get_shipment_details, "S1")  # saved now, against what is stored
        stored = store.load(client.auth.key)
    assert store.replaced == [("AT-1-secretvalue", old, "lease-2")]
    assert stored is not None and stored.access_token == "AT-1-secretvalue"
    assert len(fake.token_requests) == 1


def test_a_spent_refresh_token_never_falls_back_to_the_token_just_rejected(
    fake: FakeFlipkart,
) -> None:
    """The 401'd token could not be marked dead (lease lost); it is still not used again.

    Nor is its refresh token spent: that it is being spent could not be recorded either.
    """
    clock = FakeClock()
    store = RacingStore()
    with _client(fake, token_store=store, clock=clock, seller_id=SELLER) as client:
        store.save(client.auth.key, Token("AT-0", expires_at=clock.now + 3600, refresh_token="R0"))
        store.refuse = True
        with pytest.raises(TokenStoreError):
            client.call(get_shipment_details, "S1")  # 401; nothing can be written
    assert [r.headers["authorization"] for r in fake.api_requests] == ["Bearer AT-0"]
    assert fake.grants() == []


# -- grants, scrubbing, store bookkeeping -----------------------------------------------------------


def test_a_refresh_grant_in_the_auth_flow_carries_the_timeout_of_the_api_call(
    fake: FakeFlipkart,
) -> None:
    seen: list[httpx.Request] = []
    fake.valid_refresh.add("RT-seed-secretvalue")
    with FlipkartClient(
        CLIENT_ID,
        CLIENT_SECRET,
        transport=_recording(fake, seen),
        timeout=7.0,
        refresh_token="RT-seed-secretvalue",
        seller_id=SELLER,
    ) as client:
        client.call(get_shipment_details, "S1")
    assert seen[0].url.params["grant_type"] == "refresh_token"
    assert seen[0].extensions["timeout"] == SEVEN_SECONDS


def test_the_client_credentials_grant_asks_for_the_configured_scope(fake: FakeFlipkart) -> None:
    auth = FlipkartAuth(CLIENT_ID, CLIENT_SECRET, environment=SANDBOX, scope="Other_Api")
    fake.push("GET", TOKEN_PATH, _token_answer("AT-x-secretvalue"))
    with httpx.Client(transport=fake.transport()) as http:
        auth.sync_run(auth.ensure_token_flow(), http.send)
    assert fake.token_requests[0].params == {
        "grant_type": "client_credentials",
        "scope": "Other_Api",
    }


def test_a_seller_without_any_refresh_token_is_told_how_to_authorize_again(
    fake: FakeFlipkart,
) -> None:
    with _client(fake, seller_id=SELLER) as client, pytest.raises(ReauthorizationRequired) as e:
        client.fetch_token()
    assert e.value.message == (
        "No usable access token and no refresh token for this seller. The seller must "
        "authorize the application again: send them to client.authorize_url(redirect_uri), "
        "then pass the code Flipkart returns to client.exchange_code(code, redirect_uri, state)."
    )


def test_the_sync_client_names_the_async_store_it_refuses() -> None:
    class AsyncOnly:
        async def load(self, key: TokenKey) -> Token | None:
            return None

    with pytest.raises(ConfigurationError) as caught:
        FlipkartClient(CLIENT_ID, CLIENT_SECRET, token_store=AsyncOnly())  # type: ignore[arg-type]
    assert str(caught.value) == (
        "token_store: AsyncOnly is an async store; use it with AsyncFlipkartClient "
        "(or give the sync client a synchronous store)"
    )


def test_a_401_with_another_token_stored_marks_only_ours_dead(fake: FakeFlipkart) -> None:
    """Our token is rejected while the store holds someone else's expired one."""
    clock = FakeClock()
    store = MemoryTokenStore()
    theirs = Token("AT-s", expires_at=clock.now - 1, refresh_token="RT-s")
    fake.push("GET", TOKEN_PATH, httpx.Response(503))
    with _client(fake, token_store=store, clock=clock, access_token="AT-mine") as client:
        store.save(client.auth.key, theirs)
        with pytest.raises(ServerError):
            client.call(get_shipment_details, "S1")  # 401; refreshing with RT-s fails
        # Not overwritten with our dead token: only marked as being spent (RT-s was sent).
        now_stored = store.load(client.auth.key)
        assert now_stored is not None and now_stored.refresh_sent_at is not None
        assert clock.now <= now_stored.refresh_sent_at < clock.now + 0.001  # the clock, marked
        assert dataclasses.replace(now_stored, refresh_sent_at=None) == theirs
        status = client.auth.token_status(read_store=False)
        assert status.expired and not status.has_refresh_token
        store.delete(client.auth.key)
        client.call(get_shipment_details, "S1")  # ours has no refresh token: a new grant
    assert fake.grants() == ["refresh_token", "client_credentials"]


def test_a_401_for_the_stored_token_spends_the_stored_refresh_token(fake: FakeFlipkart) -> None:
    """The token in hand is the stored one without its refresh token (given by the caller)."""
    clock = FakeClock()
    store = MemoryTokenStore()
    fake.valid_refresh.add("RT-shared")
    shared = Token("AT-shared", expires_at=clock.now + 3600, refresh_token="RT-shared")
    with _client(fake, token_store=store, clock=clock, access_token="AT-shared") as client:
        store.save(client.auth.key, shared)
        client.call(get_shipment_details, "S1")  # 401 (revoked), renewal, replay
    assert fake.grants() == ["refresh_token"]
    assert fake.token_requests[0].params["refresh_token"] == "RT-shared"


def test_an_api_error_scrubs_every_token_this_client_knows(fake: FakeFlipkart) -> None:
    clock = FakeClock()
    store = MemoryTokenStore()
    fake.valid_access.add("AT-stored-secretvalue")
    echo = "RT-seed-secretvalue / RT-stored-secretvalue / AT-stored-secretvalue are not yours"
    fake.push("GET", "/sellers/v3/shipments/S1", httpx.Response(400, json={"message": echo}))
    with _client(
        fake, token_store=store, clock=clock, refresh_token="RT-seed-secretvalue"
    ) as client:
        stored = Token(
            "AT-stored-secretvalue",
            expires_at=clock.now + 3600,
            refresh_token="RT-stored-secretvalue",
        )
        store.save(client.auth.key, stored)
        with pytest.raises(InvalidRequest) as caught:
            client.call(get_shipment_details, "S1")
    assert "secretvalue" not in str(caught.value)
    assert "are not yours" in str(caught.value)


def test_an_api_error_keeps_its_own_text_when_no_refresh_token_is_known(
    fake: FakeFlipkart,
) -> None:
    text = "account XXXX1234 is not verified"
    fake.push("GET", "/sellers/v3/shipments/S1", httpx.Response(400, json={"message": text}))
    with _client(fake) as client, pytest.raises(InvalidRequest) as caught:
        client.call(get_shipment_details, "S1")
    assert caught.value.message == text


def test_an_unsaved_token_is_written_once_then_the_lock_is_left_alone(fake: FakeFlipkart) -> None:
    store = RacingStore()
    with _client(fake, token_store=store) as client:
        store.down = True
        client.call(get_shipment_details, "S1")  # lock 1: obtained, save failed
        store.down = False
        client.call(get_shipment_details, "S1")  # lock 2: saved
        client.call(get_shipment_details, "S1")
        client.call(get_shipment_details, "S1")
    assert store.leases == 2


class WrittenThenFailed(MemoryTokenStore):
    """A save that reports failure after it wrote (a timeout on the way back)."""

    def __init__(self) -> None:
        super().__init__()
        self.flaky = False
        self.locks = 0

    def save(self, key: TokenKey, token: Token) -> None:
        super().save(key, token)
        if self.flaky:
            raise TokenStoreError("no answer from the store")

    def replace(
        self, key: TokenKey, token: Token, *, expected: Token | None, lease: object = None
    ) -> bool:
        written = super().replace(key, token, expected=expected, lease=lease)
        if self.flaky:
            raise TokenStoreError("no answer from the store")
        return written

    @contextlib.contextmanager
    def lock(self, key: TokenKey) -> Iterator[None]:
        self.locks += 1
        with super().lock(key):
            yield


def test_an_unsaved_token_found_already_stored_is_not_written_again(fake: FakeFlipkart) -> None:
    store = WrittenThenFailed()
    with _client(fake, token_store=store) as client:
        store.flaky = True
        client.call(get_shipment_details, "S1")  # lock 1: obtained, "failed" save
        client.call(get_shipment_details, "S1")  # lock 2: it is stored after all
        client.call(get_shipment_details, "S1")
        client.call(get_shipment_details, "S1")
    assert store.locks == 2
    assert len(fake.token_requests) == 1


def test_a_plain_save_is_not_mistaken_for_a_lost_race(
    fake: FakeFlipkart, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="flipkart_ext")
    store = FlakyStore()
    with _client(fake, token_store=store) as client:
        store.down = True
        client.call(get_shipment_details, "S1")
        store.down = False
        client.call(get_shipment_details, "S1")  # the unsaved token is saved
        fake.valid_access.clear()
        client.call(get_shipment_details, "S1")  # 401: invalidated, renewed, saved
    assert not any("another holder" in m for m in _messages(caplog))


def test_an_api_base_path_ending_in_x_is_matched_whole() -> None:
    env = Environment("x", "https://api.example.com/partnerX", "https://api.example.com/oauth")
    auth = FlipkartAuth(CLIENT_ID, CLIENT_SECRET, environment=env)
    assert auth.is_api_request(httpx.Request("GET", "https://api.example.com/partnerX/v3/a"))
    assert not auth.is_api_request(httpx.Request("GET", "https://api.example.com/partner/v3/a"))


def _lose_a_save_then_store(
    fake: FakeFlipkart, clock: FakeClock, theirs: Token | None
) -> tuple[Token | None, RacingStore]:
    """Obtain a token whose save fails, put ``theirs`` in the store, call twice more."""
    store = RacingStore()
    fake.valid_access.add("AT-theirs")
    with _client(fake, token_store=store, clock=clock) as client:
        store.down = True
        client.call(get_shipment_details, "S1")  # ours: obtained, not saved
        store.down = False
        if theirs is not None:
            store.save(client.auth.key, theirs)
        client.call(get_shipment_details, "S1")
        client.call(get_shipment_details, "S1")
        return store.load(client.auth.key), store


@pytest.mark.parametrize("delta", [-60.0, 0.0])
def test_an_unsaved_token_replaces_a_stored_one_obtained_before_or_with_it(
    fake: FakeFlipkart, delta: float
) -> None:
    clock = FakeClock()
    theirs = Token("AT-theirs", expires_at=clock.now + 3600, obtained_at=clock.now + delta)
    stored, store = _lose_a_save_then_store(fake, clock, theirs)
    assert stored is not None and stored.access_token == "AT-1-secretvalue"
    assert store.leases == 2


def test_an_unsaved_token_yields_to_one_of_a_later_generation_for_good(
    fake: FakeFlipkart,
) -> None:
    clock = FakeClock()
    theirs = Token("AT-theirs", expires_at=clock.now + 3600, generation=2)
    stored, store = _lose_a_save_then_store(fake, clock, theirs)
    assert stored == theirs
    assert store.leases == 2  # settled at the second call; the third takes no lock
    assert [r.headers["authorization"] for r in fake.api_requests] == [
        "Bearer AT-1-secretvalue",
        "Bearer AT-theirs",
        "Bearer AT-theirs",
    ]


def test_generations_not_clocks_order_tokens(fake: FakeFlipkart) -> None:
    # A stored token without a generation (written before generations existed) is older
    # than ours, whatever its clock says...
    legacy = Token("AT-theirs", expires_at=3600.0, obtained_at=10**9)
    stored, _ = _lose_a_save_then_store(fake, FakeClock(now=0.0), legacy)
    assert stored is not None and stored.access_token == "AT-1-secretvalue"
    # ...and one of a later generation is newer, even "obtained" before ours.
    newer = Token("AT-theirs", expires_at=3600.0, obtained_at=-5.0, generation=2)
    stored, _ = _lose_a_save_then_store(FakeFlipkart(), FakeClock(now=0.0), newer)
    assert stored == newer


# -- the renewal's timings --------------------------------------------------------------------


def test_the_renewal_timings_default_to_five_minutes_a_day_and_a_minute() -> None:
    auth = FlipkartAuth(CLIENT_ID, CLIENT_SECRET, environment=SANDBOX)
    assert (auth.refresh_skew, auth.custody_wait, auth.custody_check) == (300.0, 86_400.0, 60.0)


@pytest.mark.parametrize("name", ["refresh_skew", "custody_wait", "custody_check"])
@pytest.mark.parametrize("value", [0, 0.5, 1, 7200])
def test_a_timing_of_zero_or_more_seconds_is_taken(name: str, value: float) -> None:
    auth = FlipkartAuth(CLIENT_ID, CLIENT_SECRET, environment=SANDBOX, **{name: value})
    taken = getattr(auth, name)
    assert taken == value and isinstance(taken, float)


@pytest.mark.parametrize("name", ["refresh_skew", "custody_wait", "custody_check"])
@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("5", "expected a number of seconds, got str"),
        (True, "expected a number of seconds, got bool"),
        (None, "expected a number of seconds, got NoneType"),
        (-1, "expected a finite positive number of seconds"),
        (-0.001, "expected a finite positive number of seconds"),
        (float("inf"), "expected a finite positive number of seconds"),
        (float("nan"), "expected a finite positive number of seconds"),
    ],
)
def test_a_timing_that_is_no_number_of_seconds_is_refused_by_name(
    name: str, value: object, message: str
) -> None:
    with pytest.raises(InvalidArgument) as caught:
        FlipkartAuth(CLIENT_ID, CLIENT_SECRET, environment=SANDBOX, **{name: value})  # type: ignore[arg-type]
    assert str(caught.value) == f"{name}: {message}"


# -- FlipkartAuth on a plain httpx client (the auth flow reads the token answers itself) ----


def _plain(fake: FakeFlipkart, clock: FakeClock | None = None) -> httpx.Client:
    auth = FlipkartAuth(CLIENT_ID, CLIENT_SECRET, environment=SANDBOX, clock=clock or FakeClock())
    return httpx.Client(transport=fake.transport(), auth=auth)


def test_the_auth_flow_keeps_the_secret_out_of_a_token_endpoint_error(fake: FakeFlipkart) -> None:
    fake.push("GET", TOKEN_PATH, httpx.Response(503, text=f"down {CLIENT_SECRET}"))
    with _plain(fake) as http, pytest.raises(ServerError) as caught:
        http.get(f"{API}/v3/shipments/S1")
    assert caught.value.status_code == 503
    assert CLIENT_SECRET not in str(caught.value)
    assert "[REDACTED]" in str(caught.value)


def test_the_auth_flow_names_a_second_401_and_keeps_the_fresh_token_out_of_it(
    fake: FakeFlipkart,
) -> None:
    # The first token is answered 401; the renewed one is too, and the answer echoes it.
    fake.push(
        "GET",
        "/sellers/v3/shipments/S1",
        httpx.Response(401, json={}),
        httpx.Response(401, json={"message": "token AT-2-secretvalue is not allowed here"}),
    )
    with _plain(fake) as http, pytest.raises(AuthenticationError) as caught:
        http.get(f"{API}/v3/shipments/S1")
    error = caught.value
    assert (error.status_code, error.method, error.url) == (401, "GET", f"{API}/v3/shipments/S1")
    assert "the API rejected a freshly obtained token" in str(error)
    assert "AT-2-secretvalue" not in str(error)


# -- the periodic custody check and a write-back that lost its check-and-set -----------------


def _seeded(fake: FakeFlipkart, store: Any, clock: FakeClock) -> FlipkartClient:
    fake.valid_refresh.add("RT-seed")
    client = _client(
        fake, token_store=store, clock=clock, seller_id=SELLER, refresh_token="RT-seed"
    )
    client.auth.custody_check = 60.0
    return client


def test_a_custody_check_that_finds_our_token_stored_takes_no_lock(fake: FakeFlipkart) -> None:
    clock = FakeClock()
    store = RacingStore()
    with _seeded(fake, store, clock) as client:
        client.call(get_shipment_details, "S1")  # lease 1: the seed is spent, AT-1 stored
        clock.advance(10)
        client.call(get_shipment_details, "S1")  # the first check only starts the clock
        clock.advance(60)
        client.call(get_shipment_details, "S1")  # due: the store holds AT-1, nothing to do
    assert store.leases == 1
    assert len(fake.token_requests) == 1


def test_a_custody_check_that_cannot_read_the_store_takes_no_lock(fake: FakeFlipkart) -> None:
    clock = FakeClock()
    store = RacingStore()
    with _seeded(fake, store, clock) as client:
        client.call(get_shipment_details, "S1")  # lease 1
        clock.advance(10)
        client.call(get_shipment_details, "S1")  # starts the check clock

        def down(key: TokenKey) -> Token | None:
            raise TokenStoreError("the store is down")

        store.load = down  # type: ignore[method-assign]
        clock.advance(60)
        client.call(get_shipment_details, "S1")  # due, unreadable: checked again later
    assert store.leases == 1
    assert [r.headers["authorization"] for r in fake.api_requests] == [
        "Bearer AT-1-secretvalue"
    ] * 3


def test_an_unsaved_token_that_loses_its_write_uses_the_winner_then_renews_normally(
    fake: FakeFlipkart,
) -> None:
    clock = FakeClock()
    store = RacingStore()
    theirs = Token("AT-theirs", expires_at=clock.now + 3600, generation=2)
    fake.valid_access.add("AT-theirs")
    with _client(fake, token_store=store, clock=clock) as client:
        store.down = True
        client.call(get_shipment_details, "S1")  # ours: AT-1 obtained, not saved
        store.down = False
        store.rival = theirs  # written by another worker just before our write-back
        client.call(get_shipment_details, "S1")  # lease 2: the write-back loses to theirs
        client.call(get_shipment_details, "S1")  # nothing left to write: no lock
        assert store.leases == 2
        clock.advance(3601)  # both expired: a plain renewal
        client.call(get_shipment_details, "S1")
        stored = store.load(client.auth.key)
    assert [r.headers["authorization"] for r in fake.api_requests] == [
        "Bearer AT-1-secretvalue",
        "Bearer AT-theirs",
        "Bearer AT-theirs",
        "Bearer AT-2-secretvalue",
    ]
    assert len(fake.token_requests) == 2
    assert stored is not None and stored.access_token == "AT-2-secretvalue"
    assert stored.generation == 3  # the one after the winner's
