import json
import logging

import httpx
import pytest
from flipkart_seller_api.models.shipment import Shipment

from flipkart_ext import MalformedResponse, MissingNextPage, RepeatedCursor, UnsafeNextPageUrl
from flipkart_ext.errors import NotFound, ServerError
from flipkart_ext.shipments import ShipmentFilter, Shipments

from ._fake import API_HOST, BASE, FILTER_PATH, FakeShipments, ids_of, next_url, paged, shipment

APPROVED = ShipmentFilter.pre_dispatch(states=["APPROVED"], page_size=3)
SIX_PAGES = [[f"S{p}{i}" for i in range(3)] for p in range(6)]
ALL_IDS = [i for page in SIX_PAGES for i in page]


def shipments_api(fake: FakeShipments) -> Shipments:
    return Shipments(fake.client(), BASE)


def test_six_pages_yield_every_shipment_once_in_server_order():
    fake = FakeShipments(paged(SIX_PAGES))

    found = list(shipments_api(fake).search(APPROVED))

    assert ids_of(found) == ALL_IDS
    assert all(isinstance(s, Shipment) for s in found)
    assert fake.served == [0, 1, 2, 3, 4, 5]


def test_first_page_is_a_post_of_the_filter_and_later_pages_get_next_page_url():
    fake = FakeShipments(paged(SIX_PAGES))

    list(shipments_api(fake).search(APPROVED))

    first, *rest = fake.requests
    assert (first.method, str(first.url)) == ("POST", f"https://{API_HOST}{FILTER_PATH}")
    assert json.loads(first.content) == {
        "filter": {"type": "preDispatch", "states": ["APPROVED"]},
        "pagination": {"pageSize": 3},
    }
    assert [(r.method, str(r.url)) for r in rest] == [
        ("GET", f"{BASE}{next_url(k)}") for k in range(1, 6)
    ]
    assert all(r.content == b"" for r in rest)


def test_unknown_fields_survive_in_models_and_raw_mode_yields_the_dicts():
    fake = FakeShipments(paged([["A", "B"]]))

    model, _ = shipments_api(fake).search(APPROVED)
    raw = list(shipments_api(fake).search(APPROVED, raw=True))

    assert model.additional_properties["fieldAddedLater"] == {"x": 1}
    assert raw == [shipment("A"), shipment("B")]


def test_pages_expose_items_has_more_and_a_string_cursor():
    fake = FakeShipments(paged(SIX_PAGES[:3]))

    pages = list(shipments_api(fake).pages(APPROVED, raw=True))

    assert [ids_of(p.items) for p in pages] == SIX_PAGES[:3]
    assert [p.number for p in pages] == [1, 2, 3]
    assert [p.has_more for p in pages] == [True, True, False]
    assert [p.cursor for p in pages] == [next_url(1), next_url(2), None]


@pytest.mark.parametrize(
    "next_page_url",
    [
        "https://evil.test/sellers/v3/shipments/filter?next_token=t1",
        "//evil.test/sellers/v3/shipments/filter?next_token=t1",
        f"https://{API_HOST}@evil.test/sellers/v3/shipments/filter?next_token=t1",
        f"http://{API_HOST}/sellers/v3/shipments/filter?next_token=t1",  # downgrade to http
        f"https://{API_HOST}:8443/sellers/v3/shipments/filter?next_token=t1",
    ],
)
def test_next_page_url_to_another_origin_is_refused_before_any_request(next_page_url):
    bodies = paged(SIX_PAGES[:2])
    bodies[0]["nextPageUrl"] = next_page_url
    fake = FakeShipments(bodies)
    found = []

    with pytest.raises(UnsafeNextPageUrl) as caught:
        for item in shipments_api(fake).search(APPROVED, raw=True):
            found.append(item)

    assert found == []  # the page that carried the bad URL is incomplete: not handed over
    assert caught.value.resume_from is None  # the search's first page: run it again
    assert len(fake.requests) == 1
    assert fake.foreign_requests == []
    assert f"https://{API_HOST}" in str(caught.value)
    assert "next_token" not in str(caught.value)


def test_absolute_next_page_url_on_the_api_host_is_followed_as_given():
    bodies = paged(SIX_PAGES[:2])
    bodies[0]["nextPageUrl"] = f"https://{API_HOST}:443/sellers/v3/shipments/filter?next_token=t1"
    fake = FakeShipments(bodies)

    assert ids_of(shipments_api(fake).search(APPROVED, raw=True)) == SIX_PAGES[0] + SIX_PAGES[1]
    assert fake.served == [0, 1]


