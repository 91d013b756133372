# Generated from openapi/flipkart-seller-api.json by scripts/regenerate.py. Do not edit:
# change scripts/spec_fixups.py, openapi/generator-config.yaml or openapi/templates/.
"""Contains some shared types for properties"""

import datetime
from collections.abc import Mapping, MutableMapping
from http import HTTPStatus
from typing import IO, BinaryIO, Generic, Literal, TypeVar

from attrs import AttrsInstance, define, fields


class Unset:
    def __bool__(self) -> Literal[False]:
        return False

    def __repr__(self) -> str:
        return "UNSET"


UNSET: Unset = Unset()

# The types that `httpx.Client(files=)` can accept, copied from that library.
FileContent = IO[bytes] | bytes | str
FileTypes = (
    # (filename, file (or bytes), content_type)
    tuple[str | None, FileContent, str | None]
    # (filename, file (or bytes), content_type, headers)
    | tuple[str | None, FileContent, str | None, Mapping[str, str]]
)
RequestFiles = list[tuple[str, FileTypes]]


@define
class File:
    """Contains information for file uploads"""

    payload: BinaryIO
    file_name: str | None = None
    mime_type: str | None = None

    def to_tuple(self) -> FileTypes:
        """Return a tuple representation that httpx will accept for multipart/form-data"""
        return self.file_name, self.payload, self.mime_type


T = TypeVar("T")


@define
class Response(Generic[T]):
    """A response from an endpoint"""

    status_code: HTTPStatus
    content: bytes
    headers: MutableMapping[str, str]
    parsed: T | None


class IsoDateTime(datetime.datetime):
    """A date-time read from a payload that remembers the text it was read from.

    It is an ordinary :class:`datetime.datetime` in every other way (comparison,
    arithmetic, ``isoformat()``); ``to_dict()`` writes ``source_text`` back, so a
    payload round-trips unchanged (Flipkart writes ``2017-04-10T10:00:00.000+05:30``,
    which ``isoformat()`` would shorten). Arithmetic results are plain date-times.
    """

    source_text: str | None = None


def parse_datetime(text: str) -> datetime.datetime:
    """Read an ISO 8601 date-time, keeping ``text`` for :func:`isoformat_as_received`."""
    value = datetime.datetime.fromisoformat(text)
    kept = IsoDateTime(
        value.year,
        value.month,
        value.day,
        value.hour,
        value.minute,
        value.second,
        value.microsecond,
        value.tzinfo,
        fold=value.fold,
    )
    kept.source_text = text
    return kept


def isoformat_as_received(value: datetime.datetime) -> str:
    """The text a date-time was read from, else its ``isoformat()``."""
    if isinstance(value, IsoDateTime) and value.source_text is not None:
        return value.source_text
    return value.isoformat()


def model_repr(model: AttrsInstance) -> str:
    """``Name(field=value, ...)`` naming only the fields the payload had.

    A field left ``UNSET`` (absent from the payload) is left out, and so are empty
    ``additional_properties``; a field sent as ``null`` shows as ``None``. Flipkart's
    models have dozens of optional fields, and most answers fill a few of them.
    """
    shown = []
    for attribute in fields(type(model)):
        value = getattr(model, attribute.name)
        if isinstance(value, Unset) or (
            attribute.name == "additional_properties" and not value
        ):
            continue
        shown.append(f"{attribute.name}={value!r}")
    return f"{type(model).__name__}({', '.join(shown)})"


__all__ = [
    "UNSET",
    "File",
    "FileTypes",
    "IsoDateTime",
    "RequestFiles",
    "Response",
    "Unset",
    "isoformat_as_received",
    "model_repr",
    "parse_datetime",
]
