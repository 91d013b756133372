"""A rotated refresh token is never lost: failed saves, lost check-and-sets, spent tokens."""

from __future__ import annotations

import contextlib
import time
from collections.abc import Iterator

import httpx
from flipkart_seller_api.api.shipment_v3 import get_shipment_details

from flipkart_ext import AsyncFlipkartClient, FlipkartClient, MemoryTokenStore, Token, TokenKey
from tests.core._fakes import CLIENT_ID, CLIENT_SECRET, FakeFlipkart, FlakyStore

SELLER = "seller-1"


def _expired(refresh: str) -> Token:
    return Token("AT-old", expires_at=time.time() - 1, refresh_token=refresh)


def _client(fake: FakeFlipkart, store: MemoryTokenStore) -> FlipkartClient:
    return FlipkartClient(
        CLIENT_ID, CLIENT_SECRET, transport=fake.transport(), token_store=store, seller_id=SELLER
    )


def test_a_token_whose_save_failed_is_used_and_saved_at_the_next_call(fake: FakeFlipkart) -> None:
    store = FlakyStore()
    fake.valid_refresh.add("RT-0")
    with _client(fake, store) as client:
        store.save(client.auth.key, _expired("RT-0"))
        store.down_after_mark = True  # the save after the token answer fails
        # The refresh went through (RT-0 is spent now): the call gets its data all the same.
        assert client.call(get_shipment_details, "S1") is not None
        assert store.load(client.auth.key).refresh_token == "RT-0"  # type: ignore[union-attr]
        store.down = False
        assert client.call(get_shipment_details, "S1") is not None
        assert store.load(client.auth.key).refresh_token == "RT-1-secretvalue"  # type: ignore[union-attr]
        client.call(get_shipment_details, "S1")
    assert fake.grants() == ["refresh_token"]  # no second refresh was needed to save it


def test_while_the_store_stays_down_calls_go_on_with_the_unsaved_token(fake: FakeFlipkart) -> None:
    store = FlakyStore()
    fake.valid_refresh.add("RT-0")
    with _client(fake, store) as client:
        store.save(client.auth.key, _expired("RT-0"))
        store.down_after_mark = True
        client.call(get_shipment_details, "S1")
        store.gone = True  # now even the lock fails: the save cannot be retried yet
        assert client.call(get_shipment_details, "S1") is not None
        store.down = store.gone = False
        client.call(get_shipment_details, "S1")
        assert store.load(client.auth.key).refresh_token == "RT-1-secretvalue"  # type: ignore[union-attr]
    assert fake.grants() == ["refresh_token"]


def test_an_unsaved_token_yields_to_a_newer_one_stored_meanwhile(fake: FakeFlipkart) -> None:
    store = FlakyStore()
    fake.valid_refresh.add("RT-0")
    with _client(fake, store) as client:
        store.save(client.auth.key, _expired("RT-0"))
        store.down_after_mark = True
        client.call(get_shipment_details, "S1")
        store.down = False
        newer = Token(  # renewed by another worker after ours: a later generation
            "AT-newer",
            expires_at=time.time() + 3600,
            refresh_token="RT-newer",
            obtained_at=time.time() + 1,
            generation=2,
        )
        fake.valid_access.add("AT-newer")
        store.save(client.auth.key, newer)
        client.call(get_shipment_details, "S1")
        assert store.load(client.auth.key) == newer
    assert fake.api_requests[-1].headers["authorization"] == "Bearer AT-newer"


async def test_async_a_token_whose_save_failed_is_saved_at_the_next_call(
    fake: FakeFlipkart,
) -> None:
    store = FlakyStore()
    fake.valid_refresh.add("RT-0")
    async with AsyncFlipkartClient(
        CLIENT_ID,
        CLIENT_SECRET,
        transport=fake.async_transport(),
        token_store=store,
        seller_id=SELLER,
    ) as client:
        store.save(client.auth.key, _expired("RT-0"))
        store.down_after_mark = True
        assert await client.call(get_shipment_details, "S1") is not None
        store.gone = True
        assert await client.call(get_shipment_details, "S1") is not None
        store.down = store.gone = False
        await client.call(get_shipment_details, "S1")
        assert store.load(client.auth.key).refresh_token == "RT-1-secretvalue"  # type: ignore[union-attr]
    assert fake.grants() == ["refresh_token"]


class LeasedStore(MemoryTokenStore):
    """A checked store whose lease 'runs out' during the token request: another holder writes."""

    def __init__(self, theirs: Token) -> None:
        super().__init__()
        self.theirs = theirs
        self.replaced: list[Token] = []

    @contextlib.contextmanager
    def lock(self, key: TokenKey) -> Iterator[str]:
        with super().lock(key):
            yield "lease-1"

    def replace(
        self, key: TokenKey, token: Token, *, expected: Token | None, lease: object
    ) -> bool:
        assert lease == "lease-1"
        self.replaced.append(token)
        if self.load(key) != expected:
            return False
        if token.refresh_token != "RT-0":  # our renewal: another holder wrote first
            super().save(key, self.theirs)
            return False
        super().save(key, token)
        return True


def test_the_loser_of_a_check_and_set_writes_nothing_and_uses_the_winners_token(
    fake: FakeFlipkart,
) -> None:
    theirs = Token("AT-theirs", expires_at=time.time() + 3600, refresh_token="RT-theirs")
    fake.valid_access.add("AT-theirs")
    fake.valid_refresh.add("RT-0")
    store = LeasedStore(theirs)
    with _client(fake, store) as client:
        store.save(client.auth.key, _expired("RT-0"))
        client.call(get_shipment_details, "S1")  # refreshes, loses the check-and-set
        assert store.load(client.auth.key) == theirs
        client.call(get_shipment_details, "S1")
    # The first write marks RT-0 as being spent; the second (the new token) loses.
    assert [t.access_token for t in store.replaced] == ["AT-old", "AT-1-secretvalue"]
    assert store.replaced[0].refresh_sent_at is not None
    assert fake.api_requests[-1].headers["authorization"] == "Bearer AT-theirs"


def test_a_refresh_token_spent_by_another_holder_uses_the_token_it_stored(
    fake: FakeFlipkart,
) -> None:
    store = MemoryTokenStore()
    # Renewed from RT-0 by the other machine: the next generation.
    fresh = Token("AT-other", expires_at=time.time() + 3600, refresh_token="RT-other", generation=1)
    fake.valid_access.add("AT-other")

    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path.endswith("/oauth/token"):
            # Another machine spent RT-0 a moment ago and stored what it got.
            store.save(TokenKey("sandbox", CLIENT_ID, SELLER), fresh)
        return fake.handler(request)

    with FlipkartClient(
        CLIENT_ID,
        CLIENT_SECRET,
        transport=httpx.MockTransport(handler),
        token_store=store,
        seller_id=SELLER,
    ) as client:
        store.save(client.auth.key, _expired("RT-0"))  # RT-0 is not valid at the server
        assert client.call(get_shipment_details, "S1") is not None
    assert fake.grants() == ["refresh_token"]
    assert fake.api_requests[-1].headers["authorization"] == "Bearer AT-other"
    assert store.load(TokenKey("sandbox", CLIENT_ID, SELLER)) == fresh
