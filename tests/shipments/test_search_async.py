import asyncio
import gc
import logging

import httpx
import pytest
from flipkart_seller_api.models.shipment import Shipment

from flipkart_ext import RepeatedCursor, UnsafeNextPageUrl
from flipkart_ext.errors import ServerError
from flipkart_ext.shipments import AsyncShipments, ShipmentFilter

from ._fake import BASE, FakeShipments, ids_of, next_url, paged

APPROVED = ShipmentFilter.pre_dispatch(states=["APPROVED"], page_size=3)
SIX_PAGES = [[f"S{p}{i}" for i in range(3)] for p in range(6)]
ALL_IDS = [i for page in SIX_PAGES for i in page]
FAILSAFE = 5  # seconds; only keeps a broken overlap from hanging the suite


def async_api(fake: FakeShipments) -> AsyncShipments:
    return AsyncShipments(fake.async_client(), BASE)


class GatedServer:
    """Wraps a fake so tests can see when each page is requested and hold answers back."""

    def __init__(self, fake: FakeShipments) -> None:
        self.fake = fake
        self.events: list[str] = []
        self.requested = {k: asyncio.Event() for k in range(len(fake.bodies))}
        self.release = {k: asyncio.Event() for k in range(len(fake.bodies))}
        self.cancelled: list[int] = []
        self.hold: set[int] = set()

    async def __call__(self, request: httpx.Request) -> httpx.Response:
        index = self.fake.page_index(request)
        assert index is not None
        self.events.append(f"request {index}")
        self.requested[index].set()
        if index in self.hold:
            try:
                await self.release[index].wait()
            except asyncio.CancelledError:
                self.cancelled.append(index)
                raise
        return self.fake(request)

    def api(self) -> AsyncShipments:
        return AsyncShipments(httpx.AsyncClient(transport=httpx.MockTransport(self)), BASE)


@pytest.mark.parametrize("prefetch", [0, 1])
async def test_six_pages_yield_every_shipment_once_in_server_order(prefetch):
    fake = FakeShipments(paged(SIX_PAGES))

    found = [s async for s in async_api(fake).search(APPROVED, prefetch=prefetch)]

    assert ids_of(found) == ALL_IDS
    assert all(isinstance(s, Shipment) for s in found)
    assert fake.served == [0, 1, 2, 3, 4, 5]


@pytest.mark.parametrize("prefetch", [0, 1])
async def test_pages_carry_cursors_and_resume_continues_after_them(prefetch):
    fake = FakeShipments(paged(SIX_PAGES))
    api = async_api(fake)

    first = [p async for p in api.pages(APPROVED, raw=True, prefetch=prefetch, max_pages=2)]
    fake.served.clear()
    rest = [
        s async for s in api.search(None, resume_from=first[-1].cursor, raw=True, prefetch=prefetch)
    ]

    assert [ids_of(p.items) for p in first] == SIX_PAGES[:2]
    assert ids_of(rest) == ALL_IDS[6:]
    assert fake.served == [2, 3, 4, 5]


@pytest.mark.parametrize("prefetch", [0, 1])
async def test_foreign_next_page_url_is_refused_before_handing_over_its_page(prefetch):
    bodies = paged(SIX_PAGES[:3])
    bodies[1]["nextPageUrl"] = "https://evil.test/sellers/v3/shipments/filter?next_token=t2"
    fake = FakeShipments(bodies)
    found = []

    with pytest.raises(UnsafeNextPageUrl) as caught:
        async for item in async_api(fake).search(APPROVED, raw=True, prefetch=prefetch):
            found.append(item)

    assert ids_of(found) == ALL_IDS[:3]
    assert caught.value.resume_from == next_url(1)
    assert fake.foreign_requests == []
    assert fake.served == [0, 1]


@pytest.mark.parametrize("prefetch", [0, 1])
async def test_repeated_cursor_raises(prefetch):
    bodies = paged(SIX_PAGES[:4])
    bodies[3]["hasMore"] = True
    bodies[3]["nextPageUrl"] = next_url(2)
    fake = FakeShipments(bodies)

    iterator = async_api(fake).search(APPROVED, raw=True, prefetch=prefetch, max_pages=20)
    with pytest.raises(RepeatedCursor) as caught:
        async for _ in iterator:
            pass

    assert fake.served == [0, 1, 2, 3]
    assert iterator.pages_fetched == 3  # page 4 points back: it is not handed over
    assert caught.value.resume_from == next_url(3)


