"""The renewal's custody paths pinned down, one worker and a store the test controls.

The model-based custody test (``tests/custody``, ``make soak``) drives many workers through
random faults; these tests take each path on its own, at the exact moment it changes
behaviour: the periodic check that the store still holds this worker's token, a refresh
token refused while another worker may hold its successor, a mark that lost its
check-and-set, the background retry of a save that failed, a store failing while the token
in hand can still be sent, and the errors of the token endpoint.
"""

from __future__ import annotations

import contextlib
import logging
import time
from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from flipkart_seller_api.api.shipment_v3 import get_shipment_details

from flipkart_ext import (
    SANDBOX,
    FlipkartAuth,
    FlipkartClient,
    MemoryTokenStore,
    RetryPolicy,
    Token,
    TokenKey,
)
from flipkart_ext.errors import (
    APIConnectionError,
    AuthenticationError,
    ReauthorizationRequired,
    ServerError,
    TokenStoreError,
)
from tests.core._fakes import API, CLIENT_ID, CLIENT_SECRET, FakeClock, FakeFlipkart, FlakyStore

SELLER = "seller-1"
TOKEN_PATH = "/oauth-service/oauth/token"
PENDING = (
    "the refresh token of this seller was spent by another worker, or the store lost its "
    "record, and no newer token is stored yet; it is written back by the worker holding it "
    "at its next call: try again shortly"
)


def _client(fake: FakeFlipkart, **options: Any) -> FlipkartClient:
    options.setdefault("retry", RetryPolicy.disabled())
    return FlipkartClient(CLIENT_ID, CLIENT_SECRET, transport=fake.transport(), **options)


def _bearers(fake: FakeFlipkart) -> list[str]:
    return [r.headers["authorization"] for r in fake.api_requests]


class CountingStore(MemoryTokenStore):
    """A memory store that counts its reads."""

    def __init__(self) -> None:
        super().__init__()
        self.loads = 0

    def load(self, key: TokenKey) -> Token | None:
        self.loads += 1
        return super().load(key)


# -- the periodic custody check -------------------------------------------------------------


def test_the_store_is_checked_every_custody_check_seconds_and_a_lost_token_written_back(
    fake: FakeFlipkart, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.WARNING, logger="flipkart_ext")
    clock = FakeClock()
    store = MemoryTokenStore()
    fake.valid_refresh.add("RT-seed")
    with _client(
        fake, token_store=store, clock=clock, seller_id=SELLER, refresh_token="RT-seed"
    ) as client:
        client.auth.custody_check = 60.0
        client.call(get_shipment_details, "S1")  # renews: generation 1
        key = client.auth.key
        store.delete(key)  # evicted
        clock.advance(10)
        client.call(get_shipment_details, "S1")  # the first check only starts the clock
        assert store.load(key) is None
        clock.advance(59.9)
        client.call(get_shipment_details, "S1")
        assert store.load(key) is None
        clock.advance(0.1)  # exactly custody_check after the clock started
        client.call(get_shipment_details, "S1")
        restored = store.load(key)
        assert restored is not None and restored.access_token == "AT-1-secretvalue"
        assert restored.generation == 1
        assert restored.refresh_sent_at is not None  # written back as possibly spent
        store.delete(key)  # evicted again
        clock.advance(1)
        client.call(get_shipment_details, "S1")  # checked a second ago: not yet
        assert store.load(key) is None
        clock.advance(59)  # exactly custody_check after the last check
        client.call(get_shipment_details, "S1")
        assert store.load(key) is not None
    assert len(fake.token_requests) == 1
    assert [r.getMessage() for r in caplog.records] == [
        "the token store holds no token for this seller; writing back the token this worker "
        "holds (generation 1)"
    ] * 2


def test_a_token_without_a_refresh_token_is_never_checked(fake: FakeFlipkart) -> None:
    clock = FakeClock()
    store = CountingStore()
    with _client(fake, token_store=store, clock=clock) as client:
        client.auth.custody_check = 0.0
        client.call(get_shipment_details, "S1")
        loads = store.loads
        for _ in range(3):
            clock.advance(1)
            client.call(get_shipment_details, "S1")
        assert store.loads == loads


