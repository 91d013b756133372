"""A loopback Flipkart for fleet runs, served from a child process, and the parent's handle on it.

It models what the fleet tests judge by, independently of the client:

* every seller has at most one live refresh token; using it (``grant_type=refresh_token``)
  spends it and issues the next one with a new access token (strict rotation), so a
  refresh token the client loses can never be used again;
* every token request is counted, per seller, whatever its outcome: the count the
  acceptance criteria read is the server's;
* an API call (any ``/sellers/...`` path) answers 200 to a live access token, 401 otherwise,
  and 429 with ``Retry-After`` while a throttle is armed; each answer is logged with the
  server's ``time.monotonic()`` (one clock for every process on the machine);
* a *hold* on a seller makes its next refresh wait until released. A held request whose
  client has gone (closed the connection) when released is abandoned: nothing is rotated,
  as a server that aborts a request on disconnect does.

Run ``python -m tests.fleet._fleet_app`` (prints the port; stops when stdin closes).
"""

from __future__ import annotations

import base64
import contextlib
import itertools
import json
import select
import socket
import subprocess
import sys
import threading
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import httpx

CLIENT_ID = "fleet-app"
CLIENT_SECRET = "fleet-secret-value"
ROOT = Path(__file__).resolve().parents[2]


@dataclass
class _Seller:
    refresh: str | None = None
    access: set[str] = field(default_factory=set)
    newest_access: str | None = None


class _State:
    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.sellers: dict[str, _Seller] = {}
        self.owner: dict[str, str] = {}  # live refresh token -> seller
        self.ids = itertools.count(1)
        self.expires_in = 3600
        self.token_delay = 0.0
        self.token_requests = 0
        self.by_seller: Counter[str] = Counter()
        self.rejected = 0
        self.abandoned = 0
        self.api_log: list[tuple[float, int]] = []
        self.throttle: list[str] = []
        self.holds: dict[str, threading.Event] = {}  # armed, not yet met
        self.waiting: dict[str, threading.Event] = {}  # met: a request is held

    def issue(self, seller: str) -> dict[str, Any]:
        n = next(self.ids)
        record = self.sellers.setdefault(seller, _Seller())
        if record.refresh is not None:
            self.owner.pop(record.refresh, None)
        access, refresh = f"AT-{seller}-{n}", f"RT-{seller}-{n}"
        record.refresh, record.newest_access = refresh, access
        record.access.add(access)
        self.owner[refresh] = seller
        return {
            "access_token": access,
            "refresh_token": refresh,
            "token_type": "bearer",
            "expires_in": self.expires_in,
            "scope": "Seller_Api",
        }


STATE = _State()
_BASIC = "Basic " + base64.b64encode(f"{CLIENT_ID}:{CLIENT_SECRET}".encode()).decode()


def _peer_gone(sock: socket.socket) -> bool:
    readable, _, _ = select.select([sock], [], [], 0)
    if not readable:
        return False
    try:
        return sock.recv(1, socket.MSG_PEEK) == b""
    except OSError:
        return True


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def _send(self, status: int, body: Any, headers: dict[str, str] | None = None) -> None:
        payload = json.dumps(body).encode()
        head = [
            f"HTTP/1.1 {status} X",
            "Content-Type: application/json",
            f"Content-Length: {len(payload)}",
        ]
        head += [f"{name}: {value}" for name, value in (headers or {}).items()]
        self.wfile.write(("\r\n".join(head) + "\r\n\r\n").encode() + payload)

    def do_GET(self) -> None:
        url = urlsplit(self.path)
        query = {name: values[0] for name, values in parse_qs(url.query).items()}
        if url.path.endswith("/oauth/token"):
            self._token(query)
        elif url.path.startswith("/sellers/"):
            self._api()
        elif url.path.startswith("/_ctl/"):
            self._send(200, _control(url.path.removeprefix("/_ctl/"), query))
        else:
            self._send(404, {"error": "no route"})

    def _token(self, query: dict[str, str]) -> None:
        state = STATE
        refresh = query.get("refresh_token", "")
        with state.lock:
            state.token_requests += 1
            seller = state.owner.get(refresh) or refresh.rsplit("-", 1)[0].removeprefix("RT-")
            state.by_seller[seller] += 1
            hold = state.holds.pop(seller, None)
            if hold is not None:
                state.waiting[seller] = hold
        if hold is not None:
            hold.wait(timeout=60)
            gone = _peer_gone(self.connection)
            with state.lock:
                state.waiting.pop(seller, None)
                if gone:
                    state.abandoned += 1
            if gone:
                self.close_connection = True
                return
        if self.headers.get("Authorization") != _BASIC:
            self._send(401, {"error": "invalid_client", "error_description": "bad credentials"})
            return
        with state.lock:
            owner = state.owner.get(refresh) if query.get("grant_type") == "refresh_token" else None
            if owner is None:
                state.rejected += 1
                answer: tuple[int, dict[str, Any]] = (
                    400,
                    {
                        "error": "invalid_grant",
                        "error_description": "refresh token spent or unknown",
                    },
                )
            else:
                answer = (200, state.issue(owner))
            delay = state.token_delay
        if delay:
            time.sleep(delay)
        self._send(*answer)

    def _api(self) -> None:
        state = STATE
        bearer = self.headers.get("Authorization", "").removeprefix("Bearer ")
        with state.lock:
            if state.throttle:
                status, headers = 429, {"Retry-After": state.throttle.pop(0)}
            else:
                live = any(bearer in seller.access for seller in state.sellers.values())
                status, headers = (200 if live else 401), {}
            state.api_log.append((time.monotonic(), status))
        body = {"shipments": []} if status == 200 else {"error": "invalid_token"}
        self._send(status, body, headers)


