# Generated from flipkart_ext/_async/auth.py by scripts/generate_sync.py: do not edit; change the async source and run `make sync`.
"""The token renewal, written once: locks, the store, the custody rule, the grant, the save.

:func:`renew` is the only place a token renewal happens. It is a generator: it yields the
token grant (a :class:`~flipkart_ext._core.calls.Call`), receives its
:class:`~flipkart_ext._core.calls.Answer`, and yields the settled token last. Three drivers
run it:

* :func:`auth_flow`, the ``httpx.Auth`` flow of :class:`~flipkart_ext.FlipkartAuth`: the grant
  is yielded to httpx as a request and read back with :func:`read_answer`;
* :func:`fetch_token` and :func:`exchange_code`, which send the grant through the client's
  I/O path (``wire.send``);
* :func:`run_job`, for the client of the previous layout (it hands a ``send`` function).

Every decision is made by :class:`~flipkart_ext.FlipkartAuth` and
:mod:`flipkart_ext._core.auth_plan` without I/O; this module performs the store calls and
the sends they decide, in this order, under the client's lock and the store's::

    load the stored record
    write back a token this worker holds that the store lacks (unsaved, or evicted)
    plan: use a stored token, or spend the freshest refresh token known
    mark the refresh token as being spent (check-and-set)   <- before it leaves
    send the grant
    save the answer (check-and-set); on failure keep it and write it at the next call

Every failure of a store is a :class:`~flipkart_ext.TokenStoreError`, whatever the store
raised; a store that fails while the token in hand can still be sent leaves the call going.
"""

from __future__ import annotations

import contextlib
from collections.abc import Generator, Iterator
from typing import TYPE_CHECKING, Any, Protocol

import httpx

from .._concurrency import sync_store_view
from .._core.auth_plan import may_replace, next_generation, same_grant
from .._core.calls import Answer, Call
from .._core.tokens import Token
from ..errors import FlipkartError, MalformedResponse, ReauthorizationRequired, TokenStoreError
from .http import read_answer

if TYPE_CHECKING:
    from .._auth import FlipkartAuth, Grant, TokenJob
    from ..stores import TokenStore
    from .http import Wire

__all__ = [
    "HTTPSend",
    "Renewal",
    "Send",
    "auth_flow",
    "exchange_code",
    "fetch_token",
    "renew",
    "run_job",
    "store_unsaved",
]

#: What a renewal yields: the grant to send, then the settled token.
Renewal = Generator["Call | Token", Answer]


class Send(Protocol):
    """Sends a token grant and returns its answer (``wire.send``, or a driver's own)."""

    def __call__(self, call: Call, /) -> Answer: ...


class HTTPSend(Protocol):
    """Sends an ``httpx.Request`` (the client of the previous layout hands one)."""

    def __call__(self, request: httpx.Request, /) -> httpx.Response: ...


def _failed(doing: str, exc: Exception) -> TokenStoreError:
    """A custom store's own exception, as the typed error every store failure is."""
    return TokenStoreError(f"the token store failed {doing} ({type(exc).__name__}: {exc})")


def _load(auth: FlipkartAuth, store: TokenStore) -> Token | None:
    try:
        token = store.load(auth.key)
    except FlipkartError:
        raise
    except Exception as exc:
        raise _failed("reading the token", exc) from exc
    auth._remember(token)  # its values are scrubbed from any error from now on
    return token


def _write(
    auth: FlipkartAuth, store: TokenStore, lease: object, expected: Token | None, token: Token
) -> bool:
    """Write ``token`` by the custody rule; ``False`` when a newer record was kept."""
    try:
        replace = getattr(store, "replace", None)
        if replace is not None:
            return bool(replace(auth.key, token, expected=expected, lease=lease))
        # A plain store is written under its lock, which no one else holds meanwhile.
        if not may_replace(token, store.load(auth.key), expected):
            return False
        store.save(auth.key, token)
        return True
    except FlipkartError:
        raise
    except Exception as exc:
        raise _failed("saving the token", exc) from exc


def _was_stored(auth: FlipkartAuth, store: TokenStore) -> bool:
    """True when the store says a token was stored for this key (its record since lost)."""
    was_stored = getattr(store, "was_stored", None)
    if was_stored is None:
        return False
    try:
        return bool(was_stored(auth.key))
    except FlipkartError:
        raise
    except Exception as exc:
        raise _failed("reading the token", exc) from exc


@contextlib.contextmanager
def _locked(auth: FlipkartAuth, store: TokenStore) -> Iterator[object]:
    """The client's lock, then the store's; a custom store's failure to lock is typed."""
    with auth.sync_lock:
        try:
            held = store.lock(auth.key)
            lease = held.__enter__()
        except FlipkartError:
            raise
        except Exception as exc:
            raise _failed("locking the token", exc) from exc
        try:
            yield lease
        finally:
            with contextlib.suppress(Exception):  # a lock that fails to leave is the store's
                held.__exit__(None, None, None)