def test_a_custody_check_while_the_store_is_down_lets_the_call_go(fake: FakeFlipkart) -> None:
    clock = FakeClock()
    store = FlakyStore()
    fake.valid_refresh.add("RT-seed")
    with _client(
        fake, token_store=store, clock=clock, seller_id=SELLER, refresh_token="RT-seed"
    ) as client:
        client.auth.custody_check = 0.0
        client.call(get_shipment_details, "S1")
        client.call(get_shipment_details, "S1")  # starts the check clock

        def down(key: TokenKey) -> Token | None:
            raise TokenStoreError("the store is down")

        store.load = down  # type: ignore[method-assign]
        clock.advance(1)
        client.call(get_shipment_details, "S1")
    assert _bearers(fake) == ["Bearer AT-1-secretvalue"] * 3


# -- a refresh token refused while another worker may hold its successor --------------------


def _refused_after_a_foreign_mark(clock: FakeClock, **changes: Any) -> Token:
    """A stored token due for renewal whose refresh token another worker marked (and spent)."""
    fields: dict[str, Any] = {
        "expires_at": clock.now - 1,
        "refresh_token": "RT-spent-elsewhere",
        "generation": 4,
        "refresh_sent_at": clock.now - 5,
    }
    fields.update(changes)
    return Token("AT-old", **fields)


def test_a_refusal_after_another_workers_mark_waits_for_its_successor_then_gives_up(
    fake: FakeFlipkart,
) -> None:
    clock = FakeClock()
    store = MemoryTokenStore()
    with _client(fake, token_store=store, clock=clock, seller_id=SELLER) as client:
        client.auth.custody_wait = 100.0
        store.save(client.auth.key, _refused_after_a_foreign_mark(clock))
        with pytest.raises(TokenStoreError) as first:
            client.call(get_shipment_details, "S1")
        assert str(first.value) == PENDING
        clock.advance(99.9)
        with pytest.raises(TokenStoreError) as again:
            client.call(get_shipment_details, "S1")
        assert str(again.value) == PENDING
        clock.advance(0.1)  # custody_wait after the first refusal: the grant is lost
        with pytest.raises(ReauthorizationRequired):
            client.call(get_shipment_details, "S1")
    assert fake.api_requests == []


def test_a_refusal_of_a_token_the_store_vouched_for_is_a_reauthorization(
    fake: FakeFlipkart,
) -> None:
    # Inside the refresh window but not expired: the renewal's refusal is final, and the
    # token it could not renew is not used instead.
    clock = FakeClock()
    store = MemoryTokenStore()
    with _client(fake, token_store=store, clock=clock, seller_id=SELLER) as client:
        vouched = Token("AT-old", expires_at=clock.now + 100, refresh_token="RT-revoked")
        fake.valid_access.add("AT-old")
        store.save(client.auth.key, vouched)
        with pytest.raises(ReauthorizationRequired):
            client.call(get_shipment_details, "S1")
    assert fake.api_requests == []
    assert fake.grants() == ["refresh_token"]


def test_a_spent_seed_refresh_token_does_not_take_an_expired_token_stored_meanwhile(
    fake: FakeFlipkart,
) -> None:
    clock = FakeClock()
    store = MemoryTokenStore()
    expired = Token("AT-stored", expires_at=clock.now - 1, refresh_token="RT-x", generation=2)

    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path.endswith("/oauth/token"):
            store.save(TokenKey("sandbox", CLIENT_ID, SELLER), expired)
        return fake.handler(request)

    with (
        FlipkartClient(
            CLIENT_ID,
            CLIENT_SECRET,
            transport=httpx.MockTransport(handler),
            retry=RetryPolicy.disabled(),
            token_store=store,
            seller_id=SELLER,
            refresh_token="RT-spent-seed",
            clock=clock,
        ) as client,
        pytest.raises(ReauthorizationRequired),
    ):
        client.call(get_shipment_details, "S1")
    assert fake.api_requests == []


# -- the record is gone -----------------------------------------------------------------------


class ForgetfulStore(MemoryTokenStore):
    """A store that remembers a token was stored for this seller (its record since evicted)."""

    def was_stored(self, key: TokenKey) -> bool:
        return key == TokenKey("sandbox", CLIENT_ID, SELLER)


