"""A forwarding HTTP proxy on loopback that remembers every request it was asked to carry.

Plain-HTTP requests (absolute-form ``GET http://host:port/path``) are forwarded and their
answers relayed. ``CONNECT host:port`` (how an https request crosses a proxy) is recorded
and refused with 403, so nothing ever leaves the machine: the client then fails with a
proxy error, which is how a test sees that the request went to the proxy.
"""

from __future__ import annotations

import http.client
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import urlsplit

_HOP_BY_HOP = {
    "connection",
    "keep-alive",
    "proxy-authorization",
    "proxy-connection",
    "te",
    "trailer",
    "transfer-encoding",
    "upgrade",
}


@dataclass
class ProxyLog:
    """What the proxy was asked: ``"GET http://host:port/path"`` or ``"CONNECT host:443"``."""

    requests: list[str] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def add(self, line: str) -> None:
        with self.lock:
            self.requests.append(line)

    def paths(self) -> list[str]:
        with self.lock:
            return [urlsplit(line.split(" ", 1)[1]).path for line in self.requests]


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: _ProxyServer

    def do_CONNECT(self) -> None:
        self.server.log.add(f"CONNECT {self.path}")
        self.send_response(403, "tunnels are refused by this test proxy")
        self.send_header("Content-Length", "0")
        self.send_header("Connection", "close")
        self.end_headers()
        self.close_connection = True

    def _forward(self) -> None:
        self.server.log.add(f"{self.command} {self.path}")
        target = urlsplit(self.path)
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else None
        headers = {k: v for k, v in self.headers.items() if k.lower() not in _HOP_BY_HOP}
        path = target.path + (f"?{target.query}" if target.query else "")
        upstream = http.client.HTTPConnection(target.hostname or "", target.port or 80, timeout=30)
        try:
            upstream.request(self.command, path, body=body, headers=headers)
            answer = upstream.getresponse()
            content = answer.read()
            self.send_response(answer.status, answer.reason)
            for name, value in answer.getheaders():
                if name.lower() not in _HOP_BY_HOP | {"content-length"}:
                    self.send_header(name, value)
            self.send_header("Content-Length", str(len(content)))
            self.end_headers()
            self.wfile.write(content)
        finally:
            upstream.close()

    do_GET = do_POST = do_PUT = do_DELETE = _forward

    def log_message(self, format: str, *args: Any) -> None:
        pass


class _ProxyServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.log = ProxyLog()


@dataclass(frozen=True)
class RunningProxy:
    url: str
    log: ProxyLog


@contextmanager
def loopback_proxy() -> Iterator[RunningProxy]:
    """A proxy listening on 127.0.0.1 for the duration of the block."""
    server = _ProxyServer()
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05})
    thread.start()
    try:
        yield RunningProxy(f"http://127.0.0.1:{server.server_address[1]}", server.log)
    finally:
        server.shutdown()
        server.server_close()
        thread.join(10)
