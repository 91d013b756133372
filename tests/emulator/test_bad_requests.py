"""The emulator answers a bad request with a 4xx JSON error: never a 500, never a hang.

Every request here is written byte by byte on a raw socket, so that nothing between the
test and the emulator (httpx, h11) can refuse or repair it first. An answer must arrive
within ``ANSWER_WITHIN`` seconds, carry a 4xx status, a JSON content type and a body in
Flipkart's error shape (``{"error", "error_description"}``); afterwards the emulator still
serves a good request.
"""

from __future__ import annotations

import contextlib
import json
import socket
import time
from collections.abc import Iterator
from dataclasses import dataclass

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from flipkart_ext.testing import Emulator

# A refusal is immediate; a hang shows as the socket timing out well before this.
ANSWER_WITHIN = 5.0
SEARCH = "/sellers/v3/shipments/filter"
GOOD_BODY = b'{"filter": {"type": "preDispatch"}}'


@dataclass
class Answer:
    status: int
    headers: dict[str, str]
    body: bytes
    seconds: float


def _read_answer(sock: socket.socket) -> Answer:
    """Read one HTTP/1.1 answer (Content-Length framed, as the emulator sends)."""
    started = time.monotonic()
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = sock.recv(65536)
        if not chunk:
            raise AssertionError(f"connection closed without an answer; got {data[:200]!r}")
        data += chunk
    head, _, rest = data.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split(" ", 2)[1])
    headers = {}
    for line in lines[1:]:
        name, _, value = line.partition(":")
        headers[name.strip().lower()] = value.strip()
    length = int(headers.get("content-length", "0"))
    while len(rest) < length:
        chunk = sock.recv(65536)
        if not chunk:
            break
        rest += chunk
    return Answer(status, headers, rest[:length], time.monotonic() - started)


def exchange(port: int, payload: bytes, *, half_close: bool = False) -> Answer:
    """Send ``payload`` and read the answer; ``half_close`` ends our side after sending."""
    with socket.create_connection(("127.0.0.1", port), timeout=ANSWER_WITHIN) as sock:
        sock.sendall(payload)
        if half_close:
            # OSError: the emulator already answered and hung up; its answer is still readable.
            with contextlib.suppress(OSError):
                sock.shutdown(socket.SHUT_WR)
        return _read_answer(sock)


def request(
    target: str,
    *,
    method: str = "POST",
    body: bytes = b"",
    token: str | None = None,
    headers: list[tuple[str, str]] | None = None,
    content_length: str | None = None,
) -> bytes:
    """A request's bytes; ``content_length`` replaces the true one (None: the true one)."""
    lines = [f"{method} {target} HTTP/1.1", "Host: 127.0.0.1"]
    if token is not None:
        lines.append(f"Authorization: Bearer {token}")
    given_headers = headers if headers is not None else [("Content-Type", "application/json")]
    lines += [f"{name}: {value}" for name, value in given_headers]
    if content_length is None:
        content_length = str(len(body))
    if content_length != "":
        lines.append(f"Content-Length: {content_length}")
    lines.append("Connection: close")
    return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1") + body


def assert_json_4xx(answer: Answer, *statuses: int) -> None:
    assert 400 <= answer.status < 500, (answer.status, answer.body[:300])
    if statuses:
        assert answer.status in statuses, (answer.status, answer.body[:300])
    assert answer.headers.get("content-type", "").startswith("application/json"), answer.headers
    payload = json.loads(answer.body)
    assert isinstance(payload, dict)
    assert isinstance(payload.get("error"), str) and payload["error"]
    assert isinstance(payload.get("error_description"), str)
    assert answer.seconds < ANSWER_WITHIN


@pytest.fixture
def served(emu: Emulator, token: str) -> Iterator[tuple[Emulator, str]]:
    yield emu, token
    # Whatever the bad request did, the emulator still answers a good one.
    good = exchange(emu.port, request(SEARCH, body=GOOD_BODY, token=token))
    assert good.status == 200, good.body[:300]


def _deep(depth: int) -> bytes:
    return b'{"filter": ' + b"[" * depth + b"]" * depth + b"}"


@pytest.mark.parametrize("depth", [10_000, 100_000])
def test_deep_json_is_a_400(served: tuple[Emulator, str], depth: int) -> None:
    emu, token = served
    assert_json_4xx(exchange(emu.port, request(SEARCH, body=_deep(depth), token=token)), 400)


def test_deep_json_to_the_control_api_is_a_400(served: tuple[Emulator, str]) -> None:
    emu, _ = served
    body = b'{"count": ' + b"[" * 50_000 + b"]" * 50_000 + b"}"
    assert_json_4xx(exchange(emu.port, request("/_emulator/test_orders", body=body)), 400)


@pytest.mark.parametrize(
    "content_length", ["-5", "-1", "abc", "1e3", "0x10", "12abc", " ", "+5", "\u00b3"]
)
def test_a_content_length_that_is_not_a_number_is_a_400(
    served: tuple[Emulator, str], content_length: str
) -> None:
    emu, token = served
    payload = request(SEARCH, body=GOOD_BODY, token=token, content_length=content_length)
    assert_json_4xx(exchange(emu.port, payload), 400)


