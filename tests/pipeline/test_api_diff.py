"""The classified API diff: one test per change class, each predicting level, check and path.

Most tests mutate a small hand-written document, so what they expect does not move when
Flipkart's spec does; a few use the committed normalized document for realism.
"""

from __future__ import annotations

import copy
import dataclasses
import json
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from api_diff import (
    CHECKS,
    CONSTRAINT_EFFECTS,
    ERR,
    INFO,
    OWN_CHECKS,
    RAISED_FOR_GENERATED_CLIENT,
    RATED_BY_DIRECTION,
    SCHEMA_PREFIXES,
    WARN,
    compare,
    oasdiff_severity_levels,
)
from diff_report import (
    INFO_LINES_SHOWN,
    as_json,
    change_line,
    changelog_entry,
    has_breaking,
    text,
)

from .conftest import ROOT

Doc = dict[str, Any]
BEARER = [{"Bearer": []}]


def ref(name: str) -> dict[str, str]:
    return {"$ref": f"#/components/schemas/{name}"}


def json_body(schema: dict[str, Any], required: bool = True) -> dict[str, Any]:
    return {"required": required, "content": {"application/json": {"schema": schema}}}


def ok(schema: dict[str, Any]) -> dict[str, Any]:
    return {"200": {"description": "ok", "content": {"application/json": {"schema": schema}}}}


def base() -> Doc:
    """Three operations; Address is sent (in OrderFilter) and received (in Order)."""
    return {
        "openapi": "3.0.3",
        "info": {"title": "t", "version": "1"},
        "servers": [{"url": "https://api.example.test/sellers"}],
        "components": {
            "securitySchemes": {
                "Bearer": {"type": "apiKey", "in": "header", "name": "Authorization"}
            },
            "schemas": {
                "OrderFilter": {
                    "type": "object",
                    "required": ["states"],
                    "properties": {
                        "states": {
                            "type": "array",
                            "items": {"type": "string", "enum": ["APPROVED", "PACKED"]},
                        },
                        "sku": {"type": "string"},
                        "address": ref("Address"),
                    },
                },
                "OrderPage": {
                    "type": "object",
                    "properties": {
                        "orders": {"type": "array", "nullable": True, "items": ref("Order")},
                        "nextPageUrl": {"type": "string", "nullable": True},
                        "hasMore": {"type": "boolean", "nullable": True},
                    },
                },
                "Order": {
                    "type": "object",
                    "properties": {
                        "orderId": {"type": "string", "nullable": True},
                        "status": {
                            "type": "string",
                            "nullable": True,
                            "enum": ["APPROVED", "PACKED", "SHIPPED"],
                        },
                        "address": {"allOf": [ref("Address")], "nullable": True},
                    },
                },
                "Address": {
                    "type": "object",
                    "properties": {"pincode": {"type": "string"}, "city": {"type": "string"}},
                },
                "Unused": {"type": "object", "properties": {"note": {"type": "string"}}},
            },
        },
        "paths": {
            "/orders/search": {
                "post": {
                    "operationId": "searchOrders",
                    "tags": ["Orders"],
                    "security": BEARER,
                    "parameters": [
                        {"name": "page", "in": "query", "schema": {"type": "integer"}},
                    ],
                    "requestBody": json_body(ref("OrderFilter")),
                    "responses": ok(ref("OrderPage")),
                }
            },
            "/orders/{orderId}": {
                "get": {
                    "operationId": "getOrder",
                    "tags": ["Orders"],
                    "security": BEARER,
                    "parameters": [
                        {
                            "name": "orderId",
                            "in": "path",
                            "required": True,
                            "schema": {"type": "string"},
                        },
                        {
                            "name": "view",
                            "in": "query",
                            "schema": {"type": "string", "enum": ["full", "short"]},
                        },
                    ],
                    "responses": ok(ref("Order")),
                }
            },
            "/labels/{ids}": {
                "get": {
                    "operationId": "getLabels",
                    "tags": ["Labels"],
                    "security": BEARER,
                    "parameters": [
                        {
                            "name": "ids",
                            "in": "path",
                            "required": True,
                            "schema": {"type": "string"},
                        }
                    ],
                    "responses": {
                        "200": {
                            "description": "PDF",
                            "content": {
                                "application/pdf": {
                                    "schema": {"type": "string", "format": "binary"}
                                }
                            },
                        },
                        "404": {"description": "no such shipment"},
                    },
                }
            },
        },
    }


SEARCH = "POST /orders/search"
GET_ORDER = "GET /orders/{orderId}"
LABELS = "GET /labels/{ids}"
P_SEARCH = "#/paths/~1orders~1search/post"
P_ORDER = "#/paths/~1orders~1{orderId}/get"
P_LABELS = "#/paths/~1labels~1{ids}/get"
S = "#/components/schemas"


