"""Typed errors raised by the Flipkart client.

The hierarchy::

    FlipkartError
    ├── ConfigurationError (ValueError)   missing or blank credentials, unknown environment,
    │                                     unsafe base URL: refused before any request
    ├── InvalidArgument (ValueError)  a call's argument refused before any request (names it)
    │   └── InvalidItem               one item of a bulk call refused (names the item and field)
    ├── MalformedResponse             a 2xx answer that is not the documented shape (JSON, or a PDF)
    ├── UsageError (RuntimeError)     the library used in a way it does not support; nothing sent
    │   ├── ClientClosed              a closed client or seller pool
    │   ├── ConcurrentUse             one iterator consumed from two threads (or tasks) at once
    │   └── WrongEventLoop            an async client used from an event loop it was not built on
    ├── LocalFileError (OSError)      a local file or folder could not be written (save_labels, ...)
    ├── InternalError                 an unexpected failure inside flipkart_ext (a bug: please report)
    ├── PaginationError               a list cannot be followed safely (flipkart_ext.paging)
    ├── NotificationError             a webhook refused or undecodable (flipkart_ext.notifications)
    ├── SharedStateError              shared state (e.g. Redis) unusable: TokenStoreError, RateBudgetError
    ├── APIConnectionError            no HTTP answer: connect failure, reset, protocol error
    │   └── APITimeoutError           a connect, read, write or pool timeout
    └── APIStatusError                a non-2xx answer (unmapped statuses land here)
        ├── AuthenticationError       401, or the token endpoint refused the credentials
        │   └── ReauthorizationRequired   the refresh token / code is spent: the seller must authorize again
        ├── PermissionDenied          403 (never triggers a token refresh)
        ├── NotFound                  404
        ├── InvalidRequest            400, 422
        ├── RateLimitError            429 (``retry_after`` in seconds when the server said)
        └── ServerError               5xx and Flipkart's 499 connection timeout

Any error that ends a paginated iteration carries ``resume_from``: the cursor of the
first page not handed over, to continue with ``resume_from=error.resume_from``.

Every :class:`APIStatusError` carries ``status_code``, Flipkart's error ``code``
and ``message`` as far as they could be read from the body, the response
``headers``, the ``method`` and a redacted ``url``.

A ``200`` whose body reports per-item failures (for example a listing update
with ``"status": "FAILURE"`` for one SKU) is *not* an error here: it is
returned as data, because other items in the same call may have succeeded.

Error bodies are parsed liberally: OAuth's ``{"error", "error_description"}``,
the API's ``{"errors": [{"code", "description", "severity", "path"}]}``,
``{"errorCode", "errorMessage"}``, ``{"code", "message"}``, nested ``{"error": {...}}``
and plain text all work; anything unreadable falls back to the HTTP reason phrase.
No secret ever reaches a message: URLs are redacted and known secrets scrubbed.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from typing import Any

import httpx

__all__ = [
    "APIConnectionError",
    "APIStatusError",
    "APITimeoutError",
    "AuthenticationError",
    "BadSignature",
    "ClientClosed",
    "ConcurrentUse",
    "ConfigurationError",
    "FailureReason",
    "FlipkartError",
    "InternalError",
    "InvalidArgument",
    "InvalidItem",
    "InvalidRequest",
    "InvalidSignature",
    "LocalFileError",
    "MalformedEvent",
    "MalformedHeader",
    "MalformedResponse",
    "MissingHeader",
    "MissingNextPage",
    "NoProgress",
    "NotFound",
    "NotificationError",
    "PaginationError",
    "PermissionDenied",
    "RateBudgetError",
    "RateLimitError",
    "ReauthorizationRequired",
    "RepeatedCursor",
    "ServerError",
    "SharedStateError",
    "StaleRequest",
    "TokenStoreError",
    "UnsafeCursor",
    "UnsafeNextPageUrl",
    "UsageError",
    "WrongApplication",
    "WrongEventLoop",
]

_MAX_MESSAGE = 500


def _rebuilt(cls: type[FlipkartError], args: tuple[Any, ...], state: dict[str, Any]) -> Any:
    """An error as it was pickled or copied, rebuilt without running its ``__init__`` again."""
    error = cls.__new__(cls, *args)
    error.args = args
    error.__dict__.update(state)
    return error


class FlipkartError(Exception):
    """Base class of every error raised by this package.

    Every error pickles and copies as it is (a worker process can send one back to its
    parent), whatever arguments its own constructor takes.
    """

    def __reduce__(self) -> tuple[Any, ...]:
        # Exception's own reduce calls ``cls(*self.args)``, which fails for the subclasses
        # whose constructors take their own arguments (``MissingNextPage(page, ...)``).
        return (_rebuilt, (type(self), self.args, dict(self.__dict__)))

    resume_from: str | None = None
    """Where an interrupted iteration continues, when this error ended one.

    Set on any error that ends a paginated ``search()``/``pages()``: the cursor of the first
    page that was not handed over (pass it back as ``resume_from=``), or ``None`` when no
    page was (run the same call again). Always ``None`` for errors outside an iteration.
    """

    operation: str | None = None
    """The API operation the failure happened in (``"shipment_v3.get_labels"``), when one did."""


class InvalidArgument(FlipkartError, ValueError):
    """An argument to a call is not acceptable; raised before any request is sent.

    The message starts with the argument's name (``"order_date from: ..."``). Also a
    ``ValueError``, so ``except ValueError`` keeps working.
    """


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


class ConfigurationError(FlipkartError, ValueError):
    """The client cannot be built as configured; nothing was sent.

    Missing or blank credentials, a missing ``FLIPKART_*`` variable, an unknown
    environment name or an unsafe base URL. It is also a ``ValueError``, so code
    written against the plain ``ValueError`` keeps working. Messages name the
    setting, never its value when that value is a secret.
    """


class SharedStateError(FlipkartError):
    """State shared between processes (a token store, a rate budget) could not be used.

    The message says which: the store or the budget, and why (unreachable, a timeout,
    a lock not obtained in time). It never holds a token.
    """


class TokenStoreError(SharedStateError):
    """The token store failed, or its lock was not obtained within the store's timeout.

    Raised before the API request was sent. A token obtained from Flipkart whose save
    failed is kept by the client and saved at its next call (the refresh token is not lost
    while the process lives).
    """


class RateBudgetError(SharedStateError):
    """The shared rate budget could not be consulted, or made the request wait longer than
    its ``max_wait``; the request was not sent."""


class APIConnectionError(FlipkartError):
    """The request got no HTTP answer (DNS, connect, reset, TLS or protocol failure)."""

    def __init__(self, message: str, *, method: str | None = None, url: str | None = None) -> None:
        self.method = method
        self.url = url
        super().__init__(message)

    @classmethod
    def from_transport_error(cls, exc: httpx.RequestError) -> APIConnectionError:
        """Wrap an httpx transport error, keeping only redacted request details."""
        # Imported here: the redaction module's public function is guarded by _boundary,
        # which imports this module.
        from ._core.redact import redact_text, redact_url

        try:
            request: httpx.Request | None = exc.request
        except RuntimeError:  # httpx raises when the error was created without a request
            request = None
        method = request.method if request is not None else None
        url = redact_url(request.url) if request is not None else None
        kind = APITimeoutError if isinstance(exc, httpx.TimeoutException) else APIConnectionError
        where = f" ({method} {url})" if request is not None else ""
        detail = redact_text(str(exc)) or type(exc).__name__
        return kind(f"{type(exc).__name__}: {detail}{where}", method=method, url=url)


class APITimeoutError(APIConnectionError):
    """The request timed out before an answer arrived."""


class MalformedResponse(FlipkartError):
    """A successful answer whose body is not the documented shape: not JSON, JSON that cannot
    be read safely (too large, too deep, duplicate keys, numbers out of range), or not the
    PDF a download promises. Nothing was written and no item was counted."""


class UsageError(FlipkartError, RuntimeError):
    """The library was used in a way it does not support; nothing was sent.

    Also a ``RuntimeError``, as the plain errors it replaces were.
    """


class ClientClosed(UsageError):
    """The client (or seller pool) was closed; build a new one."""


class ConcurrentUse(UsageError):
    """One iterator was consumed from two threads (or two tasks) at the same time.

    Each thread should run its own ``search()``; pages already handed over are unaffected.
    """


class WrongEventLoop(UsageError):
    """An async client was used from an event loop other than the one it first ran on.

    Build one client per event loop (``asyncio.run`` starts a new loop each time).
    """


class LocalFileError(FlipkartError, OSError):
    """A local file or folder could not be written or read (``save_labels``, ``manifest``).

    Keeps ``errno`` and ``filename``; also an ``OSError``. Nothing was written under the
    final name, and what Flipkart did is unaffected: download again to retry.
    """


class InternalError(FlipkartError):
    """An unexpected failure inside flipkart_ext: a bug. ``__cause__`` holds the original
    exception; please report it. Iterations still carry ``resume_from``."""


class APIStatusError(FlipkartError):
    """The server answered with a non-2xx status."""

    def __init__(
        self,
        message: str,
        *,
        status_code: int | None = None,
        code: str | None = None,
        headers: Mapping[str, str] | None = None,
        method: str | None = None,
        url: str | None = None,
        body: Any = None,
    ) -> None:
        self.message = message
        self.status_code = status_code
        self.code = code
        self.headers: httpx.Headers = httpx.Headers(headers or {})
        self.method = method
        self.url = url
        #: The parsed JSON body (or ``None``), for callers who need per-field detail.
        self.body = body
        super().__init__(message)

    def __str__(self) -> str:
        code = f" [{self.code}]" if self.code else ""
        where = f" ({self.method} {self.url})" if self.method and self.url else ""
        status = f"HTTP {self.status_code}" if self.status_code is not None else type(self).__name__
        return f"{status}{code}: {self.message}{where}"

    def __repr__(self) -> str:
        return f"{type(self).__name__}(status_code={self.status_code}, code={self.code!r})"


class AuthenticationError(APIStatusError):
    """The access token or the application credentials were rejected."""


class ReauthorizationRequired(AuthenticationError):
    """No usable token can be obtained without the seller authorizing the application again."""


class PermissionDenied(APIStatusError):
    """403: the token is valid but not allowed to do this."""


class NotFound(APIStatusError):
    """404: no such resource."""


class InvalidRequest(APIStatusError):
    """400 or 422: the request was malformed or failed validation."""


class RateLimitError(APIStatusError):
    """429: too many requests. ``retry_after`` is in seconds when the server said."""

    def __init__(self, message: str, *, retry_after: float | None = None, **kwargs: Any) -> None:
        self.retry_after = retry_after
        super().__init__(message, **kwargs)


class ServerError(APIStatusError):
    """5xx, or Flipkart's 499 (its connection timeout)."""


