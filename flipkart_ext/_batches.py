"""One engine for every bulk call Flipkart takes in chunks: send them, keep one result per item.

A resource describes its batch as a :class:`BatchPlan`: the item keys in input order (a
shipment id, a SKU, a return id), the chunks (the keyword arguments of one ``httpx``
request and the keys it carries), how to read per-item results from a 2xx answer, and
which result an item gets when its request failed or the answer left it out.
:func:`run_batch` and :func:`arun_batch` send the chunks, at most ``max_concurrency`` at a
time (threads, or tasks), and return a :class:`BatchResults` with one result per key, in
input order. The guarantees are proven once here, for every resource:

- a per-item failure inside a 2xx answer is data, never an exception;
- a chunk that fails at the HTTP level, after the transport's own retries, gives each of
  its items the plan's ``failed`` result carrying the typed error: nothing disappears;
- a 429 pauses the whole batch, not just the chunk that met it: no chunk is sent before
  ``Retry-After`` (or a backoff) has passed, then the refused chunk is sent again, at most
  ``policy.max_attempts`` times in all. A 429 is Flipkart refusing the request before
  acting on it, so sending it again cannot apply it twice; a ``Retry-After`` longer than
  ``policy.max_retry_after`` is not waited for, and the chunk is reported failed;
- an authentication or permission error stops the batch: chunks not sent yet are
  reported failed with that error instead of meeting it again one by one. When no chunk
  got an answer at all and every failure is such an error, nothing was sent that could
  have been applied, and the error is raised instead of returned.

Everything else (:class:`KeyboardInterrupt`, cancellation, a bug) propagates.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Hashable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Generic, Protocol, TypeVar, overload

import httpx

from ._core.answers import (
    connection_errors,
    raise_for_response,
)
from ._core.ids import chunked
from ._core.retry import RetryPolicy, backoff_delay
from .errors import (
    AuthenticationError,
    FlipkartError,
    InvalidArgument,
    MalformedResponse,
    PermissionDenied,
    RateLimitError,
)

__all__ = [
    "ActionEntry",
    "BatchAnomaly",
    "BatchPlan",
    "BatchResults",
    "Chunk",
    "InvalidItem",
    "Outcome",
    "action_entries",
    "answer_json",
    "arun_batch",
    "chunked",
    "run_batch",
]

K = TypeVar("K", bound=Hashable)
R = TypeVar("R", bound="Outcome")
_T = TypeVar("_T")

_STOPPING = (AuthenticationError, PermissionDenied)


class Outcome(Protocol):
    """What every per-item result offers: whether the item went through."""

    @property
    def ok(self) -> bool: ...


class InvalidItem(InvalidArgument):
    """An item of a bulk call is invalid; raised before any request is sent.

    The message reads ``<where>: <field>: <what is wrong>``, e.g.
    ``shipments[3] (SH-1): tax_rate: expected a number from 0 to 100, got -5``.
    """

    def __init__(self, where: str, field: str, problem: str) -> None:
        super().__init__(f"{where}: {field}: {problem}")
        self.where = where
        """Which item: its position and key, as the caller gave it."""
        self.field = field
        """The argument or field that is wrong."""
        self.problem = problem


@dataclass(frozen=True, slots=True)
class Chunk(Generic[K]):
    """One request of a batch and the item keys it carries."""

    keys: tuple[K, ...]
    request: Mapping[str, Any]
    """Keyword arguments of ``httpx.Client.request`` (``method``, ``url``, ``json``...)."""


@dataclass(frozen=True)
class BatchPlan(Generic[K, R]):
    """Everything the engine needs to know about one bulk call; built without I/O."""

    name: str
    """What the batch does, for log messages (``"pack"``)."""
    keys: Sequence[K]
    """Every item, in input order, each once."""
    chunks: Sequence[Chunk[K]]
    read: Callable[[Chunk[K], httpx.Response], Iterable[tuple[K, R]]]
    """Per-item results from a 2xx answer; raises ``MalformedResponse`` when unreadable.
    Keys outside the chunk are kept too, after the input's results."""
    failed: Callable[[K, FlipkartError], R]
    """The result of an item whose request failed with this error."""
    missing: Callable[[K], R]
    """The result of an item that a 2xx answer did not mention."""
    settled: Mapping[K, R] = field(default_factory=dict)
    """Results known before sending (e.g. an id Flipkart does not know); not sent."""


@dataclass(frozen=True, slots=True)
class BatchAnomaly:
    """An answer that did not match the request it answers: never counted as a success.

    ``kind`` is ``"unexpected"`` (the answer names an item the request did not carry; it
    gets no result), ``"repeated"`` (the answer names an item twice; the first entry is
    kept) or ``"missing"`` (the answer leaves out an item the request carried; that item's
    result says so and is not a success).
    """

    kind: str
    key: object
    """The item the anomaly is about, as the answer named it."""
    request: int
    """Which request of the batch (0-based, in sending order of the plan's chunks)."""
    detail: str


