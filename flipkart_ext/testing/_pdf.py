"""A small, valid PDF built by hand: one page per document, text in Helvetica.

Real label and invoice downloads are PDFs; clients save them, check their magic bytes or
hand them to a printer, so the emulator answers with a file any reader opens: correct
object offsets in the cross-reference table, a trailer and ``%%EOF``.
"""

from __future__ import annotations

from collections.abc import Sequence

__all__ = ["build_pdf"]

# A 4 x 6 inch thermal label, in points.
_PAGE_WIDTH = 288
_PAGE_HEIGHT = 432


def _escape(text: str) -> str:
    ascii_text = text.encode("ascii", "replace").decode()
    return ascii_text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")


def _content_stream(lines: Sequence[str]) -> bytes:
    commands = ["BT", "/F1 11 Tf", "14 TL", f"18 {_PAGE_HEIGHT - 30} Td"]
    for line in lines:
        commands.append(f"({_escape(line)}) Tj T*")
    commands.append("ET")
    return "\n".join(commands).encode()


def build_pdf(pages: Sequence[Sequence[str]]) -> bytes:
    """A PDF with one page per entry of ``pages``, each a list of text lines."""
    pages = list(pages) or [[""]]
    font_number = 3
    first_page = 4
    page_numbers = [first_page + 2 * i for i in range(len(pages))]
    objects: dict[int, bytes] = {
        1: b"<< /Type /Catalog /Pages 2 0 R >>",
        2: (
            "<< /Type /Pages /Kids ["
            + " ".join(f"{n} 0 R" for n in page_numbers)
            + f"] /Count {len(pages)} >>"
        ).encode(),
        font_number: b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    }
    for number, lines in zip(page_numbers, pages, strict=True):
        stream = _content_stream(lines)
        objects[number] = (
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {_PAGE_WIDTH} {_PAGE_HEIGHT}] "
            f"/Resources << /Font << /F1 {font_number} 0 R >> >> /Contents {number + 1} 0 R >>"
        ).encode()
        objects[number + 1] = (
            f"<< /Length {len(stream)} >>\nstream\n".encode() + stream + b"\nendstream"
        )
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = {}
    for number in sorted(objects):
        offsets[number] = len(out)
        out += f"{number} 0 obj\n".encode() + objects[number] + b"\nendobj\n"
    xref_at = len(out)
    size = max(objects) + 1
    out += f"xref\n0 {size}\n0000000000 65535 f \n".encode()
    for number in range(1, size):
        out += f"{offsets[number]:010d} 00000 n \n".encode()
    out += f"trailer\n<< /Size {size} /Root 1 0 R >>\nstartxref\n{xref_at}\n%%EOF\n".encode()
    return bytes(out)
