"""A shipment export that survives interruptions: it resumes where it stopped.

    python examples/resume_export.py shipments.jsonl [--max-pages N]

Writes one shipment per line (JSON, as Flipkart sent it). After each page it saves
the page's cursor and the file's length in ``<output>.cursor``. Run it again after a
crash, a Ctrl-C or ``--max-pages`` and it cuts the file back to that length (dropping
a half-written page) and asks Flipkart for the next page: each shipment is written
exactly once. The cursor file is removed when the export completes.

Without credentials, against the emulator, it shows both halves in one run: it stops
after two pages as if interrupted, then resumes.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from _emulator_or_env import example_client, using_emulator

from flipkart_ext import FlipkartClient, FlipkartError, ShipmentFilter
from flipkart_ext.testing import Emulator


@dataclass
class Checkpoint:
    """Where to go on: Flipkart's cursor for the next page, the output's length, pages done."""

    cursor: str
    size: int
    pages: int

    @classmethod
    def load(cls, path: Path) -> Checkpoint | None:
        try:
            data = json.loads(path.read_text("utf-8"))
            return cls(str(data["cursor"]), int(data["size"]), int(data["pages"]))
        except FileNotFoundError:
            return None

    def save(self, path: Path) -> None:
        # Written aside, then renamed: a crash never leaves half a checkpoint.
        temporary = path.with_name(path.name + ".tmp")
        temporary.write_text(
            json.dumps({"cursor": self.cursor, "size": self.size, "pages": self.pages}), "utf-8"
        )
        os.replace(temporary, path)


@dataclass
class Outcome:
    pages: int
    shipments: int
    complete: bool


def export(
    client: FlipkartClient,
    output: Path,
    *,
    search: ShipmentFilter | None = None,
    max_pages: int | None = None,
    say: Callable[[str], object] = print,
) -> Outcome:
    """Export ``search`` (default: every pre-dispatch shipment) to ``output``, resumably."""
    checkpoint_path = output.with_name(output.name + ".cursor")
    checkpoint = Checkpoint.load(checkpoint_path)
    done = 0 if checkpoint is None else checkpoint.pages
    if checkpoint is None:
        output.write_bytes(b"")
        pages = client.shipments.pages(
            search or ShipmentFilter.pre_dispatch(), max_pages=max_pages, raw=True
        )
    else:
        say(f"resuming after page {done} ({checkpoint.size} bytes) from the saved cursor")
        with output.open("r+b") as file:
            file.truncate(checkpoint.size)  # drop anything written after the checkpoint
        pages = client.shipments.pages(
            None, resume_from=checkpoint.cursor, max_pages=max_pages, raw=True
        )
    written = count = 0  # in this run
    complete = True
    with output.open("ab") as file:
        for page in pages:
            for shipment in page.items:
                file.write(json.dumps(shipment, separators=(",", ":")).encode() + b"\n")
            file.flush()
            os.fsync(file.fileno())
            written, count = written + 1, count + len(page.items)
            say(f"page {done + written}: {len(page.items)} shipments written")
            if page.cursor is None:
                break
            Checkpoint(page.cursor, file.tell(), done + written).save(checkpoint_path)
        else:
            complete = False  # stopped by max_pages with pages left
    if complete:
        checkpoint_path.unlink(missing_ok=True)
    return Outcome(pages=written, shipments=count, complete=complete)


def seed(emulator: Emulator) -> None:
    emulator.create_test_orders(30)
    emulator.create_test_orders(15, state="PACKED")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("output", type=Path, help="the JSON-lines file to write")
    parser.add_argument("--max-pages", type=int, help="stop after this many pages")
    args = parser.parse_args(argv)
    try:
        with example_client(seed) as client:
            if using_emulator() and args.max_pages is None:
                first = export(client, args.output, max_pages=2)
                print(f"stopped after {first.pages} pages, as if interrupted; cursor saved")
            outcome = export(client, args.output, max_pages=args.max_pages)
    except FlipkartError as exc:
        print(f"error: {exc} (run again to resume)", file=sys.stderr)
        return 1
    if outcome.complete:
        lines = len(args.output.read_bytes().splitlines())
        print(f"export complete: {lines} shipments in {args.output}")
    else:
        print(f"stopped after {outcome.pages} pages; run again to continue")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
