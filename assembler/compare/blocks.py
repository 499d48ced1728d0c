"""The block-level redline engine: align two block lists and emit the newer one with revisions.

Blocks are aligned by key (clause anchor or original-view text) with difflib after trimming the
common head and tail, so a few edits in a long document cost O(n). Unequal regions are diffed as
one token stream with a token per paragraph mark, which turns splits and merges into
paragraph-mark revisions instead of retyped paragraphs.
"""

from __future__ import annotations

import copy
import re
from collections.abc import Callable
from typing import NamedTuple

from lxml import etree

from assembler.compare.containers import (
    BLOCK_WRAPPERS,
    W_SDT,
    content,
    has_revisions,
    holder_of,
    identity,
    inner,
    shell,
    unbind,
)
from assembler.compare.revisions import Item, RevisionContext, build_runs, make_ppr
from assembler.compare.seqdiff import (
    block_opcodes,
    find_moves,
    opcodes,
    pair_similar,
    readable,
    whole_fields,
)
from assembler.compare.tables import diff_table, whole_table
from assembler.compare.tokens import (
    BOX,
    W_P,
    W_PPR,
    W_TBL,
    W_TXBX,
    Extra,
    Flat,
    Tok,
    flatten,
    key_text,
    ppr_signature,
)
from assembler.ooxml.ns import qn

MARK = "\x01¶"
STREAM_LIMIT = 4000  # tokens per side; above this a region is paired paragraph by paragraph


class Event(NamedTuple):
    """What happened to one output paragraph (for the clause summary)."""

    kind: str  # equal | changed | inserted | deleted | moved_from | moved_to
    before: str
    after: str
    info: object  # what Engine.describe returned for the paragraph, before it was rebuilt


class _Head(NamedTuple):
    """A paragraph's alignment key and original-view text."""

    p: etree._Element
    key: str
    text: str


_RSID = re.compile(r' w:rsid\w*="[0-9A-Fa-f]*"')
_SPLIT = "\ue000aftale-split\ue000"


def sibling_xml(parent: etree._Element) -> dict[int, str]:
    """The serialized XML of each child of `parent`, from one serialization of the parent.

    Serializing paragraphs one by one repeats every in-scope namespace declaration each time
    (Word declares about 20); serializing the parent once with a marker in each child's tail and
    splitting there costs a tenth. An empty result means the split was not clean.
    """
    kids = list(parent)
    tails = [k.tail for k in kids]
    try:
        for k in kids:
            k.tail = _SPLIT
        data = etree.tostring(parent, encoding="unicode")
    finally:
        for k, tail in zip(kids, tails, strict=True):
            k.tail = tail
    start = data.find(">") + 1
    if parent.text:
        start = data.find(_xml_text(parent.text), start) + len(_xml_text(parent.text))
    pieces = data[start:].split(_SPLIT)
    if len(pieces) != len(kids) + 1:
        return {}
    return {id(k): piece for k, piece in zip(kids, pieces, strict=False)}