def test_a_lost_record_without_a_refresh_token_in_hand_is_a_store_error(
    fake: FakeFlipkart,
) -> None:
    client = _client(fake, token_store=ForgetfulStore(), seller_id=SELLER)
    with client, pytest.raises(TokenStoreError) as caught:
        client.call(get_shipment_details, "S1")
    assert str(caught.value) == (
        "the token store once held a token for this seller but its record is gone (evicted?); "
        "a worker holding the token writes it back at its next call. If none does, the seller "
        "must authorize the application again."
    )
    assert fake.token_requests == []


# -- the mark lost its check-and-set ------------------------------------------------------------


class RivalStore(MemoryTokenStore):
    """Another worker writes ``rival`` just before this worker's mark is checked-and-set."""

    def __init__(self) -> None:
        super().__init__()
        self.rival: Token | None = None

    def replace(
        self, key: TokenKey, token: Token, *, expected: Token | None, lease: object = None
    ) -> bool:
        if self.rival is not None and token.refresh_sent_at is not None:
            self.save(key, self.rival)
            self.rival = None
            return False
        return super().replace(key, token, expected=expected, lease=lease)


def test_a_mark_that_lost_to_a_usable_token_uses_that_token(fake: FakeFlipkart) -> None:
    clock = FakeClock()
    store = RivalStore()
    with _client(fake, token_store=store, clock=clock, seller_id=SELLER) as client:
        store.save(client.auth.key, Token("AT-due", expires_at=clock.now - 1, refresh_token="R1"))
        store.rival = Token("AT-rival", expires_at=clock.now + 3600, refresh_token="R2")
        fake.valid_access.add("AT-rival")
        client.call(get_shipment_details, "S1")
    assert _bearers(fake) == ["Bearer AT-rival"]
    assert fake.token_requests == []


@pytest.mark.parametrize("rival_expires_in", [-1.0, 100.0])
def test_a_mark_that_lost_to_a_token_due_for_renewal_is_a_store_error(
    fake: FakeFlipkart, rival_expires_in: float
) -> None:
    clock = FakeClock()
    store = RivalStore()
    with _client(fake, token_store=store, clock=clock, seller_id=SELLER) as client:
        store.save(client.auth.key, Token("AT-due", expires_at=clock.now - 1, refresh_token="R1"))
        rival = Token("AT-rival", expires_at=clock.now + rival_expires_in, refresh_token="R2")
        store.rival = rival
        with pytest.raises(TokenStoreError) as caught:
            client.call(get_shipment_details, "S1")
    assert str(caught.value) == (
        "the stored token changed while this worker was about to renew it (another worker "
        "wrote meanwhile); try again"
    )
    assert fake.api_requests == [] and fake.token_requests == []


def test_a_mark_lost_after_a_401_never_falls_back_to_the_rejected_token(
    fake: FakeFlipkart,
) -> None:
    clock = FakeClock()
    store = RivalStore()
    with _client(fake, token_store=store, clock=clock, seller_id=SELLER) as client:
        rejected = Token("AT-rejected", expires_at=clock.now + 3600, refresh_token="R1")
        store.save(client.auth.key, rejected)
        # The rival wrote the same access token back (a copy with another expiry).
        store.rival = Token("AT-rejected", expires_at=clock.now + 7200, refresh_token="R1")
        with pytest.raises(TokenStoreError):
            client.call(get_shipment_details, "S1")  # 401: AT-rejected is not valid
    assert _bearers(fake) == ["Bearer AT-rejected"]


# -- a save that failed is retried in the background ------------------------------------------


def _wait_for(condition: Any, seconds: float = 5.0) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.01)
    return False


def test_a_failed_save_is_retried_in_the_background_until_it_lands(fake: FakeFlipkart) -> None:
    clock = FakeClock()
    store = FlakyStore()
    with _client(fake, token_store=store, clock=clock) as client:
        client.auth.save_retry_every = 0.02
        store.down = True
        client.call(get_shipment_details, "S1")  # obtained; its save failed
        time.sleep(0.1)  # several attempts fail meanwhile; the retrier keeps going
        assert store.load(client.auth.key) is None
        store.down = False
        assert _wait_for(lambda: store.load(client.auth.key) is not None)
        first = store.load(client.auth.key)
        assert first is not None and first.access_token == "AT-1-secretvalue"
        # A second failure, later: retried again.
        clock.advance(3600)
        store.down = True
        client.call(get_shipment_details, "S1")  # expired, renewed: AT-2, its save failed
        store.down = False
        assert _wait_for(
            lambda: (
                (stored := store.load(client.auth.key)) is not None
                and stored.access_token == "AT-2-secretvalue"
            )
        )


