import random
from urllib.parse import unquote

import httpx
import pytest
from flipkart_seller_api.models.shipment import Shipment

from flipkart_ext import InvalidArgument, MalformedResponse
from flipkart_ext.errors import NotFound, ServerError
from flipkart_ext.shipments import AsyncShipments, Shipments

from ._fake import API_HOST, BASE, ids_of, shipment

PDF = b"%PDF-1.4\n"


class LookupServer:
    """Answers id look-ups and PDF downloads; shuffles results like a real server may."""

    def __init__(self, *, shuffle: bool = True) -> None:
        self.requests: list[httpx.Request] = []
        self.shuffle = shuffle

    def ids_in(self, request: httpx.Request) -> list[str]:
        for param in ("shipmentIds", "orderIds", "orderItemIds"):
            if param in request.url.params:
                return request.url.params[param].split(",")
        segment = request.url.raw_path.decode().split("?")[0].split("/")[4]
        return unquote(segment).split(",")

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        assert request.url.host == API_HOST
        ids = self.ids_in(request)
        path = request.url.path
        if path.endswith(("/labels", "/invoices")):
            kind = path.rsplit("/", 1)[1]
            return httpx.Response(
                200,
                content=PDF + f"{kind}:{','.join(ids)}".encode(),
                headers={"content-type": "application/pdf"},
            )
        params = request.url.params
        if "shipmentIds" in params:
            found = [shipment(i) for i in ids if not i.startswith("missing")]
        elif "orderIds" in params:
            found = [shipment(i.removeprefix("OD-")) for i in ids]
        else:
            found = [shipment(i.removeprefix("OI-")) for i in ids]
        if self.shuffle:
            random.Random(len(self.requests)).shuffle(found)
        return httpx.Response(200, json={"shipments": found})

    @property
    def id_counts(self) -> list[int]:
        return [len(self.ids_in(r)) for r in self.requests]

    def sync(self) -> Shipments:
        return Shipments(httpx.Client(transport=httpx.MockTransport(self)), BASE)

    def asynchronous(self) -> AsyncShipments:
        async def handler(request: httpx.Request) -> httpx.Response:
            return self(request)

        return AsyncShipments(httpx.AsyncClient(transport=httpx.MockTransport(handler)), BASE)


IDS_250 = [f"S{n:04d}" for n in random.Random(7).sample(range(10_000), 250)]


def test_250_ids_make_three_calls_of_at_most_100_and_keep_input_order():
    server = LookupServer()

    found = server.sync().get(shipment_ids=IDS_250)

    assert server.id_counts == [100, 100, 50]
    assert ids_of(found) == IDS_250
    assert all(isinstance(s, Shipment) for s in found)
    first = server.requests[0]
    assert (first.method, first.url.path) == ("GET", "/sellers/v3/shipments")
    assert first.url.params["shipmentIds"] == ",".join(IDS_250[:100])


async def test_async_lookup_has_the_same_chunks_and_order():
    server = LookupServer()

    found = await server.asynchronous().get(shipment_ids=IDS_250, raw=True)

    assert server.id_counts == [100, 100, 50]
    assert ids_of(found) == IDS_250
    assert isinstance(found[0], dict)


def test_an_id_given_twice_is_refused_before_any_call_naming_both_places():
    server = LookupServer()

    with pytest.raises(InvalidArgument) as caught:
        server.sync().get(shipment_ids=["B", "A", "C", "A"])

    assert str(caught.value) == (
        "shipment_ids[3]: 'A' is given twice (also at shipment_ids[1]); give each once"
    )
    assert server.requests == []


@pytest.mark.parametrize(
    ("kind", "prefix", "param"),
    [("order_ids", "OD-", "orderIds"), ("order_item_ids", "OI-", "orderItemIds")],
)
def test_order_and_order_item_ids_come_back_in_input_order(kind, prefix, param):
    server = LookupServer()
    wanted = [f"{prefix}{s}" for s in IDS_250[:120]]

    found = server.sync().get(**{kind: wanted})

    assert ids_of(found) == IDS_250[:120]
    assert server.id_counts == [100, 20]
    assert all(param in r.url.params for r in server.requests)


def test_ids_the_server_does_not_know_are_simply_absent():
    server = LookupServer()

    found = server.sync().get(shipment_ids=["A", "missing-1", "B"])

    assert ids_of(found) == ["A", "B"]


