"""Shipment search throughput, memory and prefetch overlap against a loopback server.

Run ``python benchmarks/pagination.py``. A separate process serves 100,000 shipments,
20 per page (Flipkart's page size), with stdlib ``ThreadingHTTPServer`` over HTTP/1.1
keep-alive; the measurements run in this process (and one fresh child for RSS):

* pages/s of ``client.shipments.search(raw=True)`` through ``FlipkartClient`` (auth
  and retry transport included, cached valid token) against a hand-written httpx loop
  over the same server; median of a few interleaved repetitions;
* the same search yielding ``Shipment`` models, as a ratio to ``raw=True``;
* peak RSS growth of a fresh process streaming all 100,000 shipments as models, with
  the default de-duplication window and with a small one (what the stream itself costs);
* wall time of an async search with ``prefetch=1`` against ``prefetch=0`` when the
  server takes 50 ms per page and the consumer awaits 50 ms of work per page.

``run()`` returns rows ``{name, value, unit, target, ok}`` for a combined table.
"""

from __future__ import annotations

import argparse
import asyncio
import base64
import json
import resource
import statistics
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import httpx
from _server import json_server

from flipkart_ext.paging import DEFAULT_DEDUPE_WINDOW

TOTAL_SHIPMENTS = 100_000
PAGE_SIZE = 20
REPETITIONS = 5
PREFETCH_PAGES = 20
PREFETCH_LATENCY = 0.05
CONSUMER_WORK = 0.05
TOKEN = "bench-access-token"
CLIENT_ID = "bench-app"
CLIENT_SECRET = "bench-app-secret"
FILTER_PATH = "/sellers/v3/shipments/filter"


# -- server (runs in its own process) ---------------------------------------------------


def _shipment(n: int) -> dict[str, Any]:
    """A shipment shaped like Flipkart's, about 1 KB of JSON."""
    sid = f"{n:08d}-5f1e-4c2a-9d7b-bench{n % 997:04d}"
    return {
        "shipmentId": sid,
        "dispatchAfterDate": "2024-05-01T10:00:00+05:30",
        "dispatchByDate": "2024-05-02T18:00:00+05:30",
        "updatedAt": "2024-05-01T09:12:44+05:30",
        "locationId": "LOC6f2b1c0e4a",
        "hold": False,
        "mps": False,
        "packagingPolicy": "SELLER",
        "shipmentType": "NORMAL",
        "orderItems": [
            {
                "orderItemId": f"OI{n:012d}",
                "orderId": f"OD{n:015d}",
                "cancellationGroupId": f"grp{n}",
                "orderDate": "2024-04-30T21:03:10+05:30",
                "paymentType": "PREPAID",
                "status": "APPROVED",
                "quantity": 1,
                "fsn": "ACCFZGAQJGYCYDCM",
                "sku": f"SKU-{n % 500}",
                "listingId": f"LST{n % 500:010d}",
                "hsn": "85176290",
                "title": "USB-C cable, 1 m, braided",
                "packageIds": [f"PKG{n}"],
                "priceComponents": {
                    "sellingPrice": 299.0,
                    "totalPrice": 299.0,
                    "shippingCharge": 0.0,
                    "customerPrice": 299.0,
                    "flipkartDiscount": 0.0,
                },
                "serviceProfile": "NON_FBF",
                "isReplacement": False,
            }
        ],
        "subShipments": [{"subShipmentId": f"{sid}-1", "packages": [{"packageId": f"PKG{n}"}]}],
    }


def _token(page: int) -> str:
    return base64.urlsafe_b64encode(json.dumps({"page": page, "sig": "x" * 24}).encode()).decode()


