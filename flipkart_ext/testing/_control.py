"""The control endpoints under ``/_emulator/``: drive the emulator over HTTP.

For users outside Python and for the CLI. They need no credentials (the emulator listens
on loopback) and are never delayed or faulted. ``GET /_emulator/`` lists them (the
:data:`ENDPOINTS` table below, which the router and the listing share).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any, Protocol

from ._faults import Faults
from ._wire import Request, Response, error_response, json_response

__all__ = ["ENDPOINTS", "ControlApi", "Controllable"]

ENDPOINTS: tuple[tuple[str, str, str], ...] = (
    ("GET", "/_emulator/", "this list"),
    ("GET", "/_emulator/state", "counts of orders, shipments per state, tokens, calls; no secrets"),
    ("POST", "/_emulator/reset", "back to a fresh emulator (same seed, same ids)"),
    (
        "POST",
        "/_emulator/faults",
        '{"clear", "faults": [...], "latency", "noise"}: see Faults.configure',
    ),
    (
        "POST",
        "/_emulator/tokens/expire",
        'every access token expires; {"refresh_tokens": true} too',
    ),
    ("POST", "/_emulator/tokens/revoke", '{"token": "..."} revokes that access or refresh token'),
    (
        "POST",
        "/_emulator/test_orders",
        '{"count", "state", "sku", "location_id", "shipment_type", "items_per_order", '
        '"quantity", "hold", "cancellation_type", "form_failure"}: answers {"shipmentIds"}',
    ),
    (
        "POST",
        "/_emulator/returns",
        '{"count", "source", "order_item_ids", "shipment_type"}: answers {"returnIds"}',
    ),
    (
        "POST",
        "/_emulator/listings",
        '{"count"} or {"skus": [...]}, with "inventory", "mrp", "selling_price", "status": '
        'answers {"skus"}',
    ),
    (
        "POST",
        "/_emulator/notify",
        '{"url", "max_attempts", "backoff", "max_backoff", "duplicate_rate", "timeout"} '
        'registers the webhook receiver ("url": null stops)',
    ),
    ("GET", "/_emulator/notify", "the webhook settings and delivery counts"),
)
"""Every control endpoint: method, path, what it does (``GET /_emulator/`` answers it)."""


def _listing() -> dict[str, Any]:
    return {
        "endpoints": [
            {"method": method, "path": path, "description": description}
            for method, path, description in ENDPOINTS
        ]
    }


_TEST_ORDER_OPTIONS = frozenset(
    {
        "count",
        "state",
        "sku",
        "location_id",
        "shipment_type",
        "items_per_order",
        "quantity",
        "hold",
        "cancellation_type",
        "form_failure",
    }
)
_RETURN_OPTIONS = frozenset({"count", "source", "order_item_ids", "shipment_type"})
_LISTING_OPTIONS = frozenset({"inventory", "mrp", "selling_price", "status"})


class Controllable(Protocol):
    """What the control endpoints act on (the Emulator)."""

    @property
    def faults(self) -> Faults: ...

    def reset(self) -> None: ...

    def expire_tokens(self, *, refresh_tokens: bool = False) -> int: ...

    def revoke_token(self, token: str) -> bool: ...

    @property
    def create_test_orders(self) -> Callable[..., list[str]]: ...

    @property
    def create_returns(self) -> Callable[..., list[str]]: ...

    @property
    def add_listings(self) -> Callable[..., list[str]]: ...

    def notify(self, url: str | None, **settings: Any) -> Any: ...

    @property
    def webhooks(self) -> Any: ...

    def state(self) -> dict[str, Any]: ...


def _check_options(body: dict[str, Any], allowed: frozenset[str]) -> None:
    unknown = set(body) - allowed
    if unknown:
        raise ValueError(f"unknown options: {', '.join(sorted(unknown))}")


class ControlApi:
    """Answers the control endpoints for one emulator."""

    def __init__(self, target: Controllable) -> None:
        self._target = target

    def handle(self, request: Request) -> Response:
        """Route one control request."""
        route = (request.method, request.path.rstrip("/"))
        try:
            body = json.loads(request.body) if request.body.strip() else {}
        except ValueError:
            return error_response(400, "invalid_request", "body is not JSON")
        if not isinstance(body, dict):
            return error_response(400, "invalid_request", "body must be a JSON object")
        target = self._target
        try:
            if route == ("GET", "/_emulator"):
                return json_response(_listing())
            if route == ("GET", "/_emulator/state"):
                return json_response(target.state())
            if route == ("POST", "/_emulator/reset"):
                target.reset()
                return json_response(target.state())
            if route == ("POST", "/_emulator/faults"):
                target.faults.configure(body)
                return json_response(target.faults.snapshot())
            if route == ("POST", "/_emulator/tokens/expire"):
                count = target.expire_tokens(refresh_tokens=bool(body.get("refresh_tokens")))
                return json_response({"expired": count})
            if route == ("POST", "/_emulator/tokens/revoke"):
                token = body.get("token")
                if not isinstance(token, str) or not token:
                    return error_response(400, "invalid_request", "token is required")
                return json_response({"revoked": target.revoke_token(token)})
            if route == ("POST", "/_emulator/test_orders"):
                _check_options(body, _TEST_ORDER_OPTIONS)
                return json_response({"shipmentIds": target.create_test_orders(**body)})
            if route == ("POST", "/_emulator/returns"):
                _check_options(body, _RETURN_OPTIONS)
                return json_response({"returnIds": target.create_returns(**body)})
            if route == ("POST", "/_emulator/listings"):
                _check_options(body, _LISTING_OPTIONS | {"count", "skus"})
                if ("count" in body) == ("skus" in body):
                    raise ValueError("give either count or skus")
                which = body.pop("count") if "count" in body else body.pop("skus")
                if not isinstance(which, int | list) or isinstance(which, bool):
                    raise ValueError("count must be an integer and skus a list of SKUs")
                return json_response({"skus": target.add_listings(which, **body)})
            if route == ("POST", "/_emulator/notify"):
                if "url" not in body:
                    raise ValueError("url is required (null stops notifications)")
                settings = target.notify(body.pop("url"), **body)
                return json_response(settings.to_json())
            if route == ("GET", "/_emulator/notify"):
                return json_response(target.webhooks.summary())
        except (TypeError, ValueError) as exc:
            return error_response(400, "invalid_request", str(exc))
        return error_response(
            404, "not_found", f"No control endpoint {request.method} {request.path}"
        )
