"""The audit's child lookups find exactly what lxml's find() finds (they skip its path engine)."""

from __future__ import annotations

from lxml import etree

from assembler.audit.document import _all_bold
from assembler.audit.styles import _clark, child_val, first_child
from assembler.ooxml.ns import qn

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
XML = f"""<w:body xmlns:w="{W}">
<w:p><!-- a comment first --><w:r><w:t>a</w:t></w:r><w:pPr><w:pStyle w:val="late"/></w:pPr></w:p>
<w:p><w:pPr><w:numPr><w:ilvl w:val="1"/></w:numPr><w:numPr><w:numId w:val="7"/></w:numPr>
  <w:pStyle w:val="one"/><w:pStyle w:val="two"/></w:pPr>
  <w:r><w:rPr><w:i/></w:rPr><w:rPr><w:b w:val="0"/></w:rPr><w:t>b</w:t></w:r></w:p>
<w:p><w:r><w:t>c</w:t></w:r><w:r><w:rPr><w:b/></w:rPr></w:r></w:p>
<w:p/>
</w:body>"""
PATHS = ("w:pPr", "w:pStyle", "w:numPr/w:numId", "w:numPr/w:ilvl", "w:pPr/w:numPr/w:numId",
         "w:r/w:rPr/w:b", "w:missing", "w:numPr/w:missing")  # fmt: skip


def test_first_child_and_child_val_find_what_find_finds() -> None:
    body = etree.fromstring(XML)
    elements = list(body.iter())
    for el in elements:
        for path in PATHS:
            found = el.find("/".join(_clark(path)))
            expected = None if found is None else found.get(qn("w:val"))
            assert child_val(el, path) == expected, (el.tag, path)
            if "/" not in path:
                assert first_child(el, qn(path)) is found
    assert child_val(None, "w:pPr") is None


def test_bold_is_read_from_the_first_b_under_any_rpr() -> None:
    body = etree.fromstring(XML)
    paragraphs = list(body.iter(qn("w:p")))
    # the second paragraph's only run has w:b w:val="0" under its second rPr: not bold
    assert not _all_bold(paragraphs[1])
    # the third's run with text has no rPr, and the bold run has no text: not bold
    assert not _all_bold(paragraphs[2])
    bold = etree.fromstring(
        f'<w:p xmlns:w="{W}"><w:r><w:rPr/><w:rPr><w:b/></w:rPr><w:t>x</w:t></w:r></w:p>'
    )
    assert _all_bold(bold)
