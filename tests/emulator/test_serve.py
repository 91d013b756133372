from __future__ import annotations

import io
import re
import signal
import subprocess
import sys
import threading

import httpx

from flipkart_ext.testing import DEFAULT_CLIENT_SECRET, serve


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
        assert f"API base URL:   {url[1]}/sellers" in text
        assert f"OAuth base URL: {url[1]}/oauth-service" in text
        assert "client id:      emulator-app" in text
        assert DEFAULT_CLIENT_SECRET in text
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
    assert "(the secret you configured)" in out.getvalue()


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
