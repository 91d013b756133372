"""Wire chaos against bulk calls: listings stock and price updates, ready to dispatch.

Property: one result per input item, in input order, and an item is a success only if an
answer to a request that carried it (its own request, possibly sent again) meant success
for it, named once; otherwise the call raises a ``FlipkartError``. Within
``chunks x (total_timeout + timeout) + slack``.

Besides the wire chaos, each answer's content is drawn: per item SUCCESS, FAILURE, WARNING
or odd values; and, in the ``answers`` and ``mixed`` dimensions only (so that they do not
hide the wire's failures), answers that leave an item out, name one the request did not
carry, name one twice, or claim another request's item.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from flipkart_ext.listings import PriceUpdate, StockUpdate

from . import _json
from ._grammar import DIMENSIONS, Truth, answers, json_body_faults
from ._harness import CHAOS_SETTINGS, Scenario, check_error, run
from ._server import Request

pytestmark = [pytest.mark.chaos]

LISTING_OK = {"SUCCESS", "WARNING"}  # SkuResult.ok: Flipkart applied the change
SHIPMENT_OK = {"SUCCESS"}


@dataclass(frozen=True)
class Twist:
    """How one answer strays from the request it answers (the first answers only)."""

    leave_out: int | None = None  # position of a carried item left out
    unexpected: bool = False  # names an item nobody sent
    claim_other: bool = False  # names, as a success, an item another request carries
    repeat: bool = False  # names its first item a second time, the other way


TWISTS = st.lists(
    st.builds(
        Twist,
        leave_out=st.none() | st.integers(0, 30),
        unexpected=st.booleans(),
        claim_other=st.booleans(),
        repeat=st.booleans(),
    ),
    max_size=3,
)
STATUS = st.sampled_from(["SUCCESS", "FAILURE", "WARNING", "success", "", None, 1])


@dataclass(frozen=True)
class Bulk:
    """One bulk operation, as Flipkart documents its wire form."""

    name: str
    path: str
    per_request: int
    ok: frozenset[str]

    def carried(self, request: Request) -> list[str]:
        body = _json.meaning(request.body)
        if self.name == "ready_to_dispatch":
            ids = body.get("shipmentIds") if isinstance(body, dict) else None
            return [i for i in ids if isinstance(i, str)] if isinstance(ids, list) else []
        return [k for k in body] if isinstance(body, dict) else []

    def answer(self, entries: list[tuple[str, Any]]) -> Any:
        if self.name == "ready_to_dispatch":
            return _json.to_tree(
                {"shipments": [{"shipmentId": key, "status": status} for key, status in entries]}
            )
        # A map keyed by SKU: a repeated SKU is a repeated name (written as such).
        return _json.Obj(
            tuple((key, _json.to_tree({"status": s, "errors": []})) for key, s in entries)
        )

    def said(self, meaning: Any, key: str) -> str | None:
        """The status an answer's meaning gives ``key``, if it names it exactly once."""
        if not isinstance(meaning, dict):
            return None
        if self.name == "ready_to_dispatch":
            listed = meaning.get("shipments")
            if not isinstance(listed, list):
                return None
            found = [e for e in listed if isinstance(e, dict) and e.get("shipmentId") == key]
            if len(found) != 1:
                return None
            entry = found[0]
            status = entry.get("status")
            if not isinstance(status, str):
                status = entry.get("processingStatus")
            return status if isinstance(status, str) else None
        entry = meaning.get(key)
        status = entry.get("status") if isinstance(entry, dict) else None
        return status if isinstance(status, str) else None


BULKS = {
    "update_inventory": Bulk(
        "update_inventory", "/listings/v3/update/inventory", 10, frozenset(LISTING_OK)
    ),
    "update_price": Bulk("update_price", "/listings/v3/update/price", 10, frozenset(LISTING_OK)),
    "ready_to_dispatch": Bulk(
        "ready_to_dispatch", "/v3/shipments/dispatch", 25, frozenset(SHIPMENT_OK)
    ),
}


def _key_of(result: Any) -> str:
    return result.sku if hasattr(result, "sku") else result.shipment_id


