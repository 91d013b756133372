"""Sending a bulk call's chunks: the I/O half of the batch engine.

The plan and the books are in ``flipkart_ext._core.batches`` (which item a result belongs
to, 429 pauses, when a batch stops); this module sends each chunk through the I/O path,
``max_concurrency`` at a time, and hands every answer or error to the books.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Hashable
from typing import TypeVar

from .._concurrency import async_run_all
from .._core.batches import BatchPlan, BatchResults, BatchRun, Outcome
from .._core.inputs import whole_number
from .._core.retry import RetryPolicy
from ..errors import FlipkartError, UsageError
from .http import AsyncWire

__all__ = ["run_batch"]

K = TypeVar("K", bound=Hashable)
R = TypeVar("R", bound=Outcome)


async def _send_chunk(wire: AsyncWire, run: BatchRun[K, R], index: int) -> None:
    """Send one chunk until the books say it is settled: answered, or failed for good.

    The loop ends on the books' word, never on a return of its own after an answer or a
    failure, so a mutating chunk is sent again only when a 429 left it unsettled.
    """
    honoured = 0.0
    while not run.settled(index):
        wait, honoured = run.pause(honoured)
        if wait > 0:
            await run.policy.async_sleep(wait)
        if not run.sending(index):
            return  # the batch stopped: the books recorded this chunk as failed
        try:
            answer = await wire.send(run.plan.chunks[index].call)
        except UsageError:
            raise  # a closed client, another event loop: the caller's to fix, not a chunk's result
        except FlipkartError as error:
            run.failure(index, error)  # a 429 pauses the batch and leaves the chunk unsettled
        else:
            run.answer(index, answer)


async def _settle(wire: AsyncWire, run: BatchRun[K, R], index: int) -> None:
    try:
        await _send_chunk(wire, run, index)
    finally:
        run.finished()


async def run_batch(
    wire: AsyncWire,
    plan: BatchPlan[K, R],
    *,
    max_concurrency: int = 1,
    policy: RetryPolicy | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> BatchResults[R]:
    """Send every chunk of ``plan`` (at most ``max_concurrency`` at once) and collect the results.

    ``policy`` supplies the clock, sleep and limits for 429 pauses (default: ``RetryPolicy()``).
    ``progress(done, total)`` is called as each chunk settles (for progress displays).
    """
    whole_number("max_concurrency", max_concurrency)
    wire.ready()  # a closed client sends nothing and reports no item
    run = BatchRun(plan, policy or RetryPolicy(), progress)
    jobs = [functools.partial(_settle, wire, run, index) for index in range(len(plan.chunks))]
    await async_run_all(jobs, max_concurrency)
    return run.results()
