"""Flipkart's notification signature: ``X_Date`` plus ``X_Authorization: FKLOGIN ...``.

Flipkart signs each notification with the hex SHA-1 of::

    <X_Date value> + <notification URL> + <HTTP method> + <application secret>

and sends ``X_Authorization: FKLOGIN base64("<application id>:<hex sha1>")``.

Which time string is hashed is ambiguous: ``X_Date`` is documented as an
HTTP-date, while Flipkart's worked example hashes epoch seconds
(``1432026135``). :func:`verify_signature` therefore accepts either the header
value exactly as received or, when that value is an HTTP-date, the same instant
as whole epoch seconds, and reports which one matched in
:attr:`VerifiedNotification.date_form`.
"""

from __future__ import annotations

import base64
import binascii
import dataclasses
import datetime as dt
import email.utils
import enum
import hashlib
import hmac
import re
from collections.abc import Mapping, Sequence
from typing import Required, TypeAlias, TypedDict, Unpack

from .._boundary import guarded, guarded_class
from ..errors import (
    BadSignature,
    InvalidArgument,
    InvalidSignature,
    MalformedHeader,
    MissingHeader,
    StaleRequest,
    WrongApplication,
)
from ._dates import epoch_seconds, parse_epoch, parse_http_date

__all__ = [
    "AUTHORIZATION_HEADER",
    "DATE_HEADER",
    "DEFAULT_MAX_SKEW",
    "DateForm",
    "RequestHeaders",
    "VerifiedNotification",
    "compute_signature",
    "is_valid_signature",
    "sign",
    "verify_signature",
]

DATE_HEADER = "X_Date"
AUTHORIZATION_HEADER = "X_Authorization"
DEFAULT_MAX_SKEW = dt.timedelta(minutes=5)

RequestHeaders: TypeAlias = Mapping[str, str] | Sequence[tuple[str | bytes, str | bytes]]
"""A request's headers: a mapping (a framework's headers, a WSGI environ) or (name, value)
pairs (an ASGI scope's raw ``headers``)."""

_SCHEME = "FKLOGIN"
_HEX_SHA1 = re.compile(r"[0-9a-f]{40}")


class DateForm(enum.StrEnum):
    """Which rendering of ``X_Date`` went into the signed string."""

    AS_SENT = "as_sent"
    """The ``X_Date`` header value, character for character."""
    EPOCH_SECONDS = "epoch_seconds"
    """The instant in ``X_Date`` as whole Unix seconds, as in Flipkart's worked example."""


@guarded_class
@dataclasses.dataclass(frozen=True, slots=True)
class VerifiedNotification:
    """What a successful :func:`verify_signature` established about the request."""

    app_id: str
    """The application id the request was signed for (equal to the one expected)."""
    sent_at: dt.datetime
    """The instant in ``X_Date``, timezone-aware."""
    x_date: str
    """The ``X_Date`` header value as received."""
    hashed_date: str
    """The exact time string that, hashed with URL, method and secret, gave the signature."""
    date_form: DateForm
    """Whether ``hashed_date`` is the header as sent or its epoch-seconds form."""


@guarded
def compute_signature(date_value: str, url: str, method: str, app_secret: str) -> str:
    """Return the lowercase hex SHA-1 Flipkart expects for these four values."""
    signed = f"{date_value}{url}{method}{app_secret}".encode()
    # SHA-1 is Flipkart's choice, not ours; usedforsecurity=False would misdescribe it.
    return hashlib.sha1(signed).hexdigest()  # noqa: S324


@guarded
def sign(
    *,
    url: str,
    method: str,
    app_id: str,
    app_secret: str,
    x_date: str | dt.datetime | None = None,
    date_form: DateForm = DateForm.AS_SENT,
) -> dict[str, str]:
    """Build the two headers Flipkart would send, for tests and home-made senders.

    ``x_date`` is sent verbatim when a string; a datetime (default: now) is
    rendered as an HTTP-date. With ``date_form=DateForm.EPOCH_SECONDS`` the
    signature covers the epoch-seconds form of that instant, as in Flipkart's
    example, while ``X_Date`` still carries the value above.
    """
    if x_date is None:
        x_date = dt.datetime.now(dt.UTC)
    if isinstance(x_date, dt.datetime):
        if x_date.tzinfo is None:
            raise InvalidArgument("x_date must be timezone-aware")
        x_date = email.utils.format_datetime(x_date.astimezone(dt.UTC), usegmt=True)
    hashed = x_date
    if date_form is DateForm.EPOCH_SECONDS:
        moment = _parse_x_date(x_date)
        if moment is None:
            raise InvalidArgument("x_date is neither an HTTP-date nor epoch seconds")
        hashed = epoch_seconds(moment)
    signature = compute_signature(hashed, url, method, app_secret)
    credentials = base64.b64encode(f"{app_id}:{signature}".encode()).decode(
        "ascii"  # pragma: no mutate (codec names ignore case)
    )
    return {DATE_HEADER: x_date, AUTHORIZATION_HEADER: f"{_SCHEME} {credentials}"}


