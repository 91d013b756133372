"""The Emulator: one seller account, one OAuth application, one HTTP server on loopback."""

from __future__ import annotations

import hashlib
import threading
from collections.abc import Callable
from datetime import datetime
from types import TracebackType
from typing import Any

from ._app import EmulatorApp, Handler, RecordedRequest
from ._contract import API_PREFIX, OAUTH_PREFIX, SpecContract
from ._control import ControlApi
from ._cursor import CursorCodec
from ._faults import Faults
from ._listings import ListingsApi
from ._oauth import OAuthService, TokenRequest, TokenStore
from ._sandbox import SandboxApi
from ._server import ServerThread
from ._shipments import ShipmentsApi
from ._state import ALL_ITEM_STATES, CANCELLATION_TYPES, IST, SHIPMENT_TYPES, Store

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


class Emulator:
    """A stateful local stand-in for Flipkart's sandbox, served over real HTTP.

    Use it as a context manager (or call :meth:`start` / :meth:`stop`)::

        with Emulator() as emu:
            emu.create_test_orders(count=30)
            ...  # point a client at emu.api_base_url / emu.oauth_base_url

    ``seed`` fixes every generated id; ``clock`` (a callable returning an aware datetime)
    fixes every generated date, so that a recording made twice is identical apart from
    tokens. ``sleep`` performs injected latency; tests replace it to avoid waiting.
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
    ) -> None:
        if expires_in < 0 or refresh_expires_in < 0:
            raise ValueError("token lifetimes must be non-negative")
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
        self.contract = SpecContract()
        """The spec contract requests are checked against (also handy to check responses)."""
        shipments = ShipmentsApi(
            self._store, CursorCodec(hashlib.sha256(f"cursor-key-{seed}".encode()).digest())
        )
        listings = ListingsApi(self._store)
        sandbox = SandboxApi(self._store)
        handlers: dict[str, Handler] = {
            "createTestOrders": sandbox.create_test_orders,
            "putOrderOnHold": sandbox.put_on_hold,
            "makeOrderUnHold": sandbox.release_hold,
            "markOrderItemPickupComplete": sandbox.mark_pickup_complete,
            "markOrderItemShipped": sandbox.mark_shipped,
            "markOrderItemDelivered": sandbox.mark_delivered,
            "searchPreDispatchShipmentPost": shipments.search_post,
            "searchPreDispatchShipmentGet": shipments.search_get,
            "getShipmentDetails": shipments.get_by_path,
            "getShipmentDetailsByInternalId": shipments.get_by_query,
            "pack": shipments.pack,
            "getLabels": shipments.labels,
            "getInvoicesPdfFromEsi": shipments.invoices,
            "markRTD": shipments.dispatch,
            "cancelByEnforcedGroupIds": shipments.cancel,
            "getListings": listings.get,
            "updatePrice": listings.update_price,
            "updateInventory": listings.update_inventory,
        }
        self.operations = frozenset(handlers)
        """Operation ids of the spec that the emulator serves."""
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
        )

    def __repr__(self) -> str:
        where = self.url if self._server is not None else "stopped"
        return f"<Emulator {where} client_id={self.client_id!r}>"

    # -- lifecycle ---------------------------------------------------------------------

    def start(self) -> Emulator:
        """Bind and serve in a background thread; returns self."""
        if self._server is not None:
            raise RuntimeError("the emulator is already running")
        self._stopping.clear()
        self._server = ServerThread(self._app, self._host, self._port)
        return self

    def stop(self) -> None:
        """Stop serving and release the socket and every thread; safe to call twice."""
        server, self._server = self._server, None
        if server is not None:
            self._stopping.set()
            server.stop()

    def __enter__(self) -> Emulator:
        return self.start()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.stop()

    @property
    def running(self) -> bool:
        """Whether the server is accepting connections."""
        return self._server is not None

    # -- addresses ---------------------------------------------------------------------

    @property
    def url(self) -> str:
        """``http://127.0.0.1:PORT``; only while running."""
        if self._server is None:
            raise RuntimeError("the emulator is not running")
        return f"http://{self._server.host}:{self._server.port}"

    @property
    def port(self) -> int:
        """The bound port; only while running."""
        if self._server is None:
            raise RuntimeError("the emulator is not running")
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

    def state(self) -> dict[str, Any]:
        """Counts for the ``/_emulator/state`` endpoint; holds no secrets."""
        with self._lock:
            by_state: dict[str, int] = {}
            for shipment in self._store.shipments.values():
                by_state[shipment.state] = by_state.get(shipment.state, 0) + 1
            return {
                "sellerId": self._store.seller_id,
                "locations": list(self._store.locations),
                "listings": {sku: x.listing_id for sku, x in self._store.listings.items()},
                "orders": len(self._store.orders),
                "shipments": len(self._store.shipments),
                "shipmentsByState": by_state,
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
    ) -> list[str]:
        """Create ``count`` orders, one shipment each, in ``state``; returns the shipment ids.

        The same as the sandbox's ``POST /orders/sandbox/test_orders``, with shortcuts that
        the sandbox reaches through its other helper calls: any start state, held
        shipments, cancelled ones (``cancellation_type``). SKUs rotate through the catalog
        unless ``sku`` is given.
        """
        if isinstance(count, bool) or not isinstance(count, int) or count < 1:
            raise ValueError("count must be a positive integer")
        if state not in ALL_ITEM_STATES:
            raise ValueError(f"state must be one of {', '.join(ALL_ITEM_STATES)}")
        if shipment_type not in SHIPMENT_TYPES:
            raise ValueError(f"shipment_type must be one of {', '.join(SHIPMENT_TYPES)}")
        if items_per_order < 1 or quantity < 1:
            raise ValueError("items_per_order and quantity must be at least 1")
        if cancellation_type is not None and (
            state != "CANCELLED" or cancellation_type not in CANCELLATION_TYPES
        ):
            raise ValueError(
                f"cancellation_type needs state CANCELLED and one of {', '.join(CANCELLATION_TYPES)}"
            )
        with self._lock:
            store = self._store
            if sku is not None and sku not in store.listings:
                raise ValueError(f"unknown sku {sku!r}; known: {', '.join(store.listings)}")
            if location_id is not None and location_id not in store.locations:
                raise ValueError("unknown location_id; see Emulator.location_ids")
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
                )
                ids.append(shipment.shipment_id)
            return ids

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
