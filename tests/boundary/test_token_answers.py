"""A token answer with an odd ``expires_in`` (1e12, 1e400, -5, "soon", 5,000 digits, NaN...):
the client either holds a token with a sane expiry or raises a typed error, and
``token_status()`` never raises, before or after.

Issue 19 item 3. "Sane": unknown (``None``), or a moment before the year 9999, and
``seconds_left`` a finite number. The answer is written as bytes, so numbers JSON can carry
but Python's float cannot (1e400) reach the client as sent.
"""

from __future__ import annotations

import asyncio
import contextlib
import math
from datetime import UTC, datetime

import httpx
import pytest

from flipkart_ext import FlipkartError

from ._support import App, async_client, sync_client

EXPIRES_IN = {
    "1e12": b"1e12",
    "10^12": b"1000000000000",
    "1e400": b"1e400",
    "-1e400": b"-1e400",
    "minus-5": b"-5",
    "zero": b"0",
    "soon": b'"soon"',
    "text-number": b'"3600"',
    "5000-digits": b"9" * 5000,
    "nan": b"NaN",
    "infinity": b"Infinity",
    "null": b"null",
    "true": b"true",
    "float": b"3600.5",
    "object": b'{"seconds": 3600}',
    "10^20": b"100000000000000000000",
}
LATEST = datetime(9999, 1, 1, tzinfo=UTC)


def token_app(expires_in: bytes) -> App:
    answers = iter([expires_in])

    def token(request: httpx.Request) -> httpx.Response:
        value = next(answers, b"3600")  # a later answer is an ordinary one
        body = (
            b'{"access_token": "AT-odd", "token_type": "bearer", "refresh_token": "RT-odd", '
            b'"expires_in": ' + value + b', "scope": "Seller_Api"}'
        )
        return httpx.Response(200, content=body, headers={"Content-Type": "application/json"})

    return App(token=token)


def sane(status: object) -> None:
    expires_at = getattr(status, "expires_at", None)
    seconds_left = getattr(status, "seconds_left", None)
    if expires_at is not None:
        assert expires_at < LATEST, f"expires at {expires_at}"
    if seconds_left is not None:
        assert math.isfinite(seconds_left), f"seconds_left {seconds_left}"


@pytest.mark.parametrize("grant", ["client_credentials", "refresh_token"])
@pytest.mark.parametrize("value", list(EXPIRES_IN))
def test_an_odd_expires_in_gives_a_sane_token_or_a_typed_error(value: str, grant: str) -> None:
    options = {"refresh_token": "RT-0"} if grant == "refresh_token" else {}
    with sync_client(token_app(EXPIRES_IN[value]), **options) as client:
        sane(client.token_status())
        with contextlib.suppress(FlipkartError):
            client.fetch_token()
        status = client.token_status()
        sane(status)


@pytest.mark.parametrize("value", list(EXPIRES_IN))
def test_an_odd_expires_in_gives_a_sane_token_or_a_typed_error_async(value: str) -> None:
    async def main() -> None:
        async with async_client(token_app(EXPIRES_IN[value])) as client:
            sane(client.token_status())
            with contextlib.suppress(FlipkartError):
                await client.fetch_token()
            sane(client.token_status())

    asyncio.run(main())
