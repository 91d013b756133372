"""Recorded-cassette tests: replayed in CI, re-recorded by `make record`.

Replay (the default, ``--record-mode=none``) needs no server: every request must be in
the cassette, or the test fails naming the request. Recording (``make record``, i.e.
``--record-mode=rewrite``) starts the local emulator, or, when
``FLIPKART_SANDBOX_CLIENT_ID`` and ``FLIPKART_SANDBOX_CLIENT_SECRET`` are set, talks to
Flipkart's real sandbox. Each cassette stores which of the two it came from.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from vcr.persisters.filesystem import FilesystemPersister

from flipkart_ext.testing import Emulator
from flipkart_ext.testing.cassettes import SecretScrubber, cassette_config

from ._target import Target

CASSETTE_DIR = Path(__file__).parent / "recorded"
# A fixed emulator clock makes re-recording reproduce the same dates, ids and cursors.
RECORDING_CLOCK = datetime(2026, 11, 20, 4, 30, tzinfo=UTC)
# A fixed port keeps recorded URLs and Host headers stable from one recording to the next.
RECORDING_PORT = int(os.environ.get("FLIPKART_RECORDING_PORT", "48080"))


def sandbox_credentials() -> tuple[str, str] | None:
    client_id = os.environ.get("FLIPKART_SANDBOX_CLIENT_ID")
    client_secret = os.environ.get("FLIPKART_SANDBOX_CLIENT_SECRET")
    return (client_id, client_secret) if client_id and client_secret else None


@pytest.fixture
def vcr_config() -> dict[str, Any]:
    return cassette_config(SecretScrubber())


@pytest.fixture
def vcr_cassette_dir(request: pytest.FixtureRequest) -> str:
    return str(CASSETTE_DIR / request.module.__name__.rsplit(".", 1)[-1])


@pytest.fixture
def target(vcr: Any, record_mode: str, request: pytest.FixtureRequest) -> Iterator[Target]:
    """Where this test's HTTP goes: the emulator or the sandbox when recording, nothing on replay."""
    if record_mode == "none":
        yield Target.replaying(vcr)
        # A request the client no longer makes (a lost refresh, a skipped page) fails too.
        unplayed = len(vcr.data) - vcr.play_count
        assert vcr.all_played, f"{unplayed} recorded interaction(s) were never requested"
        return
    credentials = sandbox_credentials()
    if credentials is not None:
        if request.node.get_closest_marker("emulator_only"):
            pytest.fail("this scenario needs the emulator; record it from the emulator")
        yield Target.from_sandbox(vcr, *credentials)
        return
    with Emulator(port=RECORDING_PORT, clock=lambda: RECORDING_CLOCK) as emulator:
        yield Target.from_emulator(vcr, emulator, RECORDING_CLOCK)


def pytest_recording_configure(config: pytest.Config, vcr: Any) -> None:
    # pytest-recording's CombinedPersister predates cassette metadata (where each cassette
    # says whether it came from the emulator or the sandbox); these tests use no extra paths.
    vcr.register_persister(FilesystemPersister)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    here = Path(__file__).parent
    for item in items:
        if here in Path(str(item.path)).parents:
            item.add_marker(pytest.mark.vcr)


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers",
        "emulator_only: needs the emulator (injected faults, or a setup the sandbox cannot make),"
        " so it is recorded from the emulator only",
    )
