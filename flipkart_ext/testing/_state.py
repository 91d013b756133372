"""The emulator's in-memory seller account: listings, locations, orders and shipments.

Everything random here comes from ``random.Random`` streams derived from the seed, so that
the same seed and the same clock produce the same ids and dates, which keeps re-recorded
cassettes stable. Orders and the initial catalog draw from the first stream, everything
added later (returns, services, created listings, one-time codes) from a second one, so
that the ids of existing recordings do not move when a new kind of record appears.
Callers hold the emulator's lock around every method.

Every state change is announced through :meth:`Store.publish` as the notification body
Flipkart would push (see ``_notices``); :meth:`Store.watch` and :meth:`Store.watch_return`
turn "what changed" into those bodies, so a handler cannot move a record without the
matching event.
"""

from __future__ import annotations

import contextlib
import hashlib
import random
import uuid
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from .._spec import CANCELLATION_TYPES, RETURN_SOURCES, SHIPMENT_TYPES
from . import _notices
from ._dates import IST, format_datetime

__all__ = [
    "ALL_ITEM_STATES",
    "CANCELLATION_TYPES",
    "IST",
    "POST_DISPATCH_STATES",
    "PRE_DISPATCH_STATES",
    "RETURN_SOURCES",
    "SHIPMENT_TYPES",
    "FormRecord",
    "ListingRecord",
    "OrderItemRecord",
    "ReturnRecord",
    "ServiceRecord",
    "ShipmentRecord",
    "Store",
    "format_datetime",
]

PRE_DISPATCH_STATES = (
    "APPROVED",
    "PACKING_IN_PROGRESS",
    "PACKED",
    "FORM_FAILED",
    "READY_TO_DISPATCH",
)
POST_DISPATCH_STATES = ("SHIPPED", "DELIVERED", "PICKUP_COMPLETE")
# The spec's OrderItem.status enum, in its order.
ALL_ITEM_STATES = (
    "APPROVED",
    "PACKING_IN_PROGRESS",
    "FORM_FAILED",
    "PACKED",
    "READY_TO_DISPATCH",
    "PICKUP_COMPLETE",
    "CANCELLED",
    "RETURN_REQUESTED",
    "RETURNED",
    "SHIPPED",
    "DELIVERED",
    "COMPLETED",
)
# Above this shipment value (INR) India requires an e-way bill, a form Flipkart files.
EWAY_BILL_THRESHOLD = 50_000

_CATALOG = (
    ("Cotton T-shirt, blue, M", "61091000", 799, 499),
    ("Steel water bottle 1 l", "73239390", 649, 399),
    ("Notebook A5, ruled, pack of 3", "48202000", 300, 240),
    ("USB-C cable 1 m", "85444299", 499, 279),
    ("Ceramic coffee mug", "69120010", 450, 329),
    ("Running shoes, size 9", "64041190", 2999, 1899),
    ("Backpack 25 l", "42029200", 1599, 999),
    ("LED desk lamp", "94052090", 1299, 849),
)


@dataclass
class ListingRecord:
    """A seller listing (one SKU) with stock per location."""

    sku: str
    listing_id: str
    product_id: str
    title: str
    hsn: str
    mrp: int
    selling_price: int
    inventory: dict[str, int]
    status: str = "ACTIVE"
    # Defaults below are what every catalog listing had before listings could be edited.
    location_status: dict[str, str] = field(default_factory=dict)
    archived_status: str = "NONE"
    fulfillment_profile: str = "NON_FBF"
    tax_code: str = "GST_18"
    shipping_fees: dict[str, Any] = field(
        default_factory=lambda: {"local": 0, "zonal": 0, "national": 0, "currency": "INR"}
    )
    packages: list[dict[str, Any]] = field(
        default_factory=lambda: [
            {
                "name": "package-1",
                "dimensions": {"length": 20.0, "breadth": 15.0, "height": 10.0},
                "weight": 0.5,
            }
        ]
    )


