"""Paragraph-level diffs: token streams over unequal paragraphs, whole inserted/deleted/moved ones.

Unequal regions are diffed as one token stream with a token per paragraph mark, which turns
splits and merges into paragraph-mark revisions instead of retyped paragraphs.
"""

from __future__ import annotations

from lxml import etree

from assembler.compare.blockkeys import W_ID, W_NAME, BlockKeys, Para, plain_text
from assembler.compare.revisions import Item, build_runs, make_ppr
from assembler.compare.seqdiff import opcodes, pair_similar, readable, whole_fields
from assembler.compare.tokens import W_P, W_PPR, Extra, Tok, ppr_signature
from assembler.ooxml.ns import qn

MARK = "\x01¶"
STREAM_LIMIT = 4000  # tokens per side; above this a region is paired paragraph by paragraph


class ParagraphDiff(BlockKeys):
    """Diffs paragraphs into output paragraphs with revisions, recording an event for each."""

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
        self, po: list[Para], pn: list[Para]
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
        self, items: list[Item], mark: str, old_p: Para | None, new_p: Para | None
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
        before = plain_text([t for s, t, _ in items if s in ("eq", "del") and isinstance(t, Tok)])
        after = plain_text([t for s, t, _ in items if s in ("eq", "ins") and isinstance(t, Tok)])
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
        """A hook for text boxes inside an unchanged run (the block engine compares them)."""
        return item

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
            start.set(W_NAME, move)
            end = etree.Element(qn(f"w:{kind}RangeEnd"))
            end.set(W_ID, start.get(W_ID, ""))
            p.append(start)
            p.extend(build_runs(self.ctx, items))
            p.append(end)
        else:
            p.extend(build_runs(self.ctx, items))
        text = plain_text(para.flat.toks)
        kinds = {"ins": "inserted", "del": "deleted", "mf": "moved_from", "mt": "moved_to"}
        before = text if not newer else ""
        if status == "mt" and move is not None and self._moved_from.get(move, text) != text:
            before = self._moved_from[move]  # an anchored clause moved and edited: show both
        self._event(kinds[status], before, text if newer else "", info)
        return p
