"""Write tracked changes: revision wrappers, paragraph-mark revisions, property changes.

ECMA-376 Part 1 §17.13.5 (w:ins, w:del, w:moveFrom, w:moveTo and their range markers) and
§17.13.5.29/.31 (w:rPrChange, w:pPrChange). Revision wrappers sit inside hyperlinks and other run
containers, never around them, as Word itself writes them.
"""

from __future__ import annotations

import copy
from collections import Counter

from lxml import etree

from assembler.compare.containers import (
    W_SDT,
    has_revisions,
    holder_of,
    identity,
    safe_from_older,
    shell,
    unbind,
)
from assembler.compare.tokens import (
    PPR_NOT_BASE,
    W_DELTEXT,
    W_P,
    W_PPR,
    W_R,
    W_RPR,
    W_T,
    XML_SPACE,
    Extra,
    Tok,
    key_text,
)
from assembler.ooxml.ns import qn

WRAPPER = {"ins": "w:ins", "del": "w:del", "mf": "w:moveFrom", "mt": "w:moveTo"}
MARK_REVISIONS = {qn("w:ins"), qn("w:del"), qn("w:moveFrom"), qn("w:moveTo")}
STALE_IN_OLD = MARK_REVISIONS | {qn("w:rPrChange")}
PRIOR_MARK_DEL = {qn("w:del"), qn("w:moveFrom")}
PRIOR_MARK_INS = (qn("w:ins"), qn("w:moveTo"))
PRIOR_MOVE_FROM = qn("w:moveFrom")
W_ID = qn("w:id")
REVISION_ELEMENTS = tuple(
    qn(f"w:{t}") for t in ("ins", "del", "moveFrom", "moveTo", "rPrChange", "pPrChange")
)


def prior_inserted(block: etree._Element) -> bool:
    """Whether a paragraph exists only through prior revisions: its mark and all its content
    are tracked insertions, so its original view (the text before them) has no paragraph."""
    if block.tag != W_P or not len(block) or block[0].tag != W_PPR:  # w:pPr comes first
        return False
    rpr = block[0].find(W_RPR)
    if rpr is None or not any(child.tag in PRIOR_MARK_INS for child in rpr):
        return False
    return not key_text(block)


def may_hold_prior(blocks: list[etree._Element]) -> bool:
    """Whether any of the blocks can hold a prior insertion: one walk in C over their parent
    (a story without tracked insertions, nearly every document, skips prior_inserted)."""
    parent = blocks[0].getparent() if blocks else None
    return parent is None or next(parent.iter(*PRIOR_MARK_INS), None) is not None


class RevisionContext:
    """Author, date and the id counter shared by every revision of one output document."""

    # A plain class, not a dataclass: see compare/model.py.
    __slots__ = ("author", "counts", "date", "first_id", "moves", "next_id", "unbound")

    def __init__(self, author: str, date: str, next_id: int = 1) -> None:
        self.author = author
        self.date = date
        self.next_id = next_id
        self.counts: Counter[str] = Counter()
        self.moves = 0
        self.first_id = next_id + 1  # the first id this comparison writes
        self.unbound: list[str] = []  # data-bound controls that had to be unbound

    def new_id(self) -> str:
        """Return a fresh revision id."""
        self.next_id += 1
        return str(self.next_id)

    def element(self, tag: str) -> etree._Element:
        """A revision element (w:ins, w:del, w:rPrChange...) with id, author and date."""
        el = etree.Element(qn(tag))
        el.set(W_ID, self.new_id())
        el.set(qn("w:author"), self.author)
        el.set(qn("w:date"), self.date)
        self.counts[tag.partition(":")[2]] += 1
        return el

    def renumbered(self, tree: etree._Element) -> etree._Element:
        """`tree` with a fresh id on every revision element in it (for a copied story)."""
        for el in tree.iter(*REVISION_ELEMENTS):
            el.set(W_ID, self.new_id())
        return tree

    def move_name(self) -> str:
        """A fresh name tying a moveFrom range to its moveTo range."""
        self.moves += 1
        return f"aftale_move{self.moves}"


def clean_old_rpr(rpr: etree._Element | None) -> etree._Element | None:
    """Copy run properties from the older package without its revision markup."""
    if rpr is None:
        return None
    out = copy.deepcopy(rpr)
    for child in list(out):
        if child.tag in STALE_IN_OLD:
            out.remove(child)
    return out