@guarded
def verify_signature(
    headers: RequestHeaders,
    *,
    url: str,
    method: str,
    app_id: str,
    app_secret: str,
    now: dt.datetime | None = None,
    max_skew: dt.timedelta | None = DEFAULT_MAX_SKEW,
) -> VerifiedNotification:
    """Check that a notification was signed by Flipkart for ``app_id`` and is fresh.

    ``headers`` is any mapping of request headers, or (name, value) pairs such as an
    ASGI scope's ``headers``; names are matched ignoring case and ``-``/``_``, so
    ``X_Date``, ``X-Date`` and a WSGI ``HTTP_X_DATE`` all work. ``url`` must be the notification URL exactly as registered with
    Flipkart (behind a proxy, the public URL, not the one the app sees);
    ``method`` is the HTTP method as sent, normally ``"POST"``.

    ``now`` replaces the clock (must be timezone-aware); ``max_skew`` bounds how
    far ``X_Date`` may be from it in either direction, so a captured request
    cannot be replayed *later*; ``None`` disables the check.

    The signature covers ``X_Date``, the URL, the method and the secret, **not the
    body**: within the skew window, anyone who captured one signed request can send its
    headers with another body. Treat a notification as a hint, and read the current state
    through the API before acting on a destructive event (a cancellation, a return).

    A blank ``app_secret`` or ``app_id`` is :class:`~flipkart_ext.InvalidArgument`: an
    unset secret variable must not make every forgery verify.

    The signature is checked before the clock, so :class:`StaleRequest` is only
    raised for requests that Flipkart did sign: a forgery is always
    :class:`BadSignature`.

    Raises :class:`MissingHeader`, :class:`MalformedHeader`,
    :class:`WrongApplication`, :class:`BadSignature` or :class:`StaleRequest`,
    all subclasses of :class:`InvalidSignature`.
    """
    if not isinstance(app_secret, str) or not app_secret.strip():
        # An unset secret variable would otherwise make anyone's forgery verify: the
        # signature covers nothing secret then.
        raise InvalidArgument(
            "app_secret: the application secret is empty or blank; a notification cannot be "
            "verified without it (is its environment variable set?)"
        )
    if not isinstance(app_id, str) or not app_id.strip():
        raise InvalidArgument("app_id: the application id is empty or blank")
    for name, value in (
        ("app_secret", app_secret),
        ("app_id", app_id),
        ("url", url),
        ("method", method),
    ):
        # All four are hashed as UTF-8: a value that is no string, or holds a lone
        # surrogate, is the caller's mistake, named here. Never shown: one is the secret.
        if not isinstance(value, str):
            raise InvalidArgument(f"{name}: expected a string, got a {type(value).__name__}")
        try:
            value.encode()
        except UnicodeEncodeError:
            raise InvalidArgument(
                f"{name}: holds a character UTF-8 cannot encode (a lone surrogate)"
            ) from None
    if max_skew is not None and max_skew < dt.timedelta(0):
        raise InvalidArgument("max_skew must not be negative")
    if now is None:
        now = dt.datetime.now(dt.UTC)
    elif now.tzinfo is None:
        raise InvalidArgument("now must be timezone-aware")

    x_date = _single_header(headers, DATE_HEADER)
    authorization = _single_header(headers, AUTHORIZATION_HEADER)
    claimed_app_id, signature = _parse_authorization(authorization)
    sent_at = _parse_x_date(x_date)
    if sent_at is None:
        raise MalformedHeader(f"{DATE_HEADER} is neither an HTTP-date nor epoch seconds")
    if not hmac.compare_digest(claimed_app_id.encode(), app_id.encode()):
        raise WrongApplication(f"{AUTHORIZATION_HEADER} is signed for another application id")

    candidates = [(DateForm.AS_SENT, x_date)]
    if parse_epoch(x_date) is None:
        candidates.append((DateForm.EPOCH_SECONDS, epoch_seconds(sent_at)))
    matched: tuple[DateForm, str] | None = None
    # Every candidate is hashed and compared, so timing depends only on the
    # (public) shape of X_Date, never on how much of the signature matched.
    for form, text in candidates:
        expected = compute_signature(text, url, method, app_secret)
        if hmac.compare_digest(expected.encode(), signature.encode()) and matched is None:
            matched = (form, text)
    if matched is None:
        forms = " or ".join(form.value for form, _ in candidates)
        raise BadSignature(
            f"signature does not match {DATE_HEADER} ({forms}), URL, method and secret"
        )

    skew = abs(now - sent_at)
    if max_skew is not None and skew > max_skew:
        raise StaleRequest(
            f"{DATE_HEADER} is {skew} away from the receiver's clock; at most {max_skew} allowed"
        )
    form, hashed = matched
    return VerifiedNotification(
        app_id=claimed_app_id, sent_at=sent_at, x_date=x_date, hashed_date=hashed, date_form=form
    )


