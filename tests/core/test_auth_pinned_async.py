"""The async token lifecycle: locks left before the API call, timeouts, token jobs, races."""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import logging
from collections.abc import AsyncIterator

import httpx
import pytest
from flipkart_seller_api.api.shipment_v3 import get_shipment_details

from flipkart_ext import (
    SANDBOX,
    AsyncFlipkartClient,
    FlipkartAuth,
    MemoryTokenStore,
    RetryPolicy,
    Token,
    TokenKey,
)
from flipkart_ext.errors import (
    AuthenticationError,
    ReauthorizationRequired,
    ServerError,
    TokenStoreError,
)
from tests.core._fakes import API, CLIENT_ID, CLIENT_SECRET, FakeClock, FakeFlipkart, FlakyStore

SELLER = "seller-1"
TOKEN_PATH = "/oauth-service/oauth/token"
SEVEN_SECONDS = {"connect": 7.0, "read": 7.0, "write": 7.0, "pool": 7.0}


def _client(
    fake: FakeFlipkart, transport: httpx.AsyncBaseTransport | None = None, **options: object
) -> AsyncFlipkartClient:
    options.setdefault("retry", RetryPolicy.disabled())
    return AsyncFlipkartClient(
        CLIENT_ID,
        CLIENT_SECRET,
        transport=transport or fake.async_transport(),
        **options,  # type: ignore[arg-type]
    )


def _recording(fake: FakeFlipkart, seen: list[httpx.Request]) -> httpx.MockTransport:
    async def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return await fake.async_handler(request)

    return httpx.MockTransport(handler)


async def test_the_api_request_is_sent_after_both_token_locks_are_left(
    fake: FakeFlipkart,
) -> None:
    store = FlakyStore()
    held: list[tuple[str, bool, int]] = []
    client: AsyncFlipkartClient

    async def handler(request: httpx.Request) -> httpx.Response:
        held.append((request.url.path, client.auth.async_lock.locked(), store.held))
        return await fake.async_handler(request)

    async with _client(fake, httpx.MockTransport(handler), token_store=store) as client:
        await client.call(get_shipment_details, "S1")
        fake.valid_access.clear()
        await client.call(get_shipment_details, "S1")  # 401, renewal, replay
    api = "/sellers/v3/shipments/S1"
    assert held == [
        (TOKEN_PATH, True, 1),  # the token request: under both locks
        (api, False, 0),  # the API request: under neither
        (api, False, 0),
        (TOKEN_PATH, True, 1),
        (api, False, 0),
    ]


async def test_async_token_requests_carry_the_timeout_of_the_api_call(
    fake: FakeFlipkart,
) -> None:
    seen: list[httpx.Request] = []
    async with _client(fake, _recording(fake, seen), timeout=7.0) as client:
        await client.call(get_shipment_details, "S1")
        fake.valid_access.clear()
        await client.call(get_shipment_details, "S1")
    tokens = [r for r in seen if r.url.path == TOKEN_PATH]
    assert len(tokens) == 2
    assert all(r.extensions["timeout"] == SEVEN_SECONDS for r in tokens)


async def test_an_async_token_job_sends_its_token_request_with_its_timeout(
    fake: FakeFlipkart,
) -> None:
    sent: list[httpx.Request] = []

    async def send(request: httpx.Request) -> httpx.Response:
        sent.append(request)
        return await fake.async_handler(request)

    timeout = httpx.Timeout(3.0, connect=1.0).as_dict()
    for given in (timeout, None):
        auth = FlipkartAuth(CLIENT_ID, CLIENT_SECRET, environment=SANDBOX)
        await auth.async_run(auth.ensure_token_flow(timeout=given), send)
    assert [r.extensions.get("timeout", "unset") for r in sent] == [timeout, "unset"]


async def test_async_bearer_header_is_sent_as_authorization(fake: FakeFlipkart) -> None:
    seen: list[httpx.Request] = []
    async with _client(fake, _recording(fake, seen)) as client:
        await client.call(get_shipment_details, "S1")
    assert (b"Authorization", b"Bearer AT-1-secretvalue") in seen[-1].headers.raw


async def test_async_fetch_token_keeps_a_caller_supplied_token(fake: FakeFlipkart) -> None:
    async with _client(fake, access_token="AT-mine") as client:
        status = await client.fetch_token()
    assert status.has_token
    assert fake.token_requests == []


