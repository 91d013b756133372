"""The batch engine pinned down: progress, pauses, unreadable answers, logs, action entries.

Beside ``test_batches.py`` (the guarantees), these pin each observable detail: the progress
reported, a pause waited exactly once, the error an unreadable answer becomes, every anomaly
and log line word for word, and how a bulk action's answer is read. The async driver is
tested on its own here because it is the source the sync one is generated from.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import threading
import time
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from flipkart_ext import (
    APITimeoutError,
    AuthenticationError,
    BatchAnomaly,
    ClientClosed,
    InvalidArgument,
    MalformedResponse,
    PermissionDenied,
    RateLimitError,
    RetryPolicy,
)
from flipkart_ext._async.batches import run_batch as arun_batch
from flipkart_ext._async.http import AsyncWire
from flipkart_ext._core.batches import (
    ActionEntry,
    BatchPlan,
    BatchResults,
    BatchRun,
    Chunk,
    action_entries,
    failure_fields,
)
from flipkart_ext._core.calls import Call
from flipkart_ext._sync.batches import run_batch
from flipkart_ext._sync.http import Wire

from .test_batches import KEYS, Result, Server, plan_for


class _Runaway(Exception):
    """Raised by a test's sleep or server when the engine would go on for ever."""


@contextlib.contextmanager
def _wire(handler: Any) -> Iterator[Wire]:
    with httpx.Client(base_url="https://api.test", transport=httpx.MockTransport(handler)) as c:
        yield Wire(c)


def _ok(request: httpx.Request) -> httpx.Response:
    ids = json.loads(request.content)["ids"]
    return httpx.Response(200, json={"items": [{"id": i, "status": "SUCCESS"} for i in ids]})


def _with(plan: BatchPlan[str, Result], **changes: Any) -> BatchPlan[str, Result]:
    fields = {
        "name": plan.name,
        "keys": plan.keys,
        "chunks": plan.chunks,
        "read": plan.read,
        "failed": plan.failed,
        "missing": plan.missing,
        "settled": plan.settled,
    }
    return BatchPlan(**{**fields, **changes})


# -- progress -------------------------------------------------------------------------------


def test_progress_is_reported_once_per_settled_chunk_with_the_total() -> None:
    seen: list[tuple[int, int]] = []
    with _wire(Server().handler) as wire:
        run_batch(wire, plan_for(KEYS, 25), progress=lambda done, total: seen.append((done, total)))
    assert seen == [(1, 3), (2, 3), (3, 3)]


def test_async_progress_is_reported_once_per_settled_chunk_with_the_total() -> None:
    seen: list[tuple[int, int]] = []

    async def main() -> None:
        transport = httpx.MockTransport(Server().async_handler)
        async with httpx.AsyncClient(base_url="https://api.test", transport=transport) as http:
            await arun_batch(
                AsyncWire(http),
                plan_for(KEYS, 25),
                progress=lambda done, total: seen.append((done, total)),
            )

    asyncio.run(main())
    assert seen == [(1, 3), (2, 3), (3, 3)]


# -- pauses ---------------------------------------------------------------------------------


def test_nothing_waits_before_any_429_whatever_the_clock_reads() -> None:
    naps: list[float] = []
    policy = RetryPolicy(sleep=naps.append, clock=lambda: 0.0)
    with _wire(Server().handler) as wire:
        assert run_batch(wire, plan_for(KEYS, 25), policy=policy).all_ok
    assert naps == []


def test_a_pause_is_waited_once_even_if_the_sleep_returns_early() -> None:
    # The clock never moves: a sender that waited for this pause must not wait for it again.
    naps: list[float] = []

    def sleep(seconds: float) -> None:
        naps.append(seconds)
        if len(naps) > 5:
            raise _Runaway("waiting again and again for one pause")

    limited = httpx.Response(429, headers={"Retry-After": "2"}, json={})
    server = Server(script={1: lambda request: limited})
    policy = RetryPolicy(sleep=sleep, clock=lambda: 100.0)
    with _wire(server.handler) as wire:
        results = run_batch(wire, plan_for(KEYS[:3], 25), policy=policy)
    assert results.all_ok
    assert naps == [2.0]


