"""Typed errors: status mapping, liberal body parsing, no secrets in text."""

from __future__ import annotations

import json
from typing import Any

import httpx
import pytest

from flipkart_ext._async.http import read_answer
from flipkart_ext._core.answers import parse_error_body, status_error
from flipkart_ext._core.calls import Call
from flipkart_ext.errors import (
    APIConnectionError,
    APIStatusError,
    APITimeoutError,
    AuthenticationError,
    FlipkartError,
    InvalidRequest,
    NotFound,
    PermissionDenied,
    RateLimitError,
    ReauthorizationRequired,
    ServerError,
)

URL = "https://sandbox-api.flipkart.net/oauth-service/oauth/token?grant_type=refresh_token&refresh_token=RT-9-secretvalue"


def error_for_response(response: httpx.Response, **options: Any) -> APIStatusError:
    """The typed error of an answer, as the I/O path builds it (``status_error``)."""
    try:
        content = response.content
    except httpx.ResponseNotRead:
        content = b""
    return status_error(
        status=response.status_code,
        headers=response.headers,
        content=content,
        method=response.request.method,
        url=response.request.url,
        **options,
    )


def raise_for_response(response: httpx.Response) -> None:
    if not response.is_success:
        raise error_for_response(response)


def _response(
    status: int, *, body: object = None, content: bytes | None = None, **kw: object
) -> httpx.Response:
    request = httpx.Request("GET", URL)
    if body is not None:
        return httpx.Response(status, json=body, request=request, **kw)  # type: ignore[arg-type]
    return httpx.Response(status, content=content or b"", request=request, **kw)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("status", "cls"),
    [
        (400, InvalidRequest),
        (401, AuthenticationError),
        (403, PermissionDenied),
        (404, NotFound),
        (409, APIStatusError),
        (422, InvalidRequest),
        (429, RateLimitError),
        (499, ServerError),
        (500, ServerError),
        (503, ServerError),
        (520, ServerError),
    ],
)
def test_status_maps_to_its_error(status: int, cls: type[APIStatusError]) -> None:
    with pytest.raises(cls) as caught:
        raise_for_response(_response(status, body={"message": "m"}))
    assert type(caught.value) is cls
    assert caught.value.status_code == status
    assert isinstance(caught.value, FlipkartError)


def test_success_does_not_raise() -> None:
    for status in (200, 202, 204):
        raise_for_response(_response(status))


def test_hierarchy() -> None:
    assert issubclass(ReauthorizationRequired, AuthenticationError)
    assert issubclass(APITimeoutError, APIConnectionError)
    for cls in (
        AuthenticationError,
        PermissionDenied,
        NotFound,
        InvalidRequest,
        RateLimitError,
        ServerError,
    ):
        assert issubclass(cls, APIStatusError)
    assert not issubclass(APIConnectionError, APIStatusError)


@pytest.mark.parametrize(
    ("body", "code", "message"),
    [
        (
            {"error": "invalid_grant", "error_description": "Refresh token expired"},
            "invalid_grant",
            "Refresh token expired",
        ),
        (
            {
                "errors": [
                    {"code": 4001, "description": "bad sku", "severity": "ERROR", "path": "sku"},
                    {"description": "and more"},
                ]
            },
            "4001",
            "bad sku; and more",
        ),
        (
            {"errorCode": "SHIPMENT_NOT_FOUND", "errorMessage": "No such shipment"},
            "SHIPMENT_NOT_FOUND",
            "No such shipment",
        ),
        ({"code": "E1", "message": "broken"}, "E1", "broken"),
        ({"error": {"code": 12, "message": "nested"}}, "12", "nested"),
        ({"status": "FAILURE", "unknown": [1, 2]}, None, None),
        ([{"code": "X", "description": "listed"}], "X", "listed"),
        ({"error": None, "message": None}, None, None),
        ("just a string", None, "just a string"),
    ],
)
def test_error_bodies_are_parsed_liberally(
    body: object, code: str | None, message: str | None
) -> None:
    parsed_code, parsed_message, _ = parse_error_body(json.dumps(body).encode())
    assert (parsed_code, parsed_message) == (code, message)