@dataclass
class FormRecord:
    """A regulatory form a shipment needs (an e-way bill), filed by Flipkart or by hand."""

    name: str
    link: str
    automated: bool
    status: str = "NOT_CREATED"
    ack_number: str | None = None


@dataclass
class OrderItemRecord:
    """One order line; its ``status`` is the unit that transitions move."""

    order_item_id: str
    order_id: str
    cancellation_group_id: str
    listing: ListingRecord
    quantity: int
    selling_price: int
    order_date: datetime
    payment_type: str
    status: str = "APPROVED"
    cancellation_type: str | None = None
    cancellation_date: datetime | None = None
    cancellation_reason: str | None = None

    def wire(self, package_id: str) -> dict[str, Any]:
        """The fields Flipkart sends for this item both in shipment details and in a
        ``shipment_created`` notification (each adds its own)."""
        price = float(self.selling_price * self.quantity)
        return {
            "orderItemId": self.order_item_id,
            "orderId": self.order_id,
            "cancellationGroupId": self.cancellation_group_id,
            "orderDate": format_datetime(self.order_date),
            "paymentType": self.payment_type,
            "status": self.status,
            "quantity": self.quantity,
            "fsn": self.listing.product_id,
            "sku": self.listing.sku,
            "listingId": self.listing.listing_id,
            "hsn": self.listing.hsn,
            "title": self.listing.title,
            "packageIds": [package_id],
            "priceComponents": {
                "sellingPrice": price,
                "totalPrice": price,
                "shippingCharge": 0.0,
                "customerPrice": price,
                "flipkartDiscount": 0.0,
            },
        }


@dataclass
class ShipmentRecord:
    """A shipment: order items that travel together in one package."""

    shipment_id: str
    location_id: str
    shipment_type: str
    dispatch_after: datetime
    dispatch_by: datetime
    updated_at: datetime
    items: list[OrderItemRecord]
    sub_shipment_id: str
    package_id: str
    hold: bool = False
    dimensions: dict[str, float] = field(
        default_factory=lambda: {"length": 20.0, "breadth": 15.0, "height": 10.0}
    )
    weight: float = 0.5
    invoice_numbers: dict[str, str] = field(default_factory=dict)
    forms: list[FormRecord] = field(default_factory=list)
    form_failure: bool = False
    """Flipkart's automated filing of this shipment's forms fails when it is packed."""
    tracking: dict[str, Any] = field(default_factory=dict)
    dispatched_at: datetime | None = None
    tentative_delivery: datetime | None = None
    delivered_at: datetime | None = None
    delivery_attempts: list[dict[str, Any]] = field(default_factory=list)
    manifested_at: datetime | None = None

    @property
    def active_items(self) -> list[OrderItemRecord]:
        """Items that are not cancelled."""
        return [item for item in self.items if item.status != "CANCELLED"]

    @property
    def state(self) -> str:
        """The shipment's state: that of its live items, or CANCELLED when none is left."""
        active = self.active_items
        return active[0].status if active else "CANCELLED"

    @property
    def order_date(self) -> datetime:
        """When the (first) order was placed."""
        return min(item.order_date for item in self.items)

    @property
    def dispatch_tier(self) -> str:
        """The dispatch service tier the filter's ``dispatchServiceTiers`` matches."""
        return "EXPRESS" if self.shipment_type == "EXPRESS" else "REGULAR"

    @property
    def vendor_group(self) -> str:
        """The logistics partner that collects it (the seller's own courier for self-ship)."""
        return _VENDOR_GROUPS[self.shipment_type]

    @property
    def value(self) -> int:
        """The invoice value of its live items, in INR."""
        return sum(item.selling_price * item.quantity for item in self.active_items)


_VENDOR_GROUPS = {"NORMAL": "Ekart Logistics", "EXPRESS": "Ekart Express", "SELF": "Self Ship"}