def diff(mutate: Callable[[Doc], None]) -> list[tuple[str, str, str, str]]:
    """(level, check, subject, path) of every change ``mutate`` makes to the base document."""
    new = base()
    mutate(new)
    return [(c.level, c.check, c.subject, c.path) for c in compare(base(), new)]


def schemas(doc: Doc) -> dict[str, Any]:
    result: dict[str, Any] = doc["components"]["schemas"]
    return result


def op(doc: Doc, label: str) -> dict[str, Any]:
    method, path = label.split(" ", 1)
    result: dict[str, Any] = doc["paths"][path][method.lower()]
    return result


# ------------------------------------------------------------------- no change


def test_identical_documents_report_no_change_and_totals() -> None:
    changes = compare(base(), base())
    assert changes == []
    assert text(changes, "the previous document") == [
        "API diff against the previous document: no change",
        "Totals: 0 ERR (breaking), 0 WARN (possibly breaking), 0 INFO (additive or info)",
    ]


def test_committed_document_against_itself_is_no_change(normalized: Doc) -> None:
    assert compare(normalized, copy.deepcopy(normalized)) == []


# ------------------------------------------------------------------- operations


def test_operation_added_is_info() -> None:
    def add(doc: Doc) -> None:
        doc["paths"]["/orders/{orderId}/notes"] = {
            "get": {"operationId": "getNotes", "tags": ["Orders"], "responses": ok({})}
        }

    assert diff(add) == [
        (
            INFO,
            "endpoint-added",
            "GET /orders/{orderId}/notes",
            "#/paths/~1orders~1{orderId}~1notes/get",
        )
    ]


def test_operation_removed_is_breaking() -> None:
    assert diff(lambda doc: doc["paths"].pop("/labels/{ids}")) == [
        (ERR, "api-removed-without-deprecation", LABELS, P_LABELS)
    ]


def test_deprecated_operation_removed_is_still_breaking_for_a_generated_client() -> None:
    old = base()
    op(old, LABELS)["deprecated"] = True
    new = copy.deepcopy(old)
    del new["paths"]["/labels/{ids}"]
    assert [(c.level, c.check) for c in compare(old, new)] == [
        (ERR, "api-removed-with-deprecation")
    ]


def test_operation_id_changed_is_info_on_the_wire_and_names_the_module() -> None:
    """The wire is the same; whether a Python module moves is the surface diff's call."""

    def rename(doc: Doc) -> None:
        op(doc, LABELS)["operationId"] = "downloadLabels"

    assert diff(rename) == [(INFO, "api-operation-id-removed", LABELS, f"{P_LABELS}/operationId")]
    assert compare(base(), _mutated(rename))[0].message == (
        "operationId getLabels became downloadLabels: the generated module "
        "api/labels/get_labels.py becomes api/labels/download_labels.py"
    )

    def respell(doc: Doc) -> None:
        op(doc, LABELS)["operationId"] = "GetLabels"

    assert compare(base(), _mutated(respell))[0].message == (
        "operationId getLabels became GetLabels: the generated module "
        "api/labels/get_labels.py keeps its name"
    )


def test_first_tag_changed_is_info_and_says_whether_the_package_moves() -> None:
    def retag(doc: Doc) -> None:
        op(doc, LABELS)["tags"] = ["Documents"]

    def respell(doc: Doc) -> None:
        op(doc, LABELS)["tags"] = ["labels"]

    assert diff(retag) == [(INFO, "api-tag-removed", LABELS, f"{P_LABELS}/tags")]
    assert compare(base(), _mutated(retag))[0].message.endswith(
        "the generated package api/labels becomes api/documents"
    )
    assert compare(base(), _mutated(respell))[0].message.endswith(
        "the generated package api/labels is the same"
    )


def test_deprecation_is_info() -> None:
    def deprecate(doc: Doc) -> None:
        op(doc, LABELS)["deprecated"] = True

    assert diff(deprecate) == [(INFO, "endpoint-deprecated", LABELS, f"{P_LABELS}/deprecated")]


# ------------------------------------------------------------------- parameters


def test_optional_parameter_added_is_info_and_required_one_is_breaking() -> None:
    def add(doc: Doc) -> None:
        op(doc, LABELS)["parameters"] += [
            {"name": "copies", "in": "query", "schema": {"type": "integer"}},
            {"name": "format", "in": "query", "required": True, "schema": {"type": "string"}},
        ]

    assert diff(add) == [
        (ERR, "new-required-request-parameter", LABELS, f"{P_LABELS}/parameters/2"),
        (INFO, "new-optional-request-parameter", LABELS, f"{P_LABELS}/parameters/1"),
    ]


def test_parameter_removed_is_breaking() -> None:
    def remove(doc: Doc) -> None:
        op(doc, GET_ORDER)["parameters"].pop(1)

    assert diff(remove) == [
        (ERR, "request-parameter-removed", GET_ORDER, f"{P_ORDER}/parameters/1")
    ]


