"""A synchronous token store seen as an :class:`~flipkart_ext.AsyncTokenStore`.

The async client never calls a synchronous store on the event loop: ``load``, ``save``,
``delete`` and ``replace`` run in worker threads (:func:`asyncio.to_thread`), and the
lock is entered and exited on one dedicated worker thread per hold, so a lock bound to
the thread that took it (an ``RLock``, a thread-local lease) is left where it was taken.

Cancellation: a task cancelled while its worker thread is still waiting for the lock
cannot stop that thread; when the thread gets the lock after all, it leaves it at once.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator
from concurrent.futures import ThreadPoolExecutor
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ._core.tokens import Token
    from .stores import TokenKey, TokenStore

__all__ = ["ThreadedTokenStore"]


class ThreadedTokenStore:
    """Runs a synchronous :class:`~flipkart_ext.TokenStore` off the event loop."""

    def __init__(self, store: TokenStore) -> None:
        self.store = store

    def __repr__(self) -> str:
        return f"ThreadedTokenStore({self.store!r})"

    async def load(self, key: TokenKey) -> Token | None:
        return await asyncio.to_thread(self.store.load, key)

    async def save(self, key: TokenKey, token: Token) -> None:
        await asyncio.to_thread(self.store.save, key, token)

    async def delete(self, key: TokenKey) -> None:
        await asyncio.to_thread(self.store.delete, key)

    async def replace(
        self, key: TokenKey, token: Token, *, expected: Token | None, lease: object
    ) -> bool:
        """The store's own check-and-set when it has one, else a plain save (always True)."""
        replace = getattr(self.store, "replace", None)
        if replace is None:
            await self.save(key, token)
            return True
        return bool(await asyncio.to_thread(replace, key, token, expected=expected, lease=lease))

    async def was_stored(self, key: TokenKey) -> bool:
        """The store's own answer when it has one (Redis), else ``False``."""
        was_stored = getattr(self.store, "was_stored", None)
        if was_stored is None:
            return False
        return bool(await asyncio.to_thread(was_stored, key))

    @contextlib.asynccontextmanager
    async def lock(self, key: TokenKey) -> AsyncIterator[object]:
        held = self.store.lock(key)
        loop = asyncio.get_running_loop()
        # One thread for this hold: the lock is entered and exited on it.
        thread = ThreadPoolExecutor(max_workers=1, thread_name_prefix="flipkart-token-lock")
        entering = loop.run_in_executor(thread, held.__enter__)
        try:
            lease = await asyncio.shield(entering)
        except asyncio.CancelledError:
            # The thread may still get the lock: then it leaves it at once.
            entering.add_done_callback(lambda done: _leave_late(done, thread, held))
            raise
        except BaseException:
            thread.shutdown(wait=False)
            raise
        try:
            yield lease
        finally:
            try:
                # Shielded: cancelling the caller here must not skip leaving the lock.
                await asyncio.shield(loop.run_in_executor(thread, _exit, held))
            finally:
                thread.shutdown(wait=False)


def _exit(held: contextlib.AbstractContextManager[Any]) -> None:
    held.__exit__(None, None, None)


def _leave_late(
    entered: asyncio.Future[Any],
    thread: ThreadPoolExecutor,
    held: contextlib.AbstractContextManager[Any],
) -> None:
    if not entered.cancelled() and entered.exception() is None:
        thread.submit(_exit, held)
    thread.shutdown(wait=False)  # queued work still runs