def test_next_page_url_is_sent_byte_for_byte():
    bodies = paged(SIX_PAGES[:2])
    bodies[0]["nextPageUrl"] = "/v3/shipments/filter?next_token=t1&sig=a%2Bb/c%3D%3D&z=1"
    fake = FakeShipments(bodies)

    list(shipments_api(fake).search(APPROVED))

    assert fake.requests[1].url.raw_path == (
        b"/sellers/v3/shipments/filter?next_token=t1&sig=a%2Bb/c%3D%3D&z=1"
    )


def test_repeated_cursor_raises_after_delivering_the_pages_before_it_only():
    bodies = paged(SIX_PAGES[:4])
    bodies[2]["nextPageUrl"] = next_url(1)  # page 3 points back at page 2
    fake = FakeShipments(bodies)
    found = []

    with pytest.raises(RepeatedCursor) as caught:
        # max_pages only keeps a regression from looping forever.
        for item in shipments_api(fake).search(APPROVED, raw=True, max_pages=20):
            found.append(item)

    assert ids_of(found) == SIX_PAGES[0] + SIX_PAGES[1]
    assert fake.served == [0, 1, 2]
    assert caught.value.page_number == 3
    assert caught.value.resume_from == next_url(2)


def test_a_page_pointing_at_itself_raises_instead_of_looping():
    bodies = paged(SIX_PAGES[:3])
    bodies[1]["nextPageUrl"] = f"https://{API_HOST}/sellers{next_url(1)}"  # same URL, absolute form
    fake = FakeShipments(bodies)

    with pytest.raises(RepeatedCursor):
        list(shipments_api(fake).search(APPROVED, max_pages=20))
    assert fake.served == [0, 1]


def test_resume_from_continues_exactly_after_the_last_processed_page():
    fake = FakeShipments(paged(SIX_PAGES))
    api = shipments_api(fake)
    first_run = list(api.pages(APPROVED, max_pages=2))
    cursor = first_run[-1].cursor
    assert isinstance(cursor, str)
    stored = json.loads(json.dumps({"cursor": cursor}))["cursor"]  # survives a crash on disk
    fake.served.clear()

    second_run = list(api.search(None, resume_from=stored))

    assert ids_of(i for p in first_run for i in p.items) == ALL_IDS[:6]
    assert ids_of(second_run) == ALL_IDS[6:]
    assert fake.served == [2, 3, 4, 5]
    assert fake.requests[-4].method == "GET"


def test_resume_from_a_cursor_on_another_host_is_refused_when_search_is_called():
    fake = FakeShipments(paged(SIX_PAGES))

    with pytest.raises(UnsafeNextPageUrl):
        shipments_api(fake).search(
            APPROVED, resume_from="https://evil.test/v3/shipments/filter?next_token=t2"
        )
    assert fake.requests == []


@pytest.mark.parametrize(("has_more", "next_page_url"), [(False, None), (None, None)])
def test_iteration_stops_on_has_more_false_or_no_cursor_and_no_flag(has_more, next_page_url):
    bodies = paged(SIX_PAGES[:3])
    bodies[1]["hasMore"] = has_more
    bodies[1]["nextPageUrl"] = next_page_url
    fake = FakeShipments(bodies)

    assert ids_of(shipments_api(fake).search(APPROVED, raw=True)) == ALL_IDS[:6]
    assert fake.served == [0, 1]


@pytest.mark.parametrize("next_page_url", [None, "", "   ", 42, ["/v3/x"], "<missing>"])
@pytest.mark.parametrize("has_more", [True, "true", 1])
def test_has_more_without_a_usable_next_page_url_raises_instead_of_truncating(
    has_more, next_page_url
):
    bodies = paged(SIX_PAGES[:3])
    bodies[1]["hasMore"] = has_more
    if next_page_url == "<missing>":
        del bodies[1]["nextPageUrl"]
    else:
        bodies[1]["nextPageUrl"] = next_page_url
    fake = FakeShipments(bodies)
    found = []

    with pytest.raises(MissingNextPage) as caught:
        for item in shipments_api(fake).search(APPROVED, raw=True):
            found.append(item)

    # The defective page is not handed over; its cursor resumes the export.
    assert ids_of(found) == SIX_PAGES[0]
    assert caught.value.resume_from == next_url(1)
    assert caught.value.page_number == 2
    bodies[1]["hasMore"], bodies[1]["nextPageUrl"] = True, next_url(2)  # the server is fixed
    resumed = shipments_api(fake).search(None, raw=True, resume_from=caught.value.resume_from)
    assert ids_of(found) + ids_of(resumed) == ALL_IDS[:9]


