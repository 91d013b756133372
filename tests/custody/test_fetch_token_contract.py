"""The contract with the client: ``fetch_token`` and ``exchange_code`` send the grant through
the I/O path (``Wire.send`` / ``AsyncWire.send``), and keep every custody rule doing so."""

from __future__ import annotations

import httpx
import pytest

from flipkart_ext import (
    SANDBOX,
    AuthenticationError,
    FlipkartAuth,
    MemoryTokenStore,
    ReauthorizationRequired,
)
from flipkart_ext._async import auth as async_auth
from flipkart_ext._async.http import AsyncWire
from flipkart_ext._sync import auth as sync_auth
from flipkart_ext._sync.http import Wire
from tests.core._fakes import CLIENT_ID, CLIENT_SECRET, FakeFlipkart

SEVEN = {"connect": 7.0, "read": 7.0, "write": 7.0, "pool": 7.0}


def _auth(**options: object) -> FlipkartAuth:
    return FlipkartAuth(CLIENT_ID, CLIENT_SECRET, environment=SANDBOX, **options)  # type: ignore[arg-type]


def test_fetch_token_sends_one_grant_through_the_wire_and_stores_it() -> None:
    fake, store = FakeFlipkart(), MemoryTokenStore()
    auth = _auth(token_store=store)
    with httpx.Client(transport=fake.transport()) as http:
        wire = Wire(http, secrets=auth.secrets)
        token = sync_auth.fetch_token(auth, wire, timeout=SEVEN)
        again = sync_auth.fetch_token(auth, wire, timeout=SEVEN)
    assert token is again and token.generation == 1
    assert store.load(auth.key) == token
    assert fake.grants() == ["client_credentials"]


async def test_the_async_twin_does_the_same() -> None:
    fake, store = FakeFlipkart(), MemoryTokenStore()
    auth = _auth(token_store=store)
    async with httpx.AsyncClient(transport=fake.async_transport()) as http:
        token = await async_auth.fetch_token(
            auth, AsyncWire(http, secrets=auth.secrets), timeout=None
        )
    assert store.load(auth.key) == token
    assert fake.grants() == ["client_credentials"]


def test_exchange_code_stores_the_tokens_and_a_refused_code_needs_reauthorization() -> None:
    fake, store = FakeFlipkart(), MemoryTokenStore()
    fake.codes.add("code-1-secretvalue")
    auth = _auth(token_store=store, seller_id="s-1")
    with httpx.Client(transport=fake.transport()) as http:
        wire = Wire(http, secrets=auth.secrets)
        token = sync_auth.exchange_code(
            auth, wire, "code-1-secretvalue", "https://p.example/cb", "st", timeout=None
        )
        assert store.load(auth.key) == token and token.refresh_token
        with pytest.raises(ReauthorizationRequired) as refused:  # codes are single-use
            sync_auth.exchange_code(
                auth, wire, "code-1-secretvalue", "https://p.example/cb", "st", timeout=None
            )
    assert "code-1-secretvalue" not in f"{refused.value} {refused.value.body}"
    assert refused.value.operation == "oauth.token"


def test_a_token_answer_that_is_not_json_is_an_authentication_error() -> None:
    fake = FakeFlipkart()
    fake.push("GET", "/oauth-service/oauth/token", httpx.Response(200, text="<html>"))
    auth = _auth()
    with httpx.Client(transport=fake.transport()) as http, pytest.raises(AuthenticationError):
        sync_auth.fetch_token(auth, Wire(http, secrets=auth.secrets), timeout=None)
