"""Shared by the examples: your account when credentials are set, else a local emulator.

With ``FLIPKART_CLIENT_ID`` and ``FLIPKART_CLIENT_SECRET`` in the environment the
examples talk to Flipkart (``FLIPKART_ENV`` picks sandbox or production) and only
read data. Without them they start :class:`flipkart_ext.testing.Emulator` on
loopback, fill it with test orders (``seed``) and run against that.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import sys
from collections.abc import AsyncIterator, Callable, Iterator
from typing import Any

from flipkart_ext import AsyncFlipkartClient, Environment, FlipkartClient
from flipkart_ext.testing import Emulator

__all__ = ["IST", "async_example_client", "example_client", "using_emulator"]

IST = dt.timezone(dt.timedelta(hours=5, minutes=30), "IST")
"""Flipkart's dates are Indian Standard Time."""

Seed = Callable[[Emulator], object]


def using_emulator() -> bool:
    """True when no credentials are configured, so the examples use the emulator."""
    return not os.environ.get("FLIPKART_CLIENT_ID", "").strip()


@contextlib.contextmanager
def _emulator(seed: Seed | None, emulator_options: dict[str, Any]) -> Iterator[Emulator]:
    with Emulator(**emulator_options) as emulator:
        if seed is not None:
            seed(emulator)
        print(f"(no FLIPKART_CLIENT_ID: using a local emulator at {emulator.url})", file=sys.stderr)
        yield emulator


def _emulator_environment(emulator: Emulator) -> Environment:
    return Environment.custom(emulator.api_base_url, emulator.oauth_base_url, name="emulator")


@contextlib.contextmanager
def example_client(seed: Seed | None = None, **emulator_options: Any) -> Iterator[FlipkartClient]:
    """A :class:`FlipkartClient` for your account, or for a seeded emulator."""
    if not using_emulator():
        with FlipkartClient.from_env() as client:
            yield client
        return
    with _emulator(seed, emulator_options) as emulator:
        environment = _emulator_environment(emulator)
        with FlipkartClient(
            emulator.client_id, emulator.client_secret, environment=environment
        ) as client:
            yield client


@contextlib.asynccontextmanager
async def async_example_client(
    seed: Seed | None = None, **emulator_options: Any
) -> AsyncIterator[AsyncFlipkartClient]:
    """The async twin of :func:`example_client`."""
    if not using_emulator():
        async with AsyncFlipkartClient.from_env() as client:
            yield client
        return
    with _emulator(seed, emulator_options) as emulator:
        environment = _emulator_environment(emulator)
        async with AsyncFlipkartClient(
            emulator.client_id, emulator.client_secret, environment=environment
        ) as client:
            yield client
