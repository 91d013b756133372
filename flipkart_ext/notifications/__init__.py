"""Flipkart order notifications (webhooks): verify the signature, decode the event.

Flipkart POSTs a JSON event to the URL registered for the seller, signed with
the ``X_Date`` and ``X_Authorization`` headers, and delivers each event at
least once. A receiver therefore does three things: :func:`verify_signature`,
:func:`parse_event`, and de-duplicate on :func:`idempotency_key`.

A framework-neutral receiver; wire ``handle`` into any web framework by
passing the request method, headers and raw body, and sending back the status
and text it returns:

>>> import json
>>> from flipkart_ext import InvalidSignature, MalformedEvent
>>> from flipkart_ext.notifications import (
...     ShipmentCancelled, idempotency_key, parse_event, sign, verify_signature,
... )
>>> APP_ID, APP_SECRET = "my-app-id", "my-app-secret"  # from the environment in real code
>>> NOTIFY_URL = "https://seller.example.com/flipkart/notify"  # exactly as registered
>>> handled: set[str] = set()  # a table with a unique column in real code
>>> def handle(method, headers, body):
...     try:
...         verify_signature(
...             headers, url=NOTIFY_URL, method=method, app_id=APP_ID, app_secret=APP_SECRET
...         )
...         event = parse_event(body)
...     except InvalidSignature as exc:
...         return 401, exc.reason.value
...     except MalformedEvent:
...         return 400, "body is not a JSON object"
...     key = idempotency_key(event)
...     if key in handled:
...         return 200, "already handled"
...     if isinstance(event, ShipmentCancelled):
...         pass  # stop packing event.shipment_id ...
...     handled.add(key)
...     return 200, event.event_type

Flipkart would send (``sign`` builds the same headers, for tests and local senders):

>>> body = json.dumps({
...     "eventType": "shipment_cancelled", "source": "flipkart", "shipmentId": "SH-1",
...     "locationId": "LOC1", "timestamp": "2017-04-06T18:20:00+05:30",
...     "attributes": {"reason": "buyer_cancelled"},
... }).encode()
>>> headers = sign(url=NOTIFY_URL, method="POST", app_id=APP_ID, app_secret=APP_SECRET)
>>> handle("POST", headers, body)
(200, 'shipment_cancelled')
>>> handle("POST", headers, body)  # a re-delivery
(200, 'already handled')
>>> handle("POST", {}, body)
(401, 'missing_header')

The URL given to :func:`verify_signature` must be the one registered with
Flipkart, not the one the application sees behind a proxy or load balancer.
Some proxies (nginx by default) drop header names containing ``_``, such as
``X_Date``; enable them there (``underscores_in_headers on;``).
"""

from .._lazy import lazy_module_getattr
from ._events import (
    GenericEvent,
    NotificationBody,
    NotificationEvent,
    ReturnCancelled,
    ReturnCompleted,
    ReturnCreated,
    ReturnEvent,
    ReturnExpectedDateChanged,
    ReturnPickedUp,
    ReturnTrackingIdUpdated,
    ShipmentCancelled,
    ShipmentCreated,
    ShipmentDelivered,
    ShipmentDispatchDatesChanged,
    ShipmentEvent,
    ShipmentFormFailed,
    ShipmentHold,
    ShipmentPacked,
    ShipmentPickupComplete,
    ShipmentReadyToDispatch,
    ShipmentShipped,
    ShipmentUnhold,
    event_class_for,
    parse_event,
)
from ._idempotency import idempotency_key
from ._parts import (
    Dimensions,
    Form,
    OrderItem,
    Package,
    PriceComponents,
    ReturnItem,
    SubShipment,
)
from ._signature import (
    AUTHORIZATION_HEADER,
    DATE_HEADER,
    DEFAULT_MAX_SKEW,
    DateForm,
    RequestHeaders,
    VerifiedNotification,
    compute_signature,
    is_valid_signature,
    sign,
    verify_signature,
)

__all__ = [
    "AUTHORIZATION_HEADER",
    "DATE_HEADER",
    "DEFAULT_MAX_SKEW",
    "DateForm",
    "Dimensions",
    "Form",
    "GenericEvent",
    "NotificationBody",
    "NotificationEvent",
    "OrderItem",
    "Package",
    "PriceComponents",
    "RequestHeaders",
    "ReturnCancelled",
    "ReturnCompleted",
    "ReturnCreated",
    "ReturnEvent",
    "ReturnExpectedDateChanged",
    "ReturnItem",
    "ReturnPickedUp",
    "ReturnTrackingIdUpdated",
    "ShipmentCancelled",
    "ShipmentCreated",
    "ShipmentDelivered",
    "ShipmentDispatchDatesChanged",
    "ShipmentEvent",
    "ShipmentFormFailed",
    "ShipmentHold",
    "ShipmentPacked",
    "ShipmentPickupComplete",
    "ShipmentReadyToDispatch",
    "ShipmentShipped",
    "ShipmentUnhold",
    "SubShipment",
    "VerifiedNotification",
    "compute_signature",
    "event_class_for",
    "idempotency_key",
    "is_valid_signature",
    "parse_event",
    "sign",
    "verify_signature",
]

# The errors moved to flipkart_ext (one error tree): the old names work for one more release.
__getattr__ = lazy_module_getattr(
    __name__,
    {},
    moved={
        name: f"flipkart_ext.{name}"
        for name in (
            "BadSignature",
            "FailureReason",
            "InvalidSignature",
            "MalformedEvent",
            "MalformedHeader",
            "MissingHeader",
            "NotificationError",
            "StaleRequest",
            "WrongApplication",
        )
    },
)
