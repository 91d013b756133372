"""The generated model of an answer, for ``client.call``.

The generated operation modules parse a 2xx answer themselves (``_build_response``); they
are given the body the I/O path already decoded with the bounded decoder, so nothing is
decoded twice and nothing unbounded is decoded at all. A body the model cannot read
(a field of the wrong type, say) is :class:`~flipkart_ext.MalformedResponse` naming the
operation, not the generated code's own exception.
"""

from __future__ import annotations

from typing import Any, TypeVar

from ..errors import MalformedResponse
from .calls import Answer, operation_name

__all__ = ["parsed_model"]

_T = TypeVar("_T")


class _Decoded:
    """What a generated ``_build_response`` reads of a response (status, headers, content,
    ``json()``), for an answer whose JSON the bounded decoder already decoded.

    Not an ``httpx.Response``: building one per call costs more than the rest of the parse.
    """

    __slots__ = ("_decoded", "content", "headers", "status_code")

    def __init__(self, answer: Answer) -> None:
        self.status_code = answer.status
        self.headers = answer.headers
        self.content = answer.content
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
