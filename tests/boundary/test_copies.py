"""Pickling and copying: errors and values travel, what holds connections is refused.

- Every ``FlipkartError`` pickles and copies as it is: a worker process (a
  ``ProcessPoolExecutor``, multiprocessing, a task queue) sends its error back to the
  parent by pickling it. ``Exception``'s own rule rebuilds an error as ``cls(*args)``,
  which fails for every error whose constructor takes arguments of its own.
- A filter is an immutable value: it pickles, and a copy of it is itself.
- A client, an iteration, a resource, a seller pool, an in-memory store or budget holds
  connections or locks: pickling or copying one raises ``UsageError``, never a raw
  ``TypeError`` about a lock, and never a shallow copy sharing the original's connections.
"""

from __future__ import annotations

import copy
import inspect
import pickle
from collections.abc import Callable
from typing import Any

import httpx
import pytest

from flipkart_ext import (
    APIStatusError,
    FlipkartError,
    MemoryRateBudget,
    MemoryTokenStore,
    RateLimit,
    ReturnFilter,
    SellerClients,
    ShipmentFilter,
    UsageError,
    errors,
)

from ._support import CLIENT_ID, CLIENT_SECRET, App, async_client, json_answer, sync_client

WAYS: dict[str, Callable[[Any], Any]] = {
    "pickle": lambda value: pickle.loads(pickle.dumps(value)),  # noqa: S301 (our own bytes)
    "copy": copy.copy,
    "deepcopy": copy.deepcopy,
}


def _argument(parameter: inspect.Parameter) -> Any:
    # Arguments of the kind each name takes, so every constructor builds its own message.
    if parameter.name in ("page_number", "stale_pages", "status_code"):
        return 3
    if parameter.name in ("retry_after",):
        return 1.5
    return f"<{parameter.name}>"


def _built(cls: type[FlipkartError]) -> FlipkartError:
    signature = inspect.signature(cls.__init__)
    args: list[Any] = []
    kwargs: dict[str, Any] = {}
    for parameter in list(signature.parameters.values())[1:]:
        if parameter.default is not parameter.empty or parameter.kind in (
            parameter.VAR_POSITIONAL,
            parameter.VAR_KEYWORD,
        ):
            continue
        if parameter.kind == parameter.KEYWORD_ONLY:
            kwargs[parameter.name] = _argument(parameter)
        else:
            args.append(_argument(parameter))
    return cls(*args, **kwargs)


ERROR_CLASSES = sorted(
    (
        value
        for value in vars(errors).values()
        if inspect.isclass(value) and issubclass(value, FlipkartError)
    ),
    key=lambda cls: cls.__name__,
)


@pytest.mark.parametrize("way", list(WAYS))
@pytest.mark.parametrize("cls", ERROR_CLASSES, ids=lambda cls: cls.__name__)
def test_every_error_pickles_and_copies_as_it_is(cls: type[FlipkartError], way: str) -> None:
    error = _built(cls)
    error.resume_from = "/v3/shipments/filter?next_token=t2"
    error.operation = "shipment_v3.search"

    again = WAYS[way](error)

    assert type(again) is cls
    assert str(again) == str(error)
    assert again.args == error.args
    assert vars(again) == vars(error)


@pytest.mark.parametrize("way", list(WAYS))
@pytest.mark.parametrize("status", [400, 401, 404, 429, 500])
def test_an_error_a_call_raised_pickles_with_what_it_says(status: int, way: str) -> None:
    answer = {"errors": [{"code": "E-1", "message": "refused"}]}
    app = App(api=lambda request: json_answer(answer, status))
    with sync_client(app, access_token="AT") as client, pytest.raises(FlipkartError) as caught:
        client.shipments.get(shipment_ids=["S-1"])

    again = WAYS[way](caught.value)

    assert type(again) is type(caught.value)
    assert str(again) == str(caught.value)
    assert isinstance(again, APIStatusError)
    assert (again.status_code, again.code, again.operation) == (
        status,
        caught.value.code,
        caught.value.operation,
    )


FILTERS = [
    ShipmentFilter.pre_dispatch(states=["APPROVED", "PACKED"], page_size=5),
    ShipmentFilter.post_dispatch(states=["SHIPPED"]),
    ReturnFilter("customer_return"),
]


@pytest.mark.parametrize("value", FILTERS, ids=repr)
def test_a_filter_pickles_to_an_equal_value_and_is_its_own_copy(value: Any) -> None:
    again = WAYS["pickle"](value)
    assert again == value and hash(again) == hash(value) and again is not value
    assert copy.copy(value) is value
    assert copy.deepcopy(value) is value
    with pytest.raises(AttributeError, match="immutable"):
        again.page_size = 9  # the unpickled value stays immutable


def _holders() -> dict[str, Callable[[], Any]]:
    app = App()
    return {
        "FlipkartClient": lambda: sync_client(app, access_token="AT"),
        "AsyncFlipkartClient": lambda: async_client(app, access_token="AT"),
        "Shipments": lambda: sync_client(app, access_token="AT").shipments,
        "Returns": lambda: sync_client(app, access_token="AT").returns,
        "Listings": lambda: sync_client(app, access_token="AT").listings,
        "search": lambda: sync_client(app, access_token="AT").shipments.search(FILTERS[0]),
        "pages": lambda: sync_client(app, access_token="AT").shipments.pages(FILTERS[0]),
        "SellerClients": lambda: SellerClients(
            CLIENT_ID, CLIENT_SECRET, transport=httpx.MockTransport(app)
        ),
        "MemoryTokenStore": MemoryTokenStore,
        "MemoryRateBudget": lambda: MemoryRateBudget(RateLimit(10.0, 10)),
    }


@pytest.mark.parametrize("way", list(WAYS))
@pytest.mark.parametrize("name", list(_holders()))
def test_what_holds_connections_or_locks_refuses_to_be_pickled_or_copied(
    name: str, way: str
) -> None:
    holder = _holders()[name]()

    with pytest.raises(UsageError) as caught:
        WAYS[way](holder)

    assert str(caught.value) == (
        f"{type(holder).__name__} cannot be pickled or copied: it holds connections or locks. "
        "Build one in each process from the same settings instead"
    )
    assert isinstance(caught.value, RuntimeError)