def test_without_a_retry_interval_a_failed_save_waits_for_the_next_call(
    fake: FakeFlipkart,
) -> None:
    store = FlakyStore()
    with _client(fake, token_store=store) as client:
        client.auth.save_retry_every = None
        store.down = True
        client.call(get_shipment_details, "S1")
        store.down = False
        time.sleep(0.1)
        assert store.load(client.auth.key) is None
        client.call(get_shipment_details, "S1")
        assert store.load(client.auth.key) is not None


# -- a store failing while the token in hand can still be sent -------------------------------


def test_a_token_with_half_a_second_left_is_still_sent_while_the_store_is_gone(
    fake: FakeFlipkart,
) -> None:
    clock = FakeClock()
    store = FlakyStore()
    with _client(fake, token_store=store, clock=clock) as client:
        client.call(get_shipment_details, "S1")
        clock.advance(3600 - 0.5)  # inside the refresh window, not expired
        store.gone = True
        client.call(get_shipment_details, "S1")
    assert _bearers(fake) == ["Bearer AT-1-secretvalue"] * 2


# -- what the errors of the token endpoint carry ---------------------------------------------


def test_a_failed_token_request_names_its_method_url_and_answer_headers(
    fake: FakeFlipkart,
) -> None:
    fake.push("GET", TOKEN_PATH, httpx.Response(500, headers={"X-Request-Id": "r-1"}))
    with _client(fake) as client, pytest.raises(ServerError) as caught:
        client.call(get_shipment_details, "S1")
    error = caught.value
    assert error.method == "GET"
    assert error.url == "https://sandbox-api.flipkart.net/oauth-service/oauth/token"
    assert error.headers["x-request-id"] == "r-1"


def test_a_second_401_names_the_request_and_carries_the_answer_headers(
    fake: FakeFlipkart,
) -> None:
    def rejected(request: httpx.Request) -> httpx.Response:
        return httpx.Response(401, headers={"X-Request-Id": "r-2"}, json={"error": "nope"})

    fake.push("GET", "/sellers/v3/shipments/S1", rejected(None), rejected(None))  # type: ignore[arg-type]
    with _client(fake) as client, pytest.raises(AuthenticationError) as caught:
        client.call(get_shipment_details, "S1")
    error = caught.value
    assert error.method == "GET"
    assert error.url == f"{API}/v3/shipments/S1"
    assert error.headers["x-request-id"] == "r-2"


# -- the jobs of the previous client layout and token_status ---------------------------------


def test_a_code_job_sends_the_redirect_uri_and_state_it_was_given(fake: FakeFlipkart) -> None:
    fake.codes.add("code-1")
    auth = FlipkartAuth(CLIENT_ID, CLIENT_SECRET, environment=SANDBOX, seller_id=SELLER)
    job = auth.exchange_code_flow("code-1", "https://app.test/callback", "state-1")
    with httpx.Client(transport=fake.transport()) as http:
        token = auth.sync_run(job, http.send)
    assert token.access_token == "AT-1-secretvalue"
    assert fake.token_requests[0].params == {
        "grant_type": "authorization_code",
        "redirect_uri": "https://app.test/callback",
        "state": "state-1",
        "code": "code-1",
    }


def test_token_status_reads_a_synchronous_store_by_default() -> None:
    store = MemoryTokenStore()
    auth = FlipkartAuth(CLIENT_ID, CLIENT_SECRET, environment=SANDBOX, token_store=store)
    store.save(auth.key, Token("AT-stored"))
    assert auth.token_status().has_token
    assert not auth.token_status(read_store=False).has_token


# -- a custom store's own exceptions ----------------------------------------------------------


