# Generated from openapi/flipkart-seller-api.json by scripts/regenerate.py. Do not edit:
# change scripts/spec_fixups.py, openapi/generator-config.yaml or openapi/templates/.
from http import HTTPStatus
from io import BytesIO
from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...types import UNSET, File, Response, Unset


def _get_kwargs(
    shipment_ids: str,
    *,
    reprint: bool | Unset = False,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["reprint"] = reprint

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v3/shipments/{shipment_ids}/labelOnly/pdf".format(
            shipment_ids=quote(str(shipment_ids), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> File | None:
    if response.status_code == 200:
        response_200 = File(payload=BytesIO(response.content))

        return response_200

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[File]:
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
    reprint: bool | Unset = False,
) -> Response[File]:
    """Download labels in PDF format for shipments

    Args:
        shipment_ids (str):
        reprint (bool | Unset):  Default: False.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[File]
    """

    kwargs = _get_kwargs(
        shipment_ids=shipment_ids,
        reprint=reprint,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    shipment_ids: str,
    *,
    client: AuthenticatedClient | Client,
    reprint: bool | Unset = False,
) -> File | None:
    """Download labels in PDF format for shipments

    Args:
        shipment_ids (str):
        reprint (bool | Unset):  Default: False.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        File
    """

    return sync_detailed(
        shipment_ids=shipment_ids,
        client=client,
        reprint=reprint,
    ).parsed


async def asyncio_detailed(
    shipment_ids: str,
    *,
    client: AuthenticatedClient | Client,
    reprint: bool | Unset = False,
) -> Response[File]:
    """Download labels in PDF format for shipments

    Args:
        shipment_ids (str):
        reprint (bool | Unset):  Default: False.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[File]
    """

    kwargs = _get_kwargs(
        shipment_ids=shipment_ids,
        reprint=reprint,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    shipment_ids: str,
    *,
    client: AuthenticatedClient | Client,
    reprint: bool | Unset = False,
) -> File | None:
    """Download labels in PDF format for shipments

    Args:
        shipment_ids (str):
        reprint (bool | Unset):  Default: False.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        File
    """

    return (
        await asyncio_detailed(
            shipment_ids=shipment_ids,
            client=client,
            reprint=reprint,
        )
    ).parsed
