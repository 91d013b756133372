"""Multi-page search (sync and async), chunked look-ups and a label download."""

from __future__ import annotations

from flipkart_ext import ShipmentFilter

from ._orders import create_orders
from ._target import Target


def test_three_page_search_sync(target: Target) -> None:
    with target.client() as client:
        orders = create_orders(client, target, 12)
        pages = list(
            client.shipments.pages(ShipmentFilter.pre_dispatch(states=["APPROVED"], page_size=5))
        )
    assert [len(page.items) for page in pages] == [5, 5, 2]
    assert [page.has_more for page in pages] == [True, True, False]
    found = [item.order_items[0].order_id for page in pages for item in page.items]
    assert sorted(found) == sorted(order.order_id for order in orders)


async def test_three_page_search_async(target: Target) -> None:
    with target.client() as setup:
        orders = create_orders(setup, target, 11)
    async with target.async_client() as client:
        shipments = [
            shipment
            async for shipment in client.shipments.search(
                ShipmentFilter.pre_dispatch(states=["APPROVED"], page_size=4)
            )
        ]
    assert len({s.shipment_id for s in shipments}) == len(shipments) == 11
    filter_calls = [r for r in target.cassette.requests if r.path.endswith("/v3/shipments/filter")]
    assert [r.method for r in filter_calls] == ["POST", "GET", "GET"]
    assert sorted(s.order_items[0].order_id for s in shipments) == sorted(
        o.order_id for o in orders
    )


def test_chunked_lookup_by_order_item_ids(target: Target) -> None:
    with target.client() as client:
        orders = create_orders(client, target, 21, items_per_order=10)
        item_ids = [item.order_item_id for order in orders for item in order.order_items]
        assert len(item_ids) == 210
        shipments = client.shipments.get(order_item_ids=list(reversed(item_ids)))
    lookups = [
        r for r in target.cassette.requests if r.method == "GET" and "orderItemIds" in r.query[0]
    ]
    sizes = [len(dict(r.query)["orderItemIds"].split(",")) for r in lookups]
    assert sizes == [100, 100, 10]
    # Input order: the last order created comes back first.
    assert [s.order_items[0].order_id for s in shipments] == [o.order_id for o in reversed(orders)]


def test_label_pdf_download(target: Target, tmp_path: object) -> None:
    from pathlib import Path

    folder = Path(str(tmp_path))
    with target.client() as client:
        create_orders(client, target, 2)
        ids = [
            s.shipment_id
            for s in client.shipments.search(ShipmentFilter.pre_dispatch(states=["APPROVED"]))
        ]
        _pack(client, ids)
        saved = client.shipments.save_labels(ids, folder)
    assert len(saved) == 1 and set(saved[0].shipment_ids) == set(ids)
    content = saved[0].path.read_bytes()
    assert content.startswith(b"%PDF-") and content.rstrip().endswith(b"%%EOF")


def _pack(client: object, shipment_ids: list[str]) -> None:
    from ._flow import pack

    pack(client, shipment_ids)
