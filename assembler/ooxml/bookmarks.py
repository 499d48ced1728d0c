"""Hidden bookmarks that anchor each clause heading, so later tools can find clauses again."""

from __future__ import annotations

from collections.abc import Sequence

from lxml import etree

from assembler.ooxml.ns import qn

BOOKMARK_PREFIX = "_Aft_"


# Clark names computed once: anchoring runs for every generated document.
_W_P, _W_T, _W_PPR = qn("w:p"), qn("w:t"), qn("w:pPr")
_W_START, _W_END = qn("w:bookmarkStart"), qn("w:bookmarkEnd")
_W_ID, _W_NAME = qn("w:id"), qn("w:name")


def _text(p: etree._Element) -> str:
    """Visible paragraph text."""
    return "".join([t.text or "" for t in p.iter(_W_T)]).strip()


def anchor_headings(body_root: etree._Element, anchors: Sequence[tuple[str, str]]) -> int:
    """Wrap each clause heading (matched in order by its text) in a bookmark; return how many."""
    ids = [int(b.get(_W_ID, "0")) for b in body_root.iter(_W_START)]
    next_id = max(ids, default=0) + 1
    paragraphs = list(body_root.iter(_W_P))
    position = 0
    placed = 0
    for title, name in anchors:
        wanted = title.strip()
        for index in range(position, len(paragraphs)):
            p = paragraphs[index]
            if _text(p) != wanted:
                continue
            start = etree.Element(_W_START)
            start.set(_W_ID, str(next_id))
            start.set(_W_NAME, name)
            end = etree.Element(_W_END)
            end.set(_W_ID, str(next_id))
            ppr = p.find(_W_PPR)
            if ppr is not None:
                ppr.addnext(start)
            else:
                p.insert(0, start)
            p.append(end)
            next_id += 1
            placed += 1
            position = index + 1
            break
    return placed


def clause_anchors(body_root: etree._Element) -> list[tuple[str, str, etree._Element]]:
    """(topic, variant, paragraph) for every clause bookmark in a document, in order."""
    found = []
    for start in body_root.iter(qn("w:bookmarkStart")):
        name = start.get(qn("w:name"), "")
        if not name.startswith(BOOKMARK_PREFIX):
            continue
        topic, _, variant = name[len(BOOKMARK_PREFIX) :].partition("__")
        paragraph = start.getparent()
        if paragraph is not None:
            found.append((topic, variant, paragraph))
    return found