class BrokenStore(MemoryTokenStore):
    """Raises its own exception (not a TokenStoreError) from the step named in ``broken``."""

    def __init__(self, broken: str) -> None:
        super().__init__()
        self.broken = broken

    def _maybe(self, step: str) -> None:
        if self.broken == step:
            raise ValueError(f"{step} broke")

    def load(self, key: TokenKey) -> Token | None:
        self._maybe("load")
        return super().load(key)

    def replace(
        self, key: TokenKey, token: Token, *, expected: Token | None, lease: object = None
    ) -> bool:
        self._maybe("replace")
        return super().replace(key, token, expected=expected, lease=lease)

    def lock(self, key: TokenKey) -> Any:
        self._maybe("lock")
        return super().lock(key)

    def was_stored(self, key: TokenKey) -> bool:
        self._maybe("was_stored")
        return False


@pytest.mark.parametrize(
    ("broken", "doing"),
    [("load", "reading"), ("lock", "locking"), ("was_stored", "reading")],
)
def test_a_custom_stores_own_exception_is_a_store_error_naming_the_act(
    fake: FakeFlipkart, broken: str, doing: str
) -> None:
    client = _client(fake, token_store=BrokenStore(broken), seller_id=SELLER)
    with client, pytest.raises(TokenStoreError) as caught:
        client.call(get_shipment_details, "S1")
    assert str(caught.value) == (
        f"the token store failed {doing} the token (ValueError: {broken} broke)"
    )


def test_a_custom_store_failing_to_save_keeps_the_token_and_says_why(
    fake: FakeFlipkart, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.WARNING, logger="flipkart_ext")
    with _client(fake, token_store=BrokenStore("replace")) as client:
        client.auth.save_retry_every = None
        client.call(get_shipment_details, "S1")
    assert [r.getMessage() for r in caplog.records] == [
        "the new token could not be saved to the token store (the token store failed saving "
        "the token (ValueError: replace broke)); it is kept by this client and saved at its "
        "next call"
    ]


# -- 401s and refusals --------------------------------------------------------------------------


def test_a_401_then_a_refused_refresh_token_is_a_reauthorization(fake: FakeFlipkart) -> None:
    clock = FakeClock()
    store = MemoryTokenStore()
    with _client(fake, token_store=store, clock=clock, seller_id=SELLER) as client:
        store.save(
            client.auth.key,
            Token("AT-revoked", expires_at=clock.now + 3600, refresh_token="RT-revoked"),
        )
        with pytest.raises(ReauthorizationRequired):
            client.call(get_shipment_details, "S1")
    assert _bearers(fake) == ["Bearer AT-revoked"]
    assert fake.grants() == ["refresh_token"]


def test_exchange_code_over_a_stored_token_stores_the_next_generation(fake: FakeFlipkart) -> None:
    store = MemoryTokenStore()
    fake.codes.add("code-1")
    with _client(fake, token_store=store, seller_id=SELLER) as client:
        store.save(client.auth.key, Token("AT-old", refresh_token="RT-old", generation=5))
        client.exchange_code("code-1", "https://app.test/callback", "state-1")
        stored = store.load(client.auth.key)
    assert stored is not None
    assert (stored.access_token, stored.generation) == ("AT-1-secretvalue", 6)


# -- fetch_token, exchange_code and token jobs --------------------------------------------------


def _recording(fake: FakeFlipkart, seen: list[httpx.Request]) -> httpx.MockTransport:
    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return fake.handler(request)

    return httpx.MockTransport(handler)


def test_fetch_token_and_exchange_code_send_their_grants_with_the_clients_timeout(
    fake: FakeFlipkart,
) -> None:
    seen: list[httpx.Request] = []
    fake.codes.add("code-1")
    seven = {"connect": 7.0, "read": 7.0, "write": 7.0, "pool": 7.0}
    with FlipkartClient(
        CLIENT_ID, CLIENT_SECRET, transport=_recording(fake, seen), timeout=7.0, seller_id=SELLER
    ) as client:
        client.exchange_code("code-1", "https://app.test/callback", "state-1")
    with FlipkartClient(
        CLIENT_ID, CLIENT_SECRET, transport=_recording(fake, seen), timeout=7.0
    ) as client:
        client.fetch_token()
    assert [r.url.params["grant_type"] for r in seen] == [
        "authorization_code",
        "client_credentials",
    ]
    assert [r.extensions["timeout"] for r in seen] == [seven, seven]


