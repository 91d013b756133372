# Generated from openapi/flipkart-seller-api.json by scripts/regenerate.py. Do not edit:
# change scripts/spec_fixups.py, openapi/generator-config.yaml or openapi/templates/.
from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.shipment_details_response_v3 import ShipmentDetailsResponseV3
from ...types import Response


def _get_kwargs(
    shipment_ids: str,
) -> dict[str, Any]:

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v3/shipments/{shipment_ids}".format(
            shipment_ids=quote(str(shipment_ids), safe=""),
        ),
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ShipmentDetailsResponseV3 | None:
    if response.status_code == 200:
        response_200 = ShipmentDetailsResponseV3.from_dict(response.json())

        return response_200

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ShipmentDetailsResponseV3]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    shipment_ids: str,
    *,
    client: AuthenticatedClient | Client,
) -> Response[ShipmentDetailsResponseV3]:
    """Get shipping related details for shipments

    Args:
        shipment_ids (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ShipmentDetailsResponseV3]
    """

    kwargs = _get_kwargs(
        shipment_ids=shipment_ids,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    shipment_ids: str,
    *,
    client: AuthenticatedClient | Client,
) -> ShipmentDetailsResponseV3 | None:
    """Get shipping related details for shipments

    Args:
        shipment_ids (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ShipmentDetailsResponseV3
    """

    return sync_detailed(
        shipment_ids=shipment_ids,
        client=client,
    ).parsed


async def asyncio_detailed(
    shipment_ids: str,
    *,
    client: AuthenticatedClient | Client,
) -> Response[ShipmentDetailsResponseV3]:
    """Get shipping related details for shipments

    Args:
        shipment_ids (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ShipmentDetailsResponseV3]
    """

    kwargs = _get_kwargs(
        shipment_ids=shipment_ids,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    shipment_ids: str,
    *,
    client: AuthenticatedClient | Client,
) -> ShipmentDetailsResponseV3 | None:
    """Get shipping related details for shipments

    Args:
        shipment_ids (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ShipmentDetailsResponseV3
    """

    return (
        await asyncio_detailed(
            shipment_ids=shipment_ids,
            client=client,
        )
    ).parsed
