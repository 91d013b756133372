"""What the Redis rate budgets do without I/O: the scripts, key names and script arguments.

``RedisRateBudget`` and ``AsyncRedisRateBudget`` are written once, in
``flipkart_ext/_async/redis_budget.py`` (the sync class is generated from it).

One Lua script decides each turn atomically, on Redis's own clock (``TIME``), so the
machines' clocks do not matter: it reads the application's pause, runs GCRA (see
:mod:`._rate_budget`) on the application's bucket and on the seller's, and either takes
the turn in every bucket or returns how long to wait. Bucket keys expire once idle, so
thousands of sellers leave nothing behind. Keys are listed in :mod:`._redis_support`.

A Redis failure is :class:`~flipkart_ext.RateBudgetError`: the request is not sent.
"""

from __future__ import annotations

from ._core.redis_keys import application_tag
from ._rate_budget import (
    DEFAULT_MAX_PAUSE,
    RateLimit,
    bounded_pause,
    check_limits,
    check_seconds,
)
from .errors import InvalidArgument
from .stores import TokenKey

__all__ = ["PAUSE", "TURN", "RedisBudgetBase"]

# Times in microseconds. KEYS: 1 pause, 2 application bucket, 3 seller bucket.
# ARGV: application interval and tolerance, seller interval and tolerance ('0': no such bucket).
# Returns 0 when the turn is taken, else the microseconds to wait.
TURN = """
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
local paused = tonumber(redis.call('GET', KEYS[1]) or '0')
if paused > now then return paused - now end
local buckets = {}
for i = 0, 1 do
  local interval = tonumber(ARGV[1 + 2 * i])
  if interval > 0 then
    local tolerance = tonumber(ARGV[2 + 2 * i])
    local tat = tonumber(redis.call('GET', KEYS[2 + i]) or '0')
    if tat < now then tat = now end
    local wait = tat - tolerance - now
    if wait > 0 then return math.ceil(wait) end
    table.insert(buckets, {KEYS[2 + i], tat + interval})
  end
end
for _, bucket in ipairs(buckets) do
  local ttl = math.ceil((bucket[2] - now) / 1000) + 1000
  redis.call('SET', bucket[1], string.format('%d', bucket[2]), 'PX', ttl)
end
return 0
"""

# KEYS: 1 pause. ARGV: 1 microseconds to pause. Never shortens a pause already set.
PAUSE = """
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
local resume = now + tonumber(ARGV[1])
local current = tonumber(redis.call('GET', KEYS[1]) or '0')
if current >= resume then return 0 end
redis.call('SET', KEYS[1], string.format('%d', resume), 'PX', math.ceil(tonumber(ARGV[1]) / 1000) + 1000)
return 1
"""


def _micros(seconds: float) -> int:
    return max(0, round(seconds * 1_000_000))


class RedisBudgetBase:
    """Limits, key names and script arguments: everything but the I/O."""

    def __init__(
        self,
        per_application: RateLimit | None,
        per_seller: RateLimit | None,
        *,
        namespace: str,
        max_wait: float,
        max_pause: float = DEFAULT_MAX_PAUSE,
    ) -> None:
        check_limits(per_application, per_seller)
        if not isinstance(namespace, str) or not namespace:
            raise InvalidArgument("namespace: expected a non-empty string")
        self.per_application = per_application
        self.per_seller = per_seller
        self.namespace = namespace
        self.max_wait = check_seconds(max_wait, "max_wait")
        self.max_pause = check_seconds(max_pause, "max_pause")

    def __repr__(self) -> str:
        return (
            f"{type(self).__name__}(per_application={self.per_application!r}, "
            f"per_seller={self.per_seller!r}, namespace={self.namespace!r})"
        )

    def turn_call(self, key: TokenKey) -> tuple[list[str], list[int]]:
        tag = application_tag(self.namespace, key.environment, key.client_id)
        seller = self.per_seller if key.seller_id is not None else None
        seller_key = f"{tag}:rate:seller:{key.seller_id or ''}"
        args: list[int] = []
        for limit in (self.per_application, seller):
            args += [0, 0] if limit is None else [_micros(limit.interval), _micros(limit.tolerance)]
        return [f"{tag}:pause", f"{tag}:rate", seller_key], args

    def pause_call(self, key: TokenKey, seconds: float) -> tuple[list[str], list[int]] | None:
        """The script call of a pause, or ``None`` for none (bounded by ``max_pause``)."""
        seconds = bounded_pause(seconds, cap=self.max_pause)
        if not seconds:
            return None
        tag = application_tag(self.namespace, key.environment, key.client_id)
        return [f"{tag}:pause"], [_micros(seconds)]
