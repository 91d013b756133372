"""Where tokens live between calls, and between processes.

A store is keyed by :class:`TokenKey` (environment, application id, and the
seller for third-party applications) and offers a ``lock(key)`` that the auth
flow holds across *read store -> fetch if missing or expiring -> write store*.
That lock is what makes several clients share one token: whoever gets it first
fetches, everyone after finds the fresh token already stored.

:class:`MemoryTokenStore` shares within one process. :class:`FileTokenStore`
shares between processes on one machine, on POSIX and Windows alike: the file is
written atomically (temporary file, ``fsync``, ``os.replace``), created ``0600`` on
POSIX, guarded by an OS lock on a sibling ``.lock`` file, and checksummed so that a
damaged file is never read as a token (it reads as "no token", and the next save
rewrites it).

Why filelock: it is the cross-platform file lock most of the Python packaging stack
relies on (pip, virtualenv, tox), taking ``flock`` on POSIX and ``msvcrt.locking`` on
Windows; the alternative was a hand-written Windows branch this project cannot test.
"""

from __future__ import annotations

import contextlib
import hashlib
import inspect
import json
import logging
import os
import stat
import threading
import time
from collections.abc import Iterator
from contextlib import AbstractAsyncContextManager, AbstractContextManager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol, runtime_checkable

from ._core.tokens import Token

__all__ = [
    "AsyncCheckedTokenStore",
    "AsyncTokenStore",
    "CheckedTokenStore",
    "FileTokenStore",
    "MemoryTokenStore",
    "TokenKey",
    "TokenStore",
    "is_async_store",
]

logger = logging.getLogger("flipkart_ext")

_FORMAT = "flipkart_ext.tokens/1"
_POSIX = os.name == "posix"
# Windows refuses to replace a file another process has open (a reader between two of its
# reads); such a reader is done within milliseconds, so the rename is tried again.
_REPLACE_ATTEMPTS = 1 if _POSIX else 50


@dataclass(frozen=True)
class TokenKey:
    """Identifies one token: environment name, application id and, for third-party apps, seller."""

    environment: str
    client_id: str
    seller_id: str | None = None

    def as_string(self) -> str:
        """A stable text form, used as the key inside a token file."""
        return json.dumps([self.environment, self.client_id, self.seller_id], separators=(",", ":"))


@runtime_checkable
class TokenStore(Protocol):
    """Where tokens are kept, shared and locked: the interface every token store offers.

    The locking contract
    --------------------
    * **Who takes the lock.** Only the token lifecycle (:class:`~flipkart_ext.FlipkartAuth`),
      once per renewal: when its token is missing, inside the refresh window, or was
      answered 401, or for ``exchange_code``. It first takes its own in-process lock (a
      ``threading.Lock``, or an ``asyncio.Lock`` per event loop), so each client sends at
      most one caller to the store's lock. The lock is never re-entered while held.
    * **What it covers.** ``load(key)``; then, only if the stored token is still not
      usable, the token request; then ``save`` of the answer. Nothing else: the lock is
      left *before* the API call is sent, so a slow call never holds anyone up.
    * **Who leaves it.** The caller that took it, always: on success, on any error and on
      cancellation (a lock taken after its caller was cancelled is left at once).
    * **On which thread.** The sync client takes and leaves it on the calling thread. The
      async client runs a synchronous store in worker threads: ``lock(key)`` is entered
      and exited on one dedicated worker thread, so a thread-bound lock works too, and
      ``load``, ``save`` and ``delete`` run in worker threads; the event loop never
      waits on the store. An :class:`AsyncTokenStore` is used as it is, in the calling task.
    * **Timeouts.** The store's own: ``lock`` returns or raises within a bound the store
      documents; the client adds none of its own (it cannot know how long another
      machine's token request may take). :class:`MemoryTokenStore` and
      :class:`FileTokenStore` wait without limit, because their holder cannot vanish
      while holding (a process that dies drops its file lock). ``RedisTokenStore`` waits
      at most ``lock_timeout`` seconds and then raises :class:`~flipkart_ext.TokenStoreError`,
      and its lease (``lock_lease``) frees a lock whose holder died.
    * **Leases.** A lock that can run out while held (a lease) lets two holders overlap.
      Such a store also implements :class:`CheckedTokenStore`'s ``replace``, a
      check-and-set save, and the client then saves only through it: the loser of an
      overlap writes nothing, re-reads and uses what the winner stored.
    * ``load`` may also be called without the lock (``token_status()``); ``save`` and
      ``delete`` only with it. ``lock`` may yield a value (a lease); the client hands it
      back to ``replace`` and otherwise ignores it.
    """

    def load(self, key: TokenKey) -> Token | None:
        """The stored token, or ``None`` when there is none (or it cannot be trusted)."""
        ...

    def save(self, key: TokenKey, token: Token) -> None:
        """Store ``token`` under ``key``, replacing any previous one."""
        ...

    def delete(self, key: TokenKey) -> None:
        """Forget the token under ``key``; no error if there is none."""
        ...

    def lock(self, key: TokenKey) -> AbstractContextManager[object]:
        """An exclusive lock for ``key``, blocking, left on exit (see the contract above)."""
        ...