def _render_pages(total: int) -> tuple[bytes, dict[str, bytes]]:
    pages = (total + PAGE_SIZE - 1) // PAGE_SIZE
    first = b""
    by_token: dict[str, bytes] = {}
    for page in range(pages):
        last = page == pages - 1
        body = json.dumps(
            {
                "hasMore": not last,
                "nextPageUrl": None
                if last
                else f"/v3/shipments/filter?next_token={_token(page + 1)}",
                "shipments": [
                    _shipment(n)
                    for n in range(page * PAGE_SIZE, min(total, (page + 1) * PAGE_SIZE))
                ],
            }
        ).encode()
        if page == 0:
            first = body
        else:
            by_token[_token(page)] = body
    return first, by_token


def routes(total: str) -> dict[str, bytes]:
    """The server's route table for ``total`` shipments (built in the server's process)."""
    first, by_token = _render_pages(int(total))
    table = {FILTER_PATH: first}
    table.update({f"{FILTER_PATH}?next_token={token}": body for token, body in by_token.items()})
    return table


@contextmanager
def server_process(total: int, latency: float = 0.0) -> Iterator[str]:
    """Serve ``total`` shipments from a child process; yields the API base URL."""
    with json_server("pagination:routes", str(total), latency=latency) as origin:
        yield f"{origin}/sellers"


# -- clients ----------------------------------------------------------------------------


def _filter() -> Any:
    from flipkart_ext.shipments import ShipmentFilter

    return ShipmentFilter.pre_dispatch(states=["APPROVED"], page_size=PAGE_SIZE)


def _client(base: str) -> Any:
    from flipkart_ext import FlipkartClient

    return FlipkartClient(CLIENT_ID, CLIENT_SECRET, api_base_url=base, access_token=TOKEN)


def _async_client(base: str) -> Any:
    from flipkart_ext import AsyncFlipkartClient

    return AsyncFlipkartClient(CLIENT_ID, CLIENT_SECRET, api_base_url=base, access_token=TOKEN)


def _hand_written(http: httpx.Client, counter: list[int]) -> Iterator[dict[str, Any]]:
    """The generator a user would write with plain httpx (no checks at all)."""
    body = http.post("/v3/shipments/filter", json=_filter().to_dict()).json()
    counter[0] += 1
    yield from body["shipments"]
    while body.get("hasMore") and body.get("nextPageUrl"):
        body = http.get(body["nextPageUrl"]).json()
        counter[0] += 1
        yield from body["shipments"]


def hand_loop(base: str) -> tuple[int, int]:
    """Consume the hand-written generator: (pages, shipments)."""
    headers = {"Authorization": f"Bearer {TOKEN}"}
    pages = [0]
    with httpx.Client(base_url=base, headers=headers) as http:
        shipments = sum(1 for _ in _hand_written(http, pages))
    return pages[0], shipments


def library_search(base: str, raw: bool) -> tuple[int, int]:
    """``client.shipments.search`` over the same server: (pages, shipments)."""
    with _client(base) as client:
        iterator = client.shipments.search(_filter(), raw=raw)
        shipments = sum(1 for _ in iterator)
        return iterator.pages_fetched, shipments


def _timed(fn: Any, *args: Any) -> tuple[float, int, int]:
    start = time.perf_counter()
    pages, shipments = fn(*args)
    return time.perf_counter() - start, pages, shipments


def _peak_rss_kb() -> int:
    """This process's peak RSS in KiB.

    Linux's ``ru_maxrss`` carries the parent's peak across fork and exec, so a child of a
    big parent would report no growth; ``VmHWM`` belongs to this process's own memory.
    """
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def rss_child(base: str, dedupe_window: int) -> None:
    """In a fresh process: peak RSS growth (MB) while streaming every shipment as models."""
    from flipkart_seller_api.models.shipment import Shipment  # noqa: F401 - warm imports

    with _client(base) as client:
        list(client.shipments.search(_filter(), limit=PAGE_SIZE))  # warm the connection
        before = _peak_rss_kb()
        search = client.shipments.search(_filter(), dedupe_window=dedupe_window)
        count = sum(1 for _ in search)
        after = _peak_rss_kb()
    print(json.dumps({"shipments": count, "growth_mb": (after - before) / 1024}))


