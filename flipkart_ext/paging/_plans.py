"""What every searchable resource plans alike: its API base, its retry policy, and the
page walker of its search (no I/O).

A resource names its page shape and builds the opening call of a search from its filter
(``_first``); the walker is set up here, the same way for every list, and driven by the
I/O layer's ``search()`` / ``pages()``.
"""

from __future__ import annotations

from typing import Any, ClassVar, Generic, TypeVar

import httpx

from .._core.retry import RetryPolicy
from ._shape import PageRequest, PageShape
from ._urls import ApiBase
from ._walker import DEFAULT_DEDUPE_WINDOW, PageWalker

__all__ = ["SearchPlans"]

F = TypeVar("F")


class SearchPlans(Generic[F]):
    """The plans of a resource whose list is walked page by page; mixed into the facades."""

    #: The list's page shape.
    _shape: ClassVar[PageShape]

    def __init__(self, api_base_url: str | httpx.URL, retry: RetryPolicy | None = None) -> None:
        self._api_base = ApiBase(api_base_url)
        self._retry = retry or RetryPolicy()

    def _first(self, filter: F | None) -> PageRequest | None:
        """Check ``filter`` and build the opening call of its search (``None``: no filter)."""
        raise NotImplementedError

    def _walker(
        self,
        filter: F | None,
        *,
        raw: bool,
        limit: int | None = None,
        max_pages: int | None = None,
        resume_from: str | None = None,
        dedupe_window: int = DEFAULT_DEDUPE_WINDOW,
        first: PageRequest | None = None,
    ) -> PageWalker[Any]:
        """Check the search arguments and set up one iteration (no I/O).

        ``first``: an opening call the caller built (a look-up's), instead of one built
        from ``filter``.
        """
        return PageWalker(
            self._shape,
            api_base=self._api_base,
            first=self._first(filter) if first is None else first,
            resume_from=resume_from,
            raw=raw,
            limit=limit,
            max_pages=max_pages,
            dedupe_window=dedupe_window,
        )
