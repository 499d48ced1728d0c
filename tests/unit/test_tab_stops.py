"""A paragraph's tab stops (w:pPr/w:tabs/w:tab) are no text: only a w:tab in a run is a tab.

`paragraph.iter(w:t, w:tab)` finds both. Read as text, tab stops made the self-check report
white-space differences in redlines that had none (a paragraph whose tab stops changed, or
that merged into another on reject-all), and made the counter-proposal's editor put new text
inside the tab-stop list of an empty paragraph.
"""

from __future__ import annotations

from pathlib import Path

from lxml import etree

from assembler.audit.anchor import TextMap
from assembler.audit.document import paragraph_text
from assembler.compare.tokens import plain_text
from assembler.negotiate.edit import replace_text
from tests.unit.compare.fixtures import make_docx, para, run
from tests.unit.compare.oracle import document_view
from tests.unit.compare.test_gates import redline

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
TABS = '<w:tabs><w:tab w:val="left" w:pos="5760"/><w:tab w:val="right" w:pos="9000"/></w:tabs>'
TAB = "<w:r><w:tab/></w:r>"


def _p(xml: str) -> etree._Element:
    return etree.fromstring(f'<w:body xmlns:w="{W}">{xml}</w:body>')[0]


def test_readers_count_tab_characters_and_not_tab_stops() -> None:
    p = _p(para(run("Dato"), TAB, run("Underskrift"), ppr=TABS))
    assert plain_text(p) == "Dato\tUnderskrift"
    assert paragraph_text(p) == "Dato Underskrift"
    assert TextMap.of(p).text == "Dato Underskrift"


def test_text_put_into_an_empty_paragraph_with_tab_stops_goes_into_a_run() -> None:
    p = _p(para(ppr=TABS))
    replace_text(p, 0, 0, "Ny tekst")
    texts = list(p.iter(f"{{{W}}}t"))
    assert [t.text for t in texts] == ["Ny tekst"]
    run_el = texts[0].getparent()
    assert run_el is not None and run_el.tag == f"{{{W}}}r" and run_el.getparent() is p
    tabs = p.find(f"{{{W}}}pPr/{{{W}}}tabs")
    assert tabs is not None and [c.tag for c in tabs] == [f"{{{W}}}tab"] * 2


def test_a_redline_of_paragraphs_with_changed_tab_stops_reads_as_the_versions(
    tmp_path: Path,
) -> None:
    """Tab stops added and removed, with paragraphs deleted that merge on reject-all: both
    views read exactly as the versions, tab characters included, tab stops not."""
    old_doc = make_docx(
        [
            para("Ordningen gælder fra 1. marts 2027."),
            para(run("Dato"), TAB, run("Underskrift"), ppr=TABS),
            para("Slettes helt.", ppr=TABS),
        ]
    )
    new_doc = make_docx(
        [
            para("Ordningen gælder fra 1. april 2027.", ppr=TABS),
            para(run("Dato"), TAB, run("Underskrift")),
        ]
    )
    data = redline(tmp_path, old_doc, new_doc)
    assert document_view(data, "accept") == document_view(new_doc, "accept")
    assert document_view(data, "reject") == document_view(old_doc, "reject")
    assert document_view(old_doc, "reject")["body"][1] == "Dato\tUnderskrift"
