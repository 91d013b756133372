# Generated from openapi/flipkart-seller-api.json by scripts/regenerate.py. Do not edit:
# change scripts/spec_fixups.py, openapi/generator-config.yaml or openapi/templates/.
from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.selfship_dispatch_request_v3 import SelfshipDispatchRequestV3
from ...models.shipments_dispatch_response_v2 import ShipmentsDispatchResponseV2
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: SelfshipDispatchRequestV3 | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v3/shipments/selfShip/dispatch",
    }

    if not isinstance(body, Unset):
        _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ShipmentsDispatchResponseV2 | None:
    if response.status_code == 200:
        response_200 = ShipmentsDispatchResponseV2.from_dict(response.json())

        return response_200

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ShipmentsDispatchResponseV2]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: SelfshipDispatchRequestV3 | Unset = UNSET,
) -> Response[ShipmentsDispatchResponseV2]:
    """Mark self-ship shipments dispatched

    Args:
        body (SelfshipDispatchRequestV3 | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ShipmentsDispatchResponseV2]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    body: SelfshipDispatchRequestV3 | Unset = UNSET,
) -> ShipmentsDispatchResponseV2 | None:
    """Mark self-ship shipments dispatched

    Args:
        body (SelfshipDispatchRequestV3 | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ShipmentsDispatchResponseV2
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: SelfshipDispatchRequestV3 | Unset = UNSET,
) -> Response[ShipmentsDispatchResponseV2]:
    """Mark self-ship shipments dispatched

    Args:
        body (SelfshipDispatchRequestV3 | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ShipmentsDispatchResponseV2]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: SelfshipDispatchRequestV3 | Unset = UNSET,
) -> ShipmentsDispatchResponseV2 | None:
    """Mark self-ship shipments dispatched

    Args:
        body (SelfshipDispatchRequestV3 | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ShipmentsDispatchResponseV2
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