@pytest.mark.parametrize("flavour", ["sync", "async"])
def test_a_second_429_setting_the_pause_already_waited_for_is_not_waited_for_again(
    flavour: str,
) -> None:
    # The clock never moves, so the second 429 sets the very pause this sender waited for.
    naps: list[float] = []
    limited = httpx.Response(429, headers={"Retry-After": "2"}, json={})
    server = Server(script={1: lambda request: limited, 2: lambda request: limited})
    plan = plan_for(KEYS[:3], 25)

    if flavour == "sync":
        policy = RetryPolicy(sleep=naps.append, clock=lambda: 100.0)
        with _wire(server.handler) as wire:
            results = run_batch(wire, plan, policy=policy)
    else:

        async def nap(seconds: float) -> None:
            naps.append(seconds)

        async def main() -> BatchResults[Result]:
            policy = RetryPolicy(async_sleep=nap, clock=lambda: 100.0)
            transport = httpx.MockTransport(server.async_handler)
            async with httpx.AsyncClient(base_url="https://api.test", transport=transport) as c:
                return await arun_batch(AsyncWire(c), plan, policy=policy)

        results = asyncio.run(main())
    assert results.all_ok and results.requests == 3
    assert naps == [2.0]


def test_a_retry_after_exactly_at_the_cap_is_waited_for() -> None:
    limited = httpx.Response(429, headers={"Retry-After": "60"}, json={})
    server = Server(script={1: lambda request: limited})
    now = [0.0]
    naps: list[float] = []

    def sleep(seconds: float) -> None:
        naps.append(seconds)
        now[0] += seconds

    policy = RetryPolicy(sleep=sleep, clock=lambda: now[0], max_retry_after=60.0)
    with _wire(server.handler) as wire:
        results = run_batch(wire, plan_for(KEYS[:3], 25), policy=policy)
    assert results.all_ok and results.requests == 2
    assert naps == [60.0]


def test_async_a_short_backoff_is_waited_for_from_time_zero() -> None:
    # A 429 without Retry-After at clock 0: a quarter-second backoff, waited for in full.
    server = Server(script={1: lambda request: httpx.Response(429, json={})})
    now = [0.0]
    naps: list[float] = []

    async def sleep(seconds: float) -> None:
        naps.append(seconds)
        now[0] += seconds

    async def main() -> BatchResults[Result]:
        transport = httpx.MockTransport(server.async_handler)
        policy = RetryPolicy(async_sleep=sleep, clock=lambda: now[0], random=lambda: 0.5)
        async with httpx.AsyncClient(base_url="https://api.test", transport=transport) as http:
            return await arun_batch(AsyncWire(http), plan_for(KEYS[:3], 25), policy=policy)

    results = asyncio.run(main())
    assert results.all_ok and results.requests == 2
    assert naps == [0.25]


def test_async_429s_count_attempts_per_chunk_up_to_max_attempts() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        sent.append(request)
        if len(sent) > 10:
            return _ok(request)  # an engine that never stops would end here, having sent 11
        return httpx.Response(429, json={})

    sent: list[httpx.Request] = []

    async def ahandler(request: httpx.Request) -> httpx.Response:
        return handler(request)

    async def main() -> BatchResults[Result]:
        transport = httpx.MockTransport(ahandler)
        policy = RetryPolicy(max_attempts=2, random=lambda: 0.0)
        async with httpx.AsyncClient(base_url="https://api.test", transport=transport) as http:
            return await arun_batch(AsyncWire(http), plan_for(KEYS[:3], 25), policy=policy)

    results = asyncio.run(main())
    assert len(sent) == 2
    assert [r.status for r in results] == ["NOT_APPLIED"] * 3
    assert isinstance(results[0].error, RateLimitError)


