"""A small Flipkart-like shipment server for ``httpx.MockTransport``.

``FakeShipments(bodies)`` answers ``POST /sellers/v3/shipments/filter`` with ``bodies[0]``
and ``GET /sellers/v3/shipments/filter?next_token=tK`` with ``bodies[K]``; it records every
request it receives, on any host, so tests can prove what was (not) sent.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence
from typing import Any

import httpx

API_HOST = "api.test"
BASE = f"https://{API_HOST}/sellers"
FILTER_PATH = "/sellers/v3/shipments/filter"


def shipment(shipment_id: str, **extra: Any) -> dict[str, Any]:
    """A shipment as Flipkart sends it, with a field this client does not know."""
    return {
        "shipmentId": shipment_id,
        "locationId": "LOC1",
        "dispatchByDate": "2024-05-02T10:00:00+05:30",
        "orderItems": [
            {"orderItemId": f"OI-{shipment_id}", "orderId": f"OD-{shipment_id}", "quantity": 1}
        ],
        "fieldAddedLater": {"x": 1},
        **extra,
    }


def next_url(index: int) -> str:
    return f"/v3/shipments/filter?next_token=t{index}"


def paged(pages: Sequence[Sequence[str]]) -> list[dict[str, Any]]:
    """Standard bodies: page K links to page K+1; the last says ``hasMore: false``."""
    last = len(pages) - 1
    return [
        {
            "hasMore": k < last,
            "nextPageUrl": next_url(k + 1) if k < last else None,
            "shipments": [shipment(i) for i in ids],
        }
        for k, ids in enumerate(pages)
    ]


def ids_of(items: Iterable[Any]) -> list[str]:
    return [i["shipmentId"] if isinstance(i, dict) else i.shipment_id for i in items]


class FakeShipments:
    """Serves page bodies; ``on_request(index, request)`` may return a response to inject."""

    def __init__(
        self,
        bodies: Sequence[dict[str, Any]],
        *,
        on_request: Callable[[int, httpx.Request], httpx.Response | None] | None = None,
    ) -> None:
        self.bodies = list(bodies)
        self.on_request = on_request
        self.requests: list[httpx.Request] = []
        self.served: list[int] = []

    @property
    def foreign_requests(self) -> list[httpx.Request]:
        return [r for r in self.requests if r.url.host != API_HOST]

    def page_index(self, request: httpx.Request) -> int | None:
        if request.url.host != API_HOST or request.url.path != FILTER_PATH:
            return None
        if request.method == "POST":
            return 0
        token = request.url.params.get("next_token", "")
        if request.method == "GET" and token.startswith("t") and token[1:].isdigit():
            index = int(token[1:])
            return index if index < len(self.bodies) else None
        return None

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        index = self.page_index(request)
        if index is None:
            return httpx.Response(
                404, json={"errors": [{"code": "NOT_FOUND", "description": "no"}]}
            )
        if self.on_request is not None:
            injected = self.on_request(index, request)
            if injected is not None:
                return injected
        self.served.append(index)
        return httpx.Response(
            200,
            content=json.dumps(self.bodies[index]).encode(),
            headers={"content-type": "application/json"},
        )

    async def handle_async(self, request: httpx.Request) -> httpx.Response:
        return self(request)

    def client(self) -> httpx.Client:
        return httpx.Client(base_url=BASE, transport=httpx.MockTransport(self))

    def async_client(self) -> httpx.AsyncClient:
        return httpx.AsyncClient(base_url=BASE, transport=httpx.MockTransport(self.handle_async))
