"""``refresh_token_expires_in`` is kept on the token and shown by ``token_status()``.

Flipkart's tutorial "Retrieving Access Token"
(https://seller.flipkart.com/api-docs/_sources/listing-api-docs/authTut.rst.txt) prints an
authorization-code answer carrying ``"refresh_token_expires_in": 10703805``.
"""

from __future__ import annotations

from datetime import UTC, datetime

import httpx
import pytest

from flipkart_ext import FlipkartClient, MemoryTokenStore, Token, TokenStatus
from flipkart_ext._core.tokens import parse_token_payload
from tests.core._fakes import CLIENT_ID, CLIENT_SECRET, FakeClock, FakeFlipkart

# The tutorial's answer, with the values it prints except the two tokens, written as the
# placeholders Flipkart's "Getting Started" page uses (a committed file holds no token shape).
DOCUMENTED_ANSWER = {
    "access_token": "<token>",
    "token_type": "bearer",
    "refresh_token": "<refresh_token>",
    "expires_in": 5183999,
    "scope": "DefaultSeller_Api",
    "refresh_token_expires_in": 10703805,
}


def test_the_documented_answer_keeps_the_refresh_token_expiry() -> None:
    token = parse_token_payload(DOCUMENTED_ANSWER, received_at=1_000.0)
    assert token.refresh_token_expires_at == 1_000.0 + 10703805
    assert token.expires_at == 1_000.0 + 5183999


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("10703805", 10703805.0),
        (10703805.5, 10703805.5),
        (None, None),
        ("soon", None),
        (-1, None),
        (True, None),
        (float("inf"), None),
    ],
)
def test_refresh_token_expiry_is_read_liberally(raw: object, expected: float | None) -> None:
    payload = {"access_token": "a", "refresh_token": "r", "refresh_token_expires_in": raw}
    token = parse_token_payload(payload, received_at=0.0)
    assert token.refresh_token_expires_at == expected


def test_refresh_token_expiry_survives_a_store_round_trip() -> None:
    token = Token(access_token="a", refresh_token="r", refresh_token_expires_at=1234.5)
    assert Token.from_dict(token.to_dict()) == token
    # A token written before the field existed still loads.
    legacy = {k: v for k, v in token.to_dict().items() if k != "refresh_token_expires_at"}
    assert Token.from_dict(legacy).refresh_token_expires_at is None
    with pytest.raises(ValueError, match="refresh_token_expires_at"):
        Token.from_dict({**token.to_dict(), "refresh_token_expires_at": "tomorrow"})
    assert "1234.5" in repr(token) and "'r'" not in repr(token)


def test_token_status_shows_when_the_refresh_token_expires() -> None:
    fake = FakeFlipkart()
    fake.codes.add("code-1-secretvalue")
    fake.push(
        "GET",
        "/oauth-service/oauth/token",
        httpx.Response(
            200,
            json={
                "access_token": "AT-9-secretvalue",
                "token_type": "bearer",
                "refresh_token": "RT-9-secretvalue",
                "expires_in": 5183999,
                "scope": "Seller_Api",
                "refresh_token_expires_in": 10703805,
            },
        ),
    )
    clock = FakeClock()
    with FlipkartClient(
        CLIENT_ID,
        CLIENT_SECRET,
        seller_id="seller-1",
        token_store=MemoryTokenStore(),
        transport=fake.transport(),
        clock=clock,
    ) as client:
        issued = client.authorize_url("https://partner.example/cb")
        status = client.exchange_code(
            "code-1-secretvalue",
            "https://partner.example/cb",
            issued.state,
            expected_state=issued.state,
        )
        assert status.refresh_token_expires_at == datetime.fromtimestamp(clock() + 10703805, tz=UTC)
        assert status.refresh_token_seconds_left == pytest.approx(10703805)
        clock.advance(10703805 + 60)
        later = client.token_status()
    assert later.refresh_token_seconds_left == pytest.approx(-60)
    assert "secretvalue" not in repr(later)


def test_token_status_without_a_known_refresh_expiry_says_none() -> None:
    status = TokenStatus("sandbox", True, None, None, True)
    assert status.refresh_token_expires_at is None
    assert status.refresh_token_seconds_left is None
