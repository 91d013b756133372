"""Every element of the chaos grammar, once, named: the same properties as the drawn tests,
for one fault at a time, so that ``make test`` covers each class deterministically and a
failure's test id names its class (``[body-deep-100000]``, ``[encoding-gzip-truncated]``).

The drawn tests (``test_lists``, ``test_documents``, ``test_batches``...) remain the ones
that combine faults; these are their catalogue.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from ._grammar import (
    BAD_UTF8,
    ENCODINGS,
    INFORMATIONAL_ANSWERS,
    NUMBERS,
    RETRY_AFTER_VALUES,
    BodyFault,
    Chaos,
    Truth,
)
from ._harness import Scenario, run
from ._server import FRAMINGS, Cut, Request
from .test_batches import BULKS, check_results
from .test_batches import _operation as bulk_operation
from .test_documents import _operations as document_operations
from .test_documents import check_documents
from .test_documents import truth as document_truth
from .test_lists import LISTS, _walk_async, _walk_sync, check_walk, page_doc


def _cases(kind: str) -> dict[str, Chaos]:
    body: dict[str, BodyFault] = {
        "random": BodyFault("random", value=b"\x00\xff{"),
        "truncate": BodyFault("truncate", 25),
        "deep-100000": BodyFault("deep", 3, 100_000),
        "wrong-type-null": BodyFault("wrong_type", 0, None),
        "wrong-type-text": BodyFault("wrong_type", 0, "x"),
        "wrong-type-object": BodyFault("wrong_type", 0, {"a": 1}),
        "wrong-type-item": BodyFault("wrong_type", 1, 5),
        "wrong-type-item-null": BodyFault("wrong_type", 1, None),
        "duplicate-first-key-empty": BodyFault("duplicate", 0, [], True),
        "duplicate-first-key-after": BodyFault("duplicate", 0, [], False),
        "html": BodyFault("html"),
        "pdf": BodyFault("pdf"),
        "empty": BodyFault("empty"),
        "bom": BodyFault("bom"),
        "whitespace": BodyFault("whitespace"),
        "two-documents": BodyFault("two_documents"),
        "trailing-nul": BodyFault("trailing", value=b"\x00"),
    }
    body |= {f"number-{n[:12]}": BodyFault("number", 4, n) for n in NUMBERS}
    body |= {f"utf8-{b.hex()}": BodyFault("utf8", 0, b) for b in BAD_UTF8}
    if kind == "pdf":
        body = {
            "random": BodyFault("random", value=b"\x00\xff"),
            "truncate": BodyFault("truncate", 30),
            "html": BodyFault("html"),
            "json": BodyFault("json"),
            "empty": BodyFault("empty"),
            "bom": BodyFault("bom"),
            "leading-space": BodyFault("leading_space"),
            "lowercase": BodyFault("lowercase"),
            "no-dash": BodyFault("no_dash"),
        }
    cases = {f"body-{name}": Chaos(body=fault) for name, fault in body.items()}
    cases |= {f"encoding-{e.replace(', ', '+')}": Chaos(encoding=e) for e in ENCODINGS}
    cases |= {f"framing-{f}": Chaos(framing=f) for f in FRAMINGS}
    cases |= {f"preamble-{n}": Chaos(informational=i) for n, i in enumerate(INFORMATIONAL_ANSWERS)}
    cases |= {
        f"status-{s}": Chaos(status=s) for s in (101, 199, 204, 206, 299, 302, 304, 418, 499, 599)
    }
    cases |= {
        f"retry-after-{v.decode()[:20]}": Chaos(status=429, headers=((b"Retry-After", v),))
        for v in RETRY_AFTER_VALUES
    }
    cases |= {
        "cut-reset-in-head": Chaos(cut=Cut("reset", 5)),
        "cut-close-in-head": Chaos(cut=Cut("close", 5)),
        "cut-reset-in-body": Chaos(cut=Cut("reset", -10)),
        "cut-close-in-close-delimited-body": Chaos(framing="close", cut=Cut("close", -10)),
        "cut-stall": Chaos(cut=Cut("stall", -10)),
        "cut-trickle-slow": Chaos(cut=Cut("trickle", 0, 0.15)),
        "cut-trickle-fast": Chaos(cut=Cut("trickle", 0, 0.0005)),
        "header-nul": Chaos(headers=((b"X-Nul", b"a\x00b"),)),
        "header-no-colon": Chaos(headers=((b"Bad Header", b"x"),)),
        "header-70kb": Chaos(headers=((b"X-Long", b"v" * 70_000),)),
        "header-two-content-types": Chaos(headers=((b"Content-Type", b"text/html"),)),
        "content-type-html": Chaos(content_type=b"text/html; charset=utf-8"),
        "content-type-none": Chaos(content_type=b""),
    }
    return cases


JSON_CASES = _cases("json")
PDF_CASES = _cases("pdf")
# Framing, preamble, cuts and headers meet the transport every call shares: the search
# covers them; a bulk call adds what it reads differently (body, coding, status).
BULK_CASES = {
    name: chaos
    for name, chaos in JSON_CASES.items()
    if name.startswith(("body-", "encoding-", "status-", "retry-after-"))
}


@pytest.mark.parametrize("case", list(JSON_CASES))
def test_a_shipment_search_meeting_one_fault(case: str) -> None:
    wire = LISTS["shipments"]
    pages = [[{wire.item_id: f"I-{p}-{k}", "extra": k} for k in range(2)] for p in range(2)]

    def truth(request: Request) -> Truth | None:
        page = wire.page_of(request)
        if page is None or not 0 <= page < len(pages):
            return None
        return Truth(page_doc(wire, page, pages[page], page == len(pages) - 1))

    # The fault meets every attempt at the first page: retries cannot hide it.
    scenario = Scenario(truth, [JSON_CASES[case]] * 3, calls=len(pages))
    outcome = run("sync", scenario, _walk_sync("shipments", "search", True), _walk_async)
    check_walk(scenario, wire, pages, "search", outcome, True)


@pytest.mark.parametrize("case", list(BULK_CASES))
def test_a_stock_update_meeting_one_fault(case: str) -> None:
    bulk = BULKS["update_inventory"]
    keys = [f"SKU-{n}" for n in range(3)]

    def truth(request: Request) -> Truth | None:
        return Truth(bulk.answer([(k, "SUCCESS") for k in bulk.carried(request)]))

    scenario = Scenario(truth, [BULK_CASES[case]] * 3, calls=1)
    outcome = run("sync", scenario, *bulk_operation(bulk, keys))
    check_results(scenario, bulk, keys, outcome)


@pytest.mark.parametrize("case", list(PDF_CASES))
def test_saving_labels_meeting_one_fault(case: str, tmp_path: Path) -> None:
    scenario = Scenario(document_truth, [PDF_CASES[case]] * 3, calls=1)
    operations: Any = document_operations("save_labels", ["SH-1"], tmp_path, True, False)
    outcome = run("sync", scenario, *operations)
    check_documents(scenario, "save_labels", ["SH-1"], outcome, tmp_path)