class _CheckOptions(TypedDict, total=False):
    """The keyword arguments of :func:`verify_signature`."""

    url: Required[str]
    method: Required[str]
    app_id: Required[str]
    app_secret: Required[str]
    now: dt.datetime | None
    max_skew: dt.timedelta | None


@guarded
def is_valid_signature(headers: RequestHeaders, **options: Unpack[_CheckOptions]) -> bool:
    """Like :func:`verify_signature` (the same arguments), answering ``True``/``False``
    instead of raising."""
    try:
        verify_signature(headers, **options)
    except InvalidSignature:
        return False
    return True


def _normalized_name(name: str) -> str:
    name = name.lower().replace("-", "_")
    return name.removeprefix("http_")


def _header_pairs(headers: RequestHeaders) -> list[tuple[object, object]]:
    """``headers`` as (name, value) pairs: a mapping (WSGI environ, a framework's headers),
    or a sequence of pairs (an ASGI scope's raw ``headers``, names and values as bytes)."""
    if isinstance(headers, Mapping):
        return list(headers.items())
    if isinstance(headers, list | tuple) and all(
        isinstance(pair, list | tuple) and len(pair) == 2 for pair in headers
    ):
        return [(key, value) for key, value in headers]
    raise InvalidArgument(
        f"headers: expected a mapping of header names to values, or (name, value) pairs; "
        f"got {type(headers).__name__}"
    )


def _single_header(headers: RequestHeaders, name: str) -> str:
    wanted = _normalized_name(name)
    values: set[str] = set()
    for key, value in _header_pairs(headers):
        if isinstance(key, bytes):
            key = key.decode("latin-1")  # pragma: no mutate (codec names ignore case)
        if isinstance(key, str) and _normalized_name(key) == wanted:
            if isinstance(value, bytes):
                value = value.decode("latin-1")  # pragma: no mutate (codec names ignore case)
            if isinstance(value, str) and value.strip():
                values.add(value.strip())
    if not values:
        raise MissingHeader(f"{name} header is missing")
    if len(values) > 1:
        raise MalformedHeader(f"{name} header was sent more than once with different values")
    return values.pop()


def _parse_authorization(value: str) -> tuple[str, str]:
    # Flipkart sends exactly "FKLOGIN", one space, the credentials. Accepting only
    # that spelling means any altered header fails instead of passing as a variant.
    # (rpartition would split one space alike, and with more spaces the scheme or the
    # token check below fails either way.)
    scheme, _, token = value.partition(" ")  # pragma: no mutate (rpartition: same outcome)
    if scheme != _SCHEME or not token or any(char.isspace() for char in token):
        raise MalformedHeader(f"{AUTHORIZATION_HEADER} must be '{_SCHEME} <base64 credentials>'")
    try:
        decoded = base64.b64decode(token, validate=True)
    except (binascii.Error, ValueError):
        raise MalformedHeader(f"{AUTHORIZATION_HEADER} credentials are not base64") from None
    # Unused trailing bits make several texts decode alike; only the canonical one is taken.
    if base64.b64encode(decoded).decode("ascii") != token:  # pragma: no mutate (codec case-blind)
        raise MalformedHeader(f"{AUTHORIZATION_HEADER} credentials are not canonical base64")
    try:
        text = decoded.decode("utf-8")  # pragma: no mutate (codec names ignore case)
    except UnicodeDecodeError:
        raise MalformedHeader(f"{AUTHORIZATION_HEADER} credentials are not UTF-8") from None
    claimed_app_id, separator, signature = text.rpartition(":")
    if not separator or not claimed_app_id:
        raise MalformedHeader(
            f"{AUTHORIZATION_HEADER} credentials must be '<application id>:<signature>'"
        )
    if not _HEX_SHA1.fullmatch(signature):
        raise MalformedHeader(
            f"{AUTHORIZATION_HEADER} signature must be 40 lowercase hexadecimal digits"
        )
    return claimed_app_id, signature


def _parse_x_date(value: str) -> dt.datetime | None:
    return parse_epoch(value) or parse_http_date(value)