def test_ids_are_escaped_and_read_back_as_one_comma_separated_list():
    """The generated operation encodes the parameter (commas as %2C, like Flipkart's own
    SDK); the server reads back exactly the ids, separated by commas."""
    server = LookupServer(shuffle=False)

    server.sync().get(shipment_ids=["a b", "c&d=e", "f/g"])

    request = server.requests[0]
    assert request.url.params["shipmentIds"] == "a b,c&d=e,f/g"
    assert b"&" not in request.url.query.split(b"=", 1)[1]  # no id leaks into another parameter


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({}, "exactly one"),
        ({"shipment_ids": ["A"], "order_ids": ["B"]}, "exactly one"),
        ({"shipment_ids": ["A,B"]}, "comma"),
        ({"shipment_ids": ["A", ""]}, "non-empty"),
        ({"order_ids": [None]}, "non-empty"),
        ({"order_item_ids": 5}, "iterable"),
    ],
)
def test_bad_ids_raise_value_error_before_any_request(kwargs, message):
    server = LookupServer()

    with pytest.raises(ValueError, match=message):
        server.sync().get(**kwargs)
    assert server.requests == []


def test_no_ids_means_no_request():
    server = LookupServer()

    assert server.sync().get(shipment_ids=[]) == []
    assert server.requests == []


def test_lookup_errors_are_typed():
    def handler(request):
        return httpx.Response(404, json={"errors": [{"code": "NOT_FOUND", "description": "gone"}]})

    api = Shipments(httpx.Client(transport=httpx.MockTransport(handler)), BASE)
    with pytest.raises(NotFound):
        api.get(shipment_ids=["A"])

    api = Shipments(
        httpx.Client(transport=httpx.MockTransport(lambda r: httpx.Response(200, text="x"))), BASE
    )
    with pytest.raises(MalformedResponse):
        api.get(shipment_ids=["A"])


@pytest.mark.parametrize("kind", ["labels", "invoices"])
def test_pdf_downloads_return_one_document_per_chunk_in_order(kind):
    server = LookupServer()

    documents = getattr(server.sync(), f"get_{kind}")(IDS_250)

    assert [len(d.shipment_ids) for d in documents] == [100, 100, 50]
    assert [list(d.shipment_ids) for d in documents] == [
        IDS_250[:100],
        IDS_250[100:200],
        IDS_250[200:],
    ]
    assert documents[2].content == PDF + f"{kind}:{','.join(IDS_250[200:])}".encode()
    assert server.requests[0].url.path == f"/sellers/v3/shipments/{','.join(IDS_250[:100])}/{kind}"


@pytest.mark.parametrize("kind", ["labels", "invoices"])
def test_pdf_downloads_write_files_into_a_folder(kind, tmp_path):
    server = LookupServer()
    folder = tmp_path / "out" / "nested"

    saved = getattr(server.sync(), f"save_{kind}")(IDS_250, folder)

    assert [s.path.name for s in saved] == [f"{kind}-001.pdf", f"{kind}-002.pdf", f"{kind}-003.pdf"]
    assert saved[1].path.read_bytes() == PDF + f"{kind}:{','.join(IDS_250[100:200])}".encode()
    assert sorted(p.name for p in folder.iterdir()) == [s.path.name for s in saved]  # no temp files


@pytest.mark.parametrize("kind", ["labels", "invoices"])
async def test_async_pdf_downloads(kind, tmp_path):
    server = LookupServer()
    api = server.asynchronous()

    documents = await getattr(api, f"get_{kind}")(IDS_250[:150])
    saved = await getattr(api, f"save_{kind}")(IDS_250[:150], tmp_path)

    assert [d.content for d in documents] == [s.path.read_bytes() for s in saved]
    assert [d.shipment_ids for d in documents] == [s.shipment_ids for s in saved]
    assert server.id_counts == [100, 50, 100, 50]


def test_a_failed_download_leaves_no_partial_file(tmp_path):
    calls = []

    def handler(request):
        calls.append(request)
        if len(calls) == 2:
            return httpx.Response(500, json={"message": "down"})
        return httpx.Response(200, content=PDF)

    api = Shipments(httpx.Client(transport=httpx.MockTransport(handler)), BASE)
    with pytest.raises(ServerError):
        api.save_labels(IDS_250, tmp_path)

    assert sorted(p.name for p in tmp_path.iterdir()) == ["labels-001.pdf"]
