"""One Word comment per amendment, anchored on the revisions that make it.

The redline's body is the target document (the draft with our edits) with the draft's deleted
text put back as w:del, and the redline engine is free to pair an old paragraph with a new one.
So each comment is placed through the two views the redline must reproduce: rejecting all our
revisions gives the draft, accepting them gives the target. In either view a paragraph whose
mark we inserted (rejecting) or deleted (accepting) joins the next one, so the output's
paragraphs fall into groups, one per paragraph of that view, in order; in each group the
paragraph holding most of that view's text stands for it. A change of a draft paragraph is
found through the reject view, a paragraph we inserted or moved through the accept view (by the
key build.py gave it). Then the comment spans our own revisions there.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable

from lxml import etree

from assembler.audit.document import DOCUMENT, DocxDraft
from assembler.negotiate.model import Amendment
from assembler.ooxml.comments import add_comments
from assembler.ooxml.ns import qn
from assembler.ooxml.package import package_bytes, parse_xml

W_P, W_PPR, W_RPR = qn("w:p"), qn("w:pPr"), qn("w:rPr")
W_T, W_DELTEXT = qn("w:t"), qn("w:delText")
REVISIONS = (qn("w:ins"), qn("w:del"), qn("w:moveFrom"), qn("w:moveTo"))
Region = tuple[etree._Element, etree._Element | None, etree._Element, etree._Element | None]


class Output:
    """The redline's paragraphs mapped to the draft's (reject view) and the target's (accept
    view), and our revisions in them."""

    def __init__(self, root: etree._Element, draft: DocxDraft, target_keys: list[int],
                 author: str, date: str) -> None:  # fmt: skip
        self.author, self.date = author, date
        body = root.find(qn("w:body"))
        container = body if body is not None else root
        paragraphs = list(container.iter(W_P))
        # The text our insertions and moves added, and the text our moves took away (the sets
        # hold the elements, so their proxies stay the same objects while we look them up).
        self.added = {t for el in container.iter(qn("w:ins"), qn("w:moveTo")) if self._ours(el)
                      for t in el.iter(W_T)}  # fmt: skip
        self.moved_away = {t for el in container.iter(qn("w:moveFrom")) if self._ours(el)
                           for t in el.iter(W_T)}  # fmt: skip
        keys = [p.index for p in draft.paragraphs]
        self.by_draft = self._groups(paragraphs, ("ins", "moveTo"), self._reject_text, keys)
        self.by_target = self._groups(paragraphs, ("del", "moveFrom"), self._accept_text,
                                      target_keys)  # fmt: skip

    def _groups(self, paragraphs: list[etree._Element], joining: tuple[str, ...],
                size: Callable[[etree._Element], int], keys: list[int]
                ) -> dict[int, etree._Element]:  # fmt: skip
        """key → the output paragraph standing for that view's paragraph."""
        out: dict[int, etree._Element] = {}
        group: list[etree._Element] = []
        k = 0
        for p in paragraphs:
            group.append(p)
            if any(self._mark(p, tag) for tag in joining):
                continue  # in this view the paragraph joins the next one
            if k < len(keys):
                out[keys[k]] = max(group, key=size) if any(map(size, group)) else p
                k += 1
            group = []
        return out

    def _ours(self, el: etree._Element) -> bool:
        return el.get(qn("w:author")) == self.author and el.get(qn("w:date")) == self.date

    def _mark(self, p: etree._Element, tag: str) -> bool:
        """Whether our revision inserted, deleted or moved the paragraph mark."""
        rpr = p.find(f"{W_PPR}/{W_RPR}")
        return rpr is not None and any(c.tag == qn(f"w:{tag}") and self._ours(c) for c in rpr)

    def _reject_text(self, p: etree._Element) -> int:
        """Characters of the paragraph that rejecting our revisions keeps (the draft's text)."""
        return sum(len(t.text or "") for t in p.iter(W_T, W_DELTEXT) if t not in self.added)

    def _accept_text(self, p: etree._Element) -> int:
        """Characters of the paragraph that accepting our revisions keeps (the target's text)."""
        return sum(len(t.text or "") for t in p.iter(W_T) if t not in self.moved_away)

    def revisions(self, p: etree._Element) -> list[etree._Element]:
        """Our revision elements in a paragraph's content (not its mark), as paragraph children."""
        out: list[etree._Element] = []
        for el in p.iter(*REVISIONS):
            parent = el.getparent()
            if not self._ours(el) or parent is None or parent.tag == W_RPR:
                continue
            top = el
            while parent is not None and parent is not p:
                top, parent = parent, parent.getparent()
            if parent is p and top not in out:
                out.append(top)
        return out

    def region(self, amendment: Amendment) -> Region | None:
        """Where the amendment's comment goes: (first paragraph, first element or None for the
        paragraph's start, last paragraph, last element or None for its end)."""
        edit = amendment.edits[0]
        if edit.kind in ("insert", "move"):
            ends = ((edit.paragraphs[0].key, edit.paragraphs[-1].key) if edit.kind == "insert"
                    else (edit.para, edit.end))  # fmt: skip
            first, last = self.by_target.get(ends[0]), self.by_target.get(ends[1])
            if first is None or last is None:
                return None
            added = (qn("w:ins"), qn("w:moveTo"))
            head = [r for r in self.revisions(first) if r.tag in added]
            tail = [r for r in self.revisions(last) if r.tag in added]
            return first, head[0] if head else None, last, tail[-1] if tail else None
        p = self.by_draft.get(edit.para)
        if p is None:
            return None
        revs = self.revisions(p)
        return (p, revs[0], p, revs[-1]) if revs else (p, None, p, None)


