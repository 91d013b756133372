"""A token containing non-ASCII characters is masked whole, wherever it appears.

Flipkart's "Getting Started" page (https://flipkart.github.io/fk-api-platform-docs/docs/intro)
prints its sample authorization-code answer with U+00AD SOFT HYPHEN between the groups of
the tokens (``f638949a\\u00adc979\\u00ad4172...``); a user pasting them keeps those characters.
"""

from __future__ import annotations

import json
import logging
import re

import httpx
import pytest
from flipkart_seller_api.api.shipment_v3 import get_shipment_details

from flipkart_ext import AuthenticationError, FlipkartClient, Token, redact_url
from flipkart_ext._core.redact import RedactingFilter, redact_text

SHY = "\u00ad"
# The documented sample tokens, soft hyphens included.
ACCESS = f"f638949a{SHY}c979{SHY}4172{SHY}b33c{SHY}23311a168647"
REFRESH = f"860e03da{SHY}d58a{SHY}4988{SHY}9149-a4a7f365bba1"
# Other non-ASCII a token could carry once copied through a word processor.
OTHERS = ["tok\u00e9n-\u00fc\u00f1\u00ee-c0de-9999", "abcd\u200befgh\u2011ijkl\u00a0mnop-7777"]


def _fragments(token: str) -> list[str]:
    """Every run of 4+ word characters in the token: none may survive redaction."""
    return [part for part in re.split(r"[^0-9A-Za-z]+", token) if len(part) >= 4]


def _assert_masked(text: str, token: str) -> None:
    redacted = redact_text(text)
    leaked = [part for part in _fragments(token) if part in redacted]
    assert leaked == [], f"{redacted!r} still shows {leaked}"
    assert "[REDACTED]" in redacted


def _renderings(token: str) -> list[str]:
    """The ways a token reaches a log line: raw, repr-escaped, UTF-8 bytes repr, percent-encoded."""
    encoded = token.encode("utf-8")
    return [
        token,
        repr(token)[1:-1],
        repr(encoded)[2:-1],
        httpx.URL("https://h/x", params={"t": token}).query.decode().split("=", 1)[1],
        json.dumps(token)[1:-1],
    ]


@pytest.mark.parametrize("token", [ACCESS, REFRESH, *OTHERS])
@pytest.mark.parametrize(
    "template",
    [
        "Authorization: Bearer {}",
        "headers=[(b'Authorization', b'Bearer {}')]",
        "{{'authorization': 'Bearer {}'}}",
        '{{"access_token": "{}", "expires_in": 5183999}}',
        '{{"refresh_token":"{}","token_type":"bearer"}}',
        "GET https://api.flipkart.net/oauth-service/oauth/token?grant_type=refresh_token&refresh_token={}&x=1",
        "Token(access_token='{}')",
        "{{'code': '{}'}}",
    ],
)
def test_every_rendering_of_a_non_ascii_token_is_masked_whole(template: str, token: str) -> None:
    for rendering in _renderings(token):
        _assert_masked(template.format(rendering), token)


@pytest.mark.parametrize("token", [ACCESS, REFRESH])
def test_redact_url_masks_a_non_ascii_token(token: str) -> None:
    url = httpx.URL(
        "https://api.flipkart.net/oauth-service/oauth/token",
        params={"grant_type": "refresh_token", "refresh_token": token, "state": "keep-me"},
    )
    redacted = redact_url(url)
    assert [part for part in _fragments(token) if part in redacted] == []
    assert "state=keep-me" in redacted


def test_the_logging_filter_masks_a_non_ascii_bearer_token() -> None:
    record = logging.LogRecord(
        "httpcore.http11", logging.DEBUG, __file__, 1, "send_request_headers %r", None, None
    )
    record.args = ([(b"Authorization", f"Bearer {ACCESS}".encode())],)
    assert RedactingFilter().filter(record)
    message = record.getMessage()
    assert [part for part in _fragments(ACCESS) if part in message] == []


def test_token_repr_shows_no_part_of_a_non_ascii_token() -> None:
    token = Token(access_token=ACCESS, refresh_token=REFRESH)
    for text in (repr(token), str(token)):
        assert [p for p in _fragments(ACCESS) + _fragments(REFRESH) if p in text] == []


def test_a_session_with_documented_tokens_logs_no_part_of_them(
    caplog: pytest.LogCaptureFixture,
) -> None:
    for name in ("httpx", "httpcore", "flipkart_ext"):
        caplog.set_level(logging.DEBUG, logger=name)
    seen: list[bytes] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.extend(v for k, v in request.headers.raw if k.lower() == b"authorization")
        if request.url.path.endswith("/oauth/token"):
            return httpx.Response(200, json={"access_token": ACCESS, "expires_in": 5183999})
        return httpx.Response(401, json={"error": "invalid_token", "token": ACCESS})

    client = FlipkartClient(
        "app-1",
        "secret-1-value",
        refresh_token=REFRESH,
        seller_id="seller-1",
        transport=httpx.MockTransport(handler),
    )
    with client:
        client.fetch_token()
        with pytest.raises(AuthenticationError) as caught:
            client.call(get_shipment_details, "S1")
    texts = [caplog.text, str(caught.value), repr(caught.value), repr(client.token_status())]
    assert f"Bearer {ACCESS}".encode() in seen  # the documented token really was sent
    for text in texts:
        leaked = [p for p in _fragments(ACCESS) + _fragments(REFRESH) if p in text]
        assert leaked == [], text
