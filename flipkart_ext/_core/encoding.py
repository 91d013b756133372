"""Undoing a ``Content-Encoding`` strictly: a cut or corrupt stream is an error, not a short body.

httpx's gzip and deflate decoders flush whatever came and stop: a stream cut before its
end (no gzip trailer, a deflate stream that never finished) decodes to a shorter body
without a word, and a shorter JSON page or PDF is data silently lost. This decoder undoes
``gzip`` / ``x-gzip`` / ``deflate`` (and ``identity``) itself, in the order the header
lists them, and refuses a stream that did not reach its end, carries bytes after it, or
decodes past the size the caller accepts (a decompression bomb stops there, not in memory).
Other codings (``br``, ``zstd``) are left to httpx.
"""

from __future__ import annotations

import zlib
from typing import Final

__all__ = ["RAW_BODY", "STRICT_CODINGS", "EncodingError", "StrictDecoder", "strict_codings"]

#: The codings undone here; a header naming any other leaves the body to httpx.
STRICT_CODINGS: Final = frozenset({"gzip", "x-gzip", "deflate", "identity"})

#: The response extension under which the retry transport, having read an answer's body
#: whole (still encoded) inside its loop, leaves those bytes for the I/O path to decode,
#: instead of streaming them back through httpx a second time.
RAW_BODY: Final = "flipkart_ext.raw_body"


class EncodingError(ValueError):
    """The body's ``Content-Encoding`` could not be undone: the reason, never the bytes."""


def strict_codings(header: str | None) -> list[str] | None:
    """The codings to undo, last applied first; ``None`` when one is not ours to undo."""
    codings = [c.strip().lower() for c in (header or "").split(",") if c.strip()]
    if any(c not in STRICT_CODINGS for c in codings):
        return None
    return [c for c in reversed(codings) if c != "identity"]


class _Stream:
    """One zlib stream, decoded up to ``limit`` bytes."""

    def __init__(self, coding: str) -> None:
        self.coding = coding
        self._first = True
        self._object: zlib._Decompress | None = None

    def _start(self, data: bytes) -> zlib._Decompress:
        if self.coding == "deflate":
            # "deflate" is zlib-wrapped by the RFC, raw deflate in practice: the zlib header
            # (its first byte's low nibble is 8, and the first two bytes are a multiple of 31)
            # tells them apart, as browsers do.
            wrapped = len(data) >= 2 and data[0] & 0x0F == 8 and (data[0] << 8 | data[1]) % 31 == 0
            return zlib.decompressobj(zlib.MAX_WBITS if wrapped else -zlib.MAX_WBITS)
        return zlib.decompressobj(16 + zlib.MAX_WBITS)

    def feed(self, data: bytes, room: int) -> bytes:
        if not data:
            return b""
        if self._object is None:
            self._object = self._start(data)
        if self._object.eof:
            raise EncodingError(f"{self.coding}: bytes after the end of the compressed stream")
        try:
            out = self._object.decompress(data, room + 1)
        except zlib.error as exc:
            raise EncodingError(f"{self.coding}: corrupt ({exc})") from None
        if self._object.unconsumed_tail:
            raise EncodingError("decodes to more than the size accepted")
        if self._object.eof and self._object.unused_data.strip(b"\0"):
            raise EncodingError(f"{self.coding}: bytes after the end of the compressed stream")
        return out

    def finish(self) -> None:
        if self._object is None:
            return  # an empty body: nothing was encoded
        if not self._object.eof:
            raise EncodingError(f"{self.coding}: the compressed stream is cut short")


class StrictDecoder:
    """Undoes ``codings`` (from :func:`strict_codings`) chunk by chunk, up to ``limit`` bytes."""

    def __init__(self, codings: list[str], limit: int) -> None:
        self._streams = [_Stream(coding) for coding in codings]
        self._limit = limit
        self._size = 0

    def feed(self, chunk: bytes) -> bytes:
        """The decoded bytes ``chunk`` yields; raises :class:`EncodingError`."""
        for stream in self._streams:
            chunk = stream.feed(chunk, self._limit - self._size)
        self._size += len(chunk)
        if self._size > self._limit:
            raise EncodingError("decodes to more than the size accepted")
        return chunk

    def finish(self) -> None:
        """Raise :class:`EncodingError` unless every stream reached its end."""
        for stream in self._streams:
            stream.finish()