@pytest.mark.parametrize("content_length", [str(10**12), "9" * 30, str(64 * 1024 * 1024)])
def test_an_oversize_content_length_is_a_413(
    served: tuple[Emulator, str], content_length: str
) -> None:
    emu, token = served
    payload = request(SEARCH, body=GOOD_BODY, token=token, content_length=content_length)
    assert_json_4xx(exchange(emu.port, payload), 413)


def test_two_different_content_lengths_are_a_400(served: tuple[Emulator, str]) -> None:
    emu, token = served
    payload = request(
        SEARCH,
        body=GOOD_BODY,
        token=token,
        headers=[("Content-Type", "application/json"), ("Content-Length", "3")],
    )
    assert_json_4xx(exchange(emu.port, payload), 400)


@pytest.mark.parametrize(
    "content_type", ["text/plain", "application/x-www-form-urlencoded", "", "application/jsonx"]
)
def test_a_wrong_content_type_is_a_415(served: tuple[Emulator, str], content_type: str) -> None:
    emu, token = served
    headers = [("Content-Type", content_type)] if content_type else []
    payload = request(SEARCH, body=GOOD_BODY, token=token, headers=headers)
    assert_json_4xx(exchange(emu.port, payload), 415)


@pytest.mark.parametrize(
    "body",
    [
        b'{"filter": {"type": "preDispatch\xff"}}',
        b'{"filter": {"type": "\xc3\x28"}}',
        b'\xfe\xff{"filter": {}}',
        b'{"filter": {"type": "\xed\xa0\x80"}}',  # an encoded surrogate: not UTF-8
    ],
)
def test_invalid_utf8_is_a_400(served: tuple[Emulator, str], body: bytes) -> None:
    emu, token = served
    assert_json_4xx(exchange(emu.port, request(SEARCH, body=body, token=token)), 400)


@pytest.mark.parametrize(
    "body",
    [
        b'{"filter": {"type": "preDispatch"}, "pagination": {"pageSize": NaN}}',
        b'{"filter": {"type": "preDispatch"}, "pagination": {"pageSize": Infinity}}',
        b'{"filter": {"type": "preDispatch"}, "pagination": {"pageSize": -Infinity}}',
        b'{"filter": {"type": "preDispatch"}, "pagination": {"pageSize": 1e400}}',
        b'{"filter": {"type": "preDispatch"}, "pagination": {"pageSize": ' + b"9" * 5000 + b"}}",
        b'{"filter": {"type": "preDispatch"}, "filter": {"type": "cancelled"}}',
        b'{"filter": {"type": "preDispatch"}',
        b"",
    ],
    ids=[
        "nan",
        "infinity",
        "minus-infinity",
        "1e400",
        "5000-digits",
        "duplicate-key",
        "cut",
        "empty",
    ],
)
def test_json_the_emulator_cannot_hold_to_the_spec_is_a_400(
    served: tuple[Emulator, str], body: bytes
) -> None:
    emu, token = served
    assert_json_4xx(exchange(emu.port, request(SEARCH, body=body, token=token)), 400)


def test_a_body_shorter_than_its_content_length_is_a_400(served: tuple[Emulator, str]) -> None:
    emu, token = served
    payload = request(SEARCH, body=GOOD_BODY, token=token, content_length=str(len(GOOD_BODY) + 40))
    assert_json_4xx(exchange(emu.port, payload, half_close=True), 400)


def test_a_truncated_body_that_is_valid_json_is_still_a_400(served: tuple[Emulator, str]) -> None:
    # The first bytes parse on their own: only the length says the body is cut.
    emu, token = served
    body = GOOD_BODY + b" " * 10
    payload = request(SEARCH, body=GOOD_BODY, token=token, content_length=str(len(body)))
    assert_json_4xx(exchange(emu.port, payload, half_close=True), 400)


@pytest.mark.parametrize(
    "chunks",
    [
        b"-5\r\nabc\r\n0\r\n\r\n",
        b"zz\r\nabc\r\n0\r\n\r\n",
        b"\r\n",
        b"5\r\nab",  # cut inside a chunk
        b"3\r\nabcdef\r\n0\r\n\r\n",  # more data than the size says
        b"ffffffffffffffffffff\r\nabc\r\n0\r\n\r\n",
    ],
    ids=["negative", "not-hex", "empty-size", "cut", "overrun", "oversize"],
)
def test_a_malformed_chunked_body_is_a_4xx(served: tuple[Emulator, str], chunks: bytes) -> None:
    emu, token = served
    payload = request(
        SEARCH,
        token=token,
        headers=[("Content-Type", "application/json"), ("Transfer-Encoding", "chunked")],
        content_length="",
    )
    assert_json_4xx(exchange(emu.port, payload + chunks, half_close=True), 400, 413)


def test_content_length_beside_chunked_is_a_400(served: tuple[Emulator, str]) -> None:
    emu, token = served
    payload = request(
        SEARCH,
        token=token,
        headers=[("Content-Type", "application/json"), ("Transfer-Encoding", "chunked")],
        content_length="5",
    )
    assert_json_4xx(exchange(emu.port, payload + b"0\r\n\r\n", half_close=True), 400)


