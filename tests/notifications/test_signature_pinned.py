"""Behaviour of the webhook signature checks that the broader tests leave open.

Exact error messages, the bounds of the arguments, the application id read from
the credentials, the machine timezone, and header values handed over as bytes
(as ASGI servers and some WSGI adapters do).
"""

import datetime as dt
import re
import time

import pytest

from flipkart_ext import (
    BadSignature,
    InvalidArgument,
    MalformedHeader,
    MissingHeader,
    WrongApplication,
)
from flipkart_ext.notifications import DateForm, is_valid_signature, sign

from .vectors import (
    APP_ID,
    APP_SECRET,
    AUTHORIZATION,
    HTTP_DATE,
    METHOD,
    PUBLISHED,
    SENT_AT,
    TIME_VALUE,
    URL,
    verify,
)


def exactly(message: str) -> str:
    return f"^{re.escape(message)}$"


# --- argument errors say which argument and why -----------------------------------


def test_naive_now_is_refused_with_its_name():
    with pytest.raises(ValueError, match=exactly("now must be timezone-aware")):
        verify(PUBLISHED, now=dt.datetime(2015, 5, 19, 9, 2, 15))


def test_negative_window_is_refused_with_its_name():
    with pytest.raises(ValueError, match=exactly("max_skew must not be negative")):
        verify(PUBLISHED, max_skew=-dt.timedelta(microseconds=1))


def test_zero_window_is_allowed_and_accepts_only_the_exact_instant():
    assert verify(PUBLISHED, max_skew=dt.timedelta(0)).sent_at == SENT_AT
    assert not is_valid_signature(
        PUBLISHED,
        url=URL,
        method=METHOD,
        app_id=APP_ID,
        app_secret=APP_SECRET,
        now=SENT_AT + dt.timedelta(seconds=1),
        max_skew=dt.timedelta(0),
    )


def test_sign_refuses_a_naive_datetime_with_its_name():
    with pytest.raises(ValueError, match=exactly("x_date must be timezone-aware")):
        sign(
            url=URL,
            method=METHOD,
            app_id=APP_ID,
            app_secret=APP_SECRET,
            x_date=dt.datetime(2015, 5, 19, 9, 2, 15),
        )


@pytest.mark.parametrize("x_date", ["yesterday", "2015-05-19"])
def test_sign_in_epoch_form_refuses_an_unreadable_x_date(x_date):
    with pytest.raises(
        ValueError, match=exactly("x_date is neither an HTTP-date nor epoch seconds")
    ):
        sign(
            url=URL,
            method=METHOD,
            app_id=APP_ID,
            app_secret=APP_SECRET,
            x_date=x_date,
            date_form=DateForm.EPOCH_SECONDS,
        )


# --- sign renders X_Date in GMT whatever the machine's timezone --------------------


@pytest.fixture
def local_timezone_ist(monkeypatch):
    if not hasattr(time, "tzset"):
        pytest.skip("time.tzset is POSIX-only")
    monkeypatch.setenv("TZ", "IST-05:30")  # POSIX rule: needs no tz database
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


@pytest.mark.usefixtures("local_timezone_ist")
@pytest.mark.parametrize(
    "x_date",
    [SENT_AT, SENT_AT.astimezone(dt.timezone(dt.timedelta(hours=5, minutes=30)))],
    ids=["utc", "ist"],
)
def test_sign_renders_a_datetime_as_gmt_on_a_machine_outside_utc(x_date):
    headers = sign(url=URL, method=METHOD, app_id=APP_ID, app_secret=APP_SECRET, x_date=x_date)
    assert headers["X_Date"] == HTTP_DATE
    assert verify(headers).hashed_date == HTTP_DATE


# --- refusals say what did not match -----------------------------------------------


def test_wrong_application_message_names_the_header():
    with pytest.raises(WrongApplication) as caught:
        verify(PUBLISHED, app_id="someone-else")
    assert str(caught.value) == "X_Authorization is signed for another application id"


def test_bad_signature_with_epoch_x_date_names_the_one_form_tried():
    with pytest.raises(BadSignature) as caught:
        verify(PUBLISHED, method="PUT")
    assert str(caught.value) == (
        "signature does not match X_Date (as_sent), URL, method and secret"
    )


def test_bad_signature_with_http_date_x_date_names_both_forms_tried():
    with pytest.raises(BadSignature) as caught:
        verify({"X_Date": HTTP_DATE, "X_Authorization": AUTHORIZATION}, method="PUT")
    assert str(caught.value) == (
        "signature does not match X_Date (as_sent or epoch_seconds), URL, method and secret"
    )


# --- the credentials ---------------------------------------------------------------


def test_application_id_containing_colons_is_read_up_to_the_last_colon():
    app_id = "tenant:6113ca4a:fe05"
    headers = sign(url=URL, method=METHOD, app_id=app_id, app_secret=APP_SECRET, x_date=TIME_VALUE)
    verified = verify(headers, app_id=app_id)
    assert verified.app_id == app_id
    with pytest.raises(WrongApplication):
        verify(headers, app_id="tenant")


