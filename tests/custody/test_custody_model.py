"""A model-based test of token custody (issue 20, item 4): N workers x M sellers, faults drawn.

A hypothesis ``RuleBasedStateMachine`` drives workers (each with its own store object, as a
process has; the memory store is one object shared by threads) against a token server
that rotates single-use refresh tokens, while faults are injected: a lease running out
mid-refresh (another worker taking over), auxiliary keys lost, a save raising, the store
restarting or frozen, the token record evicted, slow answers, a worker killed between the
token answer and its save. After every step:

* the live refresh token of every seller is in the store, or in the memory of a live worker
  that will store it (unless the grant was revoked, or lost with a killed worker);
* no call has ended in ``ReauthorizationRequired`` unless the seller's grant really is gone
  (revoked by the server, spent by a worker killed before it could store the successor, or
  evicted while no live worker held it);
* no call has raised anything but a ``FlipkartError``.

Against ``MemoryTokenStore``, ``FileTokenStore`` and ``RedisTokenStore`` (a real
redis-server). ``make test`` runs a few short sequences; ``make soak`` (``HYPOTHESIS_PROFILE=soak``)
many long ones.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from typing import Any

import httpx
import pytest
from flipkart_seller_api.api.shipment_v3 import get_shipment_details
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    initialize,
    invariant,
    precondition,
    rule,
    run_state_machine_as_test,
)

from flipkart_ext import (
    FileTokenStore,
    FlipkartClient,
    FlipkartError,
    MemoryTokenStore,
    ReauthorizationRequired,
    RedisTokenStore,
    RetryPolicy,
    TokenKey,
    TokenStoreError,
)
from flipkart_ext._sync.auth import store_unsaved
from tests.custody._model import (
    CLIENT_ID,
    CLIENT_SECRET,
    START,
    Clock,
    FaultyStore,
    Killed,
    TokenServer,
)

SOAK = os.environ.get("HYPOTHESIS_PROFILE") == "soak"
#: A run stays within the custody wait (a day): a refresh token found spent by another
#: worker is pending, not lost, for that long (its holder retries its save meanwhile).
MAX_ELAPSED = 20 * 3600
WORKERS = 3
SELLERS = ["s-a", "s-b"]
API = "https://sandbox-api.flipkart.net/sellers"
REDIRECT = "https://partner.example/callback"


class Worker:
    """One worker: its store object and one client per seller, made on first use."""

    def __init__(self, machine: CustodyMachine, index: int) -> None:
        self.machine = machine
        self.index = index
        self.store = FaultyStore(machine.new_store())
        self.clients: dict[str, FlipkartClient] = {}

    def client(self, seller: str) -> FlipkartClient:
        if seller not in self.clients:
            self.clients[seller] = FlipkartClient(
                CLIENT_ID,
                CLIENT_SECRET,
                seller_id=seller,
                token_store=self.store,  # type: ignore[arg-type]
                transport=httpx.MockTransport(self.machine.server.handler),
                retry=RetryPolicy.disabled(),
                clock=self.machine.clock,
            )
            # The model runs the background save retries itself, when its time passes.
            self.clients[seller].auth.save_retry_every = None
        return self.clients[seller]

    def retry_saves(self) -> str | None:
        """What the background retrier does while time passes: store unsaved tokens.

        The seller whose save killed the worker, if one did.
        """
        for seller, client in self.clients.items():
            try:
                store_unsaved(client.auth)
            except Killed:
                return seller
        return None

    def holds(self, seller: str, refresh: str) -> bool:
        """True when this worker keeps ``refresh`` in memory (to use it, and store it)."""
        client = self.clients.get(seller)
        if client is None:
            return False
        auth = client.auth
        held = [auth._token, auth._unsaved]
        return any(token is not None and token.refresh_token == refresh for token in held)

    def close(self) -> None:
        for client in self.clients.values():
            client.close()
        inner = self.store.inner
        if isinstance(inner, RedisTokenStore):
            inner.close()


class CustodyMachine(RuleBasedStateMachine):
    kind = "memory"
    redis_url = ""

    def __init__(self) -> None:
        super().__init__()
        self.clock = Clock()
        self.server = TokenServer(self.clock)
        self.folder = tempfile.mkdtemp(prefix="custody-")
        self.shared_memory = MemoryTokenStore()
        if self.kind == "redis":
            import redis

            with redis.Redis.from_url(self.redis_url) as connection:
                connection.flushall()
        self.workers = [Worker(self, n) for n in range(WORKERS)]
        self.gone: set[str] = set()  # sellers whose grant is revoked or lost with a worker
        self.lost_with_a_kill: set[str] = set()

    # -- the stores -------------------------------------------------------------------------

    def new_store(self) -> Any:
        if self.kind == "memory":
            return self.shared_memory  # threads of one process share the object
        if self.kind == "file":
            return FileTokenStore(os.path.join(self.folder, "tokens.json"))
        return RedisTokenStore(self.redis_url, lock_lease=5, lock_timeout=5)

    def key(self, seller: str) -> TokenKey:
        return self.workers[0].client(seller).auth.key

    def stored(self, seller: str) -> Any:
        store = self.new_store()
        try:
            return store.load(self.key(seller))
        finally:
            if isinstance(store, RedisTokenStore):
                store.close()

    def teardown(self) -> None:
        for worker in self.workers:
            worker.close()
        shutil.rmtree(self.folder, ignore_errors=True)

    # -- the outcome of one call ------------------------------------------------------------

    def call(self, worker: Worker, seller: str) -> None:
        client = worker.client(seller)
        try:
            client.call(get_shipment_details, "S1")
        except Killed:
            self.kill(worker, seller)
        except ReauthorizationRequired:
            assert seller in self.gone, f"{seller}: ReauthorizationRequired with a live grant"
        except TokenStoreError:
            pass  # the store is failing, or another worker's renewal is pending: typed
        except FlipkartError as error:
            raise AssertionError(f"unexpected {type(error).__name__}: {error}") from error

    def kill(self, worker: Worker, seller: str) -> None:
        """The worker died between the token answer and its save: it is replaced.

        Everything it held in memory dies with it: the token it just received for
        ``seller`` (spent from the server's side), and any token it alone held (of a record
        evicted and not yet written back).
        """
        index = self.workers.index(worker)
        worker.close()
        self.workers[index] = Worker(self, index)
        for each in SELLERS:
            live = self.server.live_refresh.get(each)
            if live is not None and each not in self.gone and not self.kept(each, live):
                self.gone.add(each)
                self.lost_with_a_kill.add(each)

    def kept(self, seller: str, live: str) -> bool:
        record = self.stored(seller)
        if record is not None and record.refresh_token == live:
            return True
        return any(worker.holds(seller, live) for worker in self.workers)

    # -- rules ------------------------------------------------------------------------------

    @initialize()
    def authorize_every_seller(self) -> None:
        for seller in SELLERS:  # the first worker runs the web callback of each seller
            self.workers[0].client(seller).exchange_code(
                self.server.new_code(seller), REDIRECT, "state"
            )

    @rule(worker=st.integers(0, WORKERS - 1), seller=st.sampled_from(SELLERS))
    def a_call(self, worker: int, seller: str) -> None:
        self.call(self.workers[worker], seller)

    @precondition(lambda self: self.clock.now - START < MAX_ELAPSED)
    @rule(seconds=st.sampled_from([60, 1800, 3300, 3600, 7200]))
    def time_passes(self, seconds: int) -> None:
        self.clock.advance(seconds)
        for worker in list(self.workers):
            if not worker.store.down:
                killed = worker.retry_saves()
                if killed is not None:
                    self.kill(worker, killed)

    @rule(seconds=st.sampled_from([5, 120, 400]))
    def a_slow_answer(self, seconds: int) -> None:
        self.server.delay = seconds

    @rule(worker=st.integers(0, WORKERS - 1))
    def a_save_raises(self, worker: int) -> None:
        self.workers[worker].store.fail_fresh_save = True

    @rule(worker=st.integers(0, WORKERS - 1))
    def killed_between_answer_and_save(self, worker: int) -> None:
        self.workers[worker].store.kill_on_fresh_save = True

    @rule(down=st.booleans())
    def the_store_restarts_or_freezes(self, down: bool) -> None:
        for worker in self.workers:
            worker.store.down = down

    @precondition(lambda self: self.kind == "redis")  # the store that evicts keys
    @rule(seller=st.sampled_from(SELLERS))
    def the_token_record_is_evicted(self, seller: str) -> None:
        import redis

        store = self.new_store()
        with redis.Redis.from_url(self.redis_url) as connection:
            connection.delete(store.keys(self.key(seller))[0])  # the record; nothing else
        store.close()
        live = self.server.live_refresh.get(seller)
        if live is not None and not any(w.holds(seller, live) for w in self.workers):
            self.gone.add(seller)  # the only copy is gone: no client can bring it back

    @rule()
    def auxiliary_keys_are_lost(self) -> None:
        if self.kind == "redis":
            import redis

            with redis.Redis.from_url(self.redis_url) as connection:
                for name in connection.keys("*:lock"):
                    connection.delete(name)
        elif self.kind == "file":
            lock = os.path.join(self.folder, "tokens.json.lock")
            if os.path.exists(lock):
                os.unlink(lock)

    @precondition(lambda self: self.kind == "redis")
    @rule(
        first=st.integers(0, WORKERS - 1),
        second=st.integers(0, WORKERS - 1),
        seller=st.sampled_from(SELLERS),
        when=st.sampled_from(["before", "after"]),
    )
    def a_lease_runs_out_mid_refresh(self, first: int, second: int, seller: str, when: str) -> None:
        """While ``first`` refreshes, its lease is lost and ``second`` takes the lock."""
        if first == second:
            return
        import redis

        key = self.key(seller)

        def take_over() -> None:
            with redis.Redis.from_url(self.redis_url) as connection:
                connection.delete(*(connection.keys("*:lock") or ["-"]))
            self.call(self.workers[second], seller)

        self.server.hook = (when, take_over)
        self.clock.advance(3600)  # both workers' tokens need renewing
        self.call(self.workers[first], seller)
        self.server.hook = None
        assert key is not None

    @rule(seller=st.sampled_from(SELLERS))
    def the_server_revokes_a_grant(self, seller: str) -> None:
        self.server.revoke(seller)
        self.gone.add(seller)

    @precondition(lambda self: bool(self.gone - self.lost_with_a_kill) or bool(self.gone))
    @rule(worker=st.integers(0, WORKERS - 1), seller=st.sampled_from(SELLERS))
    def the_seller_authorizes_again(self, worker: int, seller: str) -> None:
        if seller not in self.gone:
            return
        code = self.server.new_code(seller)
        client = self.workers[worker].client(seller)
        try:
            client.exchange_code(code, REDIRECT, "state")
        except Killed:
            self.kill(self.workers[worker], seller)
            return
        except TokenStoreError:
            return  # the store is down: the exchange's token is kept by the worker
        self.settle(seller)

    def settle(self, seller: str) -> None:
        """A seller authorized again counts as live once the store holds its new grant
        (until then, other workers still find the revoked one there)."""
        live = self.server.live_refresh.get(seller)
        record = self.stored(seller)
        if live is not None and record is not None and record.refresh_token == live:
            self.gone.discard(seller)
            self.lost_with_a_kill.discard(seller)

    # -- the invariant ----------------------------------------------------------------------

    @invariant()
    def the_live_refresh_token_is_stored_or_held(self) -> None:
        if any(worker.store.down for worker in self.workers):
            down = True
            for worker in self.workers:
                worker.store.down = False  # read the record itself
        else:
            down = False
        try:
            for seller in SELLERS:
                if seller in self.gone:
                    self.settle(seller)
                live = self.server.live_refresh.get(seller)
                if live is None or seller in self.gone:
                    continue
                assert self.kept(seller, live), (
                    f"{seller}: the live refresh token is neither stored nor held by a worker"
                )
        finally:
            if down:
                for worker in self.workers:
                    worker.store.down = True


def _settings() -> settings:
    return settings(
        max_examples=300 if SOAK else 8,
        stateful_step_count=80 if SOAK else 20,
        deadline=None,
        derandomize=not SOAK,
        database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
    )


def _run(kind: str, redis_url: str = "") -> None:
    machine = type(
        f"Custody{kind.title()}", (CustodyMachine,), {"kind": kind, "redis_url": redis_url}
    )
    run_state_machine_as_test(machine, settings=_settings())


@pytest.mark.soak
def test_custody_holds_with_the_memory_store() -> None:
    _run("memory")


@pytest.mark.soak
def test_custody_holds_with_the_file_store() -> None:
    _run("file")


@pytest.mark.soak
def test_custody_holds_with_the_redis_store(redis_url: str) -> None:
    _run("redis", redis_url)
