"""What really differs between the sync and the async layer, and nothing else.

``flipkart_ext/_async/`` is the one hand-written source of the I/O layer; ``_sync/`` is
generated from it by ``scripts/generate_sync.py``, which renames each ``async_x`` / ``AsyncX``
used below into its ``sync_x`` / ``SyncX`` twin. Each pair here has the same shape, so the
generated code reads like the source:

=====================  ===============================  =====================================
what                   async                            sync
=====================  ===============================  =====================================
sleeping               ``asyncio.sleep``                ``time.sleep``
a lock                 one ``asyncio.Lock`` per loop     a ``threading.Lock``
N jobs, K at a time    tasks under a semaphore           threads of a ``ThreadPoolExecutor``
a function's result    awaited                           taken as it is
blocking work          a worker thread (``to_thread``)  called in place
work started ahead     a task, cancelled if unused       run when asked for (no prefetch)
the event loop         bound on first use (checked)      none: any thread may call
a rate budget          a sync or an async one           a sync one only
=====================  ===============================  =====================================

asyncio is imported by the async half only when it runs, so a sync-only program never loads it.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Awaitable, Callable, Sequence
from typing import TYPE_CHECKING, Any, Generic, TypeAlias, TypeVar

from .errors import ConfigurationError, WrongEventLoop

if TYPE_CHECKING:
    import asyncio

    from ._rate_budget import AnyRateBudget, RateBudget

__all__ = [
    "ASYNC_STORE_IO_ALLOWED",
    "SYNC_STORE_IO_ALLOWED",
    "AsyncAhead",
    "AsyncFunction",
    "AsyncKeeper",
    "AsyncLock",
    "AsyncLoopGuard",
    "SyncAhead",
    "SyncFunction",
    "SyncKeeper",
    "SyncLock",
    "SyncLoopGuard",
    "async_check_budget",
    "async_check_store",
    "async_gather",
    "async_off_loop",
    "async_run_all",
    "async_shield",
    "async_sleep",
    "async_store_view",
    "sync_check_budget",
    "sync_check_store",
    "sync_gather",
    "sync_off_loop",
    "sync_run_all",
    "sync_shield",
    "sync_sleep",
    "sync_store_view",
]

T = TypeVar("T")
A = TypeVar("A")

#: A function of one argument, as each flavour calls it: its result awaited (async) or taken
#: as it is (sync). ``AsyncFunction[float, None]`` is a sleep; the generated twin reads
#: ``SyncFunction[float, None]``.
AsyncFunction: TypeAlias = Callable[[A], Awaitable[T]]
SyncFunction: TypeAlias = Callable[[A], T]

# -- sleeping ------------------------------------------------------------------------------


def sync_sleep(seconds: float) -> None:
    """Block the calling thread."""
    time.sleep(seconds)


async def async_sleep(seconds: float) -> None:
    """Suspend the calling task."""
    import asyncio

    await asyncio.sleep(seconds)


# -- locks ---------------------------------------------------------------------------------


class SyncLock:
    """A ``threading.Lock`` (the same object for every thread)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()

    def __enter__(self) -> None:
        self._lock.acquire()

    def __exit__(self, *exc: object) -> None:
        self._lock.release()


class AsyncLock:
    """One ``asyncio.Lock`` per event loop: an object shared by several loops (a client used
    from ``asyncio.run`` twice, say) never hands a task a lock bound to another loop."""

    def __init__(self) -> None:
        import weakref

        self._guard = threading.Lock()
        self._locks: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, asyncio.Lock] = (
            weakref.WeakKeyDictionary()
        )

    def current(self) -> asyncio.Lock:
        """The lock of the running event loop, made on first use."""
        import asyncio

        loop = asyncio.get_running_loop()
        with self._guard:
            lock = self._locks.get(loop)
            if lock is None:
                lock = self._locks[loop] = asyncio.Lock()
            return lock

    def locked(self) -> bool:
        """Whether a task of the running event loop holds the lock."""
        return self.current().locked()

    async def __aenter__(self) -> None:
        await self.current().acquire()

    async def __aexit__(self, *exc: object) -> None:
        # Entered on this loop, so this loop's lock is the one held.
        self.current().release()


# -- the event loop ------------------------------------------------------------------------


class SyncLoopGuard:
    """Sync objects have no event loop: any thread may use them."""

    def check(self, what: str) -> None:
        """Nothing to check."""


