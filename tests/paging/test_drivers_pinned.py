"""The sync and async drivers and the ``search()`` / ``pages()`` facade, pinned.

``Things`` / ``AsyncThings`` (in ``_things``) are the smallest lists built on ``PagedList``:
every argument must reach the walker, every default must hold, and the iterators must
report progress, stop when closed and fetch ahead only when asked to.
"""

from __future__ import annotations

import asyncio
import gc
import logging
import re
from typing import Any

import httpx
import pytest

from flipkart_ext import MalformedResponse, UnsafeNextPageUrl
from flipkart_ext.errors import ServerError
from flipkart_ext.paging import (
    AsyncItemIterator,
    AsyncPagedList,
    AsyncPageIterator,
    ItemIterator,
    PageIterator,
    PageRequest,
)

from ._things import BASE, THINGS, Thing, ThingServer, chain, url

FILTER = {"filter": {"kind": "all"}}
SEARCH_URL = f"{BASE}/v3/things/search"
FAILSAFE = 5  # seconds; only keeps a broken prefetch from hanging the suite


def ids(items: list[Any]) -> list[Any]:
    return [i.data["thingId"] if isinstance(i, Thing) else i["thingId"] for i in items]


def page_ids(pages: list[Any]) -> list[list[Any]]:
    return [ids(p.items) for p in pages]


async def drain(iterator: Any) -> list[Any]:
    return [x async for x in iterator]


# --- defaults ------------------------------------------------------------------------------


def test_sync_search_and_pages_yield_models_unless_raw():
    server = ThingServer(chain(["a"], ["b"]))
    things = server.things()

    assert list(things.search(FILTER)) == [
        Thing({"thingId": k, "name": f"thing {k}"}) for k in "ab"
    ]
    assert all(isinstance(i, Thing) for p in things.pages(FILTER) for i in p.items)
    assert all(isinstance(i, dict) for i in things.search(FILTER, raw=True))
    assert all(isinstance(i, dict) for p in things.pages(FILTER, raw=True) for i in p.items)


async def test_async_search_and_pages_yield_models_unless_raw():
    server = ThingServer(chain(["a"], ["b"]))
    things = server.async_things()

    assert all(isinstance(i, Thing) for i in await drain(things.search(FILTER)))
    assert all(isinstance(i, Thing) for p in await drain(things.pages(FILTER)) for i in p.items)
    assert all(isinstance(i, dict) for i in await drain(things.search(FILTER, raw=True)))
    pages = await drain(things.pages(FILTER, raw=True))
    assert all(isinstance(i, dict) for p in pages for i in p.items)


def test_the_filter_opens_the_search_and_cursors_are_followed():
    server = ThingServer(chain(["a"], ["b"]))

    list(server.things().search(FILTER))
    list(server.things().pages(FILTER))

    expected = [("POST", SEARCH_URL, FILTER), ("GET", BASE + url(1), None)]
    assert server.sent == expected * 2


async def test_async_the_filter_opens_the_search_and_cursors_are_followed():
    server = ThingServer(chain(["a"], ["b"]))

    await drain(server.async_things().search(FILTER))
    await drain(server.async_things().pages(FILTER, prefetch=1))

    expected = [("POST", SEARCH_URL, FILTER), ("GET", BASE + url(1), None)]
    assert server.sent == expected * 2


# --- every argument reaches the walker -----------------------------------------------------

FOUR = chain(["a", "b"], ["c"], ["a", "d"], ["e"])


def test_sync_search_passes_limit_max_pages_resume_from_and_dedupe_window():
    things = ThingServer(FOUR).things()

    assert ids(things.search(FILTER, raw=True, limit=3)) == ["a", "b", "c"]
    assert ids(things.search(FILTER, raw=True, max_pages=2)) == ["a", "b", "c"]
    assert ids(things.search(None, raw=True, resume_from=url(2))) == ["a", "d", "e"]
    assert ids(things.search(FILTER, raw=True)) == ["a", "b", "c", "d", "e"]
    assert ids(things.search(FILTER, raw=True, dedupe_window=1)) == ["a", "b", "c", "a", "d", "e"]


def test_sync_pages_pass_max_pages_resume_from_and_dedupe_window():
    things = ThingServer(FOUR).things()

    assert page_ids(things.pages(FILTER, max_pages=2)) == [["a", "b"], ["c"]]
    assert page_ids(things.pages(None, resume_from=url(3))) == [["e"]]
    assert page_ids(things.pages(FILTER)) == [["a", "b"], ["c"], ["d"], ["e"]]
    assert page_ids(things.pages(FILTER, dedupe_window=1)) == [["a", "b"], ["c"], ["a", "d"], ["e"]]


