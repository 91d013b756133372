# Generated from openapi/flipkart-seller-api.json by scripts/regenerate.py. Do not edit:
# change scripts/spec_fixups.py, openapi/generator-config.yaml or openapi/templates/.
from http import HTTPStatus
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.reverse_otc_response import ReverseOTCResponse
from ...types import UNSET, Response, Unset


def _get_kwargs(
    location_id: str,
    *,
    request_type: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["requestType"] = request_type

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v3/shipments/otc/{location_id}".format(
            location_id=quote(str(location_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ReverseOTCResponse | None:
    if response.status_code == 200:
        response_200 = ReverseOTCResponse.from_dict(response.json())

        return response_200

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ReverseOTCResponse]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    location_id: str,
    *,
    client: AuthenticatedClient | Client,
    request_type: str | Unset = UNSET,
) -> Response[ReverseOTCResponse]:
    """Get Returns OTC

    Args:
        location_id (str):
        request_type (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ReverseOTCResponse]
    """

    kwargs = _get_kwargs(
        location_id=location_id,
        request_type=request_type,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    location_id: str,
    *,
    client: AuthenticatedClient | Client,
    request_type: str | Unset = UNSET,
) -> ReverseOTCResponse | None:
    """Get Returns OTC

    Args:
        location_id (str):
        request_type (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ReverseOTCResponse
    """

    return sync_detailed(
        location_id=location_id,
        client=client,
        request_type=request_type,
    ).parsed


async def asyncio_detailed(
    location_id: str,
    *,
    client: AuthenticatedClient | Client,
    request_type: str | Unset = UNSET,
) -> Response[ReverseOTCResponse]:
    """Get Returns OTC

    Args:
        location_id (str):
        request_type (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ReverseOTCResponse]
    """

    kwargs = _get_kwargs(
        location_id=location_id,
        request_type=request_type,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    location_id: str,
    *,
    client: AuthenticatedClient | Client,
    request_type: str | Unset = UNSET,
) -> ReverseOTCResponse | None:
    """Get Returns OTC

    Args:
        location_id (str):
        request_type (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ReverseOTCResponse
    """

    return (
        await asyncio_detailed(
            location_id=location_id,
            client=client,
            request_type=request_type,
        )
    ).parsed
