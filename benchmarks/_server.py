"""A fast loopback server answering fixed JSON bodies, run in a child process.

``static_json_server({"/sellers/v3/shipments/X": body})`` starts it and yields its base
URL (``http://127.0.0.1:PORT``); ``json_server("module:function", *args)`` lets the child
build large route tables itself. The child is a stdlib ``ThreadingHTTPServer`` speaking
HTTP/1.1 keep-alive with ``TCP_NODELAY`` and one ``write`` per answer, so a small answer
never waits for a delayed ACK. It runs in its own process so that serving does not
compete with the measured client for this process's GIL.

Requests are matched on their percent-decoded path and query (``GET`` and ``POST``
alike); anything else gets a JSON 404.
"""

from __future__ import annotations

import importlib
import json
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import unquote

__all__ = ["json_server", "load_routes", "static_json_server"]

_NOT_FOUND = b'{"errors":[{"code":"NOT_FOUND"}]}'


def _handler(routes: dict[str, bytes], latency: float) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        disable_nagle_algorithm = True

        def log_message(self, format: str, *args: Any) -> None:
            pass

        def _answer(self) -> None:
            if latency:
                time.sleep(latency)
            body = routes.get(unquote(self.path))
            status = b"200 OK" if body is not None else b"404 Not Found"
            payload = body if body is not None else _NOT_FOUND
            self.wfile.write(
                b"HTTP/1.1 " + status + b"\r\nContent-Type: application/json\r\n"
                b"Content-Length: " + str(len(payload)).encode() + b"\r\n\r\n" + payload
            )

        def do_GET(self) -> None:
            self._answer()

        def do_POST(self) -> None:
            self.rfile.read(int(self.headers.get("Content-Length", 0)))
            self._answer()

    return Handler


def load_routes(routes_file: str) -> dict[str, bytes]:
    """Routes written by :func:`static_json_server` (path and query -> JSON body)."""
    return {path: body.encode() for path, body in json.loads(Path(routes_file).read_text()).items()}


def _serve(factory: str, latency: float, args: list[str]) -> None:
    """Child process: build the routes with ``module:function(*args)``, serve until stdin closes."""
    module_name, _, function = factory.partition(":")
    routes = dict(getattr(importlib.import_module(module_name), function)(*args))
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(routes, latency))
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    print(server.server_address[1], flush=True)
    sys.stdin.read()  # the parent closes stdin to stop us
    server.shutdown()


@contextmanager
def json_server(factory: str, *args: str, latency: float = 0.0) -> Iterator[str]:
    """Serve the routes that ``module:function(*args)`` builds inside the child process.

    Building them there keeps large bodies (100,000 shipments) out of the pipe.
    """
    child = subprocess.Popen(
        [sys.executable, __file__, factory, str(latency), *args],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert child.stdin is not None and child.stdout is not None
    try:
        port = int(child.stdout.readline())
        yield f"http://127.0.0.1:{port}"
    finally:
        child.stdin.close()
        child.wait(timeout=10)
        child.stdout.close()


@contextmanager
def static_json_server(routes: Mapping[str, bytes], latency: float = 0.0) -> Iterator[str]:
    """Serve ``routes`` (decoded path and query -> JSON body) from a child process."""
    with tempfile.TemporaryDirectory(prefix="flipkart-bench-") as scratch:
        routes_file = Path(scratch) / "routes.json"
        routes_file.write_text(json.dumps({path: body.decode() for path, body in routes.items()}))
        with json_server("_server:load_routes", str(routes_file), latency=latency) as origin:
            yield origin


if __name__ == "__main__":
    _serve(sys.argv[1], float(sys.argv[2]), sys.argv[3:])
