"""The visible text of WordprocessingML elements, as Word shows it."""

from __future__ import annotations

from lxml import etree

from assembler.ooxml.ns import qn

W_T = qn("w:t")


def visible_text(element: etree._Element) -> str:
    """The w:t text inside a paragraph, note or other element, runs joined."""
    return "".join(t.text or "" for t in element.iter(W_T))
