"""What the Redis token stores do without I/O: key names, records, lifetimes, the scripts.

Each token is one hash under ``{ns}:{<environment>:<client id>:<seller id>}:token`` with
three fields: ``token`` (the token as JSON, or encrypted), ``generation`` and ``digest``
(of the whole record, see :func:`~flipkart_ext._core.auth_plan.record_digest`). The custody
rule is one script (:data:`WRITE`) deciding from those two fields, so it holds however many
workers write at once and whatever happened to any other key: there is no other key it
depends on. The lock is ``...:lock``, a lease its holder renews while it holds it
(:data:`EXTEND`); losing that key lets two holders overlap, which the rule makes harmless.
"""

from __future__ import annotations

import json
import logging
import math
import random
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from ..errors import InvalidArgument, TokenStoreError
from .auth_plan import record_digest
from .decode import decode_json
from .redis_keys import describe, seller_tag, text
from .tokens import Token

__all__ = [
    "ACQUIRE",
    "EXTEND",
    "REFRESH_TOKEN_LIFETIME",
    "RELEASE",
    "WRITE",
    "Lease",
    "RedisTokens",
]

logger = logging.getLogger("flipkart_ext")

#: Flipkart's documented refresh token lifetime, used when its answer does not say.
REFRESH_TOKEN_LIFETIME = 180 * 24 * 3600.0

ACQUIRE = """
if redis.call('SET', KEYS[1], ARGV[1], 'NX', 'PX', ARGV[2]) then return 1 end
return 0
"""

RELEASE = """
if redis.call('GET', KEYS[1]) == ARGV[1] then
  return redis.call('DEL', KEYS[1])
end
return 0
"""

# Renews the holder's lease; 0 when the lock is no longer its own.
EXTEND = """
if redis.call('GET', KEYS[1]) == ARGV[1] then
  return redis.call('PEXPIRE', KEYS[1], ARGV[2])
end
return 0
"""

# The custody rule (auth_plan.may_replace) in one step. ARGV: 1 mode ('check' or 'force'),
# 2 digest of the record the writer read ('' = none), 3 generation, 4 token, 5 its digest,
# 6 expire at (epoch ms, '0' = never). A record without a generation field was written
# before generations existed: any token replaces it. KEYS[2] remembers, without a time to
# live, that a token was stored for this key (see RedisTokens.keys).
WRITE = """
if ARGV[1] == 'check' then
  local current = redis.call('HGET', KEYS[1], 'generation')
  local digest = redis.call('HGET', KEYS[1], 'digest')
  if current and digest then
    local stored = tonumber(current) or 0
    local new = tonumber(ARGV[3])
    if new < stored then return 0 end
    if new == stored and digest ~= ARGV[2] then return 0 end
  end
end
redis.call('HSET', KEYS[1], 'token', ARGV[4], 'digest', ARGV[5], 'generation', ARGV[3])
redis.call('HDEL', KEYS[1], 'fence')
redis.call('SET', KEYS[2], '1')
if tonumber(ARGV[6]) > 0 then
  redis.call('PEXPIREAT', KEYS[1], ARGV[6])
else
  redis.call('PERSIST', KEYS[1])
end
return 1
"""


@dataclass(frozen=True)
class Lease:
    """What ``lock(key)`` yields: the holder's owner id (renewed while the lock is held)."""

    owner: str

    def __repr__(self) -> str:
        return "Lease()"


def _seconds(value: object, name: str, *, zero: bool) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise InvalidArgument(f"{name}: expected a number of seconds, got {type(value).__name__}")
    if not math.isfinite(value) or value < 0 or (value == 0 and not zero):
        raise InvalidArgument(
            f"{name}: expected a finite {'' if zero else 'positive '}number of seconds"
        )
    return float(value)


