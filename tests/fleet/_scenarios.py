"""The fleet scenarios, sized by their callers: the tests run them small, ``make bench`` full size.

Each starts worker processes (:mod:`tests.fleet._worker`) against the loopback Flipkart
(:mod:`tests.fleet._fleet_app`) and one Redis, and returns what it measured, taken from
the server and from Redis rather than from the clients' own accounts.
"""

from __future__ import annotations

import contextlib
import json
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from flipkart_ext import RedisTokenStore, Token, TokenKey
from flipkart_ext._core.environments import resolve_environment
from tests.fleet._fleet_app import CLIENT_ID, ROOT, FleetServer

__all__ = ["Worker", "budget_run", "rotation_race", "seed", "storm", "workers"]


class Worker:
    """One worker process, spoken to in JSON lines."""

    def __init__(self, config: dict[str, Any]) -> None:
        env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), *sys.path])}
        self.process = subprocess.Popen(
            [sys.executable, "-m", "tests.fleet._worker", json.dumps(config)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            cwd=ROOT,
            env=env,
        )

    def send(self, line: str) -> None:
        assert self.process.stdin is not None
        self.process.stdin.write(line + "\n")
        self.process.stdin.flush()

    def read(self) -> dict[str, Any]:
        assert self.process.stdout is not None
        line = self.process.stdout.readline()
        if not line:
            assert self.process.stderr is not None
            self.process.wait(timeout=30)
            raise RuntimeError(
                f"worker exited ({self.process.returncode}): {self.process.stderr.read()[-3000:]}"
            )
        answer: dict[str, Any] = json.loads(line)
        return answer

    def stop(self) -> None:
        with contextlib.suppress(BrokenPipeError, OSError):
            assert self.process.stdin is not None
            self.process.stdin.close()  # the worker's cue to finish
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=10)
        for stream in (self.process.stdout, self.process.stderr):
            if stream is not None:
                stream.close()


@contextlib.contextmanager
def workers(configs: list[dict[str, Any]]) -> Iterator[list[Worker]]:
    """Start them all, wait until each is ready, stop them all at the end."""
    started = [Worker(config) for config in configs]
    try:
        for worker in started:
            assert worker.read() == {"ready": True}
        yield started
    finally:
        for worker in started:
            worker.stop()


def _base(server: FleetServer, redis_url: str) -> dict[str, Any]:
    return {"api": server.api_base_url, "oauth": server.oauth_base_url, "redis": redis_url}


def key_for(server: FleetServer, seller: str) -> TokenKey:
    """The store key the workers' clients use for ``seller`` (the environment names the server)."""
    environment = resolve_environment(
        "sandbox", api_base_url=server.api_base_url, oauth_base_url=server.oauth_base_url
    )
    return TokenKey(environment.key, CLIENT_ID, seller)


def seed(
    server: FleetServer,
    redis_url: str,
    sellers: list[str],
    *,
    expired: set[str] = frozenset(),  # type: ignore[assignment]
) -> dict[str, dict[str, Any]]:
    """Issue each seller a token and store it in Redis: ``expired`` ones already past expiry."""
    issued: dict[str, dict[str, Any]] = server.ctl("seed", sellers=",".join(sellers))
    store = RedisTokenStore(redis_url)
    now = time.time()
    for seller, answer in issued.items():
        ends = now - 10 if seller in expired else now + 3600
        store.save(
            key_for(server, seller),
            Token(
                answer["access_token"],
                expires_at=ends,
                refresh_token=answer["refresh_token"],
                obtained_at=ends - 3600,
            ),
        )
    store.close()
    server.ctl("reset")
    return issued


def stored_refresh_tokens(
    server: FleetServer, redis_url: str, sellers: list[str]
) -> dict[str, str | None]:
    store = RedisTokenStore(redis_url)
    found = {}
    for seller in sellers:
        token = store.load(key_for(server, seller))
        found[seller] = token.refresh_token if token is not None else None
    store.close()
    return found


@dataclass
class StormResult:
    processes: int
    sellers: int
    token_requests: int
    per_seller_max: int
    calls_ok: int
    errors: dict[str, int]
    seconds: float


