"""Plugins the test suite itself uses: ``pytester`` runs scratch projects (tests/plugin).

``HYPOTHESIS_PROFILE=mutation`` (set by ``make mutate``) turns off shrinking: a mutant only
needs one failing example, and shrinking one through real sockets and timeouts can take
minutes per mutant.
"""

import os

from hypothesis import Phase, settings

pytest_plugins = ["pytester"]

settings.register_profile(
    "mutation", phases=[Phase.explicit, Phase.reuse, Phase.generate], database=None
)
if os.environ.get("HYPOTHESIS_PROFILE"):
    settings.load_profile(os.environ["HYPOTHESIS_PROFILE"])
