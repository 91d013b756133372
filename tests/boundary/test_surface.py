"""Every public entry point is behind the boundary: the walk the boundary module promises.

For each public package, every name in ``__all__``: a function must be guarded, and so must
every public method of a class (its own, and those it inherits from the package's classes;
constructors, iteration and context-manager dunders included). Exceptions, enums, typed
dicts and protocols have no behaviour to guard. A class or function added to the public
surface without the guard fails here, naming it.
"""

from __future__ import annotations

import enum
import importlib
import inspect
import typing
from collections.abc import Iterator

import pytest

import flipkart_ext
from flipkart_ext import FlipkartError, InternalError, InvalidArgument
from flipkart_ext._boundary import GUARD_MARK

PUBLIC = [
    "flipkart_ext",
    "flipkart_ext.stores",
    "flipkart_ext.listings",
    "flipkart_ext.shipments",
    "flipkart_ext.returns",
    "flipkart_ext.paging",
    "flipkart_ext.notifications",
    "flipkart_ext.testing",
]
# Dunders that are entry points: what a caller invokes by constructing, iterating or `with`.
ENTRY_DUNDERS = {
    "__init__",
    "__call__",
    "__iter__",
    "__next__",
    "__aiter__",
    "__anext__",
    "__enter__",
    "__exit__",
    "__aenter__",
    "__aexit__",
}


def _ours(value: object) -> bool:
    return (getattr(value, "__module__", None) or "").startswith("flipkart_ext")


def _no_behaviour(cls: type) -> bool:
    return (
        issubclass(cls, BaseException | enum.Enum)
        or typing.is_typeddict(cls)
        or bool(getattr(cls, "_is_protocol", False))
    )


def _entry_points() -> Iterator[tuple[str, object]]:
    seen: set[int] = set()
    for package in PUBLIC:
        module = importlib.import_module(package)
        for name in module.__all__:
            value = getattr(module, name)
            if id(value) in seen or not _ours(value):
                continue
            seen.add(id(value))
            if inspect.isfunction(value):
                yield f"{package}.{name}", value
            elif inspect.isclass(value) and not _no_behaviour(value):
                for attribute in dir(value):
                    if attribute.startswith("_") and attribute not in ENTRY_DUNDERS:
                        continue
                    if "__mutmut_" in attribute:
                        continue  # `make mutate`'s copies of methods, not entry points
                    found = inspect.getattr_static(value, attribute)
                    if isinstance(found, classmethod | staticmethod):
                        found = found.__func__
                    if inspect.isfunction(found) and _ours(found):
                        yield f"{package}.{name}.{attribute}", found


ENTRY_POINTS = dict(_entry_points())


def test_the_walk_finds_the_surface() -> None:
    # Enough that a broken walk (nothing found, nothing to check) cannot pass.
    assert len(ENTRY_POINTS) > 300
    for expected in (
        "flipkart_ext.FlipkartClient.__init__",
        "flipkart_ext.MemoryTokenStore.save",
        "flipkart_ext.ShipmentFilter.pre_dispatch",
        "flipkart_ext.notifications.verify_signature",
        "flipkart_ext.testing.Emulator.create_test_orders",
    ):
        assert expected in ENTRY_POINTS, expected


def test_every_public_entry_point_is_guarded() -> None:
    unguarded = sorted(name for name, value in ENTRY_POINTS.items() if not _guarded(value))
    assert not unguarded, f"{len(unguarded)} public entry points left unguarded: {unguarded}"


def _guarded(value: object) -> bool:
    return bool(getattr(value, GUARD_MARK, False))


@pytest.mark.parametrize(
    ("call", "error"),
    [
        # A signature mismatch is InvalidArgument, named after the call.
        (lambda: flipkart_ext.ShipmentFilter.pre_dispatch(colour="red"), InvalidArgument),
        (lambda: flipkart_ext.MemoryTokenStore(1, 2, 3), InvalidArgument),
        (lambda: flipkart_ext.notifications.parse_event(), InvalidArgument),
        # A date-time whose offset Python cannot hold.
        (
            lambda: flipkart_ext.ShipmentFilter.pre_dispatch(
                order_date=("2024-01-01T00:00:00+99:00", None)
            ),
            InvalidArgument,
        ),
    ],
)
def test_what_leaves_a_guarded_call_is_a_flipkart_error(
    call: typing.Callable[[], object], error: type[FlipkartError]
) -> None:
    with pytest.raises(FlipkartError) as raised:
        call()
    assert isinstance(raised.value, error), repr(raised.value)
    assert not isinstance(raised.value, InternalError) or error is InternalError
