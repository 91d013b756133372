"""Generate ``flipkart_ext/_sync/`` from ``flipkart_ext/_async/`` (httpcore's method).

The async code is the source; its sync twin is produced token by token by ``unasync``
(pinned in the dev extra): ``async``/``await`` go, ``__aenter__`` becomes ``__enter__``,
``AsyncIterator`` becomes ``Iterator``, and the names below become their sync twins. The
result is formatted with the project's ruff, so it passes ``ruff format --check`` like any
other file, and it opens with a line saying it is generated. What cannot be substituted
token by token (threads against tasks, locks, sleeping) lives in ``flipkart_ext/_concurrency.py``.

    python scripts/generate_sync.py        # write flipkart_ext/_sync/
    python scripts/generate_sync.py --check  # exit 1, naming each file, when _sync/ is stale
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import unasync

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT / "flipkart_ext" / "_async"
TARGET = ROOT / "flipkart_ext" / "_sync"

#: Async names and their sync twins, beyond unasync's own (``AsyncIterator`` -> ``Iterator``...).
#: unasync would otherwise turn ``AsyncX`` into ``SyncX``; our sync classes carry no prefix.
REPLACEMENTS: dict[str, str] = {
    # httpx
    "AsyncClient": "Client",
    "AsyncBaseTransport": "BaseTransport",
    "AsyncHTTPTransport": "HTTPTransport",
    "handle_async_request": "handle_request",
    "aread": "read",
    "aclose": "close",
    "aiter_raw": "iter_raw",
    "aiter_bytes": "iter_bytes",
    "anext": "next",
    "async_network_transport": "network_transport",
    "asend": "send",
    "redis_asyncio": "redis_sync",
    "async_client": "sync_client",
    # this package: the layer's own modules and twins
    "_async": "_sync",
    "AsyncWire": "Wire",
    "AsyncFlipkartClient": "FlipkartClient",
    "AsyncCoreClient": "CoreClient",
    "AsyncShipments": "Shipments",
    "AsyncReturns": "Returns",
    "AsyncListings": "Listings",
    "AsyncPagedList": "PagedList",
    "AsyncItemIterator": "ItemIterator",
    "AsyncPageIterator": "PageIterator",
    "AsyncIteration": "Iteration",
    "AsyncRetryTransport": "RetryTransport",
    "AsyncBudgetTransport": "BudgetTransport",
    "AsyncTokenStore": "TokenStore",
    "AsyncCheckedTokenStore": "CheckedTokenStore",
    "AsyncRateBudget": "RateBudget",
    "AsyncRedisTokenStore": "RedisTokenStore",
    "AsyncRedisRateBudget": "RedisRateBudget",
    "AsyncSellerClients": "SellerClients",
    "AsyncClosing": "Closing",
    "AsyncRedisConnection": "RedisConnection",
    "_AsyncBorrowed": "_Borrowed",
    "AsyncRenewal": "Renewal",
    "async_run": "sync_run",
    "AsyncSend": "Send",
    "AsyncHTTPSend": "HTTPSend",
    "AsyncLock": "SyncLock",
    "AsyncLoopGuard": "SyncLoopGuard",
    "async_sleep": "sync_sleep",
    "AsyncFunction": "SyncFunction",
    "async_check_budget": "sync_check_budget",
    "async_gather": "sync_gather",
    "async_check_store": "sync_check_store",
    "ASYNC_STORE_IO_ALLOWED": "SYNC_STORE_IO_ALLOWED",
    "set_async_httpx_client": "set_httpx_client",
    "async_run_all": "sync_run_all",
    "async_off_loop": "sync_off_loop",
    "async_store_view": "sync_store_view",
    "async_lock": "sync_lock",
    "async_shield": "sync_shield",
}

HEADER = (
    "# Generated from flipkart_ext/_async/{name} by scripts/generate_sync.py: do not edit;"
    " change the async source and run `make sync`.\n"
)


def _ruff(*args: str) -> None:
    found = shutil.which("ruff", path=str(Path(sys.executable).parent)) or shutil.which("ruff")
    if found is None:
        raise SystemExit("unasync: ruff is needed to format the generated files (make install)")
    # The project's settings, wherever the files are.
    subprocess.run([found, *args, "--config", str(ROOT / "pyproject.toml")], check=True)


def generate(into: Path) -> dict[str, bytes]:
    """Write the sync twins of every ``_async`` module into ``into``; return them by name."""
    rule = unasync.Rule(fromdir=str(SOURCE), todir=str(into), additional_replacements=REPLACEMENTS)
    into.mkdir(parents=True, exist_ok=True)
    for source in sorted(SOURCE.glob("*.py")):
        rule._unasync_file(str(source))  # unasync_files() would match rules on path segments
        target = into / source.name
        target.write_text(HEADER.format(name=source.name) + target.read_text(encoding="utf-8"))
    # Renamed imports and __all__ entries can come out of order; these fixes only sort.
    _ruff("check", "--fix-only", "--quiet", "--select", "I,RUF022", str(into))
    _ruff("format", "--quiet", str(into))
    return {path.name: path.read_bytes() for path in sorted(into.glob("*.py"))}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="fail when _sync/ is stale")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="flipkart-unasync-") as scratch:
        fresh = generate(Path(scratch))
    current = {path.name: path.read_bytes() for path in sorted(TARGET.glob("*.py"))}
    if args.check:
        stale = sorted(
            name for name in fresh.keys() | current.keys() if fresh.get(name) != current.get(name)
        )
        for name in stale:
            print(f"flipkart_ext/_sync/{name} differs from a fresh `make sync`", file=sys.stderr)
        return 1 if stale else 0
    TARGET.mkdir(exist_ok=True)
    for name in current.keys() - fresh.keys():
        (TARGET / name).unlink()
    for name, content in fresh.items():
        (TARGET / name).write_bytes(content)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