async def test_async_exchange_code_exchanges_even_with_a_usable_token_in_hand(
    fake: FakeFlipkart,
) -> None:
    fake.codes.add("code-1-secretvalue")
    store = MemoryTokenStore()
    async with _client(fake, token_store=store, seller_id=SELLER, access_token="AT-mine") as client:
        await client.exchange_code("code-1-secretvalue", "https://partner.example/cb", "st")
        stored = store.load(client.auth.key)
    assert fake.grants() == ["authorization_code"]
    assert stored is not None and stored.access_token == "AT-1-secretvalue"


async def test_async_fetch_token_keeps_an_unsaved_token_while_the_store_is_gone(
    fake: FakeFlipkart,
) -> None:
    store = FlakyStore()
    async with _client(fake, token_store=store) as client:
        store.down = True
        await client.call(get_shipment_details, "S1")  # obtained, not saved
        store.gone = True
        status = await client.fetch_token()
        assert await client.call(get_shipment_details, "S1") is not None
    assert status.has_token and not status.expired
    assert len(fake.token_requests) == 1
    assert fake.api_requests[-1].headers["authorization"] == "Bearer AT-1-secretvalue"


async def test_async_fetch_token_refreshes_with_the_refresh_token_in_hand(
    fake: FakeFlipkart,
) -> None:
    clock = FakeClock()
    store = MemoryTokenStore()
    fake.codes.add("code-1-secretvalue")
    async with _client(fake, token_store=store, seller_id=SELLER, clock=clock) as client:
        await client.exchange_code("code-1-secretvalue", "https://partner.example/cb", "st")
        store.delete(client.auth.key)
        clock.advance(fake.expires_in)
        await client.fetch_token()
    assert fake.grants() == ["authorization_code", "refresh_token"]
    assert fake.token_requests[-1].params["refresh_token"] == "RT-1-secretvalue"


async def test_async_run_returns_the_settled_token(fake: FakeFlipkart) -> None:
    auth = FlipkartAuth(CLIENT_ID, CLIENT_SECRET, environment=SANDBOX)
    async with httpx.AsyncClient(transport=fake.async_transport()) as http:
        token = await auth.async_run(auth.ensure_token_flow(), http.send)
        again = await auth.async_run(auth.ensure_token_flow(), http.send)
    assert token.access_token == "AT-1-secretvalue"
    assert again is token
    assert len(fake.token_requests) == 1


def _token_answer(access: str) -> httpx.Response:
    return httpx.Response(200, json={"access_token": access, "expires_in": 3600})


async def test_async_second_401_scrubs_its_token_even_after_another_request_renewed() -> None:
    """Two requests in flight: the second renews past the token the first one replays."""
    auth = FlipkartAuth(CLIENT_ID, CLIENT_SECRET, environment=SANDBOX, clock=FakeClock())
    first = auth.async_auth_flow(httpx.Request("GET", f"{API}/v3/shipments/S1"))
    await first.__anext__()  # the token request
    await first.asend(_token_answer("AT-1-secretvalue"))
    await first.asend(httpx.Response(401))  # -> a renewal
    replay = await first.asend(_token_answer("AT-2-secretvalue"))
    assert replay.headers["Authorization"] == "Bearer AT-2-secretvalue"

    second = auth.async_auth_flow(httpx.Request("GET", f"{API}/v3/shipments/S2"))
    assert (await second.__anext__()).headers["Authorization"] == "Bearer AT-2-secretvalue"
    await second.asend(httpx.Response(401))
    renewed = await second.asend(_token_answer("AT-3-secretvalue"))
    assert renewed.headers["Authorization"] == "Bearer AT-3-secretvalue"
    with pytest.raises(StopAsyncIteration):
        await second.asend(httpx.Response(200))

    echoed = {"error": "invalid_token", "error_description": "AT-2-secretvalue is revoked"}
    with pytest.raises(AuthenticationError) as caught:
        await first.asend(httpx.Response(401, json=echoed))
    assert "AT-2-secretvalue" not in str(caught.value)
    assert "revoked" in str(caught.value)


