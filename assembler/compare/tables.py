"""Table comparison: rows aligned by their text, cells compared as block lists, row revisions.

ECMA-376 Part 1 §17.13.5.12/.14: a deleted or inserted row carries w:del / w:ins in its w:trPr, and
its content is marked too so that accept-all and reject-all agree in Word and LibreOffice.
"""

from __future__ import annotations

import copy
from typing import Protocol

from lxml import etree

from assembler.compare.containers import BLOCK_WRAPPERS, holder_of, identity, inner, shell
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

    def whole_wrapper(
        self, block: etree._Element, status: str, copied: bool = False
    ) -> etree._Element: ...


W_TR, W_TC, W_TRPR, W_TCPR = qn("w:tr"), qn("w:tc"), qn("w:trPr"), qn("w:tcPr")
CELL_PROPS = {W_TCPR}
ROW_PROPS = {qn("w:tblPrEx"), W_TRPR}


def _row_key(engine: Engine, tr: etree._Element, newer: bool) -> str:
    """Alignment key of a row: its cell texts."""
    return "\x03".join(
        "\n".join(engine.key(b, newer) for b in tc if b.tag != W_TCPR) for tc in _cells(tr)
    )


def _units_of(
    child: etree._Element, tag: str
) -> list[tuple[etree._Element, etree._Element | None]]:
    """The rows (or cells) a table (or row) child stands for, with their content control."""
    if child.tag == tag:
        return [(child, None)]
    if child.tag in BLOCK_WRAPPERS:
        holder = inner(child)
        if holder is None:
            return []
        return [(u, w or child) for c in holder for u, w in _units_of(c, tag)]
    return []


def _units(parent: etree._Element, tag: str) -> list[tuple[etree._Element, etree._Element | None]]:
    """Rows of a table (or cells of a row), each with the content control wrapping it, if any."""
    return [unit for child in parent for unit in _units_of(child, tag)]


def _cells(tr: etree._Element) -> list[etree._Element]:
    """The cells of a row, also those inside cell-level content controls."""
    return [tc for tc, _ in _units(tr, W_TC)]


def _wrap(
    parent: etree._Element, units: list[tuple[etree._Element, etree._Element | None]]
) -> None:
    """Append units to parent, each run of units sharing a control inside one copy of it."""
    holder: etree._Element | None = None
    current: etree._Element | None = None
    for unit, wrapper in units:
        if wrapper is None:
            parent.append(unit)
            current = holder = None
            continue
        if wrapper is not current:
            made = shell(wrapper)
            parent.append(made)
            current, holder = wrapper, holder_of(made)
        assert holder is not None
        holder.append(unit)


def _older_wrapper(
    wrapper: etree._Element | None, newer: list[tuple[etree._Element, etree._Element | None]]
) -> etree._Element | None:
    """The newer control with the older control's identity (deleted rows stay inside it)."""
    if wrapper is None:
        return None
    key = identity(wrapper)
    return next((w for _, w in newer if w is not None and identity(w) == key), wrapper)


def diff_table(engine: Engine, old: etree._Element, new: etree._Element) -> etree._Element:
    """The newer table with row and cell revisions against the older one."""
    orows, nrows = _units(old, W_TR), _units(new, W_TR)
    okeys = [_row_key(engine, r, False) for r, _ in orows]
    nkeys = [_row_key(engine, r, True) for r, _ in nrows]
    rows: list[tuple[etree._Element, etree._Element | None]] = []
    for tag, i1, i2, j1, j2 in opcodes(okeys, nkeys):
        if tag == "equal":
            for i, j in zip(range(i1, i2), range(j1, j2), strict=True):
                rows.append((_diff_row(engine, orows[i][0], nrows[j][0]), nrows[j][1]))
            continue
        for pi, pj in pair_similar(okeys[i1:i2], nkeys[j1:j2]):
            o = orows[i1 + pi] if pi is not None else None
            n = nrows[j1 + pj] if pj is not None else None
            if o is not None and n is not None and len(_cells(o[0])) == len(_cells(n[0])):
                rows.append((_diff_row(engine, o[0], n[0]), n[1]))
                continue
            if o is not None:
                deleted = whole_row(engine, copy.deepcopy(o[0]), "del")
                rows.append((deleted, _older_wrapper(o[1], nrows)))
            if n is not None:
                rows.append((whole_row(engine, n[0], "ins"), n[1]))
    out = etree.Element(W_TBL, _attrs(new))
    children = list(new)
    first = next(
        (k for k, c in enumerate(children) if c.tag == W_TR or c.tag in BLOCK_WRAPPERS),
        len(children),
    )
    out.extend(children[:first])
    _wrap(out, rows)
    out.extend(c for c in children[first:] if c.tag != W_TR and c.tag not in BLOCK_WRAPPERS)
    return out


def _diff_row(engine: Engine, old: etree._Element, new: etree._Element) -> etree._Element:
    """A row whose cells are compared pairwise (cell-level content controls kept around them)."""
    out = etree.Element(W_TR, _attrs(new))
    ocells = _cells(old)
    k = 0
    for child in list(new):
        units = _units_of(child, W_TC)
        if not units:
            out.append(child)
            continue
        cells: list[tuple[etree._Element, etree._Element | None]] = []
        for cell, wrapper in units:
            tc = etree.Element(W_TC, _attrs(cell))
            props = cell.find(W_TCPR)
            if props is not None:
                tc.append(props)
            blocks = [b for b in cell if b.tag != W_TCPR]
            oblocks = [b for b in ocells[k] if b.tag != W_TCPR]
            tc.extend(engine.diff_blocks(oblocks, blocks))
            cells.append((tc, wrapper))
            k += 1
        _wrap(out, cells)
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
        elif block.tag in BLOCK_WRAPPERS:
            engine.whole_wrapper(block, status, copied=True)


def whole_table(
    engine: Engine, tbl: etree._Element, status: str, copied: bool = False
) -> etree._Element:
    """A table entirely inserted or deleted (older tables are copied first)."""
    if status == "del" and not copied:
        tbl = copy.deepcopy(tbl)
    for tr, _ in _units(tbl, W_TR):
        whole_row(engine, tr, status)
    return tbl
