"""Exit codes of ``make regenerate`` and ``make check-upstream``, in one place.

The regeneration guide (docs/guides/regenerating.md) and each command's ``--help`` list them too.
"""

from __future__ import annotations

OK = 0  # regenerate: done. check-upstream: upstream is byte-identical to the recorded one.
FAILED = 1  # the input, a fixup, the generator or a completeness check failed; nothing changed.
USAGE = 2  # bad command-line arguments (argparse's own code).
BREAKING = 3  # the API diff has breaking (ERR) changes; regenerate changed nothing.
CHANGED = 4  # check-upstream only: upstream changed, nothing breaking (INFO/WARN or bytes only).

EPILOG_REGENERATE = """\
exit codes:
  0  regenerated (no change, additive or possibly-breaking changes, or breaking ones accepted)
  1  failed: unusable input, a stale fixup, a generator warning, an operation dropped or
     two operations sharing a generated name; generated/ and openapi/ are unchanged
  2  bad arguments
  3  refused: the API diff has breaking (ERR) changes; generated/ and openapi/ are
     unchanged. Rerun with ACCEPT_BREAKING=1 (make) or --accept-breaking to take them.
"""

EPILOG_CHECK_UPSTREAM = """\
exit codes:
  0  upstream is byte-identical to the document recorded in openapi/provenance.json
  1  failed: upstream unreachable or unusable, or a fixup no longer applies
  2  bad arguments
  3  upstream changed and the API diff has breaking (ERR) changes
  4  upstream changed without breaking changes (additive, possibly-breaking, or bytes only)
"""
