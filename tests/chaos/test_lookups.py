"""Wire chaos against look-ups by id: ``shipments.get(shipment_ids=...)``.

Property: the shipments handed over are exactly what one 2xx answer per request meant, as
the method documents its order: the asked ids found, in input order, then any shipment the
answer added that matches no asked id, in server order (entries that are not objects name
nothing and may be left out); otherwise a ``FlipkartError``. Within
``requests x (total_timeout + timeout) + slack``.
"""

from __future__ import annotations

import random
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from . import _json
from ._grammar import DIMENSIONS, Truth, answers, json_body_faults
from ._harness import CHAOS_SETTINGS, Scenario, check_error, run
from ._server import Request

pytestmark = [pytest.mark.chaos]

PATH = "/v3/shipments"
PER_CALL = 100


def asked(request: Request) -> list[str] | None:
    if request.path.removeprefix("/sellers").rstrip("/") != PATH:
        return None
    value = request.query.get("shipmentIds")
    return value.split(",") if value else None


def expected(meaning: Any, ids: list[str]) -> list[Any] | None:
    """What a look-up answer's meaning hands over for ``ids``, or None if it cannot."""
    if not isinstance(meaning, dict):
        return None
    listed = meaning.get("shipments")
    if listed is None:
        listed = []  # "no shipments": nothing found
    if not isinstance(listed, list):
        return None
    objects = [s for s in listed if isinstance(s, dict)]
    by_id: dict[str, Any] = {}
    for shipment in objects:
        key = shipment.get("shipmentId")
        if isinstance(key, str):
            by_id.setdefault(key, shipment)
    wanted = set(ids)
    found = [by_id[i] for i in ids if i in by_id]
    # An id that is not a string (a list, a number) matches no asked id.
    return found + [
        s
        for s in objects
        if not (isinstance(s.get("shipmentId"), str) and s["shipmentId"] in wanted)
    ]


def _as_dict(item: Any) -> Any:
    return item.to_dict() if hasattr(item, "to_dict") else item


def check_lookup(scenario: Scenario, chunks: list[list[str]], outcome: Any) -> None:
    check_error(outcome, scenario)
    if outcome.error is not None:
        return
    handed = [_as_dict(s) for s in outcome.value]
    options: list[list[list[Any]]] = []
    for chunk in chunks:
        per_chunk = []
        for request, delivery in scenario.api_log():
            if asked(request) == chunk:
                for value in scenario.meanings(delivery):
                    found = expected(value, chunk)
                    if found is not None:
                        per_chunk.append(found)
        options.append(per_chunk)

    def matches(chunk: int, position: int) -> bool:
        if chunk == len(chunks):
            return position == len(handed)
        for found in options[chunk]:
            end = position + len(found)
            if (
                end <= len(handed)
                and all(_json.same(h, m) for h, m in zip(handed[position:end], found, strict=True))
                and matches(chunk + 1, end)
            ):
                return True
        return False

    assert matches(0, 0), f"handed over {handed!r}; the answers meant {options!r}"


def _operations(ids: list[str], raw: bool):  # type: ignore[no-untyped-def]
    def sync_operation(client: Any, partial: list[Any]) -> Any:
        return client.shipments.get(shipment_ids=ids, raw=raw)

    async def async_operation(client: Any, partial: list[Any]) -> Any:
        return await client.shipments.get(shipment_ids=ids, raw=raw)

    return sync_operation, async_operation


EXTRA = st.one_of(st.none(), st.integers(-5, 5), st.text(max_size=4))


@pytest.mark.parametrize("dimension", DIMENSIONS)
@CHAOS_SETTINGS
@given(data=st.data())
def test_a_look_up_hands_over_what_was_served_or_raises(
    dimension: str, data: st.DataObject
) -> None:
    count = data.draw(st.sampled_from([1, 2, 4, PER_CALL + 2]), label="ids")
    ids = [f"SH-{n}" for n in range(count)]
    found = data.draw(st.lists(st.booleans(), min_size=count, max_size=count), label="found")
    order = random.Random(data.draw(st.integers(0, 2**32), label="order"))
    extra = data.draw(EXTRA, label="extra")
    raw = data.draw(st.booleans(), label="raw")
    drawn = data.draw(answers(dimension, json_body_faults), label="answers")
    flavour = data.draw(st.sampled_from(["sync", "async"]), label="flavour")
    known = {i for i, present in zip(ids, found, strict=True) if present}

    def truth(request: Request) -> Truth | None:
        chunk = asked(request)
        if chunk is None:
            return None
        shipments = [
            {"shipmentId": i, "locationId": "LOC1", "extra": extra} for i in chunk if i in known
        ]
        order.shuffle(shipments)
        return Truth(_json.to_tree({"shipments": shipments}))

    chunks = [ids[i : i + PER_CALL] for i in range(0, count, PER_CALL)]
    scenario = Scenario(truth, drawn, calls=len(chunks))
    outcome = run(flavour, scenario, *_operations(ids, raw))
    check_lookup(scenario, chunks, outcome)


@pytest.mark.parametrize("flavour", ["sync", "async"])
@pytest.mark.parametrize("raw", [True, False])
def test_without_chaos_the_found_shipments_come_in_input_order(flavour: str, raw: bool) -> None:
    ids = [f"SH-{n}" for n in range(PER_CALL + 2)]

    def truth(request: Request) -> Truth | None:
        chunk = asked(request) or []
        listed = [{"shipmentId": i, "locationId": "LOC1"} for i in reversed(chunk) if i != "SH-3"]
        return Truth(_json.to_tree({"shipments": listed}))

    scenario = Scenario(truth, [], calls=2)
    outcome = run(flavour, scenario, *_operations(ids, raw))
    assert outcome.error is None
    assert len(outcome.value) == len(ids) - 1
    check_lookup(scenario, [ids[:PER_CALL], ids[PER_CALL:]], outcome)
