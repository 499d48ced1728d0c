"""Clause bookmarks: the fast string path places exactly what the tree path places."""

from __future__ import annotations

from lxml import etree

from assembler.answers.model import Answers
from assembler.library.model import Library
from assembler.ooxml.bookmarks import anchor_headings, anchor_headings_xml, clause_anchors
from assembler.render.context import build_context
from assembler.render.templates import TemplateSet

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def _c14n(xml: bytes | str) -> bytes:
    root = etree.fromstring(xml.encode() if isinstance(xml, str) else xml)
    return etree.tostring(root, method="c14n")


def test_fast_path_equals_tree_path_on_a_rendered_agreement(
    library: Library, example: Answers, templates: TemplateSet
) -> None:
    for agreement in (example.local, example.employees[1]):
        context, anchors = build_context(library, example, agreement)
        xml = templates.for_agreement(agreement.agreement).render_parts(context)[
            "word/document.xml"
        ]
        pairs = [(a.title, a.bookmark) for a in anchors]
        fast = anchor_headings_xml(xml.decode(), pairs)
        assert fast is not None
        root = etree.fromstring(xml)
        assert anchor_headings(root, pairs) == len(pairs)
        assert _c14n(fast) == etree.tostring(root, method="c14n")
        found = [(t, v) for t, v, _ in clause_anchors(etree.fromstring(fast.encode()))]
        assert found == [tuple(b.removeprefix("_Aft_").split("__")) for _, b in pairs]


def test_fast_path_gives_up_on_split_titles_and_escapes() -> None:
    split = (
        f'<w:document {W}><w:body><w:p><w:pPr><w:pStyle w:val="Heading1"/></w:pPr>'
        "<w:r><w:t>Tilgænge</w:t></w:r><w:r><w:t>lighed</w:t></w:r></w:p></w:body></w:document>"
    )
    assert anchor_headings_xml(split, [("Tilgængelighed", "_Aft_x__y")]) is None
    root = etree.fromstring(split.encode())
    assert anchor_headings(root, [("Tilgængelighed", "_Aft_x__y")]) == 1
    amp = (
        f"<w:document {W}><w:body><w:p><w:r><w:t>IT &amp; data</w:t></w:r></w:p>"
        "</w:body></w:document>"
    )
    placed = anchor_headings_xml(amp, [("IT & data", "_Aft_it__a")])
    assert placed is not None and 'w:name="_Aft_it__a"' in placed
    marks = [placed.index(x) for x in ("bookmarkStart", "IT &amp; data", "bookmarkEnd")]
    assert marks == sorted(marks)
