"""The operator's CSV files are read as they are written, or refused naming file and line.

Before, both readers split the text into lines first, so a quoted value holding a line
break was glued together (``"A<newline>B"`` was sent as SKU ``AB``); a record with more
fields than the header lost the extra ones; a column named twice kept its last value.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from flipkart_ext.cli import EXIT_USAGE
from flipkart_ext.testing import Emulator

from .conftest import Cli

STOCK = "sku,product_id,location,inventory\n"
PACK = "shipment_id,tax_rate\n"


def _write(tmp_path: Path, text: str) -> str:
    path = tmp_path / "in.csv"
    path.write_text(text, encoding="utf-8")
    return str(path)


@pytest.mark.parametrize(
    ("text", "said"),
    [
        (STOCK + 'SKU-1,P-1,L-1,5\n"A\nB",P-2,L-1,5\n', "'A\\nB' holds a control or unprintable"),
        (STOCK + "SKU-1,P-1,L-1,5,7\n", "line 2: 5 fields, but the header has 4"),
        (
            "sku,product_id,location,inventory,sku\nA,P,L,5,B\n",
            "the header names sku more than once",
        ),
    ],
    ids=["quoted-line-break", "extra-field", "column-twice"],
)
def test_a_stock_file_read_otherwise_than_written_is_refused(
    cli: Cli, env: Emulator, tmp_path: Path, text: str, said: str
) -> None:
    run = cli("listings", "update-inventory", _write(tmp_path, text), "--dry-run")

    assert run.code == EXIT_USAGE, run.err
    assert said in run.err
    assert "# request" not in run.out


@pytest.mark.parametrize(
    ("text", "said"),
    [
        (PACK + "S-1,5,9\n", "line 2: 3 fields, but the header has 2"),
        ("shipment_id,tax_rate,shipment_id\nS-1,5,S-2\n", "names shipment_id more than once"),
        (PACK + '"S-1\nS-2",5\n', "holds a control or unprintable"),
    ],
    ids=["extra-field", "column-twice", "quoted-line-break"],
)
def test_a_pack_file_read_otherwise_than_written_is_refused(
    cli: Cli, env: Emulator, tmp_path: Path, text: str, said: str
) -> None:
    run = cli("shipments", "pack", "--csv", _write(tmp_path, text), "--dry-run")

    assert run.code == EXIT_USAGE, run.err
    assert said in run.err


def test_blank_lines_and_quoted_commas_are_read_as_written(
    cli: Cli, env: Emulator, tmp_path: Path
) -> None:
    text = STOCK + '\n"SKU,1",P-1,L-1,5\n\n'
    run = cli("listings", "update-inventory", _write(tmp_path, text), "--dry-run")

    # A comma inside quotes is the SKU's own: the update names it whole.
    assert run.code == 0, run.err
    assert '"SKU,1": {' in run.out
    assert run.err.startswith("Dry run: 1 SKU checked; 1 request would be sent")