def test_a_truncated_first_page_raises_with_no_cursor_to_resume_from():
    bodies = paged(SIX_PAGES[:2])
    bodies[0]["nextPageUrl"] = None
    fake = FakeShipments(bodies)

    with pytest.raises(MissingNextPage) as caught:
        list(shipments_api(fake).search(APPROVED))
    assert caught.value.resume_from is None
    assert "run it again" in "\n".join(caught.value.__notes__)


@pytest.mark.parametrize(("limit", "max_pages"), [(3, None), (None, 1)])
def test_a_truncated_page_is_no_error_when_the_caller_stops_there_anyway(limit, max_pages):
    bodies = paged(SIX_PAGES[:2])
    bodies[0]["nextPageUrl"] = None
    fake = FakeShipments(bodies)

    found = shipments_api(fake).search(APPROVED, raw=True, limit=limit, max_pages=max_pages)
    assert ids_of(found) == SIX_PAGES[0]


def test_missing_has_more_with_a_next_page_url_keeps_going():
    bodies = paged(SIX_PAGES[:3])
    del bodies[0]["hasMore"]
    fake = FakeShipments(bodies)

    assert ids_of(shipments_api(fake).search(APPROVED, raw=True)) == ALL_IDS[:9]


def test_null_or_missing_shipments_list_is_an_empty_page():
    bodies = paged([["A"], [], ["B"]])
    bodies[1]["shipments"] = None
    fake = FakeShipments(bodies)

    assert ids_of(shipments_api(fake).search(APPROVED, raw=True)) == ["A", "B"]


def test_duplicates_are_skipped_counted_and_logged(caplog):
    fake = FakeShipments(paged([["A", "B", "C"], ["C", "D", "A"], ["E", "E"]]))
    caplog.set_level(logging.INFO, logger="flipkart_ext.paging")

    iterator = shipments_api(fake).search(APPROVED, raw=True)
    found = ids_of(iterator)

    assert found == ["A", "B", "C", "D", "E"]
    assert iterator.duplicates_skipped == 3
    assert iterator.pages_fetched == 3
    messages = [r.getMessage() for r in caplog.records if r.name == "flipkart_ext.paging"]
    assert any("skipped 2" in m and "C, A" in m for m in messages)
    assert any("skipped 1" in m and "E" in m for m in messages)


def test_pages_report_duplicates_per_page():
    fake = FakeShipments(paged([["A", "B"], ["B", "C"]]))

    pages = list(shipments_api(fake).pages(APPROVED, raw=True))

    assert [ids_of(p.items) for p in pages] == [["A", "B"], ["C"]]
    assert [p.duplicates_skipped for p in pages] == [0, 1]


def test_shipments_without_an_id_are_never_dropped():
    bodies = paged([["A"], ["B"]])
    bodies[0]["shipments"].append({"noId": 1})
    bodies[1]["shipments"].append({"noId": 1})
    fake = FakeShipments(bodies)

    found = list(shipments_api(fake).search(APPROVED, raw=True))

    assert found.count({"noId": 1}) == 2


def test_limit_stops_mid_page_without_fetching_further_pages():
    fake = FakeShipments(paged(SIX_PAGES))

    found = list(shipments_api(fake).search(APPROVED, limit=7, raw=True))

    assert ids_of(found) == ALL_IDS[:7]
    assert fake.served == [0, 1, 2]


def test_limit_on_a_page_boundary_does_not_fetch_the_next_page():
    fake = FakeShipments(paged(SIX_PAGES))

    assert len(list(shipments_api(fake).search(APPROVED, limit=6))) == 6
    assert fake.served == [0, 1]


def test_limit_zero_and_max_pages_zero_send_nothing():
    fake = FakeShipments(paged(SIX_PAGES))

    assert list(shipments_api(fake).search(APPROVED, limit=0)) == []
    assert list(shipments_api(fake).pages(APPROVED, max_pages=0)) == []
    assert fake.requests == []


def test_max_pages_caps_requests():
    fake = FakeShipments(paged(SIX_PAGES))

    pages = list(shipments_api(fake).pages(APPROVED, max_pages=4))

    assert len(pages) == 4
    assert fake.served == [0, 1, 2, 3]
    assert pages[-1].cursor == next_url(4)