def _keep(
    auth: FlipkartAuth, store: TokenStore, lease: object, stored: Token | None, token: Token
) -> Token:
    """Save a token just obtained; keep it if the store fails; after a lost check-and-set,
    use the newer one stored."""
    try:
        if _write(auth, store, lease, stored, token):
            return auth._written(token)
        return auth._not_written(token, _load(auth, store))
    except TokenStoreError as exc:
        return auth._save_failed(token, exc, stored)


def _keep_custody(
    auth: FlipkartAuth, store: TokenStore, lease: object, stored: Token | None
) -> tuple[Token | None, Token | None]:
    """Write what this worker holds and the store lacks.

    Returns the record stored now, and the record the store vouches for: a token this
    worker wrote back from memory (the store had lost it) is not vouched for by the store,
    since another worker may hold a newer one.
    """
    unsaved = auth._unsaved_to_write(stored)
    if unsaved is not None:
        if _write(auth, store, lease, auth._over_for(unsaved, stored), unsaved):
            written = auth._written(unsaved)
            return written, written
        auth._unsaved = None  # a newer token was stored meanwhile: that one is kept
        now_stored = _load(auth, store)
        return now_stored, now_stored
    missing = auth._restore(stored)
    if missing is not None and _write(auth, store, lease, stored, missing):
        return missing, stored
    return stored, stored


def store_unsaved(auth: FlipkartAuth) -> bool:
    """Write the token this worker holds and no store has; ``True`` once none is left.

    What the background retrier calls (and what any renewal does first).
    """
    if auth._unsaved is None:
        return True
    store = sync_store_view(auth)
    try:
        with _locked(auth, store) as lease:
            _keep_custody(auth, store, lease, _load(auth, store))
    except TokenStoreError:
        return False
    return auth._unsaved is None


def renew(
    auth: FlipkartAuth,
    stale: Token | None,
    extensions: dict[str, Any],
    *,
    rejected: bool = False,
    code: Grant | None = None,
) -> Renewal:
    """Settle a usable token: yields the grant to send (if any), then the token.

    Both locks are held from the store read to the store write, and left before the
    token is yielded.
    """
    store = sync_store_view(auth)
    settled: Token | None = None
    try:
        with _locked(auth, store) as lease:
            stored, vouched = _keep_custody(auth, store, lease, _load(auth, store))
            plan = auth._plan(stale, stored, rejected=rejected, code=code is not None)
            if plan.use is not None:
                settled = auth._adopt(plan.use)
            else:
                if plan.dead is not None:
                    auth._token = plan.dead
                if plan.invalidate is not None and _write(
                    auth, store, lease, stored, plan.invalidate
                ):
                    stored = plan.invalidate
                try:
                    grant = code or auth._grant_for(plan.known, extensions)
                except ReauthorizationRequired:
                    if stored is None and _was_stored(auth, store):
                        raise auth._record_lost() from None
                    raise
                if plan.invalidate is not None and vouched is not None:
                    vouched = plan.invalidate if same_grant(vouched, plan.invalidate) else vouched
                spend = auth._spending(grant, plan.known, stored)
                if spend.mark is not None and not _write(auth, store, lease, stored, spend.mark):
                    settled = auth._mark_lost(_load(auth, store), stale, rejected)
                else:
                    if spend.mark is not None:
                        auth._intent = spend.mark.refresh_sent_at
                        stored = spend.mark
                    generation = next_generation(stored, plan.known, auth._token)
                    answer = yield grant.call
                    try:
                        token = auth._accept(grant, answer, generation)
                    except ReauthorizationRequired as refused:
                        now_stored = _load(auth, store)
                        settled = auth._after_refusal(
                            refused, grant, plan.known, vouched, spend, now_stored
                        )
                    else:
                        settled = _keep(auth, store, lease, stored, token)
    except TokenStoreError:
        fallback = auth._fallback(stale, rejected, code)
        if fallback is None:
            raise
        settled = fallback  # the store is failing; the token in hand still works
    assert settled is not None  # every branch above settles or raises
    yield settled


def _answer(
    auth: FlipkartAuth, response: httpx.Response, call: Call, request: httpx.Request
) -> Answer:
    """The answer httpx received for a token grant, read whole by the I/O path."""
    _attach(response, request)
    try:
        answer = read_answer(response, call, secrets=auth.secrets(), clock=auth._clock)
    except MalformedResponse as error:
        raise _auth_error(error, response.status_code) from None
    # httpx reads this answer once more when the flow moves on (for its history): hand it
    # the bytes read here, as its own read would have kept them.
    response._content = answer.content
    return answer


