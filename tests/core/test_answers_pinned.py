"""Reading what a server said, pinned down (``flipkart_ext._core.answers``).

Every error body shape Flipkart uses, ``Retry-After`` in each form, secrets scrubbed from
messages, codes and bodies, and the exact messages of answers that are not what the call
expects. Expected values are written out from the shapes and rules the module documents.
"""

from __future__ import annotations

import email.utils

import httpx
import pytest

from flipkart_ext import APIStatusError, MalformedResponse, RateLimitError, ServerError
from flipkart_ext._core.answers import (
    answer_of,
    parse_error_body,
    parse_retry_after,
    scrub,
    status_error,
)
from flipkart_ext._core.calls import Answer, Call, Expect

# -- error bodies ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("content", "code", "message"),
    [
        (b'{"errors": "boom", "message": "the message"}', None, "the message"),
        (b'{"errors": ["plain text", {"code": "C1"}]}', "C1", "plain text"),
        (b'{"errors": [{"message": "only a message"}]}', None, "only a message"),
        (b'{"errors": [{"code": "C2"}]}', "C2", None),
        (b'{"error_code": "E1", "message": "m"}', "E1", "m"),
        (b'{"reason": "a reason"}', None, "a reason"),
        (b'{"detail": "a detail"}', None, "a detail"),
        (b'{"failureReason": "why it failed"}', None, "why it failed"),
        (b'{"message": "first", "failureReason": "second"}', None, "first"),
    ],
)
def test_every_error_body_shape_gives_its_code_and_message(
    content: bytes, code: str | None, message: str | None
) -> None:
    assert parse_error_body(content)[:2] == (code, message)


@pytest.mark.parametrize(
    ("content", "parsed"),
    [(b"5", (None, "5", 5)), (b"[]", (None, None, [])), (b'"text"', (None, "text", "text"))],
)
def test_an_error_body_that_is_not_an_object_is_read_as_text(
    content: bytes, parsed: tuple[object, object, object]
) -> None:
    assert parse_error_body(content) == parsed


def test_a_list_of_error_objects_is_read_like_errors() -> None:
    body = [{"code": "C3", "message": "listed"}]
    assert parse_error_body(b'[{"code": "C3", "message": "listed"}]') == ("C3", "listed", body)


# -- Retry-After ----------------------------------------------------------------------------


def test_retry_after_in_bytes_is_read_in_both_forms() -> None:
    date = email.utils.formatdate(1030, usegmt=True).encode("latin-1")
    assert parse_retry_after(b"30", now=0.0) == 30.0
    assert parse_retry_after(date, now=1000.0) == 30.0


def test_retry_after_too_large_to_be_finite_is_absent() -> None:
    assert parse_retry_after("9" * 400, now=0.0) is None


# -- secrets --------------------------------------------------------------------------------


def test_secrets_of_four_characters_or_more_are_scrubbed_and_shorter_ones_left() -> None:
    assert scrub("key abcd here", ["abcd"]) == "key [REDACTED] here"
    assert scrub("key abc here", ["abc"]) == "key abc here"
    assert scrub("key abc here", [""]) == "key abc here"


def test_every_string_of_an_error_body_is_scrubbed_lists_included() -> None:
    error = status_error(
        status=500,
        headers=httpx.Headers(),
        content=b'{"errors": ["token SECRET-1 refused", {"code": "SECRET-1"}], "n": 5}',
        method="GET",
        url="https://api.test/x",
        secrets=["SECRET-1"],
    )
    assert error.body == {"errors": ["token [REDACTED] refused", {"code": "[REDACTED]"}], "n": 5}
    assert error.message == "token [REDACTED] refused"
    assert error.code == "[REDACTED]"


# -- the typed error of a non-2xx answer ----------------------------------------------------


def _error(status: int, content: bytes = b"", **options: object) -> object:
    return status_error(
        status=status,
        headers=options.pop("headers", httpx.Headers()),  # type: ignore[arg-type]
        content=content,
        method="GET",
        url=options.pop("url", "https://api.test/x"),  # type: ignore[arg-type]
        **options,  # type: ignore[arg-type]
    )


def test_a_status_without_a_phrase_and_without_a_body_says_error() -> None:
    error = _error(599)
    assert isinstance(error, ServerError)
    assert str(error) == "HTTP 599: error (GET https://api.test/x)"


def test_the_callers_words_come_before_the_servers() -> None:
    error = _error(500, b'{"message": "server said"}', message="prefix")
    assert error.message == "prefix - server said"  # type: ignore[attr-defined]


def test_a_code_is_cut_at_100_characters() -> None:
    error = _error(500, b'{"code": "' + b"C" * 150 + b'"}')
    assert error.code == "C" * 100  # type: ignore[attr-defined]


def test_an_error_without_a_url_names_none() -> None:
    assert _error(500, url=None).url is None  # type: ignore[attr-defined]


