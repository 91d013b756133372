# Generated from openapi/flipkart-seller-api.json by scripts/regenerate.py. Do not edit:
# change scripts/spec_fixups.py, openapi/generator-config.yaml or openapi/templates/.
"""Contains all the data models used in inputs/outputs.

Models load on first use: importing one operation, or this package, does not
import every model module.
"""

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .address_label import AddressLabel
    from .attribute_error import AttributeError_
    from .attribute_error_severity import AttributeErrorSeverity
    from .bulk_listing import BulkListing
    from .bulk_listing_filter import BulkListingFilter
    from .bulk_listing_filter_lisitng_status import BulkListingFilterLisitngStatus
    from .bulk_listing_request import BulkListingRequest
    from .bulk_listing_response import BulkListingResponse
    from .cancel_shipment import CancelShipment
    from .cancel_shipment_request import CancelShipmentRequest
    from .confirm_item_row import ConfirmItemRow
    from .create_courier_return_request import CreateCourierReturnRequest
    from .create_courier_return_response import CreateCourierReturnResponse
    from .create_listing_request import CreateListingRequest
    from .create_listing_request_fulfillment_profile import (
        CreateListingRequestFulfillmentProfile,
    )
    from .create_listing_request_listing_status import CreateListingRequestListingStatus
    from .create_listings_body import CreateListingsBody
    from .create_listings_response_200 import CreateListingsResponse200
    from .create_order_item import CreateOrderItem
    from .create_order_item_response import CreateOrderItemResponse
    from .create_service import CreateService
    from .create_test_orders_request import CreateTestOrdersRequest
    from .create_test_orders_response import CreateTestOrdersResponse
    from .date_filter import DateFilter
    from .dating_label import DatingLabel
    from .deliver_attempt_request import DeliverAttemptRequest
    from .deliver_request import DeliverRequest
    from .dimension import Dimension
    from .dimensions import Dimensions
    from .dispatch_address import DispatchAddress
    from .dispatch_location import DispatchLocation
    from .dispatch_request import DispatchRequest
    from .dispatch_request_v3 import DispatchRequestV3
    from .dispatch_shipment_request import DispatchShipmentRequest
    from .error import Error
    from .error_severity import ErrorSeverity
    from .failure_attributes import FailureAttributes
    from .filter_ import Filter
    from .filter_cancellation_type import FilterCancellationType
    from .filter_dispatch_service_tiers_item import FilterDispatchServiceTiersItem
    from .filter_service_profiles_item import FilterServiceProfilesItem
    from .filter_shipment_types_item import FilterShipmentTypesItem
    from .filter_states_item import FilterStatesItem
    from .filter_type import FilterType
    from .form import Form
    from .form_update import FormUpdate
    from .forms import Forms
    from .fulfillment import Fulfillment
    from .fulfillment_procurement_type import FulfillmentProcurementType
    from .fulfillment_region_restriction import FulfillmentRegionRestriction
    from .fulfillment_shipping_provider import FulfillmentShippingProvider
    from .get_manifest_request import GetManifestRequest
    from .get_marketplace_listing_details_response import (
        GetMarketplaceListingDetailsResponse,
    )
    from .get_marketplace_listing_details_response_available_type_0 import (
        GetMarketplaceListingDetailsResponseAvailableType0,
    )
    from .handling import Handling
    from .input_stream import InputStream
    from .invoice_item import InvoiceItem
    from .invoice_request import InvoiceRequest
    from .listing_change_response import ListingChangeResponse
    from .listing_change_response_status import ListingChangeResponseStatus
    from .location import Location
    from .location_status import LocationStatus
    from .make_order_un_hold import MakeOrderUnHold
    from .mandatory_forms_response import MandatoryFormsResponse
    from .mandatory_forms_response_shipment import MandatoryFormsResponseShipment
    from .mark_order_item_delivered import MarkOrderItemDelivered
    from .mark_order_item_pickup_complete import MarkOrderItemPickupComplete
    from .mark_order_item_shipped import MarkOrderItemShipped
    from .marketplace_listing_detail import MarketplaceListingDetail
    from .marketplace_listing_detail_archived_status import (
        MarketplaceListingDetailArchivedStatus,
    )
    from .marketplace_listing_detail_fulfillment_profile import (
        MarketplaceListingDetailFulfillmentProfile,
    )
    from .marketplace_listing_detail_listing_status import (
        MarketplaceListingDetailListingStatus,
    )
    from .notional_value import NotionalValue
    from .notional_value_unit import NotionalValueUnit
    from .order_item import OrderItem
    from .order_item_payment_type import OrderItemPaymentType
    from .order_item_service_profile import OrderItemServiceProfile
    from .order_item_status import OrderItemStatus
    from .otc import Otc
    from .otcv_2 import Otcv2
    from .pack_request import PackRequest
    from .pack_request_invoice import PackRequestInvoice
    from .package import Package
    from .pagination import Pagination
    from .params import Params
    from .pick_up_date import PickUpDate
    from .price import Price
    from .price_component import PriceComponent
    from .process_return_events import ProcessReturnEvents
    from .put_order_on_hold import PutOrderOnHold
    from .request_status import RequestStatus
    from .return_action_response import ReturnActionResponse
    from .return_approve_request import ReturnApproveRequest
    from .return_item import ReturnItem
    from .return_item_service_profile import ReturnItemServiceProfile
    from .return_reject_request import ReturnRejectRequest
    from .returns_action_response_v2 import ReturnsActionResponseV2
    from .returns_approve_request import ReturnsApproveRequest
    from .returns_reject_request import ReturnsRejectRequest
    from .returns_search_response_v2 import ReturnsSearchResponseV2
    from .reverse_otc import ReverseOTC
    from .reverse_otc_request_type import ReverseOTCRequestType
    from .reverse_otc_response import ReverseOTCResponse
    from .search_shipment_request import SearchShipmentRequest
    from .search_shipment_response import SearchShipmentResponse
    from .self_ship_return_attempt_pickup_request import (
        SelfShipReturnAttemptPickupRequest,
    )
    from .self_ship_return_cancellation_request import SelfShipReturnCancellationRequest
    from .self_ship_return_complete_request import SelfShipReturnCompleteRequest
    from .self_ship_return_pickup_attempt_requests import (
        SelfShipReturnPickupAttemptRequests,
    )
    from .self_ship_return_pickup_request import SelfShipReturnPickupRequest
    from .self_ship_return_pickup_requests import SelfShipReturnPickupRequests
    from .selfship_dispatch_request_v3 import SelfshipDispatchRequestV3
    from .serial_number import SerialNumber
    from .service import Service
    from .service_attempt_request import ServiceAttemptRequest
    from .service_complete_request import ServiceCompleteRequest
    from .service_response_status_v2 import ServiceResponseStatusV2
    from .shipment import Shipment
    from .shipment_details_response_v3 import ShipmentDetailsResponseV3
    from .shipment_form_update_form import ShipmentFormUpdateForm
    from .shipment_form_update_request import ShipmentFormUpdateRequest
    from .shipment_pack_request import ShipmentPackRequest
    from .shipment_response import ShipmentResponse
    from .shipment_response_status_v2 import ShipmentResponseStatusV2
    from .shipment_status_response_v3 import ShipmentStatusResponseV3
    from .shipment_v3 import ShipmentV3
    from .shipments_deliver_attempt_request_v2 import ShipmentsDeliverAttemptRequestV2
    from .shipments_deliver_request_v2 import ShipmentsDeliverRequestV2
    from .shipments_deliver_response_v2 import ShipmentsDeliverResponseV2
    from .shipments_dispatch_request_v2 import ShipmentsDispatchRequestV2
    from .shipments_dispatch_response_v2 import ShipmentsDispatchResponseV2
    from .shipping_fees import ShippingFees
    from .sort import Sort
    from .sort_field import SortField
    from .sort_order import SortOrder
    from .sub_item_request import SubItemRequest
    from .sub_shipment import SubShipment
    from .sub_shipments import SubShipments
    from .tax import Tax
    from .tax_item import TaxItem
    from .update_inventory_body import UpdateInventoryBody
    from .update_inventory_request import UpdateInventoryRequest
    from .update_inventory_response_200 import UpdateInventoryResponse200
    from .update_listing_request import UpdateListingRequest
    from .update_listing_request_archived_status import (
        UpdateListingRequestArchivedStatus,
    )
    from .update_listing_request_fulfillment_profile import (
        UpdateListingRequestFulfillmentProfile,
    )
    from .update_listing_request_listing_status import UpdateListingRequestListingStatus
    from .update_listings_body import UpdateListingsBody
    from .update_listings_response_200 import UpdateListingsResponse200
    from .update_price_body import UpdatePriceBody
    from .update_price_request import UpdatePriceRequest
    from .update_price_response_200 import UpdatePriceResponse200
    from .update_shipment_request import UpdateShipmentRequest
    from .vendor_group_code_details_response_v3 import VendorGroupCodeDetailsResponseV3

