"""Read generated documents back, independently of the renderer."""

from __future__ import annotations

import io
from pathlib import Path

import docx


def paragraphs(source: bytes | Path) -> list[tuple[str, str]]:
    """(style name, text) of every body paragraph, tables included, in document order."""
    document = docx.Document(io.BytesIO(source) if isinstance(source, bytes) else str(source))
    out = [(p.style.name if p.style is not None else "", p.text) for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            for cell in row.cells:
                out += [("cell", p.text) for p in cell.paragraphs]
    return out


def full_text(source: bytes | Path) -> str:
    """All body text, one paragraph per line, plus headers and footers."""
    document = docx.Document(io.BytesIO(source) if isinstance(source, bytes) else str(source))
    lines = [text for _, text in paragraphs(source)]
    for section in document.sections:
        lines += [p.text for p in section.header.paragraphs]
        lines += [p.text for p in section.footer.paragraphs]
    return "\n".join(lines)
