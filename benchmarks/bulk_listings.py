"""Bulk stock update: 20,000 SKUs against a loopback server with 50 ms per call.

``client.listings.update_inventory`` sends 2,000 calls of 10 SKUs. With
``max_concurrency=8`` the ideal wall time is 2,000 / 8 x 50 ms = 12.5 s; the target is at
most 1.15x that, with one result per SKU. The same run with ``max_concurrency=1`` is
reported beside it (its ideal is 100 s), and so is the peak RSS of the process doing the
run. Each run happens in a fresh child process, so its RSS is its own.

The server (a child process: stdlib ``ThreadingHTTPServer``, keep-alive, ``TCP_NODELAY``)
sleeps 50 ms, then answers ``SUCCESS`` for every SKU in the body, as Flipkart does.
"""

from __future__ import annotations

import json
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from _measure import row

__all__ = ["CONCURRENCY", "LATENCY", "SKUS", "TARGET", "run"]

SKUS = 20_000
LATENCY = 0.050
CONCURRENCY = 8
TARGET = 1.15
_PER_CALL = 10


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def do_POST(self) -> None:
        body = json.loads(self.rfile.read(int(self.headers.get("Content-Length", 0))) or b"{}")
        time.sleep(LATENCY)
        answer = json.dumps(
            {sku: {"status": "SUCCESS", "errors": [], "attribute_errors": []} for sku in body}
        ).encode()
        self.wfile.write(
            b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: "
            + str(len(answer)).encode()
            + b"\r\n\r\n"
            + answer
        )


def _serve() -> None:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    print(server.server_address[1], flush=True)
    sys.stdin.read()
    server.shutdown()


@contextmanager
def _server() -> Iterator[str]:
    child = subprocess.Popen(
        [sys.executable, __file__, "serve"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert child.stdin is not None and child.stdout is not None
    try:
        yield f"http://127.0.0.1:{int(child.stdout.readline())}"
    finally:
        child.stdin.close()
        child.wait(timeout=10)
        child.stdout.close()


def _update(origin: str, skus: int, concurrency: int) -> None:
    """Child process: one timed update; prints seconds, results, ok count and peak RSS (KiB)."""
    import resource

    from flipkart_ext import FlipkartClient
    from flipkart_ext.listings import StockUpdate

    updates = {f"SKU-{n:05d}": StockUpdate(f"PID{n:013d}", {"LOC1": n % 50}) for n in range(skus)}
    with FlipkartClient(
        "bench-app", "bench-secret", api_base_url=f"{origin}/sellers", access_token="bench-token"
    ) as client:
        start = time.perf_counter()
        results = client.listings.update_inventory(updates, max_concurrency=concurrency)
        seconds = time.perf_counter() - start
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps([seconds, len(results), len(results.succeeded), results.requests, peak]))


def _timed(origin: str, skus: int, concurrency: int) -> tuple[float, int, int, int, int]:
    out = subprocess.run(
        [sys.executable, __file__, "update", origin, str(skus), str(concurrency)],
        capture_output=True,
        text=True,
        check=True,
    )
    seconds, results, ok, requests, peak = json.loads(out.stdout)
    return seconds, results, ok, requests, peak


def run(*, skus: int = SKUS) -> list[dict[str, Any]]:
    """The concurrent run against its ideal, then the sequential one and peak RSS."""
    calls = -(-skus // _PER_CALL)
    ideal = calls / CONCURRENCY * LATENCY
    with _server() as origin:
        seconds, results, ok, requests, peak = _timed(origin, skus, CONCURRENCY)
        serial, *_ = _timed(origin, skus, 1)
    ratio = seconds / ideal
    return [
        row(
            f"bulk stock update: {skus:,} SKUs, {CONCURRENCY} at a time, {LATENCY * 1e3:.0f} ms/call",
            ratio,
            "x",
            f"<= {TARGET}x ideal, one result per SKU",
            ratio <= TARGET and results == skus and ok == skus and requests == calls,
            measured=f"{seconds:.2f} s, {requests} calls, {results:,} results",
            baseline=f"{ideal:.2f} s ideal",
            ratio=ratio,
        ),
        row(
            "bulk stock update: the same, one call at a time",
            serial,
            "s",
            "report",
            True,
            measured=f"{serial:.2f} s",
            baseline=f"{calls * LATENCY:.2f} s ideal",
            ratio=serial / (calls * LATENCY),
        ),
        row(
            "bulk stock update: peak RSS of the concurrent run",
            peak / 1024,
            "MiB",
            "report",
            True,
        ),
    ]


if __name__ == "__main__":
    if sys.argv[1:2] == ["serve"]:
        _serve()
    elif sys.argv[1:2] == ["update"]:
        _update(sys.argv[2], int(sys.argv[3]), int(sys.argv[4]))
    else:
        for line in run():
            print(line)
