"""Render a classified API diff: lines for the terminal, JSON for CI, a CHANGES.md entry.

Every rendering ends with the totals per class, so a report of thousands of changes
still says in its last line how many are breaking.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from api_diff import ERR, INFO, LEVEL_MEANINGS, LEVELS, Change

# Past this many INFO lines the terminal and the changelog print a count instead;
# ERR and WARN lines are always printed in full, and the JSON report has everything.
INFO_LINES_SHOWN = 40
USERS_SHOWN = 3
CHANGELOG_TITLE = "# API changes\n"


def totals(changes: Iterable[Change]) -> dict[str, int]:
    counts = dict.fromkeys(LEVELS, 0)
    for change in changes:
        counts[change.level] += 1
    return counts


def has_breaking(changes: Iterable[Change]) -> bool:
    return any(change.level == ERR for change in changes)


def totals_line(changes: list[Change]) -> str:
    counts = totals(changes)
    parts = [f"{counts[level]} {level} ({LEVEL_MEANINGS[level]})" for level in LEVELS]
    return "Totals: " + ", ".join(parts)


def _users(change: Change) -> str:
    if not change.used_by:
        return ""
    shown = ", ".join(change.used_by[:USERS_SHOWN])
    more = len(change.used_by) - USERS_SHOWN
    return f" [used by {shown}{f' and {more} more' if more > 0 else ''}]"


def _consumers(change: Change) -> str:
    if not change.consumers:
        return ""
    return f" [named by {'; '.join(change.consumers)}]"


def change_line(change: Change) -> str:
    """``ERR  check-id  subject  #/json/pointer: what changed [used by ...] [named by ...]``."""
    return (
        f"{change.level:<4} {change.check}  {change.subject}  {change.path}: "
        f"{change.message}{_users(change)}{_consumers(change)}"
    )


def _shown(changes: list[Change]) -> tuple[list[Change], int]:
    """The changes worth a line each, and how many INFO changes were only counted."""
    info = [c for c in changes if c.level == INFO]
    kept = [c for c in changes if c.level != INFO] + info[:INFO_LINES_SHOWN]
    return sorted(kept, key=Change.sort_key), max(0, len(info) - INFO_LINES_SHOWN)


def text(changes: list[Change], against: str) -> list[str]:
    """The terminal report: a title, one line per change, the totals last."""
    if not changes:
        return [f"API diff against {against}: no change", totals_line(changes)]
    shown, hidden = _shown(changes)
    count = f"{len(changes)} change{'' if len(changes) == 1 else 's'}"
    lines = [f"API diff against {against}: {count}"]
    lines += [f"  {change_line(change)}" for change in shown]
    if hidden:
        lines.append(f"  ... and {hidden} more INFO changes (every one is in the JSON report)")
    lines.append(totals_line(changes))
    return lines


def as_json(changes: list[Change], **context: Any) -> dict[str, Any]:
    """The machine-readable report: context first, then totals and every change."""
    return {
        **context,
        "totals": totals(changes),
        "breaking": has_breaking(changes),
        "changes": [
            {
                "level": change.level,
                "check": change.check,
                "subject": change.subject,
                "path": change.path,
                "message": change.message,
                "used_by": list(change.used_by),
                "consumers": list(change.consumers),
            }
            for change in changes
        ],
    }


def write_json(path: Path, report: dict[str, Any]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(report, indent=2, sort_keys=False) + "\n", encoding="utf-8")


def _cell(value: str) -> str:
    return value.replace("|", "\\|")


def changelog_entry(
    changes: list[Change],
    *,
    date: str,
    source: str,
    sha256: str,
    previous_sha256: str | None,
    accepted_breaking: bool,
) -> str:
    """One markdown section for openapi/CHANGES.md."""
    previous = f"`{previous_sha256}`" if previous_sha256 else "none (first generation)"
    lines = [
        f"## {date}: upstream sha256 {sha256[:12]}",
        "",
        f"- Source: `{source}`",
        f"- sha256 `{sha256}`, previous {previous}",
        f"- {totals_line(changes)}",
    ]
    if accepted_breaking and has_breaking(changes):
        lines.append("- Breaking changes accepted with `ACCEPT_BREAKING=1`.")
    shown, hidden = _shown(changes)
    if shown:
        lines += ["", "| level | check | where | change |", "| --- | --- | --- | --- |"]
        lines += [
            f"| {c.level} | `{c.check}` | {_cell(c.subject)} `{_cell(c.path)}` | "
            f"{_cell(c.message + _consumers(c))} |"
            for c in shown
        ]
    if hidden:
        lines += ["", f"... and {hidden} more INFO changes."]
    return "\n".join(lines) + "\n"


def append_entry(changelog: str | None, entry: str) -> str:
    """The changelog's new text: newest entry last, after a title."""
    current = changelog if changelog else CHANGELOG_TITLE
    if not current.endswith("\n"):
        current += "\n"
    return f"{current}\n{entry}"
