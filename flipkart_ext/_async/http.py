"""THE send: the one place a request of this package goes out and its answer comes back.

Every request the hand-written layer makes (resources, page walks, batch chunks, look-ups,
downloads, ``client.call``, ``fetch_token`` and ``exchange_code``) is a
:class:`~flipkart_ext._core.calls.Call` handed to :meth:`AsyncWire.send`, which:

1. refuses a closed client and (async) a client used from another event loop;
2. builds the ``httpx`` request from the call, in one way;
3. sends it through the client's transport chain (auth and 401 replay, retries with the
   body read inside the retry loop, the rate budget);
4. reads the decoded body, up to a size cap (a decompression bomb stops there);
5. turns the answer into a checked :class:`~flipkart_ext._core.calls.Answer` (JSON through
   the bounded decoder, or a PDF), or into the typed error it amounts to;
6. maps every failure on the way to a :class:`~flipkart_ext.FlipkartError` naming the
   operation: ``KeyboardInterrupt`` and cancellation pass through untouched.

:func:`read_answer` does steps 4 and 5 for an answer ``httpx`` received inside an auth flow
(a token grant). ``tests/core/test_one_io_path.py`` walks the package's syntax tree and
fails if any other module sends a request or reads a response body.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable

import httpx

from .._concurrency import AsyncLoopGuard
from .._core.answers import answer_of
from .._core.calls import Answer, Call, Expect
from .._core.decode import MAX_JSON_BYTES
from .._core.encoding import RAW_BODY, EncodingError, StrictDecoder, strict_codings
from .._core.redact import DeferredSecrets
from ..errors import (
    APIConnectionError,
    ClientClosed,
    FlipkartError,
    InternalError,
    InvalidArgument,
    MalformedResponse,
)

__all__ = ["MAX_DOCUMENT_BYTES", "AsyncWire", "read_answer"]

#: Largest PDF (or untyped body) read: a label PDF for 100 shipments is a few MB.
MAX_DOCUMENT_BYTES = 512 * 1024 * 1024


def _limit(call: Call) -> int:
    return MAX_JSON_BYTES if call.expect is Expect.JSON else MAX_DOCUMENT_BYTES


def _named(error: FlipkartError, call: Call) -> FlipkartError:
    if error.operation is None and call.operation:
        error.operation = call.operation
    return error


async def _read_body(response: httpx.Response, call: Call) -> bytes:
    """The decoded body, refused past the call's size cap (counted after decompression).

    gzip and deflate are undone strictly here (a cut stream is an error, see
    ``_core/encoding.py``); other codings are left to httpx.
    """
    limit, size = _limit(call), 0
    chunks: list[bytes] = []
    codings = strict_codings(response.headers.get("content-encoding"))
    if response.is_stream_consumed:
        codings = None  # built in memory (a test double's answer): httpx has decoded it
    if codings is None:
        async for chunk in response.aiter_bytes():
            size += len(chunk)
            if size > limit:
                raise MalformedResponse(
                    f"the answer to {call.describe()} is larger than the {limit:,} bytes accepted"
                )
            chunks.append(chunk)
        return b"".join(chunks)
    decoder = StrictDecoder(codings, limit)
    kept = response.extensions.get(RAW_BODY)
    try:
        if isinstance(kept, bytes):  # read whole by the retry transport: decoded from memory
            chunks.append(decoder.feed(kept))
        else:
            async for raw in response.aiter_raw():
                chunks.append(decoder.feed(raw))
        decoder.finish()
    except EncodingError as exc:
        raise MalformedResponse(f"the answer to {call.describe()}: {exc}") from None
    return b"".join(chunks)


async def read_answer(
    response: httpx.Response,
    call: Call,
    *,
    secrets: Iterable[str] = (),
    clock: Callable[[], float] = time.time,
) -> Answer:
    """Read ``response`` (received for ``call``) whole and check it; see :func:`answer_of`.

    Used for answers ``httpx`` received on our behalf (a token grant inside an auth flow).
    Every failure is a :class:`~flipkart_ext.FlipkartError`.
    """
    try:
        try:
            content = await _read_body(response, call)
        finally:
            await response.aclose()
        return answer_of(
            call,
            status=response.status_code,
            headers=response.headers,
            content=content,
            method=call.method,
            url=response.request.url,
            secrets=secrets,
            now=clock(),
        )
    except FlipkartError as error:
        raise _named(error, call) from None
    except httpx.DecodingError as exc:
        raise _named(_undecodable(call, exc), call) from None
    except httpx.RequestError as exc:
        raise _named(APIConnectionError.from_transport_error(exc), call) from exc


def _undecodable(call: Call, exc: httpx.DecodingError) -> MalformedResponse:
    return MalformedResponse(
        f"the answer to {call.describe()} could not be decoded "
        f"(its Content-Encoding is corrupt: {type(exc).__name__})"
    )


class AsyncWire:
    """The I/O path of one client: its ``httpx`` client and what every send must know.

    ``api_base`` is where operation paths go (default: the ``httpx`` client's ``base_url``);
    ``secrets`` returns the strings to scrub from any error (the client's tokens and
    secret); ``owner`` names the client in misuse errors.
    """

    def __init__(
        self,
        http: httpx.AsyncClient,
        *,
        api_base: str | httpx.URL | None = None,
        secrets: Callable[[], Iterable[str]] = tuple,
        owner: str = "the client",
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.http = http
        # Operation paths are relative to the API base; a client built by hand with no
        # base_url still sends them there.
        self._prefix = str(api_base).rstrip("/") if api_base is not None else None
        self._secrets = secrets
        self._owner = owner
        self._clock = clock
        self._guard = AsyncLoopGuard()

    @property
    def closed(self) -> bool:
        """True once the client was closed."""
        return self.http.is_closed

    def ready(self) -> None:
        """Raise the misuse error that any send would meet now (closed, another loop)."""
        if self.http.is_closed:
            raise ClientClosed(f"{self._owner} is closed: build a new one")
        self._guard.check(self._owner)

    async def send(self, call: Call) -> Answer:
        """Send ``call`` and return its checked answer, or raise a typed error naming it."""
        self.ready()
        try:
            url = call.url
            if self._prefix is not None and isinstance(url, str) and url.startswith("/"):
                url = self._prefix + url
            request = self.http.build_request(
                call.method,
                url,
                params=call.params,
                json=call.json,
                headers=call.headers,
                extensions=dict(call.extensions),
            )
        except (httpx.InvalidURL, TypeError, ValueError) as exc:
            raise InvalidArgument(
                f"{call.describe()}: the request cannot be built ({exc})"
            ) from None
        try:
            response = await self.http.send(
                request, auth=None if call.token_request else httpx.USE_CLIENT_DEFAULT, stream=True
            )
        except FlipkartError as error:  # from the auth flow or the budget: already typed
            raise _named(error, call) from None
        except httpx.DecodingError as exc:
            raise _named(_undecodable(call, exc), call) from None
        except httpx.RequestError as exc:
            raise _named(APIConnectionError.from_transport_error(exc), call) from exc
        except RuntimeError as exc:
            if self.http.is_closed:  # closed by another thread or task while this one sent
                raise ClientClosed(f"{self._owner} was closed while a request was sent") from exc
            raise InternalError(f"{call.describe()}: {type(exc).__name__}: {exc}") from exc
        except (httpx.HTTPError, httpx.StreamError) as exc:
            raise InternalError(f"{call.describe()}: {type(exc).__name__}: {exc}") from exc
        except Exception as exc:
            # A transport of the caller's (a test double, a recorder replaying cassettes)
            # failed in its own way: no HTTP answer came back.
            failed = APIConnectionError(
                f"{type(exc).__name__} from the transport: {exc}",
                method=call.method,
                url=str(call.url),
            )
            raise _named(failed, call) from exc
        secrets = DeferredSecrets(self._secrets)
        return await read_answer(response, call, secrets=secrets, clock=self._clock)
