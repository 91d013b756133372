"""The whole classified diff of an upstream change: wire, Python surface, hand-written code.

``make regenerate`` and ``make check-upstream`` both call ``classify``:

1. the wire diff of the two normalized documents (``api_diff.compare``);
2. the hand-written references the new document leaves without their target
   (``consumers.orphans``: the emulator's handler table, flipkart_ext's declarations);
3. the diff of the Python code generated from each document (``python_surface``): the
   previous package is ``generated/`` when it was built from exactly the previous
   document, else it is generated afresh into the scratch folder;
4. each ERR and WARN line names the hand-written places that spell what it touches
   (``consumers.mention``).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from api_diff import Change, compare
from codegen import BUNDLED_SPEC_NAME, PACKAGE_NAME, ROOT, build_package, dump_document
from consumers import mention, orphans
from python_surface import compare_surfaces, read_surface

Document = dict[str, Any]


def generation_summary(error: Exception) -> str:
    """The generator's complaint on one line (its output spans many)."""
    lines = [line.strip() for line in str(error).splitlines()[1:]]
    kept = [
        line
        for line in lines
        if line and not line.startswith(("Generating ", "If you believe", "Warning(s) encountered"))
    ]
    return " ".join(kept) or str(error).splitlines()[0]


def previous_package(
    previous: Document | None, provenance: dict[str, str], generated_dir: Path, workdir: Path
) -> Path | None:
    """The package users have now: ``generated/`` if it bundles exactly ``previous``.

    Otherwise (a checkout whose generated/ lags, a test workspace) the previous document
    is generated into ``workdir``, so the Python diff compares like with like. None when
    there is no previous document (a first generation: everything is new).
    """
    if previous is None:
        return None
    text = dump_document(previous)
    committed = generated_dir / PACKAGE_NAME
    bundled = committed / BUNDLED_SPEC_NAME
    if bundled.is_file() and bundled.read_text(encoding="utf-8") == text:
        return committed
    return build_package(text, provenance, workdir / "previous")


def classify(
    previous: Document | None,
    new: Document,
    before: Path | None,
    after: Path,
    root: Path = ROOT,
) -> list[Change]:
    """Every classified change, breaking first; see the module docstring."""
    changes = compare(previous or {}, new)
    if previous is not None:
        changes = mention(changes, previous, root) + orphans(previous, new, root)
    if before is not None:
        changes += compare_surfaces(read_surface(before), read_surface(after))
    return sorted(set(changes), key=Change.sort_key)
