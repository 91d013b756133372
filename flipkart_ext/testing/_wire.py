"""Requests and responses as the emulator's handlers see them, free of socket details.

Error bodies follow Flipkart's two observed shapes at once so that any reader finds
what it looks for: the OAuth-style ``{"error", "error_description"}`` pair that the
token endpoint and the API gateway's 401 use, plus, for validation failures, an
``errors`` list shaped like the spec's ``Error`` schema (``severity``, ``code``,
``path``, ``description``).
"""

from __future__ import annotations

import enum
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

__all__ = [
    "JSON_CONTENT_TYPE",
    "OCTET_STREAM_CONTENT_TYPE",
    "PDF_CONTENT_TYPE",
    "Call",
    "FieldError",
    "Request",
    "Response",
    "WireAction",
    "error_response",
    "invalid_field",
    "json_response",
]

JSON_CONTENT_TYPE = "application/json"
PDF_CONTENT_TYPE = "application/pdf"
OCTET_STREAM_CONTENT_TYPE = "application/octet-stream"


class WireAction(enum.Enum):
    """What the socket layer does instead of (or while) answering normally."""

    ANSWER = "answer"
    DROP = "drop"
    TRUNCATE = "truncate"


@dataclass(frozen=True)
class Request:
    """One parsed HTTP request; ``query`` keeps the last value of a repeated name."""

    method: str
    path: str
    query: Mapping[str, str]
    headers: Mapping[str, str]
    body: bytes = b""

    def header(self, name: str) -> str | None:
        """Header value by case-insensitive name (headers are stored lower-cased)."""
        return self.headers.get(name.lower())


@dataclass(frozen=True)
class Call:
    """What a route handler receives: the request, its path parameters and its JSON body."""

    request: Request
    params: Mapping[str, str]
    body: Any = None


@dataclass
class Response:
    """A response before encoding; JSON stays a Python value until the last moment.

    Keeping ``payload`` decoded lets the noise injector rewrite a body without
    parsing it back from bytes.
    """

    status: int
    payload: Any = None
    raw: bytes | None = None
    content_type: str | None = JSON_CONTENT_TYPE
    headers: list[tuple[str, str]] = field(default_factory=list)
    operation_id: str | None = None

    def encode(self) -> bytes:
        """The body bytes to send."""
        if self.raw is not None:
            return self.raw
        if self.payload is None:
            return b""
        return json.dumps(self.payload, separators=(",", ":")).encode()


@dataclass(frozen=True)
class FieldError:
    """One reason a request was refused, with the JSON path of the culprit."""

    path: str
    description: str


def json_response(
    payload: Any, status: int = 200, headers: Sequence[tuple[str, str]] = ()
) -> Response:
    """A JSON response."""
    return Response(status=status, payload=payload, headers=list(headers))


def error_response(
    status: int,
    error: str,
    description: str,
    *,
    headers: Sequence[tuple[str, str]] = (),
    details: Sequence[FieldError] = (),
) -> Response:
    """An error in Flipkart's shape; ``details`` adds the per-field ``errors`` list."""
    payload: dict[str, Any] = {"error": error, "error_description": description}
    if details:
        payload["errors"] = [
            {"severity": "ERROR", "code": status, "path": d.path, "description": d.description}
            for d in details
        ]
    return Response(status=status, payload=payload, headers=list(headers))


def invalid_field(path: str, description: str, detail: str) -> Response:
    """A 400 ``invalid_request`` about one field: ``description`` says what is wrong with the
    request, ``detail`` (the field's entry) what the field needs."""
    return error_response(400, "invalid_request", description, details=[FieldError(path, detail)])