@pytest.mark.parametrize("junk", ["!", "*", "\\", "-", "_"])
@pytest.mark.parametrize("where", ["start", "middle", "end"])
def test_characters_outside_the_base64_alphabet_are_not_skipped(junk, where):
    token = AUTHORIZATION.removeprefix("FKLOGIN ")
    position = {"start": 0, "middle": len(token) // 2, "end": len(token)}[where]
    tampered = "FKLOGIN " + token[:position] + junk + token[position:]
    with pytest.raises(MalformedHeader) as caught:
        verify({"X_Date": TIME_VALUE, "X_Authorization": tampered})
    assert str(caught.value) == "X_Authorization credentials are not base64"


# --- is_valid_signature applies the same window as verify_signature ----------------


def test_is_valid_signature_applies_the_default_window():
    kwargs = {"url": URL, "method": METHOD, "app_id": APP_ID, "app_secret": APP_SECRET}
    late = SENT_AT + dt.timedelta(minutes=5, seconds=1)
    assert not is_valid_signature(PUBLISHED, now=late, **kwargs)
    assert is_valid_signature(PUBLISHED, now=late, max_skew=None, **kwargs)


def test_is_valid_signature_applies_the_window_it_is_given():
    kwargs = {"url": URL, "method": METHOD, "app_id": APP_ID, "app_secret": APP_SECRET}
    now = SENT_AT + dt.timedelta(seconds=11)
    assert not is_valid_signature(PUBLISHED, now=now, max_skew=dt.timedelta(seconds=10), **kwargs)
    assert is_valid_signature(PUBLISHED, now=now, max_skew=dt.timedelta(seconds=11), **kwargs)


# --- header values as bytes --------------------------------------------------------


@pytest.mark.parametrize(
    "headers",
    [
        {"X_Date": TIME_VALUE.encode(), "X_Authorization": AUTHORIZATION.encode()},
        {"x-date": TIME_VALUE.encode(), "x-authorization": AUTHORIZATION},
        {"HTTP_X_DATE": b" " + TIME_VALUE.encode() + b"\t", "HTTP_X_AUTHORIZATION": AUTHORIZATION},
        # One header given both ways with the same value is one value.
        {"X_Date": TIME_VALUE, "X-Date": TIME_VALUE.encode(), "X_Authorization": AUTHORIZATION},
    ],
)
def test_bytes_header_values_are_read_like_strings(headers):
    verified = verify(headers)
    assert verified.x_date == TIME_VALUE
    assert type(verified.x_date) is str
    assert verified.hashed_date == TIME_VALUE


def test_bytes_http_date_is_read_and_reported_as_text():
    verified = verify({"X_Date": HTTP_DATE.encode(), "X_Authorization": AUTHORIZATION.encode()})
    assert verified.x_date == HTTP_DATE
    assert verified.date_form is DateForm.EPOCH_SECONDS
    assert verified.sent_at == SENT_AT


def test_conflicting_bytes_and_text_values_are_malformed():
    headers = {"X_Date": TIME_VALUE, "X-Date": HTTP_DATE.encode(), "X_Authorization": AUTHORIZATION}
    with pytest.raises(MalformedHeader, match="X_Date header was sent more than once"):
        verify(headers)


@pytest.mark.parametrize("value", [b"", b"   "])
def test_empty_bytes_value_is_missing(value):
    with pytest.raises(MissingHeader, match=exactly("X_Date header is missing")):
        verify({"X_Date": value, "X_Authorization": AUTHORIZATION})


def test_non_utf8_bytes_in_x_date_are_malformed_not_a_crash():
    # HTTP header bytes are read as Latin-1, so any byte string is some text.
    with pytest.raises(MalformedHeader, match="X_Date is neither an HTTP-date nor epoch seconds"):
        verify({"X_Date": b"1432026135\xff", "X_Authorization": AUTHORIZATION})


def test_non_ascii_bytes_in_authorization_are_malformed_not_a_crash():
    tampered = AUTHORIZATION.encode()[:-1] + b"\xe9"
    with pytest.raises(
        MalformedHeader, match=exactly("X_Authorization credentials are not base64")
    ):
        verify({"X_Date": TIME_VALUE, "X_Authorization": tampered})


def test_bytes_header_names_are_read_as_latin_1_like_their_values():
    verified = verify({b"X_Date": TIME_VALUE.encode(), "X_Authorization": AUTHORIZATION})
    assert verified.x_date == TIME_VALUE


def test_an_asgi_scopes_header_pairs_are_read():
    pairs = [(b"x-date", TIME_VALUE.encode()), (b"x-authorization", AUTHORIZATION.encode())]
    assert verify(pairs).sent_at == SENT_AT
    assert verify(tuple(pairs)).sent_at == SENT_AT
    with pytest.raises(MissingHeader, match=exactly("X_Date header is missing")):
        verify([(b"x-authorization", AUTHORIZATION.encode())])


@pytest.mark.parametrize("headers", ["X_Date", 5, None, [("X_Date",)], [b"X_Date"], {1, 2}])
def test_headers_that_are_neither_a_mapping_nor_pairs_are_refused_by_name(headers):
    with pytest.raises(InvalidArgument, match=r"^headers: expected a mapping of header names"):
        verify(headers)
