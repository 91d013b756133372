"""The one object a cassette scenario talks to, whether recording or replaying."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from typing import Any

from flipkart_ext import AsyncFlipkartClient, FlipkartClient, RetryPolicy
from flipkart_ext.testing import Emulator

SANDBOX_API = "https://sandbox-api.flipkart.net/sellers"
SANDBOX_OAUTH = "https://sandbox-api.flipkart.net/oauth-service"
# Never contacted: on replay vcrpy answers every request from the cassette.
REPLAY_API = "http://127.0.0.1:9/sellers"
REPLAY_OAUTH = "http://127.0.0.1:9/oauth-service"
REPLAY_CLIENT_SECRET = "replay-not-a-secret"
IST = timezone(timedelta(hours=5, minutes=30))


@dataclass
class Target:
    source: str
    """``"emulator"`` or ``"sandbox"``: where the cassette was (or is being) recorded."""
    api_base_url: str
    oauth_base_url: str
    client_id: str
    client_secret: str
    cassette: Any
    emulator: Emulator | None = None
    sleeps: list[float] = field(default_factory=list)
    clock: datetime | None = None
    """The emulator's fixed clock while recording from it."""

    @classmethod
    def from_emulator(cls, cassette: Any, emulator: Emulator, clock: datetime) -> Target:
        cassette.get_metadata("recorded_from", "emulator")
        cassette.get_metadata("client_id", emulator.client_id)
        return cls(
            "emulator",
            emulator.api_base_url,
            emulator.oauth_base_url,
            emulator.client_id,
            emulator.client_secret,
            cassette,
            emulator,
            clock=clock,
        )

    @classmethod
    def from_sandbox(cls, cassette: Any, client_id: str, client_secret: str) -> Target:
        cassette.get_metadata("recorded_from", "sandbox")
        # The application id is public (it appears in every authorize URL); the secret is not stored.
        cassette.get_metadata("client_id", client_id)
        return cls("sandbox", SANDBOX_API, SANDBOX_OAUTH, client_id, client_secret, cassette)

    @classmethod
    def replaying(cls, cassette: Any) -> Target:
        source = cassette.get_metadata("recorded_from", None)
        client_id = cassette.get_metadata("client_id", None)
        return cls(source, REPLAY_API, REPLAY_OAUTH, client_id, REPLAY_CLIENT_SECRET, cassette)

    @property
    def recording(self) -> bool:
        return not self.cassette.write_protected

    def remember(self, key: str, value_when_recording: Any) -> Any:
        """A value fixed at recording time (e.g. a listing id), read back from the cassette on replay."""
        return self.cassette.get_metadata(key, value_when_recording)

    def now(self) -> datetime:
        """The recording's present, in IST: the emulator's fixed clock, or the sandbox's real
        time; replay reads it back from the cassette, so request bodies with dates match."""
        recorded = None
        if self.recording:
            recorded = (self.clock or datetime.now(IST)).astimezone(IST).replace(microsecond=0)
            recorded = recorded.isoformat()
        return datetime.fromisoformat(self.remember("now", recorded))

    def retry_policy(self) -> RetryPolicy:
        # Waits are recorded, not slept: replay stays fast and the waits can be asserted.
        return RetryPolicy(sleep=self.sleeps.append)

    def client(self, **options: Any) -> FlipkartClient:
        options.setdefault("retry", self.retry_policy())
        return FlipkartClient(
            self.client_id,
            self.client_secret,
            api_base_url=self.api_base_url,
            oauth_base_url=self.oauth_base_url,
            **options,
        )

    def async_client(self, **options: Any) -> AsyncFlipkartClient:
        async def no_wait(seconds: float) -> None:
            self.sleeps.append(seconds)

        options.setdefault("retry", RetryPolicy(sleep=self.sleeps.append, async_sleep=no_wait))
        return AsyncFlipkartClient(
            self.client_id,
            self.client_secret,
            api_base_url=self.api_base_url,
            oauth_base_url=self.oauth_base_url,
            **options,
        )

    def listing_id(self) -> str:
        """A listing the seller owns, to create test orders for."""
        recorded = None
        if self.recording:
            if self.emulator is not None:
                recorded = next(iter(self.emulator.listing_ids.values()))
            else:
                recorded = os.environ["FLIPKART_SANDBOX_LISTING_ID"]
        listing: str = self.remember("listing_id", recorded)
        return listing

    @property
    def faults(self) -> Any:
        """The emulator's fault plan while recording; on replay the cassette already holds the faults."""
        if self.emulator is not None:
            return self.emulator.faults
        return _NoFaults()

    def expire_tokens(self) -> None:
        if self.emulator is not None:
            self.emulator.expire_tokens()


class _NoFaults:
    def __getattr__(self, name: str) -> Any:
        return lambda *args, **kwargs: None
