# Generated from openapi/flipkart-seller-api.json by scripts/regenerate.py. Do not edit:
# change scripts/spec_fixups.py, openapi/generator-config.yaml or openapi/templates/.
from http import HTTPStatus
from typing import Any, cast

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.vendor_group_code_details_response_v3 import (
    VendorGroupCodeDetailsResponseV3,
)
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    location_id: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["locationId"] = location_id

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v3/shipments/handover/counts",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> list[None | VendorGroupCodeDetailsResponseV3] | None:
    if response.status_code == 200:
        from ...errors import PayloadError

        response_200 = []
        _response_200 = response.json()
        for response_200_index, response_200_item_data in enumerate(_response_200):
            try:

                def _parse_response_200_item(
                    data: object,
                ) -> None | VendorGroupCodeDetailsResponseV3:
                    if data is None:
                        return data
                    try:
                        if not isinstance(data, dict):
                            raise TypeError()
                        response_200_item_type_1 = (
                            VendorGroupCodeDetailsResponseV3.from_dict(data)
                        )

                        return response_200_item_type_1
                    except (TypeError, ValueError, AttributeError, KeyError):
                        pass
                    return cast(None | VendorGroupCodeDetailsResponseV3, data)

                response_200_item = _parse_response_200_item(response_200_item_data)

            except PayloadError as _payload_error:
                raise _payload_error.within_index(
                    response_200_index, _payload_error.model
                ) from None
            response_200.append(response_200_item)

        return response_200

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[list[None | VendorGroupCodeDetailsResponseV3]]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    location_id: str | Unset = UNSET,
) -> Response[list[None | VendorGroupCodeDetailsResponseV3]]:
    """Get shipment handover counts per vendor

    Args:
        location_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[list[None | VendorGroupCodeDetailsResponseV3]]
    """

    kwargs = _get_kwargs(
        location_id=location_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    location_id: str | Unset = UNSET,
) -> list[None | VendorGroupCodeDetailsResponseV3] | None:
    """Get shipment handover counts per vendor

    Args:
        location_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        list[None | VendorGroupCodeDetailsResponseV3]
    """

    return sync_detailed(
        client=client,
        location_id=location_id,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    location_id: str | Unset = UNSET,
) -> Response[list[None | VendorGroupCodeDetailsResponseV3]]:
    """Get shipment handover counts per vendor

    Args:
        location_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[list[None | VendorGroupCodeDetailsResponseV3]]
    """

    kwargs = _get_kwargs(
        location_id=location_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    location_id: str | Unset = UNSET,
) -> list[None | VendorGroupCodeDetailsResponseV3] | None:
    """Get shipment handover counts per vendor

    Args:
        location_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        list[None | VendorGroupCodeDetailsResponseV3]
    """

    return (
        await asyncio_detailed(
            client=client,
            location_id=location_id,
        )
    ).parsed
