"""The generated model of an answer, for ``client.call``.

The generated operation modules parse a 2xx answer themselves (``_build_response``); they
are given the body the I/O path already decoded with the bounded decoder, so nothing is
decoded twice and nothing unbounded is decoded at all. A body the model cannot read
(a field of the wrong type, say) is :class:`~flipkart_ext.MalformedResponse` naming the
operation, not the generated code's own exception.
"""

from __future__ import annotations

from typing import Any, TypeVar

import httpx

from ..errors import MalformedResponse
from .calls import Answer, operation_name

__all__ = ["parsed_model"]

_T = TypeVar("_T")


class _Decoded(httpx.Response):
    """An answer whose JSON was already decoded (by the bounded decoder)."""

    def __init__(self, answer: Answer) -> None:
        super().__init__(answer.status, headers=answer.headers, content=answer.content)
        self._decoded = answer.body

    def json(self, **kwargs: Any) -> Any:
        return self._decoded


def parsed_model(op: Any, answer: Answer, raw_client: Any) -> Any:
    """``op``'s parsed model of ``answer`` (``None`` for an operation with no schema)."""
    try:
        return op._build_response(client=raw_client, response=_Decoded(answer)).parsed
    except (ValueError, TypeError, KeyError, AttributeError) as exc:
        name = operation_name(op)
        error = MalformedResponse(
            f"the answer to {name} does not fit its model: {type(exc).__name__}: {exc}"
        )
        error.operation = name
        raise error from None
