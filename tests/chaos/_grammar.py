"""The grammar of chaotic answers: hypothesis strategies for :class:`Chaos`, and how one
changes a true answer into the :class:`~tests.chaos._server.Delivery` that goes on the wire.

A :class:`Chaos` changes one dimension of an answer (status, headers, body, content coding,
framing, 1xx preamble, timing) or, drawn more rarely, all of them at once. Its repr is small
(a deep body is drawn as its depth, not its bytes), so a failing example prints readably.
"""

from __future__ import annotations

import gzip
import zlib
from dataclasses import dataclass
from typing import Any

from hypothesis import strategies as st

from . import _json
from ._server import FRAMINGS, Cut, Delivery

__all__ = [
    "DIMENSIONS",
    "BodyFault",
    "Chaos",
    "Truth",
    "answers",
    "chaos",
    "decoded_bodies",
    "json_body_faults",
    "pdf_body_faults",
]

JSON = b"application/json"
PDF = b"application/pdf"

# -- what the server would answer without chaos --------------------------------------------


@dataclass(frozen=True)
class Truth:
    """The true answer: a JSON document (as a tree) or raw bytes (a PDF)."""

    doc: Any = None
    raw: bytes | None = None
    status: int = 200
    content_type: bytes = JSON

    def body(self) -> bytes:
        return self.raw if self.raw is not None else _json.dump(self.doc)


# -- body faults -----------------------------------------------------------------------------

HTML_PAGE = (
    b"<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head>"
    b"<body><h1>Bad Gateway</h1><p>The upstream server is unavailable.</p></body></html>"
)
PDF_IN_PLACE_OF_JSON = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"
JSON_ERROR = b'{"errors": [{"code": "INTERNAL", "description": "try later"}]}'
NUMBERS = (
    "9" * 5000,
    "-" + "9" * 5000,
    "1e400",
    "-1e400",
    "NaN",
    "Infinity",
    "-Infinity",
    "123456789012345678901234567890",
    "1e-400",
    "-0",
)
WRONG_VALUES: tuple[Any, ...] = (None, True, False, 0, -1, 1.5, "", "x", [], {}, [1], {"a": 1})
BAD_UTF8 = (b"\xff", b"\xc3\x28", b"\xed\xa0\x80", b"\xf0\x28\x8c\x28", b"\x80")


@dataclass(frozen=True)
class BodyFault:
    kind: str
    where: int = 0  # a position, taken modulo what it indexes
    value: Any = None
    before: bool = False

    def apply_json(self, doc: Any) -> bytes:
        body = _json.dump(doc)
        spots = _json.paths(doc)
        if self.kind == "random":
            return bytes(self.value)
        if self.kind == "truncate":
            return body[: self.where % max(1, len(body))]
        if self.kind == "html":
            return HTML_PAGE
        if self.kind == "pdf":
            return PDF_IN_PLACE_OF_JSON
        if self.kind == "empty":
            return b""
        if self.kind == "bom":
            return b"\xef\xbb\xbf" + body
        if self.kind == "whitespace":
            return b" \r\n\t" + body + b"\n "
        if self.kind == "trailing":
            return body + bytes(self.value)
        if self.kind == "two_documents":
            return body + body
        if not spots:
            return body + b"}"  # nothing inside to change: break it instead
        spot = spots[self.where % len(spots)]
        if self.kind == "deep":
            depth = int(self.value)
            return _json.dump(_json.replaced(doc, spot, _json.Raw("[" * depth + "]" * depth)))
        if self.kind == "number":
            return _json.dump(_json.replaced(doc, spot, _json.Raw(str(self.value))))
        if self.kind == "wrong_type":
            return _json.dump(_json.replaced(doc, spot, self.value))
        if self.kind == "duplicate":
            members = [p for p in spots if isinstance(_json.at(doc, p[:-1]), _json.Obj)]
            if not members:
                return body + body
            member = members[self.where % len(members)]
            twin = _json.with_duplicate(doc, member, _json.to_tree(self.value), before=self.before)
            return _json.dump(twin)
        if self.kind == "utf8":
            strings = [p for p in spots if isinstance(_json.at(doc, p), str)]
            if not strings:
                return body[:1] + bytes(self.value) + body[1:]
            spot = strings[self.where % len(strings)]
            text = _json.dump(_json.at(doc, spot))
            bad = _json.RawBytes(text[:-1] + bytes(self.value) + b'"')
            return _json.dump(_json.replaced(doc, spot, bad))
        raise AssertionError(self.kind)

    def apply_bytes(self, body: bytes) -> bytes:
        if self.kind == "random":
            return bytes(self.value)
        if self.kind == "truncate":
            return body[: self.where % max(1, len(body))]
        if self.kind == "html":
            return HTML_PAGE
        if self.kind == "json":
            return JSON_ERROR
        if self.kind == "empty":
            return b""
        if self.kind == "bom":
            return b"\xef\xbb\xbf" + body
        if self.kind == "leading_space":
            return b"\n" + body
        if self.kind == "lowercase":
            return body.replace(b"%PDF-", b"%pdf-", 1)
        if self.kind == "no_dash":
            return body.replace(b"%PDF-", b"%PDF", 1)
        raise AssertionError(self.kind)