def test_async_sends_one_chunk_at_a_time_by_default() -> None:
    server = Server(delay=0.01)

    async def main() -> None:
        transport = httpx.MockTransport(server.async_handler)
        async with httpx.AsyncClient(base_url="https://api.test", transport=transport) as http:
            await arun_batch(AsyncWire(http), plan_for(KEYS, 10))

    asyncio.run(main())
    assert len(server.seen) == 6
    assert server.peak == 1


def _failing_second_request(status: int) -> Server:
    # The second request fails for good; any later one would succeed, so a chunk sent again
    # after its final failure shows up as one more request and as a success.
    return Server(script={2: lambda request: httpx.Response(status, json={"errorCode": "E"})})


@pytest.mark.parametrize("flavour", ["sync", "async"])
@pytest.mark.parametrize("status", [400, 404, 409, 500, 503])
def test_a_chunk_that_failed_for_good_is_never_sent_again(flavour: str, status: int) -> None:
    server = _failing_second_request(status)
    plan = plan_for(KEYS[:30], 10)

    if flavour == "sync":
        with _wire(server.handler) as wire:
            results = run_batch(wire, plan)
    else:

        async def main() -> BatchResults[Result]:
            transport = httpx.MockTransport(server.async_handler)
            async with httpx.AsyncClient(base_url="https://api.test", transport=transport) as c:
                return await arun_batch(AsyncWire(c), plan)

        results = asyncio.run(main())

    assert server.seen == [KEYS[:10], KEYS[10:20], KEYS[20:30]]
    assert results.requests == 3
    assert [r.status for r in results] == ["SUCCESS"] * 10 + ["NOT_APPLIED"] * 10 + (
        ["SUCCESS"] * 10
    )


def test_the_books_refuse_to_send_a_chunk_again_once_it_failed_for_good() -> None:
    run = BatchRun(plan_for(KEYS[:20], 10), RetryPolicy(), None)
    assert run.sending(0)
    assert run.failure(0, RateLimitError("slow down", retry_after=1.0)) == 1.0
    assert not run.settled(0)  # a 429 leaves the chunk to be sent again
    assert run.sending(0)
    assert run.failure(0, MalformedResponse("unreadable")) is None
    assert run.settled(0) and not run.settled(1)

    assert run.sending(0) is False
    assert run.sending(1) is True
    assert run.requests == 3


class _ClosedMeanwhile:
    """A wire whose client is closed (by another thread, say) before its second send."""

    def __init__(self, wire: Any) -> None:
        self.wire = wire
        self.sends = 0
        self.error = ClientClosed("the client was closed meanwhile")

    def ready(self) -> None:
        self.wire.ready()

    def send(self, call: Call) -> Any:
        self.sends += 1
        if self.sends == 2:
            raise self.error
        return self.wire.send(call)


class _AsyncClosedMeanwhile(_ClosedMeanwhile):
    async def send(self, call: Call) -> Any:  # type: ignore[override]
        self.sends += 1
        if self.sends == 2:
            raise self.error
        return await self.wire.send(call)


@pytest.mark.parametrize("flavour", ["sync", "async"])
def test_misuse_met_mid_batch_is_raised_as_itself_not_recorded_as_a_chunks_failure(
    flavour: str,
) -> None:
    server = Server()
    plan = plan_for(KEYS[:30], 10)
    if flavour == "sync":
        with _wire(server.handler) as wire:
            closing: _ClosedMeanwhile = _ClosedMeanwhile(wire)
            with pytest.raises(ClientClosed) as caught:
                run_batch(closing, plan)  # type: ignore[arg-type]
    else:
        closing = _AsyncClosedMeanwhile(None)

        async def with_wire() -> None:
            transport = httpx.MockTransport(server.async_handler)
            async with httpx.AsyncClient(base_url="https://api.test", transport=transport) as c:
                closing.wire = AsyncWire(c)
                await arun_batch(closing, plan)  # type: ignore[arg-type]

        with pytest.raises(ClientClosed) as caught:
            asyncio.run(with_wire())
    assert caught.value is closing.error
    assert server.seen == [KEYS[:10]]  # nothing after the misuse


