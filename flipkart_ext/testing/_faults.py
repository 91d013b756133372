"""Fault injection: scripted failures for the next calls, plus latency and noise modes.

Counted faults wait in one first-in, first-out queue: ``rate_limit(1)`` then
``server_error(count=2)`` answers 429, 503, 503, then normally again. Each fault names the
calls it hits: ``"api"`` (under ``/sellers``, the default), ``"oauth"`` (the token
endpoint) or ``"all"``; a call takes the oldest fault that targets it. The control
endpoints under ``/_emulator/`` are never faulted.
"""

from __future__ import annotations

import math
import threading
from collections.abc import Mapping
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from email.utils import format_datetime, parsedate_to_datetime
from typing import Any, Literal

from .._boundary import guarded_class
from ..errors import InvalidArgument

__all__ = ["FAULT_KINDS", "Fault", "Faults", "Target"]

Target = Literal["api", "oauth", "all"]
_TARGETS = ("api", "oauth", "all")
FAULT_KINDS = ("unauthorized", "rate_limit", "server_error", "drop_connection", "truncate_body")


@dataclass
class Fault:
    """One queued fault and how many more calls it hits."""

    kind: str
    remaining: int
    target: str = "api"
    status: int | None = None
    retry_after: str | None = None
    processed: bool = False


def _retry_after_header(value: float | datetime | str | None) -> str | None:
    """Retry-After as delta-seconds (rounded up) or as an HTTP-date."""
    if value is None:
        return None
    if isinstance(value, datetime):
        if value.tzinfo is None:
            raise InvalidArgument("retry_after datetime must be timezone-aware")
        return format_datetime(value.astimezone(UTC), usegmt=True)
    if isinstance(value, str):
        if value.isdigit():
            return value
        try:
            parsedate_to_datetime(value)
        except (TypeError, ValueError) as exc:
            raise InvalidArgument(
                f"retry_after is neither seconds nor an HTTP-date: {value!r}"
            ) from exc
        return value
    if isinstance(value, bool) or value < 0:
        raise InvalidArgument("retry_after must be a non-negative number of seconds")
    return str(math.ceil(value))


def _check_count(count: int) -> int:
    if isinstance(count, bool) or not isinstance(count, int) or count < 1:
        raise InvalidArgument("count must be a positive integer")
    return count


def _check_target(target: str) -> str:
    if target not in _TARGETS:
        raise InvalidArgument(f"target must be one of {', '.join(_TARGETS)}")
    return target


