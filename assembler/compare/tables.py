"""Table comparison: rows aligned by their text, cells compared as block lists, row revisions.

ECMA-376 Part 1 §17.13.5.12/.14: a deleted or inserted row carries w:del / w:ins in its w:trPr, and
its content is marked too so that accept-all and reject-all agree in Word and LibreOffice.
"""

from __future__ import annotations

import copy
from typing import Protocol

from lxml import etree

from assembler.compare.revisions import RevisionContext, _attrs
from assembler.compare.seqdiff import opcodes, pair_similar
from assembler.compare.tokens import W_P, W_TBL
from assembler.ooxml.ns import qn


class Engine(Protocol):
    """What table comparison needs from the block engine (kept apart to avoid an import loop)."""

    ctx: RevisionContext

    def key(self, block: etree._Element, newer: bool) -> str: ...

    def diff_blocks(
        self, old: list[etree._Element], new: list[etree._Element]
    ) -> list[etree._Element]: ...

    def whole(
        self, block: etree._Element, status: str, move: str | None = None
    ) -> etree._Element: ...


W_TR, W_TC, W_TRPR, W_TCPR = qn("w:tr"), qn("w:tc"), qn("w:trPr"), qn("w:tcPr")
CELL_PROPS = {W_TCPR}
ROW_PROPS = {qn("w:tblPrEx"), W_TRPR}


def _row_key(engine: Engine, tr: etree._Element, newer: bool) -> str:
    """Alignment key of a row: its cell texts."""
    return "\x03".join(
        "\n".join(engine.key(b, newer) for b in tc if b.tag in (W_P, W_TBL)) for tc in tr.iter(W_TC)
    )


def _cells(tr: etree._Element) -> list[etree._Element]:
    """Direct cells of a row."""
    return [c for c in tr if c.tag == W_TC]


def diff_table(engine: Engine, old: etree._Element, new: etree._Element) -> etree._Element:
    """The newer table with row and cell revisions against the older one."""
    orows = [r for r in old if r.tag == W_TR]
    nrows = [r for r in new if r.tag == W_TR]
    okeys = [_row_key(engine, r, False) for r in orows]
    nkeys = [_row_key(engine, r, True) for r in nrows]
    rows: list[etree._Element] = []
    for tag, i1, i2, j1, j2 in opcodes(okeys, nkeys):
        if tag == "equal":
            for i, j in zip(range(i1, i2), range(j1, j2), strict=True):
                rows.append(_diff_row(engine, orows[i], nrows[j]))
            continue
        for pi, pj in pair_similar(okeys[i1:i2], nkeys[j1:j2]):
            o = orows[i1 + pi] if pi is not None else None
            n = nrows[j1 + pj] if pj is not None else None
            if o is not None and n is not None and len(_cells(o)) == len(_cells(n)):
                rows.append(_diff_row(engine, o, n))
                continue
            if o is not None:
                rows.append(whole_row(engine, copy.deepcopy(o), "del"))
            if n is not None:
                rows.append(whole_row(engine, n, "ins"))
    out = etree.Element(W_TBL, _attrs(new))
    children = list(new)
    first = next((k for k, c in enumerate(children) if c.tag == W_TR), len(children))
    out.extend(children[:first])
    out.extend(rows)
    out.extend(c for c in children[first:] if c.tag != W_TR)
    return out


def _diff_row(engine: Engine, old: etree._Element, new: etree._Element) -> etree._Element:
    """A row whose cells are compared pairwise."""
    out = etree.Element(W_TR, _attrs(new))
    ocells = _cells(old)
    k = 0
    for child in list(new):
        if child.tag != W_TC:
            out.append(child)
            continue
        tc = etree.Element(W_TC, _attrs(child))
        blocks = [b for b in child if b.tag != W_TCPR]
        props = child.find(W_TCPR)
        if props is not None:
            tc.append(props)
        oblocks = [b for b in ocells[k] if b.tag != W_TCPR]
        tc.extend(engine.diff_blocks(oblocks, blocks))
        out.append(tc)
        k += 1
    return out


def whole_row(engine: Engine, tr: etree._Element, status: str) -> etree._Element:
    """Mark a row (and everything in it) inserted or deleted, in place."""
    trpr = tr.find(W_TRPR)
    if trpr is None:
        trpr = etree.Element(W_TRPR)
        prex = tr.find(qn("w:tblPrEx"))
        if prex is not None:
            prex.addnext(trpr)
        else:
            tr.insert(0, trpr)
    for stale in trpr.findall(qn("w:ins")) + trpr.findall(qn("w:del")):
        trpr.remove(stale)
    mark = engine.ctx.element("w:ins" if status == "ins" else "w:del")
    change = trpr.find(qn("w:trPrChange"))
    if change is not None:
        change.addprevious(mark)
    else:
        trpr.append(mark)
    for tc in _cells(tr):
        _whole_blocks(engine, tc, status)
    return tr


def _whole_blocks(engine: Engine, parent: etree._Element, status: str) -> None:
    """Replace every paragraph and table under `parent` by its wholly revised form."""
    for block in list(parent):
        if block.tag == W_P:
            parent.replace(block, engine.whole(block, status))
        elif block.tag == W_TBL:
            whole_table(engine, block, status, copied=True)


def whole_table(
    engine: Engine, tbl: etree._Element, status: str, copied: bool = False
) -> etree._Element:
    """A table entirely inserted or deleted (older tables are copied first)."""
    if status == "del" and not copied:
        tbl = copy.deepcopy(tbl)
    for tr in [r for r in tbl if r.tag == W_TR]:
        whole_row(engine, tr, status)
    return tbl
