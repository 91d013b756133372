"""One worker process of a fleet run: ``python -m tests.fleet._worker '<json config>'``.

It builds its clients (a ``SellerClients`` or ``AsyncSellerClients`` over Redis), prints
``{"ready": true}``, then obeys one command per line on stdin and answers one JSON line
each on stdout. Modes:

* ``storm``: on ``go``, calls the API once for every seller, all at once; answers the
  count of successes and the errors by type.
* ``race``: one seller; on each ``go``, one call; answers the access token it used.
* ``budget``: on ``go <seconds>``, threads call the API across the sellers until that
  many seconds have passed; answers counts.
* ``churn``: like budget, recording every outcome with its time; then ``settle`` runs one
  call per seller, twice, and answers both passes.
* ``victim``: on ``go``, one call for the seller (the parent kills it mid-refresh).
"""

from __future__ import annotations

import asyncio
import json
import sys
import threading
import time
from collections import Counter
from typing import Any

from flipkart_seller_api.api.shipment_v3 import get_shipment_details

from flipkart_ext import (
    AsyncFlipkartClient,
    AsyncRedisTokenStore,
    AsyncSellerClients,
    FlipkartClient,
    FlipkartError,
    RateLimit,
    RedisRateBudget,
    RedisTokenStore,
    SellerClients,
)
from tests.fleet._fleet_app import CLIENT_ID, CLIENT_SECRET


def say(message: dict[str, Any]) -> None:
    print(json.dumps(message), flush=True)


def command() -> str:
    return sys.stdin.readline().strip()


def _options(config: dict[str, Any]) -> dict[str, Any]:
    return {
        "api_base_url": config["api"],
        "oauth_base_url": config["oauth"],
        "max_clients": 1000,
    }


def _sync_pool(config: dict[str, Any]) -> SellerClients:
    store = RedisTokenStore(
        config["redis"],
        lock_lease=config.get("lease", 30.0),
        lock_timeout=config.get("lock_timeout", 60.0),
    )
    budget = None
    if config.get("rate"):
        budget = RedisRateBudget(config["redis"], RateLimit(config["rate"]))
    return SellerClients(
        CLIENT_ID, CLIENT_SECRET, token_store=store, rate_budget=budget, **_options(config)
    )


def _call(client: FlipkartClient) -> str:
    client.call(get_shipment_details, "S1")
    token = client.auth._token
    return token.access_token if token is not None else ""


def storm(config: dict[str, Any]) -> None:
    sellers: list[str] = config["sellers"]
    if config.get("async"):
        asyncio.run(_async_storm(config, sellers))
        return
    pool = _sync_pool(config)
    say({"ready": True})
    command()
    results = pool.for_each(sellers, _call, max_parallel=len(sellers))
    say(
        {
            "ok": len(results.succeeded),
            "errors": dict(Counter(type(r.error).__name__ for r in results.failed)),
        }
    )


async def _async_storm(config: dict[str, Any], sellers: list[str]) -> None:
    store = AsyncRedisTokenStore(
        config["redis"], lock_lease=config.get("lease", 30.0), lock_timeout=60.0
    )
    pool = AsyncSellerClients(CLIENT_ID, CLIENT_SECRET, token_store=store, **_options(config))

    async def call(client: AsyncFlipkartClient) -> str:
        await client.call(get_shipment_details, "S1")
        return client.auth._token.access_token if client.auth._token is not None else ""

    say({"ready": True})
    await asyncio.to_thread(command)
    results = await pool.for_each(sellers, call, max_parallel=len(sellers))
    say(
        {
            "ok": len(results.succeeded),
            "errors": dict(Counter(type(r.error).__name__ for r in results.failed)),
        }
    )
    await pool.aclose()
    await store.aclose()


def race(config: dict[str, Any]) -> None:
    pool = _sync_pool(config)
    client = pool.for_seller(config["sellers"][0])
    say({"ready": True})
    while command() == "go":
        try:
            say({"access": _call(client)})
        except FlipkartError as error:
            say({"error": type(error).__name__, "message": str(error)})


def _loop(
    pool: SellerClients, sellers: list[str], seconds: float, threads: int
) -> list[tuple[float, str]]:
    """Threads calling the sellers round robin until ``seconds`` pass: (time, outcome) pairs."""
    outcomes: list[tuple[float, str]] = []
    guard = threading.Lock()
    deadline = time.monotonic() + seconds

    def work(offset: int) -> None:
        n = offset
        while time.monotonic() < deadline:
            seller = sellers[n % len(sellers)]
            n += threads
            started = time.monotonic()
            try:
                pool.for_seller(seller).call(get_shipment_details, "S1")
                outcome = "ok"
            except FlipkartError as error:
                outcome = type(error).__name__
                time.sleep(0.05)
            with guard:
                outcomes.append((started, outcome))

    workers = [threading.Thread(target=work, args=(i,)) for i in range(threads)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    return outcomes


def budget(config: dict[str, Any]) -> None:
    pool = _sync_pool(config)
    say({"ready": True})
    seconds = float(command().split()[1])
    outcomes = _loop(pool, config["sellers"], seconds, config.get("threads", 3))
    say({"outcomes": dict(Counter(outcome for _, outcome in outcomes))})


def churn(config: dict[str, Any]) -> None:
    pool = _sync_pool(config)
    say({"ready": True})
    seconds = float(command().split()[1])
    outcomes = _loop(pool, config["sellers"], seconds, config.get("threads", 3))
    say({"outcomes": outcomes})
    command()  # settle
    passes = []
    for _ in range(2):
        passes.append(pool.for_each(config["sellers"], _call, max_parallel=4))
        time.sleep(0.2)
    say(
        {
            "passes": [
                {
                    seller: (result.error and type(result.error).__name__) or "ok"
                    for seller, result in p.items()
                }
                for p in passes
            ]
        }
    )


def victim(config: dict[str, Any]) -> None:
    pool = _sync_pool(config)
    client = pool.for_seller(config["sellers"][0])
    say({"ready": True})
    command()
    say({"access": _call(client)})


if __name__ == "__main__":
    settings = json.loads(sys.argv[1])
    {"storm": storm, "race": race, "budget": budget, "churn": churn, "victim": victim}[
        settings["mode"]
    ](settings)