_where = st.integers(0, 10**6)
json_body_faults = st.one_of(
    st.builds(BodyFault, st.just("random"), value=st.binary(max_size=64)),
    st.builds(BodyFault, st.just("truncate"), _where),
    st.builds(BodyFault, st.just("deep"), _where, st.sampled_from([20_000, 100_000])),
    st.builds(BodyFault, st.just("number"), _where, st.sampled_from(NUMBERS)),
    st.builds(BodyFault, st.just("wrong_type"), _where, st.sampled_from(WRONG_VALUES)),
    st.builds(
        BodyFault, st.just("duplicate"), _where, st.sampled_from(WRONG_VALUES), st.booleans()
    ),
    st.builds(BodyFault, st.just("utf8"), _where, st.sampled_from(BAD_UTF8)),
    st.sampled_from(
        [BodyFault(k) for k in ("html", "pdf", "empty", "bom", "whitespace", "two_documents")]
    ),
    st.builds(BodyFault, st.just("trailing"), value=st.sampled_from([b"x", b"]", b"\x00", b"{}"])),
)
pdf_body_faults = st.one_of(
    st.builds(BodyFault, st.just("random"), value=st.binary(max_size=64)),
    st.builds(BodyFault, st.just("truncate"), _where),
    st.sampled_from(
        [
            BodyFault(k)
            for k in ("html", "json", "empty", "bom", "leading_space", "lowercase", "no_dash")
        ]
    ),
)

# -- content codings -----------------------------------------------------------------------

ENCODINGS = (
    "gzip",
    "GZIP",
    "deflate",
    "deflate-raw",
    "gzip, gzip",
    "identity",
    "gzip-not-compressed",
    "gzip-truncated",
    "gzip-garbage",
    "br",
    "x-unknown",
)


def _raw_deflate(data: bytes) -> bytes:
    compressor = zlib.compressobj(wbits=-15)
    return compressor.compress(data) + compressor.flush()


def encode(body: bytes, encoding: str) -> tuple[bytes, bytes]:
    """(header value, body as written) for a drawn coding of ``body``."""
    if encoding in ("gzip", "GZIP"):
        return encoding.encode(), gzip.compress(body, mtime=0)
    if encoding == "deflate":
        return b"deflate", zlib.compress(body)
    if encoding == "deflate-raw":
        return b"deflate", _raw_deflate(body)
    if encoding == "gzip, gzip":
        return b"gzip, gzip", gzip.compress(gzip.compress(body, mtime=0), mtime=0)
    if encoding == "gzip-not-compressed":
        return b"gzip", body
    if encoding == "gzip-truncated":
        whole = gzip.compress(body, mtime=0)
        return b"gzip", whole[: max(1, len(whole) - 9)]
    if encoding == "gzip-garbage":
        return b"gzip", b"\x1f\x8b\x08\x00garbage" + body[:20]
    return encoding.encode(), body  # identity, br (no decoder here), unknown


