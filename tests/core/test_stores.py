"""Token stores: memory, and a file shared safely between processes."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
import textwrap
import threading
from pathlib import Path

import pytest

from flipkart_ext import (
    FileTokenStore,
    MemoryTokenStore,
    Token,
    TokenKey,
    TokenStore,
    TokenStoreError,
)

KEY = TokenKey("sandbox", "app-1", None)
OTHER = TokenKey("sandbox", "app-1", "seller-2")
TOKEN = Token(
    "AT-file-secretvalue",
    expires_at=1_700_003_600.0,
    scope="Seller_Api",
    refresh_token="RT-file-secretvalue",
    obtained_at=1_700_000_000.0,
)


@pytest.mark.parametrize("make", [MemoryTokenStore, lambda: FileTokenStore("unused")])
def test_stores_satisfy_the_protocol(make: object) -> None:
    assert isinstance(make(), TokenStore)  # type: ignore[operator]


def test_memory_store_is_keyed_by_environment_client_and_seller() -> None:
    store = MemoryTokenStore()
    store.save(KEY, TOKEN)
    assert store.load(KEY) == TOKEN
    assert store.load(OTHER) is None
    assert store.load(TokenKey("production", "app-1", None)) is None
    store.delete(KEY)
    assert store.load(KEY) is None


def test_memory_store_lock_excludes_other_threads() -> None:
    store = MemoryTokenStore()
    acquired = threading.Event()

    def take() -> None:
        with store.lock(KEY):
            acquired.set()

    with store.lock(KEY):
        thread = threading.Thread(target=take)
        thread.start()
        # The other thread cannot take the lock while we hold it.
        assert not acquired.wait(timeout=0.05)
    thread.join(timeout=5)
    assert acquired.is_set()


def test_file_store_round_trip_and_keys(tmp_path: Path) -> None:
    store = FileTokenStore(tmp_path / "tokens.json")
    assert store.load(KEY) is None
    with store.lock(KEY):
        store.save(KEY, TOKEN)
        store.save(OTHER, Token("AT-other-secretvalue"))
    assert store.load(KEY) == TOKEN
    assert store.load(OTHER) == Token("AT-other-secretvalue")
    # A second instance (as in another process) sees the same tokens.
    assert FileTokenStore(tmp_path / "tokens.json").load(KEY) == TOKEN
    with store.lock(KEY):
        store.delete(OTHER)
    assert store.load(OTHER) is None and store.load(KEY) == TOKEN


def test_file_store_permissions_are_0600(tmp_path: Path) -> None:
    old_umask = os.umask(0o000)  # even with a permissive umask
    try:
        store = FileTokenStore(tmp_path / "sub" / "tokens.json")
        with store.lock(KEY):
            store.save(KEY, TOKEN)
    finally:
        os.umask(old_umask)
    assert stat.S_IMODE((tmp_path / "sub" / "tokens.json").stat().st_mode) == 0o600
    assert stat.S_IMODE((tmp_path / "sub" / "tokens.json.lock").stat().st_mode) == 0o600
    assert stat.S_IMODE((tmp_path / "sub").stat().st_mode) == 0o700


def test_file_store_rewrites_a_too_open_file_as_0600(tmp_path: Path) -> None:
    path = tmp_path / "tokens.json"
    path.write_text("{}")
    path.chmod(0o644)
    store = FileTokenStore(path)
    with store.lock(KEY):
        store.save(KEY, TOKEN)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_a_truncated_file_is_never_read_as_a_token(tmp_path: Path) -> None:
    path = tmp_path / "tokens.json"
    store = FileTokenStore(path)
    with store.lock(KEY):
        store.save(KEY, TOKEN)
    full = path.read_bytes()
    for cut in range(len(full) - 1):  # every proper prefix (the last byte is a newline or brace)
        path.write_bytes(full[:cut])
        assert store.load(KEY) is None, f"prefix of {cut} bytes was read as a token"
    path.write_bytes(full)
    assert store.load(KEY) == TOKEN


def test_a_tampered_or_foreign_file_is_not_read(tmp_path: Path) -> None:
    path = tmp_path / "tokens.json"
    store = FileTokenStore(path)
    with store.lock(KEY):
        store.save(KEY, TOKEN)
    document = json.loads(path.read_text())
    document["tokens"][KEY.as_string()]["access_token"] = "AT-forged"
    path.write_text(json.dumps(document))
    assert store.load(KEY) is None
    path.write_text(json.dumps({KEY.as_string(): TOKEN.to_dict()}))  # valid JSON, wrong format
    assert store.load(KEY) is None


def test_a_crash_during_write_leaves_the_previous_file_intact(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "tokens.json"
    store = FileTokenStore(path)
    with store.lock(KEY):
        store.save(KEY, TOKEN)

    def crash(*_: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", crash)
    # A store failure is typed (the client keeps the token and saves it later).
    with store.lock(KEY), pytest.raises(TokenStoreError, match="disk full"):
        store.save(KEY, Token("AT-new-secretvalue"))
    monkeypatch.undo()
    assert store.load(KEY) == TOKEN
    assert sorted(p.name for p in tmp_path.iterdir()) == ["tokens.json", "tokens.json.lock"]


def test_file_store_repr_shows_no_token(tmp_path: Path) -> None:
    store = FileTokenStore(tmp_path / "tokens.json")
    with store.lock(KEY):
        store.save(KEY, TOKEN)
    assert "secretvalue" not in repr(store)
    assert "secretvalue" not in repr(MemoryTokenStore())


_WORKER = textwrap.dedent(
    """
    import os, sys, time
    import httpx
    from flipkart_ext import FlipkartClient
    from flipkart_ext.stores import FileTokenStore
    from flipkart_seller_api.api.shipment_v3 import get_shipment_details

    workdir, name = sys.argv[1], sys.argv[2]
    fetch_log = os.path.join(workdir, "fetches.log")

    def both_started():
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            if len([n for n in os.listdir(workdir) if n.startswith("started-")]) == 2:
                return
            time.sleep(0.01)
        raise SystemExit("the other process never started")

    def handler(request):
        if request.url.path.endswith("/oauth/token"):
            # Hold the fetch until the other process is calling too: without a
            # cross-process lock both would fetch.
            both_started()
            with open(fetch_log, "a") as fh:
                fh.write(name + "\\n")
            return httpx.Response(200, json={"access_token": "AT-" + name, "expires_in": 3600})
        return httpx.Response(200, json={"shipments": [], "seen": request.headers["authorization"]})

    client = FlipkartClient(
        "app-1", "csecret-value", token_store=FileTokenStore(os.path.join(workdir, "tokens.json")),
        transport=httpx.MockTransport(handler),
    )
    open(os.path.join(workdir, "started-" + name), "w").close()
    response = client.http.get("/v3/shipments/S1")
    print(response.json()["seen"])
    """
)


def test_two_processes_sharing_a_file_store_fetch_one_token(tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    processes = [
        subprocess.Popen(
            [sys.executable, "-c", _WORKER, str(tmp_path), name],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
        )
        for name in ("one", "two")
    ]
    outputs = [p.communicate(timeout=60) for p in processes]
    for process, (_, err) in zip(processes, outputs, strict=True):
        assert process.returncode == 0, err
    fetches = (tmp_path / "fetches.log").read_text().split()
    assert len(fetches) == 1
    # Both processes used the single token that was fetched.
    assert {out.strip() for out, _ in outputs} == {f"Bearer AT-{fetches[0]}"}
    assert stat.S_IMODE((tmp_path / "tokens.json").stat().st_mode) == 0o600


def test_file_store_lock_excludes_other_threads_of_the_process(tmp_path: Path) -> None:
    store = FileTokenStore(tmp_path / "tokens.json")
    key = TokenKey("sandbox", "app")
    inside = threading.Event()
    release = threading.Event()
    second_entered = threading.Event()

    def first() -> None:
        with store.lock(key):
            inside.set()
            release.wait(10)

    def second() -> None:
        inside.wait(10)
        with store.lock(key):
            second_entered.set()

    threads = [threading.Thread(target=first), threading.Thread(target=second)]
    for thread in threads:
        thread.start()
    assert inside.wait(10)
    assert not second_entered.wait(0.3)  # held by the first thread's lock
    release.set()
    assert second_entered.wait(10)
    for thread in threads:
        thread.join(10)


def test_file_store_lock_may_be_released_by_another_thread(tmp_path: Path) -> None:
    # The async client enters the lock in a worker thread and leaves it on the loop's thread.
    store = FileTokenStore(tmp_path / "tokens.json")
    key = TokenKey("sandbox", "app")
    held = store.lock(key)
    worker = threading.Thread(target=held.__enter__)
    worker.start()
    worker.join(10)
    held.__exit__(None, None, None)
    done = threading.Event()

    def again() -> None:
        with store.lock(key):
            done.set()

    threading.Thread(target=again).start()
    assert done.wait(10)


def test_a_replace_refused_while_a_reader_holds_the_file_is_tried_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # What Windows does when another process has the token file open: PermissionError.
    from flipkart_ext import stores as _stores

    real_replace = os.replace
    refusals = [PermissionError(13, "in use"), PermissionError(13, "in use")]

    def replace(source: object, target: object) -> None:
        if refusals:
            raise refusals.pop()
        real_replace(source, target)

    monkeypatch.setattr(_stores, "_REPLACE_ATTEMPTS", 3)
    monkeypatch.setattr(_stores.os, "replace", replace)
    store = FileTokenStore(tmp_path / "tokens.json")
    store.save(KEY, TOKEN)
    assert store.load(KEY) == TOKEN
    assert not refusals
    assert [p.name for p in tmp_path.iterdir() if p.suffix == ".tmp"] == []