def test_a_usable_token_in_hand_is_used_without_reading_the_store(fake: FakeFlipkart) -> None:
    store = CountingStore()
    with _client(fake, token_store=store) as client:
        client.fetch_token()
        reads = store.loads
        client.fetch_token()
        client.auth.sync_run(client.auth.ensure_token_flow(), client.http.send)
        assert store.loads == reads
    assert len(fake.token_requests) == 1


def test_a_token_job_whose_request_cannot_connect_is_a_connection_error() -> None:
    auth = FlipkartAuth(CLIENT_ID, CLIENT_SECRET, environment=SANDBOX)

    def send(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("refused", request=request)

    with pytest.raises(APIConnectionError) as caught:
        auth.sync_run(auth.ensure_token_flow(), send)
    assert str(caught.value).startswith("ConnectError: refused (GET https://sandbox-api")


def test_a_token_answer_that_is_not_json_says_so_with_and_without_a_status(
    fake: FakeFlipkart,
) -> None:
    fake.push("GET", TOKEN_PATH, httpx.Response(200, text="<html>maintenance</html>"))
    with _client(fake) as client, pytest.raises(AuthenticationError) as in_flow:
        client.call(get_shipment_details, "S1")
    assert in_flow.value.status_code == 200
    assert in_flow.value.operation == "oauth.token"
    assert in_flow.value.message.startswith(
        "the token endpoint answered 200 without a usable token (the answer to oauth.token"
    )
    fake.push("GET", TOKEN_PATH, httpx.Response(200, text="<html>maintenance</html>"))
    with _client(fake) as client, pytest.raises(AuthenticationError) as fetching:
        client.fetch_token()
    assert fetching.value.status_code is None
    assert fetching.value.operation == "oauth.token"
    assert fetching.value.message.startswith(
        "the token endpoint answered without a usable token (the answer to oauth.token"
    )


# -- a caller's plain store (no replace): written under its lock by the custody rule --------


class _PlainStore:
    """A store of the caller's with load, save, delete and lock only (no check-and-set)."""

    def __init__(self, held: Token | None = None) -> None:
        self.held = held
        self.saved: list[Token] = []

    def load(self, key: TokenKey) -> Token | None:
        return self.held

    def save(self, key: TokenKey, token: Token) -> None:
        self.held = token
        self.saved.append(token)

    def delete(self, key: TokenKey) -> None:
        self.held = None

    @contextlib.contextmanager
    def lock(self, key: TokenKey) -> Iterator[None]:
        yield


def _plain_write(held: Token | None, expected: Token | None, token: Token) -> _PlainStore:
    from flipkart_ext._sync.auth import _write

    store = _PlainStore(held)
    auth = FlipkartAuth(CLIENT_ID, CLIENT_SECRET, environment=SANDBOX, token_store=store)
    written = _write(auth, store, None, expected, token)
    assert written is (store.saved == [token])
    return store


def test_a_plain_store_with_nothing_in_it_takes_the_token() -> None:
    token = Token("AT-new", refresh_token="RT-new", generation=1)
    assert _plain_write(None, None, token).held == token


def test_a_plain_store_keeps_a_higher_generation_than_the_one_written() -> None:
    newer = Token("AT-other", refresh_token="RT-other", generation=5)
    store = _plain_write(newer, newer, Token("AT-mine", refresh_token="RT-mine", generation=4))
    assert store.held == newer


def test_a_plain_store_takes_a_higher_generation_whatever_the_writer_read() -> None:
    older = Token("AT-old", refresh_token="RT-old", generation=2)
    token = Token("AT-mine", refresh_token="RT-mine", generation=3)
    assert _plain_write(older, None, token).held == token


def test_a_plain_store_takes_the_same_generation_only_over_the_record_its_writer_read() -> None:
    stored = Token("AT-same", refresh_token="RT-same", generation=3)
    token = Token("AT-mine", refresh_token="RT-same", generation=3, refresh_sent_at=1.0)
    assert _plain_write(stored, stored, token).held == token
    assert _plain_write(stored, None, token).held == stored
    other = Token("AT-else", refresh_token="RT-same", generation=3)
    assert _plain_write(stored, other, token).held == stored