def _decode_one(data: bytes, coding: str) -> bytes | None:
    """One content coding undone completely, or None (unknown, corrupt or cut short)."""
    if coding == "identity":
        return data
    if coding not in ("gzip", "x-gzip", "deflate"):
        return None
    for wbits in (zlib.MAX_WBITS | 16,) if coding != "deflate" else (zlib.MAX_WBITS, -15):
        decoder = zlib.decompressobj(wbits)
        try:
            out = decoder.decompress(data) + decoder.flush()
        except zlib.error:
            continue
        if decoder.eof and not decoder.unused_data:
            return out
    return None


def decoded_bodies(raw: bytes, headers: tuple[tuple[bytes, bytes], ...]) -> list[bytes]:
    """What a body stands for: the bytes as written, and, when every coding named in
    ``Content-Encoding`` is known and complete, the decoded bytes."""
    names = [v for n, v in headers if n.lower() == b"content-encoding"]
    codings = [
        c.strip().lower() for v in names for c in v.decode("latin-1").split(",") if c.strip()
    ]
    found = [raw]
    data: bytes | None = raw
    for coding in reversed(codings):
        data = _decode_one(data, coding) if data is not None else None
    if codings and data is not None:
        found.append(data)
    return found


# -- one drawn answer ----------------------------------------------------------------------


@dataclass(frozen=True)
class Chaos:
    """How one answer differs from the true one (the defaults change nothing)."""

    status: int | None = None
    reason: bytes = b"OK"
    headers: tuple[tuple[bytes, bytes], ...] = ()
    content_type: bytes | None = None  # None: the true one; b"": none at all
    body: BodyFault | None = None
    encoding: str | None = None
    framing: str = "length"
    garbage_length: bytes = b"abc"
    chunk_size: int = 7
    informational: bytes = b""
    cut: Cut | None = None

    def apply(self, truth: Truth) -> Delivery:
        if self.body is None:
            body = truth.body()
        elif truth.raw is not None:
            body = self.body.apply_bytes(truth.raw)
        else:
            body = self.body.apply_json(truth.doc)
        headers: list[tuple[bytes, bytes]] = []
        content_type = truth.content_type if self.content_type is None else self.content_type
        if content_type:
            headers.append((b"Content-Type", content_type))
        if self.encoding is not None:
            value, body = encode(body, self.encoding)
            headers.append((b"Content-Encoding", value))
        headers.extend(self.headers)
        return Delivery(
            status=truth.status if self.status is None else self.status,
            reason=self.reason,
            headers=tuple(headers),
            body=body,
            framing=self.framing,
            garbage_length=self.garbage_length,
            chunk_size=self.chunk_size,
            informational=self.informational,
            cut=self.cut,
        )


