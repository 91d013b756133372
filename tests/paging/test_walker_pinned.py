"""``PageWalker`` pinned decision by decision, driven without I/O.

``drive`` sends nothing: it follows the documented protocol (``next_request``, ``accept``,
``interrupted`` on an error) and answers the k-th request with ``bodies[k]``. Each limit is
pinned exactly at and one past its boundary, and each message word for word.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from typing import Any

import pytest

from flipkart_ext import (
    FlipkartError,
    MalformedResponse,
    MissingNextPage,
    NoProgress,
    RepeatedCursor,
    UnsafeCursor,
    UnsafeNextPageUrl,
)
from flipkart_ext.paging import (
    DEFAULT_DEDUPE_WINDOW,
    MAX_EMPTY_PAGES,
    MAX_STALE_PAGES,
    Page,
    PageRequest,
    PageShape,
    PageWalker,
)
from flipkart_ext.paging._walker import CursorLog, RecentIds

from ._things import API, FIRST, THINGS, TOKENS, Thing, body, chain, thing, url


def walker(shape: PageShape = THINGS, **kwargs: Any) -> PageWalker[Any]:
    options: dict[str, Any] = {
        "api_base": API,
        "first": FIRST,
        "resume_from": None,
        "raw": True,
        "limit": None,
        "max_pages": None,
        "dedupe_window": DEFAULT_DEDUPE_WINDOW,
    }
    options.update(kwargs)
    return PageWalker(shape, **options)


@dataclass
class Walk:
    pages: list[Page[Any]]
    sent: list[PageRequest]
    error: FlipkartError | None

    @property
    def items(self) -> list[Any]:
        return [item for page in self.pages for item in page.items]

    @property
    def ids(self) -> list[Any]:
        """The ids of the items handed over (a null entry, handed over as sent, has none)."""
        return [
            i["thingId"] if isinstance(i, dict) else i.data["thingId"]
            for i in self.items
            if i is not None
        ]


def drive(w: PageWalker[Any], bodies: list[Any]) -> Walk:
    pages: list[Page[Any]] = []
    sent: list[PageRequest] = []
    request = w.next_request()
    while request is not None:
        sent.append(request)
        try:
            page = w.accept(bodies[len(sent) - 1])
        except FlipkartError as exc:
            w.interrupted(exc)
            return Walk(pages, sent, exc)
        pages.append(page)
        request = w.next_request()
    return Walk(pages, sent, None)


# --- the constants -------------------------------------------------------------------------


def test_the_documented_limits():
    assert (MAX_STALE_PAGES, MAX_EMPTY_PAGES, DEFAULT_DEDUPE_WINDOW) == (3, 100, 50_000)


# --- the window of ids already yielded -----------------------------------------------------


def test_recent_ids_remember_the_last_window_ids_and_forget_older_ones():
    ids = RecentIds(2)

    assert [ids.add(k) for k in "ab"] == [True, True]
    assert ids.add("a") is False  # in the older generation
    assert ids.add("c") is True
    assert ids.add("c") is False  # in the newer generation
    assert ids.add("b") is False
    assert ids.add("d") is True  # the newer one is full: a and b are dropped
    assert [ids.add(k) for k in "cd"] == [False, False]  # the last two are remembered
    assert [ids.add(k) for k in "ab"] == [True, True]  # older than the window: new again


def test_recent_ids_with_a_window_of_one_remember_only_the_last_and_the_one_before():
    ids = RecentIds(1)

    assert [ids.add(k) for k in "abc"] == [True, True, True]
    assert ids.add("c") is False
    assert ids.add("b") is True  # two back: forgotten


def test_an_id_older_than_the_window_is_yielded_again_and_one_inside_it_is_not():
    bodies = chain(["a", "b"], ["c", "d"], ["a", "c", "e"])

    walk = drive(walker(dedupe_window=2), bodies)

    # After a, b, c, d the window holds c and d: a is yielded again, c is skipped.
    assert walk.ids == ["a", "b", "c", "d", "a", "e"]
    assert [p.duplicates_skipped for p in walk.pages] == [0, 0, 1]


def test_an_id_exactly_at_the_window_edge_is_still_skipped():
    walk = drive(walker(dedupe_window=2), chain(["a", "b"], ["c"], ["a", "d"]))

    assert walk.ids == ["a", "b", "c", "d"]


def test_cursor_log_catches_only_a_key_already_added():
    log = CursorLog()

    assert [log.add(k) for k in ("/a", "/b", "/a", "/b", "/c")] == [
        True,
        True,
        False,
        False,
        True,
    ]


# --- item ids ------------------------------------------------------------------------------


def test_integer_ids_are_de_duplicated_with_their_string_form():
    walk = drive(walker(), chain([7, 8], ["7", 8, 9]))

    assert walk.ids == [7, 8, 9]
    assert walk.pages[1].duplicates_skipped == 2


@pytest.mark.parametrize("odd_id", ["", True, False, 1.5, None, [1], {"a": 1}])
def test_items_whose_id_is_not_a_usable_string_or_integer_are_never_dropped(odd_id):
    walk = drive(walker(), chain([odd_id, odd_id], [odd_id]))

    assert walk.ids == [odd_id] * 3
    assert sum(p.duplicates_skipped for p in walk.pages) == 0


# --- "has more" read liberally ---------------------------------------------------------------


@pytest.mark.parametrize("flag", [True, 1, 2, -1, "true", " TRUE ", "True", None, "yes", 1.5])
def test_a_page_saying_there_is_more_or_not_saying_is_followed(flag):
    bodies = chain(["a"], ["b"])
    bodies[0]["hasMore"] = flag

    walk = drive(walker(), bodies)

    assert walk.ids == ["a", "b"]
    assert walk.pages[0].cursor == url(1)
    assert walk.pages[0].has_more is True


@pytest.mark.parametrize("flag", [False, 0, -0.0, "false", " False ", "FALSE"])
def test_a_page_saying_there_is_no_more_but_carrying_a_cursor_is_followed(flag):
    # Flipkart's last page carries no cursor; one that does contradicts its flag, and
    # stopping there would lose every later page.
    bodies = chain(["a"], ["b"], ["c"])
    bodies[0]["hasMore"] = flag

    walk = drive(walker(), bodies)

    assert walk.error is None
    assert walk.ids == ["a", "b", "c"]
    assert len(walk.sent) == 3
    assert (walk.pages[0].cursor, walk.pages[0].has_more) == (url(1), True)


@pytest.mark.parametrize("flag", [False, 0, "false"])
def test_no_more_beside_a_cursor_already_fetched_ends_the_list(flag):
    # A server that echoes the last page's own cursor with "no more": nothing is left.
    bodies = chain(["a"], ["b"])
    bodies[1]["hasMore"] = flag
    bodies[1]["nextUrl"] = url(1)

    walk = drive(walker(), bodies)

    assert walk.error is None
    assert walk.ids == ["a", "b"]
    assert len(walk.sent) == 2


@pytest.mark.parametrize("flag", [True, None, "<missing>"])
def test_more_or_nothing_said_beside_a_cursor_already_fetched_is_a_repeated_cursor(flag):
    bodies = chain(["a"], ["b"])
    bodies[1]["nextUrl"] = url(1)
    if flag == "<missing>":
        del bodies[1]["hasMore"]
    else:
        bodies[1]["hasMore"] = flag

    walk = drive(walker(), bodies)

    assert isinstance(walk.error, RepeatedCursor)
    assert walk.ids == ["a"]


@pytest.mark.parametrize("flag", [False, 0, "false"])
def test_a_page_saying_there_is_no_more_without_a_cursor_ends_the_list(flag):
    bodies = chain(["a"], ["b"])
    bodies[0]["hasMore"] = flag
    del bodies[0]["nextUrl"]

    walk = drive(walker(), bodies)

    assert walk.error is None
    assert walk.ids == ["a"]
    assert len(walk.sent) == 1
    assert (walk.pages[0].cursor, walk.pages[0].has_more) == (None, False)


@pytest.mark.parametrize("flag", [None, "yes", 1.5, "<missing>"])
def test_an_unknown_flag_without_a_cursor_ends_the_list(flag):
    bodies = [body(["a"])]
    if flag == "<missing>":
        del bodies[0]["hasMore"]
    else:
        bodies[0]["hasMore"] = flag

    walk = drive(walker(), bodies)

    assert walk.error is None
    assert walk.ids == ["a"]


# --- a page saying "more" without a usable cursor ------------------------------------------


@pytest.mark.parametrize(
    ("value", "found"),
    [
        (None, "missing or null"),
        ("<missing>", "missing or null"),
        ("", "empty"),
        ("  \t", "empty"),
        (42, "a int, not a string"),
        (["/v3/x"], "a list, not a string"),
        (False, "a bool, not a string"),
    ],
)
@pytest.mark.parametrize("flag", [True, 1, "true", " TRUE "])
def test_has_more_without_a_usable_cursor_names_what_was_found(flag, value, found):
    bodies = chain(["a"], ["b"], ["c"])
    bodies[1]["hasMore"] = flag
    if value == "<missing>":
        del bodies[1]["nextUrl"]
    else:
        bodies[1]["nextUrl"] = value

    walk = drive(walker(), bodies)

    assert isinstance(walk.error, MissingNextPage)
    assert str(walk.error) == (
        f"page 2 says 'hasMore' is true but its 'nextUrl' is {found}: the list would end early"
    )
    assert walk.error.page_number == 2
    assert walk.error.resume_from == url(1)
    assert walk.ids == ["a"]


def test_missing_next_page_names_the_keys_of_a_token_list():
    bodies = [{"things": [thing("a")], "more": True, "nextId": " "}]

    walk = drive(walker(TOKENS), bodies)

    assert str(walk.error) == (
        "page 1 says 'more' is true but its 'nextId' is empty: the list would end early"
    )


# --- no progress ---------------------------------------------------------------------------


def stale_walk(stale: int, *, fresh_after: bool = True) -> list[dict[str, Any]]:
    """Page 1 brings a and b; then ``stale`` pages repeat them; then (maybe) a new c."""
    pages = [["a", "b"]] + [["b", "a"]] * stale + ([["c"]] if fresh_after else [])
    return chain(*pages)


def test_two_stale_pages_in_a_row_are_tolerated():
    walk = drive(walker(), stale_walk(MAX_STALE_PAGES - 1))

    assert walk.error is None
    assert walk.ids == ["a", "b", "c"]
    assert [p.duplicates_skipped for p in walk.pages] == [0, 2, 2, 0]


def test_the_third_stale_page_in_a_row_raises_no_progress():
    walk = drive(walker(), stale_walk(MAX_STALE_PAGES))

    assert isinstance(walk.error, NoProgress)
    assert (walk.error.page_number, walk.error.stale_pages) == (4, 3)
    assert str(walk.error) == (
        "pages 2 to 4 brought nothing new (3 in a row, each still saying there is more); "
        "stopping instead of walking on"
    )
    assert walk.error.resume_from == url(3)
    assert len(walk.pages) == 3


def test_a_stale_last_page_is_not_progress_trouble():
    walk = drive(walker(), stale_walk(MAX_STALE_PAGES, fresh_after=False))

    assert walk.error is None
    assert walk.ids == ["a", "b"]


def test_a_new_item_restarts_the_count_of_stale_pages():
    pages = [["a"], ["a"], ["a"], ["b"], ["a", "b"], ["b"], ["c"]]

    walk = drive(walker(), chain(*pages))

    assert walk.error is None
    assert walk.ids == ["a", "b", "c"]


def test_empty_pages_count_towards_the_run_but_not_as_stale():
    # 2 stale pages, then empty ones: still fewer than MAX_STALE_PAGES stale.
    pages = [["a"], ["a"], ["a"], [], [], [], ["b"]]

    walk = drive(walker(), chain(*pages))

    assert walk.error is None
    assert walk.ids == ["a", "b"]


def test_a_null_entry_is_not_an_item_for_the_stale_count():
    bodies = chain(["a"], [], [], [], ["b"])
    for page in bodies[1:4]:
        page["things"] = [None]

    walk = drive(walker(), bodies)

    assert walk.error is None
    assert walk.ids == ["a", "b"]
    assert walk.items.count(None) == 3  # raw mode hands each null over, as sent


def test_ninety_nine_empty_pages_at_the_start_are_tolerated():
    pages = [[]] * (MAX_EMPTY_PAGES - 1) + [["a"]]

    walk = drive(walker(), chain(*pages))

    assert walk.error is None
    assert walk.ids == ["a"]
    assert len(walk.sent) == MAX_EMPTY_PAGES


def test_the_hundredth_empty_page_in_a_row_raises_no_progress():
    pages = [["a"]] + [[]] * MAX_EMPTY_PAGES + [["b"]]

    walk = drive(walker(), chain(*pages))

    assert isinstance(walk.error, NoProgress)
    assert (walk.error.page_number, walk.error.stale_pages) == (101, 100)
    assert str(walk.error).startswith("pages 2 to 101 brought nothing new (100 in a row")
    assert walk.error.resume_from == url(100)


def test_stale_and_empty_pages_share_one_run():
    # 2 stale + 97 empty = 99 pages without a new item: tolerated; one more is not.
    pages = [["a"]] + [["a"]] * 2 + [[]] * 97
    ok = drive(walker(), chain(*pages, ["b"]))
    bad = drive(walker(), chain(*pages, [], ["b"]))

    assert ok.error is None
    assert isinstance(bad.error, NoProgress)
    assert bad.error.stale_pages == MAX_EMPTY_PAGES


# --- limit and max_pages -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("limit", "ids", "requests"),
    [
        (1, ["a"], 1),
        (2, ["a", "b"], 1),
        (3, ["a", "b", "c"], 2),
        (4, ["a", "b", "c", "d"], 2),
        (5, ["a", "b", "c", "d"], 2),
    ],
)
def test_limit_counts_items_across_pages(limit, ids, requests):
    walk = drive(walker(limit=limit), chain(["a", "b"], ["c", "d"]))

    assert walk.ids == ids
    assert len(walk.sent) == requests


def test_limit_counts_items_handed_out_not_duplicates():
    bodies = chain(["a", "b"], ["a", "c", "d"])
    bodies[1]["things"].insert(0, None)

    walk = drive(walker(limit=4), bodies)

    assert walk.items[2] is None  # handed out as sent: it counts
    assert walk.ids == ["a", "b", "c"]
    assert walk.pages[1].duplicates_skipped == 1


def test_a_page_that_reaches_the_limit_hands_over_its_cursor_unchecked():
    bodies = chain(["a", "b"], ["c"])
    bodies[0]["nextUrl"] = "https://evil.test/next"

    walk = drive(walker(limit=2), bodies)

    assert walk.error is None
    assert walk.pages[0].cursor == "https://evil.test/next"
    assert walk.pages[0].has_more is True


def test_max_pages_one_past_and_at_the_number_of_pages():
    bodies = chain(["a"], ["b"], ["c"])

    assert drive(walker(max_pages=2), bodies).ids == ["a", "b"]
    assert drive(walker(max_pages=3), bodies).ids == ["a", "b", "c"]
    assert drive(walker(max_pages=4), bodies).ids == ["a", "b", "c"]


def test_the_last_page_allowed_by_max_pages_hands_over_its_cursor_unchecked():
    bodies = chain(["a"], ["b"], ["c"])
    bodies[1]["nextUrl"] = url(1)  # a repeat, but it is never followed

    walk = drive(walker(max_pages=2), bodies)

    assert walk.error is None
    assert walk.pages[-1].cursor == url(1)
    assert len(walk.sent) == 2


@pytest.mark.parametrize(("limit", "max_pages"), [(0, None), (None, 0), (0, 0)])
def test_zero_limit_or_zero_max_pages_sends_nothing(limit, max_pages):
    w = walker(limit=limit, max_pages=max_pages)

    assert w.next_request() is None


def test_counters_after_a_walk():
    w = walker()

    drive(w, chain(["a", "b"], ["b", "c"], ["c", "a", "d"]))

    assert (w.pages_fetched, w.items_yielded, w.duplicates_skipped) == (3, 4, 3)
    assert w.resume_cursor is None


def test_counters_of_a_fresh_walker():
    w = walker()

    assert (w.pages_fetched, w.items_yielded, w.duplicates_skipped) == (0, 0, 0)
    assert w.next_request() is FIRST


# --- arguments -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"limit": -1}, "limit: expected an integer >= 0, got -1"),
        ({"limit": True}, "limit: expected an integer >= 0, got True"),
        ({"limit": 2.0}, "limit: expected an integer >= 0, got 2.0"),
        ({"limit": "3"}, "limit: expected an integer >= 0, got '3'"),
        ({"max_pages": -1}, "max_pages: expected an integer >= 0, got -1"),
        ({"max_pages": False}, "max_pages: expected an integer >= 0, got False"),
        ({"dedupe_window": 0}, "dedupe_window: expected an integer >= 1, got 0"),
        ({"resume_from": ""}, "resume_from: expected a cursor string from Page.cursor, got ''"),
        (
            {"resume_from": " \n"},
            "resume_from: expected a cursor string from Page.cursor, got ' \\n'",
        ),
        ({"resume_from": 5}, "resume_from: expected a cursor string from Page.cursor, got 5"),
        ({"first": None}, "filter: required unless resume_from is given"),
    ],
)
def test_bad_arguments_are_refused_with_the_argument_named(kwargs, message):
    with pytest.raises(ValueError) as caught:
        walker(**kwargs)
    assert str(caught.value) == message


@pytest.mark.parametrize(
    "kwargs", [{"limit": 0}, {"max_pages": 0}, {"dedupe_window": 1}, {"limit": 1, "max_pages": 1}]
)
def test_the_smallest_allowed_values_are_accepted(kwargs):
    walker(**kwargs)


def test_a_token_list_cannot_resume_without_its_filter():
    with pytest.raises(ValueError) as caught:
        walker(TOKENS, first=None, resume_from="tok-2")
    assert str(caught.value) == (
        "filter: required to resume a token search (its cursor is only a page token)"
    )


def test_a_url_list_resumes_without_its_filter():
    w = walker(first=None, resume_from=url(2))

    assert w.next_request() == PageRequest("GET", f"https://api.test/sellers{url(2)}")


# --- resuming ------------------------------------------------------------------------------


def test_resume_from_is_checked_before_anything_is_sent():
    with pytest.raises(UnsafeNextPageUrl):
        walker(resume_from="https://evil.test/x")
    with pytest.raises(UnsafeCursor, match=re.escape("refusing to send a 'pageId' token")):
        walker(TOKENS, resume_from="a\x00b")


def test_a_resumed_walk_knows_its_cursor_before_the_first_page():
    w = walker(resume_from=url(5))

    assert w.resume_cursor == url(5)
    walk = drive(w, [["not", "an", "object"]])

    assert isinstance(walk.error, MalformedResponse)
    assert walk.error.resume_from == url(5)
    assert walk.error.__notes__ == [
        "thing search interrupted after 0 page(s) and 0 item(s); continue it with "
        "resume_from=error.resume_from"
    ]


def test_a_page_pointing_back_at_the_resume_cursor_is_a_repeat():
    walk = drive(walker(resume_from=url(5)), [body(["a"], 5)])

    assert isinstance(walk.error, RepeatedCursor)
    assert walk.error.page_number == 1
    assert walk.error.resume_from == url(5)


def test_a_token_list_resends_the_opening_request_with_the_token():
    bodies = [
        {"things": [thing("a")], "more": True, "nextId": "tok-1"},
        {"things": {"thingId": "b"}, "more": False},
    ]

    walk = drive(walker(TOKENS), bodies)

    assert walk.sent == [
        FIRST,
        PageRequest("POST", FIRST.url, {"filter": {"x": 1}, "pageId": "tok-1"}),
    ]
    assert walk.ids == ["a", "b"]


def test_a_token_list_resumes_by_resending_the_opening_request():
    w = walker(TOKENS, resume_from="tok-7")

    assert w.next_request() == PageRequest(
        "POST", FIRST.url, {"filter": {"x": 1}, "pageId": "tok-7"}
    )


def test_a_url_list_follows_the_resolved_url():
    walk = drive(walker(), chain(["a"], ["b"]))

    assert walk.sent == [FIRST, PageRequest("GET", f"https://api.test/sellers{url(1)}")]


# --- what an interruption says -------------------------------------------------------------


def test_an_interruption_after_some_pages_says_how_to_continue():
    bodies = chain(["a", "b"], ["c"], ["d"])
    bodies[2] = "not an object"

    walk = drive(walker(), bodies)

    assert isinstance(walk.error, MalformedResponse)
    assert str(walk.error) == "thing search page 3: expected a JSON object, got str"
    assert walk.error.resume_from == url(2)
    assert walk.error.__notes__ == [
        "thing search interrupted after 2 page(s) and 3 item(s); continue it with "
        "resume_from=error.resume_from"
    ]


def test_an_interruption_on_the_first_page_says_to_run_it_again():
    walk = drive(walker(), [[1, 2]])

    assert str(walk.error) == "thing search page 1: expected a JSON object, got list"
    assert walk.error is not None
    assert walk.error.resume_from is None
    assert walk.error.__notes__ == [
        "thing search interrupted after 0 page(s) and 0 item(s); no cursor yet: run it again"
    ]


# --- items and models ----------------------------------------------------------------------


@pytest.mark.parametrize(("items", "kind"), [({"thingId": "a"}, "dict"), ("a", "str"), (3, "int")])
def test_items_that_are_not_a_list_are_malformed(items, kind):
    walk = drive(walker(), [{"things": items, "hasMore": False}])

    assert isinstance(walk.error, MalformedResponse)
    assert str(walk.error) == f"thing search page 1: 'things' is a {kind}, not a list"


def test_a_single_object_is_one_item_where_the_shape_allows_it():
    walk = drive(walker(TOKENS), [{"things": {"thingId": "a"}, "more": False}])

    assert walk.items == [{"thingId": "a"}]


def test_a_list_stays_a_list_where_a_single_object_is_allowed():
    walk = drive(walker(TOKENS), [{"things": [thing("a"), thing("b")], "more": False}])

    assert walk.ids == ["a", "b"]


def test_models_are_built_unless_raw_is_asked_for():
    model = drive(walker(raw=False), chain(["a"]))
    raw = drive(walker(raw=True), chain(["a"]))

    assert model.items == [Thing(thing("a"))]
    assert raw.items == [thing("a")]


def test_an_item_that_is_not_an_object_cannot_be_a_model():
    bodies = chain(["a"], ["b"])
    bodies[1]["things"].append("junk")

    walk = drive(walker(raw=False), bodies)

    assert str(walk.error) == (
        "thing search page 2: an item is a str, not a JSON object (raw=True yields it as sent)"
    )
    assert walk.error is not None
    assert walk.error.resume_from == url(1)


@pytest.mark.parametrize(("item_id", "named"), [("b7", "b7"), (None, "(no id)"), (12, "12")])
def test_an_item_the_model_refuses_is_named_with_the_reason(item_id, named):
    bodies = chain(["a"], ["b"])
    bodies[1]["things"] = [{"thingId": item_id, "broken": 5}]

    walk = drive(walker(raw=False), bodies)

    assert isinstance(walk.error, MalformedResponse)
    assert str(walk.error) == (
        f"thing search page 2: item {named} does not fit the model "
        "(ValueError: bad value 5); raw=True yields it as sent"
    )
    assert isinstance(walk.error.__cause__, ValueError)


def test_null_entries_are_skipped_and_the_rest_of_the_page_kept():
    bodies = chain(["a", "b"])
    bodies[0]["things"][1:1] = [None, None]

    assert drive(walker(raw=False), bodies).ids == ["a", "b"]


def test_a_duplicate_does_not_end_its_page():
    walk = drive(walker(), chain(["a"], ["a", "b", "a", "c"]))

    assert walk.ids == ["a", "b", "c"]
    assert walk.pages[1].duplicates_skipped == 2


# --- pages ---------------------------------------------------------------------------------


def test_pages_carry_number_cursor_has_more_and_duplicates():
    walk = drive(walker(), chain(["a"], ["a", "b"], ["c"]))

    assert [(p.number, p.cursor, p.has_more, p.duplicates_skipped) for p in walk.pages] == [
        (1, url(1), True, 0),
        (2, url(2), True, 1),
        (3, None, False, 0),
    ]


# --- the log of skipped duplicates ---------------------------------------------------------


def skipped_messages(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.name == "flipkart_ext.paging"]


@pytest.mark.parametrize(
    ("repeats", "listed"),
    [
        (1, "a0"),
        (5, "a0, a1, a2, a3, a4"),
        (6, "a0, a1, a2, a3, a4 ..."),
        (7, "a0, a1, a2, a3, a4 ..."),
    ],
)
def test_skipped_duplicates_are_logged_with_at_most_five_ids(caplog, repeats, listed):
    caplog.set_level(logging.INFO, logger="flipkart_ext.paging")
    ids = [f"a{k}" for k in range(repeats)]

    drive(walker(), chain(ids, [*ids, "b"]))

    assert skipped_messages(caplog) == [
        f"thing search page 2: skipped {repeats} item(s) already yielded in this iteration: "
        f"{listed}"
    ]


def test_nothing_is_logged_without_duplicates(caplog):
    caplog.set_level(logging.INFO, logger="flipkart_ext.paging")

    drive(walker(), chain(["a"], ["b"]))

    assert skipped_messages(caplog) == []
