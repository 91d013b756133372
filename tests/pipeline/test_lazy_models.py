"""Importing the package or one operation does not import every model module."""

from __future__ import annotations

import subprocess
import sys

PROBE = """
import sys
import {target}
loaded = sorted(m for m in sys.modules if m.startswith("flipkart_seller_api.models."))
print(len(loaded))
print(",".join(loaded))
"""


def _loaded_models(target: str) -> list[str]:
    output = subprocess.run(
        [sys.executable, "-c", PROBE.format(target=target)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.splitlines()
    return [name for name in output[1].split(",") if name]


def test_package_import_loads_no_model() -> None:
    assert _loaded_models("flipkart_seller_api") == []


def test_one_operation_loads_only_its_own_models() -> None:
    loaded = _loaded_models("flipkart_seller_api.api.shipment_v3.search_pre_dispatch_shipment_post")
    assert "flipkart_seller_api.models.search_shipment_request" in loaded
    assert "flipkart_seller_api.models.create_listing_request" not in loaded
    assert len(loaded) < 10, loaded


def test_lazy_attribute_access_still_works() -> None:
    import flipkart_seller_api.models as models

    assert models.Shipment.__name__ == "Shipment"
    assert "Shipment" in dir(models)
    assert set(models.__all__) >= {"Shipment", "SearchShipmentRequest", "Filter"}
    try:
        models.DoesNotExist  # noqa: B018
    except AttributeError as exc:
        assert "DoesNotExist" in str(exc)
    else:
        raise AssertionError("unknown model name did not raise AttributeError")
