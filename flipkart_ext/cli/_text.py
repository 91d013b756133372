"""Human-readable renderings shared by the CLI and the demo: durations and token status."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .. import TokenStatus

__all__ = ["describe_duration", "describe_token", "plural"]

_UNITS = (("day", 86_400), ("hour", 3_600), ("minute", 60), ("second", 1))


def plural(count: int, noun: str, plural_form: str | None = None) -> str:
    """``1 page``, ``3 pages``; ``plural_form`` for irregular nouns."""
    return f"{count} {noun if count == 1 else (plural_form or noun + 's')}"


def describe_duration(seconds: float) -> str:
    """The two largest units of a non-negative duration: ``59 days 23 hours``, ``4 minutes``.

    Rounded down, so a token is never said to live longer than it does.
    """
    remaining = max(0, int(seconds))
    if remaining == 0:
        return "0 seconds"
    parts: list[str] = []
    for name, size in _UNITS:
        count, remaining = divmod(remaining, size)
        if count:
            parts.append(plural(count, name))
        if parts and (len(parts) == 2 or not count):
            break
    return " ".join(parts)


def describe_token(status: TokenStatus) -> str:
    """One line about the current token, never the token itself.

    e.g. ``environment sandbox; expires 2025-07-01 09:30 UTC (in 59 days 23 hours)``.
    """
    parts = [f"environment {status.environment}"]
    if not status.has_token:
        parts.append("no token yet")
    elif status.expires_at is None or status.seconds_left is None:
        parts.append("expiry unknown")
    else:
        when = status.expires_at.strftime("%Y-%m-%d %H:%M UTC")
        if status.expired:
            parts.append(f"expired {when} ({describe_duration(-status.seconds_left)} ago)")
        else:
            parts.append(f"expires {when} (in {describe_duration(status.seconds_left)})")
    if status.has_refresh_token:
        refresh = "refresh token held"
        if status.refresh_token_expires_at is not None:
            when = status.refresh_token_expires_at.strftime("%Y-%m-%d %H:%M UTC")
            left = status.refresh_token_seconds_left
            refresh += (
                f" (expired {when})" if left is not None and left <= 0 else f" (until {when})"
            )
        parts.append(refresh)
    return "; ".join(parts)
