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
  colons and quotes, then strings, and innermost ``[]`` / ``{}`` pairs are removed once
  per level.
* **Keys**: an object naming a key twice is refused. The same passes count the colons
  outside strings, which in valid JSON are its key/value pairs; the decoder counts the
  pairs its objects hold. Only when the two differ is the body decoded again by a decoder
  that checks each object's keys as it builds it, to name the repeated key: checking every
  object that way costs about half a decode more on every page.
* **Numbers**: ``NaN``, ``Infinity``, floats that overflow to infinity and integers longer
  than Python converts (4,300 digits) are refused.
* **Text**: the bytes must be UTF-8 (RFC 8259), a byte-order mark aside.
"""

from __future__ import annotations

import json
import math
from typing import Any, NoReturn

from ..errors import FlipkartError, MalformedResponse

__all__ = ["MAX_DEPTH", "MAX_JSON_BYTES", "decode_json", "json_depth_exceeds"]

#: Largest JSON body read, in bytes (a page of 100 shipments is about 300 KB).
MAX_JSON_BYTES = 64 * 1024 * 1024
#: Deepest nesting of arrays and objects accepted.
MAX_DEPTH = 64

# Only what structure depends on is kept: brackets, colons and quotes.
_NOT_STRUCTURE = bytes(b for b in range(256) if b not in b'[]{}":')


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


# The strict decoder, built once (json.loads with hooks would build one per body): it checks
# every object for a repeated key as it is built, which costs a list of pairs and a call per
# object. It is only run on a body whose cheap count below says a key may repeat.
_STRICT = json.JSONDecoder(object_pairs_hook=_unique, parse_float=_finite, parse_constant=_constant)


def _structure(data: bytes) -> bytes:
    """The brackets, braces and colons of ``data`` that lie outside its strings, in order.

    Byte-level passes that run at C speed. Escapes go first, in the whole text (an escaped
    backslash, then an escaped quote), so every quote left opens or closes a string; then
    all but the structure and quotes go. A ``""`` left is an empty string or the boundary
    between two strings with nothing structural between them: removing it keeps every
    other quote's role. What then lies between the quotes left is inside strings.
    """
    if b"\\" in data:
        data = data.replace(b"\\\\", b"").replace(b'\\"', b"")
    structure = data.translate(None, _NOT_STRUCTURE).replace(b'""', b"")
    if b'"' in structure:  # strings holding a bracket or a colon
        structure = b"".join(structure.split(b'"')[::2])
    return structure


def _deeper_than(brackets: bytes, limit: int) -> bool:
    """True when ``brackets`` (brackets and braces only) nest more than ``limit`` deep."""
    for peeled in range(limit):
        if len(brackets) <= limit - peeled:
            return False  # what is left cannot nest deeper than the levels still allowed
        # A placeholder keeps a pair that a removal brings together for the next pass, so
        # each pass peels exactly one level.
        reduced = brackets.replace(b"[]", b"\0").replace(b"{}", b"\0").translate(None, b"\0")
        if reduced == brackets:
            return False  # unbalanced: the decoder will say where
        brackets = reduced
    return bool(brackets)


def json_depth_exceeds(data: bytes, limit: int = MAX_DEPTH) -> bool:
    """True when ``data`` nests arrays and objects more than ``limit`` deep (or unbalanced)."""
    if len(data) <= limit:
        return False  # nesting deeper than the limit takes more bytes than that
    return _deeper_than(_structure(data).replace(b":", b""), limit)


def _decode_counting_pairs(text: str) -> tuple[Any, int]:
    """``text`` decoded with plain dicts, and how many key/value pairs those dicts hold."""
    held = 0

    def counted(found: dict[str, Any]) -> dict[str, Any]:
        nonlocal held
        held += len(found)
        return found

    # A decoder per body: the count belongs to this body (a shared one would mix threads).
    decoder = json.JSONDecoder(object_hook=counted, parse_float=_finite, parse_constant=_constant)
    return decoder.decode(text), held


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
    # In valid JSON every colon outside a string separates a key from its value, so the
    # structure's colons count the pairs the text names; objects that hold fewer pairs lost
    # a repeated key. Counting is a few byte passes and a call per object; checking each
    # object's keys as it is built (the strict decoder) costs about half a decode more.
    structure = _structure(raw)
    if _deeper_than(structure.replace(b":", b""), MAX_DEPTH):
        raise error(f"{what}: nested more than {MAX_DEPTH} levels deep")
    try:
        # JSON between systems is UTF-8 (RFC 8259); a byte-order mark is tolerated.
        text = raw.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as exc:
        raise error(f"{what}: not UTF-8 ({exc.reason} at byte {exc.start})") from None
    try:
        value, held = _decode_counting_pairs(text)
        if held != structure.count(b":"):
            value = _STRICT.decode(text)  # says which key repeats
        return value
    except _Refused as refused:
        raise error(f"{what}: {refused}") from None
    except json.JSONDecodeError as exc:
        raise error(
            f"{what}: not valid JSON ({exc.msg} at line {exc.lineno} column {exc.colno})"
        ) from None
    except (ValueError, RecursionError, MemoryError) as exc:  # e.g. an integer too long
        reason = str(exc).split(";")[0][:120] or type(exc).__name__
        raise error(f"{what}: cannot be read ({reason})") from None
