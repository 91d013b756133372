"""Progress lines on stderr: redrawn in place on a terminal, one line per page elsewhere."""

from __future__ import annotations

import io

from flipkart_ext.cli._progress import Progress, wants_progress


class FakeClock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_live_progress_redraws_one_line_then_ends_it() -> None:
    stream, clock = io.StringIO(), FakeClock()
    progress = Progress(stream, live=True, clock=clock)
    clock.now += 2
    progress.page(20)
    clock.now += 2
    progress.page(20)
    progress.finish()

    assert stream.getvalue() == (
        "\r\x1b[Kexporting: 1 page, 20 shipments, 10.0 shipments/s"
        "\r\x1b[Kexporting: 2 pages, 40 shipments, 10.0 shipments/s"
        "\ndone: 2 pages, 40 shipments, 10.0 shipments/s in 4.0s\n"
    )


def test_a_note_breaks_the_live_line_and_abandon_ends_it() -> None:
    stream, clock = io.StringIO(), FakeClock()
    progress = Progress(stream, live=True, clock=clock)
    progress.page(1)  # no time has passed: no rate yet
    progress.note("to continue: ...")
    progress.page(1)
    progress.abandon()

    assert stream.getvalue() == (
        "\r\x1b[Kexporting: 1 page, 1 shipment\n"
        "to continue: ...\n"
        "\r\x1b[Kexporting: 2 pages, 2 shipments\n"
    )


def test_progress_appears_by_default_only_on_a_terminal() -> None:
    assert wants_progress(None, Terminal()) is True
    assert wants_progress(None, io.StringIO()) is False
    assert wants_progress(False, Terminal()) is False
    assert wants_progress(True, io.StringIO()) is True
