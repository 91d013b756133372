"""The token stores pinned down: the file format, every message, temp files, moves aside.

Each test states one behaviour a caller (or a person reading the logs, or another version of
this package reading the same file) can observe. Expected values are written out here from
the documented format, never read back from the code under test.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import re
import stat
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from flipkart_ext import FileTokenStore, MemoryTokenStore, Token, TokenKey, TokenStoreError
from flipkart_ext import stores as stores_module

KEY = TokenKey("sandbox", "app-1", None)
SELLER = TokenKey("sandbox", "app-1", "seller-2")
TOKEN = Token(
    "AT-pinned-secretvalue",
    expires_at=1_700_003_600.0,
    refresh_token="RT-pinned-secretvalue",
    obtained_at=1_700_000_000.0,
    generation=3,
)


def _fields(token: Token) -> dict[str, object]:
    return {
        "access_token": token.access_token,
        "token_type": token.token_type,
        "expires_at": token.expires_at,
        "scope": token.scope,
        "refresh_token": token.refresh_token,
        "obtained_at": token.obtained_at,
        "refresh_token_expires_at": token.refresh_token_expires_at,
        "generation": token.generation,
        "refresh_sent_at": token.refresh_sent_at,
    }


def _document(tokens: dict[str, object], *, fmt: str = "flipkart_ext.tokens/1") -> str:
    """A token file as the documented format has it, its checksum worked out here."""
    canonical = json.dumps(tokens, sort_keys=True, separators=(",", ":"))
    digest = hashlib.sha256(canonical.encode()).hexdigest()
    return json.dumps({"format": fmt, "tokens": tokens, "sha256": digest}, sort_keys=True, indent=1)


def _warnings(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]


# -- the file format ------------------------------------------------------------------------


def test_the_key_inside_the_file_is_compact_json() -> None:
    assert KEY.as_string() == '["sandbox","app-1",null]'
    assert SELLER.as_string() == '["sandbox","app-1","seller-2"]'


def test_a_file_written_in_the_documented_format_is_read(tmp_path: Path) -> None:
    path = tmp_path / "tokens.json"
    path.write_text(_document({'["sandbox","app-1",null]': _fields(TOKEN)}))
    path.chmod(0o600)
    assert FileTokenStore(path).load(KEY) == TOKEN


def test_the_file_is_written_byte_for_byte_in_the_documented_format(tmp_path: Path) -> None:
    path = tmp_path / "tokens.json"
    FileTokenStore(path).save(KEY, TOKEN)
    assert path.read_text() == _document({'["sandbox","app-1",null]': _fields(TOKEN)})


def test_another_format_name_is_not_read_even_with_a_good_checksum(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path = tmp_path / "tokens.json"
    path.write_text(_document({KEY.as_string(): _fields(TOKEN)}, fmt="flipkart_ext.tokens/2"))
    path.chmod(0o600)
    with caplog.at_level(logging.WARNING, logger="flipkart_ext"):
        assert FileTokenStore(path).load(KEY) is None
    assert _warnings(caplog) == [
        f"token file {path} cannot be read (the token file failed its integrity check); no "
        "token is taken from it, and the next write moves it aside"
    ]


@pytest.mark.parametrize(
    "content",
    [
        "[1, 2]",
        json.dumps({"format": "flipkart_ext.tokens/1", "tokens": [], "sha256": ""}),
        json.dumps({"format": "flipkart_ext.tokens/1", "tokens": {}, "sha256": "0" * 64}),
    ],
    ids=["a-list", "tokens-not-an-object", "bad-checksum"],
)
def test_a_document_that_is_not_a_token_file_is_not_read(tmp_path: Path, content: str) -> None:
    path = tmp_path / "tokens.json"
    path.write_text(content)
    path.chmod(0o600)
    assert FileTokenStore(path).load(KEY) is None


def test_a_file_that_is_not_json_is_reported_with_the_decoder_reason(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path = tmp_path / "tokens.json"
    path.write_bytes(b'{"format": \xff}')
    path.chmod(0o600)
    with caplog.at_level(logging.WARNING, logger="flipkart_ext"):
        assert FileTokenStore(path).load(KEY) is None
    assert _warnings(caplog) == [
        f"token file {path} cannot be read (the token file: not UTF-8 (invalid start byte at "
        "byte 11)); no token is taken from it, and the next write moves it aside"
    ]


def test_a_file_larger_than_the_cap_is_not_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    path = tmp_path / "tokens.json"
    content = _document({KEY.as_string(): _fields(TOKEN)}).encode()
    path.write_bytes(content)
    path.chmod(0o600)
    store = FileTokenStore(path)
    monkeypatch.setattr(stores_module, "_MAX_FILE_BYTES", len(content))
    assert store.load(KEY) == TOKEN  # exactly at the cap: read whole
    monkeypatch.setattr(stores_module, "_MAX_FILE_BYTES", len(content) - 1)
    with caplog.at_level(logging.WARNING, logger="flipkart_ext"):
        assert store.load(KEY) is None
    size, cap = len(content), len(content) - 1
    assert _warnings(caplog) == [
        f"token file {path} cannot be read (the token file: {size:,} bytes is more than the "
        f"{cap:,} accepted); no token is taken from it, and the next write moves it aside"
    ]


def test_a_file_open_to_others_is_named_in_a_warning(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path = tmp_path / "tokens.json"
    store = FileTokenStore(path)
    store.save(KEY, TOKEN)
    with caplog.at_level(logging.WARNING, logger="flipkart_ext"):
        assert store.load(KEY) == TOKEN  # 0600: nothing to say
        assert _warnings(caplog) == []
        path.chmod(0o700)  # owner-only bits, the execute one included: nothing to say either
        assert store.load(KEY) == TOKEN
        assert _warnings(caplog) == []
        path.chmod(0o640)
        assert store.load(KEY) == TOKEN
    assert _warnings(caplog) == [
        f"token file {path} is readable by other users; it will be rewritten 0600"
    ]


def test_a_malformed_entry_is_ignored_with_a_warning_naming_the_file(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path = tmp_path / "tokens.json"
    path.write_text(_document({KEY.as_string(): {"access_token": ""}}))
    path.chmod(0o600)
    with caplog.at_level(logging.WARNING, logger="flipkart_ext"):
        assert FileTokenStore(path).load(KEY) is None
    assert _warnings(caplog) == [f"token file {path} holds a malformed entry; ignoring it"]


def test_an_entry_that_is_not_an_object_is_no_token(tmp_path: Path) -> None:
    path = tmp_path / "tokens.json"
    path.write_text(_document({KEY.as_string(): 42}))
    path.chmod(0o600)
    assert FileTokenStore(path).load(KEY) is None


# -- encrypted entries ----------------------------------------------------------------------


def test_the_repr_names_the_file_and_whether_it_is_encrypted(tmp_path: Path) -> None:
    from cryptography.fernet import Fernet

    path = tmp_path / "tokens.json"
    assert repr(FileTokenStore(path)) == f"FileTokenStore(path={str(path)!r})"
    sealed = FileTokenStore(path, encryption_key=Fernet.generate_key())
    assert repr(sealed) == f"FileTokenStore(path={str(path)!r}, encrypted)"


def test_an_encrypted_entry_that_is_not_json_is_a_store_error_naming_it(tmp_path: Path) -> None:
    from cryptography.fernet import Fernet

    key = Fernet.generate_key()
    path = tmp_path / "tokens.json"
    path.write_text(_document({KEY.as_string(): Fernet(key).encrypt(b"not json").decode()}))
    path.chmod(0o600)
    with pytest.raises(TokenStoreError) as caught:
        FileTokenStore(path, encryption_key=key).load(KEY)
    assert str(caught.value) == (
        "a token in the token file: not valid JSON (Expecting value at line 1 column 1)"
    )


def test_an_encrypted_entry_under_another_key_is_a_store_error_naming_the_file(
    tmp_path: Path,
) -> None:
    from cryptography.fernet import Fernet

    path = tmp_path / "tokens.json"
    FileTokenStore(path, encryption_key=Fernet.generate_key()).save(KEY, TOKEN)
    with pytest.raises(TokenStoreError, match=f"^a token in {re.escape(str(path))} cannot be"):
        FileTokenStore(path, encryption_key=Fernet.generate_key()).load(KEY)


# -- failures are typed and name what was being done ----------------------------------------


def test_every_os_error_names_what_was_being_done_and_the_file(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    path = blocker / "tokens.json"  # inside a file: every access fails with ENOTDIR
    store = FileTokenStore(path)
    reason = os.strerror(20)  # ENOTDIR
    with pytest.raises(TokenStoreError) as reading:
        store.load(KEY)
    assert str(reading.value) == f"reading the token file {path}: {reason}"
    for act in (
        lambda: store.save(KEY, TOKEN),
        lambda: store.replace(KEY, TOKEN, expected=None),
        lambda: store.delete(KEY),
    ):
        with pytest.raises(TokenStoreError) as writing:
            act()
        assert str(writing.value).startswith(f"writing the token file {path}: ")


# -- a file that cannot be read is moved aside by a writer, never by a reader ---------------


def _corrupt(path: Path) -> bytes:
    content = b'{"format": "flipkart_ext.tokens/1", "tokens": {"a seller": '
    path.write_bytes(content)
    path.chmod(0o600)
    return content


def test_a_reader_leaves_an_unreadable_file_where_it_is(tmp_path: Path) -> None:
    path = tmp_path / "tokens.json"
    content = _corrupt(path)
    assert FileTokenStore(path).load(KEY) is None
    assert path.read_bytes() == content
    assert sorted(p.name for p in tmp_path.iterdir()) == ["tokens.json"]


@pytest.mark.parametrize("write", ["save", "replace", "delete"])
def test_a_writer_moves_an_unreadable_file_aside_and_says_where(
    tmp_path: Path, caplog: pytest.LogCaptureFixture, write: str
) -> None:
    path = tmp_path / "tokens.json"
    content = _corrupt(path)
    store = FileTokenStore(path)
    before = time.strftime("%Y%m%dT%H%M%S")
    with caplog.at_level(logging.WARNING, logger="flipkart_ext"):
        if write == "save":
            store.save(KEY, TOKEN)
        elif write == "replace":
            assert store.replace(KEY, TOKEN, expected=None) is True
        else:
            store.delete(KEY)
    after = time.strftime("%Y%m%dT%H%M%S")
    aside = [p for p in tmp_path.iterdir() if p.name.startswith("tokens.json.corrupt-")]
    assert len(aside) == 1
    match = re.fullmatch(r"tokens\.json\.corrupt-(\d{8}T\d{6})-(\d+)", aside[0].name)
    assert match is not None, aside[0].name
    assert before <= match.group(1) <= after
    assert int(match.group(2)) == os.getpid()
    assert aside[0].read_bytes() == content
    reason = "the token file: not valid JSON (Expecting value at line 1 column 60)"
    assert _warnings(caplog) == [
        f"token file {path} cannot be read ({reason}); moved aside to {aside[0]} (its tokens "
        "can be recovered from there) and a new file started"
    ]


# -- replace and delete ---------------------------------------------------------------------


@pytest.mark.parametrize("make", ["memory", "file"])
def test_replace_keeps_the_custody_rule_against_what_is_stored(tmp_path: Path, make: str) -> None:
    store = MemoryTokenStore() if make == "memory" else FileTokenStore(tmp_path / "t.json")
    store.save(KEY, TOKEN)
    older = Token("AT-older", generation=2)
    same = Token("AT-same-generation", generation=3)
    newer = Token("AT-newer", generation=4)
    assert store.replace(KEY, older, expected=TOKEN) is False
    assert store.replace(KEY, same, expected=None) is False
    assert store.replace(KEY, same, expected=older) is False
    assert store.load(KEY) == TOKEN
    assert store.replace(KEY, same, expected=TOKEN) is True
    assert store.load(KEY) == same
    assert store.replace(KEY, newer, expected=None) is True
    assert store.load(KEY) == newer
    # another key's record does not count
    assert store.replace(SELLER, older, expected=None) is True
    assert store.load(KEY) == newer


@pytest.mark.parametrize("make", ["memory", "file"])
def test_deleting_a_key_that_is_not_stored_is_no_error(tmp_path: Path, make: str) -> None:
    store = MemoryTokenStore() if make == "memory" else FileTokenStore(tmp_path / "t.json")
    store.save(SELLER, TOKEN)
    store.delete(KEY)
    assert store.load(SELLER) == TOKEN
    store.delete(SELLER)
    assert store.load(SELLER) is None


# -- folders --------------------------------------------------------------------------------


def test_every_missing_folder_is_made_owner_only(tmp_path: Path) -> None:
    old = os.umask(0)
    try:
        FileTokenStore(tmp_path / "a" / "b" / "c" / "tokens.json").save(KEY, TOKEN)
    finally:
        os.umask(old)
    for folder in (tmp_path / "a", tmp_path / "a" / "b", tmp_path / "a" / "b" / "c"):
        assert stat.S_IMODE(folder.stat().st_mode) == 0o700, folder


def test_a_folder_another_process_made_meanwhile_is_left_as_it_is(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    raced = tmp_path / "a"
    real_mkdir = Path.mkdir

    def mkdir(self: Path, mode: int = 0o777, parents: bool = False, exist_ok: bool = False) -> None:
        if self == raced:
            real_mkdir(self, mode=0o755)
            raise FileExistsError(17, "File exists", str(self))
        real_mkdir(self, mode=mode, parents=parents, exist_ok=exist_ok)

    monkeypatch.setattr(Path, "mkdir", mkdir)
    store = FileTokenStore(raced / "b" / "tokens.json")
    store.save(KEY, TOKEN)
    assert store.load(KEY) == TOKEN
    assert stat.S_IMODE(raced.stat().st_mode) == 0o755  # its mode is its maker's
    assert stat.S_IMODE((raced / "b").stat().st_mode) == 0o700


# -- temporary files ------------------------------------------------------------------------


def _temp(folder: Path, pid: object, age: float = 0.0, thread: object = 1) -> Path:
    leftover = folder / f".tokens.json.{pid}.{thread}.tmp"
    leftover.write_text('{"tokens": "a leftover holding tokens"}')
    if age:
        then = time.time() - age
        os.utime(leftover, (then, then))
    return leftover


@pytest.fixture
def dead_pid() -> int:
    finished = subprocess.run([sys.executable, "-c", "pass"], check=True)
    del finished
    process = subprocess.Popen([sys.executable, "-c", "pass"])
    process.wait()
    return process.pid


@pytest.fixture
def live_pid() -> object:
    process = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    yield process
    process.kill()
    process.wait()


def test_a_dead_writers_temp_file_is_removed_at_the_next_write(
    tmp_path: Path, dead_pid: int
) -> None:
    leftover = _temp(tmp_path, dead_pid)
    FileTokenStore(tmp_path / "tokens.json").save(KEY, TOKEN)
    assert not leftover.exists()


def test_a_live_writers_fresh_temp_file_is_left_alone_and_the_writer_untouched(
    tmp_path: Path, live_pid: subprocess.Popen[bytes]
) -> None:
    leftover = _temp(tmp_path, live_pid.pid)
    FileTokenStore(tmp_path / "tokens.json").save(KEY, TOKEN)
    assert leftover.exists()
    assert live_pid.poll() is None  # asking whether it lives sends it no signal


def test_a_temp_file_older_than_ten_minutes_is_removed_whoever_wrote_it(
    tmp_path: Path, live_pid: subprocess.Popen[bytes]
) -> None:
    others = _temp(tmp_path, live_pid.pid, age=601)
    own = _temp(tmp_path, os.getpid(), age=601, thread=2)
    FileTokenStore(tmp_path / "tokens.json").save(KEY, TOKEN)
    assert not others.exists()
    assert not own.exists()


def test_this_process_keeps_its_own_fresh_temp_files(tmp_path: Path) -> None:
    # Another thread of this process may be writing it now.
    own = _temp(tmp_path, os.getpid(), thread=12345)
    FileTokenStore(tmp_path / "tokens.json").save(KEY, TOKEN)
    assert own.exists()


def test_ten_minutes_exactly_is_not_yet_old(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    own = _temp(tmp_path, os.getpid(), thread=12345)
    mtime = own.stat().st_mtime
    store = FileTokenStore(tmp_path / "tokens.json")
    monkeypatch.setattr(stores_module.time, "time", lambda: mtime + 600.0)
    store.save(KEY, TOKEN)
    assert own.exists()
    monkeypatch.setattr(stores_module.time, "time", lambda: mtime + 600.5)
    store.save(KEY, TOKEN)
    assert not own.exists()


@pytest.mark.parametrize("name", [".tokens.json.x.tmp", ".tokens.json.abc.1.tmp"])
def test_a_temp_file_whose_writer_cannot_be_told_is_removed(tmp_path: Path, name: str) -> None:
    leftover = tmp_path / name
    leftover.write_text("tokens")
    FileTokenStore(tmp_path / "tokens.json").save(KEY, TOKEN)
    assert not leftover.exists()


def test_a_temp_file_gone_before_it_is_looked_at_is_skipped(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, dead_pid: int
) -> None:
    vanishing = _temp(tmp_path, dead_pid, thread=1)
    kept = _temp(tmp_path, os.getpid(), thread=2)
    gone = _temp(tmp_path, dead_pid, thread=3)
    real_stat = Path.stat

    def stat_(self: Path, *, follow_symlinks: bool = True) -> os.stat_result:
        if self == vanishing:
            self.unlink()  # another writer cleaned it up first
        return real_stat(self, follow_symlinks=follow_symlinks)

    monkeypatch.setattr(Path, "stat", stat_)
    FileTokenStore(tmp_path / "tokens.json").save(KEY, TOKEN)
    assert kept.exists()
    assert not gone.exists()


def test_a_temp_file_removed_by_another_writer_meanwhile_is_no_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, dead_pid: int
) -> None:
    leftover = _temp(tmp_path, dead_pid)
    real_unlink = Path.unlink

    def unlink(self: Path, missing_ok: bool = False) -> None:
        if self == leftover:
            real_unlink(self)  # the other writer was first; ours finds nothing
        real_unlink(self, missing_ok=missing_ok)

    monkeypatch.setattr(Path, "unlink", unlink)
    store = FileTokenStore(tmp_path / "tokens.json")
    store.save(KEY, TOKEN)
    assert store.load(KEY) == TOKEN


def test_a_write_never_follows_a_link_planted_at_its_temp_name(tmp_path: Path) -> None:
    target = tmp_path / "elsewhere.txt"
    target.write_text("not yours")
    planted = tmp_path / f".tokens.json.{os.getpid()}.{threading.get_ident()}.tmp"
    planted.symlink_to(target)
    store = FileTokenStore(tmp_path / "tokens.json")
    with pytest.raises(TokenStoreError, match=r"^writing the token file "):
        store.save(KEY, TOKEN)
    assert target.read_text() == "not yours"


def test_a_failed_write_leaves_no_temp_file_even_if_it_was_already_gone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def replace(source: object, target: object) -> None:
        os.unlink(str(source))  # gone already when the writer cleans up
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(stores_module.os, "replace", replace)
    with pytest.raises(TokenStoreError, match=r"No space left on device$"):
        FileTokenStore(tmp_path / "tokens.json").save(KEY, TOKEN)
    assert [p.name for p in tmp_path.iterdir() if p.suffix == ".tmp"] == []


# -- the rename -----------------------------------------------------------------------------


def test_a_refused_rename_is_tried_again_every_20_ms_up_to_the_limit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[object] = []
    naps: list[float] = []

    def replace(source: object, target: object) -> None:
        calls.append(source)
        raise PermissionError(13, "in use")

    monkeypatch.setattr(stores_module.os, "replace", replace)
    monkeypatch.setattr(stores_module.time, "sleep", naps.append)
    monkeypatch.setattr(stores_module, "_REPLACE_ATTEMPTS", 3)
    with pytest.raises(TokenStoreError, match=r"in use$"):
        FileTokenStore(tmp_path / "tokens.json").save(KEY, TOKEN)
    assert len(calls) == 3
    assert naps == [0.02, 0.02]


def test_on_posix_a_refused_rename_is_not_tried_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[object] = []

    def replace(source: object, target: object) -> None:
        calls.append(source)
        raise PermissionError(13, "in use")

    monkeypatch.setattr(stores_module.os, "replace", replace)
    with pytest.raises(TokenStoreError, match=r"in use$"):
        FileTokenStore(tmp_path / "tokens.json").save(KEY, TOKEN)
    assert len(calls) == 1


def test_a_writer_this_user_may_not_signal_is_alive_and_its_temp_file_kept(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # kill(pid, 0) answers EPERM for another user's live process.
    asked: list[tuple[int, int]] = []

    def kill(pid: int, signal: int) -> None:
        asked.append((pid, signal))
        raise PermissionError(1, "Operation not permitted")

    leftover = _temp(tmp_path, 4_000_000)
    monkeypatch.setattr(stores_module.os, "kill", kill)
    FileTokenStore(tmp_path / "tokens.json").save(KEY, TOKEN)
    assert leftover.exists()
    assert asked == [(4_000_000, 0)]


# -- telling async stores apart -------------------------------------------------------------


class _AsyncStore:
    async def load(self, key: TokenKey) -> Token | None:
        return None


class _LoadAttribute:
    load = None


@pytest.mark.parametrize(
    ("store", "expected"),
    [
        (_AsyncStore(), True),
        (MemoryTokenStore(), False),
        (object(), False),
        (_LoadAttribute(), False),
    ],
)
def test_a_store_is_async_when_its_load_is_a_coroutine_function(
    store: object, expected: bool
) -> None:
    assert stores_module.is_async_store(store) is expected