@pytest.mark.parametrize("prefetch", [0, 1])
async def test_duplicates_limit_and_counters_match_sync(prefetch):
    fake = FakeShipments(paged([["A", "B", "C"], ["C", "D"], ["A", "E", "F"], ["G"]]))

    iterator = async_api(fake).search(APPROVED, raw=True, prefetch=prefetch, limit=5)
    found = [s async for s in iterator]

    assert ids_of(found) == ["A", "B", "C", "D", "E"]
    assert iterator.duplicates_skipped == 2
    assert fake.served == [0, 1, 2]  # the limit is met on page 3: page 4 is never requested


async def test_http_error_on_a_prefetched_page_surfaces_when_the_caller_reaches_it():
    def fail_page_three(index, request):
        return httpx.Response(503, json={"message": "busy"}) if index == 2 else None

    fake = FakeShipments(paged(SIX_PAGES), on_request=fail_page_three)
    found = []

    with pytest.raises(ServerError):
        async for item in async_api(fake).search(APPROVED, raw=True, prefetch=1):
            found.append(item)

    assert ids_of(found) == ALL_IDS[:6]


async def test_prefetch_requests_the_next_page_while_the_caller_works_on_the_current_one():
    server = GatedServer(FakeShipments(paged(SIX_PAGES[:3])))

    async for page in server.api().pages(APPROVED, prefetch=1):
        server.events.append(f"work starts {page.number}")
        if page.number < 3:
            # Page k+1 must be requested while the caller is still busy with page k.
            await asyncio.wait_for(server.requested[page.number].wait(), FAILSAFE)
        server.events.append(f"work ends {page.number}")

    assert server.events == [
        "request 0",
        "work starts 1",
        "request 1",
        "work ends 1",
        "work starts 2",
        "request 2",
        "work ends 2",
        "work starts 3",
        "work ends 3",
    ]


async def test_without_prefetch_the_next_page_waits_for_the_caller():
    server = GatedServer(FakeShipments(paged(SIX_PAGES[:3])))

    async for page in server.api().pages(APPROVED):
        server.events.append(f"work starts {page.number}")
        for _ in range(5):
            await asyncio.sleep(0)
        server.events.append(f"work ends {page.number}")

    assert server.events == [
        "request 0",
        "work starts 1",
        "work ends 1",
        "request 1",
        "work starts 2",
        "work ends 2",
        "request 2",
        "work starts 3",
        "work ends 3",
    ]


async def test_aclose_cancels_a_prefetch_in_flight():
    server = GatedServer(FakeShipments(paged(SIX_PAGES)))
    server.hold = {1}

    iterator = server.api().search(APPROVED, prefetch=1)
    await anext(iterator)
    await asyncio.wait_for(server.requested[1].wait(), FAILSAFE)
    await iterator.aclose()

    assert server.cancelled == [1]
    assert server.events == ["request 0", "request 1"]
    with pytest.raises(StopAsyncIteration):
        await anext(iterator)


async def test_async_with_cancels_the_prefetch_when_the_block_is_left():
    server = GatedServer(FakeShipments(paged(SIX_PAGES)))
    server.hold = {1}

    async with server.api().pages(APPROVED, prefetch=1) as pages:
        async for _ in pages:
            await asyncio.wait_for(server.requested[1].wait(), FAILSAFE)
            break

    assert server.cancelled == [1]


async def test_abandoned_iterator_still_cancels_its_prefetch():
    server = GatedServer(FakeShipments(paged(SIX_PAGES)))
    server.hold = {1}

    async for _ in server.api().search(APPROVED, prefetch=1):
        await asyncio.wait_for(server.requested[1].wait(), FAILSAFE)
        break
    gc.collect()
    for _ in range(20):  # asyncio's async-generator finalizer runs on the loop
        if server.cancelled:
            break
        await asyncio.sleep(0)

    assert server.cancelled == [1]


async def test_a_failed_prefetch_the_caller_never_reaches_is_not_reported(caplog):
    def fail_page_two(index, request):
        return httpx.Response(500, json={"message": "down"}) if index == 1 else None

    server = GatedServer(FakeShipments(paged(SIX_PAGES), on_request=fail_page_two))
    caplog.set_level(logging.ERROR, logger="asyncio")

    async with server.api().search(APPROVED, prefetch=1) as iterator:
        await anext(iterator)
        await asyncio.wait_for(server.requested[1].wait(), FAILSAFE)
        for _ in range(5):
            await asyncio.sleep(0)  # let the failing prefetch finish
    gc.collect()

    assert [r for r in caplog.records if r.name == "asyncio"] == []


async def test_prefetch_must_be_zero_or_one():
    fake = FakeShipments(paged(SIX_PAGES))

    for bad in (2, -1, True):
        with pytest.raises(ValueError, match="prefetch"):
            async_api(fake).search(APPROVED, prefetch=bad)
    assert fake.requests == []
