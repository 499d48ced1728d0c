"""Pair the older version's footnotes/endnotes with the newer ones before comparing.

Word numbers note ids in document order, so inserting a note renumbers every later one: pairing
by id would compare unrelated notes and leave two references to one id. Notes are paired by
identical text first, then by id; the older ids (in its notes part and its references) are
rewritten to the paired newer ids, and older-only notes get fresh ids that clash with nothing.
"""

from __future__ import annotations

from lxml import etree

from assembler.ooxml.ns import qn
from assembler.ooxml.text import visible_text

W_ID, W_TYPE = qn("w:id"), qn("w:type")


def _notes(root: etree._Element, kind: str) -> list[etree._Element]:
    """The real notes (not separators) of a notes part."""
    return [n for n in root.findall(qn(f"w:{kind}")) if n.get(W_TYPE) is None]


def align_note_ids(
    kind: str,
    old_doc: etree._Element,
    old_notes: etree._Element,
    new_notes: etree._Element,
) -> dict[str, str]:
    """Rewrite the older note ids in place to match the newer notes; return the id mapping."""
    olds, news = _notes(old_notes, kind), _notes(new_notes, kind)
    free = {n.get(W_ID, ""): n for n in news}
    by_text: dict[str, list[str]] = {}
    for n in news:
        by_text.setdefault(visible_text(n), []).append(n.get(W_ID, ""))
    mapping: dict[str, str] = {}
    for note in olds:
        candidates = [i for i in by_text.get(visible_text(note), []) if i in free]
        if candidates:
            mapping[note.get(W_ID, "")] = candidates[0]
            del free[candidates[0]]
    for note in olds:
        nid = note.get(W_ID, "")
        if nid not in mapping and nid in free:
            mapping[nid] = nid
            del free[nid]
    ids = [int(i) for i in (n.get(W_ID, "") for n in new_notes) if i.lstrip("-").isdigit()]
    fresh = max([0, *ids]) + 1
    for note in olds:
        nid = note.get(W_ID, "")
        if nid not in mapping:
            mapping[nid] = str(fresh)
            fresh += 1
    if all(k == v for k, v in mapping.items()):
        return mapping
    for note in olds:
        note.set(W_ID, mapping[note.get(W_ID, "")])
    for ref in old_doc.iter(qn(f"w:{kind}Reference")):
        ref.set(W_ID, mapping.get(ref.get(W_ID, ""), ref.get(W_ID, "")))
    return mapping
