"""Property tests: random page layouts, duplicates, cursors and stop signals.

A layout is a list of pages; each page has shipment ids (drawn from a small alphabet, so
duplicates are common) and either a target page (its ``nextPageUrl``, possibly one
already visited) or one of the ways Flipkart says "no more". The expected outcome is
computed by a plain reference walk and compared with the sync iterator and the async
one with and without prefetch.
"""

import asyncio
from dataclasses import dataclass

import httpx
from hypothesis import given, settings
from hypothesis import strategies as st

from flipkart_ext.shipments import AsyncShipments, RepeatedCursor, ShipmentFilter, Shipments

from ._fake import BASE, FakeShipments, ids_of, next_url, shipment

FILTER = ShipmentFilter.pre_dispatch(states=["APPROVED"])
ENDINGS = ["has_more_false_with_url", "has_more_false", "url_null", "url_empty", "url_missing"]
PROPERTY_SETTINGS = settings(max_examples=200, deadline=None)


@dataclass
class Layout:
    ids: list[list[str]]
    targets: list[int | None]
    endings: list[str]
    has_more_missing: list[bool]

    def bodies(self):
        bodies = []
        for k, (ids, target) in enumerate(zip(self.ids, self.targets, strict=True)):
            body = {"shipments": [shipment(i) for i in ids]}
            if target is not None:
                body["nextPageUrl"] = next_url(target)
                if not self.has_more_missing[k]:
                    body["hasMore"] = True
            else:
                ending = self.endings[k]
                if ending == "has_more_false_with_url":
                    body.update(hasMore=False, nextPageUrl=next_url(1))
                elif ending == "has_more_false":
                    body.update(hasMore=False)
                elif ending == "url_null":
                    body.update(hasMore=True, nextPageUrl=None)
                elif ending == "url_empty":
                    body.update(hasMore=True, nextPageUrl="")
                else:
                    body.update(hasMore=True)
            bodies.append(body)
        return bodies


@st.composite
def layouts(draw):
    n = draw(st.integers(1, 7))
    ids = draw(
        st.lists(st.lists(st.sampled_from("ABCDEFGHIJKLMN"), max_size=6), min_size=n, max_size=n)
    )
    targets = [
        draw(st.one_of(st.none(), st.integers(1, n - 1))) if n > 1 else None for _ in range(n)
    ]
    # Mostly a straight chain, so long walks are common; the rest is random.
    if draw(st.booleans()):
        targets = [k + 1 for k in range(n - 1)] + [None]
    endings = draw(st.lists(st.sampled_from(ENDINGS), min_size=n, max_size=n))
    missing = draw(st.lists(st.booleans(), min_size=n, max_size=n))
    return Layout(ids, targets, endings, missing)


@dataclass
class Outcome:
    ids: list[str]
    served: list[int]
    duplicates: int
    repeated_cursor: bool


def reference(layout: Layout, limit: int | None, max_pages: int | None) -> Outcome:
    out: list[str] = []
    yielded: set[str] = set()
    served: list[int] = []
    fetched: set[int] = set()
    duplicates = 0
    page = 0
    if limit == 0 or max_pages == 0:
        return Outcome([], [], 0, False)
    while True:
        served.append(page)
        for sid in layout.ids[page]:
            if limit is not None and len(out) >= limit:
                break
            if sid in yielded:
                duplicates += 1
                continue
            yielded.add(sid)
            out.append(sid)
        target = layout.targets[page]
        if target is None or (limit is not None and len(out) >= limit) or len(served) == max_pages:
            return Outcome(out, served, duplicates, False)
        if target in fetched:
            return Outcome(out, served, duplicates, True)
        fetched.add(target)
        page = target


def run_sync(layout, **kwargs) -> Outcome:
    fake = FakeShipments(layout.bodies())
    iterator = Shipments(fake.client(), BASE).search(FILTER, raw=True, **kwargs)
    out, repeated = [], False
    try:
        out.extend(iterator)
    except RepeatedCursor:
        repeated = True
    return Outcome(ids_of(out), fake.served, iterator.duplicates_skipped, repeated)


def run_async(layout, prefetch, **kwargs) -> Outcome:
    async def main():
        fake = FakeShipments(layout.bodies())
        api = AsyncShipments(fake.async_client(), BASE)
        out, repeated = [], False
        async with api.search(FILTER, raw=True, prefetch=prefetch, **kwargs) as iterator:
            try:
                async for item in iterator:
                    out.append(item)
            except RepeatedCursor:
                repeated = True
        return Outcome(ids_of(out), fake.served, iterator.duplicates_skipped, repeated)

    return asyncio.run(main())


@PROPERTY_SETTINGS
@given(
    layout=layouts(),
    limit=st.one_of(st.none(), st.integers(0, 30)),
    max_pages=st.one_of(st.none(), st.integers(0, 8)),
)
def test_every_mode_matches_the_reference_walk(layout, limit, max_pages):
    expected = reference(layout, limit, max_pages)

    assert run_sync(layout, limit=limit, max_pages=max_pages) == expected
    assert run_async(layout, 0, limit=limit, max_pages=max_pages) == expected
    assert run_async(layout, 1, limit=limit, max_pages=max_pages) == expected


@PROPERTY_SETTINGS
@given(
    pages=st.lists(st.lists(st.sampled_from("ABCDEFGHIJ"), max_size=8), min_size=1, max_size=10),
    window=st.integers(1, 4),
)
def test_a_small_dedupe_window_never_loses_and_only_repeats_ids_older_than_the_window(
    pages, window
):
    layout = Layout(
        pages,
        [k + 1 for k in range(len(pages) - 1)] + [None],
        ["has_more_false"] * len(pages),
        [False] * len(pages),
    )
    fake = FakeShipments(layout.bodies())

    out = ids_of(Shipments(fake.client(), BASE).search(FILTER, raw=True, dedupe_window=window))

    assert set(out) == {i for page in pages for i in page}
    last_seen: dict[str, int] = {}
    for position, sid in enumerate(out):
        if sid in last_seen:
            assert position - last_seen[sid] > window
        last_seen[sid] = position


@PROPERTY_SETTINGS
@given(sizes=st.lists(st.integers(0, 5), min_size=2, max_size=9), data=st.data())
def test_resuming_from_any_page_cursor_fetches_every_page_exactly_once(sizes, data):
    pages = [[f"P{k}-{i}" for i in range(size)] for k, size in enumerate(sizes)]
    layout = Layout(
        pages,
        [k + 1 for k in range(len(pages) - 1)] + [None],
        ["url_missing"] * len(pages),
        [False] * len(pages),
    )
    split = data.draw(st.integers(1, len(pages) - 1))
    fake = FakeShipments(layout.bodies())
    api = Shipments(httpx.Client(transport=httpx.MockTransport(fake)), BASE)

    first = list(api.pages(FILTER, raw=True, max_pages=split))
    second = list(api.pages(None, raw=True, resume_from=first[-1].cursor))

    assert fake.served == list(range(len(pages)))
    assert [ids_of(p.items) for p in first + second] == pages
    assert second[-1].cursor is None
