"""``client.returns``: returns search across pages, look-ups by id, self-ship return actions.

Written once (the sync twin is generated): plans come from ``flipkart_ext.returns``; the
engines of this layer send their calls through the I/O path.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .._boundary import guarded_class
from .._core.batches import BatchResults
from .._core.inputs import InstantInput
from ..returns._actions import ReturnResult, plan_action
from ..returns._filter import ReturnFilter
from ..returns._planner import Ids, ReturnLookup, ReturnPlans
from .batches import run_batch
from .pages import AsyncItemIterator, AsyncPagedList

if TYPE_CHECKING:
    # Named (as a string) in the generic bases below.
    from flipkart_seller_api.models.return_item import ReturnItem  # noqa: F401

__all__ = ["AsyncReturns"]


@guarded_class
class AsyncReturns(ReturnPlans, AsyncPagedList[ReturnFilter, "ReturnItem"]):
    """``client.returns``: returns search, look-ups by id, and the self-ship return actions.

    Built by the client; every call goes through its I/O path (auth, retries, budget).
    """

    async def _act(
        self, action: str, return_ids: Ids, **options: Any
    ) -> BatchResults[ReturnResult]:
        plan = plan_action(action, return_ids, options)
        return await run_batch(self._wire, plan, policy=self._retry)

    async def approve(
        self, return_ids: Ids, *, comments: str | None = None
    ) -> BatchResults[ReturnResult]:
        """Approve self-ship returns: calls of at most 100, one ``ReturnResult`` per return.

        A return Flipkart refuses (wrong state, unknown id) is a ``FAILURE`` result, not an
        exception; a call that fails after retries marks its returns ``NOT_APPLIED``. The
        other actions below report the same way.
        """
        return await self._act("approve", return_ids, comments=comments)

    async def reject(
        self, return_ids: Ids, *, service_date: InstantInput, comments: str | None = None
    ) -> BatchResults[ReturnResult]:
        """Reject self-ship returns (``service_date``: an aware datetime, Flipkart requires it)."""
        return await self._act("reject", return_ids, service_date=service_date, comments=comments)

    async def cancel(self, return_ids: Ids) -> BatchResults[ReturnResult]:
        """Cancel self-ship returns."""
        return await self._act("cancel", return_ids)

    async def pickup(
        self, return_ids: Ids, *, pickup_date: InstantInput
    ) -> BatchResults[ReturnResult]:
        """Record that self-ship returns were picked up at ``pickup_date``."""
        return await self._act("pickup", return_ids, pickup_date=pickup_date)

    async def pickup_attempt(
        self,
        return_ids: Ids,
        *,
        pickup_date: InstantInput,
        new_pickup_date: InstantInput,
        reason: str | None = None,
    ) -> BatchResults[ReturnResult]:
        """Record a failed pickup attempt and the date of the next one."""
        return await self._act(
            "pickup_attempt",
            return_ids,
            pickup_date=pickup_date,
            new_pickup_date=new_pickup_date,
            reason=reason,
        )

    async def complete(self, return_ids: Ids) -> BatchResults[ReturnResult]:
        """Mark self-ship returns completed (received back)."""
        return await self._act("complete", return_ids)

    async def get(
        self,
        *,
        source: str,
        return_ids: Ids | None = None,
        tracking_ids: Ids | None = None,
        raw: bool = False,
    ) -> list[Any]:
        """Returns by exactly one kind of id, in input order (calls of at most 25 ids).

        An id given twice is refused before any call.
        """
        plan = ReturnLookup(source, return_ids, tracking_ids, raw)
        for chunk in plan.chunks:
            walker = self._walker(None, raw=True, first=self._request(plan.query(chunk)))
            plan.add(chunk, [item async for item in AsyncItemIterator(self._wire, walker)])
        return plan.result()
