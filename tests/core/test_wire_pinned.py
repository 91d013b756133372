"""The I/O path pinned down (``Wire.send``): size caps, strict decoding, and every failure of
an answer's body typed and named after its operation.

Answers come from an ``httpx.MockTransport`` whose bodies are streamed in chunks, so the
body is read by the I/O path itself, as from a socket.
"""

from __future__ import annotations

import email.utils
import gzip
import json
from collections.abc import Callable, Iterator
from typing import Any

import httpx
import pytest
from flipkart_seller_api.api.shipment_v3 import get_shipment_details

import flipkart_ext._sync.http as http_module
from flipkart_ext import (
    APIConnectionError,
    ClientClosed,
    FlipkartClient,
    InternalError,
    InvalidArgument,
    MalformedResponse,
    RateLimitError,
    RetryPolicy,
    ServerError,
)
from flipkart_ext._core.calls import Call, Expect
from flipkart_ext._sync.http import Wire
from flipkart_ext._sync.transports import RetryTransport
from tests.core._fakes import CLIENT_ID, CLIENT_SECRET, FakeFlipkart

TOKEN_PATH = "/oauth-service/oauth/token"


def _wire(answer: Any, **options: Any) -> Wire:
    def handler(request: httpx.Request) -> httpx.Response:
        return answer() if callable(answer) else answer

    http = httpx.Client(base_url="https://api.test", transport=httpx.MockTransport(handler))
    return Wire(http, **options)


def _retrying_wire(answer: Any) -> Wire:
    """A wire whose answers come through the retry transport, which reads each body whole
    inside its loop and hands the kept bytes to the I/O path (the path real answers take)."""

    def handler(request: httpx.Request) -> httpx.Response:
        return answer() if callable(answer) else answer

    transport = RetryTransport(httpx.MockTransport(handler), RetryPolicy(max_attempts=1))
    return Wire(httpx.Client(base_url="https://api.test", transport=transport))


def _chunks(*parts: bytes) -> Iterator[bytes]:
    yield from parts


def _streamed(*parts: bytes, coding: str | None = None) -> Any:
    headers = {"Content-Encoding": coding} if coding else {}
    return lambda: httpx.Response(200, headers=headers, content=_chunks(*parts))


# A coding this package does not undo itself (httpx passes an unknown one through as it came):
# the body is read as httpx hands it over, and counted here.
OTHER = "x-other"


JSON_CALL = Call("GET", "/things", operation="things.list")
PDF_CALL = Call("GET", "/label", operation="labels.get", expect=Expect.PDF)


# -- size caps, counted over every chunk --------------------------------------------------------


@pytest.mark.parametrize("coding", [None, OTHER])
def test_a_json_answer_is_read_whole_from_its_chunks_up_to_its_cap(
    monkeypatch: pytest.MonkeyPatch, coding: str | None
) -> None:
    monkeypatch.setattr(http_module, "MAX_JSON_BYTES", 12)
    body = b'{"a":', b" [1,", b"2]}"  # 12 bytes
    assert _wire(_streamed(*body, coding=coding)).send(JSON_CALL).body == {"a": [1, 2]}


@pytest.mark.parametrize(
    ("coding", "why"),
    [
        (None, ": decodes to more than the size accepted"),
        (OTHER, " is larger than the 12 bytes accepted"),
    ],
)
def test_a_json_answer_one_byte_over_its_cap_is_refused_naming_the_call(
    monkeypatch: pytest.MonkeyPatch, coding: str | None, why: str
) -> None:
    monkeypatch.setattr(http_module, "MAX_JSON_BYTES", 12)
    with pytest.raises(MalformedResponse) as caught:
        _wire(_streamed(b'{"a":', b" [1,", b"2] }", coding=coding)).send(JSON_CALL)  # 13 bytes
    assert str(caught.value) == f"the answer to things.list (GET /things){why}"
    assert caught.value.operation == "things.list"


@pytest.mark.parametrize("coding", [None, OTHER])
def test_a_document_has_its_own_larger_cap(
    monkeypatch: pytest.MonkeyPatch, coding: str | None
) -> None:
    monkeypatch.setattr(http_module, "MAX_JSON_BYTES", 8)
    monkeypatch.setattr(http_module, "MAX_DOCUMENT_BYTES", 12)
    pdf = b"%PDF-", b"1.4 ", b"xyz"  # 12 bytes
    assert _wire(_streamed(*pdf, coding=coding)).send(PDF_CALL).body == b"%PDF-1.4 xyz"
    with pytest.raises(MalformedResponse, match=r"accepted$"):
        _wire(_streamed(*pdf, b"!", coding=coding)).send(PDF_CALL)


# -- strict decoding ----------------------------------------------------------------------------


