"""``flipkart token status``: environment, expiry and time left (of the refresh token too),
never the token."""

from __future__ import annotations

from types import SimpleNamespace
from typing import TextIO

from ._client import client_from_env
from ._text import describe_duration

__all__ = ["run"]

# Never sent: the auth flow only needs a request for the API to decide on a token.


def _time_left(seconds: float) -> str:
    if seconds <= 0:
        return f"expired {describe_duration(-seconds)} ago"
    return describe_duration(seconds)


def run(args: SimpleNamespace, out: TextIO, err: TextIO) -> int:
    """Print what is known about the stored token."""
    with client_from_env(args) as client:
        if args.fetch:
            client.fetch_token()
        status = client.token_status()
    lines = [("environment", status.environment), ("API", client.api_base_url)]
    if not status.has_token:
        lines.append(("token", "none stored"))
    else:
        lines.append(
            ("token", "present (refresh token held)" if status.has_refresh_token else "present")
        )
        if status.expires_at is None or status.seconds_left is None:
            lines.append(("expires", "unknown"))
        else:
            lines.append(("expires", status.expires_at.strftime("%Y-%m-%d %H:%M:%S UTC")))
            lines.append(("time left", _time_left(status.seconds_left)))
    if status.has_refresh_token:
        # Flipkart says how long a refresh token lives only on some answers.
        refresh_at, refresh_left = (
            status.refresh_token_expires_at,
            status.refresh_token_seconds_left,
        )
        if refresh_at is None or refresh_left is None:
            lines.append(("refresh expires", "unknown"))
        else:
            lines.append(("refresh expires", refresh_at.strftime("%Y-%m-%d %H:%M:%S UTC")))
            lines.append(("refresh time left", _time_left(refresh_left)))
    width = max(len(label) for label, _ in lines) + 1
    for label, value in lines:
        print(f"{label + ':':<{width}} {value}", file=out)
    if not status.has_token and not args.fetch:
        print(
            "No token stored: set FLIPKART_TOKEN_FILE to keep one between commands, "
            "or pass --fetch to obtain one now.",
            file=err,
        )
    return 0
