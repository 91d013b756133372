"""The Emulator: one seller account, one OAuth application, one HTTP server on loopback."""

from __future__ import annotations

import hashlib
import threading
from collections.abc import Callable, Iterable
from datetime import datetime
from typing import Any, Self, TextIO

from .._boundary import guarded_class
from ..errors import ConfigurationError, InvalidArgument, UsageError
from . import _return_moves, _selfship, _transitions
from ._app import EmulatorApp, Handler, RecordedRequest
from ._contract import API_PREFIX, OAUTH_PREFIX, SpecContract
from ._control import ControlApi
from ._cursor import CursorCodec
from ._extra import require_testing_extra
from ._faults import Faults
from ._forms import FormsApi
from ._handover import HandoverApi
from ._listings import ListingsApi
from ._oauth import OAuthService, TokenRequest, TokenStore
from ._returns import ReturnsApi
from ._running import Running
from ._sandbox import SandboxApi, return_source
from ._selfship import SelfShipApi
from ._server import ServerThread
from ._services import ServicesApi
from ._shipments import ShipmentsApi
from ._state import (
    ALL_ITEM_STATES,
    CANCELLATION_TYPES,
    IST,
    PRE_DISPATCH_STATES,
    RETURN_SOURCES,
    SHIPMENT_TYPES,
    Store,
)
from ._transitions import TransitionError, cancel_by_marketplace
from ._webhooks import Delivery, Webhooks, WebhookSettings

__all__ = [
    "DEFAULT_CLIENT_ID",
    "DEFAULT_CLIENT_SECRET",
    "DEFAULT_EXPIRES_IN",
    "DEFAULT_REFRESH_EXPIRES_IN",
    "Emulator",
]

DEFAULT_CLIENT_ID = "emulator-app"
# A fixed, public test credential that only the emulator accepts.
DEFAULT_CLIENT_SECRET = "emulator-secret"  # noqa: S105
DEFAULT_EXPIRES_IN = 5_184_000  # 60 days, Flipkart's access token lifetime
DEFAULT_REFRESH_EXPIRES_IN = 15_552_000  # 180 days


def _wall_clock() -> datetime:
    return datetime.now(IST)


def _cursor_key(purpose: str, seed: int) -> bytes:
    return hashlib.sha256(f"{purpose}-{seed}".encode()).digest()


