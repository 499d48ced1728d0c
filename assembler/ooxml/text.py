"""The visible text of WordprocessingML elements, as Word shows it."""

from __future__ import annotations

from lxml import etree

from assembler.ooxml.ns import qn

W_T = qn("w:t")


def escape_text(text: str) -> str:
    """Text made safe for XML character data (&, < and >), as xml.sax.saxutils.escape does.

    Written out because xml.sax.saxutils imports urllib.request, http and ssl, which cost more
    than comparing two short agreements.
    """
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def unescape_text(text: str) -> str:
    """The inverse of escape_text (&lt;, &gt;, &amp; only), as xml.sax.saxutils.unescape."""
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")


def visible_text(element: etree._Element) -> str:
    """The w:t text inside a paragraph, note or other element, runs joined."""
    return "".join(t.text or "" for t in element.iter(W_T))
