from __future__ import annotations

import re

from flipkart_ext.testing._pdf import build_pdf


def test_pdf_structure_is_valid() -> None:
    pdf = build_pdf([["Shipping label", "Shipment (a) \\ b"], ["Second page"]])
    assert pdf.startswith(b"%PDF-1.4\n")
    assert pdf.endswith(b"%%EOF\n")
    startxref = int(re.search(rb"startxref\n(\d+)\n%%EOF", pdf)[1])  # type: ignore[index]
    assert pdf[startxref:].startswith(b"xref\n")
    table = pdf[startxref:].split(b"\n")
    size = int(table[1].split()[1])
    offsets = [int(line[:10]) for line in table[3 : 3 + size - 1]]
    for number, offset in enumerate(offsets, start=1):
        assert pdf[offset:].startswith(f"{number} 0 obj\n".encode())
    assert b"/Count 2" in pdf
    # Parentheses and backslashes are escaped inside text strings.
    assert b"(Shipment \\(a\\) \\\\ b) Tj" in pdf


def test_stream_lengths_match() -> None:
    pdf = build_pdf([["one line"]])
    match = re.search(rb"<< /Length (\d+) >>\nstream\n(.*?)\nendstream", pdf, re.S)
    assert match is not None
    assert int(match[1]) == len(match[2])
