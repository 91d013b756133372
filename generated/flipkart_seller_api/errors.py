# Generated from openapi/flipkart-seller-api.json by scripts/regenerate.py. Do not edit:
# change scripts/spec_fixups.py, openapi/generator-config.yaml or openapi/templates/.
"""Errors raised by the API functions and by the models' ``from_dict``.

::

    UnexpectedStatus              an undocumented status (with raise_on_unexpected_status)
    PayloadError (ValueError)     a payload given to a model's from_dict does not fit it
    ├── MissingRequiredField (+KeyError)   a field the spec requires is absent
    └── NotAnObject (+TypeError)           a value that must be a JSON object is not one

``PayloadError.path`` names the field from the model ``from_dict`` was called on, as
``locations[0].status`` or ``['SKU-1'].price.mrp``; ``model`` names that model.
A field whose value may be ``null`` (every field of a model Flipkart sends in a
response) never raises: what does not fit is kept as received instead.
"""

from collections.abc import Mapping
from typing import Any


class UnexpectedStatus(Exception):
    """Raised by api functions when the response status an undocumented status and Client.raise_on_unexpected_status is True"""

    def __init__(self, status_code: int, content: bytes):
        self.status_code = status_code
        self.content = content

        super().__init__(
            f"Unexpected status code: {status_code}\n\nResponse content:\n{content.decode(errors='ignore')}"
        )


class PayloadError(ValueError):
    """A payload given to a model's ``from_dict`` does not fit the model.

    ``path`` is where, relative to the model ``from_dict`` was called on (``model``):
    dotted field names, ``[n]`` for a list index, ``['key']`` for a map key.
    """

    def __init__(
        self, *, model: str, steps: tuple[str, ...] = (), detail: str = ""
    ) -> None:
        self.model = model
        self.steps = steps
        self.detail = detail
        super().__init__(str(self))

    @property
    def path(self) -> str:
        """The field's path, e.g. ``locations[0].status`` (empty for the payload itself)."""
        text = ""
        for step in self.steps:
            text += step if step.startswith("[") or not text else "." + step
        return text

    def __str__(self) -> str:
        # KeyError would show the repr of its argument; one readable line is what callers log.
        where = self.path or "the payload"
        return f"{self.model}.from_dict: {where} does not fit the model {self.detail}".rstrip()

    def _moved(self, step: str, model: str) -> "PayloadError":
        return type(self)(model=model, steps=(step, *self.steps), detail=self.detail)

    def within(self, field: str, model: str) -> "PayloadError":
        """The same error seen from the model holding ``field``."""
        return self._moved(field, model)

    def within_index(self, index: int, model: str) -> "PayloadError":
        """The same error seen from the list holding it at ``index``."""
        return self._moved(f"[{index}]", model)

    def within_key(self, key: str, model: str) -> "PayloadError":
        """The same error seen from the map holding it under ``key``."""
        return self._moved(f"[{key!r}]", model)


class MissingRequiredField(PayloadError, KeyError):
    """A field the spec marks required is absent; also a ``KeyError``, as it used to be."""

    def __str__(self) -> str:
        return f"{self.model}.from_dict: required field {self.path} is missing"


class NotAnObject(PayloadError, TypeError):
    """A value that must be a JSON object (a model) is something else (``detail``: its type)."""

    def __str__(self) -> str:
        where = self.path or "the payload"
        return (
            f"{self.model}.from_dict: {where} must be a JSON object, not {self.detail}"
        )


def require_object(value: Any, model: str) -> Mapping[str, Any]:
    """``value`` if it is a mapping; else :class:`NotAnObject`."""
    if not isinstance(value, Mapping):
        raise NotAnObject(model=model, detail=type(value).__name__)
    return value


def pop_required(source: dict[str, Any], field: str, model: str) -> Any:
    """``source.pop(field)``; :class:`MissingRequiredField` naming ``field`` if it is absent."""
    try:
        return source.pop(field)
    except KeyError:
        raise MissingRequiredField(model=model, steps=(field,)) from None


__all__ = [
    "MissingRequiredField",
    "NotAnObject",
    "PayloadError",
    "UnexpectedStatus",
    "pop_required",
    "require_object",
]
