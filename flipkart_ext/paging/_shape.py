"""What one paginated list looks like on the wire: the only thing a resource declares.

A :class:`PageShape` names the keys of a page (items, item id, "has more", next cursor)
and says how the next cursor is followed (:class:`FollowUrl` or :class:`ResendWithToken`).
The walker in :mod:`._walker` holds every guarantee; a new list is a shape plus a facade.
"""

from __future__ import annotations

import dataclasses
import importlib
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol

from .._boundary import guarded_class
from .._core.calls import Call
from ..errors import InvalidArgument
from ._urls import ApiBase, check_token

__all__ = [
    "CursorStyle",
    "FollowUrl",
    "PageKeys",
    "PageRequest",
    "PageShape",
    "ResendWithToken",
    "generated_model",
    "page_shape",
]


PageRequest = Call
"""A request the iterator must send (the opening one, or one for a later page): a ``Call``."""


class CursorStyle(Protocol):
    """How a list's next-page cursor becomes a request."""

    needs_first_request: bool
    """True if a later page cannot be asked for without the opening request (its filter)."""

    def check(self, api_base: ApiBase, cursor: str) -> str:
        """The cursor as it will be sent (its identity for repeat detection); raises
        ``UnsafeCursor`` or ``UnsafeNextPageUrl`` if it must not be sent."""
        ...

    def request(self, first: PageRequest | None, checked: str) -> PageRequest:
        """The request for the page a cursor names, given what ``check`` returned for it
        (checked once per page: resolving a URL is the costly part)."""
        ...


@guarded_class
@dataclass(frozen=True, slots=True)
class FollowUrl:
    """The server gives the next page's URL: ``GET`` it exactly as given (shipments, returns).

    ``operation`` names the generated operation such a ``GET`` belongs to, for errors.
    """

    operation: str = ""
    needs_first_request = False

    def check(self, api_base: ApiBase, cursor: str) -> str:
        return api_base.resolve(cursor)

    def request(self, first: PageRequest | None, checked: str) -> PageRequest:
        return Call.follow(self.operation, checked)


@guarded_class
@dataclass(frozen=True, slots=True)
class ResendWithToken:
    """The server gives a token: resend the opening request with ``field`` set to it (listings)."""

    field: str
    needs_first_request = True

    def check(self, api_base: ApiBase, cursor: str) -> str:
        return check_token(cursor, what=f"{self.field!r} token")

    def request(self, first: PageRequest | None, checked: str) -> PageRequest:
        if first is None:  # the walker refuses this combination up front
            raise InvalidArgument(f"a {self.field!r} token needs the opening request to resend")
        return dataclasses.replace(first, json={**(first.json or {}), self.field: checked})


@guarded_class
@dataclass(frozen=True, slots=True)
class PageShape:
    """The keys of one list's pages, and how its next page is asked for.

    ``single_object_items``: accept one JSON object where the list of items belongs
    (Flipkart's documented listing search example does that).
    """

    name: str
    """What the list is, for messages: ``"shipment search"``."""
    items: str
    item_id: str
    has_more: str
    next: str
    cursor: CursorStyle
    load_model: Callable[[], Callable[[dict[str, Any]], Any]]
    """Imports and returns the generated model's ``from_dict`` (called only when models are asked for)."""
    single_object_items: bool = False


class PageKeys(Protocol):
    """Where a list's page keeps its items, its "has more" flag and its next cursor: the
    page's declaration in ``flipkart_ext._spec``."""

    @property
    def items(self) -> str: ...

    @property
    def has_more(self) -> str: ...

    @property
    def next(self) -> str: ...


def generated_model(name: str) -> Callable[[], Callable[[dict[str, Any]], Any]]:
    """A ``load_model`` for the generated model ``name`` (``"shipment.Shipment"``: its module
    under ``flipkart_seller_api.models``, then its class), imported only when called."""
    module, _, model = name.rpartition(".")

    def load() -> Callable[[dict[str, Any]], Any]:
        generated = getattr(importlib.import_module(f"flipkart_seller_api.models.{module}"), model)
        from_dict: Callable[[dict[str, Any]], Any] = generated.from_dict
        return from_dict

    return load


def page_shape(
    name: str,
    keys: PageKeys,
    item_id: str,
    cursor: CursorStyle,
    model: str,
    *,
    single_object_items: bool = False,
) -> PageShape:
    """The :class:`PageShape` of a list whose page keys ``_spec`` declares (``keys``) and
    whose items parse into the generated model ``model`` (see :func:`generated_model`)."""
    return PageShape(
        name=name,
        items=keys.items,
        item_id=item_id,
        has_more=keys.has_more,
        next=keys.next,
        cursor=cursor,
        load_model=generated_model(model),
        single_object_items=single_object_items,
    )
