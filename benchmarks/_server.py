"""A fast loopback server answering fixed JSON bodies, run in a child process.

``static_json_server({"/sellers/v3/shipments/X": body})`` starts it and yields its base
URL (``http://127.0.0.1:PORT``). The child is a stdlib ``ThreadingHTTPServer`` speaking
HTTP/1.1 keep-alive with ``TCP_NODELAY`` and one ``write`` per answer, so a small answer
never waits for a delayed ACK. It runs in its own process so that serving does not
compete with the measured client for this process's GIL.

Requests are matched on their percent-decoded path and query (``GET`` and ``POST``
alike); anything else gets a JSON 404.
"""

from __future__ import annotations

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

__all__ = ["static_json_server"]

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


def _serve(routes_file: str, latency: float) -> None:
    """Child process: serve the routes in ``routes_file`` until stdin closes."""
    routes = {
        path: body.encode() for path, body in json.loads(Path(routes_file).read_text()).items()
    }
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(routes, latency))
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    print(server.server_address[1], flush=True)
    sys.stdin.read()  # the parent closes stdin to stop us
    server.shutdown()


@contextmanager
def static_json_server(routes: Mapping[str, bytes], latency: float = 0.0) -> Iterator[str]:
    """Serve ``routes`` (decoded path and query -> JSON body) from a child process."""
    with tempfile.TemporaryDirectory(prefix="flipkart-bench-") as scratch:
        routes_file = Path(scratch) / "routes.json"
        routes_file.write_text(json.dumps({path: body.decode() for path, body in routes.items()}))
        child = subprocess.Popen(
            [sys.executable, __file__, str(routes_file), str(latency)],
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


if __name__ == "__main__":
    _serve(sys.argv[1], float(sys.argv[2]))
