"""The independent model: what a client following the documented rules must do.

Rules taken from the guides, docs/guides/errors.md and pagination.md (not from the code):

* retries: at most 4 attempts per request, each retryable failure consuming one; a 5xx,
  499 or 429 (with ``Retry-After`` up to 60 s), a connection reset before or after the
  headers, a stalled body (read timeout) or a body cut short are retried for a read; a
  ``Retry-After`` over 60 s is returned at once as ``RateLimitError``;
* a 401 renews the token (one token request) and replays once with a fresh retry budget;
  a second 401 for the same call is ``AuthenticationError``;
* paging: a page is handed over only when complete. "More" with no usable next cursor is
  ``MissingNextPage``, an unsafe one ``UnsafeNextPageUrl`` / ``UnsafeCursor``, one already
  fetched in this iteration ``RepeatedCursor``; three pages
  in a row whose items were all handed over already is ``NoProgress``; an item id already
  handed over in this iteration is skipped;
* every error that ends an iteration names the cursor of the first page not handed over
  (``None`` for the opening request).
"""

from __future__ import annotations

from dataclasses import dataclass

from flipkart_ext import (
    APIConnectionError,
    APITimeoutError,
    AuthenticationError,
    MissingNextPage,
    NoProgress,
    RateLimitError,
    RepeatedCursor,
    ServerError,
    UnsafeCursor,
)

from ._paged_app import LOOPING, MISSING, RATE_FAULTS, STATUS_FAULTS, UNSAFE, Page

MAX_ATTEMPTS = 4
STALE_LIMIT = 3

_ERROR_OF_FAULT: dict[str, type[Exception]] = {
    **{fault: ServerError for fault in STATUS_FAULTS},
    **{fault: RateLimitError for fault in RATE_FAULTS},
    "reset_before_headers": APIConnectionError,
    "reset_mid_body": APIConnectionError,
    "truncate": APIConnectionError,
    "stall_body": APITimeoutError,
}


@dataclass
class Prediction:
    items: list[str]
    api_requests: int
    token_requests: int
    error: type[Exception] | None = None
    failed_page: int | None = None  # the page whose cursor resumes (0: start again)


def _fetch(faults: list[str]) -> tuple[int, int, type[Exception] | None]:
    """(requests sent, tokens fetched, error) for one page fetch meeting ``faults`` in turn."""
    sent = tokens = failed = 0
    renewed = False
    queue = list(faults)
    while True:
        sent += 1
        fault = queue.pop(0) if queue else None
        if fault is None:
            return sent, tokens, None
        if fault == "401":
            if renewed:
                return sent, tokens, AuthenticationError
            renewed, failed = True, 0
            tokens += 1
            continue
        if fault == "429_over_cap":
            return sent, tokens, RateLimitError
        failed += 1
        if failed == MAX_ATTEMPTS:
            return sent, tokens, _ERROR_OF_FAULT[fault]


def predict(pages: list[Page], *, start: int = 0, faults: bool = True) -> Prediction:
    """Walk ``pages`` from ``start`` as the documented client must."""
    out: list[str] = []
    prediction = Prediction(out, api_requests=0, token_requests=1)  # the first token
    stale = run = 0
    for index in range(start, len(pages)):
        page = pages[index]
        sent, tokens, error = _fetch(page.faults if faults else [])
        prediction.api_requests += sent
        prediction.token_requests += tokens
        if error is not None:
            prediction.error, prediction.failed_page = error, index
            return prediction
        fresh = [i for i in dict.fromkeys(page.ids) if i not in out]
        last = index == len(pages) - 1
        # A healed server drops defects only: a last page stays the last page. The opening
        # page has no cursor of its own to send back, so it links on as usual.
        ending = page.ending if faults or page.ending == "end" else "next"
        if ending in LOOPING and index == 0:
            ending = "next"
        if ending == "end" or (ending == "next" and last):
            out += fresh
            return prediction
        if ending in MISSING:
            prediction.error, prediction.failed_page = MissingNextPage, index
            return prediction
        if ending in UNSAFE:
            prediction.error, prediction.failed_page = UnsafeCursor, index
            return prediction
        if ending in LOOPING:
            prediction.error, prediction.failed_page = RepeatedCursor, index
            return prediction
        if fresh:
            stale = run = 0
        else:  # a page with nothing new: a repeat-only one, or an empty one
            run += 1
            stale += 1 if page.ids else 0
        if stale >= STALE_LIMIT or run >= 100:
            prediction.error, prediction.failed_page = NoProgress, index
            return prediction
        out += fresh
    return prediction
