"""Plugins the test suite itself uses: ``pytester`` runs scratch projects (tests/plugin)."""

pytest_plugins = ["pytester"]