@pytest.mark.parametrize("wire", [_wire, _retrying_wire], ids=["streamed", "kept"])
def test_a_gzip_answer_is_undone_and_a_cut_one_refused_naming_the_call(
    wire: Callable[[Any], Wire],
) -> None:
    packed = gzip.compress(json.dumps({"a": 1}).encode())
    whole = wire(_streamed(packed[:10], packed[10:], coding="gzip"))
    assert whole.send(JSON_CALL).body == {"a": 1}
    cut = wire(_streamed(packed[:-6], coding="gzip"))
    with pytest.raises(MalformedResponse) as caught:
        cut.send(JSON_CALL)
    assert str(caught.value).startswith("the answer to things.list (GET /things): ")
    assert caught.value.operation == "things.list"


# -- a body that fails while it is read ---------------------------------------------------------


def _failing(error: Exception) -> Any:
    def parts() -> Iterator[bytes]:
        yield b'{"a": '
        raise error

    return lambda: httpx.Response(200, content=parts())


def test_a_body_whose_decoding_fails_is_malformed_naming_the_call() -> None:
    with pytest.raises(MalformedResponse) as caught:
        _wire(_failing(httpx.DecodingError("bad brotli"))).send(JSON_CALL)
    assert str(caught.value) == (
        "the answer to things.list (GET /things) could not be decoded (its Content-Encoding "
        "is corrupt: DecodingError)"
    )
    assert caught.value.operation == "things.list"


def test_a_body_cut_by_the_network_is_a_connection_error_naming_the_call() -> None:
    def parts() -> Iterator[bytes]:
        yield b'{"a": '
        raise httpx.ReadError("connection reset")

    with pytest.raises(APIConnectionError) as caught:
        _wire(lambda: httpx.Response(200, content=parts())).send(JSON_CALL)
    assert str(caught.value) == "ReadError: connection reset (GET https://api.test/things)"
    assert caught.value.operation == "things.list"


# -- what a status error carries ----------------------------------------------------------------


def test_a_status_error_names_the_method_and_url_sent() -> None:
    with pytest.raises(ServerError) as caught:
        _wire(httpx.Response(500, json={})).send(JSON_CALL)
    assert (caught.value.method, caught.value.url) == ("GET", "https://api.test/things")
    assert caught.value.operation == "things.list"


def test_a_429_date_is_read_against_the_wires_clock() -> None:
    headers = {"Retry-After": email.utils.formatdate(1045, usegmt=True)}
    wire = _wire(httpx.Response(429, headers=headers, json={}), clock=lambda: 1000.0)
    with pytest.raises(RateLimitError) as caught:
        wire.send(JSON_CALL)
    assert caught.value.retry_after == 45.0


# -- the operation named ------------------------------------------------------------------------


def test_an_error_that_names_its_own_operation_keeps_it() -> None:
    fake = FakeFlipkart()
    fake.push("GET", TOKEN_PATH, httpx.Response(500, json={}))
    with (
        FlipkartClient(
            CLIENT_ID, CLIENT_SECRET, transport=fake.transport(), retry=RetryPolicy.disabled()
        ) as client,
        pytest.raises(ServerError) as caught,
    ):
        client.call(get_shipment_details, "S1")
    assert caught.value.operation == "oauth.token"


