"""Hidden bookmarks that anchor each clause heading, so later tools can find clauses again."""

from __future__ import annotations

from collections.abc import Sequence

from lxml import etree

from assembler.ooxml.ns import qn

BOOKMARK_PREFIX = "_Aft_"


def _text(p: etree._Element) -> str:
    """Visible paragraph text."""
    return "".join(t.text or "" for t in p.iter(qn("w:t"))).strip()


def anchor_headings(body_root: etree._Element, anchors: Sequence[tuple[str, str]]) -> int:
    """Wrap each clause heading (matched in order by its text) in a bookmark; return how many."""
    ids = [int(b.get(qn("w:id"), "0")) for b in body_root.iter(qn("w:bookmarkStart"))]
    next_id = max(ids, default=0) + 1
    paragraphs = list(body_root.iter(qn("w:p")))
    position = 0
    placed = 0
    for title, name in anchors:
        wanted = title.strip()
        for index in range(position, len(paragraphs)):
            p = paragraphs[index]
            if _text(p) != wanted:
                continue
            start = etree.Element(qn("w:bookmarkStart"))
            start.set(qn("w:id"), str(next_id))
            start.set(qn("w:name"), name)
            end = etree.Element(qn("w:bookmarkEnd"))
            end.set(qn("w:id"), str(next_id))
            ppr = p.find(qn("w:pPr"))
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
