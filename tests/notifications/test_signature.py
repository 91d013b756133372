import base64
import dataclasses
import datetime as dt

import pytest

from flipkart_ext import (
    BadSignature,
    FailureReason,
    InvalidSignature,
    MalformedHeader,
    MissingHeader,
    StaleRequest,
    WrongApplication,
)
from flipkart_ext.notifications import (
    DateForm,
    compute_signature,
    is_valid_signature,
    sign,
    verify_signature,
)

from .vectors import (
    APP_ID,
    APP_SECRET,
    AUTHORIZATION,
    HTTP_DATE,
    METHOD,
    PUBLISHED,
    SENT_AT,
    SIGNATURE,
    TIME_VALUE,
    URL,
    verify,
)


def authorization_for(app_id: str, signature: str) -> str:
    return "FKLOGIN " + base64.b64encode(f"{app_id}:{signature}".encode()).decode()


def flip(text: str, index: int) -> str:
    replacement = "0" if text[index] != "0" else "1"
    return text[:index] + replacement + text[index + 1 :]


# --- Flipkart's published example -------------------------------------------------


def test_published_signature_is_reproduced():
    assert compute_signature(TIME_VALUE, URL, METHOD, APP_SECRET) == SIGNATURE


def test_sign_reproduces_published_header():
    headers = sign(url=URL, method=METHOD, app_id=APP_ID, app_secret=APP_SECRET, x_date=TIME_VALUE)
    assert headers == {"X_Date": TIME_VALUE, "X_Authorization": AUTHORIZATION}


def test_published_example_verifies_with_epoch_x_date():
    verified = verify(PUBLISHED)
    assert verified.app_id == APP_ID
    assert verified.sent_at == SENT_AT
    assert verified.x_date == TIME_VALUE
    assert verified.hashed_date == TIME_VALUE
    assert verified.date_form is DateForm.AS_SENT


def test_published_example_verifies_with_http_date_x_date_and_says_epoch_was_hashed():
    verified = verify({"X_Date": HTTP_DATE, "X_Authorization": AUTHORIZATION})
    assert verified.date_form is DateForm.EPOCH_SECONDS
    assert verified.hashed_date == TIME_VALUE
    assert verified.x_date == HTTP_DATE
    assert verified.sent_at == SENT_AT


def test_signing_the_http_date_itself_is_reported_as_such():
    headers = sign(url=URL, method=METHOD, app_id=APP_ID, app_secret=APP_SECRET, x_date=SENT_AT)
    assert headers["X_Date"] == HTTP_DATE
    assert headers["X_Authorization"] != AUTHORIZATION
    verified = verify(headers)
    assert verified.date_form is DateForm.AS_SENT
    assert verified.hashed_date == HTTP_DATE


def test_sign_epoch_form_with_http_date_gives_the_published_authorization():
    headers = sign(
        url=URL,
        method=METHOD,
        app_id=APP_ID,
        app_secret=APP_SECRET,
        x_date=HTTP_DATE,
        date_form=DateForm.EPOCH_SECONDS,
    )
    assert headers == {"X_Date": HTTP_DATE, "X_Authorization": AUTHORIZATION}


@pytest.mark.parametrize(
    "headers",
    [
        {"x-date": TIME_VALUE, "x-authorization": AUTHORIZATION},
        {"X-Date": TIME_VALUE, "X-Authorization": AUTHORIZATION},
        {"x_date": TIME_VALUE, "X_AUTHORIZATION": AUTHORIZATION},
        {"HTTP_X_DATE": TIME_VALUE, "HTTP_X_AUTHORIZATION": AUTHORIZATION, "wsgi.input": object()},
        {"X_Date": TIME_VALUE, "X-Date": TIME_VALUE, "X_Authorization": AUTHORIZATION},
        {"X_Date": f" {TIME_VALUE} ", "X_Authorization": f"{AUTHORIZATION}\t"},
    ],
)
def test_header_names_are_matched_liberally(headers):
    assert verify(headers).hashed_date == TIME_VALUE


def test_is_valid_signature_answers_without_raising():
    assert is_valid_signature(
        PUBLISHED, url=URL, method=METHOD, app_id=APP_ID, app_secret=APP_SECRET, now=SENT_AT
    )
    assert not is_valid_signature(
        PUBLISHED, url=URL, method="GET", app_id=APP_ID, app_secret=APP_SECRET, now=SENT_AT
    )


def test_default_clock_accepts_a_request_signed_just_now():
    headers = sign(url=URL, method=METHOD, app_id=APP_ID, app_secret=APP_SECRET)
    assert (
        verify_signature(
            headers, url=URL, method=METHOD, app_id=APP_ID, app_secret=APP_SECRET
        ).date_form
        is DateForm.AS_SENT
    )


# --- one character changed --------------------------------------------------------