@runtime_checkable
class CheckedTokenStore(TokenStore, Protocol):
    """A :class:`TokenStore` whose lock is a lease, with a check-and-set save."""

    def replace(
        self, key: TokenKey, token: Token, *, expected: Token | None, lease: object
    ) -> bool:
        """Store ``token`` only if ``expected`` is still what is stored (``None``: nothing is)
        and no later holder of the lock has written; ``lease`` is what ``lock(key)`` yielded.

        ``False`` means nothing was written: the caller re-reads.
        """
        ...


@runtime_checkable
class AsyncTokenStore(Protocol):
    """The async twin of :class:`TokenStore`, used natively by the async client.

    The same contract, with coroutines: ``lock(key)`` is an async context manager,
    entered and exited in the calling task. Store I/O must not block the event loop.
    """

    async def load(self, key: TokenKey) -> Token | None:
        """The stored token, or ``None`` when there is none (or it cannot be trusted)."""
        ...

    async def save(self, key: TokenKey, token: Token) -> None:
        """Store ``token`` under ``key``, replacing any previous one."""
        ...

    async def delete(self, key: TokenKey) -> None:
        """Forget the token under ``key``; no error if there is none."""
        ...

    def lock(self, key: TokenKey) -> AbstractAsyncContextManager[object]:
        """An exclusive lock for ``key``, awaited, left on exit."""
        ...


@runtime_checkable
class AsyncCheckedTokenStore(AsyncTokenStore, Protocol):
    """An :class:`AsyncTokenStore` whose lock is a lease, with a check-and-set save."""

    async def replace(
        self, key: TokenKey, token: Token, *, expected: Token | None, lease: object
    ) -> bool:
        """See :meth:`CheckedTokenStore.replace`."""
        ...


def is_async_store(store: object) -> bool:
    """True for an :class:`AsyncTokenStore` (its ``load`` is a coroutine function)."""
    return inspect.iscoroutinefunction(getattr(store, "load", None))


class MemoryTokenStore:
    """Tokens in a dict, for one process. Shareable between clients and threads."""

    def __init__(self) -> None:
        self._tokens: dict[TokenKey, Token] = {}
        self._guard = threading.Lock()
        self._locks: dict[TokenKey, threading.Lock] = {}

    def load(self, key: TokenKey) -> Token | None:
        with self._guard:
            return self._tokens.get(key)

    def save(self, key: TokenKey, token: Token) -> None:
        with self._guard:
            self._tokens[key] = token

    def delete(self, key: TokenKey) -> None:
        with self._guard:
            self._tokens.pop(key, None)

    @contextlib.contextmanager
    def lock(self, key: TokenKey) -> Iterator[None]:
        # One lock per key: renewals for different sellers never wait for each other.
        with self._guard:
            lock = self._locks.setdefault(key, threading.Lock())
        with lock:
            yield

    def __repr__(self) -> str:
        return f"MemoryTokenStore(keys={len(self._tokens)})"