_MODULE_BY_NAME = {
    "AddressLabel": ".address_label",
    "AttributeError_": ".attribute_error",
    "AttributeErrorSeverity": ".attribute_error_severity",
    "BulkListing": ".bulk_listing",
    "BulkListingFilter": ".bulk_listing_filter",
    "BulkListingFilterLisitngStatus": ".bulk_listing_filter_lisitng_status",
    "BulkListingRequest": ".bulk_listing_request",
    "BulkListingResponse": ".bulk_listing_response",
    "CancelShipment": ".cancel_shipment",
    "CancelShipmentRequest": ".cancel_shipment_request",
    "ConfirmItemRow": ".confirm_item_row",
    "CreateCourierReturnRequest": ".create_courier_return_request",
    "CreateCourierReturnResponse": ".create_courier_return_response",
    "CreateListingRequest": ".create_listing_request",
    "CreateListingRequestFulfillmentProfile": ".create_listing_request_fulfillment_profile",
    "CreateListingRequestListingStatus": ".create_listing_request_listing_status",
    "CreateListingsBody": ".create_listings_body",
    "CreateListingsResponse200": ".create_listings_response_200",
    "CreateOrderItem": ".create_order_item",
    "CreateOrderItemResponse": ".create_order_item_response",
    "CreateService": ".create_service",
    "CreateTestOrdersRequest": ".create_test_orders_request",
    "CreateTestOrdersResponse": ".create_test_orders_response",
    "DateFilter": ".date_filter",
    "DatingLabel": ".dating_label",
    "DeliverAttemptRequest": ".deliver_attempt_request",
    "DeliverRequest": ".deliver_request",
    "Dimension": ".dimension",
    "Dimensions": ".dimensions",
    "DispatchAddress": ".dispatch_address",
    "DispatchLocation": ".dispatch_location",
    "DispatchRequest": ".dispatch_request",
    "DispatchRequestV3": ".dispatch_request_v3",
    "DispatchShipmentRequest": ".dispatch_shipment_request",
    "Error": ".error",
    "ErrorSeverity": ".error_severity",
    "FailureAttributes": ".failure_attributes",
    "Filter": ".filter_",
    "FilterCancellationType": ".filter_cancellation_type",
    "FilterDispatchServiceTiersItem": ".filter_dispatch_service_tiers_item",
    "FilterServiceProfilesItem": ".filter_service_profiles_item",
    "FilterShipmentTypesItem": ".filter_shipment_types_item",
    "FilterStatesItem": ".filter_states_item",
    "FilterType": ".filter_type",
    "Form": ".form",
    "FormUpdate": ".form_update",
    "Forms": ".forms",
    "Fulfillment": ".fulfillment",
    "FulfillmentProcurementType": ".fulfillment_procurement_type",
    "FulfillmentRegionRestriction": ".fulfillment_region_restriction",
    "FulfillmentShippingProvider": ".fulfillment_shipping_provider",
    "GetManifestRequest": ".get_manifest_request",
    "GetMarketplaceListingDetailsResponse": ".get_marketplace_listing_details_response",
    "GetMarketplaceListingDetailsResponseAvailableType0": ".get_marketplace_listing_details_response_available_type_0",
    "Handling": ".handling",
    "InputStream": ".input_stream",
    "InvoiceItem": ".invoice_item",
    "InvoiceRequest": ".invoice_request",
    "ListingChangeResponse": ".listing_change_response",
    "ListingChangeResponseStatus": ".listing_change_response_status",
    "Location": ".location",
    "LocationStatus": ".location_status",
    "MakeOrderUnHold": ".make_order_un_hold",
    "MandatoryFormsResponse": ".mandatory_forms_response",
    "MandatoryFormsResponseShipment": ".mandatory_forms_response_shipment",
    "MarkOrderItemDelivered": ".mark_order_item_delivered",
    "MarkOrderItemPickupComplete": ".mark_order_item_pickup_complete",
    "MarkOrderItemShipped": ".mark_order_item_shipped",
    "MarketplaceListingDetail": ".marketplace_listing_detail",
    "MarketplaceListingDetailArchivedStatus": ".marketplace_listing_detail_archived_status",
    "MarketplaceListingDetailFulfillmentProfile": ".marketplace_listing_detail_fulfillment_profile",
    "MarketplaceListingDetailListingStatus": ".marketplace_listing_detail_listing_status",
    "NotionalValue": ".notional_value",
    "NotionalValueUnit": ".notional_value_unit",
    "OrderItem": ".order_item",
    "OrderItemPaymentType": ".order_item_payment_type",
    "OrderItemServiceProfile": ".order_item_service_profile",
    "OrderItemStatus": ".order_item_status",
    "Otc": ".otc",
    "Otcv2": ".otcv_2",
    "PackRequest": ".pack_request",
    "PackRequestInvoice": ".pack_request_invoice",
    "Package": ".package",
    "Pagination": ".pagination",
    "Params": ".params",
    "PickUpDate": ".pick_up_date",
    "Price": ".price",
    "PriceComponent": ".price_component",
    "ProcessReturnEvents": ".process_return_events",
    "PutOrderOnHold": ".put_order_on_hold",
    "RequestStatus": ".request_status",
    "ReturnActionResponse": ".return_action_response",
    "ReturnApproveRequest": ".return_approve_request",
    "ReturnItem": ".return_item",
    "ReturnItemServiceProfile": ".return_item_service_profile",
    "ReturnRejectRequest": ".return_reject_request",
    "ReturnsActionResponseV2": ".returns_action_response_v2",
    "ReturnsApproveRequest": ".returns_approve_request",
    "ReturnsRejectRequest": ".returns_reject_request",
    "ReturnsSearchResponseV2": ".returns_search_response_v2",
    "ReverseOTC": ".reverse_otc",
    "ReverseOTCRequestType": ".reverse_otc_request_type",
    "ReverseOTCResponse": ".reverse_otc_response",
    "SearchShipmentRequest": ".search_shipment_request",
    "SearchShipmentResponse": ".search_shipment_response",
    "SelfShipReturnAttemptPickupRequest": ".self_ship_return_attempt_pickup_request",
    "SelfShipReturnCancellationRequest": ".self_ship_return_cancellation_request",
    "SelfShipReturnCompleteRequest": ".self_ship_return_complete_request",
    "SelfShipReturnPickupAttemptRequests": ".self_ship_return_pickup_attempt_requests",
    "SelfShipReturnPickupRequest": ".self_ship_return_pickup_request",
    "SelfShipReturnPickupRequests": ".self_ship_return_pickup_requests",
    "SelfshipDispatchRequestV3": ".selfship_dispatch_request_v3",
    "SerialNumber": ".serial_number",
    "Service": ".service",
    "ServiceAttemptRequest": ".service_attempt_request",
    "ServiceCompleteRequest": ".service_complete_request",
    "ServiceResponseStatusV2": ".service_response_status_v2",
    "Shipment": ".shipment",
    "ShipmentDetailsResponseV3": ".shipment_details_response_v3",
    "ShipmentFormUpdateForm": ".shipment_form_update_form",
    "ShipmentFormUpdateRequest": ".shipment_form_update_request",
    "ShipmentPackRequest": ".shipment_pack_request",
    "ShipmentResponse": ".shipment_response",
    "ShipmentResponseStatusV2": ".shipment_response_status_v2",
    "ShipmentStatusResponseV3": ".shipment_status_response_v3",
    "ShipmentV3": ".shipment_v3",
    "ShipmentsDeliverAttemptRequestV2": ".shipments_deliver_attempt_request_v2",
    "ShipmentsDeliverRequestV2": ".shipments_deliver_request_v2",
    "ShipmentsDeliverResponseV2": ".shipments_deliver_response_v2",
    "ShipmentsDispatchRequestV2": ".shipments_dispatch_request_v2",
    "ShipmentsDispatchResponseV2": ".shipments_dispatch_response_v2",
    "ShippingFees": ".shipping_fees",
    "Sort": ".sort",
    "SortField": ".sort_field",
    "SortOrder": ".sort_order",
    "SubItemRequest": ".sub_item_request",
    "SubShipment": ".sub_shipment",
    "SubShipments": ".sub_shipments",
    "Tax": ".tax",
    "TaxItem": ".tax_item",
    "UpdateInventoryBody": ".update_inventory_body",
    "UpdateInventoryRequest": ".update_inventory_request",
    "UpdateInventoryResponse200": ".update_inventory_response_200",
    "UpdateListingRequest": ".update_listing_request",
    "UpdateListingRequestArchivedStatus": ".update_listing_request_archived_status",
    "UpdateListingRequestFulfillmentProfile": ".update_listing_request_fulfillment_profile",
    "UpdateListingRequestListingStatus": ".update_listing_request_listing_status",
    "UpdateListingsBody": ".update_listings_body",
    "UpdateListingsResponse200": ".update_listings_response_200",
    "UpdatePriceBody": ".update_price_body",
    "UpdatePriceRequest": ".update_price_request",
    "UpdatePriceResponse200": ".update_price_response_200",
    "UpdateShipmentRequest": ".update_shipment_request",
    "VendorGroupCodeDetailsResponseV3": ".vendor_group_code_details_response_v3",
}

