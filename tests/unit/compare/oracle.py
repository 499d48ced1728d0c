"""Test oracle: accept-all and reject-all of tracked changes, independent of the writer.

The views are the package's own self-check (assembler/compare/selfcheck.py), which reads the
written bytes again; the tests and the engine's every run use one definition of the two views.
"""

from __future__ import annotations

import io
import zipfile

from lxml import etree

from assembler.compare.selfcheck import document_lines, read_parts

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def w(tag: str) -> str:
    """Clark name in the w: namespace."""
    return f"{{{W}}}{tag}"


def document_view(data: bytes, view: str) -> dict[str, list[str]]:
    """Lines of body, headers, footers and notes of a .docx after accept/reject-all."""
    lines = document_lines(read_parts(data), view)
    return {story: [line.text for line in story_lines] for story, story_lines in lines.items()}


def revision_ids(data: bytes) -> list[str]:
    """All w:id values of revision elements in all parts."""
    tags = {
        w(t)
        for t in (
            "ins",
            "del",
            "moveFrom",
            "moveTo",
            "rPrChange",
            "pPrChange",
            "moveFromRangeStart",
            "moveToRangeStart",
        )
    }
    ids = []
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        for name in zf.namelist():
            if name.startswith("word/") and name.endswith(".xml"):
                root = etree.fromstring(zf.read(name))
                ids.extend(el.get(w("id")) for el in root.iter(*tags))
    return ids


def count_tags(data: bytes, tag: str) -> int:
    """Number of w:<tag> elements over all word/ parts."""
    total = 0
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        for name in zf.namelist():
            if name.startswith("word/") and name.endswith(".xml"):
                total += sum(1 for _ in etree.fromstring(zf.read(name)).iter(w(tag)))
    return total
