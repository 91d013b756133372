"""Randomized fault schedules against a socket-level Flipkart-like server.

Each schedule is a sequence of pages with faults at the socket and in the content (see
``_paged_app``); ``_model.predict`` says what the documented client must do. Every run
must match the prediction exactly: the items handed over, the API and token requests the
server counted, and the typed error with its resume cursor. Then the server heals and the
run resumes from that cursor, which must deliver exactly what the model says remains.

Over the whole suite: no item lost or repeated within a run, no untyped exception, no
silent truncation. Each of the three lists (shipments, returns, listings) runs
``SOAK_SCHEDULES`` schedules in ``make soak`` (400: 1,200 in all, about 25 s per list) and
``FAULT_SCHEDULES`` in ``make test`` (40 by default; ``make mutate`` sets its own), in a
random mode each (sync or async client, items or pages, with or without prefetch).
"""

from __future__ import annotations

import itertools
import os

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from flipkart_ext import FlipkartError

from . import _drive
from ._model import predict
from ._paged_app import ENDINGS, FAULTS, LISTS, Page, PagedFlipkart
from ._wire import WireServer

# Stalls cost real time (the client's read timeout); they are kept rare but present.
_WEIGHTED_FAULTS = [f for f in FAULTS if f != "stall_body"] * 8 + ["stall_body"]
_WEIGHTED_ENDINGS = ["next"] * 24 + [e for e in ENDINGS if e != "next"]

SOAK_SCHEDULES = 400
SCHEDULES = settings(
    max_examples=int(os.environ.get("FAULT_SCHEDULES", "40")),
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
SOAK = settings(SCHEDULES, max_examples=SOAK_SCHEDULES)


@st.composite
def schedules(draw: st.DrawFn, token_cursor: bool = False) -> list[Page]:
    endings = [e for e in _WEIGHTED_ENDINGS if not (token_cursor and e == "next_off_host")]
    ids = (f"S{n}" for n in itertools.count())
    pages: list[Page] = []
    for _ in range(draw(st.integers(1, 6))):
        repeats = draw(st.sampled_from([0] * 6 + [1, 3]))  # the server re-serves a page
        if pages and repeats:
            for _ in range(repeats):
                pages.append(Page(list(pages[-1].ids), "next", draw(_faults())))
            continue
        page_ids = [next(ids) for _ in range(draw(st.integers(0, 4)))]
        pages.append(Page(page_ids, draw(st.sampled_from(endings)), draw(_faults())))
    return pages


def _faults() -> st.SearchStrategy[list[str]]:
    return st.lists(st.sampled_from(_WEIGHTED_FAULTS), max_size=5).filter(
        lambda faults: faults.count("stall_body") <= 1
    ) | st.just([])


def _check(
    list_name: str,
    server: WireServer,
    app: PagedFlipkart,
    pages: list[Page],
    mode: str,
    *,
    start: int = 0,
    resume_from: str | None = None,
    faults: bool = True,
) -> None:
    wire = app.wire
    expected = predict(pages, start=start, faults=faults)
    outcome = _drive.run(list_name, server.url, mode, resume_from, wire.item_id)

    if outcome.error is not None and not isinstance(outcome.error, FlipkartError):
        raise AssertionError(f"untyped {type(outcome.error).__name__}") from outcome.error
    assert outcome.items == expected.items
    assert len(outcome.items) == len(set(outcome.items)), "an item was handed over twice"
    assert (app.api_requests, app.token_requests) == (
        expected.api_requests,
        expected.token_requests,
    )
    if expected.error is None:
        assert outcome.error is None
        return
    assert isinstance(outcome.error, expected.error), repr(outcome.error)
    assert expected.failed_page is not None
    cursor = None if expected.failed_page == 0 else wire.next_value(expected.failed_page)
    assert outcome.error.resume_from == cursor
    if faults:  # the server heals; the run resumes where the error said
        app.heal()
        _check(
            list_name,
            server,
            app,
            pages,
            mode,
            start=expected.failed_page,
            resume_from=cursor,
            faults=False,
        )


def _one_schedule(wire_server: WireServer, list_name: str, data: st.DataObject) -> None:
    wire = LISTS[list_name]
    pages = data.draw(schedules(token_cursor=wire.cursor == "token"), label="pages")
    mode = data.draw(st.sampled_from(_drive.MODES), label="mode")
    app = PagedFlipkart(wire, pages)
    wire_server.respond = app
    _check(list_name, wire_server, app, pages, mode)


@pytest.mark.slow
@pytest.mark.parametrize("list_name", sorted(LISTS))
@SCHEDULES
@given(data=st.data())
def test_every_schedule_ends_with_all_items_or_the_predicted_typed_error(
    wire_server: WireServer, list_name: str, data: st.DataObject
) -> None:
    _one_schedule(wire_server, list_name, data)


@pytest.mark.slow
@pytest.mark.soak
@pytest.mark.parametrize("list_name", sorted(LISTS))
@SOAK
@given(data=st.data())
def test_soak_every_schedule_ends_with_all_items_or_the_predicted_typed_error(
    wire_server: WireServer, list_name: str, data: st.DataObject
) -> None:
    _one_schedule(wire_server, list_name, data)