def check_results(scenario: Scenario, bulk: Bulk, keys: list[str], outcome: Any) -> None:
    check_error(outcome, scenario)
    if outcome.error is not None:
        return
    results = list(outcome.value)
    assert [_key_of(r) for r in results] == keys, (
        f"expected one result per item in input order: {keys}; got {[_key_of(r) for r in results]}"
    )
    for key, result in zip(keys, results, strict=True):
        if not result.ok:
            continue
        own = [
            bulk.said(value, key)
            for request, delivery in scenario.api_log()
            if key in bulk.carried(request)
            for value in scenario.meanings(delivery)
        ]
        assert any(s is not None and s.upper() in bulk.ok for s in own), (
            f"{key} is reported {result.status}, but no answer to a request carrying it said "
            f"so (its own answers said {own})"
        )


def _operation(bulk: Bulk, keys: list[str]) -> tuple[Callable[..., Any], Callable[..., Any]]:
    def call(client: Any) -> Any:
        if bulk.name == "update_inventory":
            changes = {k: StockUpdate("PID-" + k, {"LOC1": n}) for n, k in enumerate(keys)}
            return client.listings.update_inventory(changes)
        if bulk.name == "update_price":
            changes = {k: PriceUpdate("PID-" + k, mrp=500, selling_price=400) for k in keys}
            return client.listings.update_price(changes)
        return client.shipments.mark_ready_to_dispatch(keys, location_id="LOC1")

    def sync_operation(client: Any, partial: list[Any]) -> Any:
        return call(client)

    async def async_operation(client: Any, partial: list[Any]) -> Any:
        return await call(client)

    return sync_operation, async_operation


@pytest.mark.parametrize("dimension", [*DIMENSIONS, "answers"])
@CHAOS_SETTINGS
@given(data=st.data())
def test_a_bulk_result_is_a_success_only_where_its_own_answer_said_so(
    dimension: str, data: st.DataObject
) -> None:
    bulk = BULKS[data.draw(st.sampled_from(list(BULKS)), label="operation")]
    count = data.draw(st.sampled_from([1, 3, bulk.per_request + 2]), label="items")
    prefix = "SKU" if bulk.name != "ready_to_dispatch" else "SH"
    keys = [f"{prefix}-{n}" for n in range(count)]
    statuses = data.draw(st.lists(STATUS, min_size=count, max_size=count), label="statuses")
    twists = data.draw(TWISTS, label="twists") if dimension in ("answers", "mixed") else []
    drawn = (
        data.draw(answers(dimension, json_body_faults), label="answers")
        if dimension != "answers"
        else []
    )
    flavour = data.draw(st.sampled_from(["sync", "async"]), label="flavour")
    status_of = dict(zip(keys, statuses, strict=True))
    seen: list[int] = []

    def truth(request: Request) -> Truth | None:
        if request.path.removeprefix("/sellers") != bulk.path:
            return None
        carried = bulk.carried(request)
        seen.append(1)
        twist = twists[len(seen) - 1] if len(seen) <= len(twists) else Twist()
        entries = [(k, status_of.get(k, "SUCCESS")) for k in carried]
        if twist.leave_out is not None and entries:
            del entries[twist.leave_out % len(entries)]
        if twist.unexpected:
            entries.append((f"{prefix}-NOBODY-SENT", "SUCCESS"))
        others = [k for k in keys if k not in carried]
        if twist.claim_other and others:
            entries.append((others[0], "SUCCESS"))
        if twist.repeat and entries:
            first, status = entries[0]
            entries.append((first, "FAILURE" if status == "SUCCESS" else "SUCCESS"))
        return Truth(bulk.answer(entries))

    chunks = -(-count // bulk.per_request)
    scenario = Scenario(truth, drawn, calls=chunks)
    sync_operation, async_operation = _operation(bulk, keys)
    outcome = run(flavour, scenario, sync_operation, async_operation)
    check_results(scenario, bulk, keys, outcome)


@pytest.mark.parametrize("name", list(BULKS))
@pytest.mark.parametrize("flavour", ["sync", "async"])
def test_without_chaos_every_item_gets_its_own_answer(name: str, flavour: str) -> None:
    bulk = BULKS[name]
    keys = [f"K-{n}" for n in range(bulk.per_request + 2)]

    def truth(request: Request) -> Truth | None:
        carried = bulk.carried(request)
        return Truth(
            bulk.answer([(k, "SUCCESS" if n % 2 else "FAILURE") for n, k in enumerate(carried)])
        )

    scenario = Scenario(truth, [], calls=2)
    sync_operation, async_operation = _operation(bulk, keys)
    outcome = run(flavour, scenario, sync_operation, async_operation)
    assert outcome.error is None
    check_results(scenario, bulk, keys, outcome)
    assert 0 < len([r for r in outcome.value if r.ok]) < len(keys)
