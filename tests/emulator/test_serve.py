from __future__ import annotations

import io
import re
import signal
import socket
import stat
import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx

from flipkart_ext.cli import main
from flipkart_ext.notifications import parse_event, verify_signature
from flipkart_ext.testing import DEFAULT_CLIENT_ID, DEFAULT_CLIENT_SECRET, Emulator, serve

from ._day import recorder


def test_serve_prints_urls_and_test_credentials_then_stops_on_request() -> None:
    out = io.StringIO()
    done = threading.Event()
    printed = threading.Event()

    class Tee(io.StringIO):
        def write(self, text: str) -> int:
            out.write(text)
            if "Ctrl-C" in text:
                printed.set()
            return len(text)

    worker = threading.Thread(
        target=serve, kwargs={"port": 0, "orders": 3, "out": Tee(), "stop_event": done}
    )
    worker.start()
    try:
        assert printed.wait(10), "serve() printed no banner"
        text = out.getvalue()
        url = re.search(r"listening on (http://127\.0\.0\.1:\d+)", text)
        assert url is not None
        exports = [line for line in text.splitlines() if line.startswith("export ")]
        assert exports == [
            "export FLIPKART_CLIENT_ID=emulator-app",
            f"export FLIPKART_CLIENT_SECRET={DEFAULT_CLIENT_SECRET}",
            f"export FLIPKART_API_BASE_URL={url[1]}/sellers",
            f"export FLIPKART_OAUTH_BASE_URL={url[1]}/oauth-service",
        ]
        assert (
            "unset FLIPKART_ENV FLIPKART_SELLER_ID FLIPKART_REFRESH_TOKEN FLIPKART_ACCESS_TOKEN"
            in text.splitlines()
        )
        with httpx.Client() as client:
            state = client.get(f"{url[1]}/_emulator/state").json()
        assert state["shipments"] == 3
    finally:
        done.set()
        worker.join(10)
    assert not worker.is_alive()
    assert "Emulator stopped." in out.getvalue()


def test_a_custom_secret_is_not_printed() -> None:
    out = io.StringIO()
    done = threading.Event()
    done.set()  # serve() prints its banner, then stops at once
    serve(port=0, out=out, stop_event=done, client_secret="my-own-secret")
    assert "my-own-secret" not in out.getvalue()
    assert "# export FLIPKART_CLIENT_SECRET=...  (the secret you configured)" in out.getvalue()


def test_env_file_holds_the_export_lines_and_is_private(tmp_path: Path) -> None:
    out = io.StringIO()
    done = threading.Event()
    done.set()
    env_file = tmp_path / "emulator.env"
    serve(port=0, out=out, stop_event=done, env_file=env_file)
    written = env_file.read_text().splitlines()
    printed = [line for line in out.getvalue().splitlines() if line.startswith("export ")]
    assert written[0].startswith("# Written by the Flipkart sandbox emulator")
    assert written[1:] == printed and len(printed) == 4
    assert stat.S_IMODE(env_file.stat().st_mode) == 0o600
    assert f"The export lines are in {env_file} too" in out.getvalue()


def test_module_entry_point_serves_until_sigterm() -> None:
    process = subprocess.Popen(
        [sys.executable, "-m", "flipkart_ext.testing", "--port", "0", "--orders", "2"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        assert process.stdout is not None
        first = process.stdout.readline()
        url = re.search(r"(http://127\.0\.0\.1:\d+)", first)
        assert url is not None, first
        with httpx.Client() as client:
            assert client.get(f"{url[1]}/_emulator/state").json()["shipments"] == 2
        process.send_signal(signal.SIGTERM)
        stdout, stderr = process.communicate(timeout=20)
    finally:
        if process.poll() is None:
            process.kill()
            process.communicate()
    assert process.returncode == 0, stderr
    assert "Emulator stopped." in stdout


def test_cli_serve_sends_signed_notifications_to_notify_url() -> None:
    with recorder() as receiver:
        process = subprocess.Popen(
            [
                *(sys.executable, "-m", "flipkart_ext.cli", "emulator", "serve", "--port", "0"),
                *("--orders", "2", "--notify-url", receiver.url),
            ],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        try:
            assert process.stdout is not None
            banner = []
            for line in process.stdout:  # ends at EOF if the command dies
                banner.append(line)
                if line.startswith("Press Ctrl-C"):
                    break
            assert any(f"POSTed to {receiver.url}" in line for line in banner), banner
            assert f"(all {len(Emulator().operations)} operations of the spec" in banner[0], banner
            url = re.search(r"(http://127\.0\.0\.1:\d+)", banner[0])
            assert url is not None
            with httpx.Client() as client:
                for _ in range(100):
                    if client.get(f"{url[1]}/_emulator/notify").json()["delivered"] == 2:
                        break
                    time.sleep(0.05)
            process.send_signal(signal.SIGTERM)
            _, stderr = process.communicate(timeout=20)
        finally:
            if process.poll() is None:
                process.kill()
                process.communicate()
    assert process.returncode == 0, stderr
    assert len(receiver.requests) == 2
    for request in receiver.requests:
        verify_signature(
            request.headers,
            url=receiver.url,
            method="POST",
            app_id=DEFAULT_CLIENT_ID,
            app_secret=DEFAULT_CLIENT_SECRET,
        )
        assert parse_event(request.body).event_type == "shipment_created"


def test_cli_serve_on_a_taken_port_is_bad_configuration_in_one_line() -> None:
    out, err = io.StringIO(), io.StringIO()
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = str(taken.getsockname()[1])
        code = main(["emulator", "serve", "--port", port], stdout=out, stderr=err)
    assert code == 2
    assert err.getvalue().startswith(f"flipkart: error: cannot listen on 127.0.0.1:{port}")
    assert len(err.getvalue().splitlines()) == 1


def test_serve_seeds_orders_returns_and_listings() -> None:
    out = io.StringIO()
    done = threading.Event()
    printed = threading.Event()

    class Tee(io.StringIO):
        def write(self, text: str) -> int:
            out.write(text)
            if "Ctrl-C" in text:
                printed.set()
            return len(text)

    worker = threading.Thread(
        target=serve,
        kwargs={
            "port": 0,
            "orders": 2,
            "returns": 3,
            "listings": 4,
            "out": Tee(),
            "stop_event": done,
        },
    )
    worker.start()
    try:
        assert printed.wait(10), "serve() printed no banner"
        url = re.search(r"listening on (http://127\.0\.0\.1:\d+)", out.getvalue())
        assert url is not None
        with httpx.Client() as client:
            state = client.get(f"{url[1]}/_emulator/state").json()
            listing = client.get(f"{url[1]}/_emulator/").json()
    finally:
        done.set()
        worker.join(10)
    catalog = len(Emulator().listing_ids)
    assert state["returnsByStatus"] == {"created": 3}
    assert state["shipmentsByState"] == {"APPROVED": 2, "RETURN_REQUESTED": 3}
    assert len(state["listings"]) == catalog + 4
    assert f"Seller data: 5 shipments, 3 returns, {catalog + 4} listings." in out.getvalue()
    assert f"Control endpoints (seed orders, returns, listings; faults): {url[1]}/_emulator/" in (
        out.getvalue()
    )
    assert listing["endpoints"][0]["path"] == "/_emulator/"
