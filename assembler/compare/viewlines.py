"""Accept-all and reject-all of a parsed part, and the lines a reader sees in a viewed story.

The views are applied the way Word does (ECMA-376 §17.13.5: accepting keeps w:ins/w:moveTo
content and drops w:del/w:moveFrom content, a deleted paragraph mark joins the paragraph with the
next, a row whose w:trPr holds a dropped mark disappears; rejecting is the mirror). A story's lines
are its paragraphs' texts and markers for tables, rows, cells and text boxes. The self-check
(selfcheck.py) and the tests' oracle read every view through this module.
"""

from __future__ import annotations

from lxml import etree

from assembler.compare.model import Record
from assembler.compare.tokens import XML_WHITESPACE, run_text
from assembler.ooxml.ns import qn
from assembler.ooxml.text import is_tab_stop

W_P, W_R, W_TBL, W_TR, W_TC = qn("w:p"), qn("w:r"), qn("w:tbl"), qn("w:tr"), qn("w:tc")
W_PPR, W_RPR, W_TRPR = qn("w:pPr"), qn("w:rPr"), qn("w:trPr")
W_SDT, W_SDTCONTENT, W_CUSTOMXML = qn("w:sdt"), qn("w:sdtContent"), qn("w:customXml")
W_TXBX = qn("w:txbxContent")
W_TAB, W_TABS = qn("w:tab"), qn("w:tabs")  # a tab character in a run; a paragraph's tab stops
W_ID, W_TYPE = qn("w:id"), qn("w:type")
INS, DEL, MOVE_FROM, MOVE_TO = qn("w:ins"), qn("w:del"), qn("w:moveFrom"), qn("w:moveTo")
DROP = {"accept": {DEL, MOVE_FROM}, "reject": {INS, MOVE_TO}}
KEEP = {"accept": {INS, MOVE_TO}, "reject": {DEL, MOVE_FROM}}
# What a reader sees of a run child, in the text compared byte for byte.
TEXT_OF = {
    qn("w:t"): None,
    qn("w:delText"): None,
    qn("w:tab"): "\t",
    qn("w:br"): "\n",
    qn("w:cr"): "\n",
    qn("w:noBreakHyphen"): "\u2011",
    qn("w:softHyphen"): "\u00ad",
    qn("w:footnoteReference"): "[fodnote]",
    qn("w:endnoteReference"): "[slutnote]",
}
BOX = "[tekstfelt]"
SCAN_OF = {**TEXT_OF, W_TXBX: BOX}  # what cache_texts looks for
RARE_OF = {tag: extra for tag, extra in SCAN_OF.items() if extra is not None}
PLAIN_TEXT = tuple(tag for tag, extra in TEXT_OF.items() if extra is None)  # w:t, w:delText
BLOCK_WRAPPERS = {W_SDT, W_CUSTOMXML}
TXBX_ANYWHERE = f".//{W_TXBX}"
# Private marks on the self-check's own parsed copies (never written): unqualified attribute
# names, which cost no namespace lookup and which WordprocessingML itself never uses.
PARA_NO = "aftale-n"  # paragraph number in the part, set before a view is applied
MARK_GONE = "aftale-gone"  # set on a paragraph whose mark the view drops


class Line(Record):
    """One line of a view: a paragraph's text (or a table marker) and where it came from."""

    _fields = ("text", "para")
    __slots__ = _fields

    def __init__(self, text: str, para: int) -> None:
        self.text = text
        self.para = para  # number of the source w:p in its part (document order), -1 for markers


def apply_view(root: etree._Element, view: str) -> etree._Element:
    """Accept ("accept") or reject ("reject") every revision of a parsed part, in place."""
    apply_found(root, view, revisions_of(root, view), mark=False)
    return root


def revisions_of(root: etree._Element, view: str) -> list[etree._Element]:
    """The rows and the revisions the view acts on, in document order: one walk in C."""
    return list(root.iter(W_TR, *DROP[view], *KEEP[view]))