@guarded_class
class Emulator(Running):
    """A stateful local stand-in for Flipkart's sandbox, served over real HTTP.

    Use it as a context manager (or call :meth:`start` / :meth:`stop`)::

        with Emulator() as emu:
            emu.create_test_orders(count=30)
            ...  # point a client at emu.api_base_url / emu.oauth_base_url

    ``seed`` fixes every generated id; ``clock`` (a callable returning an aware datetime)
    fixes every generated date, so that a recording made twice is identical apart from
    tokens. ``sleep`` performs injected latency; tests replace it to avoid waiting.

    ``notify_url`` registers a webhook receiver at once (see :meth:`notify`): every state
    change is then POSTed there, signed with ``client_id`` / ``client_secret``.
    ``stderr`` receives the traceback of any unexpected failure inside the emulator,
    which answers that request with 500 (default: ``sys.stderr`` at the time).

    Raises :class:`~flipkart_ext.testing.MissingExtra` when the ``testing`` extra
    (``pip install 'flipkart-seller[testing]'``) is not installed.
    """

    def __init__(
        self,
        *,
        host: str = "127.0.0.1",
        port: int = 0,
        expires_in: int = DEFAULT_EXPIRES_IN,
        refresh_expires_in: int = DEFAULT_REFRESH_EXPIRES_IN,
        client_id: str = DEFAULT_CLIENT_ID,
        client_secret: str = DEFAULT_CLIENT_SECRET,
        seed: int = 0,
        clock: Callable[[], datetime] | None = None,
        sleep: Callable[[float], object] | None = None,
        notify_url: str | None = None,
        stderr: TextIO | None = None,
    ) -> None:
        require_testing_extra()
        if expires_in < 0 or refresh_expires_in < 0:
            raise InvalidArgument("token lifetimes must be non-negative")
        self._host = host
        self._port = port
        self.client_id = client_id
        self.client_secret = client_secret
        self._lock = threading.RLock()
        self._stopping = threading.Event()
        self._server: ServerThread | None = None
        self._store = Store(seed, clock or _wall_clock)
        self._tokens = TokenStore(expires_in=expires_in, refresh_expires_in=refresh_expires_in)
        self._oauth = OAuthService(self._tokens, client_id, client_secret)
        self._faults = Faults(self._lock)
        self._webhooks = Webhooks(app_id=client_id, app_secret=client_secret, seed=seed)
        self._store.sink = self._webhooks.publish
        self.contract = SpecContract()
        """The spec contract requests are checked against (also handy to check responses)."""
        handlers = self._handlers(seed)
        every = self.contract.operations
        self._operations = frozenset((op.method, op.template) for op in every.values())
        self._generic = frozenset(
            (op.method, op.template) for name, op in every.items() if name not in handlers
        )
        self._app = EmulatorApp(
            lock=self._lock,
            tokens=self._tokens,
            oauth=self._oauth,
            faults=self._faults,
            contract=self.contract,
            handlers=handlers,
            control=ControlApi(self),
            sleep=sleep or self._stopping.wait,
            now=self._store.now,
            stderr=stderr,
        )
        if notify_url is not None:
            self.notify(notify_url)

    def _handlers(self, seed: int) -> dict[str, Handler]:
        """Every operation of the spec, by operation id, with the handler that serves it."""
        store = self._store
        shipments = ShipmentsApi(store, CursorCodec(_cursor_key("cursor-key", seed)))
        listings = ListingsApi(store, CursorCodec(_cursor_key("listing-cursor-key", seed)))
        sandbox = SandboxApi(store)
        selfship = SelfShipApi(store)
        handover = HandoverApi(store)
        forms = FormsApi(store)
        returns = ReturnsApi(store)
        services = ServicesApi(store)
        # The self-ship calls exist in v2 and v3 with the same body.
        self_ship_dispatch = selfship.moving(_selfship.dispatch)
        self_ship_delivery = selfship.moving(_selfship.deliver)
        self_ship_attempt = selfship.moving(_selfship.attempt_delivery)
        return {
            # sandbox helpers
            "createTestOrders": sandbox.create_test_orders,
            "putOrderOnHold": sandbox.moving(_transitions.hold),
            "makeOrderUnHold": sandbox.moving(_transitions.release_hold),
            "markOrderItemPickupComplete": sandbox.moving(_transitions.mark_pickup_complete),
            "markOrderItemShipped": sandbox.moving(_transitions.mark_shipped),
            "markOrderItemDelivered": sandbox.moving(_transitions.deliver),
            "changeDispatchSlots": sandbox.change_dispatch_slots,
            "createReturn": sandbox.create_return,
            "processReturnEvents": sandbox.process_return_events,
            "createService": sandbox.create_service,
            # shipments
            "searchPreDispatchShipmentPost": shipments.search_post,
            "searchPreDispatchShipmentGet": shipments.search_get,
            "getShipmentDetails": shipments.get_by_path,
            "getShipmentDetailsByInternalId": shipments.get_by_query,
            "pack": shipments.pack,
            "getLabels": shipments.labels,
            "getLabelsOnly": shipments.labels_only,
            "getLabelsOnlyPDF": shipments.labels_only_pdf,
            "getInvoicesPdfFromEsi": shipments.invoices,
            "markRTD": shipments.dispatch,
            "cancelByEnforcedGroupIds": shipments.cancel,
            "getMandatoryForms": forms.mandatory_forms,
            "updateAckNumber": forms.acknowledge,
            "getVendorGroupDetails": handover.counts,
            "getManifest": handover.manifest,
            "getReverseOtc": handover.reverse_otc,
            # self-ship
            "submitSelfShipmentDispatchRequest": self_ship_dispatch,
            "submitSelfShiptDispatchRequest": self_ship_dispatch,
            "submitSelfShipDeliverRequest": self_ship_delivery,
            "submitSelfShipDeliveryRequest": self_ship_delivery,
            "submitSelfShipDeliverAttemptRequestV2": self_ship_attempt,
            "submitSelfShipDeliverAttemptRequestV3": self_ship_attempt,
            "updateTrackingInfo": selfship.update_tracking,
            "submitServiceAttemptRequest": services.attempt,
            "submitServiceCompleteRequest": services.complete,
            # returns
            "getReturns": returns.search,
            "approveSelfShipReturns": returns.acting("returns", _return_moves.approve),
            "rejectSelfShipReturns": returns.acting("returns", _return_moves.reject),
            "cancelSelfShipReturn": returns.acting("returnIds", _return_moves.cancel),
            "returnComplete": returns.acting("returnIds", _return_moves.complete),
            "pickup": returns.acting("returns", _return_moves.pick_up),
            "pickupAttempt": returns.acting("returns", _return_moves.attempt_pickup),
            # listings
            "getListings": listings.get,
            "listingSearch": listings.search,
            "createListings": listings.create,
            "updateListings": listings.update,
            "updatePrice": listings.update_price,
            "updateInventory": listings.update_inventory,
        }

    @property
    def operations(self) -> frozenset[tuple[str, str]]:
        """The operations the emulator serves: every ``(METHOD, path template)`` of the spec."""
        return self._operations

    @property
    def generic_operations(self) -> frozenset[tuple[str, str]]:
        """Spec operations without a handler of their own, answered from the spec.

        An operation Flipkart added after this emulator was written: it answers with the
        smallest body its 2xx response schema allows, and keeps no state.
        """
        return self._generic

    def __repr__(self) -> str:
        where = self.url if self._server is not None else "stopped"
        return f"<Emulator {where} client_id={self.client_id!r}>"

    # -- lifecycle ---------------------------------------------------------------------

    def start(self) -> Self:
        """Bind and serve in a background thread; returns self."""
        if self._server is not None:
            raise UsageError("the emulator is already running")
        self._stopping.clear()
        try:
            self._server = ServerThread(self._app, self._host, self._port)
        except OSError as exc:  # a port in use, a host not ours: the caller's setting
            raise ConfigurationError(
                f"cannot listen on {self._host}:{self._port} ({exc.strerror or exc}); "
                "choose another port (0 picks a free one)"
            ) from exc
        self._webhooks.enable()
        return self

    def stop(self) -> None:
        """Stop serving and release the socket and every thread; safe to call twice."""
        server, self._server = self._server, None
        if server is not None:
            self._stopping.set()
            server.stop()
        self._webhooks.stop()

    @property
    def running(self) -> bool:
        """Whether the server is accepting connections."""
        return self._server is not None

    # -- addresses ---------------------------------------------------------------------

    @property
    def url(self) -> str:
        """``http://127.0.0.1:PORT``; only while running.

        Bound to every interface (``0.0.0.0`` or ``::``), the URL names the loopback address,
        which a client on this machine can reach (a wildcard is no address to connect to).
        """
        if self._server is None:
            raise UsageError("the emulator is not running")
        host = {"0.0.0.0": "127.0.0.1", "::": "::1"}.get(self._server.host, self._server.host)  # noqa: S104 - a wildcard bind, named for what it is
        if ":" in host:
            host = f"[{host}]"
        return f"http://{host}:{self._server.port}"

    @property
    def port(self) -> int:
        """The bound port; only while running."""
        if self._server is None:
            raise UsageError("the emulator is not running")
        return int(self._server.port)

    @property
    def api_base_url(self) -> str:
        """The seller API base, the emulator's ``https://api.flipkart.net/sellers``."""
        return self.url + API_PREFIX

    @property
    def oauth_base_url(self) -> str:
        """The OAuth base, the emulator's ``https://api.flipkart.net/oauth-service``."""
        return self.url + OAUTH_PREFIX

    # -- observation -------------------------------------------------------------------

    @property
    def faults(self) -> Faults:
        """The fault plan: ``emu.faults.rate_limit(...)`` etc."""
        return self._faults

    @property
    def token_requests(self) -> list[TokenRequest]:
        """Every call to the token endpoint so far: (grant_type, client_id, status)."""
        with self._lock:
            return list(self._oauth.token_requests)

    @property
    def requests(self) -> list[RecordedRequest]:
        """Every API call received so far, faulted ones included: (method, path, query)."""
        with self._lock:
            return list(self._app.requests)

    @property
    def seller_id(self) -> str:
        """The emulated seller's id."""
        return self._store.seller_id

    @property
    def location_ids(self) -> list[str]:
        """The seller's dispatch locations; the first is the default."""
        with self._lock:
            return list(self._store.locations)

    @property
    def listing_ids(self) -> dict[str, str]:
        """The seller's catalog: SKU -> listing id (for sandbox test orders)."""
        with self._lock:
            return {sku: listing.listing_id for sku, listing in self._store.listings.items()}

    def shipment_state(self, shipment_id: str) -> str:
        """The current state of one shipment (KeyError when unknown)."""
        with self._lock:
            return self._store.shipments[shipment_id].state

    def return_status(self, return_id: str) -> str:
        """The current status of one return (KeyError when unknown)."""
        with self._lock:
            return self._store.returns[return_id].status

    def order_item_ids(self, shipment_id: str) -> list[str]:
        """The order item ids of one shipment (KeyError when unknown)."""
        with self._lock:
            return [item.order_item_id for item in self._store.shipments[shipment_id].items]

    # -- notifications ------------------------------------------------------------------

    def notify(self, url: str | None, **settings: Any) -> WebhookSettings:
        """Register the URL every notification is POSTed to (None: stop sending).

        ``settings`` tune delivery: ``max_attempts`` (default 5), ``backoff`` (seconds
        before the first retry, doubling; 0.5), ``max_backoff`` (30), ``duplicate_rate``
        (0 to 1: the share of delivered events sent a second time; 0) and ``timeout``
        (seconds per attempt; 5). Returns the settings in force.
        """
        return self._webhooks.configure(url=url, **settings)

    @property
    def webhooks(self) -> Webhooks:
        """The notification outbox: ``events``, ``deliveries``, ``flush()``, ``settings``."""
        return self._webhooks

    @property
    def events(self) -> list[dict[str, Any]]:
        """Every notification body published so far, whether or not a URL is registered."""
        return self._webhooks.events

    @property
    def deliveries(self) -> list[Delivery]:
        """Every webhook delivery attempt so far."""
        return self._webhooks.deliveries

    def state(self) -> dict[str, Any]:
        """Counts for the ``/_emulator/state`` endpoint; holds no secrets."""
        with self._lock:
            by_state: dict[str, int] = {}
            for shipment in self._store.shipments.values():
                by_state[shipment.state] = by_state.get(shipment.state, 0) + 1
            returns_by_status: dict[str, int] = {}
            for record in self._store.returns.values():
                returns_by_status[record.status] = returns_by_status.get(record.status, 0) + 1
            return {
                "sellerId": self._store.seller_id,
                "locations": list(self._store.locations),
                "listings": {sku: x.listing_id for sku, x in self._store.listings.items()},
                "orders": len(self._store.orders),
                "shipments": len(self._store.shipments),
                "shipmentsByState": by_state,
                "returns": len(self._store.returns),
                "returnsByStatus": returns_by_status,
                "services": len(self._store.services),
                "webhooks": self._webhooks.summary(),
                "tokens": self._tokens.counts(),
                "tokenRequests": len(self._oauth.token_requests),
                "apiRequests": len(self._app.requests),
                "faults": self._faults.snapshot(),
            }

    # -- control -----------------------------------------------------------------------

    def create_test_orders(
        self,
        count: int = 1,
        state: str = "APPROVED",
        *,
        sku: str | None = None,
        location_id: str | None = None,
        shipment_type: str = "NORMAL",
        items_per_order: int = 1,
        quantity: int = 1,
        hold: bool = False,
        cancellation_type: str | None = None,
        form_failure: bool = False,
    ) -> list[str]:
        """Create ``count`` orders, one shipment each, in ``state``; returns the shipment ids.

        The same as the sandbox's ``POST /orders/sandbox/test_orders``, with shortcuts that
        the sandbox reaches through its other helper calls: any start state, held
        shipments, cancelled ones (``cancellation_type``). SKUs rotate through the catalog
        unless ``sku`` is given. ``form_failure`` makes the filing of the shipment's
        e-way bill fail when it is packed, so that it goes to FORM_FAILED.
        """
        if isinstance(count, bool) or not isinstance(count, int) or count < 1:
            raise InvalidArgument("count must be a positive integer")
        if state not in ALL_ITEM_STATES:
            raise InvalidArgument(f"state must be one of {', '.join(ALL_ITEM_STATES)}")
        if shipment_type not in SHIPMENT_TYPES:
            raise InvalidArgument(f"shipment_type must be one of {', '.join(SHIPMENT_TYPES)}")
        if items_per_order < 1 or quantity < 1:
            raise InvalidArgument("items_per_order and quantity must be at least 1")
        if cancellation_type is not None and (
            state != "CANCELLED" or cancellation_type not in CANCELLATION_TYPES
        ):
            raise InvalidArgument(
                f"cancellation_type needs state CANCELLED and one of {', '.join(CANCELLATION_TYPES)}"
            )
        with self._lock:
            store = self._store
            if sku is not None and sku not in store.listings:
                raise InvalidArgument(f"unknown sku {sku!r}; known: {', '.join(store.listings)}")
            if location_id is not None and location_id not in store.locations:
                raise InvalidArgument("unknown location_id; see Emulator.location_ids")
            ids = []
            for _ in range(count):
                lines = [
                    (store.listings[sku] if sku is not None else store.next_listing(), quantity)
                    for _ in range(items_per_order)
                ]
                shipment = store.create_order(
                    lines,
                    location_id=location_id,
                    shipment_type=shipment_type,
                    state=state,
                    hold=hold,
                    cancellation_type=cancellation_type,
                    form_failure=form_failure,
                )
                ids.append(shipment.shipment_id)
            return ids

    def create_returns(
        self,
        count: int = 1,
        *,
        source: str = "customer_return",
        order_item_ids: Iterable[str] | None = None,
        shipment_type: str = "NORMAL",
    ) -> list[str]:
        """Open returns; returns their ids.

        With ``order_item_ids``, one return per item (the item must be DELIVERED for a
        customer return, SHIPPED or PICKUP_COMPLETE for a courier return), as the sandbox's
        ``POST /returns/sandbox/create_returns`` does. Without, ``count`` new orders are
        created already delivered (customer) or shipped (courier) and returned.
        """
        normalized = return_source(source)
        if normalized is None:
            raise InvalidArgument(f"source must be one of {', '.join(RETURN_SOURCES)}")
        with self._lock:
            if order_item_ids is None:
                state = "DELIVERED" if normalized == "customer_return" else "SHIPPED"
                shipment_ids = self.create_test_orders(
                    count, state=state, shipment_type=shipment_type
                )
                order_item_ids = [
                    self._store.shipments[s].items[0].order_item_id for s in shipment_ids
                ]
            ids = []
            for item_id in order_item_ids:
                try:
                    record = _return_moves.open_return(self._store, item_id, normalized)
                except TransitionError as exc:
                    raise InvalidArgument(exc.message) from None
                ids.append(record.return_id)
            return ids

    def add_listings(
        self,
        skus: int | Iterable[str],
        *,
        inventory: int = 100,
        mrp: int = 999,
        selling_price: int = 799,
        status: str = "ACTIVE",
    ) -> list[str]:
        """Add listings to the catalog; returns their SKUs.

        ``skus`` is how many to add (named ``SKU-NNNN`` after the existing ones) or the
        SKUs themselves. Each has ``inventory`` units at every location.
        """
        if isinstance(inventory, bool) or inventory < 0 or selling_price > mrp or mrp < 0:
            raise InvalidArgument("inventory must be >= 0 and 0 <= selling_price <= mrp")
        if status not in ("ACTIVE", "INACTIVE"):
            raise InvalidArgument("status must be ACTIVE or INACTIVE")
        if isinstance(skus, bool):
            raise InvalidArgument("skus must be a count or SKUs")
        with self._lock:
            store = self._store
            if isinstance(skus, int):
                if skus < 1:
                    raise InvalidArgument("add at least one listing")
                names = []
                for _ in range(skus):
                    names.append(store.next_sku())
                    store.add_listing(
                        names[-1],
                        mrp=mrp,
                        selling_price=selling_price,
                        inventory=inventory,
                        status=status,
                    )
                return names
            names = list(skus)
            taken = [sku for sku in names if sku in store.listings or not sku.strip()]
            if taken or len(set(names)) != len(names):
                raise InvalidArgument(f"SKUs must be new, non-empty and distinct: {taken}")
            for sku in names:
                store.add_listing(
                    sku, mrp=mrp, selling_price=selling_price, inventory=inventory, status=status
                )
            return names

    def marketplace_cancel(
        self, shipment_ids: Iterable[str], *, cancellation_type: str = "buyerCancellation"
    ) -> None:
        """The buyer (or Flipkart) cancels shipments that have not left yet."""
        if cancellation_type not in ("buyerCancellation", "marketplaceCancellation"):
            raise InvalidArgument(
                "cancellation_type must be buyerCancellation or marketplaceCancellation"
            )
        with self._lock:
            store = self._store
            shipments = [store.shipments[s] for s in shipment_ids]
            late = [s.shipment_id for s in shipments if s.state not in PRE_DISPATCH_STATES]
            if late:
                raise InvalidArgument(f"only pre-dispatch shipments can be cancelled: {late}")
            for shipment in shipments:
                with store.watch(shipment):
                    cancel_by_marketplace(shipment, cancellation_type, store.now())

    def expire_tokens(self, *, refresh_tokens: bool = False) -> int:
        """Expire every access token now (refresh tokens too if asked); returns how many."""
        with self._lock:
            return self._tokens.expire(refresh_tokens=refresh_tokens)

    def revoke_token(self, token: str) -> bool:
        """Revoke one access or refresh token; False when it is unknown or already revoked."""
        with self._lock:
            return self._tokens.revoke(token)

    def reset(self) -> None:
        """Back to the state of a new emulator: same seed, no orders, tokens, faults or logs."""
        with self._lock:
            self._store.reset()
            self._tokens.clear()
            self._faults.clear()
            self._faults.injected.clear()
            self._oauth.token_requests.clear()
            self._app.requests.clear()
            self._webhooks.reset()
