"""Wire chaos against PDF downloads: get_labels, save_labels and the manifest.

Property: a document handed over (or written) is exactly the body of a 2xx answer to its
own request, and starts with ``%PDF-``; no file is written when the body is not a PDF (after
the call, every file in the folder is such a document: no HTML page saved as
``labels-001.pdf``, no half-written ``.part`` left behind); otherwise the call raises a
``FlipkartError``. Within ``chunks x (total_timeout + timeout) + slack``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ._grammar import DIMENSIONS, PDF, Truth, answers, pdf_body_faults
from ._harness import CHAOS_SETTINGS, Scenario, check_error, pdf_bodies, run
from ._server import Request

pytestmark = [pytest.mark.chaos]

MAGIC = b"%PDF-"


def pdf_for(request: Request) -> bytes:
    # Each request gets its own document, so a PDF handed over for the wrong request shows.
    return (
        b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj << /Title ("
        + request.target.encode()
        + b") >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
    )


def served_pdfs(scenario: Scenario, matches: Any) -> list[bytes]:
    return [
        body
        for request, delivery in scenario.api_log()
        if matches(request)
        for body in pdf_bodies(delivery, scenario.trickle_limit)
    ]


def _is_document(request: Request) -> bool:
    path = request.path.removeprefix("/sellers")
    return path.endswith(("/labels", "/labelOnly/pdf")) or path == "/v3/shipments/manifest"


def truth(request: Request) -> Truth | None:
    if not _is_document(request):
        return None
    return Truth(raw=pdf_for(request), content_type=PDF)


def check_folder(folder: Path, scenario: Scenario) -> None:
    served = served_pdfs(scenario, _is_document)
    for path in sorted(folder.rglob("*")):
        if path.is_dir():
            continue
        content = path.read_bytes()
        assert content.startswith(MAGIC), (
            f"{path.name} was written but is not a PDF: {content[:60]!r}"
        )
        assert content in served, f"{path.name} holds bytes no 2xx answer served: {content[:60]!r}"
        assert path.suffix == ".pdf", f"left behind: {path.name}"


def check_documents(
    scenario: Scenario, operation: str, ids: list[str], outcome: Any, folder: Path
) -> None:
    check_error(outcome, scenario)
    check_folder(folder, scenario)
    if outcome.error is not None:
        return
    if operation == "manifest":
        content = outcome.value if isinstance(outcome.value, bytes) else outcome.value.read_bytes()
        documents = [content]
    elif operation == "save_labels":
        documents = [saved.path.read_bytes() for saved in outcome.value]
        assert [list(saved.shipment_ids) for saved in outcome.value] == [ids]
    else:
        documents = [document.content for document in outcome.value]
        assert [list(document.shipment_ids) for document in outcome.value] == [ids]
    assert len(documents) == 1
    for content in documents:
        assert content.startswith(MAGIC), f"handed over as a PDF: {content[:60]!r}"
        assert content in served_pdfs(scenario, _is_document), (
            f"handed over bytes no 2xx answer served: {content[:60]!r}"
        )


def _operations(operation: str, ids: list[str], folder: Path, invoice: bool, to_file: bool):  # type: ignore[no-untyped-def]
    def call(client: Any) -> Any:
        shipments = client.shipments
        if operation == "get_labels":
            return shipments.get_labels(ids, invoice=invoice)
        if operation == "save_labels":
            return shipments.save_labels(ids, folder, invoice=invoice)
        out = folder / "manifest.pdf" if to_file else None
        return shipments.manifest("VG-1", location_id="LOC1", out=out)

    def sync_operation(client: Any, partial: list[Any]) -> Any:
        return call(client)

    async def async_operation(client: Any, partial: list[Any]) -> Any:
        return await call(client)

    return sync_operation, async_operation


@pytest.mark.parametrize("dimension", DIMENSIONS)
@settings(
    CHAOS_SETTINGS,
    suppress_health_check=[
        *CHAOS_SETTINGS.suppress_health_check,
        HealthCheck.function_scoped_fixture,
    ],
)
@given(data=st.data())
def test_a_document_is_a_served_pdf_or_an_error(
    dimension: str, data: st.DataObject, tmp_path: Path
) -> None:
    operation = data.draw(st.sampled_from(["get_labels", "save_labels", "manifest"]), label="op")
    ids = data.draw(st.sampled_from([["SH-1"], ["SH-1", "SH-2", "SH-3"]]), label="ids")
    invoice = data.draw(st.booleans(), label="invoice")
    to_file = data.draw(st.booleans(), label="to_file")
    drawn = data.draw(answers(dimension, pdf_body_faults), label="answers")
    flavour = data.draw(st.sampled_from(["sync", "async"]), label="flavour")
    folder = tmp_path / f"run-{len(list(tmp_path.iterdir()))}"
    folder.mkdir()
    scenario = Scenario(truth, drawn, calls=1)
    sync_operation, async_operation = _operations(operation, ids, folder, invoice, to_file)
    outcome = run(flavour, scenario, sync_operation, async_operation)
    check_documents(scenario, operation, ids, outcome, folder)


@pytest.mark.parametrize("operation", ["get_labels", "save_labels", "manifest"])
@pytest.mark.parametrize("flavour", ["sync", "async"])
def test_without_chaos_the_document_is_handed_over(
    operation: str, flavour: str, tmp_path: Path
) -> None:
    scenario = Scenario(truth, [], calls=1)
    sync_operation, async_operation = _operations(operation, ["SH-1"], tmp_path, True, True)
    outcome = run(flavour, scenario, sync_operation, async_operation)
    assert outcome.error is None
    check_documents(scenario, operation, ["SH-1"], outcome, tmp_path)