async def test_async_request_outside_the_base_path_gets_no_token(fake: FakeFlipkart) -> None:
    seen: list[httpx.Request] = []
    async with _client(fake, _recording(fake, seen)) as client:
        await client.http.get("https://sandbox-api.flipkart.net/elsewhere/x")
        await client.http.get("https://sandbox-api.flipkart.net/sellers-v2/x")
    assert [r.url.path for r in seen] == ["/elsewhere/x", "/sellers-v2/x"]
    assert all("authorization" not in r.headers for r in seen)
    assert fake.token_requests == []


class AsyncLeaseStore:
    """A native async checked store whose lock is a lease; it records what it is asked.

    While ``rival`` is set, another holder writes it just before our save; while
    ``refuse`` is set, our lease has run out and nothing is written.
    """

    def __init__(self) -> None:
        self.tokens: dict[TokenKey, Token] = {}
        self.leases = 0
        self.rival: Token | None = None
        self.down = self.refuse = False
        self.locked: list[TokenKey] = []
        self.replaced: list[tuple[str, Token | None, object]] = []
        self._lock = asyncio.Lock()

    async def load(self, key: TokenKey) -> Token | None:
        return self.tokens.get(key)

    async def save(self, key: TokenKey, token: Token) -> None:
        raise AssertionError("a checked store is written by replace")

    async def delete(self, key: TokenKey) -> None:
        self.tokens.pop(key, None)

    @contextlib.asynccontextmanager
    async def lock(self, key: TokenKey) -> AsyncIterator[str]:
        self.locked.append(key)
        async with self._lock:
            self.leases += 1
            yield f"lease-{self.leases}"

    async def replace(
        self, key: TokenKey, token: Token, *, expected: Token | None, lease: object
    ) -> bool:
        if self.down:
            raise TokenStoreError("the store is down")
        self.replaced.append((token.access_token, expected, lease))
        if self.rival is not None:
            self.tokens[key], self.rival = self.rival, None
            return False
        if self.refuse or self.tokens.get(key) != expected:
            return False
        self.tokens[key] = token
        return True


def _messages(caplog: pytest.LogCaptureFixture, level: int = logging.INFO) -> list[str]:
    return [
        r.getMessage() for r in caplog.records if r.name == "flipkart_ext" and r.levelno == level
    ]


async def test_async_check_and_set_names_the_stored_token_and_the_lease(
    fake: FakeFlipkart,
) -> None:
    clock = FakeClock()
    store = AsyncLeaseStore()
    old = Token("AT-old", expires_at=clock.now - 1, obtained_at=clock.now - 3600)
    async with _client(fake, token_store=store, clock=clock) as client:
        store.tokens[client.auth.key] = old
        await client.call(get_shipment_details, "S1")
        stored = store.tokens[client.auth.key]
    assert store.replaced == [("AT-1-secretvalue", old, "lease-1")]
    assert stored.access_token == "AT-1-secretvalue"


async def test_async_lost_check_and_set_uses_the_winners_token_and_says_so(
    fake: FakeFlipkart, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="flipkart_ext")
    clock = FakeClock()
    store = AsyncLeaseStore()
    store.rival = Token("AT-theirs", expires_at=clock.now + 3600, obtained_at=clock.now)
    fake.valid_access.add("AT-theirs")
    async with _client(fake, token_store=store, clock=clock) as client:
        await client.call(get_shipment_details, "S1")
        assert client.token_status().has_token
        await store.delete(client.auth.key)  # the token now lives in this client only
        await client.call(get_shipment_details, "S1")
    assert "another holder of the token lock stored a token first; using it" in _messages(caplog)
    assert [r.headers["authorization"] for r in fake.api_requests] == ["Bearer AT-theirs"] * 2
    assert len(fake.token_requests) == 1


async def test_async_lost_check_and_set_to_a_stale_token_keeps_ours(fake: FakeFlipkart) -> None:
    clock = FakeClock()
    store = AsyncLeaseStore()
    stale = Token("AT-stale", expires_at=clock.now - 1)
    store.rival = stale
    async with _client(fake, token_store=store, clock=clock) as client:
        await client.call(get_shipment_details, "S1")
        assert store.tokens[client.auth.key] == stale
        await client.call(get_shipment_details, "S1")
    assert [r.headers["authorization"] for r in fake.api_requests] == [
        "Bearer AT-1-secretvalue"
    ] * 2
    assert len(fake.token_requests) == 1


