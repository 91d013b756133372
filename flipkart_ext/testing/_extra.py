"""What the emulator needs beyond the runtime dependencies, checked as it starts.

The emulator checks every request against the spec with jsonschema. That library (with
``referencing`` and the compiled ``rpds-py`` under it) is a test-time need, so it comes
with the ``testing`` extra rather than with every install of the client. Without it an
emulator refuses to start, in one line naming the extra, instead of answering each
request with a 500.
"""

from __future__ import annotations

from importlib import import_module

from ..errors import ConfigurationError

__all__ = ["EXTRA_REQUIREMENTS", "INSTALL_HINT", "MissingExtra", "require_testing_extra"]

EXTRA_REQUIREMENTS = ("jsonschema",)
INSTALL_HINT = "pip install 'flipkart-seller[testing]'"


class MissingExtra(ConfigurationError, ImportError):
    """The emulator was started without the ``testing`` extra installed.

    A :class:`~flipkart_ext.ConfigurationError` (the install is the caller's to fix) and an
    ``ImportError``, as it was; ``name`` is the missing module.
    """

    def __init__(self, message: str, *, name: str | None = None) -> None:
        super().__init__(message)
        self.name = name


def require_testing_extra() -> None:
    """Raise :class:`MissingExtra` unless every module of the ``testing`` extra imports."""
    for module in EXTRA_REQUIREMENTS:
        try:
            import_module(module)
        except ImportError as exc:
            missing = exc.name or module
            raise MissingExtra(
                f"the Flipkart emulator needs the 'testing' extra ({missing} is not "
                f"installed): {INSTALL_HINT}",
                name=missing,
            ) from None