@pytest.mark.parametrize("index", [0, 17, 39])
def test_flipped_signature_character_fails(index):
    headers = {
        "X_Date": TIME_VALUE,
        "X_Authorization": authorization_for(APP_ID, flip(SIGNATURE, index)),
    }
    with pytest.raises(BadSignature):
        verify(headers)


@pytest.mark.parametrize(
    "change",
    [
        {"url": URL.replace("fki", "fkj")},
        {"url": URL.replace("http:", "https:")},
        {"url": URL + "/"},
        {"method": "PUST"},
        {"method": "post"},
        {"app_secret": flip(APP_SECRET, 0)},
        {"app_secret": APP_SECRET[:-1] + "c"},
    ],
)
def test_changed_url_method_or_secret_fails(change):
    with pytest.raises(BadSignature) as caught:
        verify(PUBLISHED, **change)
    assert caught.value.reason is FailureReason.BAD_SIGNATURE


def test_changed_x_date_fails():
    with pytest.raises(BadSignature):
        verify({"X_Date": "1432026136", "X_Authorization": AUTHORIZATION}, max_skew=None)


# --- clock skew -------------------------------------------------------------------


@pytest.mark.parametrize(
    "offset",
    [dt.timedelta(0), dt.timedelta(minutes=4), -dt.timedelta(minutes=4), dt.timedelta(minutes=5)],
)
def test_x_date_inside_window_is_accepted(offset):
    assert verify(PUBLISHED, now=SENT_AT + offset).sent_at == SENT_AT


@pytest.mark.parametrize(
    "offset", [dt.timedelta(minutes=5, seconds=1), -dt.timedelta(minutes=5, seconds=1)]
)
def test_x_date_outside_default_window_is_rejected(offset):
    with pytest.raises(StaleRequest) as caught:
        verify(PUBLISHED, now=SENT_AT + offset)
    assert caught.value.reason is FailureReason.STALE_REQUEST
    assert "X_Date" in str(caught.value)


def test_window_is_configurable():
    now = SENT_AT + dt.timedelta(seconds=11)
    with pytest.raises(StaleRequest):
        verify(PUBLISHED, now=now, max_skew=dt.timedelta(seconds=10))
    assert verify(PUBLISHED, now=now, max_skew=dt.timedelta(seconds=11)).sent_at == SENT_AT


def test_window_can_be_disabled():
    years_later = SENT_AT + dt.timedelta(days=3650)
    assert verify(PUBLISHED, now=years_later, max_skew=None).hashed_date == TIME_VALUE


def test_clock_is_compared_in_any_timezone():
    ist = dt.timezone(dt.timedelta(hours=5, minutes=30))
    assert verify(PUBLISHED, now=SENT_AT.astimezone(ist)).sent_at == SENT_AT


def test_forgery_is_reported_as_bad_signature_even_when_stale():
    with pytest.raises(BadSignature):
        verify(PUBLISHED, app_secret="not-the-secret", now=SENT_AT + dt.timedelta(days=1))


def test_epoch_milliseconds_in_x_date_are_read_for_the_window():
    x_date = TIME_VALUE + "000"
    headers = sign(url=URL, method=METHOD, app_id=APP_ID, app_secret=APP_SECRET, x_date=x_date)
    assert verify(headers).sent_at == SENT_AT
    with pytest.raises(StaleRequest):
        verify(headers, now=SENT_AT + dt.timedelta(hours=1))


@pytest.mark.parametrize("x_date", ["Tuesday, 19-May-15 09:02:15 GMT", "Tue May 19 09:02:15 2015"])
def test_older_http_date_forms_are_read(x_date):
    headers = sign(url=URL, method=METHOD, app_id=APP_ID, app_secret=APP_SECRET, x_date=x_date)
    verified = verify(headers)
    assert verified.sent_at == SENT_AT
    assert verified.date_form is DateForm.AS_SENT


def test_naive_now_and_negative_window_are_programming_errors():
    with pytest.raises(ValueError, match="timezone-aware"):
        verify(PUBLISHED, now=dt.datetime(2015, 5, 19, 9, 2, 15))
    with pytest.raises(ValueError, match="max_skew"):
        verify(PUBLISHED, max_skew=-dt.timedelta(seconds=1))


# --- missing, malformed, wrong application ----------------------------------------


@pytest.mark.parametrize(
    ("headers", "missing"),
    [
        ({}, "X_Date"),
        ({"X_Authorization": AUTHORIZATION}, "X_Date"),
        ({"X_Date": TIME_VALUE}, "X_Authorization"),
        ({"X_Date": "  ", "X_Authorization": AUTHORIZATION}, "X_Date"),
        ({"X_Date": TIME_VALUE, "X_Authorization": ""}, "X_Authorization"),
    ],
)
def test_missing_header_is_named(headers, missing):
    with pytest.raises(MissingHeader) as caught:
        verify(headers)
    assert caught.value.reason is FailureReason.MISSING_HEADER
    assert str(caught.value) == f"{missing} header is missing"