def test_parameter_made_required_is_breaking() -> None:
    def require(doc: Doc) -> None:
        op(doc, SEARCH)["parameters"][0]["required"] = True

    assert diff(require) == [
        (ERR, "request-parameter-became-required", SEARCH, f"{P_SEARCH}/parameters/0")
    ]


def test_parameter_made_optional_is_info() -> None:
    old = base()
    op(old, SEARCH)["parameters"][0]["required"] = True
    changes = compare(old, base())
    assert [(c.level, c.check, c.path) for c in changes] == [
        (INFO, "request-parameter-became-optional", f"{P_SEARCH}/parameters/0")
    ]


def test_parameter_type_changed_is_breaking() -> None:
    def retype(doc: Doc) -> None:
        op(doc, SEARCH)["parameters"][0]["schema"] = {"type": "string"}

    assert diff(retype) == [
        (ERR, "request-parameter-type-changed", SEARCH, f"{P_SEARCH}/parameters/0/schema")
    ]


def test_parameter_location_changed_is_breaking() -> None:
    def move(doc: Doc) -> None:
        op(doc, SEARCH)["parameters"][0]["in"] = "header"

    assert diff(move) == [
        (ERR, "request-parameter-location-changed", SEARCH, f"{P_SEARCH}/parameters/0")
    ]


def test_parameter_enum_values_removed_is_breaking_and_added_is_info() -> None:
    def change(doc: Doc) -> None:
        op(doc, GET_ORDER)["parameters"][1]["schema"]["enum"] = ["full", "compact"]

    at = f"{P_ORDER}/parameters/1/schema/enum"
    assert diff(change) == [
        (ERR, "request-parameter-enum-value-removed", GET_ORDER, at),
        (INFO, "request-parameter-enum-value-added", GET_ORDER, at),
    ]


# ------------------------------------------------------------------- request bodies


def test_request_property_added_optional_is_info_required_is_breaking() -> None:
    def add(doc: Doc) -> None:
        properties = schemas(doc)["OrderFilter"]["properties"]
        properties["fromDate"] = {"type": "string", "format": "date"}
        properties["locationId"] = {"type": "string"}
        schemas(doc)["OrderFilter"]["required"].append("locationId")

    assert diff(add) == [
        (
            ERR,
            "new-required-request-property",
            "schema OrderFilter",
            f"{S}/OrderFilter/properties/locationId",
        ),
        (
            INFO,
            "new-optional-request-property",
            "schema OrderFilter",
            f"{S}/OrderFilter/properties/fromDate",
        ),
    ]


def test_request_property_removed_is_breaking() -> None:
    assert diff(lambda doc: schemas(doc)["OrderFilter"]["properties"].pop("sku")) == [
        (ERR, "request-property-removed", "schema OrderFilter", f"{S}/OrderFilter/properties/sku")
    ]


def test_request_property_made_required_is_breaking() -> None:
    assert diff(lambda doc: schemas(doc)["OrderFilter"]["required"].append("sku")) == [
        (
            ERR,
            "request-property-became-required",
            "schema OrderFilter",
            f"{S}/OrderFilter/properties/sku",
        )
    ]


def test_request_property_type_changed_is_breaking() -> None:
    def retype(doc: Doc) -> None:
        schemas(doc)["OrderFilter"]["properties"]["sku"] = {"type": "integer"}

    changes = compare(base(), _mutated(retype))
    assert [(c.level, c.check, c.path) for c in changes] == [
        (ERR, "request-property-type-changed", f"{S}/OrderFilter/properties/sku")
    ]
    assert changes[0].message == "type changed from string to integer"
    assert changes[0].used_by == (SEARCH,)


def test_request_enum_value_removed_is_breaking_and_added_is_info() -> None:
    def change(doc: Doc) -> None:
        schemas(doc)["OrderFilter"]["properties"]["states"]["items"]["enum"] = [
            "APPROVED",
            "SHIPPED",
        ]

    at = f"{S}/OrderFilter/properties/states/items/enum"
    assert diff(change) == [
        (ERR, "request-property-enum-value-removed", "schema OrderFilter", at),
        (INFO, "request-property-enum-value-added", "schema OrderFilter", at),
    ]


def test_request_body_became_required_and_new_required_body_are_breaking() -> None:
    def change(doc: Doc) -> None:
        op(doc, GET_ORDER)["requestBody"] = json_body(ref("Address"), required=True)

    assert diff(change) == [
        (ERR, "added-required-request-body", GET_ORDER, f"{P_ORDER}/requestBody")
    ]
    old = base()
    op(old, SEARCH)["requestBody"]["required"] = False
    assert [(c.level, c.check) for c in compare(old, base())] == [
        (ERR, "request-body-became-required")
    ]


def test_request_body_removed_is_breaking() -> None:
    assert diff(lambda doc: op(doc, SEARCH).pop("requestBody")) == [
        (ERR, "request-body-removed", SEARCH, f"{P_SEARCH}/requestBody")
    ]


