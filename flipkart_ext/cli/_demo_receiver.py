"""The demo's webhook receiver: verified, decoded and de-duplicated notifications.

Flipkart delivers at least once, so a receiver acts on each event once, by its
``idempotency_key``. Receiving, verifying (``verify_signature``: the ``X_Date`` /
``X_Authorization`` scheme) and decoding (``parse_event``) are those of
:class:`flipkart_ext.testing.WebhookCapture`, the loopback receiver the tests use; this
class counts what it kept.
"""

from __future__ import annotations

from collections import Counter

from ..notifications import idempotency_key
from ..testing import WebhookCapture

__all__ = ["WebhookReceiver"]


class WebhookReceiver(WebhookCapture):
    """Serve ``http://127.0.0.1:<port>/flipkart/notify`` while used as a context manager.

    ``handled`` counts each event once by type; ``repeats`` the re-deliveries skipped;
    ``rejected`` the requests that failed verification or decoding.
    """

    def _tally(self) -> tuple[Counter[str], int, int]:
        seen: set[str] = set()
        handled: Counter[str] = Counter()
        repeats = rejected = 0
        for delivery in self.received:
            if delivery.event is None:
                rejected += 1
                continue
            key = idempotency_key(delivery.event)
            if key in seen:
                repeats += 1
            else:
                seen.add(key)
                handled[delivery.event.event_type] += 1
        return handled, repeats, rejected

    @property
    def handled(self) -> Counter[str]:
        """Each event once, counted by its type, in the order they first arrived."""
        return self._tally()[0]

    @property
    def repeats(self) -> int:
        """Re-deliveries of an event already handled."""
        return self._tally()[1]

    @property
    def rejected(self) -> int:
        """Deliveries that failed verification or decoding."""
        return self._tally()[2]
