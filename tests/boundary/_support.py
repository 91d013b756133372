"""A small loopback app behind ``httpx.MockTransport``, and clients built on it.

Written from Flipkart's documented wire format, apart from the package. ``App`` answers the
token endpoint and, for the API, whatever ``api(request)`` returns; it counts every request,
so a test can say "nothing was sent".
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import httpx

from flipkart_ext import AsyncFlipkartClient, FlipkartClient, RetryPolicy

__all__ = ["CLIENT_ID", "CLIENT_SECRET", "App", "async_client", "json_answer", "sync_client"]

CLIENT_ID = "boundary-app"
CLIENT_SECRET = "boundary-secret-77c1"
NO_RETRY = RetryPolicy(max_attempts=1)


def json_answer(payload: Any, status: int = 200) -> httpx.Response:
    return httpx.Response(
        status, content=json.dumps(payload).encode(), headers={"Content-Type": "application/json"}
    )


def _not_found(request: httpx.Request) -> httpx.Response:
    return json_answer({"errors": [{"code": "NOT_FOUND"}]}, 404)


@dataclass
class App:
    """OAuth plus ``api``; every request is kept in ``requests`` (tokens in ``token_requests``)."""

    api: Callable[[httpx.Request], httpx.Response] = _not_found
    token: Callable[[httpx.Request], httpx.Response] | None = None
    requests: list[httpx.Request] = field(default_factory=list)
    token_requests: list[httpx.Request] = field(default_factory=list)

    def __post_init__(self) -> None:
        self._lock = threading.Lock()

    def __call__(self, request: httpx.Request) -> httpx.Response:
        request.read()
        with self._lock:
            if request.url.path.startswith("/oauth-service/"):
                self.token_requests.append(request)
                number = len(self.token_requests)
            else:
                self.requests.append(request)
        if request.url.path.startswith("/oauth-service/"):
            if self.token is not None:
                return self.token(request)
            return json_answer(
                {"access_token": f"AT-{number}", "token_type": "bearer", "expires_in": 3600}
            )
        return self.api(request)

    @property
    def sent(self) -> int:
        return len(self.requests) + len(self.token_requests)


BASES = {
    "api_base_url": "https://boundary.test/sellers",
    "oauth_base_url": "https://boundary.test/oauth-service",
}


def sync_client(app: App, **options: Any) -> FlipkartClient:
    settings: dict[str, Any] = {"retry": NO_RETRY, **BASES, **options}
    return FlipkartClient(CLIENT_ID, CLIENT_SECRET, transport=httpx.MockTransport(app), **settings)


def async_client(app: App, **options: Any) -> AsyncFlipkartClient:
    settings: dict[str, Any] = {"retry": NO_RETRY, **BASES, **options}
    return AsyncFlipkartClient(
        CLIENT_ID, CLIENT_SECRET, transport=httpx.MockTransport(app), **settings
    )
