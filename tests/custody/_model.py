"""The pieces of the custody model: a rotating token server, a store with faults, a clock.

:class:`TokenServer` issues single-use refresh tokens per seller, as Flipkart does: a refresh
spends the one it is given and hands over the next; a spent, unknown or revoked one is
refused with ``invalid_grant``. It knows, for every seller, the one refresh token that is
live, which is what the invariant checks custody of.

:class:`FaultyStore` wraps a real store (memory, file or Redis) and injects the faults of
issue 20 on demand: every call failing (Redis restarting or frozen), the save of a fresh
token failing once (a full disk), the worker killed between the token answer and its save.
"""

from __future__ import annotations

import base64
import contextlib
import itertools
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

import httpx

from flipkart_ext import Token, TokenKey, TokenStoreError

CLIENT_ID = "app-custody"
CLIENT_SECRET = "csecret-custody-Qv2Lr"
EXPIRES_IN = 3600
BASIC = "Basic " + base64.b64encode(f"{CLIENT_ID}:{CLIENT_SECRET}".encode()).decode()


class Killed(BaseException):
    """The worker process dies here (nothing it held in memory survives)."""


START = 1_800_000_000.0


class Clock:
    """The injected wall clock every worker and the server read."""

    def __init__(self, now: float = START) -> None:
        self.now = now
        self._lock = threading.Lock()

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        with self._lock:
            self.now += seconds


@dataclass
class TokenServer:
    """Flipkart's token endpoint and one API route, per seller, in memory."""

    clock: Clock
    expires_in: int = EXPIRES_IN
    live_refresh: dict[str, str | None] = field(default_factory=dict)
    owner: dict[str, str] = field(default_factory=dict)  # refresh or access token -> seller
    valid_access: dict[str, float] = field(default_factory=dict)  # access token -> expiry
    codes: dict[str, str] = field(default_factory=dict)  # code -> seller
    token_requests: int = 0
    #: Runs once, before (``"before"``) or after (``"after"``) the next refresh is processed.
    hook: tuple[str, Callable[[], None]] | None = None
    #: Seconds the next token answer takes (the clock moves meanwhile).
    delay: float = 0.0
    _ids: itertools.count[int] = field(default_factory=lambda: itertools.count(1))
    _lock: threading.RLock = field(default_factory=threading.RLock)

    def _issue(self, seller: str) -> dict[str, Any]:
        n = next(self._ids)
        access, refresh = f"AT-{seller}-{n}-secretvalue", f"RT-{seller}-{n}-secretvalue"
        self.valid_access[access] = self.clock() + self.expires_in
        self.owner[access] = self.owner[refresh] = seller
        self.live_refresh[seller] = refresh
        return {"access_token": access, "refresh_token": refresh, "expires_in": self.expires_in}

    def authorize(self, seller: str) -> Token:
        """The seller authorizes the application: a first token, as a code exchange gives."""
        with self._lock:
            body = self._issue(seller)
        return Token(
            body["access_token"],
            expires_at=self.clock() + self.expires_in,
            refresh_token=body["refresh_token"],
            obtained_at=self.clock(),
        )

    def new_code(self, seller: str) -> str:
        with self._lock:
            code = f"code-{seller}-{next(self._ids)}-secretvalue"
            self.codes[code] = seller
            return code

    def revoke(self, seller: str) -> None:
        with self._lock:
            self.live_refresh[seller] = None

    def _refused(self) -> httpx.Response:
        return httpx.Response(400, json={"error": "invalid_grant", "error_description": "spent"})

    def _grant(self, params: httpx.QueryParams) -> httpx.Response:
        with self._lock:
            self.token_requests += 1
            grant = params.get("grant_type")
            if grant == "refresh_token":
                refresh = params.get("refresh_token", "")
                seller = self.owner.get(refresh)
                if seller is None or self.live_refresh.get(seller) != refresh:
                    return self._refused()
                return httpx.Response(200, json=self._issue(seller))
            if grant == "authorization_code":
                seller = self.codes.pop(params.get("code", ""), None)
                if seller is None:
                    return self._refused()
                return httpx.Response(200, json=self._issue(seller))
            return httpx.Response(401, json={"error": "unauthorized_client"})

    def handler(self, request: httpx.Request) -> httpx.Response:
        if request.url.path.endswith("/oauth/token"):
            if request.headers.get("Authorization") != BASIC:
                return httpx.Response(401, json={"error": "invalid_client"})
            hook, self.hook = self.hook, None
            if hook is not None and hook[0] == "before":
                hook[1]()
            answer = self._grant(request.url.params)
            if hook is not None and hook[0] == "after":
                hook[1]()
            if self.delay:
                self.clock.advance(self.delay)  # a slow answer: time passes before it arrives
                self.delay = 0.0
            return answer
        bearer = request.headers.get("Authorization", "").removeprefix("Bearer ")
        with self._lock:
            good = self.valid_access.get(bearer, 0.0) > self.clock()
        if not good:
            return httpx.Response(401, json={"error": "invalid_token"})
        return httpx.Response(200, json={"shipments": []})


class FaultyStore:
    """A real store with faults injected on demand (it keeps the real store's semantics)."""

    def __init__(self, inner: Any) -> None:
        self.inner = inner
        self.down = False
        self.fail_fresh_save = False
        self.kill_on_fresh_save = False

    def __repr__(self) -> str:
        return f"FaultyStore({self.inner!r})"

    def _check(self) -> None:
        if self.down:
            raise TokenStoreError("the store is unreachable (restarting or frozen)")

    def load(self, key: TokenKey) -> Token | None:
        self._check()
        token: Token | None = self.inner.load(key)
        return token

    def save(self, key: TokenKey, token: Token) -> None:
        self._check()
        self.inner.save(key, token)

    def delete(self, key: TokenKey) -> None:
        self._check()
        self.inner.delete(key)

    def replace(
        self, key: TokenKey, token: Token, *, expected: Token | None, lease: object = None
    ) -> bool:
        self._check()
        fresh = token.refresh_sent_at is None and token.generation > 0
        if fresh and self.kill_on_fresh_save:
            self.kill_on_fresh_save = False
            raise Killed
        if fresh and self.fail_fresh_save:
            self.fail_fresh_save = False
            raise TokenStoreError("No space left on device")
        return bool(self.inner.replace(key, token, expected=expected, lease=lease))

    def was_stored(self, key: TokenKey) -> bool:
        self._check()
        was_stored = getattr(self.inner, "was_stored", None)
        return bool(was_stored(key)) if was_stored is not None else False

    @contextlib.contextmanager
    def lock(self, key: TokenKey) -> Iterator[object]:
        self._check()
        with self.inner.lock(key) as lease:
            yield lease