def apply_found(root: etree._Element, view: str, found: list[etree._Element], mark: bool) -> None:
    """Apply the view to the elements revisions_of found; with `mark`, first flag the paragraphs
    whose mark the view drops (MARK_GONE).

    Revisions inside a row the view removes are still unwrapped or dropped, inside the detached
    row: nothing of it is read any more.
    """
    drop = DROP[view]  # everything else found is a row or a revision the view keeps
    if mark:
        for rev in found:
            if rev.tag in drop:
                rpr = rev.getparent()
                ppr = rpr.getparent() if rpr is not None and rpr.tag == W_RPR else None
                p = ppr.getparent() if ppr is not None and ppr.tag == W_PPR else None
                if p is not None and p.tag == W_P:
                    p.set(MARK_GONE, "1")
    for tr in found:
        if tr.tag == W_TR:
            trpr = tr.find(W_TRPR)
            if trpr is not None and any(c.tag in drop for c in trpr):
                parent = tr.getparent()
                if parent is not None:
                    parent.remove(tr)
    for el in found:
        tag = el.tag
        if tag == W_TR:
            continue
        parent = el.getparent()
        if parent is None or parent.tag in (W_RPR, W_TRPR):
            continue  # paragraph-mark and row marks are read where they matter
        if tag in drop:
            parent.remove(el)
        else:
            idx = parent.index(el)
            for child in reversed(list(el)):
                parent.insert(idx, child)
            parent.remove(el)


def _run_text(parent: etree._Element, out: list[str], boxes: list[etree._Element]) -> None:
    """Visible text under `parent`, text boxes collected apart (they are their own story)."""
    for el in parent:
        tag = el.tag
        if not isinstance(tag, str):
            continue
        if tag in TEXT_OF:
            extra = TEXT_OF[tag]
            out.append(run_text(el) if extra is None else extra)
        elif tag == W_TXBX:
            boxes.append(el)
        elif len(el) and tag != W_TABS:  # tab stops (w:tabs/w:tab) are no text
            _run_text(el, out, boxes)


def cache_texts(root: etree._Element) -> dict[etree._Element, str]:
    """Store every paragraph's text on it in one pass; paragraphs around or in a text box are
    left out (para_text reads those one by one).

    A paragraph holds another only through a text box, so in document order every text element
    belongs to the paragraph that started last, except in a paragraph that anchors a text box
    (its text goes on after the box's paragraphs) and in the box's own paragraphs (the last one
    would take that text): one walk in C instead of one per paragraph. The walk tells paragraphs
    and the rare non-text elements (tabs, breaks …) apart by identity, from two short walks
    before it: reading an element's tag costs more than reading its text.
    """
    rare: dict[etree._Element, str] = {}
    boxes: list[etree._Element] = []
    for el in root.iter(*RARE_OF):
        extra = RARE_OF[el.tag]
        if extra is BOX:
            boxes.append(el)
        elif el.tag != W_TAB or not is_tab_stop(el):
            rare[el] = extra
    texts = dict.fromkeys(root.iter(W_P), "")
    current: etree._Element | None = None
    parts: list[str] = []
    for el in root.iter(W_P, *TEXT_OF) if rare else root.iter(W_P, *PLAIN_TEXT):
        if el in texts:
            if current is not None:
                texts[current] = "".join(parts)
            current, parts = el, []
        elif rare and el in rare:
            parts.append(rare[el])
        elif text := el.text:
            # run_text only for the few texts with white space at an edge (the walk is the
            # self-check's hottest loop: 24 000 paragraphs on the 500-page pair)
            parts.append(
                run_text(el) if text[0] in XML_WHITESPACE or text[-1] in XML_WHITESPACE else text
            )
    if current is not None:
        texts[current] = "".join(parts)
    for box in boxes:
        for p in box.iterancestors(W_P):
            texts.pop(p, None)
        for p in box.iter(W_P):
            texts.pop(p, None)
    return texts