class BatchResults(Sequence[R]):
    """One result per item, in input order; ``succeeded`` and ``failed`` split them."""

    def __init__(
        self, results: list[R], requests: int, anomalies: Sequence[BatchAnomaly] = ()
    ) -> None:
        self._results = results
        self.requests = requests
        """Requests sent, a chunk sent again after a 429 included."""
        self.anomalies: tuple[BatchAnomaly, ...] = tuple(anomalies)
        """Answers that did not match their request (see :class:`BatchAnomaly`), in order."""

    @overload
    def __getitem__(self, index: int) -> R: ...

    @overload
    def __getitem__(self, index: slice) -> list[R]: ...

    def __getitem__(self, index: int | slice) -> R | list[R]:
        return self._results[index]

    def __len__(self) -> int:
        return len(self._results)

    def __iter__(self) -> Iterator[R]:
        return iter(self._results)

    def __repr__(self) -> str:
        return (
            f"<BatchResults {len(self._results)} items: {len(self.succeeded)} ok, "
            f"{len(self.failed)} failed, {self.requests} requests>"
        )

    @property
    def succeeded(self) -> list[R]:
        """The items that went through."""
        return [result for result in self._results if result.ok]

    @property
    def failed(self) -> list[R]:
        """The items that did not: refused by Flipkart, or whose request failed."""
        return [result for result in self._results if not result.ok]

    @property
    def all_ok(self) -> bool:
        """True when every item went through (also for an empty batch)."""
        return all(result.ok for result in self._results)


def answer_json(response: httpx.Response, what: str) -> Any:
    """The decoded body of a 2xx answer, or ``MalformedResponse`` naming the call."""
    try:
        return response.json()
    except ValueError:
        raise MalformedResponse(f"{what}: the answer is not JSON") from None


def _text(value: object) -> str | None:
    return value if isinstance(value, str) and value else None


@dataclass(frozen=True, slots=True)
class ActionEntry:
    """One item's entry in a bulk action's answer, read liberally."""

    key: str
    status: str | None
    error_code: str | None
    error_message: str | None
    raw: Mapping[str, Any]


def action_entries(
    body: Any, items: str, key: str, status_keys: Sequence[str], code: str, message: str, what: str
) -> list[ActionEntry]:
    """``{items: [{key, status, code, message}]}`` as one :class:`ActionEntry` per item.

    Entries that are not objects, or carry no id, say nothing about any item and are
    left out; the first of ``status_keys`` holding a string is the status.
    """
    if not isinstance(body, Mapping):
        raise MalformedResponse(f"{what}: expected a JSON object, got {type(body).__name__}")
    listed = body.get(items)
    if listed is None:
        return []
    if not isinstance(listed, list):
        raise MalformedResponse(f"{what}: '{items}' is {type(listed).__name__}, not a list")
    found = []
    for entry in listed:
        if not isinstance(entry, Mapping) or not isinstance(entry.get(key), str):
            continue
        status = next((entry[k] for k in status_keys if isinstance(entry.get(k), str)), None)
        found.append(
            ActionEntry(
                entry[key],
                _text(status),
                _text(entry.get(code)),
                _text(entry.get(message)),
                dict(entry),
            )
        )
    return found


class _Run(Generic[K, R]):
    """The bookkeeping of one run, shared by the sync and async drivers; no I/O."""

    def __init__(
        self,
        plan: BatchPlan[K, R],
        policy: RetryPolicy,
        progress: Callable[[int, int], None] | None = None,
    ) -> None:
        self.plan = plan
        self.policy = policy
        self._progress = progress
        self._done = 0
        self._lock = threading.Lock()
        self._by_chunk: dict[int, list[tuple[K, R]]] = {}
        self._attempts: dict[int, int] = {}
        self._paused_until = 0.0
        self.requests = 0
        self.answered = 0
        self.errors: list[FlipkartError] = []
        self.stopped: FlipkartError | None = None

    def pause(self, honoured: float) -> tuple[float, float]:
        """Seconds to wait before sending, and the pause they honour (``honoured``: the last one
        this sender waited for). Each sender waits once per pause, so a sleep that returns
        early (or a test's instant one) cannot turn into a busy loop."""
        with self._lock:
            if self._paused_until <= honoured:
                return 0.0, honoured
            return max(0.0, self._paused_until - self.policy.clock()), self._paused_until

    def sending(self, index: int) -> bool:
        """Count the request about to go out; False when the batch has stopped."""
        with self._lock:
            if self.stopped is not None:
                self._record_failure(index, self.stopped)
                return False
            self.requests += 1
            self._attempts[index] = self._attempts.get(index, 0) + 1
            return True

    def answer(self, index: int, response: httpx.Response) -> None:
        """A 2xx answer: keep its per-item results."""
        chunk = self.plan.chunks[index]
        try:
            results = list(self.plan.read(chunk, response))
        except FlipkartError as error:
            self.failure(index, error)
            return
        except (ValueError, TypeError, KeyError) as exc:
            self.failure(index, MalformedResponse(f"{self.plan.name}: unreadable answer: {exc}"))
            return
        with self._lock:
            self.answered += 1
            self._by_chunk[index] = results

    def failure(self, index: int, error: FlipkartError) -> float | None:
        """The chunk failed: seconds to wait before sending it again, or None when it is done."""
        with self._lock:
            attempts = self._attempts.get(index, 1)
            if isinstance(error, RateLimitError) and attempts < self.policy.max_attempts:
                delay = error.retry_after
                if delay is None:
                    delay = backoff_delay(
                        attempts,
                        base=self.policy.backoff_base,
                        cap=self.policy.backoff_cap,
                        rand=self.policy.random(),
                    )
                if delay <= self.policy.max_retry_after:
                    self._paused_until = max(self._paused_until, self.policy.clock() + delay)
                    return delay
            if isinstance(error, _STOPPING) and self.stopped is None:
                self.stopped = error
            self._record_failure(index, error)
            return None

    def _record_failure(self, index: int, error: FlipkartError) -> None:
        self.errors.append(error)
        self._by_chunk[index] = [
            (key, self.plan.failed(key, error)) for key in self.plan.chunks[index].keys
        ]

    def finished(self) -> None:
        """A chunk is settled (answered or failed for good): report progress."""
        with self._lock:
            self._done += 1
            done = self._done
        if self._progress is not None:
            self._progress(done, len(self.plan.chunks))

    def results(self) -> BatchResults[R]:
        """One result per key in input order, then results for keys nobody asked about."""
        if (
            self.answered == 0
            and self.errors
            and all(isinstance(e, _STOPPING) for e in self.errors)
        ):
            raise self.errors[0]
        found: dict[K, R] = dict(self.plan.settled)
        extra: list[R] = []
        wanted = set(self.plan.keys)
        for index in sorted(self._by_chunk):
            for key, result in self._by_chunk[index]:
                if key in wanted:
                    found.setdefault(key, result)
                else:
                    extra.append(result)
        ordered = [found[key] if key in found else self.plan.missing(key) for key in self.plan.keys]
        return BatchResults(ordered + extra, self.requests)