@pytest.mark.parametrize("flavour", ["sync", "async"])
def test_a_closed_client_raises_even_when_no_chunk_is_left_to_send(flavour: str) -> None:
    plan = plan_for([], 10)  # every item settled before any request: no chunk
    if flavour == "sync":
        with _wire(_ok) as wire:
            pass
        with pytest.raises(ClientClosed):
            run_batch(wire, plan)
    else:

        async def main() -> None:
            async def ok(request: httpx.Request) -> httpx.Response:
                return _ok(request)

            transport = httpx.MockTransport(ok)
            async with httpx.AsyncClient(base_url="https://api.test", transport=transport) as c:
                wire = AsyncWire(c)
            await arun_batch(wire, plan)

        with pytest.raises(ClientClosed):
            asyncio.run(main())


@pytest.mark.parametrize("bad", [0, 2.0])
def test_async_max_concurrency_is_refused_by_name(bad: object) -> None:
    async def main() -> None:
        transport = httpx.MockTransport(Server().async_handler)
        async with httpx.AsyncClient(base_url="https://api.test", transport=transport) as http:
            await arun_batch(AsyncWire(http), plan_for(KEYS, 10), max_concurrency=bad)  # type: ignore[arg-type]

    with pytest.raises(InvalidArgument) as caught:
        asyncio.run(main())
    expected = {
        0: "max_concurrency: expected a whole number of at least 1, got 0",
        2.0: "max_concurrency: expected a whole number, got 2.0",
    }
    assert str(caught.value) == expected[bad]  # type: ignore[index]


# -- answers the plan cannot read -----------------------------------------------------------


def test_the_reader_is_given_the_chunk_its_answer_belongs_to() -> None:
    # An answer listing statuses by position only: the reader needs the chunk's keys.
    def by_position(chunk: Chunk[str], body: Any) -> list[tuple[str, Result]]:
        return [(k, Result(k, s)) for k, s in zip(chunk.keys, body["statuses"], strict=True)]

    def handler(request: httpx.Request) -> httpx.Response:
        ids = json.loads(request.content)["ids"]
        return httpx.Response(200, json={"statuses": ["SUCCESS"] * len(ids)})

    with _wire(handler) as wire:
        results = run_batch(wire, _with(plan_for(KEYS[:30], 25), read=by_position))
    assert results.all_ok and [r.key for r in results] == KEYS[:30]


def test_a_typed_error_from_the_reader_is_that_chunks_failure() -> None:
    refusal = MalformedResponse("act: the answer is not one")

    def read(chunk: Chunk[str], body: Any) -> list[tuple[str, Result]]:
        if chunk.keys[0] == "S25":
            raise refusal
        return [(k, Result(k, "SUCCESS")) for k in chunk.keys]

    with _wire(_ok) as wire:
        results = run_batch(wire, _with(plan_for(KEYS, 25), read=read))
    assert [r.key for r in results] == KEYS
    assert [r.status for r in results] == ["SUCCESS"] * 25 + ["NOT_APPLIED"] * 25 + ["SUCCESS"] * 10
    assert all(r.error is refusal for r in results[25:50])


def test_an_answer_the_reader_trips_over_is_a_malformed_response_naming_the_operation() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, json={"no items": []})

    with _wire(handler) as wire:
        results = run_batch(wire, plan_for(KEYS[:2], 25))
    error = results[0].error
    assert isinstance(error, MalformedResponse)
    assert str(error) == "act: unreadable answer: 'items'"
    assert error.operation == "test.act"
    assert [r.key for r in results] == KEYS[:2]


def test_an_unreadable_answer_to_a_call_without_an_operation_names_none() -> None:
    plan = plan_for(KEYS[:2], 25)
    chunks = [Chunk(c.keys, Call("POST", "/act", {"ids": list(c.keys)})) for c in plan.chunks]
    with _wire(lambda request: httpx.Response(200, json={})) as wire:
        results = run_batch(wire, _with(plan, chunks=chunks))
    assert isinstance(results[0].error, MalformedResponse)
    assert results[0].error.operation is None