def make_ppr(
    ctx: RevisionContext,
    src: etree._Element | None,
    mark: str,
    from_old: bool,
    old_ppr: etree._Element | None = None,
    old_sig: str | None = None,
    new_sig: str | None = None,
) -> etree._Element:
    """Paragraph properties for an output paragraph, with its mark revision and pPrChange."""
    ppr = copy.deepcopy(src) if src is not None else etree.Element(W_PPR)
    if from_old:
        for child in list(ppr):
            if child.tag in (qn("w:sectPr"), qn("w:pPrChange")):
                ppr.remove(child)
        rpr = ppr.find(W_RPR)
        if rpr is not None:
            for child in list(rpr):
                if child.tag in STALE_IN_OLD:
                    rpr.remove(child)
    if mark != "eq":
        rpr = mark_rpr(ppr)
        # A newer paragraph whose mark a prior revision deletes keeps that deletion under our
        # insertion (Word writes w:ins then w:del, or w:moveFrom then w:moveTo, on a mark that
        # one author inserted and another removed): accept-all must still drop the mark.
        keep = PRIOR_MARK_DEL if mark in ("ins", "mt") and not from_old else set()
        for child in list(rpr):
            if child.tag in MARK_REVISIONS and child.tag not in keep:
                rpr.remove(child)
        kept = sum(1 for child in rpr if child.tag in keep)
        rpr.insert(kept if mark == "mt" else 0, ctx.element(WRAPPER[mark]))  # schema order
    elif old_sig is not None and old_sig != new_sig and ppr.find(qn("w:pPrChange")) is None:
        change = ctx.element("w:pPrChange")
        base = etree.SubElement(change, W_PPR)
        if old_ppr is not None:
            for child in old_ppr:
                if isinstance(child.tag, str) and child.tag not in PPR_NOT_BASE:
                    base.append(copy.deepcopy(child))
        ppr.append(change)
    return ppr


# An output item: (status, token or extra, older token for formatting comparison).
Item = tuple[str, Tok | Extra, Tok | None]


def _run_rpr(ctx: RevisionContext, status: str, tok: Tok, old: Tok | None) -> etree._Element | None:
    """Run properties for a token: older ones cleaned, or newer ones plus an rPrChange."""
    if status in ("del", "mf") and old is None:
        return clean_old_rpr(tok.rpr)
    rpr = copy.deepcopy(tok.rpr) if tok.rpr is not None else None
    if rpr is not None:
        for prior in rpr.iter(qn("w:rPrChange")):
            prior.set(W_ID, ctx.new_id())  # one newer run may become several output runs
    if old is not None and old.fmt != tok.fmt:
        if rpr is None:
            rpr = etree.Element(W_RPR)
        if rpr.find(qn("w:rPrChange")) is None:
            change = ctx.element("w:rPrChange")
            before = etree.SubElement(change, W_RPR)
            cleaned = clean_old_rpr(old.rpr)
            if cleaned is not None:
                before.extend(list(cleaned))
            rpr.append(change)
    return rpr


def _content(tok: Tok, deleted: bool) -> etree._Element:
    """A copy of a special run child, with field codes renamed inside deletions."""
    assert tok.elem is not None
    el = copy.deepcopy(tok.elem)
    local = etree.QName(el).localname
    if deleted and local == "instrText":
        el.tag = qn("w:delInstrText")
    elif not deleted and local == "delInstrText":
        el.tag = qn("w:instrText")
    return el


def _canonical(items: list[Item]) -> dict[int, etree._Element | None]:
    """Map every container of the items to the one written: an older container to the newer
    container with the same identity (so deleted text stays inside the control), else itself,
    or None when it cannot be written into the newer package."""
    newer: dict[str, list[etree._Element]] = {}
    out: dict[int, etree._Element | None] = {}
    for status, tok, _ in items:
        if status in OLDER:
            continue
        for wrap in tok.wraps:
            if id(wrap) not in out:
                out[id(wrap)] = wrap
                newer.setdefault(identity(wrap), []).append(wrap)
    used: dict[str, int] = {}
    for status, tok, _ in items:
        if status not in OLDER:
            continue
        for wrap in tok.wraps:
            if id(wrap) in out:
                continue
            key = identity(wrap)
            k = used.get(key, 0)
            used[key] = k + 1
            same = newer.get(key, [])
            out[id(wrap)] = (
                same[min(k, len(same) - 1)] if same else (wrap if safe_from_older(wrap) else None)
            )
    return out


