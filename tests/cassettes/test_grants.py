"""Each OAuth grant, a proactive refresh and a 401 replay, through the public client API."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import httpx
import pytest

from flipkart_ext import FlipkartClient, MemoryTokenStore, ReauthorizationRequired, ShipmentFilter

from ._orders import create_orders, token_grants
from ._target import Target

REDIRECT_URI = "https://seller-app.example/flipkart/callback"
# Fixed so the authorize request replays; real code lets authorize_url() pick a random one.
STATE = "cassette-state-value"
APPROVED = ShipmentFilter.pre_dispatch(states=["APPROVED"], page_size=5)


def _authorize(target: Target, client: FlipkartClient) -> tuple[str, str]:
    authorization = client.authorize_url(REDIRECT_URI, state=STATE)
    with httpx.Client() as browser:  # the seller's browser, approving the app
        answer = browser.get(authorization.url)
    assert answer.status_code == 302
    callback = parse_qs(urlsplit(answer.headers["location"]).query)
    assert client.verify_state(authorization.state, callback["state"][0])
    return callback["code"][0], callback["state"][0]


def test_client_credentials_grant(target: Target) -> None:
    with target.client() as client:
        create_orders(client, target, 2)
        found = list(client.shipments.search(APPROVED))
        status = client.token_status()
    assert len(found) == 2
    assert status.has_token and not status.has_refresh_token and not status.expired
    assert token_grants(target) == ["client_credentials"]


def test_authorization_code_grant_then_refresh(target: Target) -> None:
    store = MemoryTokenStore()
    with target.client(seller_id="seller-1", token_store=store) as client:
        code, state = _authorize(target, client)
        status = client.exchange_code(code, REDIRECT_URI, state, expected_state=STATE)
        assert status.has_refresh_token
        first_refresh = store.load(client.auth.key).refresh_token  # type: ignore[union-attr]
        create_orders(client, target, 1)
        # The access token dies; the client renews it with the refresh token and replays.
        target.expire_tokens()
        assert len(list(client.shipments.search(APPROVED))) == 1
        rotated = store.load(client.auth.key).refresh_token  # type: ignore[union-attr]
    assert token_grants(target) == ["authorization_code", "refresh_token"]
    assert rotated and rotated != first_refresh, "the rotated refresh token was not persisted"


def test_proactive_refresh_before_expiry(target: Target) -> None:
    now = [1_800_000_000.0]
    with target.client(clock=lambda: now[0], refresh_skew=300) as client:
        create_orders(client, target, 1)
        status = client.token_status()
        assert status.seconds_left is not None
        # Step into the skew window: the next call renews first, with no 401 on the wire.
        now[0] += status.seconds_left - 60
        assert len(list(client.shipments.search(APPROVED))) == 1
    assert token_grants(target) == ["client_credentials", "client_credentials"]
    statuses = [response["status"]["code"] for response in target.cassette.responses]
    assert 401 not in statuses


@pytest.mark.emulator_only
def test_401_mid_session_refreshes_and_replays(target: Target) -> None:
    with target.client() as client:
        create_orders(client, target, 3)
        target.faults.unauthorized(count=1)
        found = list(client.shipments.search(APPROVED))
    assert len(found) == 3
    assert token_grants(target) == ["client_credentials", "client_credentials"]
    statuses = [response["status"]["code"] for response in target.cassette.responses]
    assert statuses.count(401) == 1


@pytest.mark.emulator_only
def test_revoked_refresh_token_asks_for_reauthorization(target: Target) -> None:
    with target.client(seller_id="seller-2") as client:
        code, state = _authorize(target, client)
        client.exchange_code(code, REDIRECT_URI, state)
        if target.emulator is not None:
            target.emulator.expire_tokens(refresh_tokens=True)
        with pytest.raises(ReauthorizationRequired, match="authoriz"):
            list(client.shipments.search(APPROVED))
