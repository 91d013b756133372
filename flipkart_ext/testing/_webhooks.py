"""Signed notification delivery: at least once, retried with backoff, optionally twice.

Every state change of the emulator publishes the notification body Flipkart would push
(``_notices``). With a URL registered, a background thread POSTs each body there, signed
the way Flipkart signs (``X_Date`` plus ``X_Authorization: FKLOGIN base64(appId:sha1hex(
X_Date + url + method + secret))``, built by :func:`flipkart_ext.notifications.sign`) with
the emulated application's id and secret.

Delivery follows Flipkart's promise, at least once:

- an answer other than 2xx, or no answer, is retried after ``backoff`` seconds, doubling
  up to ``max_backoff``, until ``max_attempts`` attempts were made; then the delivery is
  given up and recorded as failed;
- with ``duplicate_rate`` > 0, a delivered event is sent once more with that probability
  (drawn from a generator seeded with the emulator's seed), so receivers can test their
  de-duplication; a duplicate carries the same body, so the same idempotency key;
- order is not promised: a retried event arrives after later ones, as it may in real life.

Publishing never blocks: handlers only push onto a queue under a short lock, and the
HTTP call happens on the delivery thread. ``X_Date`` is the wall-clock time of sending
(receivers reject stale requests), while the body's ``timestamp`` is the emulator's data
clock.
"""

from __future__ import annotations

import dataclasses
import heapq
import json
import random
import threading
import time
from collections.abc import Callable, Mapping
from datetime import UTC, datetime
from typing import Any

from .._boundary import guarded_class
from ..errors import InvalidArgument
from ..notifications import sign

__all__ = ["Delivery", "WebhookSettings", "Webhooks"]

_MAX_ATTEMPTS_LIMIT = 100


def _wall_clock() -> datetime:
    return datetime.now(UTC)


@guarded_class
@dataclasses.dataclass(frozen=True)
class WebhookSettings:
    """Where and how notifications are delivered; ``url=None`` delivers nothing."""

    url: str | None = None
    max_attempts: int = 5
    backoff: float = 0.5
    max_backoff: float = 30.0
    duplicate_rate: float = 0.0
    timeout: float = 5.0

    def __post_init__(self) -> None:
        if self.url is not None and not self.url.startswith(("http://", "https://")):
            raise InvalidArgument("url must be an http:// or https:// URL")
        if isinstance(self.max_attempts, bool) or not isinstance(self.max_attempts, int):
            raise InvalidArgument("max_attempts must be an integer")
        if not 1 <= self.max_attempts <= _MAX_ATTEMPTS_LIMIT:
            raise InvalidArgument(f"max_attempts must be between 1 and {_MAX_ATTEMPTS_LIMIT}")
        if self.backoff < 0 or self.max_backoff < self.backoff:
            raise InvalidArgument("backoff must be >= 0 and max_backoff >= backoff")
        if not 0.0 <= self.duplicate_rate <= 1.0:
            raise InvalidArgument("duplicate_rate must be between 0 and 1")
        if self.timeout <= 0:
            raise InvalidArgument("timeout must be positive")

    def delay(self, attempt: int) -> float:
        """Seconds to wait before attempt ``attempt + 1``."""
        return float(min(self.max_backoff, self.backoff * 2 ** (attempt - 1)))

    def to_json(self) -> dict[str, Any]:
        """The settings as a JSON object (for the control endpoint)."""
        return dataclasses.asdict(self)


@guarded_class
@dataclasses.dataclass(frozen=True)
class Delivery:
    """One HTTP attempt to deliver one event."""

    sequence: int
    """The event's position in :attr:`Webhooks.events` (0-based)."""
    event_type: str
    url: str
    attempt: int
    duplicate: bool
    status: int | None
    error: str | None

    @property
    def ok(self) -> bool:
        """Whether the receiver answered 2xx."""
        return self.status is not None and 200 <= self.status < 300


@dataclasses.dataclass(order=True)
class _Job:
    due: float
    order: int
    sequence: int = dataclasses.field(compare=False)
    event_type: str = dataclasses.field(compare=False)
    body: bytes = dataclasses.field(compare=False)
    url: str = dataclasses.field(compare=False)
    attempt: int = dataclasses.field(compare=False, default=1)
    duplicate: bool = dataclasses.field(compare=False, default=False)


