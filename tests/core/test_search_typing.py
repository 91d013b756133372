"""``search()`` and ``pages()`` say in their signatures that the filter is needed unless
``resume_from`` is given: leaving out both is a type error, caught before the code runs
(at run time it raises ``InvalidArgument``)."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from flipkart_ext import FlipkartClient, InvalidArgument
from tests._typecheck import mypy_strict

_SNIPPET = textwrap.dedent(
    """
    from flipkart_ext import AsyncFlipkartClient, FlipkartClient, ShipmentFilter
    from flipkart_ext.returns import ReturnFilter

    TO_PACK = ShipmentFilter.pre_dispatch(states=["APPROVED"])


    def sync_calls(client: FlipkartClient, cursor: str) -> None:
        client.shipments.search(TO_PACK)
        client.shipments.search(TO_PACK, limit=5, raw=True)
        client.shipments.search(resume_from=cursor)
        client.shipments.pages(TO_PACK, max_pages=2)
        client.shipments.pages(resume_from=cursor)
        client.returns.search(ReturnFilter("customer_return"))
        client.listings.search("ACTIVE")
        client.listings.search(None)  # every listing
        client.listings.pages(None, max_pages=2)
        client.shipments.search()  # refused
        client.shipments.search(limit=5)  # refused
        client.shipments.pages()  # refused
        client.returns.search(raw=True)  # refused


    async def async_calls(client: AsyncFlipkartClient, cursor: str) -> None:
        async for _ in client.shipments.search(TO_PACK):
            pass
        async for _ in client.shipments.search(resume_from=cursor):
            pass
        client.shipments.search()  # refused
        client.shipments.pages(max_pages=1)  # refused
    """
)


def test_a_search_without_filter_or_resume_from_fails_mypy_strict(tmp_path: Path) -> None:
    result = mypy_strict({"user_code": _SNIPPET}, tmp_path)
    errors = [line for line in result.stdout.splitlines() if ": error:" in line]
    refused = [n for n, line in enumerate(_SNIPPET.splitlines(), 1) if "# refused" in line]
    assert len(refused) == 6
    assert [int(line.split(":")[1]) for line in errors] == refused, result.stdout
    assert all("[call-overload]" in line for line in errors), result.stdout
    assert result.returncode == 1


def test_at_run_time_the_same_call_is_refused_before_any_request() -> None:
    # What the signature prevents, the call refuses too (for code that is not type-checked).
    with FlipkartClient("app", "secret") as client, pytest.raises(InvalidArgument) as caught:
        client.shipments.search()  # type: ignore[call-overload]
    assert "filter" in str(caught.value) and "resume_from" in str(caught.value)