async def _prefetch_run(base: str, prefetch: int) -> float:
    async with _async_client(base) as client:
        start = time.perf_counter()
        async for _page in client.shipments.pages(_filter(), prefetch=prefetch):
            await asyncio.sleep(CONSUMER_WORK)  # the caller's own I/O for this page
        return time.perf_counter() - start


# -- the benchmark ----------------------------------------------------------------------


def _row(name: str, value: float, unit: str, target: str, ok: bool) -> dict[str, Any]:
    return {"name": name, "value": round(value, 3), "unit": unit, "target": target, "ok": ok}


def run() -> list[dict[str, Any]]:
    """Measure everything; one row per figure."""
    rows = []
    with server_process(TOTAL_SHIPMENTS) as base:
        hand_loop(base)  # warm-up: imports, connection, server caches
        hand, ours, models = [], [], []
        for _ in range(REPETITIONS):
            hand.append(_timed(hand_loop, base))
            ours.append(_timed(library_search, base, True))
            models.append(_timed(library_search, base, False))
        for label, runs in (("hand loop", hand), ("search raw", ours), ("search models", models)):
            if any(r[2] != TOTAL_SHIPMENTS for r in runs):
                raise RuntimeError(f"{label} saw {runs[0][2]} shipments, not {TOTAL_SHIPMENTS}")
        pages = hand[0][1]
        hand_rate = pages / statistics.median(r[0] for r in hand)
        raw_rate = pages / statistics.median(r[0] for r in ours)
        model_rate = pages / statistics.median(r[0] for r in models)
        rows += [
            _row("hand-written httpx loop", hand_rate, "pages/s", "baseline", True),
            _row("search(raw=True) via FlipkartClient", raw_rate, "pages/s", "", True),
            _row(
                "search raw / hand loop",
                raw_rate / hand_rate,
                "x",
                ">= 0.9",
                raw_rate / hand_rate >= 0.9,
            ),
            _row("search(models) / search(raw)", model_rate / raw_rate, "x", "info", True),
        ]
        for window, target in ((DEFAULT_DEDUPE_WINDOW, "< 30"), (1_000, "info")):
            child = subprocess.run(
                [sys.executable, __file__, "rss", base, str(window)],
                capture_output=True,
                text=True,
                check=True,
            )
            rss = json.loads(child.stdout)
            rows.append(
                _row(
                    f"peak RSS growth, {rss['shipments']:,} models, dedupe_window={window:,}",
                    rss["growth_mb"],
                    "MB",
                    target,
                    rss["growth_mb"] < 30 and rss["shipments"] == TOTAL_SHIPMENTS,
                )
            )
    with server_process(PREFETCH_PAGES * PAGE_SIZE, PREFETCH_LATENCY) as base:
        serial = asyncio.run(_prefetch_run(base, 0))
        ahead = asyncio.run(_prefetch_run(base, 1))
        rows += [
            _row(f"async serial, {PREFETCH_PAGES} pages, 50+50 ms", serial, "s", "", True),
            _row(
                "async prefetch=1 / serial wall time",
                ahead / serial,
                "x",
                "<= 0.6",
                ahead / serial <= 0.6,
            ),
        ]
    return rows


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command")
    rss_cmd = sub.add_parser("rss")
    rss_cmd.add_argument("base")
    rss_cmd.add_argument("dedupe_window", type=int)
    args = parser.parse_args(argv)
    if args.command == "rss":
        rss_child(args.base, args.dedupe_window)
        return 0
    started = time.perf_counter()
    rows = run()
    width = max(len(r["name"]) for r in rows)
    for r in rows:
        mark = "ok" if r["ok"] else "MISS"
        print(f"{r['name']:<{width}}  {r['value']:>10} {r['unit']:<8} {r['target']:<9} {mark}")
    print(f"({time.perf_counter() - started:.0f} s)")
    return 0 if all(r["ok"] for r in rows) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