@guarded_class
class Webhooks:
    """The emulator's notification outbox and its delivery thread."""

    def __init__(
        self,
        *,
        app_id: str,
        app_secret: str,
        seed: int,
        clock: Callable[[], datetime] = _wall_clock,
    ) -> None:
        self._app_id = app_id
        self._app_secret = app_secret
        self._seed = seed
        self._clock = clock
        self._cond = threading.Condition()
        self._settings = WebhookSettings()
        self._events: list[dict[str, Any]] = []
        self._deliveries: list[Delivery] = []
        self._queue: list[_Job] = []
        self._order = 0
        self._in_flight = 0
        self._generation = 0
        self._enabled = False
        self._stopping = False
        self._thread: threading.Thread | None = None
        self._rng = random.Random(f"webhooks-{seed}")  # noqa: S311 - test duplicates only

    # -- configuration ------------------------------------------------------------------

    @property
    def settings(self) -> WebhookSettings:
        """The current delivery settings."""
        with self._cond:
            return self._settings

    def configure(self, **changes: Any) -> WebhookSettings:
        """Change some settings (``url``, ``max_attempts``, ``backoff``, ...); returns them all.

        Events published from now on go to the new URL; queued ones keep theirs.
        """
        unknown = set(changes) - {f.name for f in dataclasses.fields(WebhookSettings)}
        if unknown:
            raise InvalidArgument(f"unknown webhook settings: {', '.join(sorted(unknown))}")
        with self._cond:
            self._settings = dataclasses.replace(self._settings, **changes)
            return self._settings

    # -- observation --------------------------------------------------------------------

    @property
    def events(self) -> list[dict[str, Any]]:
        """Every notification body published so far, delivered or not, in order."""
        with self._cond:
            return [dict(body) for body in self._events]

    @property
    def deliveries(self) -> list[Delivery]:
        """Every delivery attempt so far, in the order they finished."""
        with self._cond:
            return list(self._deliveries)

    @property
    def pending(self) -> int:
        """Deliveries queued or on their way."""
        with self._cond:
            return len(self._queue) + self._in_flight

    def summary(self) -> dict[str, Any]:
        """Counts for the control endpoint."""
        with self._cond:
            delivered = {d.sequence for d in self._deliveries if d.ok}
            return {
                **self._settings.to_json(),
                "events": len(self._events),
                "attempts": len(self._deliveries),
                "delivered": len(delivered),
                "duplicates": sum(1 for d in self._deliveries if d.duplicate and d.ok),
                "failedAttempts": sum(1 for d in self._deliveries if not d.ok),
                "pending": len(self._queue) + self._in_flight,
            }

    # -- publishing ---------------------------------------------------------------------

    def publish(self, body: Mapping[str, Any]) -> None:
        """Record one event and queue its delivery; returns at once."""
        encoded = json.dumps(body, separators=(",", ":")).encode()
        with self._cond:
            sequence = len(self._events)
            self._events.append(dict(body))
            url = self._settings.url
            if url is None:
                return
            self._push(
                _Job(0.0, 0, sequence, str(body.get("eventType")), encoded, url),
                time.monotonic(),
            )

    def _push(self, job: _Job, due: float) -> None:
        # Callers hold self._cond.
        self._order += 1
        job.due, job.order = due, self._order
        heapq.heappush(self._queue, job)
        self._cond.notify_all()
        if self._enabled and self._thread is None:
            self._start_thread()

    # -- lifecycle ----------------------------------------------------------------------

    def enable(self) -> None:
        """Start delivering (the emulator calls this when it starts serving)."""
        with self._cond:
            self._enabled = True
            self._stopping = False
            if self._queue and self._thread is None:
                self._start_thread()

    def _start_thread(self) -> None:
        self._thread = threading.Thread(
            target=self._run, name="flipkart-emulator-webhooks", daemon=True
        )
        self._thread.start()

    def stop(self) -> None:
        """Stop delivering; queued deliveries stay queued (see :meth:`flush`)."""
        with self._cond:
            self._enabled = False
            self._stopping = True
            thread, self._thread = self._thread, None
            self._cond.notify_all()
            timeout = self._settings.timeout
        if thread is not None:
            thread.join(timeout + 1.0)

    def flush(self, timeout: float = 10.0) -> bool:
        """Wait until nothing is queued or on its way; False when ``timeout`` ran out first."""
        deadline = time.monotonic() + timeout
        with self._cond:
            while self._queue or self._in_flight:
                left = deadline - time.monotonic()
                if left <= 0:
                    return False
                self._cond.wait(left)
            return True

    def reset(self) -> None:
        """Forget every event, attempt and queued delivery; the settings stay."""
        with self._cond:
            self._events.clear()
            self._deliveries.clear()
            self._queue.clear()
            self._generation += 1
            self._rng = random.Random(f"webhooks-{self._seed}")  # noqa: S311
            self._cond.notify_all()

    # -- the delivery thread ------------------------------------------------------------

    def _next_job(self) -> tuple[_Job, int] | None:
        with self._cond:
            while True:
                if self._stopping:
                    return None
                now = time.monotonic()
                if self._queue and self._queue[0].due <= now:
                    self._in_flight += 1
                    return heapq.heappop(self._queue), self._generation
                wait = self._queue[0].due - now if self._queue else None
                self._cond.wait(wait)

    def _run(self) -> None:
        import httpx  # a dependency of the package; imported only once deliveries start

        # trust_env=False: a proxy from the environment must not intercept loopback calls.
        with httpx.Client(trust_env=False) as http:
            while (taken := self._next_job()) is not None:
                job, generation = taken
                status, error = self._send(http, job)
                with self._cond:
                    self._in_flight -= 1
                    if generation == self._generation:
                        self._settle(job, status, error)
                    self._cond.notify_all()

    def _send(self, http: Any, job: _Job) -> tuple[int | None, str | None]:
        headers = sign(
            url=job.url,
            method="POST",
            app_id=self._app_id,
            app_secret=self._app_secret,
            x_date=self._clock(),
        )
        headers["Content-Type"] = "application/json"
        try:
            response = http.post(
                job.url, content=job.body, headers=headers, timeout=self.settings.timeout
            )
        except Exception as exc:  # any failure to deliver is retried
            return None, f"{type(exc).__name__}: {exc}"
        return response.status_code, None

    def _settle(self, job: _Job, status: int | None, error: str | None) -> None:
        # Callers hold self._cond.
        attempt = Delivery(
            sequence=job.sequence,
            event_type=job.event_type,
            url=job.url,
            attempt=job.attempt,
            duplicate=job.duplicate,
            status=status,
            error=error,
        )
        self._deliveries.append(attempt)
        settings = self._settings
        now = time.monotonic()
        if not attempt.ok:
            if job.attempt < settings.max_attempts:
                retry = dataclasses.replace(job, attempt=job.attempt + 1)
                self._push(retry, now + settings.delay(job.attempt))
            return
        if not job.duplicate and self._rng.random() < settings.duplicate_rate:
            self._push(dataclasses.replace(job, attempt=1, duplicate=True), now)
