"""Word comments: add w:comment entries to word/comments.xml and anchor them at paragraphs.

Each comment gets a unique id (after any the document already has), a commentRangeStart right after
the paragraph's properties, a commentRangeEnd at its end followed by a run holding the
commentReference (the order Word itself writes), plus the part's relationship and content type.
"""

from __future__ import annotations

import posixpath
from collections.abc import Sequence

from lxml import etree

from assembler.ooxml.ns import CT_COMMENTS, EMPTY_RELS, NS, REL_COMMENTS, qn
from assembler.ooxml.package import parse_xml

DOCUMENT = "word/document.xml"
DOC_RELS = "word/_rels/document.xml.rels"
CONTENT_TYPES = "[Content_Types].xml"
DEFAULT_COMMENTS = "word/comments.xml"


def _comments_part(parts: dict[str, bytes]) -> tuple[str, etree._Element | None]:
    """The comments part name and its root (None when the document has no comments yet)."""
    if DOC_RELS not in parts:
        return DEFAULT_COMMENTS, None
    rels = parse_xml(parts[DOC_RELS], DOC_RELS)
    for rel in rels:
        if rel.get("Type") == REL_COMMENTS and rel.get("TargetMode") != "External":
            name = posixpath.normpath(posixpath.join("word", rel.get("Target", "")))
            name = name.lstrip("/")
            if name in parts:
                return name, parse_xml(parts[name], name)
    return DEFAULT_COMMENTS, None


def _register(parts: dict[str, bytes], name: str) -> None:
    """Add the relationship and content-type override for a new comments part."""
    rels = parse_xml(parts.get(DOC_RELS, EMPTY_RELS), DOC_RELS)
    ids = {r.get("Id") for r in rels}
    n = 1
    while f"rIdAftaleKommentarer{n}" in ids:
        n += 1
    rel = etree.SubElement(rels, f"{{{NS['pr']}}}Relationship")
    rel.set("Id", f"rIdAftaleKommentarer{n}")
    rel.set("Type", REL_COMMENTS)
    rel.set("Target", posixpath.relpath(name, "word"))
    parts[DOC_RELS] = etree.tostring(rels, xml_declaration=True, encoding="UTF-8", standalone=True)
    types = parse_xml(parts[CONTENT_TYPES], CONTENT_TYPES)
    for stale in types.findall(f"{{{NS['ct']}}}Override"):
        if stale.get("PartName", "").lstrip("/").lower() == name.lower():
            types.remove(stale)  # an orphaned part of that name is replaced, not declared twice
    override = etree.SubElement(types, f"{{{NS['ct']}}}Override")
    override.set("PartName", "/" + name)
    override.set("ContentType", CT_COMMENTS)
    parts[CONTENT_TYPES] = etree.tostring(
        types, xml_declaration=True, encoding="UTF-8", standalone=True
    )


def _next_id(body_root: etree._Element, comments: etree._Element | None) -> int:
    """One more than the highest comment id in use anywhere."""
    used = [0]
    for tree in (body_root, comments):
        if tree is None:
            continue
        for el in tree.iter(qn("w:comment"), qn("w:commentRangeStart"), qn("w:commentReference")):
            value = el.get(qn("w:id"), "")
            if value.lstrip("-").isdigit():
                used.append(int(value))
    return max(used) + 1


def _comment(comment_id: int, text: str, author: str, initials: str) -> etree._Element:
    """A w:comment with one paragraph per line of text."""
    comment = etree.Element(qn("w:comment"))
    comment.set(qn("w:id"), str(comment_id))
    comment.set(qn("w:author"), author)
    comment.set(qn("w:initials"), initials)
    for index, line in enumerate(text.split("\n") or [""]):
        p = etree.SubElement(comment, qn("w:p"))
        if index == 0:
            etree.SubElement(etree.SubElement(p, qn("w:r")), qn("w:annotationRef"))
        t = etree.SubElement(etree.SubElement(p, qn("w:r")), qn("w:t"))
        t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
        t.text = line
    return comment


def _anchor(paragraph: etree._Element, comment_id: int) -> None:
    """Mark the whole paragraph as the comment's range and add the reference run."""
    start = etree.Element(qn("w:commentRangeStart"))
    start.set(qn("w:id"), str(comment_id))
    ppr = paragraph.find(qn("w:pPr"))
    if ppr is not None:
        ppr.addnext(start)
    else:
        paragraph.insert(0, start)
    end = etree.SubElement(paragraph, qn("w:commentRangeEnd"))
    end.set(qn("w:id"), str(comment_id))
    ref = etree.SubElement(etree.SubElement(paragraph, qn("w:r")), qn("w:commentReference"))
    ref.set(qn("w:id"), str(comment_id))


def add_comments(
    parts: dict[str, bytes],
    body_root: etree._Element,
    notes: Sequence[tuple[etree._Element, str]],
    author: str = "aftale",
    initials: str = "AF",
) -> list[int]:
    """Add one comment per (paragraph, text); body_root is modified, the caller serializes it."""
    name, comments = _comments_part(parts)
    is_new = comments is None
    if comments is None:
        comments = etree.Element(qn("w:comments"), nsmap={"w": NS["w"], "r": NS["r"]})
    next_id = _next_id(body_root, comments)
    ids = []
    for paragraph, text in notes:
        comments.append(_comment(next_id, text, author, initials))
        _anchor(paragraph, next_id)
        ids.append(next_id)
        next_id += 1
    parts[name] = etree.tostring(comments, xml_declaration=True, encoding="UTF-8", standalone=True)
    if is_new:
        _register(parts, name)
    return ids