def run_batch(
    http: httpx.Client,
    plan: BatchPlan[K, R],
    *,
    max_concurrency: int = 1,
    policy: RetryPolicy | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> BatchResults[R]:
    """Send every chunk of ``plan`` (``max_concurrency`` threads at most) and collect the results.

    ``policy`` supplies the clock, sleep and limits for 429 pauses (default: ``RetryPolicy()``).
    ``progress(done, total)`` is called as each chunk settles (for progress displays).
    """
    run = _Run(plan, policy or RetryPolicy(), progress)
    _check_concurrency(max_concurrency)

    def send(index: int) -> None:
        try:
            _send(index)
        finally:
            run.finished()

    def _send(index: int) -> None:
        honoured = 0.0
        while True:
            wait, honoured = run.pause(honoured)
            if wait > 0:
                run.policy.sleep(wait)
            if not run.sending(index):
                return
            try:
                with connection_errors():
                    response = http.request(**plan.chunks[index].request)
                raise_for_response(response)
            except FlipkartError as error:
                if run.failure(index, error) is None:
                    return
                continue
            run.answer(index, response)
            return

    indexes = range(len(plan.chunks))
    if max_concurrency == 1 or len(plan.chunks) < 2:
        for index in indexes:
            send(index)
    else:
        from concurrent.futures import ThreadPoolExecutor

        with ThreadPoolExecutor(max_workers=max_concurrency, thread_name_prefix="flipkart") as pool:
            for done in [pool.submit(send, index) for index in indexes]:
                done.result()
    return run.results()


async def arun_batch(
    http: httpx.AsyncClient,
    plan: BatchPlan[K, R],
    *,
    max_concurrency: int = 1,
    policy: RetryPolicy | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> BatchResults[R]:
    """Async form of :func:`run_batch`: at most ``max_concurrency`` requests in flight."""
    import asyncio  # loaded on first async use: sync-only programs never import it

    run = _Run(plan, policy or RetryPolicy(), progress)
    _check_concurrency(max_concurrency)
    slots = asyncio.Semaphore(max_concurrency)

    async def send(index: int) -> None:
        try:
            await _send(index)
        finally:
            run.finished()

    async def _send(index: int) -> None:
        async with slots:
            honoured = 0.0
            while True:
                wait, honoured = run.pause(honoured)
                if wait > 0:
                    await run.policy.async_sleep(wait)
                if not run.sending(index):
                    return
                try:
                    with connection_errors():
                        response = await http.request(**plan.chunks[index].request)
                    raise_for_response(response)
                except FlipkartError as error:
                    if run.failure(index, error) is None:
                        return
                    continue
                run.answer(index, response)
                return

    if max_concurrency == 1:
        for index in range(len(plan.chunks)):
            await send(index)
    else:
        tasks = [asyncio.ensure_future(send(index)) for index in range(len(plan.chunks))]
        try:
            await asyncio.gather(*tasks)
        except BaseException:
            for task in tasks:
                task.cancel()
            await asyncio.gather(*tasks, return_exceptions=True)
            raise
    return run.results()


def _check_concurrency(value: int) -> None:
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise InvalidArgument(
            f"max_concurrency: expected a whole number of at least 1, got {value!r}"
        )
