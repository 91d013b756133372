# Generated from openapi/flipkart-seller-api.json by scripts/regenerate.py. Do not edit:
# change scripts/spec_fixups.py, openapi/generator-config.yaml or openapi/templates/.
from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.returns_action_response_v2 import ReturnsActionResponseV2
from ...models.self_ship_return_pickup_attempt_requests import (
    SelfShipReturnPickupAttemptRequests,
)
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    body: SelfShipReturnPickupAttemptRequests | Unset = UNSET,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v2/returns/pickupAttempt",
    }

    if not isinstance(body, Unset):
        _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ReturnsActionResponseV2 | None:
    if response.status_code == 200:
        response_200 = ReturnsActionResponseV2.from_dict(response.json())

        return response_200

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ReturnsActionResponseV2]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: SelfShipReturnPickupAttemptRequests | Unset = UNSET,
) -> Response[ReturnsActionResponseV2]:
    """Update self-ship returns pickup attempt

    Args:
        body (SelfShipReturnPickupAttemptRequests | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ReturnsActionResponseV2]
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
    body: SelfShipReturnPickupAttemptRequests | Unset = UNSET,
) -> ReturnsActionResponseV2 | None:
    """Update self-ship returns pickup attempt

    Args:
        body (SelfShipReturnPickupAttemptRequests | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ReturnsActionResponseV2
    """

    return sync_detailed(
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    body: SelfShipReturnPickupAttemptRequests | Unset = UNSET,
) -> Response[ReturnsActionResponseV2]:
    """Update self-ship returns pickup attempt

    Args:
        body (SelfShipReturnPickupAttemptRequests | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ReturnsActionResponseV2]
    """

    kwargs = _get_kwargs(
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    body: SelfShipReturnPickupAttemptRequests | Unset = UNSET,
) -> ReturnsActionResponseV2 | None:
    """Update self-ship returns pickup attempt

    Args:
        body (SelfShipReturnPickupAttemptRequests | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ReturnsActionResponseV2
    """

    return (
        await asyncio_detailed(
            client=client,
            body=body,
        )
    ).parsed