def test_request_content_type_removed_is_breaking_added_is_info() -> None:
    def change(doc: Doc) -> None:
        content = op(doc, SEARCH)["requestBody"]["content"]
        content["*/*"] = content.pop("application/json")

    assert diff(change) == [
        (
            ERR,
            "request-body-media-type-removed",
            SEARCH,
            f"{P_SEARCH}/requestBody/content/application~1json",
        ),
        (INFO, "request-body-media-type-added", SEARCH, f"{P_SEARCH}/requestBody/content/*~1*"),
    ]


# ------------------------------------------------------------------- responses


def test_response_property_added_is_info() -> None:
    def add(doc: Doc) -> None:
        schemas(doc)["Order"]["properties"]["carrier"] = {"type": "string", "nullable": True}

    assert diff(add) == [
        (INFO, "response-optional-property-added", "schema Order", f"{S}/Order/properties/carrier")
    ]


def test_response_property_removed_is_breaking() -> None:
    assert diff(lambda doc: schemas(doc)["Order"]["properties"].pop("orderId")) == [
        (ERR, "response-optional-property-removed", "schema Order", f"{S}/Order/properties/orderId")
    ]


def test_response_property_type_changed_is_breaking() -> None:
    def retype(doc: Doc) -> None:
        schemas(doc)["OrderPage"]["properties"]["hasMore"] = {"type": "string", "nullable": True}

    assert diff(retype) == [
        (
            ERR,
            "response-property-type-changed",
            "schema OrderPage",
            f"{S}/OrderPage/properties/hasMore",
        )
    ]


def test_response_property_made_nullable_is_breaking() -> None:
    old = base()
    del schemas(old)["OrderPage"]["properties"]["nextPageUrl"]["nullable"]
    changes = compare(old, base())
    assert [(c.level, c.check, c.subject, c.path) for c in changes] == [
        (
            ERR,
            "response-property-became-nullable",
            "schema OrderPage",
            f"{S}/OrderPage/properties/nextPageUrl",
        )
    ]


def test_response_enum_value_added_is_warn_and_removed_is_breaking() -> None:
    def change(doc: Doc) -> None:
        schemas(doc)["Order"]["properties"]["status"]["enum"] = ["APPROVED", "PACKED", "HELD"]

    at = f"{S}/Order/properties/status/enum"
    assert diff(change) == [
        (ERR, "response-property-enum-value-removed", "schema Order", at),
        (WARN, "response-property-enum-value-added", "schema Order", at),
    ]


def test_response_content_type_removed_is_breaking_added_is_info() -> None:
    def change(doc: Doc) -> None:
        content = op(doc, LABELS)["responses"]["200"]["content"]
        content["application/zip"] = content.pop("application/pdf")

    base_path = f"{P_LABELS}/responses/200/content"
    assert diff(change) == [
        (ERR, "response-media-type-removed", LABELS, f"{base_path}/application~1pdf"),
        (INFO, "response-media-type-added", LABELS, f"{base_path}/application~1zip"),
    ]


def test_response_success_status_removed_is_breaking_error_status_is_info() -> None:
    def change(doc: Doc) -> None:
        responses = op(doc, LABELS)["responses"]
        responses["201"] = responses.pop("200")
        del responses["404"]

    assert diff(change) == [
        (ERR, "response-success-status-removed", LABELS, f"{P_LABELS}/responses/200"),
        (INFO, "response-success-status-added", LABELS, f"{P_LABELS}/responses/201"),
        (INFO, "response-non-success-status-removed", LABELS, f"{P_LABELS}/responses/404"),
    ]


# ------------------------------------------------------------------- directions and $ref


def test_schema_used_in_requests_and_responses_is_judged_both_ways() -> None:
    def change(doc: Doc) -> None:
        properties = schemas(doc)["Address"]["properties"]
        properties["landmark"] = {"type": "string"}
        del properties["city"]

    city, landmark = f"{S}/Address/properties/city", f"{S}/Address/properties/landmark"
    changes = compare(base(), _mutated(change))
    assert [(c.level, c.check, c.path) for c in changes] == [
        (ERR, "request-property-removed", city),
        (ERR, "response-optional-property-removed", city),
        (INFO, "new-optional-request-property", landmark),
        (INFO, "response-optional-property-added", landmark),
    ]
    by_check = {c.check: c.used_by for c in changes}
    # Address is reached through OrderFilter (request) and through OrderPage/Order (responses).
    assert by_check["request-property-removed"] == (SEARCH,)
    assert by_check["response-optional-property-removed"] == (GET_ORDER, SEARCH)


