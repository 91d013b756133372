"""Returns: search across pages, look-ups by id, and the self-ship return actions.

``client.returns.search(ReturnFilter("customer_return", created=(since, None)))`` yields
every matching return once, following Flipkart's ``nextUrl`` through the shared paging
engine (:mod:`flipkart_ext.paging`).
"""

from ._actions import MAX_RETURNS_PER_ACTION, NOT_APPLIED, NOT_IN_ANSWER, ReturnResult
from ._filter import RETURN_SOURCES, ReturnFilter
from ._resource import MAX_IDS_PER_LOOKUP, AsyncReturns, Returns

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
