"""Token values encrypted at rest (the crypto extra), with key rotation."""

from __future__ import annotations

from pathlib import Path

import pytest
from cryptography.fernet import Fernet

from flipkart_ext import (
    FileTokenStore,
    InvalidArgument,
    RedisTokenStore,
    Token,
    TokenKey,
    TokenStoreError,
)

KEY = TokenKey("sandbox", "app-1", "seller-1")
TOKEN = Token("AT-sealed-secretvalue", refresh_token="RT-sealed-secretvalue", generation=2)


def test_the_file_holds_no_token_and_reads_back_with_the_key(tmp_path: Path) -> None:
    key = Fernet.generate_key()
    store = FileTokenStore(tmp_path / "tokens.json", encryption_key=key)
    assert store.replace(KEY, TOKEN, expected=None)
    assert "secretvalue" not in (tmp_path / "tokens.json").read_text()
    assert store.load(KEY) == TOKEN
    # Without the key, the file is not mistaken for "no token".
    with pytest.raises(TokenStoreError, match="encryption_key"):
        FileTokenStore(tmp_path / "tokens.json").load(KEY)
    with pytest.raises(TokenStoreError, match="cannot be decrypted"):
        FileTokenStore(tmp_path / "tokens.json", encryption_key=Fernet.generate_key()).load(KEY)


def test_rotation_reads_old_records_and_writes_new_ones(tmp_path: Path) -> None:
    old, new = Fernet.generate_key(), Fernet.generate_key()
    FileTokenStore(tmp_path / "t.json", encryption_key=old).save(KEY, TOKEN)
    rotated = FileTokenStore(tmp_path / "t.json", encryption_key=[new, old])
    assert rotated.load(KEY) == TOKEN
    newer = Token("AT-3-secretvalue", refresh_token="RT-3-secretvalue", generation=3)
    assert rotated.replace(KEY, newer, expected=TOKEN)
    assert FileTokenStore(tmp_path / "t.json", encryption_key=new).load(KEY) == newer


def test_a_plain_file_is_read_and_encrypted_at_its_next_write(tmp_path: Path) -> None:
    FileTokenStore(tmp_path / "t.json").save(KEY, TOKEN)
    store = FileTokenStore(tmp_path / "t.json", encryption_key=Fernet.generate_key())
    assert store.load(KEY) == TOKEN
    store.save(KEY, TOKEN)
    assert "secretvalue" not in (tmp_path / "t.json").read_text()


def test_redis_holds_no_token(redis_url: str) -> None:
    key = Fernet.generate_key()
    store = RedisTokenStore(redis_url, encryption_key=key)
    assert store.replace(KEY, TOKEN, expected=None)
    raw = store.redis.hget(store.keys(KEY)[0], "token")
    assert raw is not None and b"secretvalue" not in raw
    assert store.load(KEY) == TOKEN
    # The custody rule still holds on encrypted records.
    assert not store.replace(KEY, Token("AT-old", generation=1), expected=TOKEN)
    assert "encrypted=True" in repr(store) and key.decode() not in repr(store)
    store.close()


@pytest.mark.parametrize("bad", ["", "not-a-key", b"short", []])
def test_a_bad_key_is_refused_at_construction(tmp_path: Path, bad: object) -> None:
    with pytest.raises(InvalidArgument, match="encryption_key"):
        FileTokenStore(tmp_path / "t.json", encryption_key=bad)
