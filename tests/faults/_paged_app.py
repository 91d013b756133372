"""A Flipkart-like paginated list with scheduled faults, served by ``_wire.WireServer``.

Everything here is written from Flipkart's documented wire format (``NOTES.md``), not from
the package: the keys of each list are spelled out below, independently of
``flipkart_ext._spec``.

A *schedule* is the sequence of pages the server serves, in order. Each page has its item
ids, how it ends (a good next cursor, the last page, or a defect), and the faults its
successive fetch attempts meet before one succeeds.
"""

from __future__ import annotations

import email.utils
import itertools
import threading
import time
from dataclasses import dataclass, field
from typing import Any

from ._wire import Reply, Request

__all__ = ["ENDINGS", "FAULTS", "LISTS", "ListWire", "Page", "PagedFlipkart"]

# Faults a fetch attempt can meet. "401" is answered by the auth layer; the others by retries.
STATUS_FAULTS = {"500": 500, "502": 502, "503": 503, "504": 504, "499": 499}
RATE_FAULTS = ("429_seconds", "429_date", "429_over_cap")
SOCKET_FAULTS = ("reset_before_headers", "reset_mid_body", "stall_body", "truncate")
FAULTS = ("401", *STATUS_FAULTS, *RATE_FAULTS, *SOCKET_FAULTS)

# How a page ends. "next" links the following page; "end" is the last page.
MISSING = ("next_null", "next_empty", "next_absent", "next_not_a_string")
UNSAFE = ("next_off_host", "next_control_char", "next_dot_segment", "next_too_long")
LOOPING = ("next_back",)  # the cursor that fetched this very page, sent again
ENDINGS = ("next", "end", *MISSING, *UNSAFE, *LOOPING)


@dataclass(frozen=True)
class ListWire:
    """One of Flipkart's paginated lists, as its pages look on the wire."""

    name: str
    first_method: str
    first_path: str
    items: str
    item_id: str
    has_more: str
    next: str
    cursor: str  # "url": GET the URL given; "token": resend the first request with it
    next_path: str = ""
    token_field: str = ""

    def next_value(self, page: int) -> str:
        token = f"t{page}"
        return f"{self.next_path}?next_token={token}" if self.cursor == "url" else token

    def page_of(self, request: Request) -> int | None:
        """Which page a request asks for (0: the opening request), or None if not ours."""
        path = request.path.removeprefix("/sellers")
        if self.cursor == "url":
            if request.method == self.first_method and path == self.first_path:
                if self.first_method == "GET" and "next_token" in request.query:
                    return int(request.query["next_token"][1:])
                return 0
            if request.method == "GET" and path == self.next_path:
                return int(request.query.get("next_token", "t0")[1:])
            return None
        if request.method == self.first_method and path == self.first_path:
            token = (request.json() or {}).get(self.token_field)
            return 0 if token is None else int(token[1:])
        return None


LISTS = {
    "shipments": ListWire(
        "shipments",
        "POST",
        "/v3/shipments/filter",
        items="shipments",
        item_id="shipmentId",
        has_more="hasMore",
        next="nextPageUrl",
        cursor="url",
        next_path="/v3/shipments/filter",
    ),
    "returns": ListWire(
        "returns",
        "GET",
        "/v2/returns",
        items="returnItems",
        item_id="returnId",
        has_more="hasMore",
        next="nextUrl",
        cursor="url",
        next_path="/v2/returns",
    ),
    "listings": ListWire(
        "listings",
        "POST",
        "/listings/v3/search",
        items="listings",
        item_id="listing_id",
        has_more="has_more",
        next="next_page_id",
        cursor="token",
        token_field="page_id",
    ),
}


@dataclass
class Page:
    ids: list[str]
    ending: str = "next"
    faults: list[str] = field(default_factory=list)


class PagedFlipkart:
    """OAuth plus one paginated list; counts every request it answers."""

    def __init__(self, wire: ListWire, pages: list[Page]) -> None:
        self.wire = wire
        self.pages = pages
        self.faults_on = True
        self._lock = threading.Lock()
        self._attempts: dict[int, int] = {}
        self._tokens = itertools.count(1)
        self.token_requests = 0
        self.api_requests = 0
        self.valid: set[str] = set()

    def heal(self) -> None:
        """Stop injecting faults and defects (the server is fixed); counters restart."""
        with self._lock:
            self.faults_on = False
            self.token_requests = self.api_requests = 0

    def __call__(self, request: Request) -> Reply:
        if request.path.startswith("/oauth-service/oauth/token"):
            return self._token()
        with self._lock:
            self.api_requests += 1
            page = self.wire.page_of(request)
            if page is None or not 0 <= page < len(self.pages):
                return Reply.of_json({"errors": [{"code": "NOT_FOUND"}]}, 404)
            attempt = self._attempts.get(page, 0)
            self._attempts[page] = attempt + 1
            faults = self.pages[page].faults if self.faults_on else []
            fault = faults[attempt] if attempt < len(faults) else None
            token = request.headers.get("authorization", "").removeprefix("Bearer ")
        if token not in self.valid:
            return Reply.of_json({"error": "invalid_token"}, 401)
        if fault == "401":
            self.valid.discard(token)
            return Reply.of_json({"error": "invalid_token"}, 401)
        if fault in STATUS_FAULTS:
            return Reply.of_json({"errors": [{"code": "DOWN"}]}, STATUS_FAULTS[fault])
        if fault in RATE_FAULTS:
            return _rate_limited(fault)
        body = self._body(page)
        return Reply.of_json(body, fault=fault)  # a socket fault, or None

    def _token(self) -> Reply:
        with self._lock:
            self.token_requests += 1
            value = f"AT-{next(self._tokens)}"
            self.valid.add(value)
        return Reply.of_json(
            {
                "access_token": value,
                "token_type": "bearer",
                "expires_in": 3600,
                "scope": "Seller_Api",
            }
        )

    def _body(self, page: int) -> dict[str, Any]:
        wire = self.wire
        items = [{wire.item_id: i, "extra": {"n": k}} for k, i in enumerate(self.pages[page].ids)]
        body: dict[str, Any] = {wire.items: items}
        ending = self.pages[page].ending
        if (not self.faults_on and ending not in ("next", "end")) or (
            ending == "next_back" and page == 0  # the opening page has no cursor to send back
        ):
            ending = "next"
        last = page == len(self.pages) - 1
        if ending == "end" or (ending == "next" and last):
            body[wire.has_more] = False
            return body
        body[wire.has_more] = True
        good = wire.next_value(page + 1)
        body[wire.next] = {
            "next": good,
            "next_null": None,
            "next_empty": "",
            "next_not_a_string": 17,
            "next_off_host": f"https://elsewhere.test/sellers{good}"
            if wire.cursor == "url"
            else good,
            "next_control_char": good + "\n",
            "next_dot_segment": f"/../oauth-service{good}" if wire.cursor == "url" else good + "\t",
            "next_too_long": good + "x" * 9000,
            "next_back": wire.next_value(page),
        }.get(ending, good)
        if ending == "next_absent":
            del body[wire.next]
        return body


def _rate_limited(fault: str) -> Reply:
    if fault == "429_seconds":
        after = "1"
    elif fault == "429_date":
        after = email.utils.formatdate(time.time() + 1, usegmt=True)
    else:
        after = "600"  # over the client's 60 s cap: returned at once as a RateLimitError
    return Reply(429, b'{"errors": [{"code": "RATE"}]}', {"Retry-After": after})
