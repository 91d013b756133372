"""One chaos scenario: a server answering from the truth through drawn chaos, a client built
for it, and the oracle's view of what was served.

The bound every operation is held to is the documented one: a call gives up within its
retry policy's ``total_timeout`` ("measured from the first attempt, waits included") plus
one attempt's ``timeout``. An operation that needs ``calls`` requests (pages, chunks) gets
that much per request, plus ``SLACK`` for a loaded machine:
``bound = calls * (POLICY.total_timeout + TIMEOUT) + SLACK``. And no single answer may be
read for longer than one call's bound: a trickle the client still reads after
``PER_CALL + SLACK`` seconds (each byte within the read timeout, the whole never) is
recorded by the server as outlasting it, and fails the example.

Examples are few and fixed (``derandomize``) in a normal run, and a failure is reported
as drawn, without shrinking: shrinking through real sockets and timeouts can take minutes.
``HYPOTHESIS_PROFILE=soak`` draws many from a random seed and shrinks what fails.
"""

from __future__ import annotations

import asyncio
import itertools
import os
import sys
import threading
import time
import traceback
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from hypothesis import HealthCheck, Phase, settings

from flipkart_ext import AsyncFlipkartClient, FlipkartClient, FlipkartError, RetryPolicy

from . import _json
from ._grammar import Chaos, Truth, decoded_bodies
from ._server import ChaosServer, Delivery, Request

__all__ = [
    "CHAOS_SETTINGS",
    "CLIENT_ID",
    "CLIENT_SECRET",
    "POLICY",
    "TIMEOUT",
    "Outcome",
    "Scenario",
    "check_error",
    "meanings",
]

CLIENT_ID = "chaos-app"
CLIENT_SECRET = "chaos-secret-5f1c9e"  # must never show in an error
TIMEOUT = 0.3
POLICY = RetryPolicy(
    max_attempts=3, backoff_base=0.01, backoff_cap=0.05, max_retry_after=0.5, total_timeout=1.0
)
PER_CALL = POLICY.total_timeout + TIMEOUT
SLACK = 1.2
STALL_SECONDS = 3 * TIMEOUT  # past the read timeout: a client that waits meets a reset