class AsyncLoopGuard:
    """Remembers the event loop of the first use and refuses any other one.

    httpx's async connections belong to the loop that opened them; reusing them from
    another loop fails deep inside anyio with a raw ``RuntimeError``. This check turns that
    into :class:`~flipkart_ext.WrongEventLoop` before anything is sent.
    """

    def __init__(self) -> None:
        self._loop: Any = None

    def check(self, what: str) -> None:
        """Raise :class:`WrongEventLoop` when called from a loop other than the first one."""
        import asyncio

        loop = asyncio.get_running_loop()
        if self._loop is None:
            self._loop = loop
        elif self._loop is not loop and not self._loop.is_closed():
            raise WrongEventLoop(
                f"{what} was first used on another event loop, which is still running: "
                "build one client per event loop"
            )
        elif self._loop is not loop:
            raise WrongEventLoop(
                f"{what} was first used on an event loop that has since closed (each "
                "asyncio.run() starts a new one): build a new client inside this loop"
            )


# -- many jobs, a few at a time -------------------------------------------------------------


def sync_run_all(jobs: Sequence[Callable[[], None]], limit: int) -> None:
    """Run every job, at most ``limit`` at once (threads); the first failure is raised
    after every job has ended."""
    if limit == 1 or len(jobs) < 2:
        for job in jobs:
            job()
        return
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(max_workers=limit, thread_name_prefix="flipkart") as pool:
        for done in [pool.submit(job) for job in jobs]:
            done.result()


async def async_run_all(jobs: Sequence[Callable[[], Awaitable[None]]], limit: int) -> None:
    """Run every job, at most ``limit`` at once (tasks); on a failure or cancellation the
    others are cancelled and awaited before it propagates."""
    if limit == 1 or len(jobs) < 2:
        for job in jobs:
            await job()
        return
    await async_gather(_called, jobs, limit)


async def _called(job: Callable[[], Awaitable[T]]) -> T:
    return await job()


def sync_gather(function: SyncFunction[A, T], items: Sequence[A], limit: int) -> list[T]:
    """``function(item)`` for every item, at most ``limit`` at once (threads), the results in
    input order; on a failure the calls not yet started are cancelled and it propagates."""
    if not items:
        return []
    from concurrent.futures import FIRST_EXCEPTION, ThreadPoolExecutor, wait

    with ThreadPoolExecutor(max_workers=min(limit, len(items))) as threads:
        futures = [threads.submit(function, item) for item in items]
        done, _ = wait(futures, return_when=FIRST_EXCEPTION)
        if any(future.exception() is not None for future in done):
            for future in futures:
                future.cancel()
        return [future.result() for future in futures]


async def async_gather(function: AsyncFunction[A, T], items: Sequence[A], limit: int) -> list[T]:
    """``function(item)`` for every item, at most ``limit`` at once (tasks), the results in
    input order; on a failure or cancellation the others are cancelled and awaited before
    it propagates."""
    import asyncio

    slots = asyncio.Semaphore(limit)

    async def limited(item: A) -> T:
        async with slots:
            return await function(item)

    tasks = [asyncio.ensure_future(limited(item)) for item in items]
    try:
        return list(await asyncio.gather(*tasks))
    except BaseException:
        for task in tasks:
            task.cancel()
        await asyncio.gather(*tasks, return_exceptions=True)
        raise


# -- blocking work -------------------------------------------------------------------------


def sync_off_loop(function: Callable[..., T], *args: Any) -> T:
    """Call ``function`` here: a sync caller has no loop to keep responsive."""
    return function(*args)


async def async_off_loop(function: Callable[..., T], *args: Any) -> T:
    """Run blocking ``function`` in a worker thread, so the event loop never waits on it."""
    import asyncio

    return await asyncio.to_thread(function, *args)


# -- work started ahead --------------------------------------------------------------------


class SyncAhead(Generic[T]):
    """Sync code fetches nothing ahead: the work runs when its result is asked for."""

    def __init__(self, start: Callable[[], T]) -> None:
        self._start = start

    def result(self) -> T:
        """Do the work now."""
        return self._start()

    def discard(self) -> None:
        """Nothing was started."""