@guarded_class
class Faults:
    """The fault plan of one emulator; every method is thread-safe."""

    def __init__(self, lock: threading.RLock) -> None:
        self._lock = lock
        self._queue: list[Fault] = []
        self._latency = 0.0
        self._noise = False
        self.injected: list[str] = []
        """Kinds of the faults applied so far, in order (``"latency"`` included)."""

    def _push(self, fault: Fault) -> None:
        with self._lock:
            self._queue.append(fault)

    def unauthorized(self, count: int = 1, *, target: Target = "api") -> None:
        """Answer 401 ``invalid_token`` to the next ``count`` calls, whatever the token."""
        self._push(Fault("unauthorized", _check_count(count), _check_target(target), 401))

    def rate_limit(
        self,
        count: int = 1,
        retry_after: float | datetime | str | None = 1,
        *,
        target: Target = "api",
    ) -> None:
        """Answer 429 with ``Retry-After`` (seconds, or an HTTP-date for a datetime/str)."""
        self._push(
            Fault(
                "rate_limit",
                _check_count(count),
                _check_target(target),
                429,
                _retry_after_header(retry_after),
            )
        )

    def server_error(
        self,
        status: int = 503,
        count: int = 1,
        *,
        retry_after: float | datetime | str | None = None,
        target: Target = "api",
    ) -> None:
        """Answer ``status`` (5xx, or Flipkart's 499) to the next ``count`` calls."""
        if not (500 <= status <= 599 or status == 499):
            raise InvalidArgument("status must be 5xx or 499")
        self._push(
            Fault(
                "server_error",
                _check_count(count),
                _check_target(target),
                status,
                _retry_after_header(retry_after),
            )
        )

    def drop_connection(
        self, count: int = 1, *, processed: bool = False, target: Target = "api"
    ) -> None:
        """Close the socket without answering; with ``processed`` the call takes effect first."""
        self._push(
            Fault(
                "drop_connection", _check_count(count), _check_target(target), processed=processed
            )
        )

    def truncate_body(self, count: int = 1, *, target: Target = "api") -> None:
        """Process the call, promise the whole body in Content-Length, send half, close."""
        self._push(Fault("truncate_body", _check_count(count), _check_target(target)))

    def latency(self, seconds: float) -> None:
        """Delay every faultable call by ``seconds`` (0 turns it off)."""
        if seconds < 0:
            raise InvalidArgument("latency must be non-negative")
        with self._lock:
            self._latency = float(seconds)

    def noise(self, enabled: bool = True) -> None:
        """Add unknown fields, unknown enum values and nulls to API answers."""
        with self._lock:
            self._noise = bool(enabled)

    def clear(self) -> None:
        """Drop every queued fault and turn latency and noise off."""
        with self._lock:
            self._queue.clear()
            self._latency = 0.0
            self._noise = False

    @property
    def latency_seconds(self) -> float:
        """The configured per-call latency."""
        with self._lock:
            return self._latency

    @property
    def noise_enabled(self) -> bool:
        """Whether noise mode is on."""
        with self._lock:
            return self._noise

    def delay(self) -> float:
        """The latency to apply to one call now, noted in :attr:`injected` when non-zero."""
        with self._lock:
            if self._latency > 0:
                self.injected.append("latency")
            return self._latency

    def take(self, target: str) -> Fault | None:
        """Consume one hit of the oldest fault that targets a call of kind ``target``."""
        with self._lock:
            for fault in self._queue:
                if fault.target in (target, "all"):
                    fault.remaining -= 1
                    if fault.remaining == 0:
                        self._queue.remove(fault)
                    self.injected.append(fault.kind)
                    return fault
            return None

    def snapshot(self) -> dict[str, Any]:
        """The plan as JSON, for the state endpoint."""
        with self._lock:
            return {
                "queue": [asdict(f) for f in self._queue],
                "latency": self._latency,
                "noise": self._noise,
                "injected": len(self.injected),
            }

    def configure(self, payload: Mapping[str, Any]) -> None:
        """Apply a control-endpoint document; ValueError (nothing applied) when it is wrong.

        ``{"clear": true, "faults": [{"kind": "rate_limit", "count": 1, "retry_after": 2}],
        "latency": 0.2, "noise": true}``; every key is optional and ``clear`` goes first.
        """
        unknown = set(payload) - {"clear", "faults", "latency", "noise"}
        if unknown:
            raise InvalidArgument(f"unknown keys: {', '.join(sorted(unknown))}")
        # Build everything on a scratch plan first so that a bad entry changes nothing.
        scratch = Faults(threading.RLock())
        for entry in payload.get("faults") or []:
            scratch._add_from_json(entry)
        if "latency" in payload:
            scratch.latency(float(payload["latency"]))
        with self._lock:
            if payload.get("clear"):
                self.clear()
            self._queue.extend(scratch._queue)
            if "latency" in payload:
                self._latency = scratch._latency
            if "noise" in payload:
                self._noise = bool(payload["noise"])

    def _add_from_json(self, entry: Mapping[str, Any]) -> None:
        if not isinstance(entry, Mapping):
            raise InvalidArgument("each fault must be an object")
        options = dict(entry)
        kind = options.pop("kind", None)
        allowed = {
            "unauthorized": {"count", "target"},
            "rate_limit": {"count", "retry_after", "target"},
            "server_error": {"status", "count", "retry_after", "target"},
            "drop_connection": {"count", "processed", "target"},
            "truncate_body": {"count", "target"},
        }
        if kind not in allowed:
            raise InvalidArgument(f"kind must be one of {', '.join(FAULT_KINDS)}")
        extra = set(options) - allowed[kind]
        if extra:
            raise InvalidArgument(f"{kind} does not take {', '.join(sorted(extra))}")
        try:
            getattr(self, kind)(**options)
        except TypeError as exc:
            raise InvalidArgument(f"bad options for {kind}") from exc
