"""Where tokens live between calls, and between processes.

A store is keyed by :class:`TokenKey` (environment, application id, and the
seller for third-party applications) and offers a ``lock(key)`` that the auth
flow holds across *read store -> fetch if missing or expiring -> write store*.
That lock is what makes several clients share one token: whoever gets it first
fetches, everyone after finds the fresh token already stored.

:class:`MemoryTokenStore` shares within one process. :class:`FileTokenStore`
shares between processes on one machine, on POSIX and Windows alike: the file is
written atomically (temporary file, ``fsync``, ``os.replace``), created ``0600`` on
POSIX in folders created ``0700``, guarded by an OS lock on a sibling ``.lock`` file, and
checksummed so that a damaged file is never read as a token. A file that cannot be read is
never overwritten: the next write moves it aside (``<name>.corrupt-<time>``) and says so in
a warning naming both files, so the other sellers' tokens can still be recovered by hand.

Every failure of a store (``OSError`` of any kind: a full disk, a permission, a folder that
vanished) is a :class:`~flipkart_ext.TokenStoreError`, so the client can keep a token it
could not save and save it later (the custody rule, below).

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

from ._boundary import Unpicklable, guarded, guarded_class
from ._core.auth_plan import may_replace
from ._core.decode import decode_json
from ._core.tokens import Token
from .errors import InvalidArgument, TokenStoreError

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
#: A temporary file older than this, or whose writer is gone, is left over from a process
#: killed while it wrote (it holds tokens, so it does not stay).
_STALE_TEMP_SECONDS = 600.0
#: The largest token file read (100,000 sellers take about 60 MB).
_MAX_FILE_BYTES = 256 * 1024 * 1024


@guarded_class
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

    The custody rule
    ----------------
    A refresh token is spent once: the one Flipkart hands over must reach the store.

    * **Tokens are ordered by** ``Token.generation``, kept with the token: renewing a token
      of generation ``g`` gives one of generation ``g + 1``.
    * **No write goes backwards.** The client writes through ``replace`` (a check-and-set):
      a token of a higher generation replaces the stored one; one of the same generation
      replaces only exactly the record its writer read; a lower one never does. A store
      without ``replace`` is written under its lock by ``load``, the same comparison, then
      ``save``; a store whose lock can run out (a lease) must implement ``replace`` as one
      atomic step, as :class:`~flipkart_ext.RedisTokenStore` does.
    * **Spending is recorded before it happens.** Before a refresh token is sent, the stored
      record is marked (``Token.refresh_sent_at``): another worker then knows the token may
      be spent, and waits for the successor instead of declaring the grant lost.
    * **The receiver keeps custody.** From the token endpoint's answer until a store holds
      the new token, the worker that received it keeps it in memory, uses it, and writes it
      again at every call (a save that fails is a :class:`~flipkart_ext.TokenStoreError`,
      never a lost token). A worker that finds the record missing or older than the token it
      holds writes its own back.
    * **Every failure is a** :class:`~flipkart_ext.TokenStoreError`: a store raises nothing
      else (``KeyboardInterrupt`` and cancellation aside).
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
    """A :class:`TokenStore` with a check-and-set save that keeps the custody rule by itself.

    Every store of this package is one. A store whose lock is a lease must be one.
    """

    def replace(
        self, key: TokenKey, token: Token, *, expected: Token | None, lease: object
    ) -> bool:
        """Store ``token`` if the custody rule allows it over what is stored now.

        ``expected`` is the record the caller read (``None``: nothing was stored);
        ``lease`` is what ``lock(key)`` yielded. ``token`` is written when nothing is
        stored, when its generation is higher than the stored one, or when it has the same
        generation and the stored record is exactly ``expected``; never over a higher
        generation. ``False`` means nothing was written: the caller re-reads.
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


@guarded
def is_async_store(store: object) -> bool:
    """True for an :class:`AsyncTokenStore` (its ``load`` is a coroutine function)."""
    return inspect.iscoroutinefunction(getattr(store, "load", None))


@guarded_class
class MemoryTokenStore(Unpicklable):
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

    def replace(
        self, key: TokenKey, token: Token, *, expected: Token | None, lease: object = None
    ) -> bool:
        """Check-and-set by the custody rule (see :meth:`CheckedTokenStore.replace`)."""
        with self._guard:
            if not may_replace(token, self._tokens.get(key), expected):
                return False
            self._tokens[key] = token
            return True

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