async def test_async_failed_save_is_logged_with_the_reason_and_the_token_used(
    fake: FakeFlipkart, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="flipkart_ext")
    store = AsyncLeaseStore()
    store.down = True
    async with _client(fake, token_store=store) as client:
        assert await client.call(get_shipment_details, "S1") is not None
        assert client.token_status().has_token
    assert _messages(caplog, logging.WARNING) == [
        "the new token could not be saved to the token store (the store is down); "
        "it is kept by this client and saved at its next call"
    ]
    assert fake.api_requests[-1].headers["authorization"] == "Bearer AT-1-secretvalue"


# -- async twins of the renewal's sync pins ---------------------------------------------------


async def test_async_a_stored_token_is_used_without_any_fetch(fake: FakeFlipkart) -> None:
    clock = FakeClock()
    store = MemoryTokenStore()
    fake.valid_access.add("AT-stored")
    async with _client(fake, token_store=store, clock=clock) as client:
        store.save(client.auth.key, Token("AT-stored", expires_at=clock.now + 3600))
        await client.call(get_shipment_details, "S1")
        assert client.token_status().has_token
    assert fake.token_requests == []
    assert fake.api_requests[0].headers["authorization"] == "Bearer AT-stored"


async def test_async_a_401_for_a_token_already_replaced_does_not_refresh_again(
    fake: FakeFlipkart,
) -> None:
    store = MemoryTokenStore()
    async with (
        _client(fake, token_store=store) as first,
        _client(fake, token_store=store) as second,
    ):
        await first.call(get_shipment_details, "S1")
        await second.call(get_shipment_details, "S1")
        fake.valid_access.clear()
        await first.call(get_shipment_details, "S1")  # 401, renewal, replay
        await second.call(get_shipment_details, "S1")  # 401, but AT-2 is already stored
    assert len(fake.token_requests) == 2
    assert [r.headers["authorization"] for r in fake.api_requests[-2:]] == [
        "Bearer AT-1-secretvalue",
        "Bearer AT-2-secretvalue",
    ]


async def test_async_a_rejected_token_is_invalidated_even_when_the_renewal_fails(
    fake: FakeFlipkart,
) -> None:
    clock = FakeClock()
    store = MemoryTokenStore()
    async with _client(fake, token_store=store, clock=clock) as client:
        await client.call(get_shipment_details, "S1")
        fake.valid_access.clear()
        fake.push("GET", TOKEN_PATH, httpx.Response(503))
        with pytest.raises(ServerError):
            await client.call(get_shipment_details, "S1")
        dead = store.load(client.auth.key)
        assert dead is not None and dead.access_token == "AT-1-secretvalue"
        assert dead.expires_at == clock.now and dead.obtained_at is None
        assert client.token_status().expired
        before = len(fake.api_requests)
        await client.call(get_shipment_details, "S1")
    assert [r.headers["authorization"] for r in fake.api_requests[before:]] == [
        "Bearer AT-2-secretvalue"
    ]


async def test_async_a_refresh_token_spent_by_another_holder_uses_its_token(
    fake: FakeFlipkart, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="flipkart_ext")
    clock = FakeClock()
    store = MemoryTokenStore()
    key = TokenKey("sandbox", CLIENT_ID, SELLER)
    # Renewed from RT-0 by the other machine: the next generation.
    theirs = Token("AT-other", expires_at=clock.now + 3600, refresh_token="RT-other", generation=1)
    fake.valid_access.add("AT-other")

    async def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path == TOKEN_PATH:
            store.save(key, theirs)  # another machine spent RT-0 a moment ago
        return await fake.async_handler(request)

    async with _client(
        fake, httpx.MockTransport(handler), token_store=store, seller_id=SELLER, clock=clock
    ) as client:
        store.save(key, Token("AT-old", expires_at=clock.now - 1, refresh_token="RT-0"))
        assert await client.call(get_shipment_details, "S1") is not None
        assert client.token_status().has_token
    assert "the refresh token was already spent by another holder; using its token" in _messages(
        caplog
    )
    assert fake.api_requests[-1].headers["authorization"] == "Bearer AT-other"


async def test_async_a_spent_refresh_token_with_nothing_newer_stored_needs_reauthorization(
    fake: FakeFlipkart,
) -> None:
    clock = FakeClock()
    store = MemoryTokenStore()
    async with _client(fake, token_store=store, seller_id=SELLER, clock=clock) as client:
        store.save(client.auth.key, Token("AT-old", expires_at=clock.now - 1, refresh_token="RT-0"))
        with pytest.raises(ReauthorizationRequired):
            await client.call(get_shipment_details, "S1")
    assert fake.api_requests == []


