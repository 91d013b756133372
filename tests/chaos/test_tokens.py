"""Wire chaos against the token grants: client credentials and refresh token, via fetch_token.

Property: ``fetch_token()`` either raises a ``FlipkartError`` or leaves the client holding a
token that a 2xx token answer meant (an ``access_token`` string of an answer with a meaning),
with a sane expiry; the API call that follows carries such a token; ``token_status()`` never
raises; no error shows the client secret, the refresh token or a served access token. Within
``(token + API call) x (total_timeout + timeout) + slack``.

Besides the wire chaos, the first token answer's ``expires_in`` is drawn: 1e12, 1e400, -5,
"soon", 5,000 digits, null, a float, true.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from flipkart_ext import FlipkartError

from . import _json
from ._grammar import DIMENSIONS, Truth, answers, json_body_faults
from ._harness import CHAOS_SETTINGS, Scenario, check_error, run
from ._server import Request

pytestmark = [pytest.mark.chaos]

REFRESH_TOKEN = "RT-0-chaos-refresh"
EXPIRES_IN = st.sampled_from(
    [
        3600,
        _json.Raw("1000000000000"),
        _json.Raw("1e12"),
        _json.Raw("1e400"),
        -5,
        0,
        "soon",
        "3600",
        _json.Raw("9" * 5000),
        None,
        3600.5,
        True,
        _json.Raw("NaN"),
    ]
)
# A token held must expire within a sane window: not in the past by more than the clock
# allows, and not later than the year 9999 (datetime's end; anything past it overflowed).
LATEST = datetime(9999, 1, 1, tzinfo=UTC)


def token_answer(number: int, expires_in: Any, refresh: bool) -> Truth:
    doc: dict[str, Any] = {
        "access_token": f"AT-{number}-chaos-access",
        "token_type": "bearer",
        "expires_in": 3600,
        "scope": "Seller_Api",
    }
    if refresh:
        doc["refresh_token"] = f"RT-{number}-chaos-refresh"
    tree = _json.to_tree(doc)
    pairs = tuple((k, expires_in if k == "expires_in" else v) for k, v in tree.pairs)
    return Truth(_json.Obj(pairs))


def listing_truth(request: Request) -> Truth | None:
    if not request.path.startswith("/sellers/listings/v3/"):
        return None
    return Truth(_json.to_tree({"available": {}, "unavailable": ["SKU-1"], "invalid": []}))


def served_tokens(scenario: Scenario) -> tuple[set[str], set[str]]:
    """Access tokens that a 2xx token answer meant, and every token string served at all."""
    meant: set[str] = set()
    shown: set[str] = {REFRESH_TOKEN}
    for _, delivery in scenario.token_log():
        for value in scenario.meanings(delivery):
            if isinstance(value, dict) and isinstance(value.get("access_token"), str):
                meant.add(value["access_token"])
        shown.update(f"AT-{n}-chaos-access" for n in range(1, 10))
        shown.update(f"RT-{n}-chaos-refresh" for n in range(1, 10))
    return meant, shown


def check_tokens(scenario: Scenario, outcome: Any) -> None:
    meant, shown = served_tokens(scenario)
    check_error(outcome, scenario, *shown)
    for error in outcome.partial:
        shown_error = f"{error}\n{error!r}"
        for secret in shown:
            assert secret not in shown_error, f"a token is shown in {type(error).__name__}"
    status, bearers = outcome.value if outcome.value is not None else (None, [])
    for bearer in bearers:
        assert bearer in meant, f"an API call carried {bearer!r}; 2xx answers meant {meant}"
    if status is not None and status.has_token and status.expires_at is not None:
        assert status.expires_at < LATEST, f"a token expiring at {status.expires_at}"


def _operations(scenario: Scenario):  # type: ignore[no-untyped-def]
    def bearers() -> list[str]:
        return [
            (r.header("authorization") or "").removeprefix("Bearer ") for r, _ in scenario.api_log()
        ]

    def sync_operation(client: Any, partial: list[Any]) -> Any:
        try:
            client.fetch_token()
        except FlipkartError as error:
            partial.append(error)
        status = client.token_status()  # never raises
        try:
            client.listings.get(["SKU-1"])
        except FlipkartError as error:
            partial.append(error)
        client.token_status()
        return status, bearers()

    async def async_operation(client: Any, partial: list[Any]) -> Any:
        try:
            await client.fetch_token()
        except FlipkartError as error:
            partial.append(error)
        status = client.token_status()
        try:
            await client.listings.get(["SKU-1"])
        except FlipkartError as error:
            partial.append(error)
        client.token_status()
        return status, bearers()

    return sync_operation, async_operation


@pytest.mark.parametrize("dimension", [*DIMENSIONS, "expiry"])
@CHAOS_SETTINGS
@given(data=st.data())
def test_a_token_held_is_a_served_token(dimension: str, data: st.DataObject) -> None:
    grant = data.draw(st.sampled_from(["client_credentials", "refresh_token"]), label="grant")
    expires_in = (
        data.draw(EXPIRES_IN, label="expires_in") if dimension in ("expiry", "mixed") else 3600
    )
    drawn = (
        data.draw(answers(dimension, json_body_faults), label="answers")
        if dimension != "expiry"
        else []
    )
    flavour = data.draw(st.sampled_from(["sync", "async"]), label="flavour")
    refresh = grant == "refresh_token"
    scenario = Scenario(
        listing_truth,
        [],
        calls=3,  # the token, the API call, and a token again if the first one was refused
        token_chaos=drawn,
        token_truth=lambda n: token_answer(n, expires_in if n == 1 else 3600, refresh),
    )
    client = {"refresh_token": REFRESH_TOKEN} if refresh else {}
    outcome = run(flavour, scenario, *_operations(scenario), **client)
    check_tokens(scenario, outcome)


@pytest.mark.parametrize("grant", ["client_credentials", "refresh_token"])
@pytest.mark.parametrize("flavour", ["sync", "async"])
def test_without_chaos_the_served_token_is_used(grant: str, flavour: str) -> None:
    refresh = grant == "refresh_token"
    scenario = Scenario(
        listing_truth, [], calls=2, token_truth=lambda n: token_answer(n, 3600, refresh)
    )
    client = {"refresh_token": REFRESH_TOKEN} if refresh else {}
    outcome = run(flavour, scenario, *_operations(scenario), **client)
    assert outcome.error is None and outcome.partial == []
    status, bearers = outcome.value
    assert bearers == ["AT-1-chaos-access"]
    assert status.has_token
    assert status.expires_at is not None
    assert abs(status.expires_at - datetime.now(UTC) - timedelta(seconds=3600)) < timedelta(
        minutes=1
    )
    check_tokens(scenario, outcome)
