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

from flipkart_ext import PaginationError
from flipkart_ext.shipments import AsyncShipments, ShipmentFilter, Shipments

from ._fake import BASE, FakeShipments, ids_of, next_url, shipment

FILTER = ShipmentFilter.pre_dispatch(states=["APPROVED"])
ENDINGS = [
    "has_more_false_with_url",
    "has_more_false",
    "no_flag_no_url",
    "url_null",
    "url_empty",
    "url_missing",
]
PROPERTY_SETTINGS = settings(max_examples=200, deadline=None)


@dataclass
class Layout:
    ids: list[list[str]]
    targets: list[int | None]
    endings: list[str]
    has_more_missing: list[bool]

    def link(self, k: int) -> int | None:
        """The page that page ``k``'s cursor names, if it names one.

        A cursor is followed even beside ``hasMore: false``: Flipkart's last page carries
        none, so the flag cannot outweigh it.
        """
        if self.targets[k] is None and self.endings[k] == "has_more_false_with_url":
            return 1 if len(self.ids) > 1 else None
        return self.targets[k]

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
                if ending == "has_more_false_with_url" and self.link(k) is not None:
                    body.update(hasMore=False, nextPageUrl=next_url(1))
                elif ending in ("has_more_false_with_url", "has_more_false"):
                    body.update(hasMore=False)  # (with one page there is no page 1 to name)
                elif ending == "no_flag_no_url":
                    pass
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
    error: str | None
    resume_from: str | None


TRUNCATED = {"url_null", "url_empty", "url_missing"}  # hasMore true, no usable nextPageUrl


def reference(layout: Layout, limit: int | None, max_pages: int | None) -> Outcome:
    """The documented rules, walked by hand: a page is handed over only when complete."""
    out: list[str] = []
    served: list[int] = []
    fetched: set[int] = set()
    duplicates = stale = run = 0
    if limit == 0 or max_pages == 0:
        return Outcome([], [], 0, None, None)
    page, cursor = 0, None  # cursor: what fetched `page` (None for the opening POST)
    while True:
        served.append(page)
        fresh: list[str] = []
        skipped = present = 0
        for sid in layout.ids[page]:
            if limit is not None and len(out) + len(fresh) >= limit:
                break
            present += 1
            if sid in out or sid in fresh:
                skipped += 1
                continue
            fresh.append(sid)
        stopping = (limit is not None and len(out) + len(fresh) >= limit) or len(
            served
        ) == max_pages
        target = layout.link(page)
        follow = None if stopping else target
        if target is None and layout.endings[page] in TRUNCATED and not stopping:
            return Outcome(out, served, duplicates, "MissingNextPage", cursor)
        if follow is not None and follow in fetched:
            if layout.targets[page] is not None:
                return Outcome(out, served, duplicates, "RepeatedCursor", cursor)
            follow = None  # "no more" beside a cursor already fetched: they agree, it ends
        if follow is None or fresh:
            stale = run = 0
        else:
            run += 1
            stale += 1 if present else 0
        if stale >= 3 or run >= 100:
            return Outcome(out, served, duplicates, "NoProgress", cursor)
        out += fresh
        duplicates += skipped
        if follow is None:
            return Outcome(out, served, duplicates, None, None)
        fetched.add(follow)
        page, cursor = follow, next_url(follow)


def run_sync(layout, **kwargs) -> Outcome:
    fake = FakeShipments(layout.bodies())
    iterator = Shipments(fake.client(), BASE).search(FILTER, raw=True, **kwargs)
    out, error, resume = [], None, None
    try:
        out.extend(iterator)
    except PaginationError as exc:
        error, resume = type(exc).__name__, exc.resume_from
    return Outcome(ids_of(out), fake.served, iterator.duplicates_skipped, error, resume)


def run_async(layout, prefetch, **kwargs) -> Outcome:
    async def main():
        fake = FakeShipments(layout.bodies())
        api = AsyncShipments(fake.async_client(), BASE)
        out, error, resume = [], None, None
        async with api.search(FILTER, raw=True, prefetch=prefetch, **kwargs) as iterator:
            try:
                async for item in iterator:
                    out.append(item)
            except PaginationError as exc:
                error, resume = type(exc).__name__, exc.resume_from
        return Outcome(ids_of(out), fake.served, iterator.duplicates_skipped, error, resume)

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
    # Each page also brings one id of its own, so no run of repeat-only pages ends the walk
    # (that guard has its own tests); the window still sees plenty of repeats.
    pages = [[*ids, f"own-{k}"] for k, ids in enumerate(pages)]
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
        ["has_more_false"] * len(pages),
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
