"""``with`` for the servers of this package: the emulator and the webhook capture.

Each has ``start()`` (returning itself) and ``stop()``; this base makes ``with server:``
start it and stop it on the way out, whatever ended the block.
"""

from __future__ import annotations

from types import TracebackType
from typing import Self

from .._boundary import guarded_class

__all__ = ["Running"]


@guarded_class
class Running:
    """A server that is started and stopped, usable as a context manager."""

    def start(self) -> Self:
        """Start serving; returns self."""
        raise NotImplementedError

    def stop(self) -> None:
        """Stop serving and release what was held."""
        raise NotImplementedError

    def __enter__(self) -> Self:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()