def test_ref_switch_is_followed_to_the_new_schema() -> None:
    def switch(doc: Doc) -> None:
        schemas(doc)["OrderV2"] = {
            "type": "object",
            "properties": {"orderId": {"type": "integer", "nullable": True}},
        }
        op(doc, GET_ORDER)["responses"] = ok(ref("OrderV2"))

    root = f"{P_ORDER}/responses/200/content/application~1json/schema"
    assert diff(switch) == [
        (ERR, "response-optional-property-removed", GET_ORDER, f"{root}/properties/address"),
        (ERR, "response-property-type-changed", GET_ORDER, f"{root}/properties/orderId"),
        (ERR, "response-optional-property-removed", GET_ORDER, f"{root}/properties/status"),
        (INFO, "api-schema-added", "schema OrderV2", f"{S}/OrderV2"),
    ]


def test_rename_is_a_breaking_removal_plus_an_addition() -> None:
    def rename(doc: Doc) -> None:
        properties = schemas(doc)["OrderPage"]["properties"]
        properties["nextPageLink"] = properties.pop("nextPageUrl")

    assert diff(rename) == [
        (
            ERR,
            "response-optional-property-removed",
            "schema OrderPage",
            f"{S}/OrderPage/properties/nextPageUrl",
        ),
        (
            INFO,
            "response-optional-property-added",
            "schema OrderPage",
            f"{S}/OrderPage/properties/nextPageLink",
        ),
    ]


def test_renaming_next_page_url_in_the_committed_document_is_breaking(normalized: Doc) -> None:
    new = copy.deepcopy(normalized)
    properties = new["components"]["schemas"]["SearchShipmentResponse"]["properties"]
    properties["nextPageLink"] = properties.pop("nextPageUrl")
    changes = compare(normalized, new)
    removed = [c for c in changes if c.level == ERR]
    assert [(c.check, c.path) for c in removed] == [
        (
            "response-optional-property-removed",
            "#/components/schemas/SearchShipmentResponse/properties/nextPageUrl",
        )
    ]
    assert "POST /v3/shipments/filter" in removed[0].used_by
    assert has_breaking(changes)


# ------------------------------------------------------------------- models, security, servers


def test_model_added_is_info_and_removed_is_breaking() -> None:
    def change(doc: Doc) -> None:
        del schemas(doc)["Unused"]
        schemas(doc)["Brand"] = {"type": "object", "properties": {"id": {"type": "string"}}}

    assert diff(change) == [
        (ERR, "api-schema-removed", "schema Unused", f"{S}/Unused"),
        (INFO, "api-schema-added", "schema Brand", f"{S}/Brand"),
    ]


def test_unused_schema_is_judged_in_both_directions() -> None:
    def change(doc: Doc) -> None:
        schemas(doc)["Unused"]["properties"]["note"] = {"type": "integer"}

    assert diff(change) == [
        (ERR, "request-property-type-changed", "schema Unused", f"{S}/Unused/properties/note"),
        (ERR, "response-property-type-changed", "schema Unused", f"{S}/Unused/properties/note"),
    ]


def test_security_changes_need_a_look() -> None:
    def change(doc: Doc) -> None:
        doc["components"]["securitySchemes"]["Bearer"]["name"] = "X-Auth"
        doc["components"]["securitySchemes"]["OAuth"] = {
            "type": "oauth2",
            "flows": {"clientCredentials": {"tokenUrl": "https://t/token", "scopes": {}}},
        }
        op(doc, LABELS)["security"] = [{"OAuth": []}]

    assert diff(change) == [
        (WARN, "api-security-added", LABELS, f"{P_LABELS}/security"),
        (WARN, "api-security-removed", LABELS, f"{P_LABELS}/security"),
        (
            WARN,
            "api-security-component-type-changed",
            "security scheme Bearer",
            "#/components/securitySchemes/Bearer",
        ),
        (
            INFO,
            "api-security-component-added",
            "security scheme OAuth",
            "#/components/securitySchemes/OAuth",
        ),
    ]


def test_server_change_needs_a_look() -> None:
    def change(doc: Doc) -> None:
        doc["servers"] = [{"url": "https://api.example.test/v2/sellers"}]

    assert diff(change) == [(WARN, "api-servers-changed", "document", "#/servers")]


# ------------------------------------------------------------------- constraints and defaults
# OrderFilter is only sent, Order only received, Address both: each constraint change is
# judged by the direction rule (tighter request or looser response: ERR; the reverse INFO).

F_STATES = f"{S}/OrderFilter/properties/states"
F_SKU = f"{S}/OrderFilter/properties/sku"
O_ID = f"{S}/Order/properties/orderId"


def _checks(mutate: Callable[[Doc], None], old: Doc | None = None) -> list[tuple[str, str, str]]:
    new = copy.deepcopy(old) if old is not None else base()
    mutate(new)
    return [(c.level, c.check, c.path) for c in compare(old or base(), new)]


def _with(schema: str, prop: str, **keywords: Any) -> Doc:
    doc = base()
    schemas(doc)[schema]["properties"][prop].update(keywords)
    return doc


