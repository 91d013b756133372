# Generated from flipkart_ext/_async/lookups.py by scripts/generate_sync.py: do not edit; change the async source and run `make sync`.
"""Look-ups by lists of ids and document downloads: the I/O half.

A look-up plan (shipments, listings, PDFs) holds every decision: validation, chunks, the
call of each chunk, and how answers merge, in input order. These functions only send the
calls through the I/O path, one after the other, and write files.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Protocol, TypeVar

from .._concurrency import sync_off_loop
from .._core.calls import Call
from ..errors import LocalFileError
from .http import Wire

__all__ = [
    "DocumentPlan",
    "Lookup",
    "prepare_folder",
    "run_lookup",
    "save_documents",
    "write_atomic",
]

T_co = TypeVar("T_co", covariant=True)
T = TypeVar("T")


class Lookup(Protocol[T_co]):
    """A look-up described without I/O: its calls, how each answer is taken, the result."""

    @property
    def calls(self) -> Sequence[Call]:
        """One call per chunk, in input order."""

    def add(self, index: int, body: Any) -> None:
        """Take the decoded answer to ``calls[index]``."""

    def result(self) -> T_co:
        """Everything found, in input order."""


class DocumentPlan(Protocol):
    """PDF downloads: one call per chunk of ids, each written to its own numbered file."""

    @property
    def calls(self) -> Sequence[Call]:
        """One call per chunk, in input order."""

    @property
    def chunks(self) -> Sequence[Sequence[str]]:
        """The ids of each chunk."""

    def file_path(self, folder: Path, index: int) -> Path:
        """Where the PDF of chunk ``index`` goes."""


def run_lookup(wire: Wire, plan: Lookup[T]) -> T:
    """Send every call of ``plan`` in order and return its merged result."""
    for index, call in enumerate(plan.calls):
        plan.add(index, (wire.send(call)).body)
    return plan.result()


def write_atomic(path: Path, content: bytes) -> None:
    """Write ``content`` under ``path`` so that a crash leaves no truncated file there."""
    try:
        fd, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".part")
    except OSError as exc:
        raise LocalFileError(
            exc.errno, f"cannot write into {path.parent}: {exc.strerror}", str(path)
        ) from None
    try:
        with os.fdopen(fd, "wb") as file:
            file.write(content)
        os.replace(temporary, path)
    except BaseException as exc:
        Path(temporary).unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise LocalFileError(
                exc.errno, f"cannot write {path}: {exc.strerror}", str(path)
            ) from None
        raise


def prepare_folder(folder: str | os.PathLike[str]) -> Path:
    """``folder`` as a path, created when missing; a typed error when it cannot be."""
    path = Path(folder)
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise LocalFileError(
            exc.errno, f"cannot create the folder {path}: {exc.strerror}", str(path)
        ) from None
    return path


def save_documents(
    wire: Wire, plan: DocumentPlan, folder: str | os.PathLike[str]
) -> list[tuple[tuple[str, ...], Path]]:
    """Download each PDF of ``plan`` and write it under ``folder``; ``(ids, path)`` per file.

    A file is written only once its answer is whole and checked to be a PDF. File work runs
    off the event loop.
    """
    target = sync_off_loop(prepare_folder, folder)
    saved = []
    for index, (chunk, call) in enumerate(zip(plan.chunks, plan.calls, strict=True)):
        content = (wire.send(call)).content
        path = plan.file_path(target, index)
        sync_off_loop(write_atomic, path, content)
        saved.append((tuple(chunk), path))
    return saved
