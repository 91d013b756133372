"""check-generated detects what it exists for."""

from __future__ import annotations

import shutil
from pathlib import Path

import check_generated
import pytest

from .conftest import ROOT


def test_check_generated_passes_on_the_committed_tree() -> None:
    assert check_generated.main() == 0


def test_check_generated_names_a_hand_edited_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    copy_dir = tmp_path / "generated"
    shutil.copytree(ROOT / "generated", copy_dir, ignore=shutil.ignore_patterns("__pycache__"))
    edited = copy_dir / "flipkart_seller_api" / "models" / "shipment.py"
    edited.write_text(edited.read_text() + "\n# hand edit\n")
    (copy_dir / "flipkart_seller_api" / "extra.py").write_text("x = 1\n")
    assert check_generated.main(copy_dir) == 1
    err = capsys.readouterr().err
    assert "differs from a fresh regeneration: models/shipment.py" in err
    assert "not produced by the generator: extra.py" in err


def test_every_generated_module_says_it_is_generated() -> None:
    from codegen import GENERATED_HEADER

    modules = sorted((ROOT / "generated" / "flipkart_seller_api").rglob("*.py"))
    assert len(modules) > 200
    unmarked = [m.name for m in modules if not m.read_text().startswith(GENERATED_HEADER)]
    assert unmarked == []
