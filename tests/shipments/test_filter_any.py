"""``ShipmentFilter.any()`` sends exactly Flipkart's documented ``{"filter": {}}``.

Flipkart's "Getting Started" page (https://flipkart.github.io/fk-api-platform-docs/docs/intro)
calls ``POST /v3/shipments/filter`` with ``-d '{"filter" :{}}'``: no ``type``.
"""

from __future__ import annotations

import json

import pytest

from flipkart_ext import FlipkartClient, ShipmentFilter
from flipkart_ext.testing import Emulator


def test_any_sends_exactly_the_documented_body() -> None:
    flt = ShipmentFilter.any()
    assert flt.to_dict() == {"filter": {}}
    assert flt.filter_type is None
    assert flt == ShipmentFilter(None) and hash(flt) == hash(ShipmentFilter(None))
    assert flt != ShipmentFilter.pre_dispatch()
    assert "None" in repr(flt)


@pytest.mark.parametrize(
    ("field", "value"),
    [("states", ["APPROVED"]), ("location_id", "LOC1"), ("page_size", 5), ("hold", True)],
)
def test_the_typeless_filter_takes_no_criteria(field: str, value: object) -> None:
    with pytest.raises(ValueError, match=f"^{field}: ShipmentFilter.any"):
        ShipmentFilter(None, **{field: value})  # type: ignore[arg-type]


def test_typed_constructors_still_validate() -> None:
    with pytest.raises(ValueError, match="filter_type"):
        ShipmentFilter("sometimes")
    with pytest.raises(ValueError, match="states"):
        ShipmentFilter.pre_dispatch(states=["SHIPPED"])
    with pytest.raises(ValueError, match="cancellation_type"):
        ShipmentFilter("cancelled")


def test_the_emulator_accepts_the_documented_body() -> None:
    with Emulator(seed=3) as emulator:
        emulator.create_test_orders(count=2)
        client = FlipkartClient(
            emulator.client_id,
            emulator.client_secret,
            api_base_url=emulator.api_base_url,
            oauth_base_url=emulator.oauth_base_url,
        )
        sent: list[bytes] = []
        with client:
            client.http.event_hooks["request"].append(
                lambda request: sent.append(request.read()) if request.method == "POST" else None
            )
            answer = client.http.post("/v3/shipments/filter", json={"filter": {}})
            assert answer.status_code == 200, answer.text
            assert answer.json()["hasMore"] is False
            pages = list(client.shipments.pages(ShipmentFilter.any()))
        # No documented type, no documented states: the emulator matches nothing.
        assert [page.items for page in pages] == [[]]
        assert [json.loads(body) for body in sent] == [{"filter": {}}, {"filter": {}}]