class _Unreadable(Exception):
    """The token file exists but is not one this store wrote (the reason is the message)."""


def _make_folders(directory: Path) -> None:
    """Create ``directory`` and any missing parent ``0700``, whatever the umask.

    ``Path.mkdir(parents=True)`` creates the parents with the umask's default (``0777``
    under umask 0); each missing level is made here instead, and set to ``0700``.
    """
    missing: list[Path] = []
    current = directory
    while not current.exists():
        missing.append(current)
        if current.parent == current:
            break
        current = current.parent
    for folder in reversed(missing):
        try:
            folder.mkdir(mode=0o700)
        except FileExistsError:
            continue  # another process made it meanwhile: its mode is its own
        if _POSIX:
            os.chmod(folder, 0o700)


@guarded_class
class FileTokenStore:
    """Tokens in one JSON file shared by every process of the user on this machine.

    The file holds every key (``{"format", "tokens", "sha256"}``). A missing file reads as
    empty; a truncated, corrupt or tampered one reads as empty with a warning naming it,
    and the next write moves it aside instead of overwriting it. Works on POSIX (the file
    is kept ``0600``) and on Windows (where the file inherits the folder's ACL). Every
    failure is a :class:`~flipkart_ext.TokenStoreError`.
    """

    def __init__(self, path: str | os.PathLike[str], *, encryption_key: Any = None) -> None:
        from ._core.sealing import Sealer

        if not isinstance(path, str | os.PathLike) or not str(path).strip():
            raise InvalidArgument(
                f"path: expected a file path (a non-blank str or os.PathLike), got {path!r}"
            )
        self.path = Path(path).expanduser()
        self.lock_path = self.path.with_name(self.path.name + ".lock")
        #: Seals each entry when ``encryption_key`` (a Fernet key, or a list for rotation) is
        #: given (the ``crypto`` extra).
        self._sealer = Sealer.of(encryption_key)

    def __repr__(self) -> str:
        encrypted = ", encrypted" if self._sealer is not None else ""
        return f"FileTokenStore(path={str(self.path)!r}{encrypted})"

    def _entry(self, token: Token) -> Any:
        """What the file holds for ``token``: its fields, or them sealed."""
        if self._sealer is None:
            return token.to_dict()
        return self._sealer.seal(json.dumps(token.to_dict(), separators=(",", ":")))

    def _token(self, entry: Any) -> Token | None:
        """The token of an entry; ``None`` for none; :class:`TokenStoreError` if sealed
        with a key this store lacks."""
        if isinstance(entry, str):
            if self._sealer is None:
                raise TokenStoreError(
                    f"the token file {self.path} holds encrypted tokens: give its encryption_key"
                )
            entry = decode_json(
                self._sealer.open(entry, what=f"a token in {self.path}"),
                what="a token in the token file",
                error=TokenStoreError,
            )
        if not isinstance(entry, dict):
            return None
        try:
            return Token.from_dict(entry)
        except ValueError:
            logger.warning("token file %s holds a malformed entry; ignoring it", self.path)
            return None

    @contextlib.contextmanager
    def _errors(self, doing: str) -> Iterator[None]:
        """Any ``OSError`` inside becomes a :class:`TokenStoreError` naming the file."""
        try:
            yield
        except TokenStoreError:
            raise
        except OSError as exc:
            reason = exc.strerror or str(exc) or type(exc).__name__
            raise TokenStoreError(f"{doing} the token file {self.path}: {reason}") from exc

    # -- reading ---------------------------------------------------------------------------

    def _read_all(self) -> dict[str, Any]:
        """Every entry, ``{}`` without a file; :class:`_Unreadable` for a file not ours."""
        try:
            with open(self.path, "rb") as fh:
                mode = os.fstat(fh.fileno()).st_mode
                raw = fh.read(_MAX_FILE_BYTES + 1)
        except FileNotFoundError:
            return {}
        if _POSIX and stat.S_IMODE(mode) & 0o077:
            logger.warning(
                "token file %s is readable by other users; it will be rewritten 0600", self.path
            )
        try:
            document = decode_json(
                raw, what="the token file", error=TokenStoreError, max_bytes=_MAX_FILE_BYTES
            )
        except TokenStoreError as exc:
            raise _Unreadable(str(exc)) from None
        if (
            not isinstance(document, dict)
            or document.get("format") != _FORMAT
            or not isinstance(document.get("tokens"), dict)
            or document.get("sha256") != _checksum(document["tokens"])
        ):
            raise _Unreadable("the token file failed its integrity check")
        tokens: dict[str, Any] = document["tokens"]
        return tokens

    def _entries(self, *, moving_aside: bool) -> dict[str, Any]:
        """Every entry; an unreadable file is reported (and, for a writer, moved aside)."""
        try:
            return self._read_all()
        except _Unreadable as exc:
            if not moving_aside:
                logger.warning(
                    "token file %s cannot be read (%s); no token is taken from it, and the "
                    "next write moves it aside",
                    self.path,
                    exc,
                )
                return {}
            aside = self.path.with_name(
                f"{self.path.name}.corrupt-{time.strftime('%Y%m%dT%H%M%S')}-{os.getpid()}"
            )
            os.replace(self.path, aside)
            logger.warning(
                "token file %s cannot be read (%s); moved aside to %s (its tokens can be "
                "recovered from there) and a new file started",
                self.path,
                exc,
                aside,
            )
            return {}

    def load(self, key: TokenKey) -> Token | None:
        with self._errors("reading"):
            entry = self._entries(moving_aside=False).get(key.as_string())
        return self._token(entry)

    # -- writing ---------------------------------------------------------------------------

    def _remove_stale_temps(self, directory: Path) -> None:
        """Delete temporary files left by writers that were killed (they hold tokens)."""
        now = time.time()
        for leftover in directory.glob(f".{self.path.name}.*.tmp"):
            parts = leftover.name.rsplit(".", 3)
            pid = int(parts[1]) if len(parts) == 4 and parts[1].isdigit() else None
            try:
                old = now - leftover.stat().st_mtime > _STALE_TEMP_SECONDS
            except FileNotFoundError:
                continue
            if pid == os.getpid() and not old:
                continue  # another thread of this process may be writing it now
            if old or pid is None or not _alive(pid):
                with contextlib.suppress(FileNotFoundError):
                    leftover.unlink()

    def _write_all(self, tokens: dict[str, Any]) -> None:
        directory = self.path.parent
        _make_folders(directory)
        self._remove_stale_temps(directory)
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
        with self._errors("writing"):
            tokens = self._entries(moving_aside=True)
            tokens[key.as_string()] = self._entry(token)
            self._write_all(tokens)

    def replace(
        self, key: TokenKey, token: Token, *, expected: Token | None, lease: object = None
    ) -> bool:
        """Check-and-set by the custody rule (see :meth:`CheckedTokenStore.replace`).

        Called under :meth:`lock`, which no other writer can hold meanwhile (it is not a
        lease), so reading, comparing and writing form one step.
        """
        with self._errors("writing"):
            tokens = self._entries(moving_aside=True)
            current = self._token(tokens.get(key.as_string()))
            if not may_replace(token, current, expected):
                return False
            tokens[key.as_string()] = self._entry(token)
            self._write_all(tokens)
            return True

    def delete(self, key: TokenKey) -> None:
        with self._errors("writing"):
            tokens = self._entries(moving_aside=True)
            if tokens.pop(key.as_string(), None) is not None:
                self._write_all(tokens)

    # -- locking ---------------------------------------------------------------------------

    @contextlib.contextmanager
    def lock(self, key: TokenKey) -> Iterator[None]:
        """Hold the OS lock on the sibling lock file (one lock for the whole file: saves rewrite it all)."""
        from filelock import FileLock  # imported on first use: most programs never lock a file

        # A new FileLock for each holder: each takes its own OS lock, so threads of this
        # process exclude one another exactly as other processes do. Not thread-local,
        # because the async client takes the lock in a worker thread and releases it on
        # the event loop's thread.
        held = FileLock(self.lock_path, mode=0o600, thread_local=False)
        with self._errors("locking"):
            _make_folders(self.path.parent)
            held.acquire()
        try:
            yield
        finally:
            with contextlib.suppress(OSError):  # the OS drops the lock with the descriptor
                held.release()


def _alive(pid: int) -> bool:
    """True when process ``pid`` exists (on Windows, where this cannot be asked cheaply: yes)."""
    if not _POSIX:
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _replace(source: Path, target: Path) -> None:
    for attempt in range(1, _REPLACE_ATTEMPTS + 1):
        try:
            os.replace(source, target)
            return
        except PermissionError:
            if attempt == _REPLACE_ATTEMPTS:
                raise
            time.sleep(0.02)
