"""Reading the operator's CSV files: UTF-8 only, and a clear error when a file is not."""

from __future__ import annotations

import codecs
import sys
from pathlib import Path
from typing import Final

from ._errors import BadInput

__all__ = ["EXPECTED_ENCODING", "read_text"]

EXPECTED_ENCODING: Final = "UTF-8"
_BOMS: Final = (
    (codecs.BOM_UTF32_LE, "UTF-32"),
    (codecs.BOM_UTF32_BE, "UTF-32"),
    (codecs.BOM_UTF16_LE, "UTF-16"),
    (codecs.BOM_UTF16_BE, "UTF-16"),
)
_SAVE_AS: Final = "save it as CSV UTF-8 (Excel: File > Save As > CSV UTF-8)"


def read_text(path: str, *, option: str | None = None) -> tuple[str, str]:
    """The text of ``path`` (``-``: stdin) and the name to use in messages.

    A file that is not UTF-8 (a byte-order mark is allowed) is bad input naming the file,
    the encoding expected and, for UTF-16 and UTF-32, the one found. ``option``: the flag
    that named the file, for the message when it cannot be read at all.
    """
    name = "stdin" if path == "-" else path
    try:
        data = sys.stdin.buffer.read() if path == "-" else Path(path).read_bytes()
    except OSError as exc:
        where = f"{option}: " if option else ""
        raise BadInput(f"{where}cannot read {name} ({exc.strerror or exc})") from None
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            raise BadInput(
                f"{name}: the file is {encoding}, expected {EXPECTED_ENCODING}; {_SAVE_AS}"
            )
    if b"\x00" in data:  # UTF-16 without a byte-order mark: every other byte is 0 in ASCII
        raise BadInput(
            f"{name}: the file holds NUL bytes (probably UTF-16), expected "
            f"{EXPECTED_ENCODING}; {_SAVE_AS}"
        )
    try:
        return data.decode("utf-8-sig"), name
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise BadInput(
            f"{name}: line {line}: byte 0x{data[exc.start]:02x} is not {EXPECTED_ENCODING} "
            f"(the file is probably Latin-1 or Windows-1252), expected {EXPECTED_ENCODING}; "
            f"{_SAVE_AS}"
        ) from None
