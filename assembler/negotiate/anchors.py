"""One Word comment per amendment, anchored on the revisions that make it.

The redline's body is the target document with the draft's deleted text put back as w:del, so its
paragraphs are the draft's paragraphs in order plus the ones we inserted (their paragraph mark is
a w:ins of ours). That walk maps each draft paragraph to its place in the output; an amendment's
comment then spans its own revisions there.
"""

from __future__ import annotations

import io
import zipfile
from collections import defaultdict

from lxml import etree

from assembler.audit.document import DOCUMENT, DocxDraft
from assembler.negotiate.model import Amendment
from assembler.ooxml.comments import add_comments
from assembler.ooxml.ns import qn
from assembler.ooxml.package import package_bytes, parse_xml

W_P, W_PPR, W_RPR = qn("w:p"), qn("w:pPr"), qn("w:rPr")
REVISIONS = (qn("w:ins"), qn("w:del"), qn("w:moveFrom"), qn("w:moveTo"))
Region = tuple[etree._Element, etree._Element | None, etree._Element, etree._Element | None]


class Output:
    """The redline's paragraphs mapped back to the draft's, and our revisions in them."""

    def __init__(self, root: etree._Element, draft: DocxDraft, author: str, date: str) -> None:
        self.author, self.date = author, date
        self.mapped: dict[int, etree._Element] = {}
        self.inserted: dict[int, list[etree._Element]] = defaultdict(list)
        body = root.find(qn("w:body"))
        k, previous = 0, -1
        for p in (body if body is not None else root).iter(W_P):
            if self._mark(p, "ins"):
                self.inserted[previous].append(p)
                continue
            if k < len(draft.paragraphs):
                previous = draft.paragraphs[k].index
                self.mapped[previous] = p
                k += 1
        self.cursor: dict[int, int] = defaultdict(int)

    def _ours(self, el: etree._Element) -> bool:
        return el.get(qn("w:author")) == self.author and el.get(qn("w:date")) == self.date

    def _mark(self, p: etree._Element, tag: str) -> bool:
        """Whether our revision inserted (or deleted) the paragraph mark."""
        rpr = p.find(f"{W_PPR}/{W_RPR}")
        return rpr is not None and any(c.tag == qn(f"w:{tag}") and self._ours(c) for c in rpr)

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
        if edit.kind == "insert":
            group = self.inserted.get(edit.para, [])
            start = self.cursor[edit.para]
            taken = group[start : start + len(edit.paragraphs)]
            self.cursor[edit.para] += len(edit.paragraphs)
            return (taken[0], None, taken[-1], None) if taken else None
        p = self.mapped.get(edit.para)
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
    data: bytes, draft: DocxDraft, amendments: list[Amendment], author: str, date: str
) -> bytes:
    """The redline with one comment per amendment on its revisions."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    root = parse_xml(parts[DOCUMENT], DOCUMENT)
    output = Output(root, draft, author, date)
    placed: list[tuple[Region, str]] = []
    for amendment in amendments:
        region = output.region(amendment)
        if region is not None:
            placed.append((region, amendment.comment()))
    ids = add_comments(parts, root, [(region[0], text) for region, text in placed], author,
                       _initials(author))  # fmt: skip
    for comment_id, (region, _) in zip(ids, placed, strict=True):
        _place(comment_id, region)
    parts[DOCUMENT] = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    return package_bytes(parts)
