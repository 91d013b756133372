"""The boundary: nothing but a ``FlipkartError`` leaves a public entry point.

Every public class of the package is decorated with :func:`guarded_class` and every public
function with :func:`guarded`; a test walks the public surface and fails on any callable
left unguarded. Inside, the expected failures are already typed where they happen (the
I/O path, the checks at construction, the plans); the boundary catches what slipped
through:

* a call that does not fit the signature (a missing, extra or misspelt argument) is
  :class:`~flipkart_ext.InvalidArgument` naming the call, as a wrong value would be;
* anything else (a bug) is :class:`~flipkart_ext.InternalError`, with the original as its
  ``__cause__``.

``KeyboardInterrupt``, ``SystemExit``, task cancellation (all ``BaseException`` but not
``Exception``) and the end of an iteration pass through untouched.
"""

from __future__ import annotations

import collections.abc
import functools
import inspect
import types
import typing
from collections.abc import Callable
from typing import Any, NoReturn, SupportsIndex, TypeVar

from .errors import FlipkartError, InternalError, InvalidArgument, UsageError

__all__ = [
    "CALLERS_MARK",
    "GUARD_MARK",
    "Unpicklable",
    "callers_own",
    "guarded",
    "guarded_class",
    "types_its_own_errors",
]

F = TypeVar("F", bound=Callable[..., Any])
C = TypeVar("C", bound=type)

#: Set on every wrapper, so the surface test can tell a guarded callable.
GUARD_MARK = "__flipkart_guarded__"

#: Set on an exception raised by the caller's own code (a job handed to ``for_each``): it is
#: not the package's bug, so it leaves as it was raised.
CALLERS_MARK = "__flipkart_callers_own__"

# A warning turned into an error (python -W error) is the caller's choice: it passes as is.
_PASS = (FlipkartError, StopIteration, StopAsyncIteration, GeneratorExit, Warning)


def _label(label: str, method: str | None, args: tuple[Any, ...]) -> str:
    """``Shipments.search`` rather than the mixin that defines it; ``FlipkartClient`` for a constructor."""
    if method is None or not args or isinstance(args[0], type):
        return label
    owner = type(args[0]).__name__
    return owner if method == "__init__" else f"{owner}.{method}"


def _fits(value: object, hint: Any) -> bool:
    """Whether ``value`` is of the kind ``hint`` declares, as far as a runtime check can tell
    (the origin of a generic, the members of a union or ``Literal``); anything this cannot
    judge fits."""
    if hint is Any or isinstance(hint, TypeVar | str):
        return True
    if hint is None or hint is type(None):
        return value is None
    origin = typing.get_origin(hint)
    if origin is typing.Union or origin is types.UnionType:
        return any(_fits(value, member) for member in typing.get_args(hint))
    if origin is typing.Literal:
        return value in typing.get_args(hint)
    if origin is collections.abc.Callable or hint is collections.abc.Callable:
        return callable(value)
    target = origin if origin is not None else hint
    if not isinstance(target, type):
        return True
    if target is float:
        return isinstance(value, int | float) and not isinstance(value, bool)
    try:
        return isinstance(value, target)
    except TypeError:  # a Protocol that is not runtime-checkable
        return True


def _misfit(
    function: Callable[..., Any], args: tuple[Any, ...], kwargs: dict[str, Any]
) -> str | None:
    """The first argument that is not of the kind its annotation declares, as a message."""
    try:
        hints = typing.get_type_hints(function)
        bound = inspect.signature(function).bind(*args, **kwargs)
    except Exception:  # unresolvable annotations, or a call that does not bind
        return None
    for name, value in bound.arguments.items():
        hint = hints.get(name)
        if hint is not None and name not in ("self", "cls") and not _fits(value, hint):
            return f"{name}: expected {_kind(hint)}, got {type(value).__name__}"
    return None


def _kind(hint: Any) -> str:
    return getattr(hint, "__name__", None) or str(hint).replace("typing.", "")


def _typed(
    error: Exception,
    name: str,
    function: Callable[..., Any] | None = None,
    args: tuple[Any, ...] = (),
    kwargs: dict[str, Any] | None = None,
) -> FlipkartError:
    traceback = error.__traceback__
    # A signature mismatch is raised by the call itself, before the callee's frame starts:
    # its traceback holds the wrapper's frame alone.
    if isinstance(error, TypeError) and traceback is not None and traceback.tb_next is None:
        return InvalidArgument(f"{name}(): {error}")
    # Only now, on a failure nobody expected, are the arguments held to their annotations:
    # one of the wrong kind is the caller's to fix, not a bug of the package's.
    if isinstance(error, TypeError | AttributeError | KeyError | ValueError) and function:
        misfit = _misfit(function, args, kwargs or {})
        if misfit is not None:
            return InvalidArgument(f"{name}(): {misfit}")
    return InternalError(f"{name}(): unexpected {type(error).__name__}: {error}")


