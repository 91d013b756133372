"""Each row of the README's "Bad input" table raises its typed error before any request.

The table is read from README.md: a row added there without cases here fails, and each
case must raise the class the row names while the transport records no request.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
import pytest

import flipkart_ext
from flipkart_ext import FlipkartClient, ShipmentFilter
from flipkart_ext.returns import ReturnFilter

README = Path(__file__).resolve().parents[2] / "README.md"
sent: list[httpx.Request] = []


def _client(**options: Any) -> FlipkartClient:
    transport = httpx.MockTransport(lambda request: sent.append(request) or httpx.Response(500))
    return FlipkartClient(
        "app",
        "secret",
        api_base_url="https://api.test/sellers",
        oauth_base_url="https://api.test/oauth-service",
        transport=transport,
        **options,
    )


def _rows() -> list[tuple[str, str]]:
    section = README.read_text().split("### Bad input", 1)[1].split("\n## ", 1)[0]
    rows = []
    for line in section.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) == 2 and cells[0] not in ("input", "---"):
            rows.append((cells[0], re.findall(r"`(\w+)`", cells[1])[0]))
    return rows


Case = Callable[[], Any]
PRE = ShipmentFilter.pre_dispatch

CASES: list[list[Case]] = [
    # credentials, environment, base URL
    [
        lambda: FlipkartClient("", "secret"),
        lambda: FlipkartClient("app", "  "),
        lambda: FlipkartClient("app", "secret", environment="staging"),
        lambda: FlipkartClient("app", "secret", api_base_url="http://api.example.com/sellers"),
    ],
    # values outside Flipkart's lists
    [
        lambda: PRE(states=["SHIPPED"]),
        lambda: ShipmentFilter("nonsense"),
        lambda: ShipmentFilter.cancelled(cancellation_type="whim"),
        lambda: PRE(shipment_types=["ROCKET"]),
        lambda: PRE(sort_field="price"),
        lambda: ReturnFilter("pigeon_return"),
        lambda: _client().listings.search("LIVE"),
    ],
    # datetimes
    [
        lambda: PRE(order_date=("2024-05-01T00:00:00", None)),
        lambda: PRE(order_date=("yesterday-ish", None)),
        lambda: PRE(order_date=("2024-05-02T00:00+05:30", "2024-05-01T00:00+05:30")),
        lambda: ReturnFilter("customer_return", created=("2024-05-01", None)),
    ],
    # counts
    [
        lambda: _client().shipments.search(PRE(), limit=-1),
        lambda: _client().shipments.search(PRE(), max_pages=True),
        lambda: _client().returns.search(ReturnFilter("customer_return"), dedupe_window=0),
        lambda: flipkart_ext.AsyncFlipkartClient("a", "b").shipments.search(PRE(), prefetch=2),
    ],
    # resume_from type
    [
        lambda: _client().shipments.search(None, resume_from="   "),
        lambda: _client().returns.search(None, resume_from=12),  # type: ignore[arg-type]
    ],
    # resume_from URL
    [
        lambda: _client().shipments.search(None, resume_from="https://evil.test/sellers/v3/x"),
        lambda: _client().shipments.search(None, resume_from="/v3/shipments/filter?t=a\tb"),
        lambda: _client().returns.search(None, resume_from="/../oauth-service/oauth/token"),
        lambda: _client().shipments.pages(None, resume_from="/v3/x?t=" + "a" * 9000),
    ],
    # resume_from token
    [
        lambda: _client().listings.search(resume_from="tok\x00en"),
        lambda: _client().listings.pages(resume_from="t" * 9000),
    ],
    # ids
    [
        lambda: _client().shipments.get(shipment_ids=["S1,S2"]),
        lambda: _client().shipments.get(order_ids=[""]),
        lambda: _client().shipments.get(),
        lambda: _client().shipments.get(shipment_ids=["a"], order_ids=["b"]),
        lambda: _client().shipments.get_labels([None]),  # type: ignore[list-item]
        lambda: _client().returns.get(source="customer_return", return_ids=["R 1", ""]),
        lambda: _client().listings.get(["SKU-1", "SKU,2"]),
    ],
    # items of bulk calls
    [
        lambda: _client().shipments.pack(["S1", "S1"], tax_rate=5),
        lambda: _client().shipments.pack(["S1"], tax_rate=118),
        lambda: _client().shipments.cancel(["S1"]),
        lambda: _client().shipments.dispatch_self_ship(["S1"]),
        lambda: _client().shipments.acknowledge_forms({"S1": {}}),
    ],
]


def test_the_readme_table_and_these_cases_agree() -> None:
    assert len(_rows()) == len(CASES)


@pytest.mark.parametrize(
    ("row", "case"),
    [(row, case) for row, cases in enumerate(CASES) for case in cases],
)
def test_each_rule_raises_its_typed_error_before_any_request(row: int, case: Case) -> None:
    description, error_name = _rows()[row]
    error = getattr(flipkart_ext, error_name)
    sent.clear()
    with pytest.raises(error) as caught:
        case()
    assert isinstance(caught.value, flipkart_ext.FlipkartError), description
    assert sent == [], description
