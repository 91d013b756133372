"""Clients bound to a running emulator, for resource tests (returns, listings)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from typing import Any

from flipkart_ext import AsyncFlipkartClient, FlipkartClient, RetryPolicy
from flipkart_ext.testing import Emulator
from flipkart_ext.testing._state import IST

FIXED_NOW = datetime(2024, 3, 1, 10, 0, tzinfo=IST)


async def _no_wait(seconds: float) -> None:
    return None


def options(emu: Emulator) -> dict[str, Any]:
    return {
        "api_base_url": emu.api_base_url,
        "oauth_base_url": emu.oauth_base_url,
        "retry": RetryPolicy(sleep=lambda seconds: None, async_sleep=_no_wait),
    }


@contextmanager
def emulator() -> Iterator[Emulator]:
    with Emulator(clock=lambda: FIXED_NOW, sleep=lambda seconds: None, seed=7) as emu:
        yield emu


def sync_client(emu: Emulator) -> FlipkartClient:
    return FlipkartClient(emu.client_id, emu.client_secret, **options(emu))


def async_client(emu: Emulator) -> AsyncFlipkartClient:
    return AsyncFlipkartClient(emu.client_id, emu.client_secret, **options(emu))