# -- anomalies: recorded and logged word for word --------------------------------------------


def test_every_anomaly_is_recorded_and_logged_with_its_request(
    caplog: pytest.LogCaptureFixture,
) -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        ids = json.loads(request.content)["ids"]
        if ids[0] != "S02":
            return _ok(request)
        items = [{"id": "X9", "status": "SUCCESS"}, {"id": "S02", "status": "SUCCESS"}]
        return httpx.Response(200, json={"items": items})

    with _wire(handler) as wire, caplog.at_level(logging.WARNING, logger="flipkart_ext"):
        results = run_batch(wire, plan_for(KEYS[:6], 2))
    assert results.anomalies == (
        BatchAnomaly(
            "unexpected", "X9", 1, "the answer names 'X9', which its request did not carry"
        ),
        BatchAnomaly("missing", "S03", 1, "the answer does not mention 'S03'"),
    )
    assert [r.getMessage() for r in caplog.records] == [
        "act: request 2 of 3: the answer names 'X9', which its request did not carry "
        "(unexpected); not counted as a success",
        "act: request 2 of 3: the answer does not mention 'S03' (missing); not counted as a "
        "success",
    ]
    assert [(r.key, r.status) for r in results][2:4] == [
        ("S02", "SUCCESS"),
        ("S03", "NOT_IN_ANSWER"),
    ]


def test_an_item_no_request_carries_gets_the_missing_result() -> None:
    plan = _with(plan_for(["A"], 25), keys=["A", "B"])
    with _wire(_ok) as wire:
        results = run_batch(wire, plan)
    assert [(r.key, r.status) for r in results] == [("A", "SUCCESS"), ("B", "NOT_IN_ANSWER")]


def test_failed_results_name_their_own_items() -> None:
    with _wire(lambda request: httpx.Response(503, json={})) as wire:
        results = run_batch(wire, plan_for(KEYS[:3], 25), policy=RetryPolicy(max_attempts=1))
    assert [(r.key, r.status) for r in results] == [(k, "NOT_APPLIED") for k in KEYS[:3]]


@pytest.mark.parametrize(
    ("first", "then", "raised"),
    [(401, 403, AuthenticationError), (403, 401, PermissionDenied)],
)
def test_when_nothing_was_answered_the_first_stopping_error_is_raised(
    first: int, then: int, raised: type[Exception]
) -> None:
    # Two chunks in flight at once (both sent before either is answered): the first to fail
    # is raised, not the one that comes after it.
    both_sent = threading.Barrier(2, timeout=10)

    def handler(request: httpx.Request) -> httpx.Response:
        both_sent.wait()
        if json.loads(request.content)["ids"][0] == "S00":
            return httpx.Response(first, json={})
        time.sleep(0.2)
        return httpx.Response(then, json={})

    with _wire(handler) as wire, pytest.raises(raised):
        run_batch(wire, plan_for(KEYS[:4], 2), max_concurrency=2)


def test_the_books_raise_the_first_stopping_error_recorded() -> None:
    run = BatchRun(plan_for(KEYS[:4], 2), RetryPolicy())
    first, second = AuthenticationError("first"), PermissionDenied("second")
    assert run.sending(0) and run.sending(1)
    assert run.failure(0, first) is None
    assert run.failure(1, second) is None
    with pytest.raises(AuthenticationError) as caught:
        run.results()
    assert caught.value is first


