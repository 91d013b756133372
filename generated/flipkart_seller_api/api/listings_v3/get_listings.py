# Generated from openapi/flipkart-seller-api.json by scripts/regenerate.py. Do not edit:
# change scripts/spec_fixups.py, openapi/generator-config.yaml or openapi/templates/.
from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.get_marketplace_listing_details_response import (
    GetMarketplaceListingDetailsResponse,
)
from ...types import Response


def _get_kwargs(
    sku_ids: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/listings/v3/{sku_ids}".format(
            sku_ids=quote(str(sku_ids), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | GetMarketplaceListingDetailsResponse | None:
    if response.status_code == 200:
        response_200 = GetMarketplaceListingDetailsResponse.from_dict(response.json())

        return response_200

    if response.status_code == 400:
        response_400 = cast(Any, None)
        return response_400

    if response.status_code == 500:
        response_500 = cast(Any, None)
        return response_500

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Any | GetMarketplaceListingDetailsResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    sku_ids: str,
    *,
    client: AuthenticatedClient | Client,
) -> Response[Any | GetMarketplaceListingDetailsResponse]:
    """Get listings for SKUs

    Args:
        sku_ids (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | GetMarketplaceListingDetailsResponse]
    """

    kwargs = _get_kwargs(
        sku_ids=sku_ids,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    sku_ids: str,
    *,
    client: AuthenticatedClient | Client,
) -> Any | GetMarketplaceListingDetailsResponse | None:
    """Get listings for SKUs

    Args:
        sku_ids (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | GetMarketplaceListingDetailsResponse
    """

    return sync_detailed(
        sku_ids=sku_ids,
        client=client,
    ).parsed


async def asyncio_detailed(
    sku_ids: str,
    *,
    client: AuthenticatedClient | Client,
) -> Response[Any | GetMarketplaceListingDetailsResponse]:
    """Get listings for SKUs

    Args:
        sku_ids (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | GetMarketplaceListingDetailsResponse]
    """

    kwargs = _get_kwargs(
        sku_ids=sku_ids,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    sku_ids: str,
    *,
    client: AuthenticatedClient | Client,
) -> Any | GetMarketplaceListingDetailsResponse | None:
    """Get listings for SKUs

    Args:
        sku_ids (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | GetMarketplaceListingDetailsResponse
    """

    return (
        await asyncio_detailed(
            sku_ids=sku_ids,
            client=client,
        )
    ).parsed