def _place(comment_id: int, region: Region) -> None:
    """Move a comment's range (added whole-paragraph on the first paragraph) onto the region."""
    first, start_el, last, end_el = region
    cid = str(comment_id)

    def take(tag: str) -> etree._Element:
        el = next(e for e in first.iter(qn(f"w:{tag}")) if e.get(qn("w:id")) == cid)
        if tag == "commentReference":  # the reference's run goes with it
            run = el.getparent()
            assert run is not None
            el = run
        parent = el.getparent()
        assert parent is not None
        parent.remove(el)
        return el

    start, end, ref = take("commentRangeStart"), take("commentRangeEnd"), take("commentReference")
    if start_el is not None:
        start_el.addprevious(start)
    else:
        ppr = first.find(W_PPR)
        first.insert(first.index(ppr) + 1 if ppr is not None else 0, start)
    if end_el is not None:
        end_el.addnext(end)
        end.addnext(ref)
    else:
        last.append(end)
        last.append(ref)


def _initials(author: str) -> str:
    return "".join(word[0] for word in author.split() if word[:1].isalpha()).upper()[:4] or "AF"


def anchor_amendments(
    data: bytes, draft: DocxDraft, target_keys: list[int], amendments: list[Amendment],
    author: str, date: str,
) -> bytes:  # fmt: skip
    """The redline with one comment per amendment on its revisions; `target_keys` names the
    target's paragraphs in order (a draft paragraph's index, or the key of one we inserted)."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    root = parse_xml(parts[DOCUMENT], DOCUMENT)
    output = Output(root, draft, target_keys, author, date)
    placed: list[tuple[Region, str]] = []
    for amendment in amendments:
        region = output.region(amendment)
        if region is None:  # never lose a comment: put it on the start of the document
            first = output.by_draft.get(draft.paragraphs[0].index) if draft.paragraphs else None
            region = (first, None, first, None) if first is not None else None
        if region is not None:
            placed.append((region, amendment.comment()))
    ids = add_comments(parts, root, [(region[0], text) for region, text in placed], author,
                       _initials(author))  # fmt: skip
    for comment_id, (region, _) in zip(ids, placed, strict=True):
        _place(comment_id, region)
    parts[DOCUMENT] = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    return package_bytes(parts)
