"""``client.call(op, ...)`` is held to the operation's own signature by the type checker."""

from __future__ import annotations

import textwrap
from pathlib import Path

from tests._typecheck import mypy_strict

_SNIPPET = textwrap.dedent(
    """
    from flipkart_seller_api.api.listings_v3 import get_listings
    from flipkart_seller_api.api.shipment_v3 import search_pre_dispatch_shipment_post
    from flipkart_seller_api.models import SearchShipmentRequest

    from flipkart_ext import AsyncFlipkartClient, FlipkartClient


    def sync_calls(client: FlipkartClient, body: SearchShipmentRequest) -> None:
        client.call(get_listings, sku_ids="SKU-1")
        client.call(get_listings, "SKU-1")
        client.call(search_pre_dispatch_shipment_post, body=body)
        client.call(get_listings, sku_ids="SKU-1", bogus=1)  # line 13
        client.call(get_listings)  # line 14
        client.call(search_pre_dispatch_shipment_post, body={"filter": {}})  # line 15


    async def async_calls(client: AsyncFlipkartClient) -> None:
        await client.call(get_listings, sku_ids="SKU-1")
        await client.call(get_listings, skuIds="SKU-1")  # line 20
    """
)


def test_wrong_arguments_to_call_fail_mypy_strict(tmp_path: Path) -> None:
    result = mypy_strict({"user_code": _SNIPPET}, tmp_path)
    errors = [line for line in result.stdout.splitlines() if ": error:" in line]
    assert [line.split(":")[1] for line in errors] == ["13", "14", "15", "20"], result.stdout
    assert 'Unexpected keyword argument "bogus"' in errors[0]
    assert 'Missing positional argument "sku_ids"' in errors[1]
    assert 'Argument "body"' in errors[2] and '"SearchShipmentRequest"' in errors[2]
    assert 'Unexpected keyword argument "skuIds"' in errors[3]
    assert result.returncode == 1


def test_the_parsed_model_is_the_return_type(tmp_path: Path) -> None:
    snippet = textwrap.dedent(
        """
        from flipkart_seller_api.api.listings_v3 import get_listings

        from flipkart_ext import AsyncFlipkartClient, FlipkartClient


        async def calls(client: FlipkartClient, async_client: AsyncFlipkartClient) -> None:
            reveal_type(client.call(get_listings, sku_ids="SKU-1"))
            reveal_type(await async_client.call(get_listings, sku_ids="SKU-1"))
        """
    )
    result = mypy_strict({"user_code": snippet}, tmp_path)
    revealed = [line for line in result.stdout.splitlines() if "Revealed type" in line]
    assert len(revealed) == 2, result.stdout
    for line in revealed:
        assert "GetMarketplaceListingDetailsResponse | None" in line