# -- paging (flipkart_ext.paging) ----------------------------------------------------------


class PaginationError(FlipkartError):
    """The server's paging answer cannot be followed safely."""


class UnsafeCursor(PaginationError):
    """A cursor (from the server or from ``resume_from``) that must not be sent.

    Raised before any request carrying it exists.
    """


class UnsafeNextPageUrl(UnsafeCursor):
    """A next-page URL leads outside the API's origin or base path, or cannot be sent as is.

    ``host`` is the origin it named when that is the reason (else ``None``); ``api_host``
    is the configured API origin, the only one that receives the bearer token.
    """

    def __init__(self, reason: str, *, api_host: str, host: str | None = None) -> None:
        self.reason = reason
        self.host = host
        self.api_host = api_host
        super().__init__(f"refusing to follow a next-page URL: {reason}")


class RepeatedCursor(PaginationError):
    """The server returned a cursor that was already fetched in this iteration.

    Following it would loop forever or yield pages twice.
    """

    def __init__(self, page_number: int) -> None:
        self.page_number = page_number
        super().__init__(
            f"page {page_number} returned a next-page cursor that this iteration already "
            "fetched; stopping instead of looping"
        )


class MissingNextPage(PaginationError):
    """A page says there are more pages but gives no usable cursor to fetch them.

    Stopping there would present a truncated list as complete. The page itself is not
    handed over: ``resume_from`` fetches it again.
    """

    def __init__(self, page_number: int, has_more_key: str, next_key: str, found: str) -> None:
        self.page_number = page_number
        super().__init__(
            f"page {page_number} says {has_more_key!r} is true but its {next_key!r} is {found}: "
            "the list would end early"
        )


