# Generated from openapi/flipkart-seller-api.json by scripts/regenerate.py. Do not edit:
# change scripts/spec_fixups.py, openapi/generator-config.yaml or openapi/templates/.
from enum import StrEnum
from typing import Any


class SortField(StrEnum):
    """Open enum: a value Flipkart adds later parses as a pseudo-member named ``UNKNOWN``
    whose ``.value`` keeps the string exactly as received, so it round-trips."""

    DISPATCHAFTERDATE = "dispatchAfterDate"
    DISPATCHBYDATE = "dispatchByDate"
    MODIFIEDDATE = "modifiedDate"
    ORDERDATE = "orderDate"

    def __str__(self) -> str:
        return str(self.value)

    @property
    def is_known(self) -> bool:
        """False for a value that is not in the spec this client was generated from."""
        return self._name_ != "UNKNOWN"

    @classmethod
    def _missing_(cls, value: Any) -> "SortField | None":
        if not isinstance(value, str):
            return None
        member = str.__new__(cls, value)
        member._name_ = "UNKNOWN"
        member._value_ = value
        return member