class RedisTokens:
    """Key names, records, lifetimes and lock timing of a Redis token store: no I/O.

    Every setting is checked here, at construction: a lease, timeout or lifetime that is
    not a finite number of seconds is :class:`~flipkart_ext.InvalidArgument` naming it.
    """

    def __init__(
        self,
        *,
        namespace: str,
        lock_lease: float,
        lock_timeout: float,
        refresh_token_lifetime: float,
        clock: Callable[[], float],
        encryption_key: Any = None,
    ) -> None:
        if not isinstance(namespace, str) or not namespace:
            raise InvalidArgument("namespace: expected a non-empty string")
        self.namespace = namespace
        self.lock_lease = _seconds(lock_lease, "lock_lease", zero=False)
        self.lock_timeout = _seconds(lock_timeout, "lock_timeout", zero=True)
        self.refresh_token_lifetime = _seconds(
            refresh_token_lifetime, "refresh_token_lifetime", zero=False
        )
        self._clock = clock
        from .sealing import Sealer

        self._sealer = Sealer.of(encryption_key)

    def __repr__(self) -> str:
        return (
            f"{type(self).__name__}(namespace={self.namespace!r}, lock_lease={self.lock_lease:g}, "
            f"lock_timeout={self.lock_timeout:g}, encrypted={self._sealer is not None})"
        )

    def keys(self, key: Any) -> tuple[str, str]:
        """The token and lock keys of ``key``."""
        tag = seller_tag(self.namespace, key.environment, key.client_id, key.seller_id)
        return f"{tag}:token", f"{tag}:lock"

    def known_key(self, key: Any) -> str:
        """The key that remembers a token was stored for ``key`` (no time to live).

        An eviction policy that only takes keys with a time to live (``volatile-*``) can
        take a token record, never this one: a worker that finds the record gone while
        this key is there knows the seller did authorize, and waits for a worker holding
        the token to write it back instead of asking for a new authorization.
        """
        tag = seller_tag(self.namespace, key.environment, key.client_id, key.seller_id)
        return f"{tag}:known"

    @property
    def lease_ms(self) -> int:
        return max(1, int(self.lock_lease * 1000))

    @property
    def renew_every(self) -> float:
        """How often a holder renews its lease: three times per lease."""
        return self.lock_lease / 3

    def expire_at_ms(self, token: Token) -> int:
        """When the record may go: the later of the access and refresh token expiries (0: never)."""
        ends = [token.expires_at] if token.expires_at is not None else []
        if token.refresh_token:
            if token.refresh_token_expires_at is not None:
                ends.append(token.refresh_token_expires_at)
            else:
                start = token.obtained_at if token.obtained_at is not None else self._clock()
                ends.append(start + self.refresh_token_lifetime)
        elif token.expires_at is None:
            return 0
        return max(1, int(max(ends) * 1000))

    def write_args(self, mode: str, token: Token, expected: Token | None) -> list[str | int]:
        data = json.dumps(token.to_dict(), separators=(",", ":"))
        if self._sealer is not None:
            data = self._sealer.seal(data)
        return [
            mode,
            record_digest(expected),
            token.generation,
            data,
            record_digest(token),
            self.expire_at_ms(token),
        ]

    def decode(self, raw: Any, key: Any) -> Token | None:
        where = describe(key.environment, key.seller_id)
        try:
            value = text(raw)
        except UnicodeDecodeError:
            logger.warning("the token stored in Redis for %s is not text; ignoring it", where)
            return None
        if value is None:
            return None
        if self._sealer is not None:
            value = self._sealer.open(value, what=f"the token stored in Redis for {where}")
        try:
            return Token.from_dict(
                decode_json(value, what="the token stored in Redis", error=TokenStoreError)
            )
        except (TokenStoreError, ValueError, TypeError, AttributeError):
            logger.warning("the token stored in Redis for %s is malformed; ignoring it", where)
            return None

    def timed_out(self, key: Any) -> TokenStoreError:
        return TokenStoreError(
            f"the token lock for {describe(key.environment, key.seller_id)} was not obtained "
            f"within {self.lock_timeout:g} s (another worker holds it; a worker that dies "
            f"holding it frees it within {self.lock_lease:g} s)"
        )

    @staticmethod
    def next_delay(delay: float) -> float:
        """The next poll delay: grows by half up to 100 ms, with jitter against lockstep."""
        return min(0.1, delay * 1.5) * (0.5 + random.random())  # noqa: S311 - not security

    def what(self, doing: str, key: Any) -> str:
        return f"{doing} the token for {describe(key.environment, key.seller_id)}"
