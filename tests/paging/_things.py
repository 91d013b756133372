"""A small paginated list for the paging tests: its shapes, page bodies and a fake server.

``THINGS`` follows a next-page URL (like shipments); ``TOKENS`` resends the opening request
with a page token (like listings) and accepts one object where the list belongs.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

import httpx

from flipkart_ext._async.http import AsyncWire
from flipkart_ext._sync.http import Wire
from flipkart_ext.paging import (
    ApiBase,
    AsyncPagedList,
    FollowUrl,
    PagedList,
    PageRequest,
    PageShape,
    PageWalker,
    ResendWithToken,
)

BASE = "https://api.test/sellers"
API = ApiBase(BASE)
FIRST = PageRequest("POST", "https://api.test/sellers/v3/things/search", {"filter": {"x": 1}})


@dataclass(frozen=True)
class Thing:
    data: dict[str, Any]


def _thing_model():
    def from_dict(data: dict[str, Any]) -> Thing:
        if "broken" in data:
            raise ValueError(f"bad value {data['broken']!r}")
        return Thing(data)

    return from_dict


THINGS = PageShape(
    name="thing search",
    items="things",
    item_id="thingId",
    has_more="hasMore",
    next="nextUrl",
    cursor=FollowUrl(),
    load_model=_thing_model,
)
TOKENS = PageShape(
    name="token search",
    items="things",
    item_id="thingId",
    has_more="more",
    next="nextId",
    cursor=ResendWithToken("pageId"),
    load_model=_thing_model,
    single_object_items=True,
)


def url(k: int) -> str:
    return f"/v3/things?t={k}"


def thing(thing_id: Any) -> dict[str, Any]:
    return {"thingId": thing_id, "name": f"thing {thing_id}"}


def body(ids: list[Any], nxt: int | None = None, **extra: Any) -> dict[str, Any]:
    """A page of ``ids``; ``nxt`` links to ``url(nxt)`` with ``hasMore`` true, else the end."""
    page: dict[str, Any] = {"things": [thing(i) for i in ids]}
    if nxt is None:
        page["hasMore"] = False
    else:
        page.update(hasMore=True, nextUrl=url(nxt))
    page.update(extra)
    return page


def chain(*pages: list[Any]) -> list[dict[str, Any]]:
    """Page k links to page k+1; the last one ends the list."""
    last = len(pages) - 1
    return [body(ids, k + 1 if k < last else None) for k, ids in enumerate(pages)]


SEARCH_PATH = "/sellers/v3/things/search"


class ThingServer:
    """Answers the opening ``POST`` with ``bodies[0]`` and ``GET url(k)`` with ``bodies[k]``.

    It records every request; ``answers`` may replace the answer for a page index.
    """

    def __init__(self, bodies: list[Any], answers: dict[int, httpx.Response] | None = None):
        self.bodies = bodies
        self.answers = answers or {}
        self.requests: list[httpx.Request] = []

    def index(self, request: httpx.Request) -> int:
        if request.method == "POST" and request.url.path == SEARCH_PATH:
            return 0
        return int(request.url.params["t"])

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        index = self.index(request)
        if index in self.answers:
            return self.answers[index]
        return httpx.Response(200, content=json.dumps(self.bodies[index]).encode())

    async def handle_async(self, request: httpx.Request) -> httpx.Response:
        return self(request)

    @property
    def sent(self) -> list[tuple[str, str, Any]]:
        """(method, URL, JSON body or None) of each request received."""
        return [
            (r.method, str(r.url), json.loads(r.content) if r.content else None)
            for r in self.requests
        ]

    def things(self) -> Things:
        return Things(Wire(httpx.Client(transport=httpx.MockTransport(self))))

    def async_things(self) -> AsyncThings:
        transport = httpx.MockTransport(self.handle_async)
        return AsyncThings(AsyncWire(httpx.AsyncClient(transport=transport)))


class _ThingWalkers:
    def _walker(
        self,
        filter: dict[str, Any] | None,
        *,
        raw: bool,
        limit: int | None,
        max_pages: int | None,
        resume_from: str | None,
        dedupe_window: int,
    ) -> PageWalker[Any]:
        first = None if filter is None else PageRequest("POST", BASE + "/v3/things/search", filter)
        return PageWalker(
            THINGS,
            api_base=API,
            first=first,
            resume_from=resume_from,
            raw=raw,
            limit=limit,
            max_pages=max_pages,
            dedupe_window=dedupe_window,
        )


class Things(_ThingWalkers, PagedList[dict[str, Any], Thing]):
    def __init__(self, wire: Wire) -> None:
        self._wire = wire


class AsyncThings(_ThingWalkers, AsyncPagedList[dict[str, Any], Thing]):
    def __init__(self, wire: AsyncWire) -> None:
        self._wire = wire