class NoProgress(PaginationError):
    """Several pages in a row brought no item that was not already handed over.

    A server serving the same items under fresh cursors would otherwise be walked until
    ``max_pages``. The stale pages are empty once de-duplicated, so nothing is withheld.
    """

    def __init__(self, page_number: int, stale_pages: int) -> None:
        self.page_number = page_number
        self.stale_pages = stale_pages
        super().__init__(
            f"pages {page_number - stale_pages + 1} to {page_number} brought nothing new "
            f"({stale_pages} in a row, each still saying there is more); stopping instead of "
            "walking on"
        )


# -- webhooks (flipkart_ext.notifications) ---------------------------------------------------


class FailureReason(enum.StrEnum):
    """Why a notification was refused; stable strings suitable for logs and metrics."""

    MISSING_HEADER = "missing_header"
    MALFORMED_HEADER = "malformed_header"
    WRONG_APPLICATION = "wrong_application"
    BAD_SIGNATURE = "bad_signature"
    STALE_REQUEST = "stale_request"


class NotificationError(FlipkartError):
    """Base class for every error raised by ``flipkart_ext.notifications``.

    A :class:`~flipkart_ext.FlipkartError`, so one ``except FlipkartError`` covers the
    client and the webhook receiver alike.
    """


class InvalidSignature(NotificationError):
    """The request cannot be trusted as coming from Flipkart for this application.

    Catch this one class in a receiver and answer 401; ``reason`` says which check failed.
    """

    reason: FailureReason

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __repr__(self) -> str:
        return f"{type(self).__name__}(reason={self.reason.value!r}, message={self.message!r})"


class MissingHeader(InvalidSignature):
    """A required header (``X_Date`` or ``X_Authorization``) is absent or empty."""

    reason = FailureReason.MISSING_HEADER


class MalformedHeader(InvalidSignature):
    """A header is present but does not have the documented shape."""

    reason = FailureReason.MALFORMED_HEADER


class WrongApplication(InvalidSignature):
    """The header is well formed but names a different application id."""

    reason = FailureReason.WRONG_APPLICATION


class BadSignature(InvalidSignature):
    """No accepted form of the signed string hashes to the signature received."""

    reason = FailureReason.BAD_SIGNATURE


class StaleRequest(InvalidSignature):
    """The signature is genuine but ``X_Date`` lies outside the allowed clock skew."""

    reason = FailureReason.STALE_REQUEST


class MalformedEvent(NotificationError, ValueError):
    """The notification body is not valid JSON, or not a JSON object."""
