# Generated from openapi/flipkart-seller-api.json by scripts/regenerate.py. Do not edit:
# change scripts/spec_fixups.py, openapi/generator-config.yaml or openapi/templates/.
from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.shipment_response import ShipmentResponse
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    shipment_ids: str | Unset = UNSET,
    order_item_ids: str | Unset = UNSET,
    order_ids: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["shipmentIds"] = shipment_ids

    params["orderItemIds"] = order_item_ids

    params["orderIds"] = order_ids

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v3/shipments",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ShipmentResponse | None:
    if response.status_code == 200:
        response_200 = ShipmentResponse.from_dict(response.json())

        return response_200

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ShipmentResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    shipment_ids: str | Unset = UNSET,
    order_item_ids: str | Unset = UNSET,
    order_ids: str | Unset = UNSET,
) -> Response[ShipmentResponse]:
    """Get order details for given shipment or order ids

    Args:
        shipment_ids (str | Unset):
        order_item_ids (str | Unset):
        order_ids (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ShipmentResponse]
    """

    kwargs = _get_kwargs(
        shipment_ids=shipment_ids,
        order_item_ids=order_item_ids,
        order_ids=order_ids,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    shipment_ids: str | Unset = UNSET,
    order_item_ids: str | Unset = UNSET,
    order_ids: str | Unset = UNSET,
) -> ShipmentResponse | None:
    """Get order details for given shipment or order ids

    Args:
        shipment_ids (str | Unset):
        order_item_ids (str | Unset):
        order_ids (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ShipmentResponse
    """

    return sync_detailed(
        client=client,
        shipment_ids=shipment_ids,
        order_item_ids=order_item_ids,
        order_ids=order_ids,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    shipment_ids: str | Unset = UNSET,
    order_item_ids: str | Unset = UNSET,
    order_ids: str | Unset = UNSET,
) -> Response[ShipmentResponse]:
    """Get order details for given shipment or order ids

    Args:
        shipment_ids (str | Unset):
        order_item_ids (str | Unset):
        order_ids (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ShipmentResponse]
    """

    kwargs = _get_kwargs(
        shipment_ids=shipment_ids,
        order_item_ids=order_item_ids,
        order_ids=order_ids,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    shipment_ids: str | Unset = UNSET,
    order_item_ids: str | Unset = UNSET,
    order_ids: str | Unset = UNSET,
) -> ShipmentResponse | None:
    """Get order details for given shipment or order ids

    Args:
        shipment_ids (str | Unset):
        order_item_ids (str | Unset):
        order_ids (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ShipmentResponse
    """

    return (
        await asyncio_detailed(
            client=client,
            shipment_ids=shipment_ids,
            order_item_ids=order_item_ids,
            order_ids=order_ids,
        )
    ).parsed