async def test_async_search_passes_limit_max_pages_resume_from_and_dedupe_window():
    things = ThingServer(FOUR).async_things()

    assert ids(await drain(things.search(FILTER, raw=True, limit=3))) == ["a", "b", "c"]
    assert ids(await drain(things.search(FILTER, max_pages=2))) == ["a", "b", "c"]
    assert ids(await drain(things.search(None, resume_from=url(2)))) == ["a", "d", "e"]
    assert ids(await drain(things.search(FILTER))) == ["a", "b", "c", "d", "e"]
    found = await drain(things.search(FILTER, dedupe_window=1))
    assert ids(found) == ["a", "b", "c", "a", "d", "e"]


async def test_async_pages_pass_max_pages_resume_from_and_dedupe_window():
    things = ThingServer(FOUR).async_things()

    assert page_ids(await drain(things.pages(FILTER, max_pages=2))) == [["a", "b"], ["c"]]
    assert page_ids(await drain(things.pages(None, resume_from=url(3)))) == [["e"]]
    assert page_ids(await drain(things.pages(FILTER))) == [["a", "b"], ["c"], ["d"], ["e"]]
    pages = await drain(things.pages(FILTER, dedupe_window=1))
    assert page_ids(pages) == [["a", "b"], ["c"], ["a", "d"], ["e"]]


def test_arguments_are_checked_when_the_iterator_is_made():
    server = ThingServer(FOUR)

    with pytest.raises(ValueError, match="limit"):
        server.things().search(FILTER, limit=-1)
    with pytest.raises(ValueError, match="max_pages"):
        server.things().pages(FILTER, max_pages=-1)
    with pytest.raises(ValueError, match="dedupe_window"):
        server.async_things().search(FILTER, dedupe_window=0)
    with pytest.raises(ValueError, match="dedupe_window"):
        server.async_things().pages(FILTER, dedupe_window=0)
    assert server.requests == []


# --- progress and explicit stepping --------------------------------------------------------

DUPES = chain(["a", "b"], ["b", "c"], ["a", "c", "d"])


def test_sync_iterators_report_pages_and_duplicates_as_they_go():
    things = ThingServer(DUPES).things()
    items = things.search(FILTER, raw=True)
    pages = things.pages(FILTER, raw=True)

    assert isinstance(items, ItemIterator)
    assert isinstance(pages, PageIterator)
    assert (items.pages_fetched, items.duplicates_skipped) == (0, 0)
    assert (pages.pages_fetched, pages.duplicates_skipped) == (0, 0)
    assert next(items)["thingId"] == "a"
    assert next(pages).number == 1
    assert (items.pages_fetched, pages.pages_fetched) == (1, 1)
    assert next(pages).duplicates_skipped == 1
    assert (pages.pages_fetched, pages.duplicates_skipped) == (2, 1)
    list(items)
    list(pages)
    assert (items.pages_fetched, items.duplicates_skipped) == (3, 3)
    assert (pages.pages_fetched, pages.duplicates_skipped) == (3, 3)


async def test_async_iterators_report_pages_and_duplicates_as_they_go():
    things = ThingServer(DUPES).async_things()
    items = things.search(FILTER, raw=True)
    pages = things.pages(FILTER, raw=True)

    assert isinstance(items, AsyncItemIterator)
    assert isinstance(pages, AsyncPageIterator)
    assert (items.pages_fetched, items.duplicates_skipped) == (0, 0)
    assert (pages.pages_fetched, pages.duplicates_skipped) == (0, 0)
    assert (await anext(items))["thingId"] == "a"
    assert (await pages.__anext__()).number == 1
    assert (items.pages_fetched, pages.pages_fetched) == (1, 1)
    assert (await anext(pages)).duplicates_skipped == 1
    assert (pages.pages_fetched, pages.duplicates_skipped) == (2, 1)
    await drain(items)
    await drain(pages)
    assert (items.pages_fetched, items.duplicates_skipped) == (3, 3)
    assert (pages.pages_fetched, pages.duplicates_skipped) == (3, 3)
    with pytest.raises(StopAsyncIteration):
        await anext(pages)


def test_closing_a_sync_iterator_sends_no_further_request():
    server = ThingServer(FOUR)

    with server.things().pages(FILTER) as pages:
        assert next(pages).number == 1
    items = server.things().search(FILTER)
    next(items)
    items.close()

    with pytest.raises(StopIteration):
        next(pages)
    with pytest.raises(StopIteration):
        next(items)
    assert len(server.requests) == 2