def storm(server: FleetServer, redis_url: str, *, processes: int, sellers: int) -> StormResult:
    """Every process calls every seller at once; half the tokens expired, half revoked."""
    names = [f"seller-{n:04d}" for n in range(sellers)]
    seed(server, redis_url, names, expired=set(names[::2]))
    server.ctl("revoke")  # the others are revoked server-side: their calls meet a 401
    configs = [
        {**_base(server, redis_url), "mode": "storm", "sellers": names, "async": n % 2 == 1}
        for n in range(processes)
    ]
    with workers(configs) as running:
        started = time.monotonic()
        for worker in running:
            worker.send("go")
        answers = [worker.read() for worker in running]
        seconds = time.monotonic() - started
    state = server.state()
    errors: dict[str, int] = {}
    for answer in answers:
        for name, count in answer["errors"].items():
            errors[name] = errors.get(name, 0) + count
    return StormResult(
        processes=processes,
        sellers=sellers,
        token_requests=state["token_requests"],
        per_seller_max=max(state["by_seller"].values(), default=0),
        calls_ok=sum(answer["ok"] for answer in answers),
        errors=errors,
        seconds=seconds,
    )


@dataclass
class RaceResult:
    rounds: int
    token_requests: int
    lost_refresh_tokens: int
    stale_processes: int
    errors: list[str]


def rotation_race(server: FleetServer, redis_url: str, *, rounds: int) -> RaceResult:
    """Two processes, one seller; each round the server revokes the access token and both call."""
    seller = "seller-race"
    seed(server, redis_url, [seller])
    config = {**_base(server, redis_url), "mode": "race", "sellers": [seller]}
    lost = stale = 0
    errors: list[str] = []
    with workers([config, config]) as pair:
        for _ in range(rounds):
            server.ctl("revoke")
            for worker in pair:
                worker.send("go")
            answers = [worker.read() for worker in pair]
            state = server.state()
            errors += [answer["error"] for answer in answers if "error" in answer]
            if (
                stored_refresh_tokens(server, redis_url, [seller])[seller]
                != state["live_refresh"][seller]
            ):
                lost += 1
            stale += sum(
                answer.get("access") != state["newest_access"][seller] for answer in answers
            )
        token_requests = server.state()["token_requests"]
    return RaceResult(rounds, token_requests, lost, stale, errors)


@dataclass
class BudgetResult:
    processes: int
    rate: float
    seconds: float
    measured_rate: float
    pause_seconds: float
    errors: dict[str, int]


def budget_run(
    server: FleetServer, redis_url: str, *, processes: int, rate: float, seconds: float
) -> BudgetResult:
    """Processes share one rate budget for ``seconds``; then one 429 (Retry-After: 2) is served."""
    sellers = [f"seller-{n}" for n in range(6)]
    seed(server, redis_url, sellers)
    settle, pause_watch = 0.5, 3.5
    config = {
        **_base(server, redis_url),
        "mode": "budget",
        "sellers": sellers,
        "rate": rate,
        "threads": 3,
    }
    with workers([config] * processes) as running:
        go = time.monotonic()
        for worker in running:
            worker.send(f"go {settle + seconds + pause_watch}")
        time.sleep(settle + seconds)
        server.ctl("throttle", retry_after="2")
        answers = [worker.read() for worker in running]
    log: list[tuple[float, int]] = [tuple(entry) for entry in server.ctl("api_log")]  # type: ignore[misc]
    window = [t for t, _ in log if go + settle <= t < go + settle + seconds]
    throttled = [t for t, status in log if status == 429]
    pause = 0.0
    if throttled:
        # The first request sent after the 429 (one already on its way within 0.1 s may land).
        after = [t for t, _ in log if t > throttled[0] + 0.1]
        pause = (after[0] - throttled[0]) if after else float("inf")
    errors: dict[str, int] = {}
    for answer in answers:
        for outcome, count in answer["outcomes"].items():
            if outcome != "ok":
                errors[outcome] = errors.get(outcome, 0) + count
    return BudgetResult(processes, rate, seconds, len(window) / seconds, pause, errors)
