import datetime as dt

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from flipkart_ext.notifications import DateForm, is_valid_signature, sign, verify_signature

# Only the signature is under test here: the freshness window is checked elsewhere.
NO_WINDOW = {"max_skew": None}

urls = st.builds(
    lambda scheme, host, path: f"{scheme}://{host}/{path}",
    st.sampled_from(["http", "https"]),
    st.from_regex(r"[a-z0-9]{1,20}(\.[a-z0-9]{1,10}){0,3}", fullmatch=True),
    st.text(max_size=40),
)
methods = st.sampled_from(["POST", "PUT", "GET", "PATCH"]) | st.from_regex(
    r"[A-Z]{1,10}", fullmatch=True
)
# A blank secret or application id is refused before any comparison (InvalidArgument).
secrets = st.text(min_size=1, max_size=64).filter(str.strip)
app_ids = st.text(min_size=1, max_size=64).filter(str.strip)
instants = st.datetimes(
    min_value=dt.datetime(2001, 1, 1),
    max_value=dt.datetime(2200, 1, 1),
    timezones=st.just(dt.UTC),
).map(lambda moment: moment.replace(microsecond=0))
x_dates = st.one_of(
    instants,  # sent as an HTTP-date
    instants.map(lambda moment: str(int(moment.timestamp()))),  # sent as epoch seconds
)
forms = st.sampled_from(DateForm)


@settings(deadline=None)
@given(url=urls, method=methods, app_id=app_ids, app_secret=secrets, x_date=x_dates, form=forms)
def test_sign_then_verify_round_trips(url, method, app_id, app_secret, x_date, form):
    headers = sign(
        url=url, method=method, app_id=app_id, app_secret=app_secret, x_date=x_date, date_form=form
    )
    verified = verify_signature(
        headers, url=url, method=method, app_id=app_id, app_secret=app_secret, **NO_WINDOW
    )
    assert verified.app_id == app_id
    assert verified.x_date == headers["X_Date"]
    if headers["X_Date"].isdigit():
        # An epoch X_Date is its own epoch-seconds form: both spellings sign the same string.
        assert verified.hashed_date == headers["X_Date"]
    else:
        assert verified.date_form is form


@settings(deadline=None)
@given(
    url=urls,
    method=methods,
    app_id=app_ids,
    app_secret=secrets,
    x_date=x_dates,
    form=forms,
    data=st.data(),
)
def test_any_single_character_change_to_the_authorization_header_fails(
    url, method, app_id, app_secret, x_date, form, data
):
    headers = sign(
        url=url, method=method, app_id=app_id, app_secret=app_secret, x_date=x_date, date_form=form
    )
    authorization = headers["X_Authorization"]
    index = data.draw(st.integers(0, len(authorization) - 1), label="index")
    replacement = data.draw(st.characters(), label="replacement")
    assume(replacement != authorization[index])
    mutated = authorization[:index] + replacement + authorization[index + 1 :]
    assert not is_valid_signature(
        {**headers, "X_Authorization": mutated},
        url=url,
        method=method,
        app_id=app_id,
        app_secret=app_secret,
        **NO_WINDOW,
    )


@settings(deadline=None)
@given(url=urls, method=methods, app_secret=secrets, moment=instants, data=st.data())
def test_any_single_character_change_to_an_epoch_x_date_fails(
    url, method, app_secret, moment, data
):
    x_date = str(int(moment.timestamp()))
    headers = sign(url=url, method=method, app_id="app", app_secret=app_secret, x_date=x_date)
    index = data.draw(st.integers(0, len(x_date) - 1), label="index")
    replacement = data.draw(st.characters(), label="replacement")
    assume(replacement != x_date[index])
    mutated = x_date[:index] + replacement + x_date[index + 1 :]
    assert not is_valid_signature(
        {**headers, "X_Date": mutated},
        url=url,
        method=method,
        app_id="app",
        app_secret=app_secret,
        **NO_WINDOW,
    )


@settings(deadline=None)
@given(url=urls, method=methods, app_secret=secrets, other=secrets, moment=instants)
def test_another_secret_fails(url, method, app_secret, other, moment):
    assume(other != app_secret)
    headers = sign(url=url, method=method, app_id="app", app_secret=app_secret, x_date=moment)
    assert not is_valid_signature(
        headers, url=url, method=method, app_id="app", app_secret=other, **NO_WINDOW
    )