def _b64(text: str) -> str:
    return base64.b64encode(text.encode()).decode()


@pytest.mark.parametrize(
    ("authorization", "complaint"),
    [
        (f"Basic {_b64(APP_ID + ':' + SIGNATURE)}", "must be 'FKLOGIN"),
        (AUTHORIZATION.replace("FKLOGIN", "fklogin"), "must be 'FKLOGIN"),
        ("FKLOGIN", "must be 'FKLOGIN"),
        (AUTHORIZATION.replace(" ", "  "), "must be 'FKLOGIN"),
        (AUTHORIZATION + " extra", "must be 'FKLOGIN"),
        ("FKLOGIN not*base64!", "not base64"),
        ("FKLOGIN " + AUTHORIZATION.removeprefix("FKLOGIN ").rstrip("="), "not base64"),
        # "Z" differs from the canonical "Y" only in bits base64 leaves unused.
        (AUTHORIZATION[:-2] + "Z=", "not canonical"),
        ("FKLOGIN " + base64.b64encode(b"\xff\xfe:" + SIGNATURE.encode()).decode(), "not UTF-8"),
        ("FKLOGIN " + _b64(APP_ID + SIGNATURE), "'<application id>:<signature>'"),
        ("FKLOGIN " + _b64(":" + SIGNATURE), "'<application id>:<signature>'"),
        ("FKLOGIN " + _b64(APP_ID + ":" + SIGNATURE[:-1]), "40 lowercase hexadecimal"),
        ("FKLOGIN " + _b64(APP_ID + ":" + SIGNATURE.upper()), "40 lowercase hexadecimal"),
        ("FKLOGIN " + _b64(APP_ID + ":" + "g" * 40), "40 lowercase hexadecimal"),
    ],
)
def test_malformed_authorization_says_what_is_wrong(authorization, complaint):
    with pytest.raises(MalformedHeader) as caught:
        verify({"X_Date": TIME_VALUE, "X_Authorization": authorization})
    assert caught.value.reason is FailureReason.MALFORMED_HEADER
    assert complaint in str(caught.value)


def test_base64_decoding_of_the_non_canonical_example_is_really_identical():
    # Guards the case above: without the canonical check this header would verify.
    assert base64.b64decode(AUTHORIZATION[8:-2] + "Z=") == base64.b64decode(AUTHORIZATION[8:])


@pytest.mark.parametrize("x_date", ["yesterday", "2015-05-19", "-1432026135", "0x55"])
def test_unreadable_x_date_is_malformed(x_date):
    with pytest.raises(MalformedHeader, match="neither an HTTP-date nor epoch seconds"):
        verify({"X_Date": x_date, "X_Authorization": AUTHORIZATION})


def test_conflicting_spellings_of_one_header_are_malformed():
    headers = {"X_Date": TIME_VALUE, "X-Date": HTTP_DATE, "X_Authorization": AUTHORIZATION}
    with pytest.raises(MalformedHeader, match="more than once"):
        verify(headers)


def test_wrong_application_id():
    with pytest.raises(WrongApplication) as caught:
        verify(PUBLISHED, app_id="11111111-fe05-11e4-a322-1697f925ec7b")
    assert caught.value.reason is FailureReason.WRONG_APPLICATION


def test_header_signed_for_another_application_is_refused_even_with_right_signature():
    headers = {"X_Date": TIME_VALUE, "X_Authorization": authorization_for("other-app", SIGNATURE)}
    with pytest.raises(WrongApplication):
        verify(headers)


@pytest.mark.parametrize(
    "error", [MissingHeader, MalformedHeader, WrongApplication, BadSignature, StaleRequest]
)
def test_every_failure_is_an_invalid_signature(error):
    assert issubclass(error, InvalidSignature)


# --- the secret stays secret ------------------------------------------------------


@pytest.mark.parametrize(
    ("headers", "overrides"),
    [
        ({}, {}),
        ({"X_Date": TIME_VALUE, "X_Authorization": "FKLOGIN ???"}, {}),
        (PUBLISHED, {"app_id": "someone-else"}),
        (PUBLISHED, {"method": "PUT"}),
        (PUBLISHED, {"now": SENT_AT + dt.timedelta(hours=2)}),
    ],
)
def test_secret_never_appears_in_errors(headers, overrides):
    with pytest.raises(InvalidSignature) as caught:
        verify(headers, **overrides)
    for text in (str(caught.value), repr(caught.value), str(caught.value.args)):
        assert APP_SECRET not in text
        assert SIGNATURE not in text
        assert AUTHORIZATION not in text
    assert caught.value.reason.value in repr(caught.value)


def test_secret_never_appears_in_the_result():
    verified = verify(PUBLISHED)
    assert APP_SECRET not in repr(verified)
    assert APP_SECRET not in str(dataclasses.asdict(verified))