async def test_async_an_unsaved_token_is_saved_at_the_next_call_unless_a_newer_one_is_stored(
    fake: FakeFlipkart,
) -> None:
    clock = FakeClock()
    store = FlakyStore()
    async with _client(fake, token_store=store, clock=clock) as client:
        store.down = True
        await client.call(get_shipment_details, "S1")
        assert store.load(client.auth.key) is None
        store.down = False
        await client.call(get_shipment_details, "S1")
        saved = store.load(client.auth.key)
        assert saved is not None and saved.access_token == "AT-1-secretvalue"
        # Lost again; this time someone renews after us before our next call.
        clock.advance(fake.expires_in)
        store.down = True
        await client.call(get_shipment_details, "S1")  # AT-2, unsaved
        store.down = False
        newer = Token("AT-newer", expires_at=clock.now + 3600, generation=3)  # renewed after AT-2
        fake.valid_access.add("AT-newer")
        store.save(client.auth.key, newer)
        await client.call(get_shipment_details, "S1")
        assert store.load(client.auth.key) == newer
    assert fake.api_requests[-1].headers["authorization"] == "Bearer AT-newer"
    assert len(fake.token_requests) == 2


async def test_async_a_store_that_is_gone_fails_a_call_whose_token_expired(
    fake: FakeFlipkart,
) -> None:
    clock = FakeClock()
    store = FlakyStore()
    async with _client(fake, token_store=store, clock=clock) as client:
        await client.call(get_shipment_details, "S1")
        store.gone = True
        clock.advance(fake.expires_in)
        with pytest.raises(TokenStoreError):
            await client.call(get_shipment_details, "S1")
        fake.valid_access.clear()
        clock.advance(-fake.expires_in)  # in date again, but now rejected
        with pytest.raises(TokenStoreError):
            await client.call(get_shipment_details, "S1")
    assert len(fake.api_requests) == 2


async def test_async_exchange_code_fails_while_the_store_is_gone(fake: FakeFlipkart) -> None:
    store = FlakyStore()
    fake.codes.add("code-1-secretvalue")
    async with _client(fake, token_store=store, seller_id=SELLER, access_token="AT-m") as client:
        store.gone = True
        with pytest.raises(TokenStoreError):
            await client.exchange_code("code-1-secretvalue", "https://partner.example/cb", "st")
    assert fake.token_requests == []


async def test_async_an_unsaved_token_is_written_by_check_and_set_under_the_next_lease(
    fake: FakeFlipkart,
) -> None:
    clock = FakeClock()
    store = AsyncLeaseStore()
    old = Token("AT-old", expires_at=clock.now - 1, obtained_at=clock.now - 3600)
    async with _client(fake, token_store=store, clock=clock) as client:
        store.tokens[client.auth.key] = old
        store.down = True
        await client.call(get_shipment_details, "S1")  # AT-1 obtained, its save failed
        store.down = False
        await client.call(get_shipment_details, "S1")  # saved now, against what is stored
        stored = store.tokens[client.auth.key]
    assert store.replaced == [("AT-1-secretvalue", old, "lease-2")]
    assert stored.access_token == "AT-1-secretvalue"
    assert len(fake.token_requests) == 1


async def test_async_exchange_code_exchanges_even_with_a_usable_token_stored(
    fake: FakeFlipkart,
) -> None:
    clock = FakeClock()
    fake.codes.add("code-1-secretvalue")
    store = MemoryTokenStore()
    async with _client(fake, token_store=store, seller_id=SELLER, clock=clock) as client:
        store.save(client.auth.key, Token("AT-stored", expires_at=clock.now + 3600))
        await client.exchange_code("code-1-secretvalue", "https://partner.example/cb", "st")
        stored = store.load(client.auth.key)
    assert fake.grants() == ["authorization_code"]
    assert stored is not None and stored.access_token == "AT-1-secretvalue"


async def test_async_renewal_locks_this_clients_key(fake: FakeFlipkart) -> None:
    store = AsyncLeaseStore()
    async with _client(fake, token_store=store, seller_id=SELLER, access_token="AT-m") as client:
        fake.codes.add("code-1-secretvalue")
        await client.exchange_code("code-1-secretvalue", "https://partner.example/cb", "st")
    assert store.locked == [TokenKey("sandbox", CLIENT_ID, SELLER)]


