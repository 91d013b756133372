"""A scriptable in-memory Flipkart (OAuth + a few API routes) behind httpx.MockTransport.

The real FlipkartAuth and RetryTransport run on top of it; only the network is fake.
"""

from __future__ import annotations

import asyncio
import base64
import contextlib
import itertools
import json
import threading
from collections import deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

import httpx

from flipkart_ext import MemoryTokenStore, RetryPolicy, Token, TokenKey
from flipkart_ext.errors import TokenStoreError

CLIENT_ID = "app-7f3c"
CLIENT_SECRET = "csecret-9Qv2LrT8xW"  # distinctive values so a leak is easy to spot
API = "https://sandbox-api.flipkart.net/sellers"
OAUTH = "https://sandbox-api.flipkart.net/oauth-service"


@dataclass
class Recorded:
    method: str
    path: str
    params: dict[str, str]
    headers: dict[str, str]
    body: bytes


@dataclass
class FakeFlipkart:
    """Issues tokens like Flipkart and answers a few API routes.

    - access tokens ``AT-<n>``, refresh tokens ``RT-<n>``, one-shot codes in ``codes``;
    - a refresh token is single-use (rotated), a code is single-use;
    - ``script[(method, path)]`` is a queue of responses (or exceptions) served first;
    - ``token_gate`` / ``async_token_gate`` run before answering a token request
      (tests use them to hold the first fetch until every caller is waiting).
    """

    expires_in: int = 3600
    codes: set[str] = field(default_factory=set)
    valid_access: set[str] = field(default_factory=set)
    valid_refresh: set[str] = field(default_factory=set)
    token_requests: list[Recorded] = field(default_factory=list)
    api_requests: list[Recorded] = field(default_factory=list)
    script: dict[tuple[str, str], deque[Any]] = field(default_factory=dict)
    token_gate: Callable[[], None] | None = None
    async_token_gate: Callable[[], Any] | None = None
    _ids: itertools.count[int] = field(default_factory=lambda: itertools.count(1))
    _lock: threading.Lock = field(default_factory=threading.Lock)

    # -- scripting -------------------------------------------------------------------------

    def push(self, method: str, path: str, *outcomes: Any) -> None:
        self.script.setdefault((method, path), deque()).extend(outcomes)

    def grants(self) -> list[str]:
        return [r.params.get("grant_type", "") for r in self.token_requests]

    # -- handling --------------------------------------------------------------------------

    def _record(self, request: httpx.Request) -> Recorded:
        return Recorded(
            method=request.method,
            path=request.url.path,
            params=dict(request.url.params),
            headers=dict(request.headers),
            body=request.content,
        )

    def _scripted(self, request: httpx.Request) -> httpx.Response | None:
        queue = self.script.get((request.method, request.url.path))
        if not queue:
            return None
        outcome = queue.popleft()
        if isinstance(outcome, Exception):
            raise outcome
        assert isinstance(outcome, httpx.Response)
        return outcome

    def _issue(self, with_refresh: bool) -> httpx.Response:
        n = next(self._ids)
        access = f"AT-{n}-secretvalue"
        self.valid_access.add(access)
        body: dict[str, Any] = {
            "access_token": access,
            "token_type": "bearer",
            "expires_in": self.expires_in,
            "scope": "Seller_Api",
        }
        if with_refresh:
            refresh = f"RT-{n}-secretvalue"
            self.valid_refresh.add(refresh)
            body["refresh_token"] = refresh
        return httpx.Response(200, json=body)

    def _token(self, request: httpx.Request) -> httpx.Response:
        with self._lock:
            self.token_requests.append(self._record(request))
            scripted = self._scripted(request)
            if scripted is not None:
                return scripted
            expected = "Basic " + base64.b64encode(f"{CLIENT_ID}:{CLIENT_SECRET}".encode()).decode()
            if request.headers.get("Authorization") != expected:
                return httpx.Response(
                    401, json={"error": "invalid_client", "error_description": "Bad credentials"}
                )
            params = request.url.params
            grant = params.get("grant_type")
            if grant == "client_credentials" and params.get("scope") == "Seller_Api":
                return self._issue(with_refresh=False)
            if grant == "authorization_code" and params.get("code") in self.codes:
                self.codes.discard(params["code"])
                return self._issue(with_refresh=True)
            if grant == "refresh_token" and params.get("refresh_token") in self.valid_refresh:
                self.valid_refresh.discard(params["refresh_token"])
                return self._issue(with_refresh=True)
            return httpx.Response(
                400,
                json={
                    "error": "invalid_grant",
                    # Some OAuth servers echo the value back; the client must scrub it.
                    "error_description": f"Invalid grant: {params.get('refresh_token') or params.get('code')}",
                },
            )

    def _api(self, request: httpx.Request) -> httpx.Response:
        with self._lock:
            self.api_requests.append(self._record(request))
            scripted = self._scripted(request)
        if scripted is not None:
            return scripted
        auth = request.headers.get("Authorization", "")
        if not auth.startswith("Bearer ") or auth[7:] not in self.valid_access:
            return httpx.Response(
                401, json={"error": "invalid_token", "error_description": "Access token expired"}
            )
        path = request.url.path
        if path.endswith("/v3/shipments/filter"):
            return httpx.Response(200, json={"hasMore": False, "shipments": []})
        if path.endswith("/v3/shipments/dispatch"):
            return httpx.Response(200, json={"shipments": []})
        if "/v3/shipments/" in path:
            return httpx.Response(200, json={"shipments": []})
        return httpx.Response(404, json={"errors": [{"code": 404, "description": "no route"}]})

    def handler(self, request: httpx.Request) -> httpx.Response:
        if request.url.path.endswith("/oauth/token"):
            if self.token_gate is not None:
                self.token_gate()
            return self._token(request)
        return self._api(request)

    async def async_handler(self, request: httpx.Request) -> httpx.Response:
        if request.url.path.endswith("/oauth/token") and self.async_token_gate is not None:
            await self.async_token_gate()
        if request.url.path.endswith("/oauth/token"):
            return self._token(request)
        return self._api(request)

    def transport(self) -> httpx.MockTransport:
        return httpx.MockTransport(self.handler)

    def async_transport(self) -> httpx.MockTransport:
        return httpx.MockTransport(self.async_handler)


