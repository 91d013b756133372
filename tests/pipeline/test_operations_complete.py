"""Every operation of the committed normalized document has a generated sync and asyncio function."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
import re
from typing import Any

import flipkart_seller_api.api
from spec_fixups import iter_operations

METHOD_RE = re.compile(r'"method": "(\w+)"')
URL_RE = re.compile(r'"url": (?:f?)"([^"]+)"')


def _template(path: str) -> str:
    return re.sub(r"\{[^}]+\}", "{}", path)


def generated_operations() -> dict[tuple[str, str], Any]:
    found: dict[tuple[str, str], Any] = {}
    package = flipkart_seller_api.api
    for module_info in pkgutil.walk_packages(package.__path__, package.__name__ + "."):
        module = importlib.import_module(module_info.name)
        if not hasattr(module, "_get_kwargs"):
            continue
        source = inspect.getsource(module._get_kwargs)
        method = METHOD_RE.search(source)
        url = URL_RE.search(source)
        assert method and url, f"{module_info.name}: cannot read method/url"
        key = (method.group(1).upper(), _template(url.group(1)))
        assert key not in found, f"two generated modules for {key}"
        found[key] = module
    return found


def test_each_operation_has_sync_and_async_functions(normalized: dict[str, Any]) -> None:
    """Judged by importing the package, independently of scripts/generated_operations.py."""
    generated = generated_operations()
    expected = [(method, _template(path)) for method, path, _op in iter_operations(normalized)]
    assert len(expected) == len(set(expected)) > 0
    missing = [op for op in expected if op not in generated]
    assert not missing, f"operations dropped by generation: {missing}"
    for key in expected:
        module = generated[key]
        # The generator emits sync()/asyncio() only when there is a body to parse;
        # *_detailed are always there and return the status, headers and bytes.
        assert callable(getattr(module, "sync_detailed", None)), module.__name__
        assert inspect.iscoroutinefunction(getattr(module, "asyncio_detailed", None)), (
            module.__name__
        )
        parses_body = inspect.signature(module._parse_response).return_annotation is not Any
        if parses_body:
            assert callable(getattr(module, "sync", None)), module.__name__
            assert inspect.iscoroutinefunction(getattr(module, "asyncio", None)), module.__name__
    assert len(generated) == len(expected)


def test_shipment_filter_has_a_typed_request_body() -> None:
    from flipkart_seller_api.api.shipment_v3 import search_pre_dispatch_shipment_post as op
    from flipkart_seller_api.models.search_shipment_request import SearchShipmentRequest
    from flipkart_seller_api.models.search_shipment_response import SearchShipmentResponse

    for function in (op.sync_detailed, op.asyncio_detailed):
        parameters = inspect.signature(function, eval_str=True).parameters
        assert parameters["body"].annotation is SearchShipmentRequest
    kwargs = op._get_kwargs(
        body=SearchShipmentRequest.from_dict({"filter": {"type": "preDispatch"}})
    )
    assert kwargs["method"] == "post"
    assert kwargs["headers"]["Content-Type"] == "application/json"
    assert kwargs["json"] == {"filter": {"type": "preDispatch"}}
    assert "SearchShipmentResponse" in inspect.getsource(op._parse_response)
    assert SearchShipmentResponse.from_dict({"hasMore": False}).has_more is False


def test_both_delivery_attempt_twins_are_generated() -> None:
    from flipkart_seller_api.api.orders_v2 import submit_self_ship_deliver_attempt_request_v2 as v2
    from flipkart_seller_api.api.shipment_v3 import (
        submit_self_ship_deliver_attempt_request_v3 as v3,
    )
    from flipkart_seller_api.types import UNSET

    assert v2._get_kwargs(body=UNSET)["url"] == "/v2/shipments/deliveryAttempt"
    assert v3._get_kwargs(body=UNSET)["url"] == "/v3/shipments/selfShip/deliveryAttempt"
