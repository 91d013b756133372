"""Run one list through a real client, in any of its modes, and report what happened."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from typing import Any

import httpx

from flipkart_ext import AsyncFlipkartClient, FlipkartClient, RetryPolicy, ShipmentFilter
from flipkart_ext.returns import ReturnFilter

from .conftest import READ_TIMEOUT

MODES = (
    "sync_items",
    "sync_pages",
    "async_items",
    "async_items_prefetch",
    "async_pages",
    "async_pages_prefetch",
)
FILTERS: dict[str, Any] = {
    "shipments": ShipmentFilter.pre_dispatch(states=["APPROVED"]),
    "returns": ReturnFilter("customer_return"),
    "listings": None,  # listing search takes an optional status, resent with every page
}


async def _no_wait(seconds: float) -> None:
    return None


def _options(base_url: str) -> dict[str, Any]:
    return {
        "api_base_url": f"{base_url}/sellers",
        "oauth_base_url": f"{base_url}/oauth-service",
        "retry": RetryPolicy(sleep=lambda seconds: None, async_sleep=_no_wait),
        "timeout": httpx.Timeout(10.0, read=READ_TIMEOUT),
    }


@dataclass
class Run:
    items: list[str]
    error: BaseException | None


def _listing(
    list_name: str, resource: Any, mode: str, resume_from: str | None, **extra: Any
) -> Any:
    method = resource.pages if "pages" in mode else resource.search
    first = None if resume_from else FILTERS[list_name]
    return method(first, resume_from=resume_from, raw=True, **extra)


def run(list_name: str, base_url: str, mode: str, resume_from: str | None, id_key: str) -> Run:
    """Walk the list once in ``mode``; collect item ids until it ends or raises."""
    if mode.startswith("async"):
        return asyncio.run(_arun(list_name, base_url, mode, resume_from, id_key))
    items: list[str] = []
    with FlipkartClient("app", "app-secret", **_options(base_url)) as client:
        iterator = _listing(list_name, getattr(client, list_name), mode, resume_from)
        try:
            for element in iterator:
                for item in element.items if "pages" in mode else [element]:
                    items.append(item[id_key])
        except Exception as exc:
            return Run(items, exc)
    return Run(items, None)


async def _arun(
    list_name: str, base_url: str, mode: str, resume_from: str | None, id_key: str
) -> Run:
    items: list[str] = []
    prefetch = 1 if mode.endswith("prefetch") else 0
    async with AsyncFlipkartClient("app", "app-secret", **_options(base_url)) as client:
        iterator = _listing(
            list_name, getattr(client, list_name), mode, resume_from, prefetch=prefetch
        )
        async with iterator:
            try:
                async for element in iterator:
                    for item in element.items if "pages" in mode else [element]:
                        items.append(item[id_key])
            except Exception as exc:
                return Run(items, exc)
    return Run(items, None)
