"""CHANGELOG.md follows Keep a Changelog: an Unreleased section on top, then one dated section
per release, the newest being the version the package declares."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import flipkart_ext

CHANGELOG = (Path(__file__).resolve().parents[2] / "CHANGELOG.md").read_text()
RELEASE = re.compile(r"^## \[(?P<version>[^\]]+)\] - (?P<date>\d{4}-\d{2}-\d{2})$", re.MULTILINE)


def test_the_newest_release_is_the_declared_version_and_is_dated() -> None:
    headings = re.findall(r"^## .*$", CHANGELOG, flags=re.MULTILINE)
    assert headings[0] == "## [Unreleased]"
    newest = RELEASE.match(headings[1])
    assert newest is not None, headings[1]
    assert newest["version"] == flipkart_ext.__version__
    date.fromisoformat(newest["date"])  # a real date, not just digits


def test_every_release_heading_is_dated_and_linked() -> None:
    releases = [m["version"] for m in RELEASE.finditer(CHANGELOG)]
    assert releases
    for version in ["Unreleased", *releases]:
        assert re.search(rf"^\[{re.escape(version)}\]: https://", CHANGELOG, re.MULTILINE), version
    dated = re.findall(r"^## \[(?!Unreleased\])", CHANGELOG, flags=re.MULTILINE)
    assert len(dated) == len(releases)  # no release heading without its date
