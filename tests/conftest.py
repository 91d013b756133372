"""Plugins the test suite itself uses: ``pytester`` runs scratch projects (tests/plugin).

``HYPOTHESIS_PROFILE=mutation`` (set by ``make mutate``) turns off shrinking: a mutant only
needs one failing example, and shrinking one through real sockets and timeouts can take
minutes per mutant.

``HYPOTHESIS_PROFILE=soak`` (set by ``make soak``, for the tests marked ``soak``) draws many
examples from a random seed instead of the few fixed ones of a normal run; pytest prints the
seed (``--hypothesis-seed``) and hypothesis a ``@reproduce_failure`` blob for any failure.
"""

import os

from hypothesis import Phase, settings

pytest_plugins = ["pytester"]

settings.register_profile(
    "mutation", phases=[Phase.explicit, Phase.reuse, Phase.generate], database=None
)
settings.register_profile(
    "soak", max_examples=1000, derandomize=False, database=None, deadline=None, print_blob=True
)
if os.environ.get("HYPOTHESIS_PROFILE"):
    settings.load_profile(os.environ["HYPOTHESIS_PROFILE"])
