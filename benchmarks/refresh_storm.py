"""Refresh storm: 100 threads, then 100 asyncio tasks, call the API the moment the token expires.

The emulator runs in a child process (``python -m flipkart_ext.testing --port 0``) and
counts every token request (``GET /_emulator/state``). One client per kind (a
``FlipkartClient`` shared by the threads, an ``AsyncFlipkartClient`` by the tasks) calls
``GET /v3/shipments/{id}``. Each round is four bursts of simultaneous calls:

1. warm: the token is valid (the baseline latency);
2. expired on the client's clock (the clock jumps past ``expires_in``; the emulator
   expires the token too): every caller sees a stale token before sending;
3. warm again;
4. expired on the server only: every call in flight is answered 401, renewed and replayed.

A storm passes when it caused exactly one token request and every call succeeded. The
added latency is the median call latency of the storm bursts against the warm ones.
"""

from __future__ import annotations

import asyncio
import re
import subprocess
import sys
import threading
import time
from collections.abc import Awaitable, Callable, Generator, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

import httpx
from _measure import median, row

__all__ = ["CONCURRENCY", "ROUNDS", "run"]

CONCURRENCY = 100
ROUNDS = 5
# The banner's export lines, and the emulator's own URL (where /_emulator/... lives).
_BANNER = re.compile(
    r"^export (FLIPKART_API_BASE_URL|FLIPKART_OAUTH_BASE_URL)=(\S+)$|listening on (\S+)"
)


@dataclass(frozen=True)
class _Emulator:
    api_base_url: str
    oauth_base_url: str
    control: httpx.Client

    def token_requests(self) -> int:
        return int(self.control.get("/_emulator/state").json()["tokenRequests"])

    def expire_tokens(self) -> None:
        self.control.post("/_emulator/tokens/expire").raise_for_status()

    def shipment_id(self) -> str:
        answer = self.control.post("/_emulator/test_orders", json={"count": 1})
        answer.raise_for_status()
        return str(answer.json()["shipmentIds"][0])


