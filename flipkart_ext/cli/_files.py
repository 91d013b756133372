"""Reading the operator's CSV files: UTF-8 only, one record per row as the file says it, and a
clear error when a file is not what it claims to be."""

from __future__ import annotations

import codecs
import csv
import io
import sys
from pathlib import Path
from typing import Final

from ._errors import BadInput

__all__ = ["EXPECTED_ENCODING", "csv_rows", "read_text"]

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


def csv_rows(
    text: str,
    name: str,
    *,
    required: tuple[str, ...],
    known: tuple[str, ...],
    other_columns: bool = True,
) -> list[tuple[int, dict[str, str]]]:
    """``(line, {column: value})`` for each record of a CSV file's ``text``, values stripped.

    Every way the file could be read as something other than what it says is bad input
    naming the file and line: a column named twice in the header, a record with more
    fields than the header (an unquoted comma moves every later value), a required column
    missing, columns not in ``known`` unless ``other_columns``, no records at all. A quoted
    value keeps its line breaks (the library then refuses them where they cannot go).
    """
    # newline="" lets the csv module see quoted line breaks (splitting the text into lines
    # first would glue "A<newline>B" into "AB").
    reader = csv.reader(io.StringIO(text, newline=""))
    header = [column.strip() for column in next(reader, [])]
    twice = sorted({column for column in header if header.count(column) > 1})
    if twice:
        raise BadInput(f"{name}: the header names {', '.join(twice)} more than once")
    missing = [column for column in required if column not in header]
    if missing:
        raise BadInput(
            f"{name}: the header lacks {', '.join(missing)} (columns: {', '.join(known)})"
        )
    unknown = [column for column in header if column not in known]
    if unknown and not other_columns:
        raise BadInput(f"{name}: unknown columns {', '.join(unknown)} (known: {', '.join(known)})")
    rows = []
    for record in reader:
        if not any(field.strip() for field in record):
            continue  # a blank line separates nothing
        if len(record) > len(header):
            raise BadInput(
                f"{name} line {reader.line_num}: {len(record)} fields, but the header has "
                f"{len(header)} (a value holding a comma must be quoted)"
            )
        cells = {column: value.strip() for column, value in zip(header, record, strict=False)}
        rows.append((reader.line_num, cells))
    if not rows:
        raise BadInput(f"{name}: no rows")
    return rows
