"""A simulated year of token custody: sellers, workers sharing a store, faults along the way.

The clock is injected, so a year runs in seconds: access tokens live 60 days, refresh tokens
180 days and rotate at every refresh (:class:`tests.custody._model.TokenServer`). Each day,
every worker (a thread with a store object of its own, as a process has; the memory store
is one object shared by threads) calls the API for a random share of the sellers, all
workers at once. Faults are drawn along the way, from a seeded random source:

* a save raising once (a full disk) in one worker;
* the store unreachable for a whole day (every worker's calls fail typed that day);
* a seller's token record evicted (Redis: the store whose memory policy evicts keys);
* auxiliary keys lost (Redis lock keys, the file store's lock file);
* a slow token answer (the clock moves on meanwhile);
* a lease running out in the middle of a refresh (Redis: another worker takes the lock).

A worker killed between a token answer and its save is left to the model-based test: the
token it received is lost with it by definition (no client can keep what a dead process
held), so it has no place in a year that must lose none.

At the end: the refresh token the server holds live for each seller is the one stored (or,
for a seller whose save is still pending, held by a worker), no call ended in
``ReauthorizationRequired``, and the token requests counted by the server are compared with
the minimum the lifetimes allow (one refresh per 60 days per seller).
"""

from __future__ import annotations

import os
import random
import shutil
import tempfile
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

import httpx
from flipkart_seller_api.api.shipment_v3 import get_shipment_details

from flipkart_ext import (
    FileTokenStore,
    FlipkartClient,
    FlipkartError,
    MemoryTokenStore,
    ReauthorizationRequired,
    RedisTokenStore,
    RetryPolicy,
    TokenStoreError,
)
from flipkart_ext._sync.auth import store_unsaved
from tests.custody._model import CLIENT_ID, CLIENT_SECRET, Clock, FaultyStore, TokenServer

__all__ = ["YearResult", "simulate_year"]

DAY = 86_400.0
ACCESS_LIFETIME = 60 * DAY
REFRESH_LIFETIME = 180 * DAY
REDIRECT = "https://partner.example/callback"


@dataclass
class YearResult:
    store: str
    days: int
    sellers: int
    workers: int
    calls: int = 0
    typed_failures: Counter[str] = field(default_factory=Counter)
    reauthorizations: int = 0
    token_requests: int = 0
    minimum_token_requests: int = 0
    lost: int = 0
    faults: Counter[str] = field(default_factory=Counter)
    seconds: float = 0.0

    @property
    def excess(self) -> float:
        """Token requests beyond the minimum, as a fraction of it."""
        if not self.minimum_token_requests:
            return 0.0
        return self.token_requests / self.minimum_token_requests - 1


class _Year:
    def __init__(self, kind: str, sellers: int, workers: int, seed: int, redis_url: str) -> None:
        self.kind = kind
        self.random = random.Random(seed)
        self.clock = Clock()
        self.server = TokenServer(self.clock, expires_in=int(ACCESS_LIFETIME))
        self.sellers = [f"seller-{n:03d}" for n in range(sellers)]
        self.folder = tempfile.mkdtemp(prefix="flipkart-year-")
        self.redis_url = redis_url
        self.shared = MemoryTokenStore()
        if kind == "redis":
            import redis

            with redis.Redis.from_url(redis_url) as connection:
                connection.flushall()
        self.stores = [FaultyStore(self._store()) for _ in range(workers)]
        self.clients: list[dict[str, FlipkartClient]] = [{} for _ in range(workers)]
        self.guard = threading.Lock()
        #: When each seller was called (by any worker): what the minimum is computed from.
        self.called: dict[str, set[float]] = {seller: set() for seller in self.sellers}

    def _store(self) -> Any:
        if self.kind == "memory":
            return self.shared
        if self.kind == "file":
            return FileTokenStore(os.path.join(self.folder, "tokens.json"))
        return RedisTokenStore(self.redis_url, lock_lease=5, lock_timeout=30)

    def client(self, worker: int, seller: str) -> FlipkartClient:
        found = self.clients[worker].get(seller)
        if found is None:
            found = self.clients[worker][seller] = FlipkartClient(
                CLIENT_ID,
                CLIENT_SECRET,
                seller_id=seller,
                token_store=self.stores[worker],  # type: ignore[arg-type]
                transport=httpx.MockTransport(self.server.handler),
                retry=RetryPolicy.disabled(),
                clock=self.clock,
            )
            found.auth.save_retry_every = None  # retried by the day loop below
        return found

    def close(self) -> None:
        for clients in self.clients:
            for client in clients.values():
                client.close()
        for store in self.stores:
            if isinstance(store.inner, RedisTokenStore):
                store.inner.close()
        shutil.rmtree(self.folder, ignore_errors=True)