OLDER = ("del", "mf")


def build_runs(ctx: RevisionContext, items: list[Item]) -> list[etree._Element]:
    """Turn status-tagged tokens into paragraph children: containers, wrappers, runs.

    Containers are opened and closed as a stack, so a control stays one control however its
    content changes, and nested controls stay nested.
    """
    out: list[etree._Element] = []
    canon = _canonical(items)
    stack: list[tuple[etree._Element, etree._Element]] = []  # (container, where content goes)
    shells: list[etree._Element] = []
    rev_key: tuple[str, int] | None = None
    rev_holder: etree._Element | None = None
    run: etree._Element | None = None
    run_key: tuple[object, ...] | None = None
    text_el: etree._Element | None = None
    text: list[str] = []  # the text of text_el, joined once at the end (lxml copies on each set)
    texts: list[tuple[etree._Element, list[str]]] = []
    for status, tok, old in items:
        if tok.wraps or stack:  # most tokens sit in no container, with none open: nothing to do
            target = [w for w in (canon.get(id(w)) for w in tok.wraps) if w is not None]
            depth = 0
            while depth < min(len(stack), len(target)) and stack[depth][0] is target[depth]:
                depth += 1
            if depth < len(stack) or depth < len(target):
                del stack[depth:]
                rev_key, run_key, text_el = None, None, None
                for wrap in target[depth:]:
                    made = shell(wrap)
                    (stack[-1][1].append if stack else out.append)(made)
                    stack.append((wrap, holder_of(made)))
                    shells.append(made)
        holder = stack[-1][1] if stack else None
        if isinstance(tok, Extra):
            (holder.append if holder is not None else out.append)(tok.elem)
            rev_key, run_key, text_el = None, None, None
            continue
        prior = tok.prior
        rk = (status, id(prior) if prior is not None else 0)
        if rk != rev_key:
            rev_key, run_key, text_el = rk, None, None
            parent: etree._Element | None = holder
            if status != "eq":
                wrapper = ctx.element(WRAPPER[status])
                (parent.append if parent is not None else out.append)(wrapper)
                parent = wrapper
            if prior is not None:
                prior_shell = etree.Element(
                    prior.tag, {str(k): str(v) for k, v in prior.attrib.items()}
                )
                prior_shell.set(W_ID, ctx.new_id())
                (parent.append if parent is not None else out.append)(prior_shell)
                parent = prior_shell
            rev_holder = parent
        # Word keeps w:t (not w:delText) inside w:moveFrom: the text still exists at its new place.
        # … also inside a prior w:moveFrom of the newer version; a prior w:del needs w:delText.
        deleted = status == "del" or (prior is not None and prior.tag != PRIOR_MOVE_FROM)
        changed = old is not None and old.fmt != tok.fmt
        rpr_key = (id(tok.rpr), id(old.rpr) if changed and old is not None else 0)
        if rpr_key != run_key or run is None:
            run_key, text_el = rpr_key, None
            rpr = _run_rpr(ctx, status, tok, old)
            run = etree.Element(W_R)
            if rpr is not None and len(rpr):
                run.append(rpr)
            (rev_holder.append if rev_holder is not None else out.append)(run)
        if tok.text is not None:
            if text_el is None:
                text_el = etree.SubElement(run, W_DELTEXT if deleted else W_T)
                text_el.set(XML_SPACE, "preserve")
                text = []
                texts.append((text_el, text))
            text.append(tok.text)
        else:
            run.append(_content(tok, deleted))
            text_el = None
    for element, parts in texts:
        element.text = "".join(parts)
    for made in shells:
        if made.tag == W_SDT and has_revisions(made, ctx.first_id):
            name = unbind(made)
            if name is not None:
                ctx.unbound.append(name)
    return out


def _attrs(el: etree._Element) -> dict[str, str]:
    """An element's attributes as a plain dict."""
    return {str(k): str(v) for k, v in el.attrib.items()}


def mark_rpr(ppr: etree._Element) -> etree._Element:
    """The paragraph mark's w:rPr, created before w:sectPr/w:pPrChange when missing."""
    rpr = ppr.find(W_RPR)
    if rpr is None:
        rpr = etree.Element(W_RPR)
        tail = [c for c in ppr if c.tag in (qn("w:sectPr"), qn("w:pPrChange"))]
        if tail:
            tail[0].addprevious(rpr)
        else:
            ppr.append(rpr)
    return rpr
