"""``flipkart token status``: environment, expiry and time left; never the token."""

from __future__ import annotations

import json
import re
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from flipkart_ext import FileTokenStore, Token, TokenKey, TokenStatus
from flipkart_ext.cli import EXIT_AUTH
from flipkart_ext.cli._text import describe_duration, describe_token
from flipkart_ext.testing import Emulator

from .conftest import Cli


def _environment_key(env: Emulator) -> str:
    """How the client names this environment in its token keys (its full base URLs)."""
    from flipkart_ext._core.environments import resolve_environment

    return resolve_environment(
        "sandbox", api_base_url=env.api_base_url, oauth_base_url=env.oauth_base_url
    ).key


def _stored_access_tokens(token_file: Path) -> list[str]:
    document = json.loads(token_file.read_text())
    return [entry["access_token"] for entry in document["tokens"].values()]


def _fields(text: str) -> dict[str, str]:
    return dict(re.split(r":\s+", line, maxsplit=1) for line in text.splitlines())


def test_status_after_a_command_shows_expiry_and_never_the_token(
    cli: Cli, env: Emulator, token_file: Path
) -> None:
    env.create_test_orders(1)
    assert cli("shipments", "search").code == 0
    (token,) = _stored_access_tokens(token_file)

    run = cli("token", "status")

    assert run.code == 0, run.err
    fields = _fields(run.out)
    assert fields["environment"] == f"custom:{env.url}"
    assert fields["API"] == env.api_base_url
    assert fields["token"] == "present"
    expires = datetime.strptime(fields["expires"], "%Y-%m-%d %H:%M:%S UTC").replace(tzinfo=UTC)
    # The emulator issues 60-day tokens, like Flipkart.
    assert abs(expires - (datetime.now(UTC) + timedelta(days=60))) < timedelta(minutes=1)
    assert fields["time left"] == "59 days 23 hours"
    assert token not in run.out + run.err
    assert env.client_secret not in run.out + run.err
    assert len(env.token_requests) == 1  # status itself asked for nothing


def test_status_without_a_stored_token_says_how_to_get_one(cli: Cli, env: Emulator) -> None:
    run = cli("token", "status")

    assert run.code == 0
    assert _fields(run.out)["token"] == "none stored"
    assert "expires" not in run.out
    assert "FLIPKART_TOKEN_FILE" in run.err and "--fetch" in run.err
    assert env.token_requests == []


def test_fetch_obtains_a_token_without_calling_the_api(
    cli: Cli, env: Emulator, token_file: Path
) -> None:
    run = cli("token", "status", "--fetch")

    assert run.code == 0, run.err
    assert _fields(run.out)["time left"] == "59 days 23 hours"
    assert [r.grant_type for r in env.token_requests] == ["client_credentials"]
    assert env.requests == []  # the probe request was never sent
    (token,) = _stored_access_tokens(token_file)
    assert token not in run.out + run.err


def test_fetch_reuses_a_fresh_stored_token(cli: Cli, env: Emulator) -> None:
    cli("token", "status", "--fetch")
    run = cli("token", "status", "--fetch")

    assert run.code == 0
    assert len(env.token_requests) == 1


def test_fetch_with_rejected_credentials_exits_4(
    cli: Cli, env: Emulator, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FLIPKART_CLIENT_SECRET", "wrong-secret")

    run = cli("token", "status", "--fetch")

    assert run.code == EXIT_AUTH
    assert len(run.err_lines) == 1 and "wrong-secret" not in run.err


def test_status_of_an_expired_stored_token(cli: Cli, env: Emulator, token_file: Path) -> None:
    store = FileTokenStore(token_file)
    expired_at = time.time() - 3600
    store.save(
        TokenKey(_environment_key(env), env.client_id),
        Token(access_token="old-access-token-value", expires_at=expired_at, refresh_token="r-1"),
    )

    run = cli("token", "status")

    assert run.code == 0
    fields = _fields(run.out)
    assert fields["token"] == "present (refresh token held)"
    assert fields["time left"] == "expired 1 hour ago"
    assert "old-access-token-value" not in run.out + run.err
    assert "r-1" not in run.out


@pytest.mark.parametrize(
    ("seconds", "text"),
    [
        (0, "0 seconds"),
        (59.9, "59 seconds"),
        (61, "1 minute 1 second"),
        (3600, "1 hour"),
        (3600 * 5 + 30, "5 hours"),
        (86_400 + 3_600 + 61, "1 day 1 hour"),
        (5_184_000 - 1, "59 days 23 hours"),
        (-5, "0 seconds"),
    ],
)
def test_describe_duration(seconds: float, text: str) -> None:
    assert describe_duration(seconds) == text


def test_describe_token_covers_every_state() -> None:
    at = datetime(2025, 7, 1, 9, 30, tzinfo=UTC)
    fresh = TokenStatus("sandbox", True, at, 7200.0, True)
    expired = TokenStatus("production", True, at, -90.0, False)
    unknown = TokenStatus("sandbox", True, None, None, False)
    missing = TokenStatus("sandbox", False, None, None, False)

    assert describe_token(fresh) == (
        "environment sandbox; expires 2025-07-01 09:30 UTC (in 2 hours); refresh token held"
    )
    assert describe_token(expired) == (
        "environment production; expired 2025-07-01 09:30 UTC (1 minute 30 seconds ago)"
    )
    assert describe_token(unknown) == "environment sandbox; expiry unknown"
    assert describe_token(missing) == "environment sandbox; no token yet"


def test_status_shows_when_the_refresh_token_expires(
    cli: Cli, env: Emulator, token_file: Path
) -> None:
    store = FileTokenStore(token_file)
    now = time.time()
    store.save(
        TokenKey(_environment_key(env), env.client_id),
        Token(
            access_token="access-token-value-1",
            expires_at=now + 86_400 * 10,
            refresh_token="refresh-token-value-1",
            refresh_token_expires_at=now + 86_400 * 120 + 30,
        ),
    )

    run = cli("token", "status")

    assert run.code == 0
    fields = _fields(run.out)
    expires = datetime.strptime(fields["refresh expires"], "%Y-%m-%d %H:%M:%S UTC")
    expected = datetime.fromtimestamp(now + 86_400 * 120 + 30, tz=UTC)
    assert abs(expires.replace(tzinfo=UTC) - expected) < timedelta(seconds=2)
    assert fields["refresh time left"] == "120 days"
    assert "refresh-token-value-1" not in run.out + run.err


def test_status_says_when_the_refresh_token_expiry_is_unknown(
    cli: Cli, env: Emulator, token_file: Path
) -> None:
    FileTokenStore(token_file).save(
        TokenKey(_environment_key(env), env.client_id),
        Token(access_token="access-token-value-2", refresh_token="refresh-token-value-2"),
    )

    fields = _fields(cli("token", "status").out)

    assert fields["refresh expires"] == "unknown"
    assert "refresh time left" not in fields


def test_describe_token_names_the_refresh_token_expiry() -> None:
    at = datetime(2025, 7, 1, 9, 30, tzinfo=UTC)
    later = datetime(2025, 12, 28, 9, 30, tzinfo=UTC)
    held = TokenStatus("sandbox", True, at, 7200.0, True, later, 86_400.0 * 180)
    spent = TokenStatus("sandbox", True, at, -5.0, True, at, -5.0)

    assert describe_token(held).endswith("; refresh token held (until 2025-12-28 09:30 UTC)")
    assert describe_token(spent).endswith("; refresh token held (expired 2025-07-01 09:30 UTC)")
