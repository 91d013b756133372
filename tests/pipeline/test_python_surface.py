"""The Python surface of a generated package: what is read from the code, and how changes rank.

Reading is tested on the committed package (every attribute and argument must trace to
exactly one wire name, or the record could not be trusted); classification on copies of
it edited the way a regeneration would change them, so no generator run is needed.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from api_diff import ERR, INFO, WARN
from python_surface import Surface, compare_surfaces, read_surface

from .conftest import ROOT

COMMITTED = ROOT / "generated" / "flipkart_seller_api"


@pytest.fixture(scope="module")
def committed() -> Surface:
    return read_surface(COMMITTED)


def test_every_attribute_reads_and_writes_one_key_and_every_argument_sends_one_name(
    committed: Surface, normalized: dict[str, Any]
) -> None:
    # One module per operation of the document the committed package was built from.
    operations = [
        (path, method)
        for path, item in normalized["paths"].items()
        for method in item
        if method in {"get", "put", "post", "delete", "patch", "head", "options", "trace"}
    ]
    assert len(committed.endpoints) == len(operations) >= 48
    assert committed.models and committed.enums
    for model in committed.models.values():
        for attribute in model.attributes.values():
            assert attribute.reads and " + " not in attribute.reads, (model.name, attribute)
            assert attribute.writes == attribute.reads, (model.name, attribute)
    for endpoint in committed.endpoints.values():
        for argument in endpoint.arguments.values():
            assert argument.wire != "(not sent)" and " + " not in argument.wire, argument


def test_what_is_read_from_known_modules(committed: Surface) -> None:
    label_only = committed.endpoints["api/shipment_v3/get_labels_only_pdf.py"]
    assert label_only.operation == "POST /v3/shipments/{}/labelOnly/pdf"
    assert set(label_only.functions) == {"sync", "sync_detailed", "asyncio", "asyncio_detailed"}
    ids, reprint = label_only.arguments["shipment_ids"], label_only.arguments["reprint"]
    assert (ids.wire, ids.position, ids.required) == ("path parameter 1", 0, True)
    assert (reprint.wire, reprint.position, reprint.default) == ("query reprint", None, "False")
    shipment_id = committed.models["Shipment"].attributes["shipment_id"]
    assert (shipment_id.reads, shipment_id.writes) == ("shipmentId", "shipmentId")
    assert committed.enums["OrderItemStatus"].members["READY_TO_DISPATCH"] == '"READY_TO_DISPATCH"'
    returns = committed.endpoints["api/returns_v2/get_returns.py"]
    assert returns.arguments["return_ids"].wire == "query returnIds"
    assert "client.py::AuthenticatedClient" in committed.names


def _edited(tmp_path: Path, edits: dict[str, Callable[[str], str]]) -> Surface:
    package = tmp_path / "flipkart_seller_api"
    shutil.copytree(COMMITTED, package, ignore=shutil.ignore_patterns("__pycache__"))
    for module, edit in edits.items():
        path = package / module
        text = path.read_text()
        edited = edit(text)
        assert edited != text, module
        if edited:
            path.write_text(edited)
        else:
            path.unlink()
    return read_surface(package)


def _found(old: Surface, new: Surface) -> list[tuple[str, str, str]]:
    return [(c.level, c.check, c.path) for c in compare_surfaces(old, new)]


def test_identical_packages_have_no_change(committed: Surface) -> None:
    assert compare_surfaces(committed, read_surface(COMMITTED)) == []


def test_a_renamed_enum_class_is_a_name_change_not_a_removal(
    committed: Surface, tmp_path: Path
) -> None:
    def rename(text: str) -> str:
        return text.replace("class SortOrder(", "class SortDirection(")

    found = _found(committed, _edited(tmp_path, {"models/sort_order.py": rename}))
    assert found == [(ERR, "python-name-changed", "models/sort_order.py")]


def test_functions_arguments_and_return_types(committed: Surface, tmp_path: Path) -> None:
    module = "api/shipment_v3/get_labels_only_pdf.py"

    def edit(text: str) -> str:
        text = text.replace("async def asyncio(", "async def _asyncio(")
        # The path argument becomes keyword-only, reprint loses its default.
        return text.replace(
            "    shipment_ids: str,\n    *,\n    client",
            "    *,\n    shipment_ids: str,\n    client",
        ).replace("reprint: bool | Unset = False,\n) -> Response", "reprint: bool,\n) -> Response")

    found = _found(committed, _edited(tmp_path, {module: edit}))
    assert sorted(found) == [
        (ERR, "python-argument-order-changed", f"{module}::shipment_ids="),
        (ERR, "python-function-removed", f"{module}::asyncio"),
        (ERR, "python-keyword-became-required", f"{module}::reprint="),
        (WARN, "python-keyword-type-changed", f"{module}::reprint="),
    ]


def test_models_attributes_and_to_dict_keys(committed: Surface, tmp_path: Path) -> None:
    def edit(text: str) -> str:
        # to_dict writes dispatchByDate under another key; from_dict still reads the old one.
        return text.replace('field_dict["dispatchByDate"]', 'field_dict["dispatch_by_date"]')

    edits = {"models/shipment.py": edit, "models/tax_item.py": lambda _text: ""}
    found = _found(committed, _edited(tmp_path, edits))
    assert sorted(found) == [
        (ERR, "python-model-removed", "models/tax_item.py"),
        (ERR, "python-to-dict-key-changed", "models/shipment.py::Shipment.dispatch_by_date"),
    ]


def test_public_names_of_the_other_modules(committed: Surface, tmp_path: Path) -> None:
    def edit(text: str) -> str:
        return text.replace("def with_timeout(", "def with_deadline(")

    found = _found(committed, _edited(tmp_path, {"client.py": edit}))
    assert (ERR, "python-name-removed", "client.py::Client.with_timeout") in found
    assert (INFO, "python-name-added", "client.py::Client.with_deadline") in found
