"""Every paging decision, free of I/O, shared by the sync and async iterators of every list.

``PageWalker`` says which request to send next and turns each answer into a ``Page``; the
drivers in ``_drivers`` only send requests and hand answers back. The guarantees, proven
once for every :class:`~._shape.PageShape`:

* the server's cursor is followed as given, and only when it is safe (``_urls``);
* a page that says "more" without a usable cursor raises ``MissingNextPage``; a usable
  cursor is followed whatever the flag says (a page ending the list carries none);
* a cursor fetched before raises ``RepeatedCursor``; :data:`MAX_STALE_PAGES` pages in a
  row with nothing new raise ``NoProgress``;
* an item id already handed over is skipped (and counted), within a bounded window;
* ``limit`` / ``max_pages`` stop early on purpose; ``resume_from`` starts from a cursor;
* every error carries ``resume_from``: a page is handed over only once it is complete
  (parsed, and its continuation known to be usable), so resuming neither loses nor
  repeats an item.

Memory: one page of items at a time plus two bounded records.

* Item ids already yielded (``RecentIds``): the most recent ``dedupe_window`` ids are
  always remembered, at most twice as many are held (about 130 bytes per 36-character id
  with set overhead, so the default 50,000 levels off near 13 MB). A duplicate arriving
  further back than that is yielded again, never dropped: nothing is ever lost. Exact
  de-duplication over any distance would need memory growing with the whole result.
* Cursors already fetched (``CursorLog``): a 16-byte digest per page, kept for the whole
  iteration because a repeated cursor must be caught however long the cycle is.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, Final, Generic, TypeVar

from .._boundary import guarded_class
from .._core.inputs import flag
from ..errors import (
    FlipkartError,
    InvalidArgument,
    MalformedResponse,
    MissingNextPage,
    NoProgress,
    RepeatedCursor,
)
from ._shape import PageRequest, PageShape
from ._urls import ApiBase

__all__ = [
    "DEFAULT_DEDUPE_WINDOW",
    "MAX_EMPTY_PAGES",
    "MAX_STALE_PAGES",
    "CursorLog",
    "Page",
    "PageWalker",
    "RecentIds",
    "check_count",
]

logger = logging.getLogger("flipkart_ext.paging")

T = TypeVar("T")

DEFAULT_DEDUPE_WINDOW: Final = 50_000
MAX_STALE_PAGES: Final = 3
"""Pages in a row whose items were all handed over already, while they say there is more,
before ``NoProgress`` is raised. One or two happen when items shift between pages while a
list is walked; three in a row is a server serving the same items under fresh cursors."""
MAX_EMPTY_PAGES: Final = 100
"""Pages in a row bringing no new item (empty ones included) while they say there is more,
before ``NoProgress``. A few empty pages are legitimate (items filtered out after paging);
a hundred in a row is a loop."""
_LOGGED_IDS: Final = 5


@guarded_class
@dataclass(frozen=True, slots=True)
class Page(Generic[T]):
    """One page of a list.

    ``cursor`` is the server's cursor exactly as given: store it (a plain ``str``) once the
    page is processed, and pass it as ``resume_from=`` to continue with the page after
    this one. It is ``None`` on the last page.
    """

    items: list[T]
    """Items on this page, in server order, without ids already yielded."""
    has_more: bool
    """Whether the server has a further page (``cursor`` is not ``None``)."""
    cursor: str | None
    number: int
    """1-based position of this page within the current iteration."""
    duplicates_skipped: int
    """Items on this page left out because their id was already yielded."""


class RecentIds:
    """Which item ids were yielded recently, in bounded memory.

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
    """Digests of every cursor fetched in one iteration, to catch a repeated one."""

    __slots__ = ("_seen",)

    def __init__(self) -> None:
        self._seen: set[bytes] = set()

    def add(self, key: str) -> bool:
        """Record ``key``; ``False`` if it was already fetched."""
        digest = hashlib.blake2b(
            key.encode(),
            digest_size=16,  # pragma: no mutate (any digest size: only the memory differs)
        ).digest()
        if digest in self._seen:
            return False
        self._seen.add(digest)
        return True


def _flag(value: object) -> bool | None:
    """A "has more" value read liberally: booleans, ``"true"``/``"false"``, 1/0; else unknown."""
    if isinstance(value, bool):
        return value
    if isinstance(value, int):
        return value != 0
    if isinstance(value, str) and value.strip().lower() in ("true", "false"):
        return value.strip().lower() == "true"
    return None


def _item_key(value: object) -> str | None:
    if isinstance(value, str) and value:
        return value
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    return None