def _checksum(tokens: dict[str, Any]) -> str:
    canonical = json.dumps(tokens, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


class FileTokenStore:
    """Tokens in one JSON file shared by every process of the user on this machine.

    The file holds every key (``{"format", "tokens", "sha256"}``); a missing,
    truncated, corrupt or tampered file reads as empty. Works on POSIX (the file
    is kept ``0600``) and on Windows (where the file inherits the folder's ACL).
    """

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = Path(path).expanduser()
        self.lock_path = self.path.with_name(self.path.name + ".lock")

    def __repr__(self) -> str:
        return f"FileTokenStore(path={str(self.path)!r})"

    # -- reading ---------------------------------------------------------------------------

    def _read_all(self) -> dict[str, Any]:
        try:
            with open(self.path, "rb") as fh:
                mode = os.fstat(fh.fileno()).st_mode
                raw = fh.read()
        except FileNotFoundError:
            return {}
        if _POSIX and stat.S_IMODE(mode) & 0o077:
            logger.warning(
                "token file %s is readable by other users; it will be rewritten 0600", self.path
            )
        try:
            document = json.loads(raw)
        except ValueError:
            logger.warning("token file %s is not valid JSON; ignoring it", self.path)
            return {}
        if (
            not isinstance(document, dict)
            or document.get("format") != _FORMAT
            or not isinstance(document.get("tokens"), dict)
            or document.get("sha256") != _checksum(document["tokens"])
        ):
            logger.warning("token file %s failed its integrity check; ignoring it", self.path)
            return {}
        tokens: dict[str, Any] = document["tokens"]
        return tokens

    def load(self, key: TokenKey) -> Token | None:
        entry = self._read_all().get(key.as_string())
        if not isinstance(entry, dict):
            return None
        try:
            return Token.from_dict(entry)
        except ValueError:
            logger.warning("token file %s holds a malformed entry; ignoring it", self.path)
            return None

    # -- writing ---------------------------------------------------------------------------

    def _write_all(self, tokens: dict[str, Any]) -> None:
        directory = self.path.parent
        directory.mkdir(mode=0o700, parents=True, exist_ok=True)
        document = {"format": _FORMAT, "tokens": tokens, "sha256": _checksum(tokens)}
        data = json.dumps(document, sort_keys=True, indent=1).encode("utf-8")
        tmp = directory / f".{self.path.name}.{os.getpid()}.{threading.get_ident()}.tmp"
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o600)
        try:
            if _POSIX:
                os.fchmod(fd, 0o600)  # the umask may have narrowed it; never widen beyond owner
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
                fh.flush()
                os.fsync(fh.fileno())
            _replace(tmp, self.path)
        except BaseException:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(tmp)
            raise
        if _POSIX:
            # Make the rename itself durable (Windows cannot open a folder for fsync).
            dir_fd = os.open(directory, os.O_RDONLY)
            try:
                os.fsync(dir_fd)
            finally:
                os.close(dir_fd)

    def save(self, key: TokenKey, token: Token) -> None:
        tokens = self._read_all()
        tokens[key.as_string()] = token.to_dict()
        self._write_all(tokens)

    def delete(self, key: TokenKey) -> None:
        tokens = self._read_all()
        if tokens.pop(key.as_string(), None) is not None:
            self._write_all(tokens)

    # -- locking ---------------------------------------------------------------------------

    @contextlib.contextmanager
    def lock(self, key: TokenKey) -> Iterator[None]:
        """Hold the OS lock on the sibling lock file (one lock for the whole file: saves rewrite it all)."""
        from filelock import FileLock  # imported on first use: most programs never lock a file

        self.path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        # A new FileLock for each holder: each takes its own OS lock, so threads of this
        # process exclude one another exactly as other processes do. Not thread-local,
        # because the async client takes the lock in a worker thread and releases it on
        # the event loop's thread.
        with FileLock(self.lock_path, mode=0o600, thread_local=False):
            yield


def _replace(source: Path, target: Path) -> None:
    for attempt in range(1, _REPLACE_ATTEMPTS + 1):
        try:
            os.replace(source, target)
            return
        except PermissionError:
            if attempt == _REPLACE_ATTEMPTS:
                raise
            time.sleep(0.02)