def test_request_max_items_lowered_is_breaking_and_raised_is_info() -> None:
    old = _with("OrderFilter", "states", maxItems=25)

    def lower(doc: Doc) -> None:
        schemas(doc)["OrderFilter"]["properties"]["states"]["maxItems"] = 10

    def raise_(doc: Doc) -> None:
        schemas(doc)["OrderFilter"]["properties"]["states"]["maxItems"] = 100

    assert _checks(lower, old) == [
        (ERR, "request-property-max-items-decreased", f"{F_STATES}/maxItems")
    ]
    assert _checks(raise_, old) == [
        (INFO, "request-property-max-items-increased", f"{F_STATES}/maxItems")
    ]


def test_a_constraint_on_a_schema_sent_and_received_gets_both_verdicts() -> None:
    old = base()
    schemas(old)["Address"]["properties"]["pincode"].update(maxLength=10)

    def lower(doc: Doc) -> None:
        schemas(doc)["Address"]["properties"]["pincode"]["maxLength"] = 6

    def drop(doc: Doc) -> None:
        del schemas(doc)["Address"]["properties"]["pincode"]["maxLength"]

    at = f"{S}/Address/properties/pincode/maxLength"
    assert _checks(lower, old) == [
        (ERR, "request-property-max-length-decreased", at),
        (INFO, "response-property-max-length-decreased", at),
    ]
    assert _checks(drop, old) == [
        (ERR, "response-property-max-length-unset", at),
        (INFO, "request-property-max-length-unset", at),
    ]


def test_a_bound_of_zero_is_a_bound() -> None:
    old = _with("Order", "orderId", type="integer", minimum=0)
    old_request = _with("OrderFilter", "sku", type="integer", minimum=0)

    def drop(doc: Doc) -> None:
        del schemas(doc)["Order"]["properties"]["orderId"]["minimum"]

    def raise_(doc: Doc) -> None:
        schemas(doc)["OrderFilter"]["properties"]["sku"]["minimum"] = 1

    assert _checks(drop, old) == [(ERR, "response-property-min-unset", f"{O_ID}/minimum")]
    assert _checks(raise_, old_request) == [
        (ERR, "request-property-min-increased", f"{F_SKU}/minimum")
    ]


def test_new_bounds_tighten_a_request_and_loosen_nothing_in_a_response() -> None:
    def bound(doc: Doc) -> None:
        schemas(doc)["OrderFilter"]["properties"]["sku"].update(maxLength=20, pattern="^[A-Z]+$")
        schemas(doc)["Order"]["properties"]["orderId"].update(maxLength=20)

    assert _checks(bound) == [
        (ERR, "request-property-max-length-set", f"{F_SKU}/maxLength"),
        (ERR, "request-property-pattern-added", f"{F_SKU}/pattern"),
        (INFO, "response-property-max-length-set", f"{O_ID}/maxLength"),
    ]


def test_exclusive_flag_set_on_a_request_maximum_is_breaking() -> None:
    old = _with("OrderFilter", "sku", type="number", maximum=28)

    def exclusive(doc: Doc) -> None:
        schemas(doc)["OrderFilter"]["properties"]["sku"]["exclusiveMaximum"] = True

    assert _checks(exclusive, old) == [
        (ERR, "request-property-exclusive-max-set", f"{F_SKU}/exclusiveMaximum")
    ]


def test_pattern_replaced_needs_a_look_and_removed_from_a_response_is_breaking() -> None:
    old = base()
    schemas(old)["OrderFilter"]["properties"]["sku"]["pattern"] = "^[A-Z]+$"
    schemas(old)["Order"]["properties"]["orderId"]["pattern"] = "^OD[0-9]+$"

    def change(doc: Doc) -> None:
        schemas(doc)["OrderFilter"]["properties"]["sku"]["pattern"] = "^[A-Z0-9]+$"
        del schemas(doc)["Order"]["properties"]["orderId"]["pattern"]

    assert _checks(change, old) == [
        (ERR, "response-property-pattern-removed", f"{O_ID}/pattern"),
        (WARN, "request-property-pattern-changed", f"{F_SKU}/pattern"),
    ]


def test_multiple_of_is_judged_by_divisibility_and_unique_items_by_direction() -> None:
    old = _with("OrderFilter", "sku", type="number", multipleOf=2)
    old_states = _with("OrderFilter", "states", type="array")

    def to(value: float) -> Callable[[Doc], None]:
        return lambda doc: schemas(doc)["OrderFilter"]["properties"]["sku"].update(multipleOf=value)

    at = f"{F_SKU}/multipleOf"
    assert _checks(to(6), old) == [(ERR, "request-property-multiple-of-narrowed", at)]
    assert _checks(to(1), old) == [(INFO, "request-property-multiple-of-widened", at)]
    assert _checks(to(3), old) == [(WARN, "request-property-multiple-of-changed", at)]
    assert _checks(
        lambda d: schemas(d)["OrderFilter"]["properties"]["states"].update(uniqueItems=True),
        old_states,
    ) == [(ERR, "request-property-unique-items-set", f"{F_STATES}/uniqueItems")]


