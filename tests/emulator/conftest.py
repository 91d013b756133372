from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime

import httpx
import pytest

from flipkart_ext.testing import Emulator
from flipkart_ext.testing._state import IST

# A fixed data clock: generated dates do not depend on when the tests run.
FIXED_NOW = datetime(2024, 3, 1, 10, 0, tzinfo=IST)


class SleepRecorder:
    """Stands in for the emulator's sleep: records each injected delay, waits for none."""

    def __init__(self) -> None:
        self.calls: list[float] = []

    def __call__(self, seconds: float) -> None:
        self.calls.append(seconds)


@pytest.fixture
def sleeps() -> SleepRecorder:
    return SleepRecorder()


@pytest.fixture
def emu(sleeps: SleepRecorder) -> Iterator[Emulator]:
    with Emulator(expires_in=3600, clock=lambda: FIXED_NOW, sleep=sleeps) as emulator:
        yield emulator


def fetch_token(emu: Emulator, **params: str) -> httpx.Response:
    query = {"grant_type": "client_credentials", "scope": "Seller_Api", **params}
    with httpx.Client() as client:
        return client.get(
            f"{emu.oauth_base_url}/oauth/token",
            params=query,
            auth=(emu.client_id, emu.client_secret),
        )


@pytest.fixture
def token(emu: Emulator) -> str:
    response = fetch_token(emu)
    assert response.status_code == 200
    value: str = response.json()["access_token"]
    return value


@pytest.fixture
def api(emu: Emulator, token: str) -> Iterator[httpx.Client]:
    """A plain httpx client on the API base with a valid bearer token."""
    with httpx.Client(
        base_url=emu.api_base_url, headers={"Authorization": f"Bearer {token}"}
    ) as client:
        yield client


@pytest.fixture
def oauth(emu: Emulator) -> Iterator[httpx.Client]:
    """A plain httpx client on the OAuth base, authenticated as the emulator's app."""
    with httpx.Client(
        base_url=emu.oauth_base_url, auth=(emu.client_id, emu.client_secret)
    ) as client:
        yield client