def para_text(
    p: etree._Element, texts: dict[etree._Element, str] | None = None
) -> tuple[str, list[etree._Element]]:
    """A paragraph's text after a view was applied, and the text boxes anchored in it."""
    cached = texts.get(p) if texts else None
    if cached is not None:
        return cached, []
    if p.find(TXBX_ANYWHERE) is None:
        # The usual paragraph: lxml finds the text elements in C, in document order.
        return "".join(
            run_text(el) if (extra := TEXT_OF[el.tag]) is None else extra
            for el in p.iter(*TEXT_OF)
            if el.tag != W_TAB or not is_tab_stop(el)
        ), []
    out: list[str] = []
    boxes: list[etree._Element] = []
    _run_text(p, out, boxes)
    return "".join(out), boxes


Texts = dict[etree._Element, str]


def blocks_lines(container: etree._Element, view: str, texts: Texts | None = None) -> list[Line]:
    """The lines of a story (body, cell, header, note, text box) of a viewed part."""
    found: list[str] = []
    paras: list[int] = []
    story_lines(container, found, paras, texts)
    return [Line(text, para) for text, para in zip(found, paras, strict=True)]


def story_lines(
    container: etree._Element, lines: list[str], paras: list[int] | None, texts: Texts | None
) -> None:
    """Add a story's line texts to `lines` (with `paras`, each line's paragraph number too)."""
    carry = _walk_blocks(container, lines, paras, None, texts)
    if carry is not None:
        lines.append(carry)
        if paras is not None:
            paras.append(-1)


def _walk_blocks(
    container: etree._Element,
    lines: list[str],
    paras: list[int] | None,
    carry: str | None,
    texts: Texts | None,
) -> str | None:
    """Add the lines of `container`'s blocks; return text still waiting for its paragraph mark.

    A paragraph whose mark is dropped joins the next paragraph, also across the edge of a
    block-level content control. Without `paras` only the texts are kept: the self-check
    compares those first and reads paragraph numbers only where a view differs.
    """
    for block in container:
        # the usual paragraph, its text read by cache_texts, is known without its tag
        text = texts.get(block) if texts else None
        tag = W_P if text is not None else block.tag
        if tag == W_P:
            if text is None:
                text, boxes = para_text(block, texts)
                for box in boxes:
                    lines.append(BOX)
                    if paras is not None:
                        paras.append(-1)
                    story_lines(box, lines, paras, texts)
            if carry is not None:
                text = carry + text
            if block.get(MARK_GONE) is not None:  # the view drops its mark: it joins the next
                carry = text
                continue
            carry = None
            lines.append(text)
            if paras is not None:
                number = block.get(PARA_NO)
                paras.append(-1 if number is None else int(number))
        elif tag == W_TBL:
            if carry is not None:
                lines.append(carry)
                if paras is not None:
                    paras.append(-1)
                carry = None
            _table_lines(block, lines, paras, texts)
        elif tag in BLOCK_WRAPPERS:
            inner = block.find(W_SDTCONTENT) if tag == W_SDT else block
            if inner is not None:
                carry = _walk_blocks(inner, lines, paras, carry, texts)
    return carry


def _units(parent: etree._Element, tag: str) -> list[etree._Element]:
    """The rows of a table (or cells of a row), also those inside content controls around them."""
    out: list[etree._Element] = []
    for child in parent:
        if child.tag == tag:
            out.append(child)
        elif child.tag in BLOCK_WRAPPERS:
            inner = child.find(W_SDTCONTENT) if child.tag == W_SDT else child
            if inner is not None:
                out.extend(_units(inner, tag))
    return out


def _table_lines(
    tbl: etree._Element, lines: list[str], paras: list[int] | None, texts: Texts | None
) -> None:
    """A table as marker lines and its cells' lines (a table without rows is gone)."""
    rows = _units(tbl, W_TR)
    if rows:
        lines.append("[tabel]")
        if paras is not None:
            paras.append(-1)
    for tr in rows:
        lines.append("[række]")
        if paras is not None:
            paras.append(-1)
        for tc in _units(tr, W_TC):
            lines.append("[celle]")
            if paras is not None:
                paras.append(-1)
            story_lines(tc, lines, paras, texts)


__all__ = [
    "BOX",
    "MARK_GONE",
    "PARA_NO",
    "Line",
    "Texts",
    "apply_found",
    "apply_view",
    "blocks_lines",
    "cache_texts",
    "para_text",
    "revisions_of",
    "story_lines",
]
