"""Keep the last paragraph mark of a story unrevised, as Word does.

Word and LibreOffice cannot remove the final paragraph mark of a body, cell, header or footer: a
deleted (or inserted) last paragraph would leave an empty paragraph behind after accept-all (or
reject-all). Word's own comparison moves the mark revision to the paragraph before the trailing
run of revised paragraphs instead; this module does the same, and carries the paragraph
properties over with a w:pPrChange so both views keep the right style.
"""

from __future__ import annotations

import copy

from lxml import etree

from assembler.compare.revisions import MARK_REVISIONS, RevisionContext, mark_rpr
from assembler.compare.tokens import PPR_NOT_BASE, W_P, W_PPR, W_RPR, ppr_signature
from assembler.ooxml.ns import qn

_GONE_IN_ACCEPT = {qn("w:del"), qn("w:moveFrom")}
_GONE_IN_REJECT = {qn("w:ins"), qn("w:moveTo")}
_STORIES = (qn("w:body"), qn("w:tc"), qn("w:hdr"), qn("w:ftr"), qn("w:txbxContent"))


def _mark(p: etree._Element) -> str | None:
    """'accept' if the paragraph mark vanishes on accept-all, 'reject' on reject-all, else None."""
    rpr = p.find(f"{W_PPR}/{W_RPR}")
    if rpr is None:
        return None
    tags = {c.tag for c in rpr}
    if tags & _GONE_IN_ACCEPT:
        return "accept"
    if tags & _GONE_IN_REJECT:
        return "reject"
    return None


def _base(ppr: etree._Element | None) -> list[etree._Element]:
    """Copies of the paragraph properties that a w:pPrChange may record."""
    if ppr is None:
        return []
    return [copy.deepcopy(c) for c in ppr if isinstance(c.tag, str) and c.tag not in PPR_NOT_BASE]


def _ensure_ppr(p: etree._Element) -> etree._Element:
    """The paragraph's w:pPr, created when missing."""
    ppr = p.find(W_PPR)
    if ppr is None:
        ppr = etree.Element(W_PPR)
        p.insert(0, ppr)
    return ppr


def _ours(p: etree._Element, first_id: int) -> bool:
    """Whether the paragraph's mark revision was written by this comparison (not a prior one)."""
    rpr = p.find(f"{W_PPR}/{W_RPR}")
    ids = [c.get(qn("w:id"), "") for c in rpr if c.tag in MARK_REVISIONS] if rpr is not None else []
    return bool(ids) and all(i.isdigit() and int(i) >= first_id for i in ids)


def fix_story(ctx: RevisionContext, story: etree._Element, first_id: int) -> bool:
    """Move a revision on the story's final paragraph mark to an earlier mark; True if moved."""
    skip = (qn("w:sectPr"), qn("w:tcPr"))
    blocks = [c for c in story if isinstance(c.tag, str) and c.tag not in skip]
    if not blocks or blocks[-1].tag != W_P:
        return False
    last = blocks[-1]
    side = _mark(last)
    if side is None or not _ours(last, first_id):
        return False
    k = len(blocks) - 2
    while k >= 0 and blocks[k].tag == W_P and _mark(blocks[k]) == side:
        k -= 1
    if k < 0 or blocks[k].tag != W_P or _mark(blocks[k]) is not None:
        return False
    anchor = blocks[k]
    anchor_ppr = _ensure_ppr(anchor)
    if anchor_ppr.find(qn("w:sectPr")) is not None:
        return False  # a section break paragraph keeps its own mark
    last_ppr = _ensure_ppr(last)
    if last_ppr.find(qn("w:pPrChange")) is not None:
        return False
    last_rpr = mark_rpr(last_ppr)
    for child in list(last_rpr):
        if child.tag in MARK_REVISIONS:
            last_rpr.remove(child)
    if not len(last_rpr):
        last_ppr.remove(last_rpr)
    mark_rpr(anchor_ppr).insert(0, ctx.element("w:del" if side == "accept" else "w:ins"))
    if ppr_signature(anchor_ppr) == ppr_signature(last_ppr):
        return True
    change = ctx.element("w:pPrChange")
    recorded = etree.SubElement(change, W_PPR)
    if side == "accept":
        # Accept-all keeps the last mark: it must carry the anchor's properties then.
        recorded.extend(_base(last_ppr))
        for child in list(last_ppr):
            if child.tag not in PPR_NOT_BASE:
                last_ppr.remove(child)
        for child in reversed(_base(anchor_ppr)):
            last_ppr.insert(0, child)
    else:
        # Reject-all keeps the last mark: it must carry the anchor's properties there.
        recorded.extend(_base(anchor_ppr))
    last_ppr.append(change)
    return True


def fix_final_marks(ctx: RevisionContext, root: etree._Element, first_id: int) -> None:
    """Apply fix_story to the body or header/footer root and every table cell inside it.

    Only mark revisions with ids from `first_id` on (this comparison's own) are moved.
    """
    for story in list(root.iter(*_STORIES)):
        fix_story(ctx, story, first_id)
