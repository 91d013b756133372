"""Returns: search across pages, look-ups by id, and the self-ship return actions.

``client.returns.search(ReturnFilter("customer_return", created=(since, None)))`` yields
every matching return once, following Flipkart's ``nextUrl`` through the shared paging
engine (:mod:`flipkart_ext.paging`).
"""

from typing import TYPE_CHECKING

from .._lazy import lazy_module_getattr
from .._spec import RETURN_SOURCES
from ._actions import MAX_RETURNS_PER_ACTION, NOT_APPLIED, NOT_IN_ANSWER, ReturnResult
from ._filter import ReturnFilter
from ._planner import MAX_IDS_PER_LOOKUP

if TYPE_CHECKING:
    from .._async.returns import AsyncReturns
    from .._sync.returns import Returns

__all__ = [
    "MAX_IDS_PER_LOOKUP",
    "MAX_RETURNS_PER_ACTION",
    "NOT_APPLIED",
    "NOT_IN_ANSWER",
    "RETURN_SOURCES",
    "AsyncReturns",
    "ReturnFilter",
    "ReturnResult",
    "Returns",
]

# The facades live with the I/O layer, which imports this package's plans: loaded on use.
__getattr__ = lazy_module_getattr(
    __name__, {"AsyncReturns": ".._async.returns", "Returns": ".._sync.returns"}
)
