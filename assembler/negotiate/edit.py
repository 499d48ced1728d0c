"""Edit the text of a Word paragraph in place, keeping its runs and their formatting.

Positions are those of the audit's Para.text (spaces collapsed); audit.anchor.TextMap maps them
back to w:t elements. Only the characters in a span change: the rest of the paragraph, its
properties and any revisions the other side made stay as they were. New paragraphs copy the
properties of a paragraph of the draft (its style, numbering, spacing).
"""

from __future__ import annotations

import copy
import re
from difflib import SequenceMatcher

from lxml import etree

from assembler.audit.anchor import TextMap
from assembler.ooxml.ns import qn
from assembler.ooxml.text import texts_and_tabs

W_P, W_R, W_T, W_TAB, W_PPR, W_RPR = (qn(f"w:{t}") for t in ("p", "r", "t", "tab", "pPr", "rPr"))
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
REVISION_MARKS = tuple(qn(f"w:{t}") for t in ("ins", "del", "moveFrom", "moveTo", "rPrChange",
                                              "pPrChange"))  # fmt: skip


def _raw(p: etree._Element) -> list[tuple[etree._Element, int]]:
    """Every character position of the paragraph's w:t and w:tab elements, in order."""
    out: list[tuple[etree._Element, int]] = []
    for el in texts_and_tabs(p):
        out += [(el, 0)] if el.tag == W_TAB else [(el, k) for k in range(len(el.text or ""))]
    return out


def _set(t: etree._Element, text: str) -> None:
    t.text = text
    t.set(XML_SPACE, "preserve")


def replace_text(p: etree._Element, start: int, end: int, new: str) -> None:
    """Replace Para.text[start:end] with `new` (start == end inserts)."""
    tmap = TextMap.of(p)
    raw = _raw(p)
    index = {(id(el), k): i for i, (el, k) in enumerate(raw)}
    if not raw:
        run = etree.SubElement(p, W_R)
        _set(etree.SubElement(run, W_T), new)
        return
    if start < len(tmap.where):
        el, k = tmap.where[start]
        rs = index[(id(el), k)]
    else:
        el, k = tmap.where[-1] if tmap.where else raw[-1]
        rs = index[(id(el), k)] + 1
    re_ = index[(id(tmap.where[end - 1][0]), tmap.where[end - 1][1])] + 1 if end > start else rs
    _splice(raw, rs, re_, new)


def _splice(raw: list[tuple[etree._Element, int]], rs: int, re_: int, new: str) -> None:
    """Remove raw characters [rs, re_) and put `new` where rs was."""
    host_index = rs if rs < len(raw) else len(raw) - 1
    host, host_off = raw[host_index]
    at_end = rs >= len(raw)
    if host.tag == W_TAB:  # put the text in a w:t of its own after (at the end) or before the tab
        host = _text_beside(host, after=at_end)
        host_off, at_end = 0, False
    cut: dict[int, tuple[etree._Element, list[int]]] = {}
    for el, k in raw[rs:re_]:
        cut.setdefault(id(el), (el, []))[1].append(k)
    for el, ks in cut.values():
        if el.tag == W_TAB:
            if el is not host:
                parent = el.getparent()
                assert parent is not None
                parent.remove(el)
            continue
        text = el.text or ""
        keep = "".join(ch for i, ch in enumerate(text) if i not in set(ks))
        if el is host:
            continue
        _set(el, keep)
    text = host.text or ""
    if at_end:
        _set(host, text + new)
        return
    removed = set(cut.get(id(host), (host, []))[1])
    before = "".join(ch for i, ch in enumerate(text[:host_off]) if i not in removed)
    after = "".join(ch for i, ch in enumerate(text) if i >= host_off and i not in removed)
    _set(host, before + new + after)


def _text_beside(tab: etree._Element, after: bool) -> etree._Element:
    """A new empty w:t in a run of its own next to a tab's run."""
    run = tab.getparent()
    assert run is not None
    new_run = etree.Element(W_R)
    rpr = run.find(W_RPR)
    if rpr is not None:
        new_run.append(copy.deepcopy(rpr))
    t = etree.SubElement(new_run, W_T)
    _set(t, "")
    (run.addnext if after else run.addprevious)(new_run)
    return t


def restore_text(p: etree._Element, target: str) -> None:
    """Rewrite the paragraph's text to `target` word by word, so a comparison shows only the words
    that differ; untouched words keep their runs."""
    current = TextMap.of(p).text
    old = list(re.finditer(r"\S+", current))
    new = list(re.finditer(r"\S+", target))
    ops = SequenceMatcher(None, [m.group(0) for m in old], [m.group(0) for m in new],
                          autojunk=False).get_opcodes()  # fmt: skip
    for tag, i1, i2, j1, j2 in reversed(ops):
        if tag == "equal":
            continue
        words = target[new[j1].start() : new[j2 - 1].end()] if j1 < j2 else ""
        if i1 < i2:
            s, e = old[i1].start(), old[i2 - 1].end()
            if not words:  # a deletion takes one neighbouring space with it
                if e < len(current) and current[e] == " ":
                    e += 1
                elif s > 0 and current[s - 1] == " ":
                    s -= 1
            replace_text(p, s, e, words)
        elif i1 < len(old):
            replace_text(p, old[i1].start(), old[i1].start(), words + " ")
        else:
            replace_text(p, len(current), len(current), (" " if current else "") + words)


def _clean(el: etree._Element) -> etree._Element:
    """A copy of properties without revision marks or section breaks."""
    el = copy.deepcopy(el)
    for mark in [m for m in el.iter(*REVISION_MARKS, qn("w:sectPr"))]:
        parent = mark.getparent()
        if parent is not None:
            parent.remove(mark)
    return el


def new_paragraph(template: etree._Element, text: str, bold: bool = False) -> etree._Element:
    """A paragraph with the template's properties and first run's formatting, holding `text`."""
    p = etree.Element(W_P)
    ppr = template.find(W_PPR)
    if ppr is not None:
        p.append(_clean(ppr))
    run = etree.SubElement(p, W_R)
    first = next((r for r in template.iter(W_R) if r.find(W_T) is not None), None)
    rpr = first.find(W_RPR) if first is not None else None
    if rpr is not None:
        run.append(_clean(rpr))
    if bold:
        props = run.find(W_RPR)
        if props is None:
            props = etree.Element(W_RPR)
            run.insert(0, props)
        if props.find(qn("w:b")) is None:  # CT_RPr order: rStyle, rFonts, then b
            lead = [c for c in props if c.tag in (qn("w:rStyle"), qn("w:rFonts"))]
            props.insert(len(lead), etree.Element(qn("w:b")))
    _set(etree.SubElement(run, W_T), text)
    return p


def delete_paragraph(p: etree._Element) -> None:
    """Remove a paragraph from its container."""
    parent = p.getparent()
    if parent is not None:
        parent.remove(p)
