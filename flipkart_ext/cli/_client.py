"""The client every API command uses, built from ``FLIPKART_*`` variables."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from ._errors import bad_input

if TYPE_CHECKING:
    from .. import FlipkartClient

__all__ = ["client_from_env"]


def client_from_env(args: argparse.Namespace) -> FlipkartClient:
    """A :class:`FlipkartClient` from the environment; ``--retries`` sets the retry budget.

    Missing or invalid variables raise ``BadInput`` (exit 2), naming the variable
    but never its value.
    """
    from .. import FlipkartClient, RetryPolicy

    overrides: dict[str, Any] = {}
    if args.retries is not None:
        overrides["retry"] = RetryPolicy(max_attempts=args.retries + 1)
    with bad_input():
        return FlipkartClient.from_env(**overrides)
