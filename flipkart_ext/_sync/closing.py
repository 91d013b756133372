# Generated from flipkart_ext/_async/closing.py by scripts/generate_sync.py: do not edit; change the async source and run `make sync`.
"""``async with`` for what holds something to close: the client, a search, a seller pool.

One base gives each of them ``__aenter__`` (the object itself) and ``__aexit__`` (its
:meth:`~AsyncClosing.aclose`), so closing on the way out is written once; the generated twin
does the same for ``with`` and ``close()``.
"""

from __future__ import annotations

from types import TracebackType
from typing import Self

from .._boundary import Unpicklable, guarded_class

__all__ = ["Closing"]


@guarded_class
class Closing(Unpicklable):
    """A base for objects closed by :meth:`aclose`; used as a context manager, it closes
    them on the way out, whatever ended the block."""

    def close(self) -> None:
        """Release what the object holds (each subclass says what)."""
        raise NotImplementedError

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()
