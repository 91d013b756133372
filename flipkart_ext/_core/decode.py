"""The one JSON decoder: every body this package reads goes through :func:`decode_json`.

Python's ``json.loads`` takes too much on trust for data from a network, a file or a
webhook: a duplicate key silently keeps the last value (a second ``"shipments"`` drops the
first page's items), ``1e400`` becomes ``inf``, ``NaN`` is accepted, a 100,000-deep array
raises ``RecursionError``, and a 5,000-digit integer raises a bare ``ValueError``. Here each
of those is a typed error naming what was being read, and nothing is half-decoded.

Limits
======

* **Size**: at most :data:`MAX_JSON_BYTES` (the I/O path also stops reading there).
* **Depth**: at most :data:`MAX_DEPTH` nested arrays and objects. Flipkart's documents nest
  fewer than 10 deep; the cap keeps every recursive walk of a decoded value (models,
  scrubbing, logging) far from Python's recursion limit. It is checked before decoding,
  with byte-level passes that run at C speed: escapes go, then everything but brackets,
  quotes and colons (the colons are counted, see below), then strings, and the innermost
  pairs are removed once per level.
* **Keys**: an object naming a key twice is refused.
* **Numbers**: ``NaN``, ``Infinity``, floats that overflow to infinity and integers longer
  than Python converts (4,300 digits) are refused.
* **Text**: the bytes must be UTF-8 (RFC 8259), a byte-order mark aside.

Two readers
===========

Every page of every list is decoded here, so its cost is the package's cost per page.
``msgspec`` reads JSON in under half the time ``json.loads`` takes, refuses ``NaN``, numbers
out of a float's range and invalid UTF-8, and keeps integers of any length; it does not
refuse a repeated key. So a body it reads is vouched for by a count instead: every colon of
the text is either between a key and its value or inside a string, and encoding the value
again writes the same colons, less one for each pair a repeated key dropped (and less the
colons of the strings it dropped). Equal counts mean no pair was dropped; a colon written
as ``\\u003a`` would upset the count, so a body holding one is not vouched for.

Anything not vouched for (a body ``msgspec`` refuses, or whose counts differ) is read again
by the strict reader: ``json`` with hooks that check each object's keys and each number as
they are built. It decides, and its refusals give the messages: the package accepts and
refuses exactly the texts the strict reader alone would, only faster (a property test holds
both to one plain model).
"""

from __future__ import annotations

import codecs
import json
import math
from typing import Any, Final, NoReturn

import msgspec

from ..errors import FlipkartError, MalformedResponse

__all__ = ["MAX_DEPTH", "MAX_JSON_BYTES", "decode_json", "json_depth_exceeds"]

#: Largest JSON body read, in bytes (a page of 100 shipments is about 300 KB).
MAX_JSON_BYTES = 64 * 1024 * 1024
#: Deepest nesting of arrays and objects accepted.
MAX_DEPTH = 64

# Only what structure and the colon count depend on is kept: brackets, quotes and colons.
_NOT_STRUCTURE = bytes(b for b in range(256) if b not in b'[]{}":')
_BRACES_AS_BRACKETS = bytes.maketrans(b"{}", b"[]")
#: A colon written as an escape (``\u003a`` or ``\u003A``): the colon count cannot see it.
_ESCAPED_COLON = b"\\u003"
#: What the fast reader returns for a body it does not vouch for.
_UNSURE: Final = object()


class _Refused(ValueError):
    """A value json.loads would have accepted, refused by one of the hooks below."""


