"""The batch engine: chunks, one result per item, failures as data, 429 pauses, concurrency.

A small fake server (``httpx.MockTransport``) answers per item; the expected results are
worked out here from what the server was told to do, not from the engine's code.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

import httpx
import pytest

from flipkart_ext import (
    APIConnectionError,
    AuthenticationError,
    BatchAnomaly,
    FlipkartError,
    MalformedResponse,
    RateLimitError,
    RetryPolicy,
    ServerError,
)
from flipkart_ext._async.batches import run_batch as arun_batch
from flipkart_ext._async.http import AsyncWire
from flipkart_ext._core.batches import BatchPlan, Chunk
from flipkart_ext._core.calls import Call
from flipkart_ext._core.ids import chunked
from flipkart_ext._sync.batches import run_batch
from flipkart_ext._sync.http import Wire


@dataclass(frozen=True)
class Result:
    key: str
    status: str
    error: FlipkartError | None = None

    @property
    def ok(self) -> bool:
        return self.status == "SUCCESS"


def _read(chunk: Chunk[str], body: Any) -> list[tuple[str, Result]]:
    return [(entry["id"], Result(entry["id"], entry["status"])) for entry in body["items"]]


def plan_for(keys: list[str], size: int) -> BatchPlan[str, Result]:
    chunks = [
        Chunk(tuple(part), Call("POST", "/act", {"ids": part}, operation="test.act"))
        for part in chunked(keys, size)
    ]
    return BatchPlan(
        name="act",
        keys=keys,
        chunks=chunks,
        read=_read,
        failed=lambda key, error: Result(key, "NOT_APPLIED", error),
        missing=lambda key: Result(key, "NOT_IN_ANSWER"),
    )


@dataclass
class Server:
    """Answers each request per id: FAILURE for ids in ``refuse``, nothing for ids in ``omit``.

    ``script`` maps the n-th request (1-based) to a canned response instead.
    """

    refuse: set[str] = field(default_factory=set)
    omit: set[str] = field(default_factory=set)
    extra: list[str] = field(default_factory=list)
    script: dict[int, Callable[[httpx.Request], httpx.Response]] = field(default_factory=dict)
    seen: list[list[str]] = field(default_factory=list)
    in_flight: int = 0
    peak: int = 0
    delay: float = 0.0
    lock: threading.Lock = field(default_factory=threading.Lock)

    def answer(self, request: httpx.Request) -> httpx.Response:
        ids = json.loads(request.content)["ids"]
        with self.lock:
            self.seen.append(ids)
            number = len(self.seen)
        if number in self.script:
            return self.script[number](request)
        items = [
            {"id": i, "status": "FAILURE" if i in self.refuse else "SUCCESS"}
            for i in ids
            if i not in self.omit
        ]
        items += [{"id": i, "status": "SUCCESS"} for i in self.extra]
        return httpx.Response(200, json={"items": items})

    def handler(self, request: httpx.Request) -> httpx.Response:
        with self.lock:
            self.in_flight += 1
            self.peak = max(self.peak, self.in_flight)
        try:
            if self.delay:
                time.sleep(self.delay)
            return self.answer(request)
        finally:
            with self.lock:
                self.in_flight -= 1

    async def async_handler(self, request: httpx.Request) -> httpx.Response:
        with self.lock:
            self.in_flight += 1
            self.peak = max(self.peak, self.in_flight)
        try:
            if self.delay:
                await asyncio.sleep(self.delay)
            return self.answer(request)
        finally:
            with self.lock:
                self.in_flight -= 1


@contextlib.contextmanager
def _client(server: Server) -> Iterator[Wire]:
    transport = httpx.MockTransport(server.handler)
    with httpx.Client(base_url="https://api.test", transport=transport) as http:
        yield Wire(http)


def _policy(sleeps: list[float]) -> RetryPolicy:
    """A clock that moves only when the engine sleeps, so waits are exact and instant."""
    now = [1000.0]

    def sleep(seconds: float) -> None:
        sleeps.append(seconds)
        now[0] += seconds

    return RetryPolicy(sleep=sleep, clock=lambda: now[0], random=lambda: 0.5)


KEYS = [f"S{i:02d}" for i in range(60)]


def test_sixty_items_in_chunks_of_25_give_sixty_results_in_input_order() -> None:
    server = Server(refuse={"S07"})
    with _client(server) as http:
        results = run_batch(http, plan_for(KEYS, 25))

    assert [len(ids) for ids in server.seen] == [25, 25, 10]
    assert [r.key for r in results] == KEYS
    assert results.requests == 3
    assert [r.key for r in results.failed] == ["S07"]
    assert len(results.succeeded) == 59 and not results.all_ok


def test_an_item_the_answer_leaves_out_or_adds_is_an_anomaly_never_a_result() -> None:
    server = Server(omit={"S03"}, extra=["X1"])
    with _client(server) as http:
        results = run_batch(http, plan_for(KEYS[:5], 25))

    assert [(r.key, r.status) for r in results] == [
        ("S00", "SUCCESS"),
        ("S01", "SUCCESS"),
        ("S02", "SUCCESS"),
        ("S03", "NOT_IN_ANSWER"),
        ("S04", "SUCCESS"),
    ]
    assert [(a.kind, a.key, a.request) for a in results.anomalies] == [
        ("unexpected", "X1", 0),
        ("missing", "S03", 0),
    ]
    assert not results.all_ok


def test_an_answer_claiming_another_requests_item_sets_nothing_for_it() -> None:
    """Request 1 fails; request 2's answer claims request 1's items as SUCCESS."""

    def claims_all(request: httpx.Request) -> httpx.Response:
        items = [{"id": key, "status": "SUCCESS"} for key in KEYS[:20]]
        return httpx.Response(200, json={"items": items})

    server = Server(script={1: lambda request: httpx.Response(500, json={}), 2: claims_all})
    with _client(server) as http:
        results = run_batch(http, plan_for(KEYS[:20], 10), policy=RetryPolicy(max_attempts=1))

    assert [r.status for r in results] == ["NOT_APPLIED"] * 10 + ["SUCCESS"] * 10
    assert len(results) == 20 and len(results.succeeded) == 10
    assert {(a.kind, a.request) for a in results.anomalies} == {("unexpected", 1)}
    assert sorted(a.key for a in results.anomalies) == KEYS[:10]


@pytest.mark.parametrize("second", ["SUCCESS", "FAILURE"])
def test_an_item_named_twice_believes_neither_entry_and_is_an_anomaly(second: str) -> None:
    def thrice(request: httpx.Request) -> httpx.Response:
        items = [{"id": "S00", "status": "SUCCESS"}, {"id": "S00", "status": second}] * 2
        return httpx.Response(200, json={"items": [*items, {"id": "S01", "status": "SUCCESS"}]})

    server = Server(script={1: thrice})
    with _client(server) as http:
        results = run_batch(http, plan_for(KEYS[:2], 25))

    assert [(r.key, r.status) for r in results] == [("S00", "NOT_APPLIED"), ("S01", "SUCCESS")]
    error = results[0].error
    assert isinstance(error, MalformedResponse)
    assert error.operation == "test.act"  # which call's answer it was, for the logs and CLI
    assert str(error) == (
        "act: the answer names 'S00' more than once; its outcome is unknown "
        "(check it before sending it again)"
    )
    # Named four times, recorded once.
    assert results.anomalies == (
        BatchAnomaly("repeated", "S00", 0, "the answer names 'S00' more than once"),
    )


@pytest.mark.parametrize(
    ("answer", "error_type"),
    [
        (lambda request: httpx.Response(503, json={"errors": [{"code": "DOWN"}]}), ServerError),
        (lambda request: httpx.Response(200, text="<html>"), MalformedResponse),
        (lambda request: httpx.Response(200, json=["not", "an", "object"]), MalformedResponse),
    ],
)
def test_a_failed_chunk_marks_its_items_not_applied_and_the_rest_go_on(
    answer: Callable[[httpx.Request], httpx.Response], error_type: type[Exception]
) -> None:
    server = Server(script={2: answer})
    with _client(server) as http:
        results = run_batch(http, plan_for(KEYS, 25), policy=RetryPolicy(sleep=lambda s: None))

    statuses = [r.status for r in results]
    assert statuses == ["SUCCESS"] * 25 + ["NOT_APPLIED"] * 25 + ["SUCCESS"] * 10
    assert all(isinstance(r.error, error_type) for r in results[25:50])
    assert len(server.seen) == 3


def test_a_connection_failure_is_reported_with_its_typed_error() -> None:
    def refuse(request: httpx.Request) -> httpx.Response:
        raise httpx.ReadError("connection reset", request=request)

    server = Server(script={1: refuse})
    with _client(server) as http:
        results = run_batch(http, plan_for(KEYS[:3], 25))

    assert [r.status for r in results] == ["NOT_APPLIED"] * 3
    assert isinstance(results[0].error, APIConnectionError)


def test_a_429_pauses_the_batch_then_sends_the_chunk_again() -> None:
    limited = httpx.Response(429, headers={"Retry-After": "7"}, json={})
    server = Server(script={2: lambda request: limited})
    sleeps: list[float] = []
    with _client(server) as http:
        results = run_batch(http, plan_for(KEYS, 25), policy=_policy(sleeps))

    assert results.all_ok and len(results) == 60
    assert [len(ids) for ids in server.seen] == [25, 25, 25, 10]
    assert server.seen[1] == server.seen[2]  # the refused chunk, sent again
    assert results.requests == 4
    assert sleeps == [7.0]


def test_a_429_without_retry_after_backs_off() -> None:
    server = Server(script={1: lambda request: httpx.Response(429, json={})})
    sleeps: list[float] = []
    with _client(server) as http:
        results = run_batch(http, plan_for(KEYS[:2], 25), policy=_policy(sleeps))

    assert results.all_ok
    assert sleeps == [0.25]  # random 0.5 x backoff_base 0.5


def test_a_retry_after_beyond_the_cap_is_not_waited_for() -> None:
    server = Server(script={1: lambda request: httpx.Response(429, headers={"Retry-After": "600"})})
    sleeps: list[float] = []
    with _client(server) as http:
        results = run_batch(http, plan_for(KEYS[:2], 25), policy=_policy(sleeps))

    assert sleeps == [] and len(server.seen) == 1
    assert [r.status for r in results] == ["NOT_APPLIED"] * 2
    assert isinstance(results[0].error, RateLimitError)


def test_429s_stop_after_max_attempts_and_the_chunk_is_reported() -> None:
    server = Server(script={n: lambda request: httpx.Response(429, json={}) for n in (1, 2, 3)})
    sleeps: list[float] = []
    policy = RetryPolicy(max_attempts=3, sleep=sleeps.append, random=lambda: 0.0)  # no waits
    with _client(server) as http:
        results = run_batch(http, plan_for(KEYS[:30], 25), policy=policy)

    assert sleeps == []  # zero backoff: nothing to wait for, but three attempts only
    assert [len(ids) for ids in server.seen] == [25, 25, 25, 5]
    assert [r.status for r in results] == ["NOT_APPLIED"] * 25 + ["SUCCESS"] * 5


def test_an_auth_error_before_anything_was_answered_is_raised() -> None:
    server = Server(script={1: lambda request: httpx.Response(401, json={})})
    with _client(server) as http, pytest.raises(AuthenticationError):
        run_batch(http, plan_for(KEYS, 25))
    assert len(server.seen) == 1  # the other chunks were never sent


def test_an_auth_error_mid_batch_stops_sending_and_loses_nothing() -> None:
    server = Server(script={2: lambda request: httpx.Response(403, json={})})
    with _client(server) as http:
        results = run_batch(http, plan_for(KEYS, 25))

    assert len(server.seen) == 2
    assert [r.status for r in results] == ["SUCCESS"] * 25 + ["NOT_APPLIED"] * 35
    assert all(r.error is results[30].error for r in results[25:])


def test_settled_items_are_not_sent() -> None:
    plan = plan_for(["A", "B"], 25)
    plan = BatchPlan(
        name=plan.name,
        keys=["A", "Z", "B"],
        chunks=plan.chunks,
        read=plan.read,
        failed=plan.failed,
        missing=plan.missing,
        settled={"Z": Result("Z", "NOT_APPLIED")},
    )
    server = Server()
    with _client(server) as http:
        results = run_batch(http, plan)

    assert [(r.key, r.status) for r in results] == [
        ("A", "SUCCESS"),
        ("Z", "NOT_APPLIED"),
        ("B", "SUCCESS"),
    ]
    assert server.seen == [["A", "B"]]


def test_threads_keep_at_most_max_concurrency_requests_in_flight() -> None:
    server = Server(delay=0.02, refuse={"S33"})
    with _client(server) as http:
        results = run_batch(http, plan_for(KEYS, 5), max_concurrency=4)

    assert 2 <= server.peak <= 4
    assert [r.key for r in results] == KEYS
    assert [r.key for r in results.failed] == ["S33"]


def test_async_keeps_at_most_max_concurrency_requests_in_flight() -> None:
    server = Server(delay=0.02, refuse={"S33"})

    async def main() -> list[str]:
        transport = httpx.MockTransport(server.async_handler)
        async with httpx.AsyncClient(base_url="https://api.test", transport=transport) as http:
            results = await arun_batch(AsyncWire(http), plan_for(KEYS, 5), max_concurrency=4)
        assert [r.key for r in results.failed] == ["S33"]
        return [r.key for r in results]

    assert asyncio.run(main()) == KEYS
    assert 2 <= server.peak <= 4


def test_async_429_pauses_every_sender() -> None:
    limited = httpx.Response(429, headers={"Retry-After": "3"}, json={})
    server = Server(script={1: lambda request: limited})
    sleeps: list[float] = []

    now = [50.0]

    async def record(seconds: float) -> None:
        sleeps.append(seconds)
        now[0] += seconds

    async def main() -> int:
        transport = httpx.MockTransport(server.async_handler)
        policy = RetryPolicy(async_sleep=record, clock=lambda: now[0])
        async with httpx.AsyncClient(base_url="https://api.test", transport=transport) as http:
            results = await arun_batch(AsyncWire(http), plan_for(KEYS, 25), policy=policy)
        assert results.all_ok
        return results.requests

    assert asyncio.run(main()) == 4
    assert sleeps == [3.0]


@pytest.mark.parametrize("bad", [0, -1, 1.5, True, "2"])
def test_max_concurrency_is_checked(bad: object) -> None:
    with _client(Server()) as http, pytest.raises(ValueError, match="max_concurrency"):
        run_batch(http, plan_for(KEYS[:1], 25), max_concurrency=bad)  # type: ignore[arg-type]


def test_empty_batch_sends_nothing() -> None:
    server = Server()
    with _client(server) as http:
        results = run_batch(http, plan_for([], 25))
    assert list(results) == [] and results.all_ok and server.seen == []


@pytest.mark.parametrize("max_concurrency", [1, 3])
def test_async_a_chunk_that_failed_for_good_is_never_sent_again(max_concurrency: int) -> None:
    """A mutating chunk answered 503 may have been applied: it is reported, not re-sent."""
    server = Server(script={2: lambda request: httpx.Response(503, json={})})

    async def main() -> list[str]:
        transport = httpx.MockTransport(server.async_handler)
        async with httpx.AsyncClient(base_url="https://api.test", transport=transport) as http:
            results = await arun_batch(
                AsyncWire(http),
                plan_for(KEYS, 25),
                max_concurrency=max_concurrency,
                policy=RetryPolicy(max_attempts=1),
            )
        return [r.status for r in results]

    statuses = asyncio.run(main())
    assert len(server.seen) == 3
    assert sorted(map(tuple, server.seen)) == sorted(tuple(part) for part in chunked(KEYS, 25))
    assert statuses.count("NOT_APPLIED") == 25
