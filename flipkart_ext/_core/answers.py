"""Reading what a server said: the typed error of a non-2xx answer, and ``Retry-After``.

Pure functions over a status, headers and the body bytes, shared by the I/O path
(:mod:`flipkart_ext._async.http`), the token renewal and the retry policy, so that an
answer is turned into an error in one way wherever it arrives.

Error bodies are read liberally: OAuth's ``{"error", "error_description"}``, the API's
``{"errors": [{"code", "description", "severity", "path"}]}``, ``{"errorCode",
"errorMessage"}``, ``{"code", "message"}``, a nested ``{"error": {...}}`` and plain text
all work; anything unreadable falls back to the HTTP reason phrase. No secret reaches a
message: URLs are redacted and every known secret is scrubbed, from the message, the
code and the body kept on the error.
"""

from __future__ import annotations

import math
import time
from collections.abc import Iterable, Mapping
from datetime import UTC
from email.utils import parsedate_to_datetime
from http import HTTPStatus
from typing import Any, Final

import httpx

from ..errors import (
    APIStatusError,
    AuthenticationError,
    InvalidRequest,
    MalformedResponse,
    NotFound,
    PermissionDenied,
    RateLimitError,
    ServerError,
)
from .calls import Answer, Call, Expect
from .decode import decode_json
from .redact import REDACTED, redact_text, redact_url

__all__ = [
    "NO_CONTENT",
    "PDF_MAGIC",
    "answer_of",
    "error_class_for",
    "parse_error_body",
    "parse_retry_after",
    "scrub",
    "status_error",
]

_MAX_MESSAGE = 500

_BY_STATUS: dict[int, type[APIStatusError]] = {
    400: InvalidRequest,
    401: AuthenticationError,
    403: PermissionDenied,
    404: NotFound,
    422: InvalidRequest,
    429: RateLimitError,
    499: ServerError,
}


def error_class_for(status_code: int) -> type[APIStatusError]:
    """The error class of a non-2xx status (5xx and Flipkart's 499 are server errors)."""
    if status_code in _BY_STATUS:
        return _BY_STATUS[status_code]
    if status_code >= 500:
        return ServerError
    return APIStatusError


def _text(value: Any) -> str | None:
    if value is None or isinstance(value, (dict, list)):
        return None
    text = str(value).strip()
    return text or None


def _from_mapping(data: Mapping[str, Any]) -> tuple[str | None, str | None]:
    """Read (code, message) from one JSON object, trying every shape Flipkart uses."""
    nested = data.get("error")
    if isinstance(nested, Mapping):
        return _from_mapping(nested)
    errors = data.get("errors")
    if isinstance(errors, list) and errors:
        parts = [_from_mapping(e) if isinstance(e, Mapping) else (None, _text(e)) for e in errors]
        code = next((c for c, _ in parts if c), None)
        messages = [m for _, m in parts if m]
        if code or messages:
            return code, "; ".join(messages) or None
    code = None
    for key in ("error", "errorCode", "error_code", "code"):
        code = _text(data.get(key))
        if code:
            break
    message = None
    for key in ("error_description", "errorMessage", "message", "description", "reason", "detail"):
        message = _text(data.get(key))
        if message:
            break
    if message is None:
        message = _text(data.get("failureReason"))
    return code, message


def parse_error_body(content: bytes) -> tuple[str | None, str | None, Any]:
    """Return ``(code, message, parsed_json_or_None)`` from an error body, never raising."""
    if not content.strip():
        return None, None, None
    try:
        body = decode_json(content, what="error body")
    except MalformedResponse:
        text = content.decode("utf-8", errors="replace").strip()
        # An HTML error page says nothing useful beyond the status line.
        if text and not text.startswith("<"):
            return None, text[:_MAX_MESSAGE], None
        return None, None, None
    if isinstance(body, Mapping):
        code, message = _from_mapping(body)
        return code, message, body
    if isinstance(body, list) and body and isinstance(body[0], Mapping):
        code, message = _from_mapping({"errors": body})
        return code, message, body
    return None, _text(body), body


def parse_retry_after(value: str | bytes | None, *, now: float) -> float | None:
    """Seconds to wait from a ``Retry-After`` value (delta-seconds or HTTP-date), else ``None``.

    ``now`` is the wall-clock time in epoch seconds, for the date form; a date in the past
    means 0. Anything that cannot be read (garbage, a negative number, a date out of
    range, a number too large to be finite) is ``None``: treated as absent, never an
    exception. A readable value is returned as it is, however large: caps are the caller's.
    """
    if value is None:
        return None
    try:
        text = value.decode("latin-1") if isinstance(value, bytes) else value
        text = text.strip()
        if not text:
            return None
        if text.isascii() and text.isdigit():
            seconds = float(text)
            return seconds if math.isfinite(seconds) else None
        when = parsedate_to_datetime(text)
        if when.tzinfo is None:  # RFC 9110 dates are GMT; a naive one is read the same way
            when = when.replace(tzinfo=UTC)
        return max(0.0, when.timestamp() - now)
    except (TypeError, ValueError, IndexError, OverflowError, OSError):
        # parsedate_to_datetime raises all of these for odd dates (a 20-digit year...).
        return None