def simulate_year(
    kind: str,
    *,
    sellers: int = 100,
    workers: int = 4,
    days: int = 365,
    calls_per_day: float = 0.25,
    fault_rate: float = 0.05,
    seed: int = 20261206,
    redis_url: str = "",
) -> YearResult:
    """Run a year (or ``days``) for ``sellers`` over ``workers`` sharing a ``kind`` store."""
    year = _Year(kind, sellers, workers, seed, redis_url)
    result = YearResult(kind, days, sellers, workers)
    started = time.perf_counter()
    try:
        for seller in year.sellers:  # each seller authorizes the application once
            year.client(0, seller).exchange_code(year.server.new_code(seller), REDIRECT, "s")
        authorized_at = year.clock()
        requests_before = year.server.token_requests
        for _ in range(days):
            _draw_faults(year, result, fault_rate)
            _one_day(year, result, calls_per_day)
            for store in year.stores:
                store.down = False
            year.clock.advance(DAY)
            for worker in range(workers):  # the background retrier of each worker
                for client in year.clients[worker].values():
                    store_unsaved(client.auth)
        result.token_requests = year.server.token_requests - requests_before
        result.minimum_token_requests = sum(
            _fewest_renewals(sorted(year.called[seller]), authorized_at) for seller in year.sellers
        )
        result.lost = _lost(year)
    finally:
        year.close()
    result.seconds = time.perf_counter() - started
    return result


def _fewest_renewals(calls: list[float], obtained: float) -> int:
    """The fewest token requests any client needs to serve ``calls`` (a seller's call times).

    Renewing only when a call finds the token inside its refresh window (5 minutes before
    its 60-day expiry), as the ideal client does: the lifetimes allow no fewer.
    """
    renewals = 0
    for moment in calls:
        if moment >= obtained + ACCESS_LIFETIME - 300:
            renewals += 1
            obtained = moment
    return renewals


def _draw_faults(year: _Year, result: YearResult, rate: float) -> None:
    chance = year.random.random
    if chance() < rate:
        worker = year.random.randrange(len(year.stores))
        year.stores[worker].fail_fresh_save = True
        result.faults["save raising"] += 1
    if chance() < rate / 5:
        for store in year.stores:
            store.down = True
        result.faults["store down for a day"] += 1
    if year.kind == "redis" and chance() < rate:  # the store that evicts keys
        import redis

        seller = year.random.choice(year.sellers)
        key = year.client(0, seller).auth.key
        bare = year._store()
        with redis.Redis.from_url(year.redis_url) as connection:
            connection.delete(bare.keys(key)[0])  # the record; nothing else
        bare.close()
        result.faults["record evicted"] += 1
    if chance() < rate:
        _lose_auxiliary_keys(year)
        result.faults["auxiliary keys lost"] += 1
    if chance() < rate:
        year.server.delay = year.random.choice([5.0, 120.0, 400.0])
        result.faults["slow answer"] += 1
    if year.kind == "redis" and chance() < rate:
        _lease_lost_mid_refresh(year)
        result.faults["lease lost mid-refresh"] += 1


def _lose_auxiliary_keys(year: _Year) -> None:
    if year.kind == "redis":
        import redis

        with redis.Redis.from_url(year.redis_url) as connection:
            for name in connection.keys("*:lock"):
                connection.delete(name)
    elif year.kind == "file":
        lock = os.path.join(year.folder, "tokens.json.lock")
        if os.path.exists(lock):
            os.unlink(lock)


def _lease_lost_mid_refresh(year: _Year) -> None:
    """The next refresh loses its lease while it is in flight (its lock key goes)."""

    def drop() -> None:
        _lose_auxiliary_keys(year)

    year.server.hook = ("before", drop)


def _one_day(year: _Year, result: YearResult, calls_per_day: float) -> None:
    plans = [
        [seller for seller in year.sellers if year.random.random() < calls_per_day]
        for _ in year.stores
    ]
    threads = [
        threading.Thread(target=_work, args=(year, result, worker, plan))
        for worker, plan in enumerate(plans)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()


def _work(year: _Year, result: YearResult, worker: int, sellers: list[str]) -> None:
    for seller in sellers:
        with year.guard:
            year.called[seller].add(year.clock())
        try:
            year.client(worker, seller).call(get_shipment_details, "S1")
            outcome = None
        except ReauthorizationRequired:
            outcome = "ReauthorizationRequired"
        except TokenStoreError:
            outcome = "TokenStoreError"
        except FlipkartError as error:
            outcome = type(error).__name__
        if year.clients[worker][seller].auth._unsaved is not None:
            # The worker's background retrier: seconds later, long before the next calls
            # of a day that lasts 86,400 of them.
            store_unsaved(year.clients[worker][seller].auth)
        with year.guard:
            result.calls += 1
            if outcome == "ReauthorizationRequired":
                result.reauthorizations += 1
            elif outcome is not None:
                result.typed_failures[outcome] += 1


def _lost(year: _Year) -> int:
    """Sellers whose live refresh token is neither stored nor held by any worker."""
    bare = year._store()
    lost = 0
    try:
        for seller in year.sellers:
            live = year.server.live_refresh.get(seller)
            key = year.clients[0][seller].auth.key
            record = bare.load(key)
            if record is not None and record.refresh_token == live:
                continue
            held = any(
                (auth := clients[seller].auth)._unsaved is not None
                and auth._unsaved.refresh_token == live
                for clients in year.clients
                if seller in clients
            )
            lost += not held
    finally:
        if isinstance(bare, RedisTokenStore):
            bare.close()
    return lost