def test_a_transport_failure_is_named_after_the_call() -> None:
    def refuse(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("refused", request=request)

    wire = Wire(httpx.Client(base_url="https://api.test", transport=httpx.MockTransport(refuse)))
    with pytest.raises(APIConnectionError) as caught:
        wire.send(JSON_CALL)
    assert caught.value.operation == "things.list"


# -- where a call goes, and how it is sent --------------------------------------------------------


def _seen(**options: Any) -> tuple[Wire, list[httpx.Request]]:
    """A wire whose server answers ``{}`` and keeps every request it was sent."""
    sent: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        sent.append(request)
        return httpx.Response(200, json={})

    base = options.pop("base_url", "https://api.test")
    http = httpx.Client(base_url=base, transport=httpx.MockTransport(handler), **options)
    return Wire(http), sent


@pytest.mark.parametrize("api_base", ["https://api.test/sellers", "https://api.test/sellers//"])
def test_operation_paths_go_under_the_api_base_and_absolute_urls_as_they_are(
    api_base: str,
) -> None:
    sent: list[httpx.Request] = []

    def handler(request: httpx.Request) -> httpx.Response:
        sent.append(request)
        return httpx.Response(200, json={})

    http = httpx.Client(transport=httpx.MockTransport(handler))
    wire = Wire(http, api_base=api_base)
    wire.send(Call("GET", "/v3/things", params={"q": "1"}))
    wire.send(Call("GET", "https://files.test/label.pdf", expect=Expect.ANY))
    assert [str(r.url) for r in sent] == [
        "https://api.test/sellers/v3/things?q=1",
        "https://files.test/label.pdf",
    ]


def test_without_an_api_base_paths_go_under_the_clients_base_url() -> None:
    wire, sent = _seen(base_url="https://api.test/base/")
    wire.send(Call("POST", "/v3/things", {"a": 1}, headers={"X-Extra": "yes"}))
    assert str(sent[0].url) == "https://api.test/base/v3/things"
    assert sent[0].method == "POST"
    assert json.loads(sent[0].content) == {"a": 1}
    assert sent[0].headers["X-Extra"] == "yes"


def test_a_calls_extensions_reach_the_transport() -> None:
    wire, sent = _seen()
    wire.send(Call("GET", "/v3/things", extensions={"flipkart_ext.note": "kept"}))
    assert sent[0].extensions["flipkart_ext.note"] == "kept"


def test_a_token_request_is_sent_without_the_clients_auth() -> None:
    class Stamp(httpx.Auth):
        def auth_flow(self, request: httpx.Request) -> Iterator[httpx.Request]:
            request.headers["Authorization"] = "Bearer stamped"
            yield request

    wire, sent = _seen(auth=Stamp())
    wire.send(Call("POST", "/oauth/token", token_request=True))
    wire.send(Call("GET", "/v3/things"))
    assert [r.headers.get("Authorization") for r in sent] == [None, "Bearer stamped"]


def test_a_request_that_cannot_be_built_is_refused_naming_the_call() -> None:
    wire, sent = _seen()
    with pytest.raises(InvalidArgument) as caught:
        wire.send(Call("POST", "/v3/things", {"when": object()}, operation="things.add"))
    assert str(caught.value) == (
        "things.add (POST /v3/things): the request cannot be built (Object of type object is "
        "not JSON serializable)"
    )
    assert sent == []


# -- the owner named when the client cannot send ---------------------------------------------------


@pytest.mark.parametrize(
    ("options", "owner"),
    [({}, "the client"), ({"owner": "the seller client"}, "the seller client")],
)
def test_a_closed_client_is_named_by_its_owner(options: dict[str, str], owner: str) -> None:
    wire = _wire(httpx.Response(200, json={}), **options)
    wire.http.close()
    assert wire.closed
    with pytest.raises(ClientClosed) as caught:
        wire.send(JSON_CALL)
    assert str(caught.value) == f"{owner} is closed: build a new one"


def test_a_client_closed_while_it_sent_says_so() -> None:
    wire: Wire

    def handler(request: httpx.Request) -> httpx.Response:
        wire.http.close()
        raise RuntimeError("Cannot send a request, as the client has been closed.")

    wire = Wire(
        httpx.Client(base_url="https://api.test", transport=httpx.MockTransport(handler)),
        owner="the seller client",
    )
    with pytest.raises(ClientClosed) as caught:
        wire.send(JSON_CALL)
    assert str(caught.value) == "the seller client was closed while a request was sent"


# -- every failure of the send typed and named after its call --------------------------------------


def _raising(error: BaseException) -> Wire:
    def handler(request: httpx.Request) -> httpx.Response:
        raise error

    return Wire(httpx.Client(base_url="https://api.test", transport=httpx.MockTransport(handler)))


def test_a_decoding_error_while_sending_is_malformed_naming_the_call() -> None:
    with pytest.raises(MalformedResponse) as caught:
        _raising(httpx.DecodingError("bad deflate")).send(JSON_CALL)
    assert str(caught.value) == (
        "the answer to things.list (GET /things) could not be decoded (its Content-Encoding "
        "is corrupt: DecodingError)"
    )
    assert caught.value.operation == "things.list"


@pytest.mark.parametrize(
    ("error", "message"),
    [
        (RuntimeError("odd state"), "things.list (GET /things): RuntimeError: odd state"),
        (
            httpx.StreamConsumed(),
            "things.list (GET /things): StreamConsumed: " + str(httpx.StreamConsumed()),
        ),
        (
            httpx.HTTPStatusError(
                "odd", request=httpx.Request("GET", "https://a.test"), response=httpx.Response(500)
            ),
            "things.list (GET /things): HTTPStatusError: odd",
        ),
    ],
)
def test_a_failure_of_the_http_library_itself_is_an_internal_error_naming_the_call(
    error: BaseException, message: str
) -> None:
    with pytest.raises(InternalError) as caught:
        _raising(error).send(JSON_CALL)
    assert str(caught.value) == message


def test_anything_else_a_transport_raises_is_a_connection_error_naming_the_call() -> None:
    with pytest.raises(APIConnectionError) as caught:
        _raising(ValueError("cassette not found")).send(JSON_CALL)
    error = caught.value
    assert str(error) == "ValueError from the transport: cassette not found"
    assert (error.method, error.url, error.operation) == ("GET", "/things", "things.list")
