"""Every public constructor and function, given values of the wrong kind for its required
arguments, returns or raises a typed ``FlipkartError``: never an ``InternalError`` (which
says the package has a bug), never a raw exception from deep inside.

The walk covers every class and function in the ``__all__`` of every public package, so a
class added later is held to the same rule without anyone naming it here. Protocols are
left out: instantiating one is refused by Python itself, before any code of ours runs.
"""

from __future__ import annotations

import enum
import importlib
import inspect
import os
import warnings
from collections.abc import Callable
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from flipkart_ext import FlipkartError, InternalError

from .test_surface import PUBLIC

# Built on purpose around a server or a process: their own tests cover their arguments.
STARTS_SOMETHING = {"serve"}

ODD_VALUES = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**30), max_value=10**30),
    st.floats(allow_nan=True, allow_infinity=True),
    st.binary(max_size=6),
    st.text(alphabet=st.sampled_from(["x", "\n", "\x00", "\u200b", ",", " "]), max_size=4),
    st.lists(st.integers(), max_size=2),
    st.dictionaries(st.text(max_size=2), st.integers(), max_size=2),
    st.sampled_from([object(), (), frozenset(), 1j]),
)

# Reproducible draws, a few per entry point, in `make test`.
ODD_DRAWS = settings(
    max_examples=8,
    derandomize=True,
    database=None,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


def _entry_points() -> dict[str, Callable[..., Any]]:
    found: dict[str, Callable[..., Any]] = {}
    for package in PUBLIC:
        module = importlib.import_module(package)
        for name in module.__all__:
            value = getattr(module, name)
            if name in STARTS_SOMETHING or value in found.values():
                continue
            if inspect.isclass(value):
                if issubclass(value, BaseException | enum.Enum) or getattr(
                    value, "_is_protocol", False
                ):
                    continue
            elif not inspect.isfunction(value):
                continue
            found[f"{package}.{name}"] = value
    return found


ENTRY_POINTS = _entry_points()


def _required(entry: Callable[..., Any]) -> list[inspect.Parameter]:
    try:
        signature = inspect.signature(entry)
    except (TypeError, ValueError):
        return []
    return [
        parameter
        for parameter in signature.parameters.values()
        if parameter.default is parameter.empty
        and parameter.kind not in (parameter.VAR_POSITIONAL, parameter.VAR_KEYWORD)
    ]


def test_the_walk_finds_the_public_constructors_and_functions() -> None:
    # The walk must not be empty by accident: these are a few it has to reach.
    for name in (
        "flipkart_ext.FlipkartClient",
        "flipkart_ext.FileTokenStore",
        "flipkart_ext.RetryPolicy",
        "flipkart_ext.ShipmentFilter",
        "flipkart_ext.notifications.verify_signature",
        "flipkart_ext.notifications.idempotency_key",
    ):
        assert name in ENTRY_POINTS, name
    assert len(ENTRY_POINTS) > 80


@pytest.mark.parametrize("name", sorted(ENTRY_POINTS))
@ODD_DRAWS
@given(data=st.data())
def test_odd_arguments_give_a_result_or_a_typed_error_never_an_internal_one(
    name: str, data: st.DataObject, tmp_path_factory: pytest.TempPathFactory
) -> None:
    entry = ENTRY_POINTS[name]
    arguments = {
        parameter.name: data.draw(ODD_VALUES, label=parameter.name)
        for parameter in _required(entry)
    }
    here = os.getcwd()
    os.chdir(tmp_path_factory.mktemp("odd"))  # a path-like value lands in a scratch directory
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            built = entry(**arguments)
    except InternalError as error:
        raise AssertionError(f"{name}({arguments!r}) blamed the package: {error}") from error
    except FlipkartError:
        return
    except Exception as error:
        raise AssertionError(
            f"{name}({arguments!r}) raised a raw {type(error).__name__}"
        ) from error
    finally:
        os.chdir(here)
    for release in ("stop", "close"):  # what a built object holds open is let go
        method = getattr(built, release, None)
        if callable(method) and not inspect.iscoroutinefunction(method):
            method()
            break


# -- the methods of built objects -------------------------------------------------------------


def _built_objects(tmp: str) -> dict[str, Any]:
    import httpx

    from flipkart_ext import (
        FileTokenStore,
        FlipkartClient,
        MemoryRateBudget,
        MemoryTokenStore,
        RateLimit,
        RetryPolicy,
        ShipmentFilter,
    )

    def answer(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, json={})

    client = FlipkartClient(
        "wrong-kind-app",
        "wrong-kind-secret",
        api_base_url="https://wrong-kind.test/sellers",
        access_token="AT",
        transport=httpx.MockTransport(answer),
        retry=RetryPolicy(max_attempts=1),
    )
    return {
        "FlipkartClient": client,
        "Shipments": client.shipments,
        "Returns": client.returns,
        "Listings": client.listings,
        "MemoryTokenStore": MemoryTokenStore(),
        "FileTokenStore": FileTokenStore(os.path.join(tmp, "tokens.json")),
        "MemoryRateBudget": MemoryRateBudget(RateLimit(10.0, 10)),
        "RetryPolicy": RetryPolicy(),
        "ShipmentFilter": ShipmentFilter.pre_dispatch(states=["APPROVED"]),
    }


# ``http`` is the underlying httpx client, handed out as it is on purpose (httpx's own errors);
# closing is not a call that takes odd arguments.
LEFT_OUT = {"http", "close", "aclose"}


def _methods() -> list[tuple[str, str]]:
    built = _built_objects(os.getcwd())
    found = [
        (owner, name)
        for owner, value in built.items()
        for name in dir(value)
        if not name.startswith("_")
        and name not in LEFT_OUT
        # Methods only: a field holding a callable (RetryPolicy.clock) is the caller's own.
        and inspect.ismethod(getattr(value, name, None))
    ]
    built["FlipkartClient"].close()
    return found


METHODS = _methods()


def test_the_method_walk_reaches_the_stores_the_client_and_the_resources() -> None:
    reached = {f"{owner}.{name}" for owner, name in METHODS}
    for name in (
        "MemoryTokenStore.replace",
        "FileTokenStore.load",
        "FlipkartClient.exchange_code",
        "Shipments.save_labels",
        "MemoryRateBudget.try_acquire",
    ):
        assert name in reached, name


@pytest.mark.parametrize(("owner", "method"), METHODS, ids=[f"{o}.{m}" for o, m in METHODS])
@settings(ODD_DRAWS, max_examples=6)  # one object built per draw: fewer
@given(data=st.data())
def test_a_method_given_odd_arguments_never_blames_the_package(
    owner: str, method: str, data: st.DataObject, tmp_path_factory: pytest.TempPathFactory
) -> None:
    scratch = str(tmp_path_factory.mktemp("odd"))
    built = _built_objects(scratch)
    bound = getattr(built[owner], method)
    parameters = [
        parameter
        for parameter in inspect.signature(bound).parameters.values()
        if parameter.kind not in (parameter.VAR_POSITIONAL, parameter.VAR_KEYWORD)
    ]
    # Every required argument odd, and one optional one too (drawn), so each is reached.
    optional = [parameter for parameter in parameters if parameter.default is not parameter.empty]
    chosen = data.draw(st.sampled_from(optional), label="optional") if optional else None
    arguments = {
        parameter.name: data.draw(ODD_VALUES, label=parameter.name)
        for parameter in parameters
        if parameter.default is parameter.empty or parameter is chosen
    }
    here = os.getcwd()
    os.chdir(scratch)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            result = bound(**arguments)
            if inspect.iscoroutine(result):
                result.close()
            elif hasattr(result, "__next__"):
                next(result, None)
    except InternalError as error:
        raise AssertionError(
            f"{owner}.{method}({arguments!r}) blamed the package: {error}"
        ) from error
    except FlipkartError:
        pass
    except Exception as error:
        raise AssertionError(
            f"{owner}.{method}({arguments!r}) raised a raw {type(error).__name__}: {error}"
        ) from error
    finally:
        os.chdir(here)
        built["FlipkartClient"].close()


def test_a_wrong_kind_is_named_with_what_the_annotation_declares(tmp_path: Any) -> None:
    from flipkart_ext import FileTokenStore, InvalidArgument, MemoryTokenStore, RetryPolicy

    with pytest.raises(InvalidArgument) as saved:
        MemoryTokenStore().save({}, None)  # type: ignore[arg-type]
    with pytest.raises(InvalidArgument) as loaded:
        FileTokenStore(tmp_path / "tokens.json").load(None)  # type: ignore[arg-type]
    with pytest.raises(InvalidArgument) as delayed:
        RetryPolicy().delay_after_response(None, None, attempt=1, started=0.0, repeatable=True)  # type: ignore[arg-type]

    assert str(saved.value) == "MemoryTokenStore.save(): key: expected TokenKey, got dict"
    assert str(loaded.value) == "FileTokenStore.load(): key: expected TokenKey, got NoneType"
    assert str(delayed.value) == (
        "RetryPolicy.delay_after_response(): request: expected Request, got NoneType"
    )
    assert isinstance(saved.value, ValueError)