def _xml_text(text: str) -> str:
    """Text as the serializer escapes it."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class _Para(NamedTuple):
    """A paragraph with its flattened tokens, cached for the whole comparison."""

    p: etree._Element
    flat: Flat
    key: str
    text: str
    fmt: str


HAND_NUMBER = re.compile(r"^\s*(?:§\s*\d+[a-z]?|\d+(?:\.\d+)*|[A-Z]|[IVX]+)[.)]?(?=\s)")


def _text(toks: list[Tok]) -> str:
    """Readable text of tokens (tabs as spaces, other specials dropped)."""
    return "".join(t.text if t.text is not None else (" " if "tab" in t.key else "") for t in toks)


class Engine:
    """Compares block lists of two versions; collects events and counts revisions in `ctx`."""

    def __init__(
        self,
        ctx: RevisionContext,
        anchor_prefix: str | None,
        describe: Callable[[etree._Element], object] = lambda p: None,
    ) -> None:
        self.ctx = ctx
        self.anchor_prefix = anchor_prefix
        self.describe = describe
        self.events: list[Event] = []
        self._paras: dict[int, _Para] = {}
        self._heads: dict[int, _Head] = {}
        self._siblings: dict[int, tuple[etree._Element, dict[int, str]]] = {}
        self._moved_from: dict[str, str] = {}  # move name → the older text of the moved paragraph

    # -- keys -------------------------------------------------------------------------------
    def head(self, p: etree._Element) -> _Head:
        """The cached alignment key and original-view text of a paragraph (no tokens made)."""
        hit = self._heads.get(id(p))
        if hit is not None and hit.p is p:
            return hit
        text = key_text(p)
        # A hand-typed clause number ("§ 7", "7.", "7.2") does not decide alignment, so a
        # renumbered clause pairs with itself and shows as one changed number, not as noise.
        key = "P" + HAND_NUMBER.sub("§#", text, count=1)
        if self.anchor_prefix:
            for b in p.iter(_wtag("bookmarkStart")):
                name = b.get(_W_NAME, "")
                if name.startswith(self.anchor_prefix):
                    key = "A" + name
                    break
        hit = _Head(p, key, text)
        self._heads[id(p)] = hit
        return hit

    def _xml(self, block: etree._Element) -> str | None:
        """A block's XML, serialized with all its siblings at once and cached."""
        parent = block.getparent()
        if parent is None:
            return None
        hit = self._siblings.get(id(parent))
        if hit is None or hit[0] is not parent:
            hit = (parent, sibling_xml(parent))
            self._siblings[id(parent)] = hit
        return hit[1].get(id(block))

    def _same_xml(self, old: etree._Element, new: etree._Element) -> bool:
        """Whether two paragraphs are the same XML apart from Word's revision-save ids (rsids)."""
        a, b = self._xml(old), self._xml(new)
        if a is None or b is None:
            a, b = etree.tostring(old, encoding="unicode"), etree.tostring(new, encoding="unicode")
        return a == b or _RSID.sub("", a) == _RSID.sub("", b)

    def para(self, p: etree._Element, newer: bool) -> _Para:
        """The cached flattened form of a paragraph (only for paragraphs that differ)."""
        hit = self._paras.get(id(p))
        if hit is not None and hit.p is p:
            return hit
        flat = flatten(p, newer)
        head = self.head(p)
        key, text = head.key, head.text
        fmt = ppr_signature(p.find(W_PPR)) + "|" + "\x02".join(_runs_fmt(flat.toks))
        for t in flat.toks:
            if t.elem is not None and t.key.startswith(BOX):
                # The key leaves a text box's content out; equal paragraphs must also agree there.
                fmt += "".join(etree.tostring(b, encoding="unicode") for b in t.elem.iter(W_TXBX))
        hit = _Para(p, flat, key, text, fmt)
        self._paras[id(p)] = hit
        return hit

    def key(self, block: etree._Element, newer: bool) -> str:
        """Alignment key of any body block."""
        if block.tag == W_P:
            return self.head(block).key
        if block.tag == W_TBL:
            rows = ["|".join(self.head(p).key for p in tr.iter(W_P)) for tr in block]
            return "T" + "\n".join(rows)
        if block.tag in BLOCK_WRAPPERS:
            inside = "\n".join(self.key(b, newer) for b in content(block))
            return "S" + identity(block) + "\n" + inside
        return "X" + etree.tostring(block, method="c14n").decode()

    def weight(self, block: etree._Element) -> int:
        """How much text an older block holds (moves keep the heaviest blocks in place)."""
        if block.tag == W_P:
            return len(self.head(block).text)
        return sum(len(self.head(p).text) for p in block.iter(W_P))

    # -- blocks -----------------------------------------------------------------------------
    def diff_blocks(
        self, old: list[etree._Element], new: list[etree._Element]
    ) -> list[etree._Element]:
        """Return the output blocks for newer blocks `new` compared with older blocks `old`."""
        okeys = [self.key(b, False) for b in old]
        nkeys = [self.key(b, True) for b in new]
        ops = block_opcodes(okeys, nkeys, [self.weight(b) for b in old])
        moves = [
            m
            for m in find_moves(okeys, nkeys, ops)
            if old[m.old].tag == W_P and new[m.new].tag == W_P
        ]
        moved_old = {m.old: n for n, m in enumerate(moves)}
        moved_new = {m.new: n for n, m in enumerate(moves)}
        names = [self.ctx.move_name() for _ in moves]
        for m, name in zip(moves, names, strict=True):
            self._moved_from[name] = _text(self.para(old[m.old], False).flat.toks)
        out: list[etree._Element] = []
        for tag, i1, i2, j1, j2 in ops:
            if tag == "equal":
                for i, j in zip(range(i1, i2), range(j1, j2), strict=True):
                    out.extend(self.same(old[i], new[j]))
                continue
            olds = [
                (b, names[moved_old[i]] if i in moved_old else None)
                for i, b in zip(range(i1, i2), old[i1:i2], strict=True)
            ]
            news = [
                (b, names[moved_new[j]] if j in moved_new else None)
                for j, b in zip(range(j1, j2), new[j1:j2], strict=True)
            ]
            out.extend(self.region(olds, news))
        return out

    def same(self, old: etree._Element, new: etree._Element) -> list[etree._Element]:
        """Output for two blocks with equal keys: verbatim when formatting matches too."""
        if new.tag == W_P and old.tag == W_P:
            if self.head(old).text == self.head(new).text and self._same_xml(old, new):
                self._event("equal", "", "", new)
                return [new]
            po, pn = self.para(old, False), self.para(new, True)
            if po.text == pn.text and po.fmt == pn.fmt:
                self._event("equal", "", "", new)
                return [new]
            return self.stream([old], [new])
        if new.tag == W_TBL and old.tag == W_TBL:
            return [diff_table(self, old, new)]
        if new.tag in BLOCK_WRAPPERS and old.tag == new.tag:
            return [self.wrapper(old, new)]
        return [new]

    def wrapper(self, old: etree._Element, new: etree._Element) -> etree._Element:
        """A content control (or custom XML block) of both versions, compared inside."""
        out = shell(new)
        holder_of(out).extend(self.diff_blocks(content(old), content(new)))
        if out.tag == W_SDT and has_revisions(out, self.ctx.first_id):
            name = unbind(out)
            if name is not None:
                self.ctx.unbound.append(name)
        return out

    def whole_wrapper(
        self, block: etree._Element, status: str, copied: bool = False
    ) -> etree._Element:
        """A content control entirely inserted or deleted: the control kept, its content revised."""
        if status == "del" and not copied:
            block = copy.deepcopy(block)
        holder = inner(block)
        for child in content(block):
            assert holder is not None
            if child.tag == W_P:
                holder.replace(child, self.whole(child, status))
            elif child.tag == W_TBL:
                whole_table(self, child, status, copied=True)
            elif child.tag in BLOCK_WRAPPERS:
                self.whole_wrapper(child, status, copied=True)
        return block

    def region(
        self,
        olds: list[tuple[etree._Element, str | None]],
        news: list[tuple[etree._Element, str | None]],
    ) -> list[etree._Element]:
        """Output for an unequal region: pair tables, stream the paragraphs between them."""
        ot = [k for k, (b, m) in enumerate(olds) if b.tag == W_TBL]
        nt = [k for k, (b, m) in enumerate(news) if b.tag == W_TBL]
        pairs: list[tuple[int, int]] = []
        if ot and nt:
            okeys = [self.key(olds[k][0], False) for k in ot]
            nkeys = [self.key(news[k][0], True) for k in nt]
            if len(ot) == len(nt):
                pairs = list(zip(ot, nt, strict=True))
            else:
                pairs = [(ot[a], nt[b]) for a, b in _pair_keys(okeys, nkeys)]
        pairs = _monotone(pairs + _pair_wrappers(olds, news))
        out: list[etree._Element] = []
        oi = ni = 0
        for a, b in pairs:
            out.extend(self.segment(olds[oi:a], news[ni:b]))
            if news[b][0].tag == W_TBL:
                out.append(diff_table(self, olds[a][0], news[b][0]))
            else:
                out.append(self.wrapper(olds[a][0], news[b][0]))
            oi, ni = a + 1, b + 1
        out.extend(self.segment(olds[oi:], news[ni:]))
        return out

    def segment(
        self,
        olds: list[tuple[etree._Element, str | None]],
        news: list[tuple[etree._Element, str | None]],
    ) -> list[etree._Element]:
        """Stream-diff the plain paragraphs; place moved paragraphs and unpaired tables."""
        fixed: list[tuple[int, int, list[etree._Element]]] = []  # (slot side, count, blocks)
        op: list[etree._Element] = []
        np_: list[etree._Element] = []
        for b, move in olds:
            if b.tag == W_P and move is None:
                op.append(b)
            elif b.tag == W_P and move is not None:
                fixed.append((0, len(op), [self.whole(b, "mf", move)]))
            elif b.tag == W_TBL:
                fixed.append((0, len(op), [whole_table(self, b, "del")]))
            elif b.tag in BLOCK_WRAPPERS:
                fixed.append((0, len(op), [self.whole_wrapper(b, "del")]))
        for b, move in news:
            if b.tag == W_P and move is None:
                np_.append(b)
            elif b.tag == W_P and move is not None:
                fixed.append((1, len(np_), [self.whole(b, "mt", move)]))
            elif b.tag == W_TBL:
                fixed.append((1, len(np_), [whole_table(self, b, "ins")]))
            elif b.tag in BLOCK_WRAPPERS:
                fixed.append((1, len(np_), [self.whole_wrapper(b, "ins")]))
            else:
                fixed.append((1, len(np_), [b]))
        paras, consumed = self.stream_tracked(op, np_)
        if not fixed:
            return paras
        slots: dict[int, list[etree._Element]] = {}
        for side, count, blocks in fixed:
            at = next(k for k, c in enumerate(consumed) if c[side] >= count)
            slots.setdefault(at, []).extend(blocks)
        out: list[etree._Element] = []
        for k in range(len(consumed)):
            out.extend(slots.get(k, []))
            if k < len(paras):
                out.append(paras[k])
        return out

    # -- paragraphs -------------------------------------------------------------------------
    def stream(self, old: list[etree._Element], new: list[etree._Element]) -> list[etree._Element]:
        """Diff paragraphs as one token stream; return output paragraphs."""
        return self.stream_tracked(old, new)[0]

    def stream_tracked(
        self, old: list[etree._Element], new: list[etree._Element]
    ) -> tuple[list[etree._Element], list[tuple[int, int]]]:
        """Like stream(); also returns, per output slot, how many old/new paragraphs were used."""
        po = [self.para(p, False) for p in old]
        pn = [self.para(p, True) for p in new]
        size_o = sum(len(p.flat.toks) for p in po)
        size_n = sum(len(p.flat.toks) for p in pn)
        if size_o <= STREAM_LIMIT and size_n <= STREAM_LIMIT:
            return self._stream(po, pn)
        paras: list[etree._Element] = []
        consumed = [(0, 0)]
        used_o = used_n = 0
        for i, j in pair_similar([p.key for p in po], [p.key for p in pn]):
            sub_o = [po[i]] if i is not None else []
            sub_n = [pn[j]] if j is not None else []
            got, _ = self._stream(sub_o, sub_n)
            used_o += len(sub_o)
            used_n += len(sub_n)
            paras.extend(got)
            consumed.extend([consumed[-1]] * (len(got) - 1) + [(used_o, used_n)])
        return paras, consumed

    def _stream(
        self, po: list[_Para], pn: list[_Para]
    ) -> tuple[list[etree._Element], list[tuple[int, int]]]:
        """Token-stream diff of small paragraph lists."""
        otoks: list[Tok | int] = []
        for k, p in enumerate(po):
            otoks.extend(p.flat.toks)
            otoks.append(k)
        ntoks: list[Tok | int] = []
        extras: dict[int, list[Extra]] = {}
        for k, p in enumerate(pn):
            for ex in p.flat.extras:
                extras.setdefault(len(ntoks) + ex.pos, []).append(ex)
            ntoks.extend(p.flat.toks)
            ntoks.append(k)
        okeys = [MARK if isinstance(t, int) else t.key for t in otoks]
        nkeys = [MARK if isinstance(t, int) else t.key for t in ntoks]
        # The common head and tail are trimmed first: a one-word edit in a long paragraph then
        # costs O(n), where difflib alone is quadratic in the repeated space tokens.
        ops = opcodes(okeys, nkeys, MARK)
        ops = readable(whole_fields(ops, okeys, nkeys), okeys, nkeys, MARK)
        paras: list[etree._Element] = []
        consumed = [(0, 0)]
        items: list[Item] = []
        used = [0, 0]

        def finish(status: str, oi: int | None, ni: int | None) -> None:
            old_p = po[oi] if oi is not None else None
            new_p = pn[ni] if ni is not None else None
            paras.append(self._paragraph(items, status, old_p, new_p))
            items.clear()
            if oi is not None:
                used[0] += 1
            if ni is not None:
                used[1] += 1
            consumed.append((used[0], used[1]))

        def take_new(j: int, status: str, old_tok: Tok | int | None) -> None:
            for ex in extras.pop(j, []):
                items.append(("x", ex, None))
            tok = ntoks[j]
            if isinstance(tok, int):
                oi = old_tok if isinstance(old_tok, int) else None
                finish("eq" if oi is not None else status, oi, tok)
            else:
                items.append((status, tok, old_tok if isinstance(old_tok, Tok) else None))

        for tag, i1, i2, j1, j2 in ops:
            if tag == "equal":
                for i, j in zip(range(i1, i2), range(j1, j2), strict=True):
                    take_new(j, "eq", otoks[i])
                continue
            for i in range(i1, i2):
                tok = otoks[i]
                if isinstance(tok, int):
                    finish("del", tok, None)
                else:
                    items.append(("del", tok, None))
            for j in range(j1, j2):
                take_new(j, "ins", None)
        if items and pn:
            finish("eq", None, len(pn) - 1)
        return paras, consumed

    def _paragraph(
        self, items: list[Item], mark: str, old_p: _Para | None, new_p: _Para | None
    ) -> etree._Element:
        """Build one output paragraph and record its event."""
        src = new_p if new_p is not None else old_p
        assert src is not None
        info = self.describe(src.p)  # before build_runs moves bookmarks out of the source
        old_ppr = old_p.p.find(W_PPR) if old_p is not None else None
        new_ppr = src.p.find(W_PPR)
        ppr = make_ppr(
            self.ctx,
            new_ppr,
            mark,
            from_old=new_p is None,
            old_ppr=old_ppr,
            old_sig=ppr_signature(old_ppr) if old_p is not None and new_p is not None else None,
            new_sig=ppr_signature(new_ppr),
        )
        items = [self._boxes(item) for item in items]
        p = etree.Element(W_P)
        p.append(ppr)
        p.extend(build_runs(self.ctx, items))
        statuses = {s for s, tok, _ in items if not isinstance(tok, Extra)}
        fmt_change = any(
            o is not None and isinstance(t, Tok) and o.fmt != t.fmt for _, t, o in items
        )
        before = _text([t for s, t, _ in items if s in ("eq", "del") and isinstance(t, Tok)])
        after = _text([t for s, t, _ in items if s in ("eq", "ins") and isinstance(t, Tok)])
        if mark == "ins" and statuses <= {"ins"}:
            kind = "inserted"
        elif mark == "del" and statuses <= {"del"}:
            kind = "deleted"
        elif (
            mark == "eq"
            and statuses <= {"eq"}
            and not fmt_change
            and (old_p is None or new_p is None or ppr_signature(old_ppr) == ppr_signature(new_ppr))
        ):
            kind = "equal"
        else:
            kind = "changed"
        self._event(kind, before, after, info)
        return p

    def _boxes(self, item: Item) -> Item:
        """An unchanged text box anchor whose box content changed: compare inside the box."""
        status, tok, old = item
        if (
            status != "eq"
            or not isinstance(tok, Tok)
            or old is None
            or tok.elem is None
            or old.elem is None
            or not tok.key.startswith(BOX)
        ):
            return item
        return status, tok._replace(elem=self.text_box(old.elem, tok.elem)), old

    def text_box(self, old: etree._Element, new: etree._Element) -> etree._Element:
        """The newer text box run child with its stories compared against the older ones.

        DrawingML and its VML fallback hold the same story twice; when both versions agree on
        that, the story is compared once and the fallback gets a copy with its own revision ids,
        so the two stay in step whichever one a reader opens.
        """
        new_boxes, old_boxes = list(new.iter(W_TXBX)), list(old.iter(W_TXBX))
        keys_new = [self._story_key(b, True) for b in new_boxes]
        keys_old = [self._story_key(b, False) for b in old_boxes]
        if keys_new == keys_old or len(new_boxes) != len(old_boxes):
            return new
        merged = copy.deepcopy(new)
        done: dict[tuple[str, str], etree._Element] = {}
        targets = list(merged.iter(W_TXBX))
        for target, ob, ko, kn in zip(targets, old_boxes, keys_old, keys_new, strict=True):
            blocks = [b for b in target if isinstance(b.tag, str)]
            for b in blocks:
                target.remove(b)
            twin = done.get((ko, kn))
            if twin is not None:
                target.extend(self.ctx.renumbered(copy.deepcopy(b)) for b in twin)
                continue
            olds = [b for b in ob if isinstance(b.tag, str)]
            target.extend(self.diff_blocks(olds, blocks))
            done[(ko, kn)] = target
        return merged

    def _story_key(self, story: etree._Element, newer: bool) -> str:
        """Alignment key of a text box story."""
        return "\n".join(self.key(b, newer) for b in story if isinstance(b.tag, str))

    def whole(self, block: etree._Element, status: str, move: str | None = None) -> etree._Element:
        """A paragraph entirely inserted, deleted or moved (status ins/del/mf/mt)."""
        newer = status in ("ins", "mt")
        para = self.para(block, newer)
        info = self.describe(block)
        items: list[Item] = []
        for k, tok in enumerate(para.flat.toks):
            for ex in para.flat.extras:
                if ex.pos == k and newer:
                    items.append(("x", ex, None))
            items.append((status, tok, None))
        if newer:
            items.extend(
                ("x", ex, None) for ex in para.flat.extras if ex.pos >= len(para.flat.toks)
            )
        p = etree.Element(W_P)
        p.append(make_ppr(self.ctx, block.find(W_PPR), status, from_old=not newer))
        if move is not None:
            kind = "moveFrom" if status == "mf" else "moveTo"
            start = self.ctx.element(f"w:{kind}RangeStart")
            start.set(_W_NAME, move)
            end = etree.Element(_wtag(f"{kind}RangeEnd"))
            end.set(_W_ID, start.get(_W_ID, ""))
            p.append(start)
            p.extend(build_runs(self.ctx, items))
            p.append(end)
        else:
            p.extend(build_runs(self.ctx, items))
        text = _text(para.flat.toks)
        kinds = {"ins": "inserted", "del": "deleted", "mf": "moved_from", "mt": "moved_to"}
        before = text if not newer else ""
        if status == "mt" and move is not None and self._moved_from.get(move, text) != text:
            before = self._moved_from[move]  # an anchored clause moved and edited: show both
        self._event(kinds[status], before, text if newer else "", info)
        return p

    def _event(self, kind: str, before: str, after: str, source: etree._Element | object) -> None:
        """Record an event; `source` is the paragraph or what describe() already said of it."""
        info = self.describe(source) if isinstance(source, etree._Element) else source
        self.events.append(Event(kind, before, after, info))