def _attach(response: httpx.Response, request: httpx.Request) -> None:
    """Give a hand-made answer (a test's, a custom transport's) the request it answers."""
    try:
        response.request  # noqa: B018 - httpx raises when the answer has none
    except RuntimeError:
        response.request = request


def _auth_error(error: MalformedResponse, status: int | None = None) -> FlipkartError:
    """A token answer that is not readable JSON: the grant gave no usable token."""
    from ..errors import AuthenticationError

    answered = "answered" if status is None else f"answered {status}"
    failed = AuthenticationError(
        f"the token endpoint {answered} without a usable token ({error})", status_code=status
    )
    failed.operation = error.operation
    return failed


def _settle(
    auth: FlipkartAuth,
    renewal: Renewal,
    send: Send,
) -> Token:
    """Run ``renewal`` to its end, ``send`` carrying each grant."""
    try:
        step = next(renewal)
        while isinstance(step, Call):
            step = renewal.send(send(step))
        return step
    finally:
        renewal.close()


def auth_flow(
    auth: FlipkartAuth, request: httpx.Request
) -> Generator[httpx.Request, httpx.Response]:
    """The ``httpx.Auth`` flow: a usable token on every API request, one replay after a 401."""
    from .._auth import _extensions, grant_request

    if not auth.is_api_request(request):
        # Defence in depth: the bearer token never leaves the configured API origin.
        yield request
        return
    request.read()
    extensions = _extensions(request.extensions.get("timeout"))
    token, rejected = auth._token, False
    while True:
        if rejected or token is None or auth._must_renew(token) or _custody_lost(auth):
            renewal = renew(auth, token, extensions, rejected=rejected)
            try:
                step = next(renewal)
                while isinstance(step, Call):
                    grant = grant_request(step)
                    response = yield grant
                    step = renewal.send(_answer(auth, response, step, grant))
            finally:
                renewal.close()
            token = step
        request.headers["Authorization"] = f"Bearer {token.access_token}"
        response = yield request
        if response.status_code != httpx.codes.UNAUTHORIZED:
            return
        if rejected:
            replayed = Call(request.method, request.url, accept_errors=True)
            _attach(response, request)
            answer = read_answer(response, replayed, secrets=auth.secrets(token))
            raise auth._rejected_again(answer, request, token)
        # httpx reads this answer itself before it sends the replay.
        auth._log_replay(request)
        rejected = True


def _custody_lost(auth: FlipkartAuth) -> bool:
    """Every ``custody_check`` seconds: True when the store lost the token this worker holds."""
    if not auth._custody_due():
        return False
    try:
        stored = _load(auth, sync_store_view(auth))
    except TokenStoreError:
        return False  # unreachable now: checked again later
    return auth._needs_restore(stored)


def fetch_token(
    auth: FlipkartAuth,
    wire: Wire,
    *,
    timeout: dict[str, Any] | None,
) -> Token:
    """Hold a usable token, asking for one only when needed; the grant goes through ``wire``."""
    from .._auth import _extensions

    token = auth._token
    if token is not None and not auth._must_renew(token):
        return token
    return _settle(auth, renew(auth, token, _extensions(timeout)), _sender(auth, wire))


def exchange_code(
    auth: FlipkartAuth,
    wire: Wire,
    code: str,
    redirect_uri: str,
    state: str,
    *,
    timeout: dict[str, Any] | None,
) -> Token:
    """Exchange an authorization ``code`` through ``wire`` and store the tokens."""
    from .._auth import _extensions

    extensions = _extensions(timeout)
    grant = auth.code_grant(code, redirect_uri, state, extensions)
    renewal = renew(auth, auth._token, extensions, code=grant)
    return _settle(auth, renewal, _sender(auth, wire))


def _sender(auth: FlipkartAuth, wire: Wire) -> Send:
    def send(call: Call) -> Answer:
        try:
            return wire.send(call)
        except MalformedResponse as error:
            raise _auth_error(error) from None

    return send


def run_job(
    auth: FlipkartAuth,
    job: TokenJob,
    send: HTTPSend,
) -> Token:
    """Settle ``job`` with ``send`` doing the I/O (the client of the previous layout)."""
    from .._auth import grant_request

    token = auth._token
    if job.code is None and token is not None and not auth._must_renew(token):
        return token

    def through(call: Call) -> Answer:
        request = grant_request(call)
        try:
            response = send(request)
        except FlipkartError:
            raise
        except httpx.RequestError as exc:
            from ..errors import APIConnectionError

            raise APIConnectionError.from_transport_error(exc) from exc
        return _answer(auth, response, call, request)

    return _settle(auth, renew(auth, token, job.extensions, code=job.code), through)