def test_parameter_constraints_and_defaults_use_the_parameter_checks() -> None:
    old = base()
    op(old, SEARCH)["parameters"][0]["schema"].update(maximum=100, default=1)

    def change(doc: Doc) -> None:
        op(doc, SEARCH)["parameters"][0]["schema"].update(maximum=50, default=2)

    at = f"{P_SEARCH}/parameters/0/schema"
    assert _checks(change, old) == [
        (ERR, "request-parameter-default-value-changed", f"{at}/default"),
        (ERR, "request-parameter-max-decreased", f"{at}/maximum"),
    ]
    added = _checks(lambda doc: op(doc, SEARCH)["parameters"][0]["schema"].update(default=1))
    assert added == [(ERR, "request-parameter-default-value-added", f"{at}/default")]


def test_a_default_is_sent_in_a_request_and_only_documented_in_a_response() -> None:
    def defaults(doc: Doc) -> None:
        schemas(doc)["OrderFilter"]["properties"]["sku"]["default"] = "ALL"
        schemas(doc)["Order"]["properties"]["orderId"]["default"] = "none"

    assert _checks(defaults) == [
        (ERR, "request-property-default-value-added", f"{F_SKU}/default"),
        (INFO, "response-property-default-value-added", f"{O_ID}/default"),
    ]


def test_read_only_request_and_write_only_response_properties_are_breaking() -> None:
    def access(doc: Doc) -> None:
        schemas(doc)["OrderFilter"]["properties"]["states"]["readOnly"] = True
        schemas(doc)["Order"]["properties"]["orderId"]["writeOnly"] = True

    assert _checks(access) == [
        (ERR, "response-optional-property-became-write-only", O_ID),
        (ERR, "request-required-property-became-read-only", F_STATES),
    ]
    old = base()
    schemas(old)["Order"]["properties"]["orderId"]["readOnly"] = True
    assert _checks(
        lambda doc: schemas(doc)["Order"]["properties"]["orderId"].pop("readOnly"), old
    ) == [(INFO, "response-optional-property-became-not-read-only", O_ID)]


def test_parameter_nullable_and_serialization_changes() -> None:
    def change(doc: Doc) -> None:
        parameter = op(doc, SEARCH)["parameters"][0]
        parameter["schema"]["nullable"] = True
        parameter.update(style="form", explode=False)

    at = f"{P_SEARCH}/parameters/0"
    assert _checks(change) == [
        (WARN, "request-parameter-serialization-changed", at),
        (INFO, "request-parameter-became-nullable", f"{at}/schema"),
    ]


# ------------------------------------------------------------------- paths and security


def test_a_renamed_path_parameter_is_one_operation_whose_parameter_was_renamed() -> None:
    def rename(doc: Doc) -> None:
        item = doc["paths"].pop("/orders/{orderId}")
        item["get"]["parameters"][0]["name"] = "id"
        item["get"]["parameters"][0]["schema"] = {"type": "integer"}
        doc["paths"]["/orders/{id}"] = item

    new_order = "GET /orders/{id}"
    at = "#/paths/~1orders~1{id}/get"
    assert diff(rename) == [
        (ERR, "request-parameter-type-changed", new_order, f"{at}/parameters/0/schema"),
        (INFO, "request-path-parameter-renamed", new_order, f"{at}/parameters"),
    ]
    message = compare(base(), _mutated(rename))[1].message
    assert message.startswith("path parameter 1 {orderId} renamed {id}")


def test_security_scopes_added_are_breaking_and_removed_need_a_look() -> None:
    old = base()
    op(old, LABELS)["security"] = [{"Bearer": ["labels:read"]}]
    old["security"] = [{"Bearer": []}]

    def change(doc: Doc) -> None:
        op(doc, LABELS)["security"] = [{"Bearer": ["labels:write"]}]
        doc["security"] = [{"Bearer": ["sellers"]}]

    scopes = [
        (c.level, c.check, c.subject, c.path, c.message)
        for c in compare(old, _mutated_from(old, change))
        if "scope" in c.check and c.subject in (LABELS, "document")
    ]
    assert scopes == [
        (
            ERR,
            "api-security-scope-added",
            LABELS,
            f"{P_LABELS}/security",
            "scope labels:write of security Bearer added: a token without it is refused",
        ),
        (
            ERR,
            "api-global-security-scope-added",
            "document",
            "#/security",
            "scope sellers of security Bearer added: a token without it is refused",
        ),
        (
            WARN,
            "api-security-scope-removed",
            LABELS,
            f"{P_LABELS}/security",
            "scope labels:read of security Bearer removed",
        ),
    ]


