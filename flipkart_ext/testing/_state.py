"""The emulator's in-memory seller account: listings, locations, orders and shipments.

Everything random here comes from one ``random.Random(seed)`` so that the same seed and
the same clock produce the same ids and dates, which keeps re-recorded cassettes stable.
Callers hold the emulator's lock around every method.
"""

from __future__ import annotations

import random
import uuid
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone

__all__ = [
    "ALL_ITEM_STATES",
    "CANCELLATION_TYPES",
    "IST",
    "POST_DISPATCH_STATES",
    "PRE_DISPATCH_STATES",
    "SHIPMENT_TYPES",
    "ListingRecord",
    "OrderItemRecord",
    "ShipmentRecord",
    "Store",
    "format_datetime",
]

IST = timezone(timedelta(hours=5, minutes=30), "IST")

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
CANCELLATION_TYPES = ("sellerCancellation", "buyerCancellation", "marketplaceCancellation")
SHIPMENT_TYPES = ("NORMAL", "EXPRESS", "SELF")

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


def format_datetime(value: datetime) -> str:
    """Flipkart's rendering: IST offset and milliseconds, e.g. ``2024-01-05T12:00:00.000+05:30``."""
    return value.astimezone(IST).isoformat(timespec="milliseconds")


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


class Store:
    """All seller data of one emulator, with seeded id generation."""

    def __init__(self, seed: int, clock: Callable[[], datetime]) -> None:
        self._seed = seed
        self._clock = clock
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

    # -- id helpers -------------------------------------------------------------------

    def _hex(self, length: int) -> str:
        return "".join(self._rng.choice("0123456789abcdef") for _ in range(length))

    def _alnum(self, length: int) -> str:
        return "".join(
            self._rng.choice("ABCDEFGHJKLMNPQRSTUVWXYZ0123456789") for _ in range(length)
        )

    def _digits(self, length: int) -> str:
        return str(self._rng.randint(1, 9)) + "".join(
            self._rng.choice("0123456789") for _ in range(length - 1)
        )

    def now(self) -> datetime:
        """The data clock's current time (fixed in recordings, wall time otherwise)."""
        return self._clock()

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
    ) -> ShipmentRecord:
        """Create one order whose items travel in one new shipment, as the sandbox does."""
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
        self.shipments[shipment_id] = shipment
        self.orders[order_id] = items
        return shipment