def _unique(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    found = dict(pairs)
    if len(found) != len(pairs):
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                raise _Refused(f"the key {key[:80]!r} appears twice in one object")
            seen.add(key)
    return found


def _finite(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise _Refused(f"the number {text[:40]} is out of range")
    return value


def _constant(text: str) -> NoReturn:
    raise _Refused(f"{text} is not a JSON number")


# The strict reader, built once (json.loads with hooks would build one per body).
_STRICT = json.JSONDecoder(object_pairs_hook=_unique, parse_float=_finite, parse_constant=_constant)


def _deeper_than(brackets: bytes, limit: int) -> bool:
    """True when ``brackets`` (``[`` and ``]`` only) nest more than ``limit`` deep."""
    for peeled in range(limit):
        if len(brackets) <= limit - peeled:
            return False  # what is left cannot nest deeper than the levels still allowed
        # The "[]" found in one scan are exactly the innermost pairs: removing them all peels
        # one level (a pair their removal brings together waits for the next pass).
        reduced = brackets.replace(b"[]", b"")
        if len(reduced) == len(brackets):
            return False  # unbalanced: the decoder will say where
        brackets = reduced
    return bool(brackets)


def _scan(data: bytes, limit: int) -> tuple[bool, int]:
    """Whether ``data`` nests arrays and objects more than ``limit`` deep (or unbalanced), and
    how many colons it holds, inside strings or not: byte passes that run at C speed."""
    # Escapes go first, in the whole text (an escaped backslash, then an escaped quote), so
    # every quote left opens or closes a string. Then one pass keeps only brackets, quotes
    # and colons, writing braces as brackets: depth does not depend on which kind nests (a
    # mismatched pair is invalid JSON, which the decoder refuses anyway).
    if b"\\" in data:
        data = data.replace(b"\\\\", b"").replace(b'\\"', b"")
    structure = data.translate(_BRACES_AS_BRACKETS, _NOT_STRUCTURE)
    colons = structure.count(b":")
    if len(structure) - colons <= limit:
        return False, colons  # fewer brackets than the limit cannot nest deeper than it
    structure = structure.translate(None, b":")
    if structure.count(b'""') * 2 == structure.count(b'"'):
        # Every run of quotes has even length exactly when no string holds a bracket (the
        # usual page): then the quotes can simply go.
        brackets = structure.translate(None, b'"')
    else:
        # A "" left is an empty string or the boundary between two strings with no bracket
        # between them: removing it keeps every other quote's role, and what then lies
        # between the quotes left is inside strings.
        brackets = b"".join(structure.replace(b'""', b"").split(b'"')[::2])
    return _deeper_than(brackets, limit), colons


def json_depth_exceeds(data: bytes, limit: int = MAX_DEPTH) -> bool:
    """True when ``data`` nests arrays and objects more than ``limit`` deep (or unbalanced)."""
    return _scan(data, limit)[0]


def _read_fast(raw: bytes, colons: int) -> Any:
    """The value in ``raw`` (holding ``colons`` colons) read by msgspec, or :data:`_UNSURE`
    when it cannot vouch for it."""
    body = raw.removeprefix(codecs.BOM_UTF8)
    if b"\\" in body and _ESCAPED_COLON in body:  # the first test is the cheap one
        return _UNSURE
    try:
        value = msgspec.json.decode(body)
        written = msgspec.json.encode(value)
    except (msgspec.MsgspecError, RecursionError, MemoryError):
        # Whatever stops the fast reader, the strict one decides and types: it says what is
        # wrong (or reads it: a lone surrogate escape).
        return _UNSURE
    return value if written.count(b":") == colons else _UNSURE


def _read_strict(raw: bytes, what: object, error: type[FlipkartError]) -> Any:
    """The value in ``raw`` read by the json module, each key and number checked as it is built."""
    try:
        # JSON between systems is UTF-8 (RFC 8259); a byte-order mark is tolerated.
        text = raw.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as exc:
        raise error(f"{what}: not UTF-8 ({exc.reason} at byte {exc.start})") from None
    try:
        return _STRICT.decode(text)
    except _Refused as refused:
        raise error(f"{what}: {refused}") from None
    except json.JSONDecodeError as exc:
        raise error(
            f"{what}: not valid JSON ({exc.msg} at line {exc.lineno} column {exc.colno})"
        ) from None
    except (ValueError, RecursionError, MemoryError) as exc:  # e.g. an integer too long
        reason = str(exc).split(";")[0][:120] or type(exc).__name__
        raise error(f"{what}: cannot be read ({reason})") from None


def decode_json(
    data: bytes | str,
    *,
    what: object,
    error: type[FlipkartError] = MalformedResponse,
    max_bytes: int = MAX_JSON_BYTES,
) -> Any:
    """The JSON value in ``data``, or ``error`` saying ``what`` could not be read and why.

    ``what`` names the thing read (``"the answer to get_shipment_details"``; anything whose
    ``str()`` does, so a costly name is only worked out for a message); ``error`` is
    the class raised (:class:`MalformedResponse` for API answers). Messages never quote the
    data itself, which may hold a token.
    """
    raw = data.encode("utf-8", "surrogatepass") if isinstance(data, str) else data
    if len(raw) > max_bytes:
        raise error(f"{what}: {len(raw):,} bytes is more than the {max_bytes:,} accepted")
    if not raw.strip():
        raise error(f"{what}: empty, where JSON was expected")
    deeper, colons = _scan(raw, MAX_DEPTH)
    if deeper:
        raise error(f"{what}: nested more than {MAX_DEPTH} levels deep")
    value = _read_fast(raw, colons)
    return _read_strict(raw, what, error) if value is _UNSURE else value
