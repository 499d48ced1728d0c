"""The block-level redline engine: align two block lists and emit the newer one with revisions.

Blocks are aligned by key (clause anchor or original-view text) with difflib after trimming the
common head and tail, so a few edits in a long document cost O(n). Tables are compared row by
row (tables.py), content controls and text boxes inside themselves, and the paragraphs of each
unequal region as one token stream (paragraphs.py).
"""

from __future__ import annotations

import copy

from lxml import etree

from assembler.compare.blockkeys import plain_text
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
from assembler.compare.paragraphs import ParagraphDiff
from assembler.compare.revisions import Item, may_hold_prior, prior_inserted
from assembler.compare.seqdiff import block_opcodes, find_moves, opcodes, pair_similar
from assembler.compare.tables import diff_table, whole_table
from assembler.compare.tokens import BOX, W_P, W_TBL, W_TXBX, Tok

PRIOR = "\x00prior:"  # the key of a paragraph only prior revisions insert: it pairs with nothing


class Engine(ParagraphDiff):
    """Compares block lists of two versions; collects events and counts revisions in `ctx`."""

    def diff_blocks(
        self, old: list[etree._Element], new: list[etree._Element]
    ) -> list[etree._Element]:
        """Return the output blocks for newer blocks `new` compared with older blocks `old`."""
        # A paragraph that only prior revisions insert is not in either version's original
        # view: the older one's is left out, the newer one's passes through unpaired (segment).
        if may_hold_prior(old):
            old = [b for b in old if not prior_inserted(b)]
        okeys = [self.key(b, False) for b in old]
        if may_hold_prior(new):
            nkeys = [
                PRIOR + str(k) if prior_inserted(b) else self.key(b, True)
                for k, b in enumerate(new)
            ]
        else:
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
            self._moved_from[name] = plain_text(self.para(old[m.old], False).flat.toks)
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
        # (slot side, count, blocks, where the events of making them end)
        fixed: list[tuple[int, int, list[etree._Element], int]] = []
        first = len(self.events)

        def fix(side: int, count: int, block: etree._Element) -> None:
            fixed.append((side, count, [block], len(self.events)))

        op: list[etree._Element] = []
        np_: list[etree._Element] = []
        for b, move in olds:
            if b.tag == W_P and move is None:
                op.append(b)
            elif b.tag == W_P and move is not None:
                fix(0, len(op), self.whole(b, "mf", move))
            elif b.tag == W_TBL:
                fix(0, len(op), whole_table(self, b, "del"))
            elif b.tag in BLOCK_WRAPPERS:
                fix(0, len(op), self.whole_wrapper(b, "del"))
        for b, move in news:
            if b.tag == W_P and move is None and not prior_inserted(b):
                np_.append(b)
            elif b.tag == W_P and move is not None:
                fix(1, len(np_), self.whole(b, "mt", move))
            elif b.tag == W_P:
                # prior insertions only: kept as they are, placed in the newer version's clauses
                self._event("prior", "", "", b)
                fix(1, len(np_), b)
            elif b.tag == W_TBL:
                fix(1, len(np_), whole_table(self, b, "ins"))
            elif b.tag in BLOCK_WRAPPERS:
                fix(1, len(np_), self.whole_wrapper(b, "ins"))
            else:
                fix(1, len(np_), b)
        streamed = len(self.events)
        paras, consumed = self.stream_tracked(op, np_)
        if not fixed:
            return paras
        slots: dict[int, list[int]] = {}
        for n, (side, count, _, _) in enumerate(fixed):
            at = next(k for k, c in enumerate(consumed) if c[side] >= count)
            slots.setdefault(at, []).append(n)
        out: list[etree._Element] = []
        for k in range(len(consumed)):
            for n in slots.get(k, []):
                out.extend(fixed[n][2])
            if k < len(paras):
                out.append(paras[k])
        self._events_in_order(first, streamed, fixed, slots, len(consumed))
        return out

    def _events_in_order(
        self,
        first: int,
        streamed: int,
        fixed: list[tuple[int, int, list[etree._Element], int]],
        slots: dict[int, list[int]],
        count: int,
    ) -> None:
        """Put a segment's events in the order of its output (the overview numbers clauses by
        them): the placed blocks' events were made before the stream's. Only when the stream
        made one event per paragraph, as it does without text boxes."""
        stream = self.events[streamed:]
        if len(stream) != count - 1:  # `count` output slots: one before each paragraph, one after
            return
        starts = [first] + [end for *_, end in fixed[:-1]]
        ordered = []
        for k in range(count):
            for n in slots.get(k, []):
                ordered.extend(self.events[starts[n] : fixed[n][3]])
            if k < len(stream):
                ordered.append(stream[k])
        self.events[first:] = ordered

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
