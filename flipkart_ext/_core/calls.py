"""A request of the hand-written layer, described without I/O: one style for every call.

Every request this package sends (a resource's, a page's, a batch chunk's, a look-up's, a
token grant, ``client.call``) is a :class:`Call`: the generated operation it belongs to,
what goes on the wire, and what the answer must be (:class:`Expect`). The I/O path
(``_async/http.py``) is the only code that sends one; the answer comes back as an
:class:`Answer`, already checked and decoded.

Calls to operations of the spec are built by the generated operation itself
(:meth:`Call.of` runs the module's ``_get_kwargs``), so path templates, parameter names and
their encoding come from the generated code; a page's next URL is followed as the server
gave it (:meth:`Call.follow`), after the paging engine has checked it.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import ModuleType
from typing import Any

import httpx

from .._boundary import guarded_class

__all__ = ["Answer", "Call", "Expect", "WireBody", "operation_name"]


class Expect(enum.Enum):
    """What a successful answer must hold."""

    JSON = "JSON"
    """A JSON document, decoded by the bounded decoder."""
    PDF = "PDF"
    """A PDF: the body starts with ``%PDF-`` (labels, invoices, manifests)."""
    ANY = "ANY"
    """Whatever the body is: kept as bytes, not interpreted (operations with no schema)."""


class WireBody:
    """A request body already in Flipkart's wire form, handed to a generated ``_get_kwargs``.

    The generated functions take a model and call its ``to_dict()``; the plans of this
    package build the wire form directly (from names held against the spec), so this
    stands in for the model and gives that form back unchanged.
    """

    __slots__ = ("_body",)

    def __init__(self, body: Any) -> None:
        self._body = body

    def to_dict(self) -> Any:
        """The body as it goes on the wire."""
        return self._body


def operation_name(module: ModuleType | str) -> str:
    """``"shipment_v3.get_labels"`` for the generated module of ``getLabels``."""
    name = module if isinstance(module, str) else module.__name__
    return ".".join(name.rsplit(".", 2)[-2:])


@guarded_class
@dataclass(frozen=True, slots=True)
class Call:
    """One request: method, URL (relative to the API base, or absolute), body and context."""

    method: str
    url: str | httpx.URL
    json: Any = None
    """The JSON body, or ``None`` for none."""
    operation: str = ""
    """The generated operation it belongs to (``"shipment_v3.get_labels"``), named in errors."""
    params: Mapping[str, Any] | None = None
    headers: Mapping[str, str] | None = None
    extensions: Mapping[str, Any] = field(default_factory=dict)
    expect: Expect = Expect.JSON
    token_request: bool = False
    """A grant to the token endpoint: sent without a bearer token."""
    accept_errors: bool = False
    """Return the :class:`Answer` of a non-2xx status (its ``body`` is ``None``) instead of
    raising: the token renewal reads a refused grant itself."""

    def __repr__(self) -> str:
        # Token grants carry the refresh token or code in ``params`` and the Basic
        # credentials in ``headers``: a repr names the call, never its contents.
        from .redact import redact_url

        return f"Call({self.method} {redact_url(str(self.url))}, operation={self.operation!r})"

    @classmethod
    def of(
        cls,
        module: ModuleType,
        *positional: Any,
        expect: Expect | None = None,
        extensions: Mapping[str, Any] | None = None,
        **arguments: Any,
    ) -> Call:
        """The call a generated operation module builds from ``arguments`` (its own names).

        ``expect`` defaults to what the spec declares for the operation (PDF for the
        document downloads, JSON otherwise).
        """
        from .._spec import expected_answer

        built = module._get_kwargs(*positional, **arguments)
        name = operation_name(module)
        return cls(
            method=str(built["method"]).upper(),
            url=built["url"],
            json=built.get("json"),
            operation=name,
            params=built.get("params"),
            headers=built.get("headers"),
            extensions=dict(extensions or {}),
            expect=expect or Expect[expected_answer(name)],
        )

    @classmethod
    def follow(cls, operation: str, url: str | httpx.URL) -> Call:
        """A ``GET`` of a URL the server gave (a next page), as part of ``operation``."""
        return cls("GET", url, operation=operation)

    def describe(self) -> str:
        """``"shipment_v3.get_labels (GET /v3/shipments/.../labels)"`` for messages (no query)."""
        path = httpx.URL(str(self.url)).path or str(self.url)
        what = f"{self.method} {path}"
        return f"{self.operation} ({what})" if self.operation else what


@dataclass(frozen=True, slots=True)
class Answer:
    """A successful answer, read whole and checked against its call's :class:`Expect`."""

    status: int
    headers: httpx.Headers
    content: bytes
    body: Any
    """The decoded JSON (``Expect.JSON``), or the bytes (``PDF`` and ``ANY``)."""
