"""One engine for every bulk call Flipkart takes in chunks: the plan and its bookkeeping.

A resource describes its batch as a :class:`BatchPlan`: the item keys in input order (a
shipment id, a SKU, a return id), the chunks (the :class:`~flipkart_ext._core.calls.Call` of
one request and the keys it carries), how to read per-item results from a 2xx answer, and
which result an item gets when its request failed or the answer left it out. The I/O
driver (``_async/batches.py``) sends the chunks; :class:`BatchRun` keeps the books, without
I/O, and gives a :class:`BatchResults` with one result per key, in input order. The
guarantees hold for every resource:

- **Results are attributed by construction.** An answer sets results only for the items
  its own request carried. An answer that names an item its request did not carry, names
  one twice, or leaves one out is a :class:`BatchAnomaly`: recorded on the results,
  logged, and never counted as a success (the item left out gets the plan's ``missing``
  result; a stranger gets none).
- A per-item failure inside a 2xx answer is data, never an exception.
- A chunk that fails at the HTTP level, after the transport's own retries, gives each of
  its items the plan's ``failed`` result carrying the typed error: nothing disappears, and
  the chunk is not sent again (Flipkart may have acted on it).
- A 429 pauses the whole batch, not just the chunk that met it: no chunk is sent before
  ``Retry-After`` (or a backoff) has passed, then the refused chunk is sent again, at most
  ``policy.max_attempts`` times in all. A 429 is Flipkart refusing the request before
  acting on it, so sending it again cannot apply it twice; a ``Retry-After`` longer than
  ``policy.max_retry_after`` is not waited for, and the chunk is reported failed.
- An authentication or permission error stops the batch: chunks not sent yet are reported
  failed with that error instead of meeting it again one by one. When no chunk got an
  answer at all and every failure is such an error, nothing was sent that could have been
  applied, and the error is raised instead of returned.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Hashable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Generic, Protocol, TypeVar, overload

from .._boundary import callers_own, guarded_class
from ..errors import (
    AuthenticationError,
    FlipkartError,
    InvalidArgument,
    MalformedResponse,
    PermissionDenied,
    RateLimitError,
)
from .calls import Answer, Call
from .retry import RetryPolicy, backoff_delay

__all__ = [
    "ActionEntry",
    "BatchAnomaly",
    "BatchPlan",
    "BatchResults",
    "BatchRun",
    "Chunk",
    "Outcome",
    "action_entries",
    "failure_fields",
]

logger = logging.getLogger("flipkart_ext")

K = TypeVar("K", bound=Hashable)
R = TypeVar("R", bound="Outcome")

_STOPPING = (AuthenticationError, PermissionDenied)


class Outcome(Protocol):
    """What every per-item result offers: whether the item went through."""

    @property
    def ok(self) -> bool: ...


@dataclass(frozen=True, slots=True)
class Chunk(Generic[K]):
    """One request of a batch and the item keys it carries."""

    keys: tuple[K, ...]
    call: Call


@dataclass(frozen=True)
class BatchPlan(Generic[K, R]):
    """Everything the engine needs to know about one bulk call; built without I/O."""

    name: str
    """What the batch does, for log messages (``"pack"``)."""
    keys: Sequence[K]
    """Every item, in input order, each once."""
    chunks: Sequence[Chunk[K]]
    read: Callable[[Chunk[K], Any], Iterable[tuple[K, R]]]
    """Per-item results named by a 2xx answer's body; raises ``MalformedResponse`` when
    unreadable. Which of them count is decided by the engine, against the chunk's keys."""
    failed: Callable[[K, FlipkartError], R]
    """The result of an item whose request failed with this error."""
    missing: Callable[[K], R]
    """The result of an item that a 2xx answer did not mention."""
    settled: Mapping[K, R] = field(default_factory=dict)
    """Results known before sending (e.g. an id Flipkart does not know); not sent."""


@guarded_class
@dataclass(frozen=True, slots=True)
class BatchAnomaly:
    """An answer that did not match the request it answers: never counted as a success.

    ``kind`` is ``"unexpected"`` (the answer names an item the request did not carry; it
    gets no result), ``"repeated"`` (the answer names an item twice; neither entry is
    believed, and the item's result is a failure carrying a ``MalformedResponse``) or ``"missing"`` (the answer leaves out an item the request carried; that item's
    result says so and is not a success).
    """

    kind: str
    key: object
    """The item the anomaly is about, as the answer named it."""
    request: int
    """Which request of the batch (0-based, in the plan's order of chunks)."""
    detail: str