@contextmanager
def emulator_process() -> Iterator[_Emulator]:
    """The emulator's own command line in a child process, stopped with SIGTERM."""
    child = subprocess.Popen(
        [sys.executable, "-m", "flipkart_ext.testing", "--port", "0"],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert child.stdout is not None
    try:
        urls: dict[str, str] = {}
        for line in child.stdout:
            found = _BANNER.search(line.rstrip("\n"))
            if found and found.group(3):
                urls["emulator"] = found.group(3)
            elif found:
                urls[found.group(1)] = found.group(2)
            if line.startswith("Press Ctrl-C"):
                break
        with httpx.Client(base_url=urls["emulator"]) as control:
            yield _Emulator(urls["FLIPKART_API_BASE_URL"], urls["FLIPKART_OAUTH_BASE_URL"], control)
    finally:
        child.terminate()
        child.wait(timeout=10)
        child.stdout.close()


@dataclass
class _Clock:
    """Wall-clock time plus an offset the benchmark moves forward to expire tokens."""

    offset: float = 0.0

    def __call__(self) -> float:
        return time.time() + self.offset


@dataclass
class _Tally:
    """Latencies per kind of burst and token requests per storm."""

    latencies: dict[str, list[float]] = field(default_factory=dict)
    token_requests: dict[str, list[int]] = field(default_factory=dict)

    def add(self, kind: str, latencies: list[float], token_requests: int | None = None) -> None:
        self.latencies.setdefault(kind, []).extend(latencies)
        if token_requests is not None:
            self.token_requests.setdefault(kind, []).append(token_requests)


def _thread_burst(call: Callable[[], httpx.Response], n: int) -> list[float]:
    """``n`` threads released together, one call each; their latencies."""
    barrier = threading.Barrier(n)
    latencies = [0.0] * n
    failures: list[str] = []

    def worker(index: int) -> None:
        barrier.wait()
        start = time.perf_counter()
        status = call().status_code
        latencies[index] = time.perf_counter() - start
        if status != 200:
            failures.append(f"HTTP {status}")

    threads = [threading.Thread(target=worker, args=(i,)) for i in range(n)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    if failures:
        raise RuntimeError(f"{len(failures)} of {n} calls failed: {failures[0]}")
    return latencies


async def _task_burst(call: Callable[[], Awaitable[httpx.Response]], n: int) -> list[float]:
    """``n`` tasks started together, one call each; their latencies."""

    async def one() -> float:
        start = time.perf_counter()
        status = (await call()).status_code
        if status != 200:
            raise RuntimeError(f"a call failed with HTTP {status}")
        return time.perf_counter() - start

    return list(await asyncio.gather(*(one() for _ in range(n))))


def _plan(
    emu: _Emulator, clock: _Clock, rounds: int, tally: _Tally
) -> Generator[None, list[float]]:
    """The bursts of the module docstring, ``rounds`` times: yields once per burst and
    receives its latencies. The sync and async drivers below only run the bursts."""
    from flipkart_ext.testing import DEFAULT_EXPIRES_IN

    for _ in range(rounds):
        tally.add("warm", (yield))
        before = emu.token_requests()
        clock.offset += DEFAULT_EXPIRES_IN + 1
        emu.expire_tokens()
        tally.add("client clock", (yield), emu.token_requests() - before)
        tally.add("warm", (yield))
        before = emu.token_requests()
        emu.expire_tokens()
        tally.add("server, 401", (yield), emu.token_requests() - before)


def _drive(plan: Generator[None, list[float]], burst: Callable[[], list[float]]) -> None:
    try:
        next(plan)
        while True:
            plan.send(burst())
    except StopIteration:
        return


async def _adrive(
    plan: Generator[None, list[float]], burst: Callable[[], Awaitable[list[float]]]
) -> None:
    try:
        next(plan)
        while True:
            plan.send(await burst())
    except StopIteration:
        return


def _threads(emu: _Emulator, path: str, n: int, rounds: int) -> _Tally:
    from flipkart_ext import FlipkartClient
    from flipkart_ext.testing import DEFAULT_CLIENT_ID, DEFAULT_CLIENT_SECRET

    clock = _Clock()
    limits = httpx.Limits(max_connections=n, max_keepalive_connections=n)
    transport = httpx.HTTPTransport(limits=limits)
    with FlipkartClient(
        DEFAULT_CLIENT_ID,
        DEFAULT_CLIENT_SECRET,
        api_base_url=emu.api_base_url,
        oauth_base_url=emu.oauth_base_url,
        clock=clock,
        transport=transport,
    ) as client:
        client.http.get(path).raise_for_status()  # the first token
        tally = _Tally()
        _drive(
            _plan(emu, clock, rounds, tally),
            lambda: _thread_burst(lambda: client.http.get(path), n),
        )
        return tally


async def _tasks(emu: _Emulator, path: str, n: int, rounds: int) -> _Tally:
    from flipkart_ext import AsyncFlipkartClient
    from flipkart_ext.testing import DEFAULT_CLIENT_ID, DEFAULT_CLIENT_SECRET

    clock = _Clock()
    limits = httpx.Limits(max_connections=n, max_keepalive_connections=n)
    transport = httpx.AsyncHTTPTransport(limits=limits)
    async with AsyncFlipkartClient(
        DEFAULT_CLIENT_ID,
        DEFAULT_CLIENT_SECRET,
        api_base_url=emu.api_base_url,
        oauth_base_url=emu.oauth_base_url,
        clock=clock,
        transport=transport,
    ) as client:
        (await client.http.get(path)).raise_for_status()  # the first token
        tally = _Tally()
        await _adrive(
            _plan(emu, clock, rounds, tally), lambda: _task_burst(lambda: client.http.get(path), n)
        )
        return tally


def _rows(label: str, tally: _Tally) -> list[dict[str, Any]]:
    warm = median(tally.latencies["warm"])
    rows = []
    for kind in ("client clock", "server, 401"):
        counts = tally.token_requests[kind]
        storm = median(tally.latencies[kind])
        rows.append(
            row(
                f"refresh storm: {label}, expired on {kind}",
                max(counts),
                "token requests",
                "1 token request",
                all(count == 1 for count in counts),
                measured=(
                    f"{max(counts)} token req. in each of {len(counts)}; "
                    f"{storm * 1e3:.1f} ms ({(storm - warm) * 1e3:+.1f} ms)"
                ),
                baseline=f"{warm * 1e3:.1f} ms warm token",
                ratio=storm / warm,
            )
        )
    return rows


def run(*, concurrency: int = CONCURRENCY, rounds: int = ROUNDS) -> list[dict[str, Any]]:
    """Storms of ``concurrency`` threads and as many tasks, ``rounds`` times each."""
    with emulator_process() as emu:
        path = f"/v3/shipments/{emu.shipment_id()}"
        threads = _threads(emu, path, concurrency, rounds)
        tasks = asyncio.run(_tasks(emu, path, concurrency, rounds))
    return [
        *_rows(f"{concurrency} threads", threads),
        *_rows(f"{concurrency} tasks", tasks),
    ]


if __name__ == "__main__":
    for line in run():
        print(line)