__all__ = (
    "AddressLabel",
    "AttributeErrorSeverity",
    "AttributeError_",
    "BulkListing",
    "BulkListingFilter",
    "BulkListingFilterLisitngStatus",
    "BulkListingRequest",
    "BulkListingResponse",
    "CancelShipment",
    "CancelShipmentRequest",
    "ConfirmItemRow",
    "CreateCourierReturnRequest",
    "CreateCourierReturnResponse",
    "CreateListingRequest",
    "CreateListingRequestFulfillmentProfile",
    "CreateListingRequestListingStatus",
    "CreateListingsBody",
    "CreateListingsResponse200",
    "CreateOrderItem",
    "CreateOrderItemResponse",
    "CreateService",
    "CreateTestOrdersRequest",
    "CreateTestOrdersResponse",
    "DateFilter",
    "DatingLabel",
    "DeliverAttemptRequest",
    "DeliverRequest",
    "Dimension",
    "Dimensions",
    "DispatchAddress",
    "DispatchLocation",
    "DispatchRequest",
    "DispatchRequestV3",
    "DispatchShipmentRequest",
    "Error",
    "ErrorSeverity",
    "FailureAttributes",
    "Filter",
    "FilterCancellationType",
    "FilterDispatchServiceTiersItem",
    "FilterServiceProfilesItem",
    "FilterShipmentTypesItem",
    "FilterStatesItem",
    "FilterType",
    "Form",
    "FormUpdate",
    "Forms",
    "Fulfillment",
    "FulfillmentProcurementType",
    "FulfillmentRegionRestriction",
    "FulfillmentShippingProvider",
    "GetManifestRequest",
    "GetMarketplaceListingDetailsResponse",
    "GetMarketplaceListingDetailsResponseAvailableType0",
    "Handling",
    "InputStream",
    "InvoiceItem",
    "InvoiceRequest",
    "ListingChangeResponse",
    "ListingChangeResponseStatus",
    "Location",
    "LocationStatus",
    "MakeOrderUnHold",
    "MandatoryFormsResponse",
    "MandatoryFormsResponseShipment",
    "MarkOrderItemDelivered",
    "MarkOrderItemPickupComplete",
    "MarkOrderItemShipped",
    "MarketplaceListingDetail",
    "MarketplaceListingDetailArchivedStatus",
    "MarketplaceListingDetailFulfillmentProfile",
    "MarketplaceListingDetailListingStatus",
    "NotionalValue",
    "NotionalValueUnit",
    "OrderItem",
    "OrderItemPaymentType",
    "OrderItemServiceProfile",
    "OrderItemStatus",
    "Otc",
    "Otcv2",
    "PackRequest",
    "PackRequestInvoice",
    "Package",
    "Pagination",
    "Params",
    "PickUpDate",
    "Price",
    "PriceComponent",
    "ProcessReturnEvents",
    "PutOrderOnHold",
    "RequestStatus",
    "ReturnActionResponse",
    "ReturnApproveRequest",
    "ReturnItem",
    "ReturnItemServiceProfile",
    "ReturnRejectRequest",
    "ReturnsActionResponseV2",
    "ReturnsApproveRequest",
    "ReturnsRejectRequest",
    "ReturnsSearchResponseV2",
    "ReverseOTC",
    "ReverseOTCRequestType",
    "ReverseOTCResponse",
    "SearchShipmentRequest",
    "SearchShipmentResponse",
    "SelfShipReturnAttemptPickupRequest",
    "SelfShipReturnCancellationRequest",
    "SelfShipReturnCompleteRequest",
    "SelfShipReturnPickupAttemptRequests",
    "SelfShipReturnPickupRequest",
    "SelfShipReturnPickupRequests",
    "SelfshipDispatchRequestV3",
    "SerialNumber",
    "Service",
    "ServiceAttemptRequest",
    "ServiceCompleteRequest",
    "ServiceResponseStatusV2",
    "Shipment",
    "ShipmentDetailsResponseV3",
    "ShipmentFormUpdateForm",
    "ShipmentFormUpdateRequest",
    "ShipmentPackRequest",
    "ShipmentResponse",
    "ShipmentResponseStatusV2",
    "ShipmentStatusResponseV3",
    "ShipmentV3",
    "ShipmentsDeliverAttemptRequestV2",
    "ShipmentsDeliverRequestV2",
    "ShipmentsDeliverResponseV2",
    "ShipmentsDispatchRequestV2",
    "ShipmentsDispatchResponseV2",
    "ShippingFees",
    "Sort",
    "SortField",
    "SortOrder",
    "SubItemRequest",
    "SubShipment",
    "SubShipments",
    "Tax",
    "TaxItem",
    "UpdateInventoryBody",
    "UpdateInventoryRequest",
    "UpdateInventoryResponse200",
    "UpdateListingRequest",
    "UpdateListingRequestArchivedStatus",
    "UpdateListingRequestFulfillmentProfile",
    "UpdateListingRequestListingStatus",
    "UpdateListingsBody",
    "UpdateListingsResponse200",
    "UpdatePriceBody",
    "UpdatePriceRequest",
    "UpdatePriceResponse200",
    "UpdateShipmentRequest",
    "VendorGroupCodeDetailsResponseV3",
)


def __getattr__(name: str) -> Any:
    module_name = _MODULE_BY_NAME.get(name)
    if module_name is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(module_name, __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