_SOAK = os.environ.get("HYPOTHESIS_PROFILE") == "soak"
CHAOS_SETTINGS = settings(
    # A modest count in `make test` (the whole suite must stay within minutes on 2 cores);
    # the soak profile's count (and its random seed) under `make soak`.
    max_examples=settings.default.max_examples if _SOAK else 6,
    derandomize=not _SOAK,
    phases=(
        [Phase.explicit, Phase.reuse, Phase.generate, Phase.target, Phase.shrink]
        if _SOAK
        else [Phase.explicit, Phase.generate]
    ),
    database=None,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


def meanings(delivery: Delivery, trickle_limit: float) -> list[Any]:
    """Every value a 2xx answer could stand for (none for any other status)."""
    if not 200 <= delivery.status < 300 or delivery.status in (204, 205):
        return []
    found = []
    for raw in delivery.received(trickle_limit):
        for body in decoded_bodies(raw, delivery.headers):
            value = _json.meaning(body)
            if value is not _json.NO_MEANING:
                found.append(value)
    return found


def pdf_bodies(delivery: Delivery, trickle_limit: float) -> list[bytes]:
    """Every complete body (decoded or not) of a 2xx answer."""
    if not 200 <= delivery.status < 300 or delivery.status in (204, 205):
        return []
    return [
        body
        for raw in delivery.received(trickle_limit)
        for body in decoded_bodies(raw, delivery.headers)
    ]


def token_truth(number: int, expires_in: Any = 3600) -> Truth:
    return Truth(
        _json.to_tree(
            {
                "access_token": f"AT-{number}",
                "token_type": "bearer",
                "expires_in": expires_in,
                "scope": "Seller_Api",
            }
        )
    )


NOT_FOUND = Truth(_json.to_tree({"errors": [{"code": "NOT_FOUND"}]}), status=404)


@dataclass
class Scenario:
    """The server's side of one example: the truth, the drawn chaos, and the log."""

    truth: Callable[[Request], Truth | None]
    chaos: Sequence[Chaos]
    calls: int = 1
    token_chaos: Sequence[Chaos] = ()
    token_truth: Callable[[int], Truth] = token_truth
    tokens_served: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.bound = self.calls * PER_CALL + SLACK
        self.trickle_limit = PER_CALL + SLACK
        self._api = itertools.count()
        self._token = itertools.count(1)
        self._lock = threading.Lock()
        self.server = ChaosServer(
            self._respond, stall_seconds=STALL_SECONDS, trickle_limit=self.trickle_limit
        )

    def _respond(self, request: Request) -> Delivery:
        with self._lock:
            if request.path.startswith("/oauth-service/"):
                number = next(self._token)
                drawn = self.token_chaos[number - 1] if number <= len(self.token_chaos) else None
                truth = self.token_truth(number)
            else:
                index = next(self._api)
                drawn = self.chaos[index] if index < len(self.chaos) else None
                truth = self.truth(request) or NOT_FOUND
        return (drawn or Chaos()).apply(truth)

    def api_log(self) -> list[tuple[Request, Delivery]]:
        return [(r, d) for r, d in self.server.log if not r.path.startswith("/oauth-service/")]

    def token_log(self) -> list[tuple[Request, Delivery]]:
        return [(r, d) for r, d in self.server.log if r.path.startswith("/oauth-service/")]

    def meanings(self, delivery: Delivery) -> list[Any]:
        return meanings(delivery, self.trickle_limit)

    def options(self) -> dict[str, Any]:
        return {
            "api_base_url": f"{self.server.url}/sellers",
            "oauth_base_url": f"{self.server.url}/oauth-service",
            "timeout": TIMEOUT,
            "retry": POLICY,
        }

    @contextmanager
    def running(self) -> Iterator[Scenario]:
        with self.server:
            yield self


@dataclass
class Outcome:
    value: Any = None
    error: FlipkartError | None = None
    seconds: float = 0.0
    partial: list[Any] = field(default_factory=list)


def run_sync(
    scenario: Scenario, operation: Callable[[FlipkartClient, list[Any]], Any], **client: Any
) -> Outcome:
    """Run ``operation(client, partial)``; anything but a FlipkartError propagates."""
    partial: list[Any] = []
    started = time.monotonic()
    with FlipkartClient(CLIENT_ID, CLIENT_SECRET, **scenario.options(), **client) as flipkart:
        try:
            value = operation(flipkart, partial)
        except FlipkartError as error:
            return Outcome(None, error, time.monotonic() - started, partial)
    return Outcome(value, None, time.monotonic() - started, partial)


def run_async(scenario: Scenario, operation: Callable[..., Any], **client: Any) -> Outcome:
    """The async twin: ``await operation(client, partial)`` in a fresh event loop."""

    async def main() -> Outcome:
        partial: list[Any] = []
        started = time.monotonic()
        async with AsyncFlipkartClient(
            CLIENT_ID, CLIENT_SECRET, **scenario.options(), **client
        ) as flipkart:
            try:
                value = await operation(flipkart, partial)
            except FlipkartError as error:
                return Outcome(None, error, time.monotonic() - started, partial)
        return Outcome(value, None, time.monotonic() - started, partial)

    return asyncio.run(main())


def check_error(outcome: Outcome, scenario: Scenario, *secrets: str) -> None:
    """Within the bound, and no secret in what the error says."""
    for request, _ in scenario.server.outlasted:
        raise AssertionError(
            f"the client kept reading a trickled answer to {request.method} {request.path} for "
            f"{scenario.trickle_limit:.1f}s, past one call's bound (total_timeout "
            f"{POLICY.total_timeout}s + timeout {TIMEOUT}s + {SLACK}s)"
        )
    assert outcome.seconds <= scenario.bound, (
        f"took {outcome.seconds:.2f}s; the bound is {scenario.bound:.2f}s "
        f"({scenario.calls} call(s) x (total_timeout {POLICY.total_timeout}s + timeout "
        f"{TIMEOUT}s) + {SLACK}s)"
    )
    if outcome.error is not None:
        shown = f"{outcome.error}\n{outcome.error!r}"
        for secret in (CLIENT_SECRET, *secrets):
            assert secret not in shown, f"a secret is shown in {type(outcome.error).__name__}"


HANG_GRACE = 2.0


def run(
    flavour: str,
    scenario: Scenario,
    sync_operation: Callable[[FlipkartClient, list[Any]], Any],
    async_operation: Callable[..., Any],
    **client: Any,
) -> Outcome:
    """Run the operation in the drawn flavour, inside the scenario's server.

    It runs in a watched thread: a call still running ``HANG_GRACE`` seconds past the
    bound has hung (a lock never released, a read never timed out). The example then
    fails with that thread's stack, instead of the whole test run waiting forever.
    """
    found: dict[str, Any] = {}

    def target() -> None:
        try:
            if flavour == "sync":
                found["outcome"] = run_sync(scenario, sync_operation, **client)
            else:
                found["outcome"] = run_async(scenario, async_operation, **client)
        except BaseException as exc:  # handed to the test's thread, traceback and all
            found["raised"] = exc

    with scenario.running():
        worker = threading.Thread(target=target, name="chaos-client", daemon=True)
        worker.start()
        worker.join(scenario.bound + HANG_GRACE)
        if worker.is_alive():
            frame = sys._current_frames().get(worker.ident or 0)
            stack = "".join(traceback.format_stack(frame)) if frame is not None else "?"
            raise AssertionError(
                f"the call hung: still running {scenario.bound + HANG_GRACE:.1f}s after it "
                f"started (bound {scenario.bound:.1f}s); where it waits:\n{stack}"
            )
    if "raised" in found:
        raise found["raised"]
    outcome: Outcome = found["outcome"]
    return outcome