@dataclass
class ReturnRecord:
    """A return of one order item: by the buyer (customer) or undelivered (courier)."""

    return_id: str
    source: str
    item: OrderItemRecord
    shipment: ShipmentRecord
    created: datetime
    updated: datetime
    tracking_id: str
    courier_name: str
    reason: str
    sub_reason: str
    item_status_before: str
    status: str = "created"
    comments: str | None = None
    approved_on: datetime | None = None
    expected_date: datetime | None = None
    picked_up_at: datetime | None = None
    completed_at: datetime | None = None

    @property
    def location_id(self) -> str:
        """The seller location the return goes back to."""
        return self.shipment.location_id


@dataclass
class ServiceRecord:
    """An installation (FORWARD) or technician visit (REVERSE) for a self-ship order item."""

    service_fulfilment_id: str
    service_type: str
    item: OrderItemRecord
    shipment: ShipmentRecord
    created: datetime
    service_by: datetime
    status: str = "SCHEDULED"
    attempts: list[datetime] = field(default_factory=list)
    completed_at: datetime | None = None


class Store:
    """All seller data of one emulator, with seeded id generation."""

    def __init__(self, seed: int, clock: Callable[[], datetime]) -> None:
        self._seed = seed
        self._clock = clock
        self.sink: Callable[[dict[str, Any]], None] = lambda body: None
        """Receives every notification body; the emulator points it at its webhooks."""
        self.reset()

    def reset(self) -> None:
        """Forget every order and rebuild the catalog exactly as a fresh store would."""
        # Not a security use: ids only need to be reproducible for a given seed.
        self._rng = random.Random(self._seed)  # noqa: S311
        self.seller_id = self._hex(16)
        self.locations = [f"LOC{self._hex(32)}", f"LOC{self._hex(32)}"]
        self.listings: dict[str, ListingRecord] = {}
        for number, (title, hsn, mrp, price) in enumerate(_CATALOG, start=1):
            sku = f"SKU-{number:04d}"
            self.listings[sku] = ListingRecord(
                sku=sku,
                listing_id=f"LST{self._alnum(16)}",
                product_id=self._alnum(16),
                title=title,
                hsn=hsn,
                mrp=mrp,
                selling_price=price,
                inventory={location: 100 for location in self.locations},
            )
        self.shipments: dict[str, ShipmentRecord] = {}
        self.orders: dict[str, list[OrderItemRecord]] = {}
        self._sku_cursor = 0
        # A second stream for everything added later, keyed off the seed as a string
        # (random hashes those with SHA-512, so the stream is stable across runs).
        self.aux = random.Random(f"flipkart-emulator-{self._seed}")  # noqa: S311
        self.returns: dict[str, ReturnRecord] = {}
        self.services: dict[str, ServiceRecord] = {}
        self._last_event: datetime | None = None
        self._last_return: datetime | None = None

    # -- id helpers -------------------------------------------------------------------

    def _hex(self, length: int, rng: random.Random | None = None) -> str:
        rng = rng or self._rng
        return "".join(rng.choice("0123456789abcdef") for _ in range(length))

    def _alnum(self, length: int, rng: random.Random | None = None) -> str:
        rng = rng or self._rng
        return "".join(rng.choice("ABCDEFGHJKLMNPQRSTUVWXYZ0123456789") for _ in range(length))

    def _digits(self, length: int, rng: random.Random | None = None) -> str:
        rng = rng or self._rng
        return str(rng.randint(1, 9)) + "".join(rng.choice("0123456789") for _ in range(length - 1))

    def new_id(self, kind: str) -> str:
        """A fresh id from the second stream: ``listing``, ``product``, ``return``, ..."""
        aux = self.aux
        if kind == "listing":
            return f"LST{self._alnum(16, aux)}"
        if kind == "product":
            return self._alnum(16, aux)
        if kind == "return":
            return self._digits(18, aux)
        if kind == "tracking":
            return f"FMPR{self._digits(10, aux)}"
        if kind == "service":
            return f"SF{self._digits(16, aux)}"
        raise ValueError(f"unknown id kind {kind!r}")

    def now(self) -> datetime:
        """The data clock's current time (fixed in recordings, wall time otherwise)."""
        return self._clock()

    def code(self, *parts: object, digits: int = 6) -> str:
        """A numeric code that depends only on the seed and ``parts`` (one-time codes).

        Derived rather than drawn, so that asking twice gives the same code and asking
        does not shift any other id.
        """
        material = ":".join(map(str, (self._seed, *parts))).encode()
        number = int.from_bytes(hashlib.sha256(material).digest()[:8], "big")
        return str(number % 10**digits).zfill(digits)

    # -- notifications ------------------------------------------------------------------

    def event_time(self) -> datetime:
        """When an event happens: now, but always after the previous event.

        A receiver keys events on type, ids and timestamp; two moves of one shipment under
        a fixed clock would otherwise look like one event delivered twice.
        """
        moment = self.now()
        if self._last_event is not None and moment <= self._last_event:
            moment = self._last_event + timedelta(milliseconds=1)
        self._last_event = moment
        return moment

    def stamp(self) -> datetime:
        """When a return is created or changed: now, in whole milliseconds, after the last.

        Whole milliseconds, as written on the wire, so that a page boundary read back from
        ``createdAfter`` compares equal to the record it came from; strictly increasing,
        so that created and modified ranges never tie, even under a fixed clock.
        """
        moment = self.now()
        moment = moment.replace(microsecond=moment.microsecond // 1000 * 1000)
        if self._last_return is not None and moment <= self._last_return:
            moment = self._last_return + timedelta(milliseconds=1)
        self._last_return = moment
        return moment

    def publish(self, body: dict[str, Any]) -> None:
        """Announce one notification body (never blocks: the sink only queues it)."""
        self.sink(body)

    @contextlib.contextmanager
    def watch(self, shipment: ShipmentRecord) -> Iterator[None]:
        """Publish the events for whatever the block changes in ``shipment``.

        Nothing is published when the block raises: a refused move changes nothing.
        """
        before = _notices.ShipmentSnapshot.of(shipment)
        yield
        for body in _notices.shipment_changes(before, shipment, self.event_time):
            self.publish(body)

    @contextlib.contextmanager
    def watch_return(self, record: ReturnRecord) -> Iterator[None]:
        """Publish the events for whatever the block changes in ``record``."""
        before = _notices.ReturnSnapshot.of(record)
        yield
        for body in _notices.return_changes(before, record, self.event_time):
            self.publish(body)

    # -- look-ups ---------------------------------------------------------------------

    def listing_by_id(self, listing_id: str) -> ListingRecord | None:
        """The listing with this listing id, if the seller has one."""
        for listing in self.listings.values():
            if listing.listing_id == listing_id:
                return listing
        return None

    def items(self) -> Iterable[tuple[ShipmentRecord, OrderItemRecord]]:
        """Every order item with the shipment that carries it."""
        for shipment in self.shipments.values():
            for item in shipment.items:
                yield shipment, item

    def carrier_of(self, order_item_id: str) -> tuple[ShipmentRecord, OrderItemRecord] | None:
        """The shipment carrying this order item, and the item; None when unknown."""
        return next(
            ((s, item) for s, item in self.items() if item.order_item_id == order_item_id), None
        )

    # -- creation ---------------------------------------------------------------------

    def next_listing(self) -> ListingRecord:
        """The catalog's listings in turn, so that generated orders cover every SKU."""
        listing = list(self.listings.values())[self._sku_cursor % len(self.listings)]
        self._sku_cursor += 1
        return listing

    def create_order(
        self,
        lines: Sequence[tuple[ListingRecord, int]],
        *,
        location_id: str | None = None,
        shipment_type: str = "NORMAL",
        state: str = "APPROVED",
        hold: bool = False,
        cancellation_type: str | None = None,
        form_failure: bool = False,
    ) -> ShipmentRecord:
        """Create one order whose items travel in one new shipment, as the sandbox does.

        Announces ``shipment_created``. Ids and dates come from the first random stream in
        the same order as they always have.
        """
        now = self.now()
        order_date = (now - timedelta(minutes=self._rng.randint(5, 600))).replace(microsecond=0)
        dispatch_after = order_date + timedelta(hours=1)
        dispatch_by = (order_date + timedelta(hours=self._rng.randint(6, 96))).replace(
            minute=0, second=0
        )
        order_id = f"OD{self._digits(18)}"
        payment_type = self._rng.choice(("PREPAID", "COD"))
        items = []
        for listing, quantity in lines:
            item_id = self._digits(18)
            items.append(
                OrderItemRecord(
                    order_item_id=item_id,
                    order_id=order_id,
                    cancellation_group_id=f"grp{item_id}",
                    listing=listing,
                    quantity=quantity,
                    selling_price=listing.selling_price,
                    order_date=order_date,
                    payment_type=payment_type,
                    status=state,
                )
            )
        shipment_id = str(uuid.UUID(int=self._rng.getrandbits(128), version=4))
        shipment = ShipmentRecord(
            shipment_id=shipment_id,
            location_id=location_id or self.locations[0],
            shipment_type=shipment_type,
            dispatch_after=dispatch_after,
            dispatch_by=dispatch_by,
            updated_at=now,
            items=items,
            sub_shipment_id=f"{shipment_id}-1",
            package_id=f"PKG{self._alnum(12)}",
            hold=hold,
        )
        if state == "CANCELLED":
            for item in items:
                item.cancellation_type = cancellation_type or "buyerCancellation"
                item.cancellation_date = now
                item.cancellation_reason = "order_cancelled"
        shipment.form_failure = form_failure
        if form_failure or state == "FORM_FAILED" or shipment.value >= EWAY_BILL_THRESHOLD:
            shipment.forms.append(
                FormRecord(
                    name="EWAY_BILL",
                    link="https://ewaybillgst.gov.in",
                    automated=True,
                    status="FAILED" if state == "FORM_FAILED" else "NOT_CREATED",
                )
            )
        self.shipments[shipment_id] = shipment
        self.orders[order_id] = items
        self.publish(_notices.shipment_created(shipment, self.event_time()))
        return shipment

    def add_listing(
        self,
        sku: str,
        *,
        product_id: str | None = None,
        title: str = "Emulated product",
        hsn: str = "61091000",
        mrp: int = 999,
        selling_price: int = 799,
        inventory: int = 100,
        status: str = "ACTIVE",
    ) -> ListingRecord:
        """A new listing with ``inventory`` units at every location (ids from the second stream)."""
        listing = ListingRecord(
            sku=sku,
            listing_id=self.new_id("listing"),
            product_id=product_id or self.new_id("product"),
            title=title,
            hsn=hsn,
            mrp=mrp,
            selling_price=selling_price,
            inventory={location: inventory for location in self.locations},
            status=status,
        )
        self.listings[sku] = listing
        return listing

    def next_sku(self) -> str:
        """The first ``SKU-NNNN`` not yet in the catalog."""
        number = len(self.listings) + 1
        while f"SKU-{number:04d}" in self.listings:
            number += 1
        return f"SKU-{number:04d}"

    def create_return(
        self,
        shipment: ShipmentRecord,
        item: OrderItemRecord,
        source: str,
        *,
        reason: str = "DAMAGED_PRODUCT",
        sub_reason: str = "PRODUCT_BROKEN",
    ) -> ReturnRecord:
        """Open a return for one order item; announces ``return_created``.

        Creation times strictly increase, so that ``createdAfter`` pages without ties.
        """
        created = self.stamp()
        self_ship = shipment.shipment_type == "SELF"
        record = ReturnRecord(
            return_id=self.new_id("return"),
            source=source,
            item=item,
            shipment=shipment,
            created=created,
            updated=created,
            tracking_id=self.new_id("tracking"),
            courier_name="Self Ship" if self_ship else "E-Kart Logistics",
            reason=reason if source == "customer_return" else "UNDELIVERED",
            sub_reason=sub_reason if source == "customer_return" else "CUSTOMER_NOT_AVAILABLE",
            item_status_before=item.status,
            expected_date=created + timedelta(days=5),
        )
        self.returns[record.return_id] = record
        with self.watch(shipment):
            item.status = "RETURN_REQUESTED"
            shipment.updated_at = created
        self.publish(_notices.return_created(record, self.event_time()))
        return record
