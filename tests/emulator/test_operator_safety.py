"""The emulator on a developer's machine: no web page drives it, exposure is said, secrets kept.

- the ``/_emulator/*`` control endpoints refuse a browser request from another origin (a page
  the developer visits must not seed orders or set faults), and accept programs, which send no
  ``Origin``;
- bound to a non-loopback address, ``serve`` warns, and its banner still gives an address a
  client can reach;
- ``--env-file`` is written 0600 and never through a symbolic link.
"""

from __future__ import annotations

import io
import os
import stat
import threading
from pathlib import Path

import httpx
import pytest

from flipkart_ext.testing import Emulator, serve
from flipkart_ext.testing._serve import write_env_file


@pytest.fixture(scope="module")
def emulator() -> Emulator:
    with Emulator() as emu:
        yield emu


@pytest.mark.parametrize(
    "headers",
    [
        {"Origin": "https://evil.example"},
        {"Origin": "null"},
        {"Sec-Fetch-Site": "cross-site"},
        {"Sec-Fetch-Site": "same-site", "Origin": "http://localhost:9"},
    ],
)
def test_a_cross_origin_browser_request_is_refused(
    emulator: Emulator, headers: dict[str, str]
) -> None:
    before = emulator.state()["shipments"]
    answer = httpx.post(f"{emulator.url}/_emulator/test_orders", json={"count": 2}, headers=headers)
    assert answer.status_code == 403
    assert answer.json()["error"] == "forbidden"
    assert "another origin" in answer.json()["error_description"]
    assert emulator.state()["shipments"] == before  # nothing was created


def test_programs_and_the_emulators_own_pages_are_served(emulator: Emulator) -> None:
    assert httpx.get(f"{emulator.url}/_emulator/").status_code == 200
    own = {"Origin": emulator.url, "Sec-Fetch-Site": "same-origin"}
    assert httpx.get(f"{emulator.url}/_emulator/", headers=own).status_code == 200


def _serve_once(host: str) -> tuple[str, str]:
    out, err = io.StringIO(), io.StringIO()
    done = threading.Event()
    worker = threading.Thread(
        target=serve, kwargs={"host": host, "port": 0, "out": out, "err": err, "stop_event": done}
    )
    worker.start()
    try:
        for _ in range(100):
            if "Press Ctrl-C" in out.getvalue():
                break
            threading.Event().wait(0.05)
    finally:
        done.set()
        worker.join(10)
    return out.getvalue(), err.getvalue()


def test_a_wildcard_bind_warns_and_the_banner_gives_a_reachable_address() -> None:
    out, err = _serve_once("0.0.0.0")  # noqa: S104 - the case under test
    assert "warning: listening on 0.0.0.0, not on loopback" in err
    assert "0.0.0.0" not in out  # noqa: S104 - the address must not be offered to clients
    base = next(line for line in out.splitlines() if "FLIPKART_API_BASE_URL" in line)
    url = base.split("=", 1)[1].strip("'\"")
    assert url.startswith("http://127.0.0.1:") and url.endswith("/sellers")


def test_loopback_is_quiet() -> None:
    _, err = _serve_once("127.0.0.1")
    assert "warning" not in err


def test_the_env_file_is_0600_even_when_it_existed_wider(
    emulator: Emulator, tmp_path: Path
) -> None:
    path = tmp_path / "flipkart.env"
    path.write_text("old", encoding="utf-8")
    path.chmod(0o644)
    write_env_file(emulator, path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert "FLIPKART_CLIENT_ID" in path.read_text(encoding="utf-8")


@pytest.mark.skipif(not hasattr(os, "O_NOFOLLOW"), reason="POSIX only: O_NOFOLLOW")
def test_the_env_file_is_never_written_through_a_symbolic_link(
    emulator: Emulator, tmp_path: Path
) -> None:
    target = tmp_path / "elsewhere"
    target.write_text("keep", encoding="utf-8")
    link = tmp_path / "flipkart.env"
    link.symlink_to(target)
    with pytest.raises(OSError):
        write_env_file(emulator, link)
    assert target.read_text(encoding="utf-8") == "keep"