async def test_async_401_invalidates_and_replaces_the_stored_token_by_check_and_set(
    fake: FakeFlipkart,
) -> None:
    clock = FakeClock()
    store = AsyncLeaseStore()
    async with _client(fake, token_store=store, clock=clock) as client:
        await client.call(get_shipment_details, "S1")
        first = store.tokens[client.auth.key]
        fake.valid_access.clear()
        await client.call(get_shipment_details, "S1")  # 401, renewal, replay
        stored = store.tokens[client.auth.key]
    dead = dataclasses.replace(first, expires_at=clock.now, obtained_at=None)
    assert store.replaced == [
        ("AT-1-secretvalue", None, "lease-1"),
        ("AT-1-secretvalue", first, "lease-2"),
        ("AT-2-secretvalue", dead, "lease-2"),
    ]
    assert stored.access_token == "AT-2-secretvalue"


async def test_async_spent_refresh_token_never_falls_back_to_the_token_just_rejected(
    fake: FakeFlipkart,
) -> None:
    clock = FakeClock()
    store = AsyncLeaseStore()
    async with _client(fake, token_store=store, clock=clock, seller_id=SELLER) as client:
        store.tokens[client.auth.key] = Token(
            "AT-0", expires_at=clock.now + 3600, refresh_token="R0"
        )
        store.refuse = True
        # Nothing can be written: the 401'd token is not used again, and R0 is not spent
        # (that it is being spent could not be recorded).
        with pytest.raises(TokenStoreError):
            await client.call(get_shipment_details, "S1")
    assert [r.headers["authorization"] for r in fake.api_requests] == ["Bearer AT-0"]
    assert fake.grants() == []


async def test_async_refused_refresh_scrubs_the_stored_token_from_the_error(
    fake: FakeFlipkart,
) -> None:
    clock = FakeClock()
    store = MemoryTokenStore()
    echo = "AT-stored-secretvalue and RT-stored-secretvalue are expired"
    fake.push(
        "GET",
        TOKEN_PATH,
        httpx.Response(400, json={"error": "invalid_grant", "error_description": echo}),
    )
    async with _client(fake, token_store=store, clock=clock, seller_id=SELLER) as client:
        stored = Token(
            "AT-stored-secretvalue", expires_at=clock.now - 1, refresh_token="RT-stored-secretvalue"
        )
        store.save(client.auth.key, stored)
        with pytest.raises(ReauthorizationRequired) as caught:
            await client.call(get_shipment_details, "S1")
    text = f"{caught.value} {caught.value.body}"
    assert "secretvalue" not in text
    assert "are expired" in text


class AsyncPlainStore:
    """A native async store without check-and-set; saves fail while ``down``."""

    def __init__(self) -> None:
        self.tokens: dict[TokenKey, Token] = {}
        self.down = False
        self.saves = 0
        self._lock = asyncio.Lock()

    async def load(self, key: TokenKey) -> Token | None:
        return self.tokens.get(key)

    async def save(self, key: TokenKey, token: Token) -> None:
        if self.down:
            raise TokenStoreError("the store is down")
        self.saves += 1
        self.tokens[key] = token

    async def delete(self, key: TokenKey) -> None:
        self.tokens.pop(key, None)

    @contextlib.asynccontextmanager
    async def lock(self, key: TokenKey) -> AsyncIterator[None]:
        async with self._lock:
            yield


async def test_async_a_plain_save_is_not_mistaken_for_a_lost_race(
    fake: FakeFlipkart, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="flipkart_ext")
    store = AsyncPlainStore()
    async with _client(fake, token_store=store) as client:
        store.down = True
        await client.call(get_shipment_details, "S1")
        store.down = False
        await client.call(get_shipment_details, "S1")  # the unsaved token is saved
        await client.call(get_shipment_details, "S1")
        fake.valid_access.clear()
        await client.call(get_shipment_details, "S1")  # 401: invalidated, renewed, saved
        stored = store.tokens[client.auth.key]
    assert not any("another holder" in m for m in _messages(caplog))
    assert store.saves == 3  # the unsaved token once, the dead one, the new one
    assert stored.access_token == "AT-2-secretvalue"
