"""The visible text of WordprocessingML elements, as Word shows it, and where tags begin."""

from __future__ import annotations

from collections.abc import Iterator

from lxml import etree

from assembler.ooxml.ns import qn

W_T = qn("w:t")
W_TAB, W_TABS = qn("w:tab"), qn("w:tabs")


def is_tab_stop(tab: etree._Element) -> bool:
    """Whether a w:tab is one of a paragraph's tab stops (w:pPr/w:tabs, also inside a
    w:pPrChange), not a tab character in a run: `paragraph.iter(w:t, w:tab)` finds both."""
    parent = tab.getparent()
    return parent is not None and parent.tag == W_TABS


def texts_and_tabs(element: etree._Element) -> Iterator[etree._Element]:
    """The w:t and the tab characters (w:tab in a run) under `element`, in document order: what
    a reader of a paragraph's characters wants of `element.iter(w:t, w:tab)`, without the
    paragraph's tab stops."""
    for el in element.iter(W_T, W_TAB):
        if el.tag == W_T or not is_tab_stop(el):
            yield el


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


def last_tag_start(xml: str, name: str, start: int, end: int) -> int:
    """max(xml.rfind(f"<{name}>", start, end), xml.rfind(f"<{name} ", start, end)): where the
    last start tag of an element called `name` begins, -1 if none.

    One backward search for the shared prefix, stepping over longer names that begin with it
    (`<w:pPr>` for `w:p`): each of the two searches above ran back to `start` whenever its
    form was absent (no `<w:p ` in our paragraphs), a scan of the whole document per call.
    """
    prefix = "<" + name
    end = min(end, len(xml))
    if end < 1:  # (end - 1 below would count from the string's end)
        return -1
    at = xml.rfind(prefix, start, end - 1)  # the full tag (prefix + 1 character) ends by `end`
    while at >= 0 and xml[at + len(prefix)] not in "> ":
        at = xml.rfind(prefix, start, at + len(prefix) - 1)
    return at
