"""fetch_token(): a token without an API call, fetched only when needed."""

from __future__ import annotations

from flipkart_ext import AsyncFlipkartClient, FlipkartClient
from flipkart_ext.testing import Emulator


def _options(emulator: Emulator) -> dict[str, str]:
    return {"api_base_url": emulator.api_base_url, "oauth_base_url": emulator.oauth_base_url}


def test_fetch_token_asks_once_and_calls_no_api() -> None:
    with (
        Emulator() as emulator,
        FlipkartClient(emulator.client_id, emulator.client_secret, **_options(emulator)) as client,
    ):
        assert client.token_status().has_token is False
        status = client.fetch_token()
        again = client.fetch_token()
        assert status.has_token and not status.expired
        assert again.expires_at == status.expires_at
        assert [request.grant_type for request in emulator.token_requests] == ["client_credentials"]
        assert emulator.requests == []


async def test_async_fetch_token_asks_once_and_calls_no_api() -> None:
    with Emulator() as emulator:
        async with AsyncFlipkartClient(
            emulator.client_id, emulator.client_secret, **_options(emulator)
        ) as client:
            await client.fetch_token()
            status = await client.fetch_token()
        assert status.has_token
        assert len(emulator.token_requests) == 1
        assert emulator.requests == []
