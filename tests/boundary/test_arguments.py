"""Wrong argument types and counts on public methods raise ``flipkart_ext.InvalidArgument``
(naming the argument), never a ``TypeError``, ``AttributeError`` or ``ValueError`` from
inside, and nothing is sent.

Issue 19 item 3 ("nothing but a FlipkartError leaves a public entry point"). Values are drawn
per argument from what that argument cannot be.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from flipkart_ext import FlipkartError, InvalidArgument, ReturnFilter, ShipmentFilter
from flipkart_ext.listings import PriceUpdate, StockUpdate

from ._support import App, sync_client

DRAWN = settings(
    max_examples=25,
    derandomize=True,
    database=None,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
TO_PACK = ShipmentFilter.pre_dispatch(states=["APPROVED"])

_THINGS = st.sampled_from([object(), b"SH-1", bytearray(b"x"), 3 + 4j, math.nan, ...])
NOT_IDS = st.one_of(
    st.integers(),
    st.floats(),
    st.booleans(),
    _THINGS,
    st.lists(st.one_of(st.integers(), st.none(), st.binary(), st.floats()), min_size=1, max_size=3),
    st.lists(st.sampled_from(["", " ", "a,b", "x\n"]), min_size=1, max_size=2),
)
NOT_COUNTS = st.one_of(
    st.integers(max_value=-1),
    st.floats(allow_nan=True).filter(lambda f: not f.is_integer()),
    st.sampled_from(["5", True, False, math.inf]),
    _THINGS,
)
NOT_BOOLS = st.one_of(st.integers(), st.text(max_size=3), st.none(), _THINGS)
NOT_TEXT = st.one_of(
    st.integers(), st.booleans(), _THINGS, st.sampled_from(["", "  ", "a,b", "LOC\x00"])
)
NOT_UNITS = st.one_of(
    st.integers(max_value=-1),
    st.floats(allow_nan=True),
    st.sampled_from(["3", True, None, 10**30]),
    _THINGS,
)
NOT_RATES = st.one_of(
    st.floats(max_value=-0.001),
    st.floats(min_value=100.001),
    st.sampled_from([math.nan, math.inf, "18", True]),
    _THINGS,
)

CASES: dict[str, tuple[st.SearchStrategy[Any], Callable[[Any, Any], Any], str]] = {
    "get.shipment_ids": (
        NOT_IDS,
        lambda c, v: c.shipments.get(shipment_ids=v),
        "shipment_ids",
    ),
    "get_labels.shipment_ids": (NOT_IDS, lambda c, v: c.shipments.get_labels(v), "shipment_ids"),
    "get_labels.invoice": (
        NOT_BOOLS,
        lambda c, v: c.shipments.get_labels(["SH-1"], invoice=v),
        "invoice",
    ),
    "search.filter": (
        st.one_of(st.integers(), st.text(max_size=3), st.just(ReturnFilter("customer_return"))),
        lambda c, v: list(c.shipments.search(v)),
        "filter",
    ),
    "search.limit": (NOT_COUNTS, lambda c, v: list(c.shipments.search(TO_PACK, limit=v)), "limit"),
    "search.max_pages": (
        NOT_COUNTS,
        lambda c, v: list(c.shipments.search(TO_PACK, max_pages=v)),
        "max_pages",
    ),
    "search.dedupe_window": (
        NOT_COUNTS,
        lambda c, v: list(c.shipments.search(TO_PACK, dedupe_window=v)),
        "dedupe_window",
    ),
    "search.resume_from": (
        st.one_of(st.integers(), st.binary(min_size=1), st.just(""), _THINGS),
        lambda c, v: list(c.shipments.search(None, resume_from=v)),
        "resume_from",
    ),
    "search.raw": (NOT_BOOLS, lambda c, v: list(c.shipments.search(TO_PACK, raw=v)), "raw"),
    "listings.get.skus": (NOT_IDS, lambda c, v: c.listings.get(v), "skus"),
    "update_inventory.updates": (
        # An empty list is no longer wrong: it is zero (SKU, change) pairs, like {}.
        st.one_of(
            st.integers(), st.text(max_size=3), st.lists(st.integers(), min_size=1, max_size=2)
        ),
        lambda c, v: c.listings.update_inventory(v),
        "updates",
    ),
    "update_inventory.inventory": (
        NOT_UNITS,
        lambda c, v: c.listings.update_inventory({"SKU-1": StockUpdate("P", {"LOC1": v})}),
        "SKU-1",
    ),
    "update_price.mrp": (
        NOT_UNITS,
        lambda c, v: c.listings.update_price({"SKU-1": PriceUpdate("P", mrp=v, selling_price=1)}),
        "SKU-1",
    ),
    "mark_ready_to_dispatch.location_id": (
        NOT_TEXT,
        lambda c, v: c.shipments.mark_ready_to_dispatch(["SH-1"], location_id=v),
        "location_id",
    ),
    "pack.tax_rate": (
        NOT_RATES,
        lambda c, v: c.shipments.pack(
            [{"shipmentId": "SH-1", "locationId": "L", "orderItems": []}], tax_rate=v
        ),
        "tax_rate",
    ),
    "manifest.vendor_group_code": (
        NOT_TEXT,
        lambda c, v: c.shipments.manifest(v, location_id="LOC1"),
        "vendor_group_code",
    ),
    "returns.approve.return_ids": (NOT_IDS, lambda c, v: c.returns.approve(v), "return_ids"),
    "returns.get.source": (
        st.one_of(st.integers(), st.sampled_from(["", "unknown_source", None])),
        lambda c, v: c.returns.get(source=v, return_ids=["R-1"]),
        "source",
    ),
}


def refused(call: Callable[[], Any], app: App, name: str) -> None:
    try:
        outcome = call()
    except InvalidArgument as error:
        assert name in str(error), f"the message does not name {name}: {error}"
    except FlipkartError as error:
        raise AssertionError(
            f"raised {type(error).__name__} ({error}), not InvalidArgument"
        ) from error
    else:
        raise AssertionError(f"accepted: {outcome!r}")
    assert app.sent == 0, f"{app.sent} request(s) sent"


@pytest.mark.parametrize("case", list(CASES))
@DRAWN
@given(data=st.data())
def test_a_wrong_argument_is_refused_before_anything_is_sent(
    case: str, data: st.DataObject
) -> None:
    values, call, name = CASES[case]
    value = data.draw(values, label=name)
    app = App()
    with sync_client(app, access_token="AT-0") as client:
        refused(lambda: call(client, value), app, name)


@pytest.mark.parametrize(
    "value",
    [5, "soon", ["APPROVED", 5], ["NOT_A_STATE"]],
    ids=["int", "text", "mixed", "unknown"],
)
def test_a_wrong_filter_state_is_refused_by_the_filter(value: Any) -> None:
    with pytest.raises(InvalidArgument, match="states"):
        ShipmentFilter.pre_dispatch(states=value)


@pytest.mark.parametrize("value", [5, "", "not_a_source", None])
def test_a_wrong_return_source_is_refused_by_the_filter(value: Any) -> None:
    with pytest.raises(InvalidArgument, match="source"):
        ReturnFilter(value)


COUNTS: dict[str, Callable[[Any], Any]] = {
    "get(positional)": lambda c: c.shipments.get(["SH-1"]),
    "get(unknown keyword)": lambda c: c.shipments.get(shipment_id=["SH-1"]),
    "search(limit positional)": lambda c: list(c.shipments.search(TO_PACK, 5)),
    "search(unknown keyword)": lambda c: list(c.shipments.search(TO_PACK, page_size=5)),
    "get_labels()": lambda c: c.shipments.get_labels(),
    "update_inventory()": lambda c: c.listings.update_inventory(),
    "manifest()": lambda c: c.shipments.manifest(),
    "returns.get(no source)": lambda c: c.returns.get(return_ids=["R-1"]),
    "mark_ready_to_dispatch(extra positional)": lambda c: c.shipments.mark_ready_to_dispatch(
        ["SH-1"], "LOC1"
    ),
}


@pytest.mark.parametrize("case", list(COUNTS))
def test_a_wrong_argument_count_is_invalid_argument_not_type_error(case: str) -> None:
    app = App()
    with sync_client(app, access_token="AT-0") as client, pytest.raises(Exception) as raised:
        COUNTS[case](client)
    assert isinstance(raised.value, InvalidArgument), (
        f"{type(raised.value).__name__}: {raised.value}"
    )
    assert app.sent == 0