def _describe(value: object) -> str:
    """What is wrong with a next cursor that is not usable (any non-blank string is)."""
    if value is None:
        return "missing or null"
    if isinstance(value, str):
        return "empty"
    return f"a {type(value).__name__}, not a string"


def check_count(name: str, value: int | None, minimum: int) -> None:
    """Refuse a count argument that is not an integer >= ``minimum`` (bools included)."""
    if value is not None and (
        isinstance(value, bool) or not isinstance(value, int) or value < minimum
    ):
        raise InvalidArgument(f"{name}: expected an integer >= {minimum}, got {value!r}")


@guarded_class
class PageWalker(Generic[T]):
    """State of one iteration: the next request to send and the pages seen so far.

    Drive it as: ``request = next_request()``; while ``request`` is not ``None``: send it,
    ``page = accept(response.json())``, hand ``page`` to the caller, then
    ``request = next_request()``. Any error raised while doing so goes through
    :meth:`interrupted` first, which records where to resume.
    """

    def __init__(
        self,
        shape: PageShape,
        *,
        api_base: ApiBase,
        first: PageRequest | None,
        resume_from: str | None,
        raw: bool,
        limit: int | None,
        max_pages: int | None,
        dedupe_window: int,
    ) -> None:
        check_count("limit", limit, 0)
        check_count("max_pages", max_pages, 0)
        check_count("dedupe_window", dedupe_window, 1)
        flag("raw", raw)
        if resume_from is not None and (
            not isinstance(resume_from, str) or not resume_from.strip()
        ):
            raise InvalidArgument(
                f"resume_from: expected a cursor string from Page.cursor, got {resume_from!r}"
            )
        if first is None and (resume_from is None or shape.cursor.needs_first_request):
            raise InvalidArgument(
                "filter: required unless resume_from is given"
                if resume_from is None
                else f"filter: required to resume a {shape.name} (its cursor is only a page token)"
            )
        self._shape = shape
        self._api_base = api_base
        self._first = first
        # Imported here, not per item: the model module loads once per iteration.
        self._parse: Callable[[dict[str, Any]], T] | None = None if raw else shape.load_model()
        self._limit = limit
        self._max_pages = max_pages
        self._ids = RecentIds(dedupe_window)
        self._cursors = CursorLog()
        self._pending: PageRequest | None
        self._pending_cursor: str | None = resume_from
        if resume_from is not None:
            # Checking now refuses a tampered cursor before anything is sent.
            checked = shape.cursor.check(api_base, resume_from)
            self._cursors.add(checked)
            self._pending = shape.cursor.request(first, checked)
        else:
            self._pending = first
        self._stale = self._run = 0
        self.pages_fetched = 0
        """Pages handed over so far in this iteration."""
        self.items_yielded = 0
        """Items handed out so far (after de-duplication and ``limit``)."""
        self.duplicates_skipped = 0
        """Items left out so far because their id had already been yielded."""

    @property
    def resume_cursor(self) -> str | None:
        """The cursor of the first page not yet handed over; ``None`` for the opening request."""
        return self._pending_cursor

    def interrupted(self, exc: FlipkartError) -> None:
        """Record on ``exc`` where this iteration can resume, and say so in its notes."""
        exc.resume_from = self._pending_cursor
        done = f"after {self.pages_fetched} page(s) and {self.items_yielded} item(s)"
        if self._pending_cursor is None:
            exc.add_note(f"{self._shape.name} interrupted {done}; no cursor yet: run it again")
        else:
            exc.add_note(
                f"{self._shape.name} interrupted {done}; continue it with "
                "resume_from=error.resume_from"
            )

    def _exhausted(self) -> bool:
        return (self._limit is not None and self.items_yielded >= self._limit) or (
            self._max_pages is not None and self.pages_fetched >= self._max_pages
        )

    def next_request(self) -> PageRequest | None:
        """The request for the next page, or ``None`` when the iteration is over."""
        return None if self._exhausted() else self._pending

    def _items_of(self, payload: Mapping[str, Any], number: int) -> list[Any]:
        shape = self._shape
        found = payload.get(shape.items)
        if found is None:
            return []
        if isinstance(found, dict) and shape.single_object_items:
            return [found]
        if not isinstance(found, list):
            raise MalformedResponse(
                f"{shape.name} page {number}: {shape.items!r} is a {type(found).__name__}, "
                "not a list"
            )
        return found

    def _parsed(self, parse: Callable[[dict[str, Any]], T], raw: object, number: int) -> T:
        """``raw`` as the list's model (raw mode never gets here: it yields what was sent)."""
        if not isinstance(raw, dict):
            raise MalformedResponse(
                f"{self._shape.name} page {number}: an item is a {type(raw).__name__}, not a "
                "JSON object (raw=True yields it as sent)"
            )
        try:
            return parse(raw)
        except Exception as exc:  # a model that cannot hold what was sent
            key = _item_key(raw.get(self._shape.item_id))
            raise MalformedResponse(
                f"{self._shape.name} page {number}: item {key or '(no id)'} does not fit the "
                f"model ({type(exc).__name__}: {exc}); raw=True yields it as sent"
            ) from exc

    def accept(self, payload: object) -> Page[T]:
        """Turn one decoded answer into a ``Page``, or raise without handing anything over."""
        shape = self._shape
        number = self.pages_fetched + 1
        if not isinstance(payload, Mapping):
            raise MalformedResponse(
                f"{shape.name} page {number}: expected a JSON object, got {type(payload).__name__}"
            )
        remaining = None if self._limit is None else self._limit - self.items_yielded
        items: list[T] = []
        duplicates: list[str] = []
        fresh = present = 0
        # Every item of every page passes here: what the loop reads is bound once per page.
        parse, remember, item_id = self._parse, self._ids.add, shape.item_id
        for raw in self._items_of(payload, number):
            if remaining is not None and len(items) >= remaining:
                break
            if raw is None:
                # Nothing in it to lose: raw=True hands it over as sent, models leave it out.
                if parse is None:
                    items.append(raw)  # type: ignore[arg-type]  # raw mode yields what was sent
                continue
            present += 1  # pragma: no mutate (only read as zero or not)
            key = _item_key(raw.get(item_id)) if isinstance(raw, dict) else None
            # Without a usable id an item cannot be a known duplicate: it is yielded.
            if key is not None and not remember(key):
                duplicates.append(key)
                continue
            fresh += 1  # pragma: no mutate (only read as zero or not)
            items.append(raw if parse is None else self._parsed(parse, raw, number))

        stopping = (remaining is not None and len(items) >= remaining) or (
            self._max_pages is not None and number >= self._max_pages
        )
        cursor, following = self._continuation(payload, number, stopping)
        self._check_progress(number, following is not None, present, fresh)

        if duplicates:
            self.duplicates_skipped += len(duplicates)
            logger.info(
                "%s page %d: skipped %d item(s) already yielded in this iteration: %s%s",
                shape.name,
                number,
                len(duplicates),
                ", ".join(duplicates[:_LOGGED_IDS]),
                " ..." if len(duplicates) > _LOGGED_IDS else "",
            )
        self._pending, self._pending_cursor = following, cursor
        self.pages_fetched = number
        self.items_yielded += len(items)
        return Page(
            items=items,
            has_more=cursor is not None,
            cursor=cursor,
            number=number,
            duplicates_skipped=len(duplicates),
        )

    def _check_progress(self, number: int, more: bool, present: int, fresh: int) -> None:
        """Track the run of pages bringing nothing new; raise ``NoProgress`` past its bounds.

        A run is broken only by a page with a new item (or by the end of the list). Within
        it, pages whose items were all handed over already count against
        :data:`MAX_STALE_PAGES`, and all its pages (empty ones too) against
        :data:`MAX_EMPTY_PAGES`.
        """
        if not more or fresh:
            self._stale = self._run = 0
            return
        self._run += 1
        if present:  # every item was a repeat
            self._stale += 1
            if self._stale >= MAX_STALE_PAGES:
                raise NoProgress(number, self._run)
        if self._run >= MAX_EMPTY_PAGES:
            raise NoProgress(number, self._run)

    def _continuation(
        self, payload: Mapping[str, Any], number: int, stopping: bool
    ) -> tuple[str | None, PageRequest | None]:
        """The page's cursor and the request that follows it, checked unless the caller stops here."""
        shape = self._shape
        has_more = _flag(payload.get(shape.has_more))
        value = payload.get(shape.next)
        usable = isinstance(value, str) and bool(value.strip())
        if not usable:
            # Flipkart nulls the cursor on the last page; "more" without one would end the
            # list early, unless the caller wants nothing after this page anyway.
            if has_more is not True or stopping:
                return None, None
            raise MissingNextPage(number, shape.has_more, shape.next, _describe(value))
        # A usable cursor is followed even when the flag says "no more" (or says it as 0,
        # -0, "false"): the documented last page has none, so a page carrying one
        # contradicts itself, and following costs one request where stopping could lose
        # every later page. The server's next answer settles it.
        assert isinstance(value, str)
        if stopping:
            return value, None
        key = shape.cursor.check(self._api_base, value)
        if not self._cursors.add(key):
            if has_more is False:
                # "No more", beside a cursor naming a page already fetched (a server echoing
                # the last page's own cursor): the flag and the cursor agree, the list ends.
                return None, None
            raise RepeatedCursor(number)
        return value, shape.cursor.request(self._first, key)