def test_a_429_carries_its_message_and_its_retry_after_date_read_against_now() -> None:
    headers = httpx.Headers({"Retry-After": email.utils.formatdate(1045, usegmt=True)})
    error = _error(429, b'{"message": "slow down"}', headers=headers, now=1000.0)
    assert isinstance(error, RateLimitError)
    assert str(error) == "HTTP 429: slow down (GET https://api.test/x)"
    assert error.retry_after == 45.0


def test_a_429s_retry_after_date_is_read_against_the_clock_by_default() -> None:
    import time

    headers = httpx.Headers({"Retry-After": email.utils.formatdate(time.time() + 45, usegmt=True)})
    error = _error(429, headers=headers)
    assert isinstance(error, RateLimitError)
    assert error.retry_after is not None and 40.0 < error.retry_after <= 45.0


# -- a 2xx answer that is not what the call expects -----------------------------------------


def _answer(call: Call, content: bytes, content_type: str | None) -> object:
    headers = httpx.Headers({"content-type": content_type} if content_type is not None else {})
    return answer_of(
        call, status=200, headers=headers, content=content, method="GET", url="https://a.test/x"
    )


def test_a_body_that_is_not_json_names_the_call_and_its_content_type() -> None:
    call = Call("GET", "/v3/things", operation="things.list")
    with pytest.raises(MalformedResponse) as caught:
        _answer(call, b"<html>", "text/html; charset=utf-8")
    assert str(caught.value) == (
        "the answer to things.list (GET /v3/things) (text/html): not valid JSON (Expecting "
        "value at line 1 column 1)"
    )
    assert caught.value.operation == "things.list"


@pytest.mark.parametrize("content_type", [None, "", " ; charset=utf-8"])
def test_a_missing_content_type_is_named_as_such(content_type: str | None) -> None:
    call = Call("GET", "/v3/label", operation="labels.get", expect=Expect.PDF)
    with pytest.raises(MalformedResponse) as caught:
        _answer(call, b"nope", content_type)
    assert str(caught.value) == (
        "the answer to labels.get (GET /v3/label): expected a PDF, got 4 bytes of no content "
        "type that are not one; nothing was written"
    )


# -- which statuses are answers, and what an answer holds -----------------------------------


def _at(call: Call, status: int, content: bytes, headers: httpx.Headers) -> Answer:
    return answer_of(
        call, status=status, headers=headers, content=content, method="GET", url="https://a.test/x"
    )


# 204 and 205 have no content (RFC 9110): tests/boundary/test_answer_shapes.py pins them.
@pytest.mark.parametrize("status", [200, 201, 206, 299])
def test_every_2xx_status_is_an_answer_holding_what_came(status: int) -> None:
    headers = httpx.Headers({"content-type": "application/json"})
    answer = _at(Call("GET", "/v3/things"), status, b'{"a": [1, "b"]}', headers)
    assert answer == Answer(status, headers, b'{"a": [1, "b"]}', {"a": [1, "b"]})


@pytest.mark.parametrize("status", [100, 199, 300, 302, 304])
def test_a_status_outside_2xx_is_an_error_even_with_a_json_body(status: int) -> None:
    with pytest.raises(APIStatusError) as caught:
        _at(Call("GET", "/v3/things"), status, b'{"a": 1}', httpx.Headers())
    assert caught.value.status_code == status


def test_a_call_that_accepts_errors_gets_the_answer_of_a_300_without_a_body() -> None:
    headers = httpx.Headers({"content-type": "application/json"})
    answer = _at(Call("POST", "/token", accept_errors=True), 300, b'{"a": 1}', headers)
    assert answer == Answer(300, headers, b'{"a": 1}', None)


@pytest.mark.parametrize("expect", [Expect.PDF, Expect.ANY])
def test_a_document_answer_keeps_its_bytes_as_its_body(expect: Expect) -> None:
    headers = httpx.Headers({"content-type": "application/pdf"})
    content = b"%PDF-1.7 a label"
    answer = _at(Call("GET", "/v3/label", expect=expect), 201, content, headers)
    assert answer == Answer(201, headers, content, content)
    assert answer.headers is headers


@pytest.mark.parametrize(("operation", "named"), [("labels.get", "labels.get"), ("", None)])
def test_every_error_of_an_answer_names_the_calls_operation_or_none(
    operation: str, named: str | None
) -> None:
    plain = httpx.Headers()
    with pytest.raises(ServerError) as refused:
        _at(Call("GET", "/v3/label", operation=operation), 503, b"", plain)
    assert refused.value.operation == named
    with pytest.raises(MalformedResponse) as not_pdf:
        _at(Call("GET", "/v3/label", operation=operation, expect=Expect.PDF), 200, b"no", plain)
    assert not_pdf.value.operation == named
    with pytest.raises(MalformedResponse) as not_json:
        _at(Call("GET", "/v3/label", operation=operation), 200, b"<html>", plain)
    assert not_json.value.operation == named
