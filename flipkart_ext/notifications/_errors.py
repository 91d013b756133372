"""Exceptions raised while checking and decoding Flipkart order notifications.

::

    FlipkartError                         (flipkart_ext.FlipkartError)
    └── NotificationError
        ├── InvalidSignature              .reason: FailureReason
        │   ├── MissingHeader             X_Date or X_Authorization absent
        │   ├── MalformedHeader           present but not in the documented shape
        │   ├── WrongApplication          signed for another application id
        │   ├── BadSignature              the SHA-1 does not match
        │   └── StaleRequest              authentic, but X_Date is outside the window
        └── MalformedEvent (ValueError)   the body is not a JSON object

Messages name headers and forms, never the application secret, and never echo
the full ``X_Authorization`` value.
"""

from __future__ import annotations

import enum

from ..errors import FlipkartError

__all__ = [
    "BadSignature",
    "FailureReason",
    "InvalidSignature",
    "MalformedEvent",
    "MalformedHeader",
    "MissingHeader",
    "NotificationError",
    "StaleRequest",
    "WrongApplication",
]


class FailureReason(enum.StrEnum):
    """Why a notification was refused; stable strings suitable for logs and metrics."""

    MISSING_HEADER = "missing_header"
    MALFORMED_HEADER = "malformed_header"
    WRONG_APPLICATION = "wrong_application"
    BAD_SIGNATURE = "bad_signature"
    STALE_REQUEST = "stale_request"


class NotificationError(FlipkartError):
    """Base class for every error raised by ``flipkart_ext.notifications``.

    A :class:`~flipkart_ext.FlipkartError`, so one ``except FlipkartError`` covers the
    client and the webhook receiver alike.
    """


class InvalidSignature(NotificationError):
    """The request cannot be trusted as coming from Flipkart for this application.

    Catch this one class in a receiver and answer 401; ``reason`` says which check failed.
    """

    reason: FailureReason

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __repr__(self) -> str:
        return f"{type(self).__name__}(reason={self.reason.value!r}, message={self.message!r})"


class MissingHeader(InvalidSignature):
    """A required header (``X_Date`` or ``X_Authorization``) is absent or empty."""

    reason = FailureReason.MISSING_HEADER


class MalformedHeader(InvalidSignature):
    """A header is present but does not have the documented shape."""

    reason = FailureReason.MALFORMED_HEADER


class WrongApplication(InvalidSignature):
    """The header is well formed but names a different application id."""

    reason = FailureReason.WRONG_APPLICATION


class BadSignature(InvalidSignature):
    """No accepted form of the signed string hashes to the signature received."""

    reason = FailureReason.BAD_SIGNATURE


class StaleRequest(InvalidSignature):
    """The signature is genuine but ``X_Date`` lies outside the allowed clock skew."""

    reason = FailureReason.STALE_REQUEST


class MalformedEvent(NotificationError, ValueError):
    """The notification body is not valid JSON, or not a JSON object."""
