"""Anchor Word comments on the words that matter, not on a whole paragraph.

A paragraph's text as the audit reads it (Para.text) collapses spaces; TextMap maps each of its
characters back to a w:t element and an offset, so a span of Para.text can be cut out as runs.
Comments are first added whole-paragraph by ooxml.comments (ids, comments part, relationships),
then their range is narrowed to the span, and the reference run follows the span's end.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass

from lxml import etree

from assembler.ooxml.ns import qn
from assembler.ooxml.text import texts_and_tabs

W_R, W_T, W_TAB, W_P = qn("w:r"), qn("w:t"), qn("w:tab"), qn("w:p")
W_RPR = qn("w:rPr")
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"


@dataclass(repr=False)
class TextMap:
    """A paragraph's normalised text and, per character, the w:t (or w:tab) and offset it is in."""

    text: str
    where: list[tuple[etree._Element, int]]

    @classmethod
    def of(cls, p: etree._Element) -> TextMap:
        """The map of a paragraph, normalised like the audit's Para.text."""
        raw: list[tuple[str, etree._Element, int]] = []
        for el in texts_and_tabs(p):
            if el.tag == W_TAB:
                raw.append((" ", el, 0))
            else:
                raw += [(ch, el, k) for k, ch in enumerate(el.text or "")]
        text: list[str] = []
        where: list[tuple[etree._Element, int]] = []
        pending: tuple[etree._Element, int] | None = None  # where a run of spaces began
        for ch, el, k in raw:
            if ch.isspace():
                if text and pending is None:
                    pending = (el, k)
                continue
            if pending is not None:
                text.append(" ")
                where.append(pending)
                pending = None
            text.append(ch)
            where.append((el, k))
        return cls("".join(text), where)


def _split_run(t: etree._Element, offset: int) -> etree._Element:
    """Split the run holding w:t `t` before character `offset`; return the run that starts there."""
    run = t.getparent()
    assert run is not None and run.tag == W_R
    if offset == 0 and run.index(t) == (1 if run.find(W_RPR) is not None else 0):
        return run
    tail = etree.Element(W_R)
    rpr = run.find(W_RPR)
    if rpr is not None:
        tail.append(copy.deepcopy(rpr))
    text = t.text or ""
    if offset > 0:
        rest = etree.SubElement(tail, W_T)
        rest.text = text[offset:]
        rest.set(XML_SPACE, "preserve")
        t.text = text[:offset]
        t.set(XML_SPACE, "preserve")
        moving = list(t.itersiblings())
    else:
        moving = [t, *t.itersiblings()]
    for child in moving:
        tail.append(child)
    run.addnext(tail)
    return tail


def _own_run(p: etree._Element, el: etree._Element) -> bool:
    """Whether a w:t/w:tab belongs to this paragraph itself (not to a text box inside it)."""
    parent = el.getparent()
    while parent is not None and parent.tag != W_P:
        parent = parent.getparent()
    return parent is p


def span_runs(
    p: etree._Element, start: int, end: int
) -> tuple[etree._Element, etree._Element] | None:
    """Split runs so that Para.text[start:end] is whole runs; return the first and last of them.
    None when the span cannot be cut out (text box content, a tab at the edge)."""
    tmap = TextMap.of(p)
    if not (0 <= start < end <= len(tmap.text)):
        return None
    first_el, first_off = tmap.where[start]
    last_el, last_off = tmap.where[end - 1]
    if (
        first_el.tag != W_T
        or last_el.tag != W_T
        or not (_own_run(p, first_el) and _own_run(p, last_el))
    ):
        return None
    # Cut the end first: the start's element and offset stay valid when they share a w:t.
    if last_off + 1 < len(last_el.text or ""):
        _split_run(last_el, last_off + 1)
    first_run = _split_run(first_el, first_off)
    # Cutting the start moved the span's text: into first_run when both ends share a w:t.
    last_run = first_run if first_el is last_el and first_off > 0 else last_el.getparent()
    assert last_run is not None
    return first_run, last_run


def _top(p: etree._Element, el: etree._Element) -> etree._Element:
    """The ancestor of `el` that is a direct child of the paragraph."""
    while el.getparent() is not p:
        parent = el.getparent()
        assert parent is not None
        el = parent
    return el


def narrow_comment(
    p: etree._Element, comment_id: int, span: tuple[int, int], end_p: etree._Element | None = None
) -> bool:
    """Move a whole-paragraph comment's range onto a span of the paragraph's text (and, with
    end_p, let it run to the end of another paragraph). False when it stays whole-paragraph."""
    cid = str(comment_id)
    runs = span_runs(p, *span)
    if runs is None:
        return False
    first_run, last_run = runs
    start = next(e for e in p.iter(qn("w:commentRangeStart")) if e.get(qn("w:id")) == cid)
    end = next(e for e in p.iter(qn("w:commentRangeEnd")) if e.get(qn("w:id")) == cid)
    ref = next(e for e in p.iter(qn("w:commentReference")) if e.get(qn("w:id")) == cid).getparent()
    assert ref is not None
    for el in (start, end, ref):
        parent = el.getparent()
        assert parent is not None
        parent.remove(el)
    first_run.addprevious(start)
    if end_p is not None and end_p is not p:
        end_p.append(end)
        end_p.append(ref)
        return True
    last_run.addnext(end)
    _top(p, end).addnext(ref)
    return True