def test_a_sender_that_waited_for_a_pause_does_not_wait_for_it_again() -> None:
    # The clock never moves (a sleep that returns early): a second 429 that sets the same
    # pause is not waited for twice by the sender that already waited for it.
    run = BatchRun(plan_for(KEYS[:2], 25), RetryPolicy(clock=lambda: 100.0))
    assert run.pause(0.0) == (0.0, 0.0)
    assert run.sending(0)
    assert run.failure(0, RateLimitError("slow down", retry_after=2.0)) == 2.0
    assert run.pause(0.0) == (2.0, 102.0)
    assert run.pause(102.0) == (0.0, 102.0)
    assert run.sending(0)
    assert run.failure(0, RateLimitError("slow down", retry_after=2.0)) == 2.0
    assert run.pause(102.0) == (0.0, 102.0)


# -- the results ----------------------------------------------------------------------------


def test_the_results_repr_counts_items_requests_and_anomalies() -> None:
    results = BatchResults([Result("A", "SUCCESS"), Result("B", "FAILURE")], 3)
    assert repr(results) == "<BatchResults 2 items: 1 ok, 1 failed, 3 requests>"
    anomaly = BatchAnomaly("missing", "B", 0, "the answer does not mention 'B'")
    results = BatchResults([Result("A", "SUCCESS")], 1, [anomaly, anomaly])
    assert repr(results) == "<BatchResults 1 items: 1 ok, 0 failed, 1 requests, 2 anomalies>"


# -- reading a bulk action's answer ---------------------------------------------------------


def _entries(body: Any) -> list[ActionEntry]:
    return action_entries(body, "results", "id", ("state", "status"), "code", "text", "act")


def test_an_action_answer_that_is_not_an_object_is_malformed() -> None:
    with pytest.raises(MalformedResponse) as caught:
        _entries(["a", "list"])
    assert str(caught.value) == "act: expected a JSON object, got list"


def test_an_action_answer_whose_list_is_not_one_is_malformed() -> None:
    with pytest.raises(MalformedResponse) as caught:
        _entries({"results": {"id": "A"}})
    assert str(caught.value) == "act: 'results' is dict, not a list"


def test_an_action_answer_without_its_list_names_no_item() -> None:
    assert _entries({"other": [{"id": "A"}]}) == []
    assert _entries({"results": None}) == []


def test_action_entries_read_each_item_liberally_and_skip_what_names_none() -> None:
    raw = {"id": "C", "status": "DONE", "code": "", "text": 7, "extra": True}
    body = {
        "results": [
            "not an object",
            {"id": 5, "status": "SUCCESS"},
            {"status": "SUCCESS"},
            {"id": "A", "state": 3, "status": "SUCCESS", "code": "E1", "text": "went wrong"},
            {"id": "B", "state": "FAILED", "status": "SUCCESS"},
            raw,
            {"id": "D", "status": ""},
            {"id": "E", "code": "E2"},
        ]
    }
    entries = _entries(body)
    assert [(e.key, e.status, e.error_code, e.error_message) for e in entries] == [
        ("A", "SUCCESS", "E1", "went wrong"),
        ("B", "FAILED", None, None),
        ("C", "DONE", None, None),
        ("D", None, None, None),
        ("E", None, "E2", None),
    ]
    assert entries[2].raw == raw
    assert entries[2].raw is not raw  # a copy: the answer can be changed without changing it


# -- the fields of an item whose request failed ----------------------------------------------


def test_a_failed_items_fields_carry_the_errors_code_message_and_the_error() -> None:
    error = PermissionDenied("not yours", status_code=403, code="FORBIDDEN")
    assert failure_fields(error) == {
        "error_code": "FORBIDDEN",
        "error_message": "HTTP 403 [FORBIDDEN]: not yours",
        "error": error,
    }


@pytest.mark.parametrize("code", [None, ""])
def test_a_failed_item_without_an_error_code_is_named_after_the_errors_class(
    code: str | None,
) -> None:
    error = PermissionDenied("not yours", status_code=403, code=code)
    assert failure_fields(error)["error_code"] == "PermissionDenied"
    timeout = APITimeoutError("no answer within 5 s")
    assert failure_fields(timeout) == {
        "error_code": "APITimeoutError",
        "error_message": "no answer within 5 s",
        "error": timeout,
    }
