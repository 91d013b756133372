"""End-to-end cases that wait for the library: they fail until it does its part.

``BatchResults.anomalies`` is declared, and the command line shows it (unit-tested in
``test_operator_fixes``), but the batch engine does not fill it yet. Here a server answers
a listing update for a SKU the request did not carry; once the engine records that as an
anomaly, the command exits 5 and names it.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from flipkart_ext.cli import EXIT_PARTIAL

from .conftest import flipkart, script_environ


class _OutOfTurn(BaseHTTPRequestHandler):
    """A token for anyone; a listing update answered for its SKU and for one more."""

    def _send(self, body: object) -> None:
        data = json.dumps(body).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self) -> None:
        self._send({"access_token": "t" * 20, "token_type": "bearer", "expires_in": 3600})

    def do_POST(self) -> None:
        sent = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        self._send(
            {**{sku: {"status": "SUCCESS"} for sku in sent}, "NOT-ASKED": {"status": "SUCCESS"}}
        )

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _OutOfTurn)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()


def test_an_answer_for_a_sku_not_sent_makes_the_update_partial(server: str, tmp_path: Path) -> None:
    stock = tmp_path / "stock.csv"
    stock.write_text("sku,product_id,location,inventory\nA,PID00000000001,LOC1,3\n")
    results = tmp_path / "results.csv"
    environ = script_environ(
        FLIPKART_API_BASE_URL=f"{server}/sellers",
        FLIPKART_OAUTH_BASE_URL=f"{server}/oauth-service",
        FLIPKART_CLIENT_ID="app",
        FLIPKART_CLIENT_SECRET="secret",
    )

    run = flipkart(
        "listings", "update-inventory", str(stock), "--results", str(results), env=environ
    )

    assert run.returncode == EXIT_PARTIAL, run.stderr
    assert "flipkart: anomaly: request 1: unexpected NOT-ASKED" in run.stderr
    assert "NOT-ASKED,ANOMALY," in results.read_text()