@guarded_class
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
        anomalies = f", {len(self.anomalies)} anomalies" if self.anomalies else ""
        return (
            f"<BatchResults {len(self._results)} items: {len(self.succeeded)} ok, "
            f"{len(self.failed)} failed, {self.requests} requests{anomalies}>"
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
        """True when every item went through and every answer matched its request."""
        return not self.anomalies and all(result.ok for result in self._results)


def _text(value: object) -> str | None:
    return value if isinstance(value, str) and value else None


def failure_fields(error: FlipkartError) -> dict[str, Any]:
    """The result fields of an item whose request failed with ``error``: its code (or its
    class name), its message, and the error itself."""
    code = getattr(error, "code", None) or type(error).__name__
    return {"error_code": code, "error_message": str(error), "error": error}


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


class BatchRun(Generic[K, R]):
    """The bookkeeping of one run, shared by the sync and async drivers; no I/O.

    Thread-safe: the sync driver calls it from several threads at once.
    """

    def __init__(
        self,
        plan: BatchPlan[K, R],
        policy: RetryPolicy,
        progress: Callable[[int, int], None] | None = None,
    ) -> None:
        if progress is not None and not callable(progress):
            raise InvalidArgument(
                f"progress: expected a callable taking (done, total), got {type(progress).__name__}"
            )
        self.plan = plan
        self.policy = policy
        self._progress = progress
        self._done = 0
        self._lock = threading.Lock()
        self._by_chunk: dict[int, dict[K, R]] = {}
        self._attempts: dict[int, int] = {}
        self._paused_until = 0.0
        self.requests = 0
        self.answered = 0
        self.errors: list[FlipkartError] = []
        self.anomalies: list[BatchAnomaly] = []
        self.stopped: FlipkartError | None = None

    def pause(self, honoured: float) -> tuple[float, float]:
        """Seconds to wait before sending, and the pause they honour (``honoured``: the last one
        this sender waited for). Each sender waits once per pause, so a sleep that returns
        early (or a test's instant one) cannot turn into a busy loop."""
        with self._lock:
            if self._paused_until <= honoured:
                return 0.0, honoured
            return max(0.0, self._paused_until - self.policy.clock()), self._paused_until

    def settled(self, index: int) -> bool:
        """True once the chunk has its results: answered, or failed for good."""
        with self._lock:
            return index in self._by_chunk

    def sending(self, index: int) -> bool:
        """Count the request about to go out; False when the batch has stopped or the chunk is
        settled (answered, or failed for good: a mutating chunk is sent again only after a 429).
        """
        with self._lock:
            if index in self._by_chunk:
                return False  # a driver that loops on is stopped here, not by its own return
            if self.stopped is not None:
                self._record_failure(index, self.stopped)
                return False
            self.requests += 1
            self._attempts[index] = self._attempts.get(index, 0) + 1
            return True

    def answer(self, index: int, answer: Answer) -> None:
        """A 2xx answer: keep the results it gives for the items its request carried."""
        chunk = self.plan.chunks[index]
        try:
            named = list(self.plan.read(chunk, answer.body))
        except FlipkartError as error:
            self.failure(index, error)
            return
        except (ValueError, TypeError, KeyError, AttributeError) as exc:
            unreadable = MalformedResponse(f"{self.plan.name}: unreadable answer: {exc}")
            unreadable.operation = chunk.call.operation or None
            self.failure(index, unreadable)
            return
        carried = set(chunk.keys)
        kept: dict[K, R] = {}
        repeated: list[K] = []
        anomalies: list[BatchAnomaly] = []
        for key, result in named:
            if key not in carried:
                anomalies.append(
                    BatchAnomaly(
                        "unexpected",
                        key,
                        index,
                        f"the answer names {key!r}, which its request did not carry",
                    )
                )
            elif key in kept:
                if key not in repeated:
                    repeated.append(key)
                    anomalies.append(
                        BatchAnomaly(
                            "repeated", key, index, f"the answer names {key!r} more than once"
                        )
                    )
            else:
                kept[key] = result
        for key in repeated:
            # Which of its entries is the outcome is unknown, so neither is believed.
            ambiguous = MalformedResponse(
                f"{self.plan.name}: the answer names {key!r} more than once; "
                "its outcome is unknown (check it before sending it again)"
            )
            ambiguous.operation = chunk.call.operation or None
            kept[key] = self.plan.failed(key, ambiguous)
        for key in chunk.keys:
            if key not in kept:
                anomalies.append(
                    BatchAnomaly("missing", key, index, f"the answer does not mention {key!r}")
                )
                kept[key] = self.plan.missing(key)
        for anomaly in anomalies:
            logger.warning(
                "%s: request %d of %d: %s (%s); not counted as a success",
                self.plan.name,
                index + 1,
                len(self.plan.chunks),
                anomaly.detail,
                anomaly.kind,
            )
        with self._lock:
            self.answered += 1  # pragma: no mutate (only ever compared with zero)
            self._by_chunk[index] = kept
            self.anomalies.extend(anomalies)

    def failure(self, index: int, error: FlipkartError) -> float | None:
        """The chunk failed: seconds to wait before sending it again, or None when it is done."""
        with self._lock:
            # Every failure follows the sending() that counted its attempt: the default is unread.
            attempts = self._attempts.get(index, 1)  # pragma: no mutate (unread default)
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
        self._by_chunk[index] = {
            key: self.plan.failed(key, error) for key in self.plan.chunks[index].keys
        }

    def finished(self) -> None:
        """A chunk is settled (answered or failed for good): report progress."""
        with self._lock:
            self._done += 1
            done = self._done
        if self._progress is not None:
            try:
                self._progress(done, len(self.plan.chunks))
            except Exception as error:
                # The caller's own bug: it stops the run and reaches the caller as raised,
                # as a seller pool's job does (requests already answered stand).
                callers_own(error)
                raise

    def results(self) -> BatchResults[R]:
        """One result per key, in input order, each from the request that carried it."""
        if (
            self.answered == 0
            and self.errors
            and all(isinstance(e, _STOPPING) for e in self.errors)
        ):
            raise self.errors[0]
        found: dict[K, R] = dict(self.plan.settled)
        for results in self._by_chunk.values():
            found.update(results)
        ordered = [found[key] if key in found else self.plan.missing(key) for key in self.plan.keys]
        return BatchResults(ordered, self.requests, self.anomalies)
