"""Wire chaos against the paginated lists: shipments, returns and listings search and pages.

Property: the walk hands over exactly the items of the pages whose answers meant something
(in order, as served, each page whole), and then either ends having handed over every page
or raises a ``FlipkartError``, within ``pages x (total_timeout + timeout) + slack``. A walk
that ends without error has handed over every page: stopping early is losing data.

Which answer "meant something" is decided by ``_json.meaning`` from the bytes served, never
by the package: a page with a duplicate name, ``NaN``, invalid UTF-8 or 20,000 levels has no
meaning, so none of its items may be handed over.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from flipkart_ext import ReturnFilter, ShipmentFilter

from . import _json
from ._grammar import DIMENSIONS, Truth, answers, json_body_faults
from ._harness import CHAOS_SETTINGS, Scenario, check_error, run_async, run_sync
from ._server import Request

pytestmark = [pytest.mark.chaos]


@dataclass(frozen=True)
class ListWire:
    """A Flipkart list as its pages look on the wire (from Flipkart's documentation)."""

    method: str
    path: str
    items: str
    item_id: str
    has_more: str
    next: str
    cursor: str  # "url": GET the given URL; "token": resend the first request with it
    token_field: str = ""

    def next_value(self, page: int) -> str:
        token = f"t{page}"
        return f"{self.path}?next_token={token}" if self.cursor == "url" else token

    def page_of(self, request: Request) -> int | None:
        path = request.path.removeprefix("/sellers")
        if path.rstrip("/") != self.path:
            return None
        if self.cursor == "url":
            token = request.query.get("next_token")
            if request.method == "GET" and token is not None:
                return int(token[1:]) if token[1:].isdigit() else None
            return 0 if request.method == self.method else None
        if request.method != self.method:
            return None
        body = _json.meaning(request.body)
        token = body.get(self.token_field) if isinstance(body, dict) else None
        if token is None:
            return 0
        # A cursor this server never issued (a body fault can serve "x" where "t1" was) names
        # no page: answered as unknown, like an unknown next_token above.
        return int(token[1:]) if isinstance(token, str) and token[1:].isdigit() else None


LISTS = {
    "shipments": ListWire(
        "POST", "/v3/shipments/filter", "shipments", "shipmentId", "hasMore", "nextPageUrl", "url"
    ),
    "returns": ListWire(
        "GET", "/v2/returns", "returnItems", "returnId", "hasMore", "nextUrl", "url"
    ),
    "listings": ListWire(
        "POST",
        "/listings/v3/search",
        "listings",
        "listing_id",
        "has_more",
        "next_page_id",
        "token",
        token_field="page_id",
    ),
}
FILTERS: dict[str, Any] = {
    "shipments": ShipmentFilter.pre_dispatch(states=["APPROVED"]),
    "returns": ReturnFilter("customer_return"),
    "listings": None,
}

EXTRA = st.one_of(
    st.none(),
    st.integers(-(10**6), 10**6),
    st.text(max_size=6),
    st.dictionaries(st.sampled_from(["n", "s"]), st.integers(0, 9), max_size=2),
)


def page_doc(wire: ListWire, page: int, items: list[dict[str, Any]], last: bool) -> Any:
    doc: dict[str, Any] = {wire.items: items, wire.has_more: not last}
    if not last:
        doc[wire.next] = wire.next_value(page + 1)
    return _json.to_tree(doc)


@st.composite
def pages_of(draw: st.DrawFn, wire: ListWire) -> list[list[dict[str, Any]]]:
    count = draw(st.integers(1, 3))
    pages = []
    for page in range(count):
        size = draw(st.integers(0, 3))
        pages.append([{wire.item_id: f"I-{page}-{k}", "extra": draw(EXTRA)} for k in range(size)])
    return pages


def served_items(scenario: Scenario, wire: ListWire, raw: bool) -> dict[int, list[list[Any]]]:
    """Per page, every item list a 2xx answer to a request for it meant.

    A null item says nothing: ``raw=True`` hands it over as sent, models leave it out (the
    walk's documented behaviour), so without ``raw`` the served list is read without it.
    """
    served: dict[int, list[list[Any]]] = {}
    for request, delivery in scenario.api_log():
        page = wire.page_of(request)
        if page is None:
            continue
        for value in scenario.meanings(delivery):
            if not isinstance(value, dict):
                continue
            items = value.get(wire.items)
            if items is None:
                items = []  # null or left out: Flipkart's way of saying "no items" here
            if wire.items == "listings" and isinstance(items, dict):
                items = [items]  # Flipkart's own example sends one object: read as one item
            if isinstance(items, list):
                kept = items if raw else [item for item in items if item is not None]
                served.setdefault(page, []).append(kept)
    return served


def _as_dict(item: Any) -> Any:
    return item.to_dict() if hasattr(item, "to_dict") else item


def page_counts(yielded: list[Any], served: dict[int, list[list[Any]]]) -> set[int]:
    """How many leading pages ``yielded`` can be, page by page, served items: {} if none."""
    counts: set[int] = set()

    def walk(page: int, position: int) -> None:
        if position == len(yielded):
            counts.add(page)
        for items in served.get(page, []):
            end = position + len(items)
            if end <= len(yielded) and all(
                _json.same(_as_dict(h), m)
                for h, m in zip(yielded[position:end], items, strict=True)
            ):
                walk(page + 1, end)

    walk(0, 0)
    return counts


def check_walk(
    scenario: Scenario,
    wire: ListWire,
    pages: list[list[Any]],
    mode: str,
    outcome: Any,
    raw: bool,
) -> None:
    check_error(outcome, scenario)
    served = served_items(scenario, wire, raw)
    handed = outcome.partial
    if mode == "pages":
        for number, page_items in enumerate(handed):
            assert any(
                len(page_items) == len(items)
                and all(_json.same(_as_dict(h), m) for h, m in zip(page_items, items, strict=True))
                for items in served.get(number, [])
            ), f"page {number} handed over {page_items!r}; served: {served.get(number)!r}"
        counts = {len(handed)}
    else:
        counts = page_counts(handed, served)
        assert counts, f"handed over {handed!r}, which no served pages make up: {served!r}"
    if outcome.error is None:
        assert len(pages) in counts, (
            f"the walk ended without error after {sorted(counts)} of {len(pages)} pages"
        )


def _walk_sync(name: str, mode: str, raw: bool):  # type: ignore[no-untyped-def]
    def operation(client: Any, partial: list[Any]) -> None:
        resource = getattr(client, name)
        if mode == "pages":
            for page in resource.pages(FILTERS[name], raw=raw):
                partial.append(list(page.items))
        else:
            for item in resource.search(FILTERS[name], raw=raw):
                partial.append(item)

    return operation


def _walk_async(name: str, mode: str, raw: bool):  # type: ignore[no-untyped-def]
    async def operation(client: Any, partial: list[Any]) -> None:
        resource = getattr(client, name)
        if mode == "pages":
            async for page in resource.pages(FILTERS[name], raw=raw):
                partial.append(list(page.items))
        else:
            async for item in resource.search(FILTERS[name], raw=raw):
                partial.append(item)

    return operation


@pytest.mark.parametrize("dimension", DIMENSIONS)
@CHAOS_SETTINGS
@given(data=st.data())
def test_a_walk_hands_over_what_was_served_or_raises(dimension: str, data: st.DataObject) -> None:
    name = data.draw(st.sampled_from(list(LISTS)), label="list")
    wire = LISTS[name]
    drawn = data.draw(answers(dimension, json_body_faults), label="answers")
    pages = data.draw(pages_of(wire), label="pages")
    mode = data.draw(st.sampled_from(["search", "pages"]), label="mode")
    raw = data.draw(st.booleans(), label="raw")
    flavour = data.draw(st.sampled_from(["sync", "async"]), label="flavour")

    def truth(request: Request) -> Truth | None:
        page = wire.page_of(request)
        if page is None or not 0 <= page < len(pages):
            return None
        return Truth(page_doc(wire, page, pages[page], page == len(pages) - 1))

    scenario = Scenario(truth, drawn, calls=len(pages))
    with scenario.running():
        if flavour == "sync":
            outcome = run_sync(scenario, _walk_sync(name, mode, raw))
        else:
            outcome = run_async(scenario, _walk_async(name, mode, raw))
    check_walk(scenario, wire, pages, mode, outcome, raw)


@pytest.mark.parametrize("name", list(LISTS))
@pytest.mark.parametrize("mode", ["search", "pages"])
@pytest.mark.parametrize("flavour", ["sync", "async"])
def test_without_chaos_every_page_is_handed_over(name: str, mode: str, flavour: str) -> None:
    # The oracle's other half: a correct walk over clean answers passes it.
    wire = LISTS[name]
    pages = [[{wire.item_id: f"I-{p}-{k}", "extra": k} for k in range(2)] for p in range(3)]

    def truth(request: Request) -> Truth | None:
        page = wire.page_of(request)
        if page is None or not 0 <= page < len(pages):
            return None
        return Truth(page_doc(wire, page, pages[page], page == len(pages) - 1))

    scenario = Scenario(truth, [], calls=len(pages))
    walk = _walk_sync if flavour == "sync" else _walk_async
    run = run_sync if flavour == "sync" else run_async
    with scenario.running():
        outcome = run(scenario, walk(name, mode, True))
    assert outcome.error is None
    check_walk(scenario, wire, pages, mode, outcome, True)


@pytest.mark.parametrize("name", list(LISTS))
@pytest.mark.parametrize("flag", [False, 0, _json.Raw("-0"), "false"])
def test_a_page_whose_flag_says_no_more_beside_a_cursor_is_followed(name: str, flag: Any) -> None:
    # Found by the soak seed: ``hasMore: -0`` on the first of two pages ended the walk with
    # one page handed over and no error. A cursor is followed whatever the flag says.
    wire = LISTS[name]
    pages = [[{wire.item_id: "I-0-0", "extra": 0}], [{wire.item_id: "I-1-0", "extra": 1}]]

    def truth(request: Request) -> Truth | None:
        page = wire.page_of(request)
        if page is None or not 0 <= page < len(pages):
            return None
        doc = page_doc(wire, page, pages[page], page == len(pages) - 1)
        if page == 0:
            spot = [key for key, _ in doc.pairs].index(wire.has_more)
            doc = _json.replaced(doc, (spot,), flag)
        return Truth(doc)

    scenario = Scenario(truth, [], calls=len(pages))
    with scenario.running():
        outcome = run_sync(scenario, _walk_sync(name, "search", True))
    assert outcome.error is None
    check_walk(scenario, wire, pages, "search", outcome, True)
