"""A callback of the caller's (``progress=``) is checked when given, and its own exception
reaches the caller as raised: never an ``InternalError`` blaming the package."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest

from flipkart_ext import InternalError, InvalidArgument
from flipkart_ext.listings import StockUpdate

from ._support import App, async_client, json_answer, sync_client

UPDATES = {f"SKU-{n}": StockUpdate("P-1", {"LOC-1": n}) for n in range(25)}


def _answer(request: Any) -> Any:
    import json

    skus = json.loads(request.content)
    return json_answer({"sku": {sku: {"status": "SUCCESS"} for sku in skus}})


class Broken(Exception):
    """The caller's own bug, raised from its progress callback."""


def _progress(done: int, total: int) -> None:
    if done == 2:
        raise Broken(f"display failed at {done} of {total}")


@pytest.mark.parametrize("flavour", ["sync", "async"])
@pytest.mark.parametrize("bad", [5, "progress", object()])
def test_a_progress_that_is_not_callable_is_refused_before_any_request(
    flavour: str, bad: object
) -> None:
    app = App(api=_answer)
    with pytest.raises(InvalidArgument, match=r"^progress: expected a callable"):
        if flavour == "sync":
            with sync_client(app, access_token="AT") as client:
                client.listings.update_inventory(UPDATES, progress=bad)  # type: ignore[arg-type]
        else:

            async def main() -> None:
                async with async_client(app, access_token="AT") as client:
                    await client.listings.update_inventory(UPDATES, progress=bad)  # type: ignore[arg-type]

            asyncio.run(main())
    assert app.requests == []


@pytest.mark.parametrize("flavour", ["sync", "async"])
def test_the_callers_own_exception_from_progress_reaches_the_caller_as_raised(
    flavour: str,
) -> None:
    app = App(api=_answer)
    with pytest.raises(Broken, match="display failed at 2 of 3") as caught:
        if flavour == "sync":
            with sync_client(app, access_token="AT") as client:
                client.listings.update_inventory(UPDATES, progress=_progress)
        else:

            async def main() -> None:
                async with async_client(app, access_token="AT") as client:
                    await client.listings.update_inventory(UPDATES, progress=_progress)

            asyncio.run(main())
    assert not isinstance(caught.value, InternalError)
    assert len(app.requests) == 2  # the run stopped there: no chunk after the failing report
