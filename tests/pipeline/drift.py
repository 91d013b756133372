"""Drifted upstream documents: the frozen Swagger 2.0 copy, each changed one way.

Each ``Drift`` changes a deep copy of ``fixtures/upstream-swagger.json`` the way Flipkart
could change its document, and names what the classified diff must say about it
(level, check id and JSON pointer in the normalized OpenAPI 3.0 document). The
expectations are written from the OpenAPI and oasdiff rules, not read off the differ.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

Doc = dict[str, Any]
ERR, WARN, INFO = "ERR", "WARN", "INFO"
S = "#/components/schemas"
FILTER_GET = "#/paths/~1v3~1shipments~1filter/get"
SHIPMENTS_GET = "#/paths/~1v3~1shipments/get"
RETURNS_GET = "#/paths/~1v2~1returns/get"


@dataclass(frozen=True)
class Drift:
    name: str
    change: Callable[[Doc], None]
    expected: tuple[tuple[str, str, str], ...]

    def apply(self, upstream: Doc) -> Doc:
        document = copy.deepcopy(upstream)
        self.change(document)
        return document

    @property
    def breaking(self) -> bool:
        return any(level == ERR for level, _check, _path in self.expected)


def definitions(doc: Doc) -> dict[str, Any]:
    result: dict[str, Any] = doc["definitions"]
    return result


def operation(doc: Doc, method: str, path: str) -> dict[str, Any]:
    result: dict[str, Any] = doc["paths"][path][method]
    return result


def _new_operation(doc: Doc) -> None:
    definitions(doc)["ShipmentHistory"] = {
        "type": "object",
        "properties": {
            "shipmentId": {"type": "string"},
            "events": {"type": "array", "items": {"type": "string"}},
        },
    }
    doc["paths"]["/v3/shipments/{shipmentIds}/history"] = {
        "get": {
            "tags": ["Shipment V3"],
            "summary": "Status history of shipments",
            "operationId": "getShipmentHistory",
            "parameters": [
                {"name": "shipmentIds", "in": "path", "required": True, "type": "string"}
            ],
            "responses": {
                "200": {
                    "description": "successful operation",
                    "schema": {"$ref": "#/definitions/ShipmentHistory"},
                }
            },
            "produces": ["application/json"],
            "security": [{"Bearer": []}],
        }
    }


def _rename(properties: dict[str, Any], old: str, new: str) -> None:
    properties[new] = properties.pop(old)


ADDITIVE = (
    Drift(
        "new-response-field",
        lambda d: definitions(d)["Shipment"]["properties"].update(addedByDrift={"type": "string"}),
        ((INFO, "response-optional-property-added", f"{S}/Shipment/properties/addedByDrift"),),
    ),
    Drift(
        "new-request-field",
        lambda d: definitions(d)["Filter"]["properties"].update(addedByDrift={"type": "string"}),
        ((INFO, "new-optional-request-property", f"{S}/Filter/properties/addedByDrift"),),
    ),
    Drift(
        "new-request-enum-value",
        lambda d: definitions(d)["Filter"]["properties"]["type"]["enum"].append("onHold"),
        ((INFO, "request-property-enum-value-added", f"{S}/Filter/properties/type/enum"),),
    ),
    Drift(
        "new-response-enum-value",
        lambda d: definitions(d)["OrderItem"]["properties"]["status"]["enum"].append("ON_HOLD"),
        ((WARN, "response-property-enum-value-added", f"{S}/OrderItem/properties/status/enum"),),
    ),
    Drift(
        "new-operation-and-model",
        _new_operation,
        (
            (INFO, "endpoint-added", "#/paths/~1v3~1shipments~1{shipmentIds}~1history/get"),
            (INFO, "api-schema-added", f"{S}/ShipmentHistory"),
        ),
    ),
    Drift(
        "security-scheme-changed",
        lambda d: d["securityDefinitions"]["Bearer"].update(name="X-Authorization"),
        ((WARN, "api-security-component-type-changed", "#/components/securitySchemes/Bearer"),),
    ),
)


def _made_required(doc: Doc) -> None:
    definitions(doc)["SearchShipmentRequest"]["required"] = ["filter"]


def _new_required_property(doc: Doc) -> None:
    schema = definitions(doc)["Filter"]
    schema["properties"]["sellerRef"] = {"type": "string"}
    schema["required"].append("sellerRef")


def _new_required_parameter(doc: Doc) -> None:
    operation(doc, "get", "/v3/shipments/filter")["parameters"].append(
        {"name": "locationId", "in": "query", "required": True, "type": "string"}
    )


def _model_removed(doc: Doc) -> None:
    del definitions(doc)["FailureAttributes"]
    del definitions(doc)["DeliverAttemptRequest"]["properties"]["failureAttributes"]


def _status_moved(doc: Doc) -> None:
    responses = operation(doc, "get", "/v2/returns")["responses"]
    responses["201"] = responses.pop("200")


BREAKING = (
    Drift(
        "operation-removed",
        lambda d: d["paths"].pop("/v2/returns"),
        ((ERR, "api-removed-without-deprecation", RETURNS_GET),),
    ),
    Drift(
        "response-field-renamed",
        lambda d: _rename(
            definitions(d)["SearchShipmentResponse"]["properties"], "nextPageUrl", "nextPageLink"
        ),
        (
            (
                ERR,
                "response-optional-property-removed",
                f"{S}/SearchShipmentResponse/properties/nextPageUrl",
            ),
            (
                INFO,
                "response-optional-property-added",
                f"{S}/SearchShipmentResponse/properties/nextPageLink",
            ),
        ),
    ),
    Drift(
        "response-field-removed",
        lambda d: definitions(d)["Shipment"]["properties"].pop("mps"),
        ((ERR, "response-optional-property-removed", f"{S}/Shipment/properties/mps"),),
    ),
    Drift(
        "response-field-type-changed",
        lambda d: definitions(d)["OrderItem"]["properties"].update(quantity={"type": "string"}),
        ((ERR, "response-property-type-changed", f"{S}/OrderItem/properties/quantity"),),
    ),
    Drift(
        "response-enum-value-removed",
        lambda d: definitions(d)["OrderItem"]["properties"]["paymentType"]["enum"].remove("COD"),
        (
            (
                ERR,
                "response-property-enum-value-removed",
                f"{S}/OrderItem/properties/paymentType/enum",
            ),
        ),
    ),
    Drift(
        "request-field-renamed",
        lambda d: _rename(definitions(d)["Filter"]["properties"], "locationId", "locationID"),
        (
            (ERR, "request-property-removed", f"{S}/Filter/properties/locationId"),
            (INFO, "new-optional-request-property", f"{S}/Filter/properties/locationID"),
        ),
    ),
    Drift(
        "request-field-type-changed",
        lambda d: definitions(d)["Filter"]["properties"].update(locationId={"type": "integer"}),
        ((ERR, "request-property-type-changed", f"{S}/Filter/properties/locationId"),),
    ),
    Drift(
        "request-enum-value-removed",
        lambda d: definitions(d)["Filter"]["properties"]["states"]["items"]["enum"].remove(
            "APPROVED"
        ),
        ((ERR, "request-property-enum-value-removed", f"{S}/Filter/properties/states/items/enum"),),
    ),
    Drift(
        "request-property-made-required",
        _made_required,
        (
            (
                ERR,
                "request-property-became-required",
                f"{S}/SearchShipmentRequest/properties/filter",
            ),
        ),
    ),
    Drift(
        "new-required-request-property",
        _new_required_property,
        ((ERR, "new-required-request-property", f"{S}/Filter/properties/sellerRef"),),
    ),
    Drift(
        "parameter-made-required",
        lambda d: operation(d, "get", "/v3/shipments/filter")["parameters"][0].update(
            required=True
        ),
        ((ERR, "request-parameter-became-required", f"{FILTER_GET}/parameters/0"),),
    ),
    Drift(
        "new-required-parameter",
        _new_required_parameter,
        ((ERR, "new-required-request-parameter", f"{FILTER_GET}/parameters/1"),),
    ),
    Drift(
        "parameter-removed",
        lambda d: operation(d, "get", "/v3/shipments")["parameters"].pop(2),
        ((ERR, "request-parameter-removed", f"{SHIPMENTS_GET}/parameters/2"),),
    ),
    Drift(
        "parameter-type-changed",
        lambda d: operation(d, "get", "/v2/returns")["parameters"][0].update(type="integer"),
        ((ERR, "request-parameter-type-changed", f"{RETURNS_GET}/parameters/0/schema"),),
    ),
    Drift(
        "parameter-location-changed",
        lambda d: operation(d, "get", "/v3/shipments")["parameters"][0].update({"in": "header"}),
        ((ERR, "request-parameter-location-changed", f"{SHIPMENTS_GET}/parameters/0"),),
    ),
    Drift(
        "request-body-made-required",
        lambda d: operation(d, "post", "/v2/returns/cancel")["parameters"][0].update(required=True),
        ((ERR, "request-body-became-required", "#/paths/~1v2~1returns~1cancel/post/requestBody"),),
    ),
    Drift(
        "request-content-type-changed",
        lambda d: operation(d, "post", "/v2/returns/cancel").update(consumes=["application/xml"]),
        (
            (
                ERR,
                "request-body-media-type-removed",
                "#/paths/~1v2~1returns~1cancel/post/requestBody/content/application~1json",
            ),
            (
                INFO,
                "request-body-media-type-added",
                "#/paths/~1v2~1returns~1cancel/post/requestBody/content/application~1xml",
            ),
        ),
    ),
    Drift(
        "response-content-type-changed",
        lambda d: operation(d, "get", "/v2/returns").update(produces=["application/xml"]),
        (
            (
                ERR,
                "response-media-type-removed",
                f"{RETURNS_GET}/responses/200/content/application~1json",
            ),
            (
                INFO,
                "response-media-type-added",
                f"{RETURNS_GET}/responses/200/content/application~1xml",
            ),
        ),
    ),
    Drift(
        "success-status-changed",
        _status_moved,
        (
            (ERR, "response-success-status-removed", f"{RETURNS_GET}/responses/200"),
            (INFO, "response-success-status-added", f"{RETURNS_GET}/responses/201"),
        ),
    ),
    Drift(
        "model-removed",
        _model_removed,
        (
            (ERR, "api-schema-removed", f"{S}/FailureAttributes"),
            # DeliverAttemptRequest is sent (through the components/requestBodies of the two
            # delivery-attempt operations), never received: judged as a request only.
            (
                ERR,
                "request-property-removed",
                f"{S}/DeliverAttemptRequest/properties/failureAttributes",
            ),
        ),
    ),
    Drift(
        "operation-id-changed",
        lambda d: operation(d, "get", "/v2/returns").update(operationId="fetchReturns"),
        ((ERR, "api-operation-id-removed", f"{RETURNS_GET}/operationId"),),
    ),
    Drift(
        "tag-changed",
        lambda d: operation(d, "get", "/v2/returns").update(tags=["Returns V3"]),
        ((ERR, "api-tag-removed", f"{RETURNS_GET}/tags"),),
    ),
)


def _collision(doc: Doc) -> None:
    doc["paths"]["/v3/shipments/{ids}/details"] = {
        "get": {
            "tags": ["Shipment V3"],
            "summary": "Details of shipments",
            "operationId": "get_shipment_details",
            "parameters": [{"name": "ids", "in": "path", "required": True, "type": "string"}],
            "responses": {"200": {"description": "successful operation"}},
            "security": [{"Bearer": []}],
        }
    }


COLLISION = Drift(
    "collision",
    _collision,
    ((INFO, "endpoint-added", "#/paths/~1v3~1shipments~1{ids}~1details/get"),),
)

# Upstream fixed the */* body of POST /v3/shipments/filter: the fixup is no longer needed
# there, and the normalized document does not change.
UPSTREAM_FIXED_FIXUP = Drift(
    "upstream-fixed-fixup",
    lambda d: operation(d, "post", "/v3/shipments/filter").update(consumes=["application/json"]),
    (),
)

# POST /v3/shipments/filter is gone: two fixups lose their target.
FIXUP_TARGET_GONE = Drift(
    "fixup-target-gone",
    lambda d: d["paths"]["/v3/shipments/filter"].pop("post"),
    ((ERR, "api-removed-without-deprecation", "#/paths/~1v3~1shipments~1filter/post"),),
)
