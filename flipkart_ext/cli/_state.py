"""What every command receives: its streams, its options, and how it was typed."""

from __future__ import annotations

import shlex
from collections.abc import Collection, Iterator
from dataclasses import dataclass, field
from types import SimpleNamespace
from typing import Any, TextIO

import click
from click.core import ParameterSource

__all__ = ["State", "continue_command", "given_flags"]


@dataclass
class State:
    """The streams of one run and the options given before the command (``ctx.obj``)."""

    out: TextIO
    err: TextIO
    debug: bool = False
    retries: int | None = None
    root_flags: list[str] = field(default_factory=list)
    """``--debug`` / ``--retries N`` as typed before the command, to repeat them."""


def _rendered(param: click.Parameter, value: Any) -> Iterator[str]:
    """The command-line words that give ``param`` the value ``value``."""
    if not isinstance(param, click.Option):
        return
    if param.is_flag and not param.count:
        if param.secondary_opts and value is False:
            yield param.secondary_opts[0]
        elif value:
            yield param.opts[0]
        return
    values = value if param.multiple else (value,)
    for one in values:
        yield param.opts[0]
        yield str(one)


def given_flags(ctx: click.Context, *, leave_out: Collection[str] = ()) -> list[str]:
    """Every option of the command the user gave on the command line, as words to type again.

    ``leave_out`` names parameters (by their Python name) not to repeat.
    """
    words: list[str] = []
    for param in ctx.command.params:
        name = param.name
        if name is None or name in leave_out:
            continue
        if ctx.get_parameter_source(name) is not ParameterSource.COMMANDLINE:
            continue
        words += _rendered(param, ctx.params[name])
    return words


def continue_command(ctx: click.Context, cursor: str, *, leave_out: Collection[str]) -> str:
    """The command that continues an export from ``cursor``: every flag of this run again.

    ``leave_out``: the filter options, which the cursor carries and ``--resume-from``
    refuses. Positional arguments, ``--resume-from`` itself, and the global options given
    before the command (repeated after it) are handled here.
    """
    state = ctx.find_object(State)
    words = ctx.command_path.split()
    # The console script's name as typed may be a path; the hint names the command.
    words[0] = "flipkart"
    words += state.root_flags if state is not None else []
    words += given_flags(ctx, leave_out={*leave_out, "resume_from"})
    words += ["--resume-from", cursor]
    return shlex.join(words)


def namespace(ctx: click.Context) -> SimpleNamespace:
    """The command's parameters as attributes, with the global options resolved.

    ``--debug`` and ``--retries`` may be given before the command or after it; after wins.
    """
    state = ctx.find_object(State)
    values = dict(ctx.params)
    if state is not None:
        if values.get("retries") is None:
            values["retries"] = state.retries
        values["debug"] = bool(values.get("debug")) or state.debug
    values.setdefault("retries", None)
    values.setdefault("debug", False)
    return SimpleNamespace(**values)