class AsyncAhead(Generic[T]):
    """Work started now in a task, while the caller does something else."""

    def __init__(self, start: Callable[[], Awaitable[T]]) -> None:
        import asyncio

        self._task: asyncio.Future[T] = asyncio.ensure_future(start())

    async def result(self) -> T:
        """Wait for the work started ahead."""
        return await self._task

    async def discard(self) -> None:
        """Cancel the work if it still runs, and absorb its outcome (asyncio would otherwise
        log a failure nobody retrieved)."""
        import asyncio

        self._task.cancel()
        await asyncio.wait({self._task})
        if not self._task.cancelled():
            self._task.exception()


# -- token stores --------------------------------------------------------------------------

#: May a client read its token store in ``token_status()``? Never on an event loop.
SYNC_STORE_IO_ALLOWED = True
ASYNC_STORE_IO_ALLOWED = False


def sync_check_store(auth: Any) -> None:
    """A sync client cannot await an async store: refuse it at construction."""
    auth._require_sync_store()


def async_check_store(auth: Any) -> None:
    """An async client takes either kind (a sync store runs in worker threads)."""


# -- rate budgets --------------------------------------------------------------------------


def _is_async_budget(budget: object) -> bool:
    import inspect

    return inspect.iscoroutinefunction(getattr(budget, "try_acquire", None))


def sync_check_budget(budget: AnyRateBudget) -> RateBudget:
    """The budget, if the sync client can use it; otherwise a ConfigurationError saying why."""
    if _is_async_budget(budget):
        raise ConfigurationError(
            f"rate_budget: {type(budget).__name__} is an async budget; use it with "
            "AsyncFlipkartClient (the sync client takes RedisRateBudget or MemoryRateBudget)"
        )
    return budget  # type: ignore[return-value]


def async_check_budget(budget: AnyRateBudget) -> AnyRateBudget:
    """The budget, if the async client can use it without blocking its event loop."""
    from ._rate_budget import MemoryRateBudget

    if _is_async_budget(budget) or isinstance(budget, MemoryRateBudget):
        return budget
    raise ConfigurationError(
        f"rate_budget: {type(budget).__name__} does blocking I/O; the async client takes "
        "AsyncRedisRateBudget or MemoryRateBudget"
    )


# -- the token store a renewal talks to ------------------------------------------------------


def sync_store_view(auth: Any) -> Any:
    """The client's synchronous token store, called in place (refuses an async store)."""
    return auth._require_sync_store()


def async_store_view(auth: Any) -> Any:
    """The client's store as an async store: a synchronous one runs in worker threads."""
    return auth._async_view()


# -- work repeated in the background while something is held (a lease renewed) -------------


class SyncKeeper:
    """Calls ``work`` every ``interval`` seconds in a daemon thread until stopped, or until
    ``work`` returns false or fails (a lease no longer ours is not renewed)."""

    def __init__(self, interval: float, work: Callable[[], bool]) -> None:
        self._interval = interval
        self._work = work
        self._stopped = threading.Event()
        self._thread: threading.Thread | None = None

    def start(self) -> None:
        """Start calling ``work``."""
        self._thread = threading.Thread(target=self._run, name="flipkart-keeper", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while not self._stopped.wait(self._interval):
            try:
                if not self._work():
                    return
            except Exception:  # the holder finds out from its own writes; nothing to raise to
                return

    def stop(self) -> None:
        """Stop calling ``work`` (a call under way finishes in the background)."""
        self._stopped.set()


class AsyncKeeper:
    """Awaits ``work`` every ``interval`` seconds in a task until stopped, or until ``work``
    returns false or fails."""

    def __init__(self, interval: float, work: Callable[[], Awaitable[bool]]) -> None:
        self._interval = interval
        self._work = work
        self._task: asyncio.Future[None] | None = None

    async def start(self) -> None:
        """Start awaiting ``work``."""
        import asyncio

        self._task = asyncio.ensure_future(self._run())

    async def _run(self) -> None:
        import asyncio

        while True:
            await asyncio.sleep(self._interval)
            try:
                if not await self._work():
                    return
            except Exception:
                return

    async def stop(self) -> None:
        """Stop awaiting ``work`` and wait for the task to end."""
        import asyncio

        if self._task is not None:
            self._task.cancel()
            await asyncio.wait({self._task})


# -- a step that must finish even when its caller is cancelled ------------------------------


def sync_shield(value: T) -> T:
    """Nothing cancels sync code between two statements: the value as it is."""
    return value


async def async_shield(awaitable: Awaitable[T]) -> T:
    """Await ``awaitable`` to its end even if the caller is cancelled meanwhile."""
    import asyncio

    return await asyncio.shield(awaitable)
