"""One send site and one decode site: the package's syntax tree, walked.

Only the I/O path sends a request and reads an answer's body (``_async/http.py``, the
retry transport below it, and their generated sync twins); only ``_core/decode.py``
decodes JSON. Everything else in ``flipkart_ext`` (the command line and the emulator
aside, which are applications of the package) goes through them, so a rule added there
(a size cap, a content check, a typed error) holds for every request. This test fails
naming the file, line and call of any other site.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "flipkart_ext"

#: Modules allowed to send and read bodies, and why.
IO_PATH = {
    "_async/http.py": "THE send: builds, sends, reads and checks every answer",
    "_sync/http.py": "its generated sync twin",
    "_async/transports.py": "the retry loop reads each raw body inside the loop",
    "_sync/transports.py": "its generated sync twin",
}
#: The one JSON decoder.
DECODER = "_core/decode.py"

#: Methods that send or read on an httpx client or response.
SENDING = {"request", "stream", "build_request", "handle_request", "handle_async_request"}
READING = {
    "json",
    "read",
    "aread",
    "iter_raw",
    "aiter_raw",
    "iter_bytes",
    "aiter_bytes",
    "iter_text",
    "aiter_text",
    "iter_lines",
    "aiter_lines",
}
HTTPX_FUNCTIONS = {"get", "post", "put", "patch", "delete", "head", "options", "request", "stream"}


def _receiver(node: ast.expr) -> str:
    """The last name of the thing a method is called on (``self._http.send`` -> ``_http``)."""
    if isinstance(node, ast.Attribute):
        return node.attr
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Call):
        return _receiver(node.func)
    return ""


def _looks_like_http(name: str) -> bool:
    lowered = name.lower()
    return "http" in lowered or "client" in lowered or "response" in lowered


def _problems(path: Path) -> list[str]:
    relative = path.relative_to(PACKAGE).as_posix()
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            method, receiver = node.func.attr, _receiver(node.func.value)
            where = f"{relative}:{node.lineno}: {receiver}.{method}()"
            # json.loads / json.load, and msgspec.json.decode (the decoder's fast reader).
            if receiver == "json" and method in {"loads", "load", "decode"} and relative != DECODER:
                found.append(f"{where} decodes JSON outside {DECODER}")
            elif relative in IO_PATH:
                continue
            elif (
                (receiver == "httpx" and method in HTTPX_FUNCTIONS)
                or (method in SENDING and _looks_like_http(receiver))
                or (method == "send" and _looks_like_http(receiver))
            ):
                found.append(f"{where} sends outside the I/O path")
            elif method in READING and _looks_like_http(receiver):
                found.append(f"{where} reads a body outside the I/O path")
        elif (
            isinstance(node, ast.Attribute)
            and node.attr in {"content", "text"}
            and "response" in _receiver(node.value).lower()
            and relative not in IO_PATH
        ):
            found.append(
                f"{relative}:{node.lineno}: reads response.{node.attr} outside the I/O path"
            )
    return found


def _library_modules() -> list[Path]:
    return sorted(
        path
        for path in PACKAGE.rglob("*.py")
        if path.relative_to(PACKAGE).parts[0] not in {"cli", "testing"}
    )


def test_only_the_io_path_sends_requests_or_reads_and_decodes_bodies() -> None:
    problems = [problem for path in _library_modules() for problem in _problems(path)]
    assert problems == []


@pytest.mark.parametrize(
    "source",
    [
        "import json\njson.loads(b'{}')",
        "import msgspec\nmsgspec.json.decode(b'{}')",
        "import httpx\nhttpx.get('https://x')",
        "def f(http):\n    http.send(None)",
        "def f(self):\n    self._http.request('GET', '/')",
        "def f(response):\n    return response.json()",
        "async def f(response):\n    await response.aread()",
        "def f(response):\n    return response.content",
        "def f(client):\n    return client.stream('GET', '/')",
    ],
)
def test_the_walk_finds_each_kind_of_site(tmp_path: Path, source: str) -> None:
    """The checker must be able to fail: each forbidden form is found in a module of its own."""
    module = PACKAGE / "_probe_for_the_io_path_test.py"
    try:
        module.write_text(source, encoding="utf-8")
        assert len(_problems(module)) == 1
    finally:
        module.unlink(missing_ok=True)


def test_the_io_path_itself_and_plain_calls_are_not_flagged(tmp_path: Path) -> None:
    module = PACKAGE / "_probe_for_the_io_path_test.py"
    try:
        module.write_text(
            "async def f(wire, call, store, renewal, items):\n"
            "    await wire.send(call)\n"
            "    renewal.send(None)\n"
            "    store.read()\n"
            "    items.get('x')\n",
            encoding="utf-8",
        )
        assert _problems(module) == []
    finally:
        module.unlink(missing_ok=True)
