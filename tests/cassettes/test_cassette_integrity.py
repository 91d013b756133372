"""Replay is strict: a missing interaction fails loudly, and no cassette holds a secret."""

from __future__ import annotations

import base64
import json
import secrets
import subprocess
from pathlib import Path

import pytest
import vcr
import yaml
from vcr.errors import CannotOverwriteExistingCassetteException
from vcr.persisters.filesystem import FilesystemPersister

from flipkart_ext import APIConnectionError, ShipmentFilter
from flipkart_ext.testing.cassettes import SecretScrubber, cassette_config, find_secrets

from ._target import Target

CASSETTES = Path(__file__).parent / "recorded"
ROOT = Path(__file__).resolve().parents[2]
SOURCE = CASSETTES / "test_shipments" / "test_three_page_search_sync.yaml"


def _replay_three_page_search(cassette_path: Path) -> None:
    recorder = vcr.VCR(record_mode="none", **cassette_config(SecretScrubber()))
    recorder.register_persister(FilesystemPersister)
    with recorder.use_cassette(str(cassette_path)) as cassette:
        target = Target.replaying(cassette)
        with target.client() as client:
            from ._orders import create_orders

            create_orders(client, target, 12)
            list(
                client.shipments.pages(
                    ShipmentFilter.pre_dispatch(states=["APPROVED"], page_size=5)
                )
            )


def test_the_untouched_cassette_replays(tmp_path: Path) -> None:
    copy = tmp_path / "intact.yaml"
    copy.write_bytes(SOURCE.read_bytes())
    _replay_three_page_search(copy)


def test_a_deleted_interaction_fails_naming_the_request(tmp_path: Path) -> None:
    document = yaml.safe_load(SOURCE.read_text())
    pages = [i for i in document["interactions"] if "next_token" in i["request"]["uri"]]
    document["interactions"].remove(pages[-1])  # the last page is gone
    broken = tmp_path / "broken.yaml"
    broken.write_text(yaml.safe_dump(document))
    with pytest.raises(APIConnectionError) as caught:
        _replay_three_page_search(broken)
    assert isinstance(caught.value.__cause__, CannotOverwriteExistingCassetteException)
    message = str(caught.value)
    assert "no recorded interaction matches" in message
    assert "GET " in message and "/v3/shipments/filter?next_token=" in message


def test_every_cassette_says_where_it_was_recorded() -> None:
    cassettes = sorted(CASSETTES.rglob("*.yaml"))
    assert len(cassettes) >= 12
    for path in cassettes:
        metadata = yaml.safe_load(path.read_text()).get("metadata", {})
        assert metadata.get("recorded_from") in {"emulator", "sandbox"}, path.name


def _committed_test_files() -> list[Path]:
    listed = subprocess.run(
        ["git", "ls-files", "tests"], cwd=ROOT, capture_output=True, text=True, check=True
    ).stdout.split()
    return [ROOT / name for name in listed if (ROOT / name).is_file()]


def test_no_cassette_or_test_file_holds_a_secret() -> None:
    files = sorted(CASSETTES.rglob("*.yaml")) + _committed_test_files()
    leaks = {str(p.relative_to(ROOT)): find_secrets(p.read_text(errors="replace")) for p in files}
    assert {path: found for path, found in leaks.items() if found} == {}


def test_every_authorization_header_in_cassettes_is_a_placeholder() -> None:
    for path in sorted(CASSETTES.rglob("*.yaml")):
        for interaction in yaml.safe_load(path.read_text())["interactions"]:
            for name, values in interaction["request"]["headers"].items():
                if name.lower() == "authorization":
                    for value in values:
                        _scheme, _, credential = value.partition(" ")
                        assert credential.startswith("<") and credential.endswith(">"), (
                            path.name,
                            value,
                        )


def test_the_scan_catches_a_planted_token(tmp_path: Path) -> None:
    # Built at run time, so this file itself holds no secret-shaped literal.
    planted = secrets.token_urlsafe(32)
    document = yaml.safe_load(SOURCE.read_text())
    document["interactions"][1]["request"]["headers"]["authorization"] = [f"Bearer {planted}"]
    leaked = tmp_path / "leaked.yaml"
    leaked.write_text(yaml.safe_dump(document))
    assert find_secrets(leaked.read_text()) == [f"Bearer {planted}"]
    body = json.dumps({"access_token": planted, "token_type": "bearer"})
    assert find_secrets(body) == [f'"access_token": "{planted}"']
    query = f"GET /oauth/token?grant_type=refresh_token&refresh_token={planted}"
    assert find_secrets(query) == [f"&refresh_token={planted}"]
    basic = base64.b64encode(f"app-id:{planted}".encode()).decode()
    assert find_secrets(f"Authorization: Basic {basic}") == [f"Basic {basic}"]
    # Placeholders and redaction markers are what a scrubbed file holds; they are not leaks.
    scrubbed = 'Bearer <ACCESS_TOKEN_1> "access_token": "[REDACTED]" ?code=<AUTH_CODE_1>'
    assert find_secrets(scrubbed) == []
