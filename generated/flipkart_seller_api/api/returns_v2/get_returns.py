# Generated from openapi/flipkart-seller-api.json by scripts/regenerate.py. Do not edit:
# change scripts/spec_fixups.py, openapi/generator-config.yaml or openapi/templates/.
from http import HTTPStatus
from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.returns_search_response_v2 import ReturnsSearchResponseV2
from ...types import UNSET, Response, Unset


def _get_kwargs(
    *,
    source: str | Unset = UNSET,
    modified_after: str | Unset = UNSET,
    modified_before: str | Unset = UNSET,
    created_after: str | Unset = UNSET,
    created_before: str | Unset = UNSET,
    return_ids: str | Unset = UNSET,
    tracking_ids: str | Unset = UNSET,
    location_id: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["source"] = source

    params["modifiedAfter"] = modified_after

    params["modifiedBefore"] = modified_before

    params["createdAfter"] = created_after

    params["createdBefore"] = created_before

    params["returnIds"] = return_ids

    params["trackingIds"] = tracking_ids

    params["locationId"] = location_id

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v2/returns",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> ReturnsSearchResponseV2 | None:
    if response.status_code == 200:
        response_200 = ReturnsSearchResponseV2.from_dict(response.json())

        return response_200

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[ReturnsSearchResponseV2]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    source: str | Unset = UNSET,
    modified_after: str | Unset = UNSET,
    modified_before: str | Unset = UNSET,
    created_after: str | Unset = UNSET,
    created_before: str | Unset = UNSET,
    return_ids: str | Unset = UNSET,
    tracking_ids: str | Unset = UNSET,
    location_id: str | Unset = UNSET,
) -> Response[ReturnsSearchResponseV2]:
    """Fetch returns

    Args:
        source (str | Unset):
        modified_after (str | Unset):
        modified_before (str | Unset):
        created_after (str | Unset):
        created_before (str | Unset):
        return_ids (str | Unset):
        tracking_ids (str | Unset):
        location_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ReturnsSearchResponseV2]
    """

    kwargs = _get_kwargs(
        source=source,
        modified_after=modified_after,
        modified_before=modified_before,
        created_after=created_after,
        created_before=created_before,
        return_ids=return_ids,
        tracking_ids=tracking_ids,
        location_id=location_id,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    source: str | Unset = UNSET,
    modified_after: str | Unset = UNSET,
    modified_before: str | Unset = UNSET,
    created_after: str | Unset = UNSET,
    created_before: str | Unset = UNSET,
    return_ids: str | Unset = UNSET,
    tracking_ids: str | Unset = UNSET,
    location_id: str | Unset = UNSET,
) -> ReturnsSearchResponseV2 | None:
    """Fetch returns

    Args:
        source (str | Unset):
        modified_after (str | Unset):
        modified_before (str | Unset):
        created_after (str | Unset):
        created_before (str | Unset):
        return_ids (str | Unset):
        tracking_ids (str | Unset):
        location_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ReturnsSearchResponseV2
    """

    return sync_detailed(
        client=client,
        source=source,
        modified_after=modified_after,
        modified_before=modified_before,
        created_after=created_after,
        created_before=created_before,
        return_ids=return_ids,
        tracking_ids=tracking_ids,
        location_id=location_id,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    source: str | Unset = UNSET,
    modified_after: str | Unset = UNSET,
    modified_before: str | Unset = UNSET,
    created_after: str | Unset = UNSET,
    created_before: str | Unset = UNSET,
    return_ids: str | Unset = UNSET,
    tracking_ids: str | Unset = UNSET,
    location_id: str | Unset = UNSET,
) -> Response[ReturnsSearchResponseV2]:
    """Fetch returns

    Args:
        source (str | Unset):
        modified_after (str | Unset):
        modified_before (str | Unset):
        created_after (str | Unset):
        created_before (str | Unset):
        return_ids (str | Unset):
        tracking_ids (str | Unset):
        location_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ReturnsSearchResponseV2]
    """

    kwargs = _get_kwargs(
        source=source,
        modified_after=modified_after,
        modified_before=modified_before,
        created_after=created_after,
        created_before=created_before,
        return_ids=return_ids,
        tracking_ids=tracking_ids,
        location_id=location_id,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    source: str | Unset = UNSET,
    modified_after: str | Unset = UNSET,
    modified_before: str | Unset = UNSET,
    created_after: str | Unset = UNSET,
    created_before: str | Unset = UNSET,
    return_ids: str | Unset = UNSET,
    tracking_ids: str | Unset = UNSET,
    location_id: str | Unset = UNSET,
) -> ReturnsSearchResponseV2 | None:
    """Fetch returns

    Args:
        source (str | Unset):
        modified_after (str | Unset):
        modified_before (str | Unset):
        created_after (str | Unset):
        created_before (str | Unset):
        return_ids (str | Unset):
        tracking_ids (str | Unset):
        location_id (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ReturnsSearchResponseV2
    """

    return (
        await asyncio_detailed(
            client=client,
            source=source,
            modified_after=modified_after,
            modified_before=modified_before,
            created_after=created_after,
            created_before=created_before,
            return_ids=return_ids,
            tracking_ids=tracking_ids,
            location_id=location_id,
        )
    ).parsed