def callers_own(error: BaseException) -> None:
    """Mark ``error``, raised by a callback of the caller's, to leave the boundary as is."""
    setattr(error, CALLERS_MARK, True)


def _passes(error: Exception) -> bool:
    """True for what leaves as raised: typed already, the end of an iteration, a warning
    made an error, or the caller's own exception."""
    return isinstance(error, _PASS) or getattr(error, CALLERS_MARK, False) is True


def types_its_own_errors(function: F) -> F:
    """Mark a method that already turns every failure into a ``FlipkartError`` itself.

    :func:`guarded_class` leaves it as it is: on a path run once per item (an iterator's
    ``__next__``), a second wrapper would only cost time.
    """
    setattr(function, GUARD_MARK, True)
    return function


def guarded(function: F, name: str | None = None, *, method: str | None = None) -> F:
    """``function`` behind the boundary (sync or async); ``method``: its name on a class."""
    if getattr(function, GUARD_MARK, False):
        return function
    label = name or function.__qualname__

    if inspect.iscoroutinefunction(function):

        @functools.wraps(function)
        async def guarded_async(*args: Any, **kwargs: Any) -> Any:
            try:
                return await function(*args, **kwargs)
            except Exception as error:
                if _passes(error):
                    raise
                raise _typed(error, _label(label, method, args), function, args, kwargs) from error

        wrapper: Any = guarded_async
    else:

        @functools.wraps(function)
        def guarded_sync(*args: Any, **kwargs: Any) -> Any:
            try:
                return function(*args, **kwargs)
            except Exception as error:
                if _passes(error):
                    raise
                raise _typed(error, _label(label, method, args), function, args, kwargs) from error

        wrapper = guarded_sync
    setattr(wrapper, GUARD_MARK, True)
    return wrapper  # type: ignore[no-any-return]


#: Dunders that are entry points too; the rest (``__repr__``, ``__eq__``...) are left alone.
_ENTRY_DUNDERS = {
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


def _is_entry(name: str) -> bool:
    # `make mutate` (mutmut) copies every method, private ones included, under names like
    # "xǁFileTokenStoreǁ_read_all__mutmut_orig": those copies are not entry points.
    if "__mutmut_" in name:
        return False
    return name in _ENTRY_DUNDERS or not name.startswith("_")


def _owner(cls: type, name: str) -> type | None:
    """The class of ``cls``'s MRO that defines ``name``, if it is one of the package's."""
    for klass in cls.__mro__:
        if name in vars(klass):
            return klass if klass.__module__.startswith("flipkart_ext") else None
    return None


def guarded_class(cls: C) -> C:
    """Guard every public method of ``cls``: its own, and those it inherits from the
    package's classes (guarded on ``cls`` itself, so a private base is left as it is).
    Methods inherited from elsewhere (``object``, ``collections.abc`` mixins) are not."""
    for name in dir(cls):
        if not _is_entry(name) or _owner(cls, name) is None:
            continue
        value = inspect.getattr_static(cls, name)
        label = f"{cls.__name__}.{name}"
        if isinstance(value, staticmethod):
            setattr(cls, name, staticmethod(guarded(value.__func__, label)))
        elif isinstance(value, classmethod):
            setattr(cls, name, classmethod(guarded(value.__func__, label)))
        elif inspect.isfunction(value):
            setattr(cls, name, guarded(value, label, method=name))
    return cls


class Unpicklable:
    """A base for objects that hold connections, locks or an event loop's state: a client, an
    iteration, a resource, a seller pool, an in-memory store or budget, a Redis connection.

    Pickling or copying one would fail deep in the standard library with a raw
    ``TypeError`` about a lock, or (a shallow copy) quietly share the original's
    connections. Both are refused here with a :class:`UsageError` that says what to do.
    """

    __slots__ = ()

    def __reduce_ex__(self, protocol: SupportsIndex) -> NoReturn:
        raise UsageError(
            f"{type(self).__name__} cannot be pickled or copied: it holds connections or "
            "locks. Build one in each process from the same settings instead"
        )