async def test_closing_an_async_iterator_sends_no_further_request():
    server = ThingServer(FOUR)

    async with server.async_things().pages(FILTER) as pages:
        assert (await anext(pages)).number == 1
    items = server.async_things().search(FILTER)
    await anext(items)
    await items.aclose()

    with pytest.raises(StopAsyncIteration):
        await anext(pages)
    with pytest.raises(StopAsyncIteration):
        await anext(items)
    assert len(server.requests) == 2


# --- prefetch ------------------------------------------------------------------------------


async def settle() -> None:
    for _ in range(10):
        await asyncio.sleep(0)


@pytest.mark.parametrize("kind", ["search", "pages"])
async def test_without_prefetch_nothing_is_requested_ahead(kind):
    server = ThingServer(FOUR)

    iterator = getattr(server.async_things(), kind)(FILTER)
    await anext(iterator)
    await settle()

    assert len(server.requests) == 1
    await iterator.aclose()


@pytest.mark.parametrize("kind", ["search", "pages"])
async def test_with_prefetch_exactly_the_next_page_is_requested_ahead(kind):
    server = ThingServer(FOUR)

    iterator = getattr(server.async_things(), kind)(FILTER, prefetch=1)
    await anext(iterator)
    await settle()

    assert server.sent[1] == ("GET", BASE + url(1), None)
    assert len(server.requests) == 2
    await iterator.aclose()


async def test_prefetch_stops_at_the_last_page():
    server = ThingServer(chain(["a"], ["b"]))

    pages = await drain(server.async_things().pages(FILTER, prefetch=1))

    assert page_ids(pages) == [["a"], ["b"]]
    assert len(server.requests) == 2


@pytest.mark.parametrize("prefetch", [0, 1])
def test_sync_prefetch_asks_for_each_page_once_and_in_order(prefetch):
    # Sync code fetches nothing ahead: with prefetch=1 each page is still asked for when it
    # is reached, and the walk gives the same pages as without.
    server = ThingServer(FOUR)

    pages = list(server.things().pages(FILTER, prefetch=prefetch))
    items = list(ThingServer(FOUR).things().search(FILTER, prefetch=prefetch))

    assert page_ids(pages) == [["a", "b"], ["c"], ["d"], ["e"]]
    assert ids(items) == ["a", "b", "c", "d", "e"]
    assert server.sent == [("POST", SEARCH_URL, FILTER)] + [
        ("GET", BASE + url(n), None) for n in (1, 2, 3)
    ]


def test_sync_leaving_early_with_prefetch_sends_nothing_more():
    server = ThingServer(FOUR)

    iterator = server.things().search(FILTER, prefetch=1)
    assert ids([next(iterator), next(iterator)]) == ["a", "b"]
    iterator.close()

    assert len(server.requests) == 1


@pytest.mark.parametrize("flavour", ["things", "async_things"])
@pytest.mark.parametrize("bad", [2, -1, True, False])
@pytest.mark.parametrize("kind", ["search", "pages"])
def test_prefetch_other_than_zero_or_one_is_refused_naming_it(flavour, kind, bad):
    server = ThingServer(FOUR)

    with pytest.raises(ValueError) as caught:
        getattr(getattr(server, flavour)(), kind)(FILTER, prefetch=bad)
    assert str(caught.value) == f"prefetch: expected 0 or 1, got {bad!r}"
    assert server.requests == []


class HeldServer(ThingServer):
    """Holds the answer to page ``held`` until it is cancelled."""

    def __init__(self, bodies: list[Any], held: int) -> None:
        super().__init__(bodies)
        self.held = held
        self.reached = asyncio.Event()
        self.cancelled = False

    async def handle_async(self, request: httpx.Request) -> httpx.Response:
        if self.index(request) == self.held:
            self.requests.append(request)
            self.reached.set()
            try:
                await asyncio.Event().wait()
            except asyncio.CancelledError:
                self.cancelled = True
                raise
        return self(request)


async def test_leaving_early_cancels_the_prefetch_in_flight():
    server = HeldServer(FOUR, held=1)

    iterator = server.async_things().search(FILTER, prefetch=1)
    await anext(iterator)
    await asyncio.wait_for(server.reached.wait(), FAILSAFE)
    await iterator.aclose()

    assert server.cancelled