def test_non_json_bodies() -> None:
    assert parse_error_body(b"") == (None, None, None)
    assert parse_error_body(b"<html><body>Bad gateway</body></html>") == (None, None, None)
    assert parse_error_body(b"upstream timed out")[1] == "upstream timed out"
    assert parse_error_body(b"\xff\xfe{")[2] is None  # undecodable: never raises


def test_error_carries_status_code_message_headers_and_redacted_url() -> None:
    error = error_for_response(
        _response(
            404,
            body={"errors": [{"code": 404, "description": "missing"}]},
            headers={"X-Request-Id": "req-1"},
        )
    )
    assert isinstance(error, NotFound)
    assert (error.status_code, error.code, error.message) == (404, "404", "missing")
    assert error.headers["x-request-id"] == "req-1"
    assert error.method == "GET"
    assert error.url is not None and "RT-9-secretvalue" not in error.url
    assert error.url.endswith("?grant_type=refresh_token&refresh_token=[REDACTED]")
    text = str(error)
    assert text.startswith("HTTP 404 [404]: missing (GET https://sandbox-api.flipkart.net/")
    assert "RT-9-secretvalue" not in text and "RT-9-secretvalue" not in repr(error)


def test_rate_limit_error_has_retry_after() -> None:
    error = error_for_response(_response(429, headers={"Retry-After": "17"}))
    assert isinstance(error, RateLimitError)
    assert error.retry_after == 17
    assert error_for_response(_response(429)).retry_after is None  # type: ignore[attr-defined]


def test_echoed_secrets_are_scrubbed() -> None:
    body = {
        "error": "invalid_grant",
        "error_description": "Invalid refresh token: RT-9-secretvalue",
    }
    error = error_for_response(
        _response(400, body=body), error_class=ReauthorizationRequired, secrets=["RT-9-secretvalue"]
    )
    assert isinstance(error, ReauthorizationRequired)
    assert "RT-9-secretvalue" not in str(error)
    assert "[REDACTED]" in str(error)
    assert error.body == {
        "error": "invalid_grant",
        "error_description": "Invalid refresh token: [REDACTED]",
    }


def test_unknown_reason_phrase_does_not_crash() -> None:
    error = error_for_response(_response(499))
    assert error.status_code == 499
    assert str(error).startswith("HTTP 499")


def test_connection_error_wraps_without_secrets() -> None:
    request = httpx.Request("GET", URL)
    wrapped = APIConnectionError.from_transport_error(
        httpx.ConnectError("refused", request=request)
    )
    assert type(wrapped) is APIConnectionError
    assert "RT-9-secretvalue" not in str(wrapped)
    assert wrapped.method == "GET"
    timeout = APIConnectionError.from_transport_error(httpx.ReadTimeout("slow", request=request))
    assert isinstance(timeout, APITimeoutError)
    bare = APIConnectionError.from_transport_error(httpx.ConnectError("no request"))
    assert bare.url is None and "ConnectError" in str(bare)


async def test_an_unread_async_stream_is_read_into_its_typed_error() -> None:
    async def body() -> object:
        yield b'{"error": "invalid_token", "error_description": "expired"}'

    response = httpx.Response(401, content=body(), request=httpx.Request("GET", URL))
    with pytest.raises(AuthenticationError) as caught:
        await read_answer(response, Call("GET", URL, operation="oauth.token"))
    assert (caught.value.code, caught.value.message) == ("invalid_token", "expired")
    assert caught.value.operation == "oauth.token"


def test_an_unread_stream_still_gives_a_typed_error() -> None:
    async def body() -> object:
        yield b"{}"

    response = httpx.Response(503, content=body(), request=httpx.Request("GET", URL))
    error = error_for_response(response)
    assert isinstance(error, ServerError) and error.message == "Service Unavailable"
