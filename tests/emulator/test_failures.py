"""The emulator fails loudly and cleanly: a bug is a 500 plus a traceback on its stderr."""

from __future__ import annotations

import io
import socket

import httpx
import pytest

from flipkart_ext import ConfigurationError
from flipkart_ext.testing import Emulator
from flipkart_ext.testing._wire import Call, Response

from .conftest import FIXED_NOW, fetch_token


def _broken(call: Call) -> Response:
    raise RuntimeError("a bug in a handler")


def test_a_failing_handler_answers_500_and_prints_its_traceback() -> None:
    stderr = io.StringIO()
    emu = Emulator(clock=lambda: FIXED_NOW, stderr=stderr)
    emu._app._handlers["getListings"] = _broken  # a bug injected where a handler lives
    with emu:
        token = fetch_token(emu).json()["access_token"]
        with httpx.Client(headers={"Authorization": f"Bearer {token}"}) as client:
            answer = client.get(f"{emu.api_base_url}/listings/v3/SKU-0001")
            # The emulator keeps serving afterwards.
            after = client.post(f"{emu.api_base_url}/listings/v3/search", json={"filters": {}})
    assert answer.status_code == 500
    assert answer.json()["error"] == "internal_error"
    assert "getListings" in answer.json()["error_description"]
    printed = stderr.getvalue()
    assert "getListings" in printed
    assert "RuntimeError: a bug in a handler" in printed
    assert "Traceback" in printed
    assert after.status_code == 200


def test_a_taken_port_fails_at_start_and_leaves_nothing_running() -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        emu = Emulator(port=taken.getsockname()[1])
        with pytest.raises(ConfigurationError, match=r"cannot listen on 127\.0\.0\.1:") as caught:
            emu.start()
        assert isinstance(caught.value.__cause__, OSError)
        assert not emu.running
        emu.stop()  # still safe


def test_a_closed_stderr_does_not_turn_a_500_into_a_hang() -> None:
    stderr = io.StringIO()
    stderr.close()
    emu = Emulator(stderr=stderr)
    emu._app._handlers["getListings"] = _broken
    with emu, httpx.Client() as client:
        token = fetch_token(emu).json()["access_token"]
        answer = client.get(
            f"{emu.api_base_url}/listings/v3/SKU-0001",
            headers={"Authorization": f"Bearer {token}"},
        )
    assert answer.status_code == 500
