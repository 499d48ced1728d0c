"""Second pass on .docx packages: macros, broken parts, a main part that is no document.

Each was accepted before: a macro-enabled package became a "review copy" Word refuses as .docx,
a broken comments part was carried into a redline Word cannot open, and a main part without
w:body stopped `sammenlign` and `modforslag` with an internal error.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from assembler.workflows import EXAMPLE_ANSWERS
from tests.hostile.corpus import (
    CONTENT_TYPES,
    aftale,
    assert_refused,
    document_xml,
    minimal_docx,
    snapshot,
)

MACRO_TYPES = CONTENT_TYPES.replace(
    "wordprocessingml.document.main+xml", "ms-word.document.macroEnabled.main+xml"
)
COMMENTS_REL = (
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.'
    'org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.'
    'org/officeDocument/2006/relationships/comments" Target="comments.xml"/></Relationships>'
)
HTML = b'<?xml version="1.0"?><html><body><p>Aftale om hjemmearbejde</p></body></html>'


def _every_entry_point(folder: Path, bad: str) -> list[tuple[str, ...]]:
    """tjek (text and --json --mod), modforslag and sammenlign with the bad file in each place."""
    return [
        ("tjek", bad),
        ("tjek", "--json", "--mod", "god.docx", bad),
        ("modforslag", bad, "-o", "mod.docx", "--svar", str(folder / "svar.yaml")),
        ("sammenlign", "god.docx", bad, "-o", "r.docx", "--oversigt", "o.xlsx"),
        ("sammenlign", bad, "god.docx", "-o", "r.docx"),
    ]


@pytest.mark.parametrize(
    ("parts", "needles"),
    [
        ({"word/vbaProject.bin": b"\xd0\xcf\x11\xe0"}, ["makroer", "delen 'word/vbaProject.bin'"]),
        ({"[Content_Types].xml": MACRO_TYPES}, ["makroer", "delen '[Content_Types].xml'"]),
        (
            {"word/comments.xml": b"\x00\x01", "word/_rels/document.xml.rels": COMMENTS_REL},
            ["delen 'word/comments.xml' er ikke gyldig XML", "linje 1"],
        ),
        ({"word/_rels/document.xml.rels": b"<<<"}, ["delen 'word/_rels/document.xml.rels'"]),
        ({"word/styles.xml": b"<w:styles"}, ["delen 'word/styles.xml' er ikke gyldig XML"]),
        (
            {"word/document.xml": HTML},
            ["delen 'word/document.xml' er ikke et Word-dokument", "<html>"],
        ),
        ({"word/document.xml": b""}, ["delen 'word/document.xml' er tom"]),
    ],
    ids=["vba", "macro-type", "comments", "rels", "styles", "html-root", "empty-main"],
)
def test_a_bad_package_is_refused_by_every_entry_point(
    tmp_path: Path, parts: dict[str, bytes | str], needles: list[str]
) -> None:
    (tmp_path / "god.docx").write_bytes(minimal_docx())
    (tmp_path / "ond.docx").write_bytes(minimal_docx(**parts))
    shutil.copy(EXAMPLE_ANSWERS, tmp_path / "svar.yaml")
    before = snapshot(tmp_path)
    for args in _every_entry_point(tmp_path, "ond.docx"):
        run = aftale(*args, cwd=tmp_path)
        assert_refused(run, "ond.docx: ", *needles)
        assert snapshot(tmp_path) == before, args


def test_a_document_part_without_a_body_is_refused(tmp_path: Path) -> None:
    no_body = document_xml([]).replace(b"<w:body></w:body>", b"<w:background/>")
    (tmp_path / "god.docx").write_bytes(minimal_docx())
    (tmp_path / "ond.docx").write_bytes(minimal_docx(no_body))
    run = aftale("sammenlign", "god.docx", "ond.docx", "-o", "r.docx", cwd=tmp_path)
    assert_refused(run, "ond.docx: delen 'word/document.xml' er ikke et Word-dokument")
    assert not (tmp_path / "r.docx").exists()