async def test_a_finished_prefetch_that_failed_is_not_reported_when_left(caplog):
    caplog.set_level(logging.ERROR, logger="asyncio")
    server = ThingServer(FOUR, answers={1: httpx.Response(500, json={"message": "down"})})

    iterator = server.async_things().pages(FILTER, prefetch=1)
    await anext(iterator)
    await settle()  # the prefetch of page 2 has failed by now
    await iterator.aclose()
    del iterator
    gc.collect()
    await settle()

    assert len(server.requests) == 2
    assert [r for r in caplog.records if r.name == "asyncio"] == []


# --- errors on the way ---------------------------------------------------------------------


def test_an_answer_that_is_not_json_is_malformed_naming_the_request_and_its_content_type():
    html = httpx.Response(200, content=b"<html>", headers={"content-type": "text/html"})
    server = ThingServer(FOUR, answers={1: html})
    found = []

    with pytest.raises(MalformedResponse) as caught:
        for item in server.things().search(FILTER, raw=True):
            found.append(item)

    assert str(caught.value) == (
        "the answer to GET /sellers/v3/things (text/html): not valid JSON (Expecting value at line 1 column 1)"
    )
    assert caught.value.resume_from == url(1)
    assert ids(found) == ["a", "b"]


async def test_async_an_answer_that_is_not_json_is_malformed_without_a_content_type():
    server = ThingServer(FOUR, answers={0: httpx.Response(200, content=b"nope")})

    with pytest.raises(MalformedResponse) as caught:
        await drain(server.async_things().search(FILTER))

    assert str(caught.value) == (
        "the answer to POST /sellers/v3/things/search (no content type): not valid JSON (Expecting value at line 1 column 1)"
    )
    assert caught.value.resume_from is None


@pytest.mark.parametrize("prefetch", [0, 1])
async def test_async_an_http_error_carries_where_to_resume(prefetch):
    server = ThingServer(FOUR, answers={2: httpx.Response(500, json={"message": "down"})})
    found = []

    with pytest.raises(ServerError) as caught:
        async for item in server.async_things().search(FILTER, raw=True, prefetch=prefetch):
            found.append(item)

    assert ids(found) == ["a", "b", "c"]
    assert caught.value.resume_from == url(2)
    assert any(
        re.search(r"interrupted after 2 page\(s\) and 3 item\(s\)", note)
        for note in caught.value.__notes__
    )


def test_sync_an_http_error_carries_where_to_resume():
    server = ThingServer(FOUR, answers={2: httpx.Response(500, json={"message": "down"})})

    pages = server.things().pages(FILTER, raw=True)
    assert page_ids([next(pages), next(pages)]) == [["a", "b"], ["c"]]
    with pytest.raises(ServerError) as caught:
        next(pages)

    assert caught.value.resume_from == url(2)
    assert pages.pages_fetched == 2


@pytest.mark.parametrize(
    ("next_url", "reason"),
    [
        ("https://api.test:abc/sellers/v3/things?t=1", "it cannot be parsed"),
        ("https://api.test/oauth-service/x", "outside the API base path '/sellers'"),
    ],
)
def test_an_unsafe_next_url_is_refused_before_any_request_is_sent(next_url, reason):
    bodies = chain(["a"], ["b"])
    bodies[0]["nextUrl"] = next_url
    server = ThingServer(bodies)
    found = []

    with pytest.raises(UnsafeNextPageUrl, match=re.escape(reason)) as caught:
        for item in server.things().search(FILTER, raw=True):
            found.append(item)

    assert len(server.requests) == 1  # the opening request only
    assert found == []  # the page carrying the URL is not handed over
    assert caught.value.resume_from is None
    assert caught.value.host is None


# --- a list built by hand on a plain httpx client ------------------------------------------


class _PlainAsyncThings(AsyncPagedList[dict[str, Any], Thing]):
    """A list as a resource builds one: its opening call is a path under the API base."""

    _shape = THINGS

    def _first(self, filter: dict[str, Any] | None) -> PageRequest | None:
        return None if filter is None else PageRequest("POST", "/v3/things/search", filter)


async def test_a_list_on_a_plain_async_client_sends_its_paths_under_its_api_base():
    server = ThingServer(chain(["a"], ["b"]))
    http = httpx.AsyncClient(transport=httpx.MockTransport(server.handle_async))

    things = _PlainAsyncThings(http, BASE)

    assert ids(await drain(things.search(FILTER))) == ["a", "b"]
    assert server.sent == [("POST", SEARCH_URL, FILTER), ("GET", BASE + url(1), None)]
    await http.aclose()
