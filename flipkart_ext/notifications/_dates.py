"""Liberal parsing of the date forms Flipkart puts in notification headers and bodies."""

from __future__ import annotations

import datetime as dt
import email.utils
import math
import re

__all__ = ["IST", "epoch_seconds", "parse_epoch", "parse_http_date", "parse_timestamp"]

# Flipkart publishes every example timestamp in India Standard Time; a value that
# arrives without an offset is read in that zone rather than silently as UTC.
IST = dt.timezone(dt.timedelta(hours=5, minutes=30), "IST")

_EPOCH = re.compile(r"[0-9]{1,16}(?:\.[0-9]+)?")
# Anything from 1e11 on is read as milliseconds: in seconds it would be past the year 5000.
_MILLISECONDS_FROM = 100_000_000_000


def parse_epoch(text: str) -> dt.datetime | None:
    """Read ``text`` as Unix epoch seconds (or milliseconds), or return ``None``."""
    text = text.strip()
    if not _EPOCH.fullmatch(text):
        return None
    value = float(text)
    if value >= _MILLISECONDS_FROM:
        value /= 1000
    try:
        return dt.datetime.fromtimestamp(value, dt.UTC)
    except (OverflowError, OSError, ValueError):
        return None


def parse_http_date(text: str) -> dt.datetime | None:
    """Read an HTTP-date (IMF-fixdate, RFC 850 or asctime), or return ``None``.

    HTTP-dates are GMT by definition, so the zone-less asctime form is read as UTC.
    """
    try:
        parsed = email.utils.parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=dt.UTC)
    return parsed


def _parse_iso(text: str) -> dt.datetime | None:
    try:
        parsed = dt.datetime.fromisoformat(text.strip())
    except ValueError:
        return None
    return parsed if parsed.tzinfo is not None else parsed.replace(tzinfo=IST)


def parse_timestamp(value: object) -> dt.datetime | None:
    """Turn a body timestamp into an aware datetime, or ``None`` if it cannot be read.

    Accepts ISO 8601 strings (Flipkart's documented form), epoch seconds or
    milliseconds as numbers or digit strings, and HTTP-dates. Never raises.
    """
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        if not math.isfinite(value) or value < 0:
            return None
        return parse_epoch(str(int(value)))
    if not isinstance(value, str) or not value.strip():
        return None
    return _parse_iso(value) or parse_epoch(value) or parse_http_date(value)


def epoch_seconds(moment: dt.datetime) -> str:
    """Whole epoch seconds as decimal digits: the time form in Flipkart's signature example."""
    return str(int(moment.timestamp()))