def _control(action: str, query: dict[str, str]) -> Any:
    state = STATE
    with state.lock:
        if action == "seed":
            return {seller: state.issue(seller) for seller in query["sellers"].split(",")}
        if action == "state":
            return {
                "token_requests": state.token_requests,
                "by_seller": dict(state.by_seller),
                "rejected": state.rejected,
                "abandoned": state.abandoned,
                "held": sorted(state.waiting),
                "live_refresh": {name: s.refresh for name, s in state.sellers.items()},
                "newest_access": {name: s.newest_access for name, s in state.sellers.items()},
                "api_requests": len(state.api_log),
            }
        if action == "revoke":
            for name, seller in state.sellers.items():
                if query.get("seller") in (None, name):
                    seller.access.clear()
            return {}
        if action == "config":
            state.expires_in = int(query.get("expires_in", state.expires_in))
            state.token_delay = float(query.get("token_delay", state.token_delay))
            return {}
        if action == "throttle":
            state.throttle.append(query["retry_after"])
            return {}
        if action == "hold":
            state.holds[query["seller"]] = threading.Event()
            return {}
        if action == "release":
            for event in [*state.holds.values(), *state.waiting.values()]:
                event.set()
            return {}
        if action == "api_log":
            return state.api_log
        if action == "reset":
            state.token_requests, state.rejected, state.abandoned = 0, 0, 0
            state.by_seller.clear()
            state.api_log.clear()
            return {}
    raise KeyError(action)


def _serve() -> None:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    print(server.server_address[1], flush=True)
    sys.stdin.read()
    server.shutdown()


@dataclass
class FleetServer:
    """The parent's handle: base URLs and the controls."""

    origin: str
    control: httpx.Client

    @property
    def api_base_url(self) -> str:
        return f"{self.origin}/sellers"

    @property
    def oauth_base_url(self) -> str:
        return f"{self.origin}/oauth-service"

    def ctl(self, action: str, **query: Any) -> Any:
        answer = self.control.get(f"/_ctl/{action}", params=query)
        answer.raise_for_status()
        return answer.json()

    def state(self) -> dict[str, Any]:
        result: dict[str, Any] = self.ctl("state")
        return result


@contextlib.contextmanager
def fleet_server() -> Iterator[FleetServer]:
    child = subprocess.Popen(
        [sys.executable, "-m", "tests.fleet._fleet_app"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        cwd=ROOT,
    )
    assert child.stdin is not None and child.stdout is not None
    try:
        origin = f"http://127.0.0.1:{int(child.stdout.readline())}"
        with httpx.Client(base_url=origin, timeout=30) as control:
            yield FleetServer(origin, control)
    finally:
        child.stdin.close()
        child.wait(timeout=15)
        child.stdout.close()


if __name__ == "__main__":
    _serve()