def test_closing_early_sends_no_further_request():
    fake = FakeShipments(paged(SIX_PAGES))

    with shipments_api(fake).search(APPROVED) as iterator:
        next(iterator)
    with pytest.raises(StopIteration):
        next(iterator)
    assert fake.served == [0]


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"limit": -1}, "limit"),
        ({"limit": 1.5}, "limit"),
        ({"max_pages": -2}, "max_pages"),
        ({"dedupe_window": 0}, "dedupe_window"),
        ({"resume_from": ""}, "resume_from"),
    ],
)
def test_bad_search_arguments_raise_value_error_before_any_request(kwargs, field):
    fake = FakeShipments(paged(SIX_PAGES))

    with pytest.raises(ValueError, match=field):
        shipments_api(fake).search(APPROVED, **kwargs)
    assert fake.requests == []


def test_filter_is_required_without_a_cursor_and_must_be_a_shipment_filter():
    fake = FakeShipments(paged(SIX_PAGES))
    api = shipments_api(fake)

    with pytest.raises(ValueError, match="filter"):
        api.search(None)
    with pytest.raises(ValueError, match="filter"):
        api.search({"type": "preDispatch"})  # type: ignore[arg-type]
    assert fake.requests == []


def test_http_errors_raise_the_typed_errors_after_earlier_pages_were_delivered():
    def fail_page_three(index, request):
        return (
            httpx.Response(500, json={"errors": [{"code": "BOOM", "description": "down"}]})
            if index == 2
            else None
        )

    fake = FakeShipments(paged(SIX_PAGES), on_request=fail_page_three)
    found = []

    with pytest.raises(ServerError) as caught:
        for item in shipments_api(fake).search(APPROVED, raw=True):
            found.append(item)

    assert ids_of(found) == ALL_IDS[:6]
    assert caught.value.status_code == 500
    assert caught.value.code == "BOOM"


def test_an_expired_cursor_404_is_a_typed_error():
    fake = FakeShipments(paged(SIX_PAGES))

    with pytest.raises(NotFound):
        list(shipments_api(fake).search(None, resume_from="/v3/shipments/filter?next_token=gone"))


@pytest.mark.parametrize(
    "content",
    [b"<html>oops</html>", b"[1, 2]", b'{"shipments": {"a": 1}}'],
)
def test_malformed_answers_raise_malformed_response(content):
    def garbage(index, request):
        return httpx.Response(200, content=content)

    fake = FakeShipments(paged(SIX_PAGES), on_request=garbage)

    with pytest.raises(MalformedResponse):
        list(shipments_api(fake).search(APPROVED))


def test_odd_items_and_nulls_are_handed_over_as_sent_in_raw_mode_and_nulls_left_out_as_models():
    bodies = paged([["A", "B"]])
    bodies[0]["shipments"][1:1] = [None, "junk", 7]
    fake = FakeShipments(bodies)

    assert list(shipments_api(fake).search(APPROVED, raw=True))[1:4] == [None, "junk", 7]
    bodies[0]["shipments"][1:4] = [None]
    assert len(list(shipments_api(FakeShipments(bodies)).search(APPROVED))) == 2


def test_an_item_that_cannot_be_a_model_raises_naming_raw_mode():
    bodies = paged([["A", "B"]])
    bodies[0]["shipments"].insert(1, "junk")
    fake = FakeShipments(bodies)

    with pytest.raises(MalformedResponse, match="raw=True") as caught:
        list(shipments_api(fake).search(APPROVED))
    assert caught.value.resume_from is None


def test_base_url_with_trailing_slash_resolves_the_same_way():
    fake = FakeShipments(paged(SIX_PAGES[:2]))
    api = Shipments(fake.client(), BASE + "/")

    assert ids_of(api.search(APPROVED, raw=True)) == ALL_IDS[:6]
    assert fake.served == [0, 1]


def test_a_cursor_beside_has_more_false_is_followed():
    # Flipkart's last page carries no cursor; stopping at one that does could lose pages.
    bodies = paged(SIX_PAGES[:3])
    bodies[1]["hasMore"] = False

    assert (
        ids_of(shipments_api(fake := FakeShipments(bodies)).search(APPROVED, raw=True))
        == (ALL_IDS[:9])
    )
    assert fake.served == [0, 1, 2]