class FakeClock:
    """A settable wall clock that also records which threads/tasks read it."""

    def __init__(self, now: float = 1_700_000_000.0) -> None:
        self.now = now
        self.readers: set[int] = set()
        self._lock = threading.Lock()
        self.on_read: Callable[[], None] | None = None

    def __call__(self) -> float:
        try:
            task = asyncio.current_task()
        except RuntimeError:
            task = None
        with self._lock:
            self.readers.add(id(task) if task is not None else threading.get_ident())
        if self.on_read is not None:
            self.on_read()
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


class SleepRecorder:
    """Stands in for time.sleep / asyncio.sleep and a monotonic clock: sleeping advances time."""

    def __init__(self) -> None:
        self.monotonic = 0.0
        self.wall = 1_700_000_000.0
        self.sleeps: list[float] = []

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.monotonic += seconds
        self.wall += seconds

    async def async_sleep(self, seconds: float) -> None:
        self.sleep(seconds)

    def policy(self, **overrides: Any) -> RetryPolicy:
        options: dict[str, Any] = {
            "sleep": self.sleep,
            "async_sleep": self.async_sleep,
            "clock": lambda: self.monotonic,
            "wall_clock": lambda: self.wall,
            "random": lambda: 0.5,
        }
        options.update(overrides)
        return RetryPolicy(**options)


def json_body(recorded: Recorded) -> Any:
    return json.loads(recorded.body)


class FlakyStore(MemoryTokenStore):
    """Writes fail while ``down``; everything fails while ``gone`` (a store restarting).

    ``held`` counts the holders of its lock, for tests that check when it is released.
    ``down_after_mark`` sets ``down`` once a refresh token was marked as being spent: the
    save of the token that answer brings then fails (a disk filling up meanwhile).
    """

    def __init__(self) -> None:
        super().__init__()
        self.held = 0
        self.down = self.gone = False
        self.down_after_mark = False

    def save(self, key: TokenKey, token: Token) -> None:
        if self.down or self.gone:
            raise TokenStoreError("the store is down")
        super().save(key, token)

    def replace(
        self, key: TokenKey, token: Token, *, expected: Token | None, lease: object = None
    ) -> bool:
        if self.down or self.gone:
            raise TokenStoreError("the store is down")
        written = super().replace(key, token, expected=expected, lease=lease)
        if written and token.refresh_sent_at is not None and self.down_after_mark:
            self.down, self.down_after_mark = True, False
        return written

    @contextlib.contextmanager
    def lock(self, key: TokenKey) -> Iterator[None]:
        if self.gone:
            raise TokenStoreError("the store is down")
        with super().lock(key):
            self.held += 1
            try:
                yield
            finally:
                self.held -= 1


# -- the token grants, as FlipkartAuth builds them ---------------------------------------


@dataclass(frozen=True)
class BuiltGrant:
    """A token grant FlipkartAuth would send: its kind, its HTTP request, its secrets."""

    grant: str
    request: httpx.Request
    secrets: tuple[str, ...]


def _built(grant: Any) -> BuiltGrant:
    from flipkart_ext._auth import grant_request

    return BuiltGrant(grant.kind, grant_request(grant.call), grant.secrets)


def _auth(oauth: str, client_id: str, client_secret: str, **options: Any) -> Any:
    from flipkart_ext import Environment, FlipkartAuth

    environment = Environment.custom(oauth.replace("/oauth-service", "/sellers"), oauth)
    return FlipkartAuth(client_id, client_secret, environment=environment, **options)


def client_credentials_grant(oauth: str, client_id: str, client_secret: str) -> BuiltGrant:
    """The client-credentials grant of a self-access application."""
    auth = _auth(oauth, client_id, client_secret, grant_type="client_credentials")
    return _built(auth._grant_for(None, {}))


def authorization_code_grant(
    oauth: str, client_id: str, client_secret: str, *, code: str, redirect_uri: str, state: str
) -> BuiltGrant:
    """The authorization-code grant exchanging ``code``."""
    auth = _auth(oauth, client_id, client_secret)
    return _built(auth.code_grant(code, redirect_uri, state, {}))


def refresh_token_grant(
    oauth: str, client_id: str, client_secret: str, *, refresh_token: str
) -> BuiltGrant:
    """The refresh grant trading ``refresh_token``."""
    auth = _auth(oauth, client_id, client_secret, refresh_token=refresh_token)
    return _built(auth._grant_for(None, {}))