def _runs_fmt(toks: list[Tok]) -> list[str]:
    """Run-length formatting of tokens, independent of how runs were split."""
    out: list[str] = []
    last = None
    for t in toks:
        if t.fmt != last:
            out.append(t.fmt)
            last = t.fmt
    return out


def _pair_wrappers(
    olds: list[tuple[etree._Element, str | None]], news: list[tuple[etree._Element, str | None]]
) -> list[tuple[int, int]]:
    """Monotone pairs of content controls with the same identity (w:id, tag or alias)."""
    ow = [k for k, (b, _) in enumerate(olds) if b.tag in BLOCK_WRAPPERS]
    nw = [k for k, (b, _) in enumerate(news) if b.tag in BLOCK_WRAPPERS]
    if not ow or not nw:
        return []
    oid = [olds[k][0].tag + identity(olds[k][0]) for k in ow]
    nid = [news[k][0].tag + identity(news[k][0]) for k in nw]
    return [
        (ow[i1 + d], nw[j1 + d])
        for tag, i1, i2, j1, _ in opcodes(oid, nid)
        if tag == "equal"
        for d in range(i2 - i1)
    ]


def _monotone(pairs: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Pairs sorted by old index, dropping any that would cross an earlier pair."""
    out: list[tuple[int, int]] = []
    for a, b in sorted(pairs):
        if not out or (a > out[-1][0] and b > out[-1][1]):
            out.append((a, b))
    return out


def _pair_keys(old: list[str], new: list[str]) -> list[tuple[int, int]]:
    """Monotone pairs of similar table keys."""
    return [(i, j) for i, j in pair_similar(old, new) if i is not None and j is not None]


def _wtag(local: str) -> str:
    """Clark name in the w: namespace."""
    return qn(f"w:{local}")


_W_NAME = _wtag("name")
_W_ID = _wtag("id")
