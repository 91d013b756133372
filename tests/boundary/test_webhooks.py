"""Webhook parsing and verification take arbitrary bytes and headers: the only exceptions they
may raise are ``flipkart_ext.FlipkartError`` subclasses (``NotificationError`` for what was
received, ``InvalidArgument`` for what the caller passed).

Issue 19 item 3. Bodies are drawn as raw bytes, as text, as JSON-like documents and as
mutations of a real event (deep nesting, ``NaN``, 5,000-digit numbers, odd field types);
headers as a real signature with one part replaced by drawn bytes or text.
"""

from __future__ import annotations

import base64
import contextlib
import datetime as dt
import json
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from flipkart_ext import FlipkartError
from flipkart_ext.notifications import (
    AUTHORIZATION_HEADER,
    DATE_HEADER,
    NotificationEvent,
    idempotency_key,
    is_valid_signature,
    parse_event,
    sign,
    verify_signature,
)

DRAWN = settings(
    max_examples=150,
    derandomize=True,
    database=None,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
APP_ID, APP_SECRET = "hook-app", "hook-secret-31d9"
URL = "https://seller.example.com/flipkart/notify"
EVENT = {
    "eventType": "shipment_packed",
    "source": "flipkart",
    "shipmentId": "SH-1",
    "locationId": "LOC1",
    "timestamp": "2026-01-05T10:00:00+05:30",
    "attributes": {"status": "PACKED", "orderItems": [{"orderItemId": "OI-1", "quantity": 1}]},
}
ODD_VALUES = st.sampled_from(
    [
        None,
        True,
        0,
        -1,
        1.5,
        "",
        "x",
        [],
        {},
        [None],
        {"a": [1, {"b": None}]},
        "9999-99-99T99:99:99",
        "+99999-01-01T00:00:00Z",
        "1e400",
        10**30,
    ]
)
RAW_TOKENS = st.sampled_from(
    [b"NaN", b"Infinity", b"-Infinity", b"1e400", b"9" * 5000, b"[" * 20_000 + b"]" * 20_000]
)


@st.composite
def bodies(draw: st.DrawFn) -> Any:
    kind = draw(st.sampled_from(["bytes", "text", "json", "mutated", "raw_token", "object"]))
    if kind == "bytes":
        return draw(st.binary(max_size=300))
    if kind == "text":
        return draw(st.text(max_size=200))
    if kind == "json":
        value = draw(
            st.recursive(
                st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=5),
                lambda inner: (
                    st.lists(inner, max_size=3)
                    | st.dictionaries(st.text(max_size=8), inner, max_size=3)
                ),
                max_leaves=10,
            )
        )
        return json.dumps(value).encode()
    if kind == "mutated":
        event = json.loads(json.dumps(EVENT))
        key = draw(st.sampled_from([*EVENT, "returnId", "attributes.orderItems", "extra"]))
        if key == "attributes.orderItems":
            event["attributes"]["orderItems"] = draw(ODD_VALUES)
        else:
            event[key] = draw(ODD_VALUES)
        return json.dumps(event).encode()
    if kind == "raw_token":
        key = draw(st.sampled_from(["timestamp", "shipmentId", "attributes", "quantity"]))
        token = draw(RAW_TOKENS)
        return json.dumps({**EVENT, key: "@@"}).encode().replace(b'"@@"', token)
    return draw(st.sampled_from([None, 5, 1.5, [EVENT], object(), bytearray(b"{}")]))


@DRAWN
@given(body=bodies())
def test_parse_event_gives_an_event_or_a_notification_error(body: Any) -> None:
    try:
        event = parse_event(body)
    except FlipkartError:
        return
    assert isinstance(event, NotificationEvent)
    try:
        key = idempotency_key(event)
    except FlipkartError:
        return
    assert isinstance(key, str) and key


HEADER_VALUES = st.one_of(
    st.text(max_size=60),
    st.binary(max_size=40),
    st.sampled_from(
        [
            "FKLOGIN " + base64.b64encode(b"\xff\xfe:\x00").decode(),
            "FKLOGIN " + base64.b64encode(b"hook-app").decode(),
            "FKLOGIN " + base64.b64encode(b"hook-app:" + b"z" * 5000).decode(),
            "FKLOGIN !!!not-base64!!!",
            "FKLOGIN ",
            "Sat, 01 Jan 99999 00:00:00 GMT",
            "Mon, 32 Foo 2024 99:99:99 GMT",
            "99999999999999999999",
            "-1",
            "1e400",
            "NaN",
        ]
    ),
    st.sampled_from([None, 5, 1.5, ["a"], object()]),
)


@DRAWN
@given(
    which=st.sampled_from([DATE_HEADER, AUTHORIZATION_HEADER, "X-Date", "x_authorization", "both"]),
    value=HEADER_VALUES,
    method=st.sampled_from(["POST", "post", "", "GET\x00", 5]),
    url=st.sampled_from([URL, "", "not a url", "https://\udcff.example/"]),
)
def test_verification_gives_a_verdict_or_a_flipkart_error(
    which: str, value: Any, method: Any, url: Any
) -> None:
    headers: dict[Any, Any] = dict(
        sign(url=URL, method="POST", app_id=APP_ID, app_secret=APP_SECRET)
    )
    if which == "both":
        headers = {DATE_HEADER: value, AUTHORIZATION_HEADER: value}
    else:
        headers[which] = value
    options = {"url": url, "method": method, "app_id": APP_ID, "app_secret": APP_SECRET}
    try:
        verify_signature(headers, **options)
    except FlipkartError as error:
        assert APP_SECRET not in str(error)
    try:
        verdict = is_valid_signature(headers, **options)
    except FlipkartError:
        return
    assert isinstance(verdict, bool)


@pytest.mark.parametrize(
    "now",
    [dt.datetime(1, 1, 1, tzinfo=dt.UTC), dt.datetime(9999, 12, 31, 23, 59, tzinfo=dt.UTC)],
    ids=["year-1", "year-9999"],
)
@pytest.mark.parametrize("skew", [dt.timedelta.max, dt.timedelta(days=-1)], ids=["max", "negative"])
def test_extreme_clocks_and_skews_give_a_verdict_or_a_flipkart_error(
    now: dt.datetime, skew: dt.timedelta
) -> None:
    headers = sign(url=URL, method="POST", app_id=APP_ID, app_secret=APP_SECRET)
    with contextlib.suppress(FlipkartError):
        verify_signature(
            headers,
            url=URL,
            method="POST",
            app_id=APP_ID,
            app_secret=APP_SECRET,
            now=now,
            max_skew=skew,
        )