STATUSES = st.one_of(
    st.sampled_from(
        [
            200,
            201,
            202,
            204,
            206,
            299,
            301,
            302,
            304,
            400,
            401,
            403,
            404,
            409,
            418,
            422,
            429,
            499,
            500,
            502,
            503,
            504,
            599,
            101,
            199,
        ]
    ),
    st.integers(100, 599),
)
RETRY_AFTER_VALUES = (
    b"0",
    b"1",
    b"0.2",
    b"120",
    b"-5",
    b"abc",
    b"",
    b"99999999999999999999",
    b"9" * 400,
    b"1e400",
    b"NaN",
    b"Thu, 01 Jan 1970 00:00:00 GMT",
    b"Wed, 21 Oct 2015 07:28:00 GMT",
    b"Fri, 31 Dec 9999 23:59:59 GMT",
    b"Sat, 01 Jan 99999 00:00:00 GMT",
    b"Mon, 32 Foo 2024 99:99:99 GMT",
    b"Tue, 01 Jan 0001 00:00:00 GMT",
)
RETRY_AFTER = st.sampled_from(RETRY_AFTER_VALUES)
CONTENT_TYPES = st.sampled_from(
    [
        b"",
        b"application/json; charset=utf-8",
        b"APPLICATION/JSON",
        b"application/json; charset=latin-1",
        b"text/html; charset=utf-8",
        b"text/plain",
        b"application/pdf",
        b"application/octet-stream",
        b"application/problem+json",
        b"multipart/form-data; boundary=x",
    ]
)
EXTRA_HEADERS = st.lists(
    st.one_of(
        st.tuples(st.just(b"Retry-After"), RETRY_AFTER),
        st.tuples(st.just(b"Content-Type"), CONTENT_TYPES.filter(bool)),
        st.sampled_from(
            [
                (b"Connection", b"close"),
                (b"X-Binary", b"\xff\xfe\x80"),
                (b"X-Empty", b""),
                (b"Bad Header", b"x"),
                (b"X-Nul", b"a\x00b"),
                (b"X-Long", b"v" * 70_000),
                (b"Content-Encoding", b"gzip"),
                (b"Transfer-Encoding", b"gzip"),
                (b"WWW-Authenticate", b'Bearer error="invalid_token"'),
                (b"Location", b"https://elsewhere.test/"),
            ]
        ),
    ),
    min_size=1,
    max_size=3,
).map(tuple)
INFORMATIONAL_ANSWERS = (
    b"HTTP/1.1 100 Continue\r\n\r\n",
    b"HTTP/1.1 103 Early Hints\r\nLink: </x>; rel=preload\r\n\r\n",
    b"HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 102 Processing\r\n\r\n",
)
INFORMATIONAL = st.sampled_from(INFORMATIONAL_ANSWERS)
REASONS = st.sampled_from([b"OK", b"", b"Weird \xff reason", b"Not OK at all"])
# Slow trickles outlast any sane deadline: a client must give up within its total timeout.
TRICKLE_DELAYS = st.sampled_from([0.0005, 0.02, 0.15])
CUTS = st.one_of(
    st.builds(Cut, st.sampled_from(["reset", "close", "stall"]), _where),
    st.builds(Cut, st.just("trickle"), _where, TRICKLE_DELAYS),
)
GARBAGE_LENGTHS = st.sampled_from(
    [b"abc", b"-1", b"1e3", b"", b"+5", b"0x10", b"99999999999999999999"]
)


DIMENSIONS = ("status", "headers", "body", "encoding", "framing", "preamble", "timing", "mixed")
"""What a drawn answer changes; every test runs once per dimension, so that one failure
class cannot hide another (hypothesis reports the first failure it meets)."""


def chaos(dimension: str, body_faults: st.SearchStrategy[BodyFault]) -> st.SearchStrategy[Chaos]:
    """One drawn answer changed in ``dimension`` (``mixed``: in all of them at once)."""
    if dimension == "status":
        return st.builds(
            Chaos,
            status=STATUSES,
            reason=REASONS,
            headers=st.one_of(
                st.just(()), st.tuples(st.tuples(st.just(b"Retry-After"), RETRY_AFTER))
            ),
        )
    if dimension == "headers":
        return st.builds(Chaos, headers=EXTRA_HEADERS, content_type=st.none() | CONTENT_TYPES)
    if dimension == "body":
        return st.builds(Chaos, body=body_faults)
    if dimension == "encoding":
        return st.builds(Chaos, encoding=st.sampled_from(ENCODINGS))
    if dimension == "framing":
        return st.builds(
            Chaos,
            framing=st.sampled_from(FRAMINGS),
            garbage_length=GARBAGE_LENGTHS,
            chunk_size=st.integers(1, 64),
        )
    if dimension == "preamble":
        return st.builds(Chaos, informational=INFORMATIONAL, reason=REASONS)
    if dimension == "timing":
        return st.builds(Chaos, cut=CUTS)
    assert dimension == "mixed", dimension
    return st.builds(
        Chaos,
        status=st.none() | STATUSES,
        reason=REASONS,
        headers=st.just(()) | EXTRA_HEADERS,
        content_type=st.none() | CONTENT_TYPES,
        body=st.none() | body_faults,
        encoding=st.none() | st.sampled_from(ENCODINGS),
        framing=st.sampled_from(FRAMINGS),
        garbage_length=GARBAGE_LENGTHS,
        chunk_size=st.integers(1, 64),
        informational=st.just(b"") | INFORMATIONAL,
        cut=st.none() | CUTS,
    )


def answers(
    dimension: str, body_faults: st.SearchStrategy[BodyFault]
) -> st.SearchStrategy[list[Chaos]]:
    """The chaos of the first answers, in order; later answers are the true ones."""
    return st.lists(chaos(dimension, body_faults), min_size=1, max_size=3)
