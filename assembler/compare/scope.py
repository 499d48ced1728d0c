"""What the overview needs from every version, cheaply: whether the clause library and the audit
can say anything about it, and how Word numbers its clause headings.

Most documents people compare are not agreements about home work. For them the overview lists
every change under its clause and number, and leaves topic and assessment empty, as it does
whenever it is unsure; the library and the audit (assembler/compare/views.py) are not loaded.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from lxml import etree

from assembler.compare.clauses import norm, top_level
from assembler.compare.model import Change
from assembler.compare.numbers import NumberStyle, number_style
from assembler.ooxml.ns import qn
from assembler.ooxml.package import Package

if TYPE_CHECKING:
    from assembler.audit.numbering import Numbering

DOCUMENT = "word/document.xml"
# Our clause anchors, and the words for home work (the state's framework says "distancearbejde",
# the municipal and regional ones "tele- og hjemmearbejde"), as they appear in lower-cased XML.
ANCHOR = b"_Aft_"
HOME_WORK = (b"hjemmearbejd", b"distancearbejd", b"telearbejd")
TEXT_PARTS = ("word/document.xml", "word/header", "word/footer", "word/footnotes.xml",
              "word/endnotes.xml")  # fmt: skip
_TAG = re.compile(rb"<(?!/w:p>)[^>]*>")  # every tag but a paragraph's end, left as a separator

Paragraphs = Iterable[tuple[str, etree._Element]]  # (text, w:p) in document order


def concerns_home_work(package: Package) -> bool:
    """Whether the clause library and the home-work rules can say anything about a version: it
    carries one of our clause anchors or mentions home work somewhere in its text.

    Decided on the raw XML, before anything is parsed: the tags are taken out, so a word that
    Word split over several runs (spell-check marks, revision ids) is found whole; a paragraph's
    end tag stays, so two paragraphs never run together into one word.
    """
    texts = [data for name, data in package.parts.items() if name.startswith(TEXT_PARTS)]
    if any(ANCHOR in data for data in texts):
        return True
    for data in texts:
        plain = _TAG.sub(b"", data).lower()
        if any(word in plain for word in HOME_WORK):
            return True
    return False


def numbered_headings(changes: list[Change]) -> list[str]:
    """Texts of the top-level headings Word numbers, for finding their number format."""
    top = top_level(changes)
    return [
        c.info.text
        for c in changes
        if c.part == "body" and c.info.heading_level == top and c.info.numbered and c.info.text
    ]


def heading_style(
    package: Package,
    paragraphs: Paragraphs,
    headings: list[str],
    numbering: Numbering | None = None,
) -> NumberStyle:
    """How Word numbers the clause headings: from the first of them found in the version
    (`numbering`: the version's assembler.audit.numbering.Numbering, when already read)."""
    if not headings:
        return NumberStyle()
    wanted = {norm(h) for h in headings}
    for text, element in paragraphs:
        if text and norm(text) in wanted:
            return number_style(package, element, numbering)
    return NumberStyle()


def body_paragraphs(package: Package) -> Iterator[tuple[str, etree._Element]]:
    """The body's paragraphs of a version, parsed when first asked for."""
    from assembler.audit.document import paragraph_text

    root = package.xml(DOCUMENT)
    body = root.find(qn("w:body"))
    for p in (body if body is not None else root).iter(qn("w:p")):
        yield paragraph_text(p), p