def test_every_constraint_check_follows_the_direction_rule() -> None:
    for prefix in SCHEMA_PREFIXES:
        for suffix, effect in CONSTRAINT_EFFECTS.items():
            level = CHECKS[f"{prefix}-{suffix}"]
            if effect == "either":
                assert level == WARN
            elif (effect == "tighter") == prefix.startswith("request"):
                assert level == ERR, (prefix, suffix)
            else:
                assert level == INFO, (prefix, suffix)
    for check, oasdiff_level in RATED_BY_DIRECTION.items():
        assert CHECKS[check] != oasdiff_level and check not in OWN_CHECKS, check


# ------------------------------------------------------------------- reports


def test_every_check_has_a_level_and_overrides_are_declared() -> None:
    assert set(CHECKS.values()) <= {ERR, WARN, INFO}
    assert set(RAISED_FOR_GENERATED_CLIENT) <= set(CHECKS)
    assert set(CHECKS) >= OWN_CHECKS
    for check, oasdiff_level in RAISED_FOR_GENERATED_CLIENT.items():
        assert CHECKS[check] != oasdiff_level, check


def test_committed_oasdiff_severity_levels_match_the_differ() -> None:
    committed = (ROOT / "scripts" / "oasdiff-severity-levels.txt").read_text()
    assert committed == oasdiff_severity_levels()
    for line in committed.splitlines():
        check, level = line.split()
        assert CHECKS[check] == level and check not in OWN_CHECKS


def test_two_thousand_operation_report_is_fast_and_ends_with_totals() -> None:
    old = base()
    new = base()
    for index in range(2000):
        new["paths"][f"/bulk/{index}"] = {
            "get": {"operationId": f"bulk{index}", "responses": ok(ref("Order"))}
        }
    schemas(new)["Order"]["properties"]["status"]["enum"].append("HELD")
    started = time.perf_counter()
    changes = compare(old, new)
    lines = text(changes, "the previous document")
    took = time.perf_counter() - started
    assert len(changes) == 2001
    assert (
        lines[-1]
        == "Totals: 0 ERR (breaking), 1 WARN (possibly breaking), 2000 INFO (additive or info)"
    )
    assert lines[0] == "API diff against the previous document: 2001 changes"
    assert f"... and {2000 - INFO_LINES_SHOWN} more INFO changes" in lines[-2]
    assert any("response-property-enum-value-added" in line for line in lines)
    assert len(lines) == 1 + 1 + INFO_LINES_SHOWN + 1 + 1
    assert took < 10, took
    warn = next(c for c in changes if c.level == WARN)
    # Order is reached by every bulk operation, GET /orders/{orderId} and, via OrderPage, the search.
    assert len(warn.used_by) == 2002


def test_json_report_and_changelog_entry_carry_every_class(tmp_path: Path) -> None:
    def change(doc: Doc) -> None:
        schemas(doc)["Order"]["properties"]["status"]["enum"].append("HELD")
        del schemas(doc)["Unused"]
        op(doc, SEARCH)["parameters"][0]["description"] = "page | number"

    changes = compare(base(), _mutated(change))
    report = json.loads(json.dumps(as_json(changes, command="test")))
    assert report["command"] == "test"
    assert report["totals"] == {"ERR": 1, "WARN": 1, "INFO": 0}
    assert report["breaking"] is True
    assert report["changes"][0] == {
        "level": ERR,
        "check": "api-schema-removed",
        "subject": "schema Unused",
        "path": f"{S}/Unused",
        "message": "model Unused removed",
        "used_by": [],
        "consumers": [],
    }
    entry = changelog_entry(
        changes,
        date="2026-01-02",
        source="swagger.json",
        sha256="ab" * 32,
        previous_sha256="cd" * 32,
        accepted_breaking=True,
    )
    assert entry.startswith("## 2026-01-02: upstream sha256 abababababab\n")
    assert f"sha256 `{'ab' * 32}`, previous `{'cd' * 32}`" in entry
    assert "Breaking changes accepted with `ACCEPT_BREAKING=1`." in entry
    assert "| ERR | `api-schema-removed` | schema Unused `#/components/schemas/Unused` |" in entry
    assert "| WARN | `response-property-enum-value-added` |" in entry


def test_the_hand_written_places_a_change_touches_are_printed_and_kept() -> None:
    change = dataclasses.replace(
        compare(base(), _mutated(lambda doc: schemas(doc)["Order"]["properties"].pop("orderId")))[
            0
        ],
        consumers=("flipkart_ext's declarations (flipkart_ext/_spec.py:12)",),
    )
    assert change_line(change).endswith(
        "property orderId removed [used by GET /orders/{orderId}, POST /orders/search] "
        "[named by flipkart_ext's declarations (flipkart_ext/_spec.py:12)]"
    )
    assert as_json([change])["changes"][0]["consumers"] == list(change.consumers)


def _mutated(mutate: Callable[[Doc], None]) -> Doc:
    new = base()
    mutate(new)
    return new


def _mutated_from(old: Doc, mutate: Callable[[Doc], None]) -> Doc:
    new = copy.deepcopy(old)
    mutate(new)
    return new