@pytest.mark.parametrize("coding", ["gzip", "chunked, gzip", "identity", "chunked;x=1"])
def test_a_transfer_coding_other_than_chunked_is_refused(
    served: tuple[Emulator, str], coding: str
) -> None:
    emu, token = served
    payload = request(
        SEARCH,
        token=token,
        headers=[("Content-Type", "application/json"), ("Transfer-Encoding", coding)],
        content_length="",
    )
    # RFC 9112 would allow a 501; the emulator refuses what it cannot read with a 4xx.
    assert_json_4xx(exchange(emu.port, payload + b"0\r\n\r\n", half_close=True), 400)


@pytest.mark.parametrize(
    "raw",
    [
        b"GARBAGE\r\n\r\n",
        b"GET\r\n\r\n",
        b"GET / HTTP/9.9\r\nHost: x\r\n\r\n",
        b"GET /" + b"a" * 70_000 + b" HTTP/1.1\r\nHost: x\r\n\r\n",
        b"GET / HTTP/1.1\r\n" + b"".join(b"X-%d: y\r\n" % i for i in range(150)) + b"\r\n",
        b"GET / HTTP/1.1\r\nHost: x\r\nBad header line\r\n\r\n",
        b"\xff\xfe GET / HTTP/1.1\r\n\r\n",
        b"GET /\r\n\r\n",
    ],
    ids=[
        "no-target",
        "no-version",
        "version",
        "long-target",
        "many-headers",
        "bad-header",
        "binary",
        "http-0.9",
    ],
)
def test_a_malformed_request_head_is_a_json_4xx(served: tuple[Emulator, str], raw: bytes) -> None:
    emu, _ = served
    assert_json_4xx(exchange(emu.port, raw))


@pytest.mark.parametrize("method", ["FOO", "HEAD", "OPTIONS", "TRACE", "CONNECT"])
def test_an_unserved_method_is_a_json_4xx(served: tuple[Emulator, str], method: str) -> None:
    emu, token = served
    answer = exchange(emu.port, request(SEARCH, method=method, token=token))
    if method == "HEAD":  # a HEAD answer has headers and never a body
        assert 400 <= answer.status < 500
        assert answer.headers.get("content-type", "").startswith("application/json")
    else:
        assert_json_4xx(answer, 405)


def test_a_stalled_body_is_answered_408_and_never_hangs(
    emu: Emulator, token: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The production deadline is generous; here it is made short so the test stays quick.
    monkeypatch.setattr("flipkart_ext.testing._server.BODY_TIMEOUT", 0.5)
    payload = request(SEARCH, body=GOOD_BODY, token=token, content_length=str(len(GOOD_BODY) + 5))
    assert_json_4xx(exchange(emu.port, payload), 408)


# -- drawn: any mix of the above ------------------------------------------------------------

_JSON_TYPES = ["application/json", "application/json; charset=utf-8", "text/plain", ""]
_LENGTHS = st.one_of(
    st.none(),
    st.integers(-10, 10**20).map(str),
    st.text(alphabet="0123456789-+ xe.abc", min_size=0, max_size=8),
)
_BODIES = st.one_of(
    st.binary(max_size=200),
    st.builds(_deep, st.sampled_from([2_000, 20_000])),
    st.sampled_from(
        [
            b'{"filter": {"type": "preDispatch"}, "pagination": {"pageSize": NaN}}',
            b'{"filter": {"type": "\xff"}}',
            b"[" * 3000,
            b'{"a": ' + b"1" * 6000 + b"}",
            GOOD_BODY[:-3],
        ]
    ),
)


@settings(
    max_examples=40,
    deadline=None,
    database=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(
    target=st.sampled_from([SEARCH, "/_emulator/faults", "/sellers/v3/shipments/labels"]),
    content_type=st.sampled_from(_JSON_TYPES),
    body=_BODIES,
    content_length=_LENGTHS,
    half_close=st.booleans(),
)
def test_drawn_bad_requests_get_a_json_answer_below_500(
    emu: Emulator,
    token: str,
    monkeypatch: pytest.MonkeyPatch,
    target: str,
    content_type: str,
    body: bytes,
    content_length: str | None,
    half_close: bool,
) -> None:
    # A body shorter than its length and never ended is a stalled client: short deadline.
    monkeypatch.setattr("flipkart_ext.testing._server.BODY_TIMEOUT", 0.5)
    headers = [("Content-Type", content_type)] if content_type else []
    payload = request(
        target, body=body, token=token, headers=headers, content_length=content_length
    )
    try:
        answer = exchange(emu.port, payload, half_close=half_close)
    except (TimeoutError, OSError) as exc:
        raise AssertionError(f"no answer within {ANSWER_WITHIN}s: {exc!r}") from exc
    assert answer.status < 500, (answer.status, answer.body[:300])
    assert answer.headers.get("content-type", "").startswith("application/json")
    json.loads(answer.body)
    assert answer.seconds < ANSWER_WITHIN
