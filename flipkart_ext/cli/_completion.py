"""``flipkart completion SHELL``: the script that completes commands and options in SHELL.

click generates it; the script calls ``flipkart`` back with ``_FLIPKART_COMPLETE`` set to
get the candidates for the words typed so far.
"""

from __future__ import annotations

from types import SimpleNamespace
from typing import TextIO

__all__ = ["COMPLETE_VAR", "run"]

COMPLETE_VAR = "_FLIPKART_COMPLETE"


def run(args: SimpleNamespace, out: TextIO, err: TextIO) -> int:
    """Print the completion script for ``args.shell``."""
    from click.shell_completion import get_completion_class

    from ._app import cli

    completion = get_completion_class(args.shell)
    assert completion is not None  # the argument only accepts shells click supports
    out.write(completion(cli, {}, "flipkart", COMPLETE_VAR).source())
    return 0
