"""Stores and budgets that cannot be used raise typed errors: ``TokenStoreError`` for a token
store (a path that is a directory, inside a file, looping, too long, with a NUL byte; a file
whose content is not a token file; Redis out of reach) and ``RateBudgetError`` for a rate
budget out of reach. Never an ``OSError``, ``ValueError`` or a redis exception.

Issue 19 item 3. A token file whose content is unreadable may also be ignored (the store
then fetches a fresh token and rewrites it): that is documented; raising anything untyped
is not.
"""

from __future__ import annotations

import asyncio
import os
from pathlib import Path
from typing import Any

import pytest

from flipkart_ext import (
    AsyncRedisTokenStore,
    FileTokenStore,
    FlipkartError,
    RateBudgetError,
    RateLimit,
    RedisRateBudget,
    RedisTokenStore,
    TokenStoreError,
)

from ._support import App, async_client, json_answer, sync_client

UNREACHABLE = "redis://127.0.0.1:1/0"  # nothing listens on port 1


def _directory(tmp: Path) -> Path:
    return tmp


def _inside_a_file(tmp: Path) -> Path:
    (tmp / "plain").write_text("x")
    return tmp / "plain" / "tokens.json"


def _loop(tmp: Path) -> Path:
    (tmp / "a").symlink_to(tmp / "b")
    (tmp / "b").symlink_to(tmp / "a")
    return tmp / "a"


def _long(tmp: Path) -> Path:
    return tmp / ("x" * 5000)


def _nul(tmp: Path) -> str:
    return str(tmp / "tok\x00ens.json")


def _lock_is_a_directory(tmp: Path) -> Path:
    (tmp / "tokens.json.lock").mkdir()
    return tmp / "tokens.json"


UNUSABLE = {
    "directory": _directory,
    "inside-a-file": _inside_a_file,
    "symlink-loop": _loop,
    "name-too-long": _long,
    "nul-byte": _nul,
    "lock-is-a-directory": _lock_is_a_directory,
}


@pytest.mark.parametrize("where", list(UNUSABLE))
def test_an_unusable_token_file_path_raises_token_store_error(where: str, tmp_path: Path) -> None:
    path = UNUSABLE[where](tmp_path)
    app = App()
    try:
        store = FileTokenStore(path)
    except FlipkartError:
        return  # refused at construction: typed, and before any request
    with sync_client(app, token_store=store) as client, pytest.raises(Exception) as raised:
        client.fetch_token()
    assert isinstance(raised.value, TokenStoreError), (
        f"{type(raised.value).__name__}: {raised.value}"
    )


CONTENTS = {
    "invalid-utf8": b"\xff\xfe\x00garbage",
    "deep": b"[" * 100_000 + b"]" * 100_000,
    "nan": b'{"a": NaN}',
    "5000-digits": b'{"a": ' + b"9" * 5000 + b"}",
    "a-list": b"[1, 2, 3]",
    "wrong-types": b'{"tokens": {"k": {"access_token": 5, "expires_at": "soon"}}, "version": "x"}',
    "empty": b"",
}


@pytest.mark.parametrize("content", list(CONTENTS))
def test_a_token_file_that_is_not_a_token_file_is_typed_or_ignored(
    content: str, tmp_path: Path
) -> None:
    path = tmp_path / "tokens.json"
    path.write_bytes(CONTENTS[content])
    os.chmod(path, 0o600)
    with sync_client(App(), token_store=FileTokenStore(path)) as client:
        try:
            status = client.fetch_token()
        except TokenStoreError:
            return
        assert status.has_token


def test_an_unreachable_redis_token_store_raises_token_store_error() -> None:
    with (
        sync_client(App(), token_store=RedisTokenStore(UNREACHABLE)) as client,
        pytest.raises(Exception) as raised,
    ):
        client.fetch_token()
    assert isinstance(raised.value, TokenStoreError), (
        f"{type(raised.value).__name__}: {raised.value}"
    )


def test_an_unreachable_async_redis_token_store_raises_token_store_error() -> None:
    async def main() -> None:
        async with async_client(App(), token_store=AsyncRedisTokenStore(UNREACHABLE)) as client:
            await client.fetch_token()

    with pytest.raises(Exception) as raised:
        asyncio.run(main())
    assert isinstance(raised.value, TokenStoreError), (
        f"{type(raised.value).__name__}: {raised.value}"
    )


def test_an_unreachable_redis_rate_budget_raises_rate_budget_error() -> None:
    budget = RedisRateBudget(UNREACHABLE, RateLimit(5))
    app = App(lambda request: json_answer({"shipments": []}))
    with (
        sync_client(app, access_token="AT-0", rate_budget=budget) as client,
        pytest.raises(Exception) as raised,
    ):
        client.shipments.get(shipment_ids=["SH-1"])
    assert isinstance(raised.value, RateBudgetError), (
        f"{type(raised.value).__name__}: {raised.value}"
    )
    assert app.requests == []


@pytest.mark.parametrize("connection", ["not a url", "http://127.0.0.1:1", "", 5])
def test_a_redis_connection_that_is_not_one_is_refused_typed(connection: Any) -> None:
    try:
        RedisTokenStore(connection)
    except FlipkartError:
        return
    except Exception as error:
        raise AssertionError(f"{type(error).__name__}: {error}") from error
