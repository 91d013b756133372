"""The pipeline refuses bad input with one clear line, and a failure anywhere changes nothing."""

from __future__ import annotations

import json
import shutil
import socket
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, ClassVar

import pytest
import regenerate
from codegen import GenerationError, tree_files
from regenerate import PipelineError
from spec_source import SpecError, fetch, parse

from .conftest import ROOT, tree_digest


class _Handler(BaseHTTPRequestHandler):
    routes: ClassVar[dict[str, tuple[str, bytes]]] = {
        "/page.html": (
            "text/html; charset=utf-8",
            b"<!doctype html><html><body>Login</body></html>",
        ),
        "/swagger.json": ("application/json", b'{"swagger": "2.0", "paths": {}}'),
    }

    def do_GET(self) -> None:
        content_type, body = self.routes.get(self.path, ("text/plain", b"missing"))
        self.send_response(200 if self.path in self.routes else 404)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture
def http_server() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()
    thread.join()


@pytest.fixture
def workspace(tmp_path: Path) -> tuple[Path, Path]:
    """A copy of generated/ and openapi/ the pipeline may write to."""
    generated = tmp_path / "generated"
    openapi = tmp_path / "openapi"
    shutil.copytree(ROOT / "generated", generated, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(ROOT / "openapi", openapi)
    return generated, openapi


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _bad_inputs(tmp_path: Path, base_url: str) -> dict[str, tuple[str, str]]:
    (tmp_path / "page.html").write_text(
        "<!DOCTYPE html>\n<html><head><title>Sign in</title></head></html>"
    )
    (tmp_path / "garbage.txt").write_text("key: [unclosed\n  other: : value\n")
    (tmp_path / "truncated.json").write_text('{\n  "swagger": "2.0",\n  "paths": {\n    "/a": {')
    (tmp_path / "broken.json").write_text('{\n  "swagger": "2.0",\n  "paths": {} oops\n}\n')
    (tmp_path / "openapi31.json").write_text(
        json.dumps({"openapi": "3.1.0", "info": {"title": "t", "version": "1"}, "paths": {}})
    )
    (tmp_path / "scalar.yaml").write_text("just some words\n")
    (tmp_path / "swagger12.json").write_text(json.dumps({"swaggerVersion": "1.2", "apis": []}))
    (tmp_path / "other.json").write_text(json.dumps({"name": "not a spec"}))
    return {
        "unreachable host": (f"http://127.0.0.1:{_closed_port()}/swagger.json", "unreachable"),
        "served html": (f"{base_url}/page.html", "HTML page"),
        "http 404": (f"{base_url}/nothing", "HTTP 404"),
        "html file": (str(tmp_path / "page.html"), "HTML"),
        "not json or yaml": (str(tmp_path / "garbage.txt"), "neither JSON nor YAML"),
        "yaml scalar": (str(tmp_path / "scalar.yaml"), "neither JSON nor YAML mapping"),
        "truncated json": (
            str(tmp_path / "truncated.json"),
            "invalid JSON at line 4 column 12: Expecting property name enclosed in double quotes"
            " (the text ends there: truncated?)",
        ),
        "broken json": (
            str(tmp_path / "broken.json"),
            "invalid JSON at line 3 column 15: Expecting ',' delimiter",
        ),
        "openapi 3.1": (
            str(tmp_path / "openapi31.json"),
            "unsupported version (3.1.0); expected Swagger 2.0 or OpenAPI 3.0",
        ),
        "swagger 1.x": (
            str(tmp_path / "swagger12.json"),
            "unsupported version (Swagger 1.2); expected Swagger 2.0 or OpenAPI 3.0",
        ),
        "not a spec": (str(tmp_path / "other.json"), "not a spec"),
        "missing file": (str(tmp_path / "absent.json"), "no such file"),
    }


def test_bad_inputs_fail_with_one_line_and_change_nothing(
    tmp_path: Path,
    http_server: str,
    workspace: tuple[Path, Path],
    capsys: pytest.CaptureFixture[str],
) -> None:
    generated, openapi = workspace
    before = (tree_digest(generated), tree_digest(openapi))
    real_before = tree_digest(ROOT / "generated")
    report = tmp_path / "report.json"
    for case, (spec, expected) in _bad_inputs(tmp_path, http_server).items():
        with pytest.raises(SpecError) as caught:
            regenerate.run(spec, generated_dir=generated, openapi_dir=openapi)
        assert expected in str(caught.value), case
        assert "\n" not in str(caught.value), case
        assert regenerate.main(["--spec", spec, "--report", str(report)]) == 1, case
        err = capsys.readouterr().err
        assert err.startswith("regenerate: error: ") and err.count("\n") == 1, (case, err)
    assert (tree_digest(generated), tree_digest(openapi)) == before
    assert tree_digest(ROOT / "generated") == real_before


def test_fetch_times_out_with_a_clear_line() -> None:
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen(1)  # accepts the connection, never answers
        url = f"http://127.0.0.1:{listener.getsockname()[1]}/swagger.json"
        with pytest.raises(SpecError, match=r"timed out after 0.2s"):
            fetch(url, timeout=0.2)


def test_fetch_over_http_returns_the_exact_bytes(http_server: str) -> None:
    raw = fetch(f"{http_server}/swagger.json")
    assert raw.content == _Handler.routes["/swagger.json"][1]
    assert parse(raw)["swagger"] == "2.0"


def test_yaml_input_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "spec.yaml"
    path.write_text("openapi: 3.0.1\ninfo: {title: t, version: '1'}\npaths: {}\n")
    assert parse(fetch(str(path)))["openapi"] == "3.0.1"


def test_generator_failure_leaves_everything_unchanged(
    upstream_path: Path, baseline: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    generated, openapi = baseline
    before = (tree_digest(generated), tree_digest(openapi))

    def broken(*_args: Any, **_kwargs: Any) -> Path:
        raise GenerationError("simulated generator warning")

    monkeypatch.setattr(regenerate, "build_package", broken)
    with pytest.raises(PipelineError, match="simulated generator warning"):
        regenerate.run(str(upstream_path), generated_dir=generated, openapi_dir=openapi)
    assert (tree_digest(generated), tree_digest(openapi)) == before


def test_stale_fixup_leaves_everything_unchanged(
    tmp_path: Path, upstream: dict[str, Any], baseline: tuple[Path, Path]
) -> None:
    generated, openapi = baseline
    before = (tree_digest(generated), tree_digest(openapi))
    moved = json.loads(json.dumps(upstream))
    moved["paths"]["/v3/shipments/search"] = moved["paths"].pop("/v3/shipments/filter")
    spec = tmp_path / "moved.json"
    spec.write_text(json.dumps(moved))
    with pytest.raises(
        PipelineError,
        match=r"fixup json-request-bodies in scripts/spec_fixups.py no longer applies: "
        r"POST /v3/shipments/filter is no longer in the spec",
    ):
        regenerate.run(str(spec), generated_dir=generated, openapi_dir=openapi)
    assert (tree_digest(generated), tree_digest(openapi)) == before


def test_two_runs_from_upstream_are_byte_identical(
    upstream_path: Path, tmp_path: Path, baseline: tuple[Path, Path]
) -> None:
    trees = []
    for attempt in ("first", "second"):
        generated, openapi = tmp_path / attempt / "generated", tmp_path / attempt / "openapi"
        shutil.copytree(baseline[1], openapi)
        regenerate.run(str(upstream_path), generated_dir=generated, openapi_dir=openapi)
        trees.append((tree_files(generated / "flipkart_seller_api"), tree_files(openapi)))
    assert trees[0] == trees[1]


def test_committed_document_is_a_fixed_point_of_the_pipeline(tmp_path: Path) -> None:
    """Regenerating from the committed normalized document reproduces generated/ and it."""
    generated, openapi = tmp_path / "generated", tmp_path / "openapi"
    shutil.copytree(ROOT / "openapi", openapi)
    spec = ROOT / "openapi" / "flipkart-seller-api.json"
    lines = regenerate.run(str(spec), generated_dir=generated, openapi_dir=openapi)
    assert "API diff against the previous normalized document: no change" in lines
    # Only the record of where it came from differs: another source, no converter.
    fresh = tree_files(generated / "flipkart_seller_api")
    committed = tree_files(ROOT / "generated" / "flipkart_seller_api")
    assert {
        name for name in fresh.keys() | committed.keys() if fresh.get(name) != committed.get(name)
    } == {"_provenance.py"}
    assert (openapi / "flipkart-seller-api.json").read_bytes() == spec.read_bytes()


def test_provenance_records_source_hash_and_tool_versions() -> None:
    import flipkart_seller_api._provenance as provenance

    recorded = json.loads((ROOT / "openapi" / "provenance.json").read_text())
    assert recorded == {
        "source": provenance.SOURCE,
        "sha256": provenance.SHA256,
        "generator": provenance.GENERATOR,
        "converter": provenance.CONVERTER,
    }
    assert len(recorded["sha256"]) == 64 and int(recorded["sha256"], 16) >= 0
    assert provenance.GENERATOR.startswith("openapi-python-client ")
    assert provenance.CONVERTER.startswith("swagger2openapi ") or provenance.CONVERTER == "none"
    # Only these four facts: a timestamp would make every regeneration a diff.
    names = {name for name in vars(provenance) if name.isupper()}
    assert names == {"SOURCE", "SHA256", "GENERATOR", "CONVERTER"}
