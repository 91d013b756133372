"""How the emulator writes dates: Flipkart's IST offset with milliseconds."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

__all__ = ["IST", "format_datetime", "parse_datetime"]

IST = timezone(timedelta(hours=5, minutes=30), "IST")


def format_datetime(value: datetime) -> str:
    """Flipkart's rendering: IST offset and milliseconds, e.g. ``2024-01-05T12:00:00.000+05:30``."""
    return value.astimezone(IST).isoformat(timespec="milliseconds")


def parse_datetime(text: str) -> datetime:
    """An ISO 8601 date or date-time; one without an offset is read as IST, as Flipkart does.

    ``ValueError`` when the text is not ISO 8601.
    """
    value = datetime.fromisoformat(text.strip().replace("Z", "+00:00"))
    return value if value.tzinfo is not None else value.replace(tzinfo=IST)