def scrub(text: str, secrets: Iterable[str]) -> str:
    """``text`` with every known secret (4 characters or more) and token-like value masked."""
    for secret in secrets:
        if secret and len(secret) >= 4:
            text = text.replace(secret, REDACTED)
    return redact_text(text)


def _scrub_json(value: Any, secrets: tuple[str, ...]) -> Any:
    """The decoded body with every string scrubbed, so ``error.body`` is as safe as ``str(error)``.

    Bodies come from the bounded decoder, so the recursion is at most its depth cap.
    """
    if isinstance(value, str):
        return scrub(value, secrets)
    if isinstance(value, list):
        return [_scrub_json(v, secrets) for v in value]
    if isinstance(value, dict):
        return {scrub(k, secrets): _scrub_json(v, secrets) for k, v in value.items()}
    return value


def status_error(
    *,
    status: int,
    headers: httpx.Headers,
    content: bytes,
    method: str | None,
    url: httpx.URL | str | None,
    operation: str | None = None,
    error_class: type[APIStatusError] | None = None,
    message: str | None = None,
    secrets: Iterable[str] = (),
    now: float | None = None,
) -> APIStatusError:
    """Build (without raising) the typed error for a non-2xx answer.

    ``error_class`` overrides the status mapping (the token endpoint answers 400 for a
    spent refresh token, which is a :class:`~flipkart_ext.ReauthorizationRequired`).
    ``message`` comes before the server's own words. Every string in ``secrets`` is
    scrubbed, in case the server echoes a token. ``now`` (default: the wall clock) reads a
    ``Retry-After`` date.
    """
    secrets = tuple(secrets)
    code, server_message, body = parse_error_body(content)
    try:
        reason = HTTPStatus(status).phrase
    except ValueError:
        reason = "error"
    parts = [p for p in (message, server_message) if p]
    text = scrub(" - ".join(parts) if parts else reason, secrets)[:_MAX_MESSAGE]
    if code is not None:
        code = scrub(code, secrets)[:100]
    kwargs: dict[str, Any] = {
        "status_code": status,
        "code": code,
        "headers": headers,
        "method": method,
        "url": redact_url(url) if url is not None else None,
        "body": _scrub_json(body, secrets),
    }
    cls = error_class or error_class_for(status)
    if issubclass(cls, RateLimitError):
        error: APIStatusError = cls(
            text,
            retry_after=parse_retry_after(
                headers.get("Retry-After"), now=time.time() if now is None else now
            ),
            **kwargs,
        )
    else:
        error = cls(text, **kwargs)
    error.operation = operation
    return error


#: A PDF starts with this. PDF readers tolerate leading bytes; a download that does not start
#: with it is refused, so an error page with a stray ``%PDF-`` inside is never saved as one.
PDF_MAGIC = b"%PDF-"


def _content_type(headers: httpx.Headers) -> str:
    return headers.get("content-type", "no content type").split(";")[0].strip() or "no content type"


class _WithType:
    """``"<what> (<content type>)"``, worked out only when a message needs it."""

    __slots__ = ("_headers", "_what")

    def __init__(self, what: object, headers: httpx.Headers) -> None:
        self._what = what
        self._headers = headers

    def __str__(self) -> str:
        return f"{self._what} ({_content_type(self._headers)})"


class _Answering:
    """``"the answer to <call>"``, worked out only when a message needs it."""

    __slots__ = ("_call",)

    def __init__(self, call: Call) -> None:
        self._call = call

    def __str__(self) -> str:
        return f"the answer to {self._call.describe()}"


NO_CONTENT: Final = frozenset({204, 205})
"""Statuses that never carry content (RFC 9110)."""


def answer_of(
    call: Call,
    *,
    status: int,
    headers: httpx.Headers,
    content: bytes,
    method: str,
    url: httpx.URL | str,
    secrets: Iterable[str] = (),
    now: float | None = None,
) -> Answer:
    """The checked answer to ``call``, or the typed error it amounts to (raised).

    A non-2xx status raises its :class:`~flipkart_ext.APIStatusError`; a 2xx answer must
    hold what the call expects: JSON that the bounded decoder accepts, or a PDF. Anything
    else is :class:`~flipkart_ext.MalformedResponse` naming the operation and what came.
    """
    if not 200 <= status < 300:
        if call.accept_errors:
            return Answer(status, headers, content, None)
        raise status_error(
            status=status,
            headers=headers,
            content=content,
            method=method,
            url=url,
            operation=call.operation or None,
            secrets=secrets,
            now=now,
        )
    if status in NO_CONTENT:
        # RFC 9110 (15.3.5, 15.3.6): a 204 or 205 has no content, so bytes sent with one
        # are not its answer; where content is expected, that is an empty answer.
        content = b""
    what = _Answering(call)
    if call.expect is Expect.PDF:
        if not content.startswith(PDF_MAGIC):
            error = MalformedResponse(
                f"{what}: expected a PDF, got {len(content):,} bytes of "
                f"{_content_type(headers)} that are not one; nothing was written"
            )
            error.operation = call.operation or None
            raise error
        return Answer(status, headers, content, content)
    if call.expect is Expect.ANY:
        return Answer(status, headers, content, content)
    try:
        body = decode_json(content, what=_WithType(what, headers))
    except MalformedResponse as error:
        error.operation = call.operation or None
        raise
    return Answer(status, headers, content, body)
