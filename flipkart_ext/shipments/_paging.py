"""Every paging decision, free of I/O, shared by the sync and async iterators.

``PageWalker`` says which request to send next and turns each answer into a ``Page``;
the iterators in ``_search`` only send requests and hand answers back.

Memory: ``PageWalker`` keeps one page of items at a time plus two bounded records.

* Shipment ids already yielded (``RecentIds``): the most recent ``dedupe_window`` ids
  are always remembered, at most twice as many are held (about 130 bytes per 36-character
  id with set overhead, so the default 50,000 levels off near 13 MB; the benchmark
  measures it). A duplicate arriving further back than that is yielded again, never
  dropped: nothing is ever lost, and duplicates in practice come from shipments shifting
  between neighbouring pages while the search runs. Exact de-duplication over any
  distance would need memory growing with the whole result; hashing ids instead would
  risk dropping a distinct shipment on a collision.
* Cursors already fetched (``CursorLog``): a 16-byte digest per page (about 90 bytes
  with set overhead, against tens of kilobytes of page payload), kept for the whole
  iteration because a repeated cursor must be caught however long the cycle is.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, Final, Generic, TypeVar

from .._wire_names import SHIPMENT, SHIPMENT_PAGE, SHIPMENT_SEARCH
from ._errors import MalformedResponse, RepeatedCursor
from ._urls import ApiBase

__all__ = [
    "DEFAULT_DEDUPE_WINDOW",
    "SEARCH_PATH",
    "CursorLog",
    "Page",
    "PageRequest",
    "PageWalker",
    "RecentIds",
]

logger = logging.getLogger("flipkart_ext.shipments")

T = TypeVar("T")

SEARCH_PATH: Final = SHIPMENT_SEARCH.path
DEFAULT_DEDUPE_WINDOW: Final = 50_000
_LOGGED_IDS: Final = 5


@dataclass(frozen=True, slots=True)
class Page(Generic[T]):
    """One page of a shipment search.

    ``cursor`` is the server's ``nextPageUrl`` exactly as given: store it (it is a plain
    ``str``) once the page is processed, and pass it as ``resume_from=`` to continue
    with the page after this one. It is ``None`` on the last page.
    """

    items: list[T]
    """Shipments on this page, in server order, without ids already yielded."""
    has_more: bool
    """Whether the server has a further page (``cursor`` is not ``None``)."""
    cursor: str | None
    number: int
    """1-based position of this page within the current iteration."""
    duplicates_skipped: int
    """Shipments on this page left out because their id was already yielded."""


@dataclass(frozen=True, slots=True)
class PageRequest:
    """A request the iterator must send: the first ``POST`` or a next-page ``GET``."""

    method: str
    url: str
    json: dict[str, Any] | None = None


class RecentIds:
    """Which shipment ids were yielded recently, in bounded memory.

    Two generations of sets: when the newer one reaches ``window`` ids it becomes the
    older one and the previous older one is dropped. So the last ``window`` ids are
    always remembered, and never more than ``2 * window`` are held.
    """

    __slots__ = ("_current", "_previous", "_window")

    def __init__(self, window: int) -> None:
        self._window = window
        self._current: set[str] = set()
        self._previous: set[str] = set()

    def add(self, key: str) -> bool:
        """Remember ``key``; ``False`` if it was already remembered."""
        if key in self._current or key in self._previous:
            return False
        self._current.add(key)
        if len(self._current) >= self._window:
            self._previous = self._current
            self._current = set()
        return True


class CursorLog:
    """Digests of every URL fetched in one iteration, to catch a repeated cursor."""

    __slots__ = ("_seen",)

    def __init__(self) -> None:
        self._seen: set[bytes] = set()

    def add(self, url: str) -> bool:
        """Record ``url``; ``False`` if it was already fetched."""
        digest = hashlib.blake2b(url.encode(), digest_size=16).digest()
        if digest in self._seen:
            return False
        self._seen.add(digest)
        return True


class PageWalker(Generic[T]):
    """State of one iteration: the next request to send and the pages seen so far.

    Drive it as: ``request = first_request()``; while ``request`` is not ``None``: send
    it, ``page = accept(response.json())``, hand ``page`` to the caller, then
    ``request = next_request()``. ``next_request`` raises ``PaginationError`` when the
    server's cursor cannot be followed; the iterators raise it only after the page
    before it has been handed over, so nothing already received is lost.
    """

    def __init__(
        self,
        *,
        api_base: ApiBase,
        body: dict[str, Any] | None,
        resume_from: str | None,
        parse: Callable[[dict[str, Any]], T],
        limit: int | None,
        max_pages: int | None,
        dedupe_window: int,
    ) -> None:
        for name, value, minimum in (
            ("limit", limit, 0),
            ("max_pages", max_pages, 0),
            ("dedupe_window", dedupe_window, 1),
        ):
            if value is not None and (
                isinstance(value, bool) or not isinstance(value, int) or value < minimum
            ):
                raise ValueError(f"{name}: expected an integer >= {minimum}, got {value!r}")
        if resume_from is not None and (
            not isinstance(resume_from, str) or not resume_from.strip()
        ):
            raise ValueError(
                f"resume_from: expected a cursor string from Page.cursor, got {resume_from!r}"
            )
        if body is None and resume_from is None:
            raise ValueError("filter: required unless resume_from is given")
        self._api_base = api_base
        self._parse = parse
        self._limit = limit
        self._max_pages = max_pages
        self._ids = RecentIds(dedupe_window)
        self._cursors = CursorLog()
        self._next_cursor: str | None = None
        self._first: PageRequest | None
        if resume_from is not None:
            # Resolving now refuses a tampered cursor before anything is sent.
            url = api_base.resolve(resume_from)
            self._cursors.add(url)
            self._first = PageRequest("GET", url)
        else:
            self._first = PageRequest("POST", api_base.join(SEARCH_PATH), body)
        self.pages_fetched = 0
        """Pages received so far in this iteration."""
        self.items_yielded = 0
        """Items handed out so far (after de-duplication and ``limit``)."""
        self.duplicates_skipped = 0
        """Shipments left out so far because their id had already been yielded."""

    def _exhausted(self) -> bool:
        return (self._limit is not None and self.items_yielded >= self._limit) or (
            self._max_pages is not None and self.pages_fetched >= self._max_pages
        )

    def first_request(self) -> PageRequest | None:
        """The request that opens the iteration (``None`` if ``limit``/``max_pages`` is 0)."""
        return None if self._exhausted() else self._first

    def accept(self, payload: object) -> Page[T]:
        """Turn one decoded answer into a ``Page``: de-duplicate, parse, apply ``limit``."""
        number = self.pages_fetched + 1
        if not isinstance(payload, Mapping):
            raise MalformedResponse(
                f"page {number}: expected a JSON object, got {type(payload).__name__}"
            )
        shipments = payload.get(SHIPMENT_PAGE.items)
        if shipments is None:
            shipments = []
        if not isinstance(shipments, list):
            raise MalformedResponse(
                f"page {number}: '{SHIPMENT_PAGE.items}' is {type(shipments).__name__}, not a list"
            )

        remaining = None if self._limit is None else self._limit - self.items_yielded
        items: list[T] = []
        duplicates: list[str] = []
        for raw in shipments:
            if remaining is not None and len(items) >= remaining:
                break
            if not isinstance(raw, dict):
                logger.warning("page %d: ignoring a shipment that is not a JSON object", number)
                continue
            shipment_id = raw.get(SHIPMENT.id)
            # Without a usable id a shipment cannot be a known duplicate: yield it.
            if isinstance(shipment_id, str) and not self._ids.add(shipment_id):
                duplicates.append(shipment_id)
                continue
            items.append(self._parse(raw))

        if duplicates:
            self.duplicates_skipped += len(duplicates)
            logger.warning(
                "page %d: skipped %d shipment(s) already yielded in this iteration: %s%s",
                number,
                len(duplicates),
                ", ".join(duplicates[:_LOGGED_IDS]),
                " ..." if len(duplicates) > _LOGGED_IDS else "",
            )

        has_more = payload.get(SHIPMENT_PAGE.has_more)
        next_page_url = payload.get(SHIPMENT_PAGE.next)
        cursor = (
            next_page_url
            if has_more is not False and isinstance(next_page_url, str) and next_page_url.strip()
            else None
        )
        if has_more is True and cursor is None:
            logger.warning("page %d: hasMore is true but nextPageUrl is empty; stopping", number)
        self._next_cursor = cursor
        self.pages_fetched = number
        self.items_yielded += len(items)
        return Page(
            items=items,
            has_more=cursor is not None,
            cursor=cursor,
            number=number,
            duplicates_skipped=len(duplicates),
        )

    def next_request(self) -> PageRequest | None:
        """The ``GET`` for the page after the last accepted one, or ``None`` when done.

        Raises ``UnsafeNextPageUrl`` or ``RepeatedCursor`` instead of sending a request
        that would leak the token or loop.
        """
        if self._next_cursor is None or self._exhausted():
            return None
        url = self._api_base.resolve(self._next_cursor)
        if not self._cursors.add(url):
            raise RepeatedCursor(self.pages_fetched)
        return PageRequest("GET", url)
