"""Place the engine's paragraph events in clauses, in both versions, and pair the moves.

A clause is a top-level heading and what follows it. Each event gets the clause it belongs to in
the older and in the newer version; a clause whose heading moved is one clause with two places.
"""

from __future__ import annotations

from collections import defaultdict, deque

from assembler.compare.model import Change
from assembler.compare.numbers import NumberStyle, plain, split_number

PART_DA = {
    "header": "Sidehoved",
    "footer": "Sidefod",
    "footnote": "Fodnoter",
    "endnote": "Slutnoter",
}
INTRO = "Indledning"
OLD_SIDE = ("equal", "changed", "deleted", "moved_from")
# "prior": a paragraph only the newer version's own tracked insertions hold (no row of ours)
NEW_SIDE = ("equal", "changed", "inserted", "moved_to", "prior")
UNCHANGED = ("equal", "prior")
PARTS_AFTER = 10**9  # rows of headers, footers and notes sort after every body clause


class Clause:
    """A top-level clause (heading and body) as found in one or both versions."""

    # A plain class (compared by identity), not a dataclass: see compare/model.py.
    __slots__ = (
        "anchor",
        "gone",
        "heading",
        "in_new",
        "in_old",
        "index",
        "moved",
        "new_after",
        "new_number",
        "old_after",
        "old_heading",
        "old_number",
        "old_seq",
        "part",
        "seq",
    )

    def __init__(
        self,
        index: int,
        heading: str = "",  # newer heading text without its hand-typed number
        old_heading: str = "",
        anchor: str = "",
        old_number: str = "",  # as displayed: '§ 14', '3.' or ''
        new_number: str = "",
        in_old: bool = True,
        in_new: bool = True,
        moved: bool = False,
        part: str = "body",
        seq: int = -1,  # where its rows go in the overview (its place in the newer version)
        old_seq: int = -1,  # its place in the older version
        old_after: Clause | None = None,  # the clause before it in the older version
        new_after: Clause | None = None,  # … in the newer version
        gone: str = "",  # 'moved'/'deleted': the newer version's own tracked changes remove it
    ) -> None:
        self.index = index
        self.heading = heading
        self.old_heading = old_heading
        self.anchor = anchor
        self.old_number = old_number
        self.new_number = new_number
        self.in_old = in_old
        self.in_new = in_new
        self.moved = moved
        self.part = part
        self.seq = seq
        self.old_seq = old_seq
        self.old_after = old_after
        self.new_after = new_after
        self.gone = gone

    @property
    def title(self) -> str:
        """The heading to show: the newer one, else the older one."""
        return self.heading or self.old_heading or PART_DA.get(self.part, INTRO)

    @property
    def number(self) -> str:
        """The number to show: the newer one, else the older one (a deleted clause)."""
        return plain(self.new_number if self.in_new else self.old_number)


class Item:
    """One engine event with the clauses it belongs to on each side."""

    __slots__ = ("change", "heading", "new", "old", "seq")

    def __init__(
        self,
        seq: int,
        change: Change,
        old: Clause | None,
        new: Clause | None,
        heading: bool = False,
    ) -> None:
        self.seq = seq
        self.change = change
        self.old = old
        self.new = new
        self.heading = heading


def norm(text: str) -> str:
    """Whitespace collapsed and case folded, for comparing texts."""
    return " ".join(text.split()).casefold()


class ClauseBuilder:
    """Walks the events once, placing each in its clauses, then pairs the moves."""

    def __init__(
        self, style: NumberStyle, top: int, own: dict[int, tuple[str, str]] | None = None
    ) -> None:
        self.style = style
        self.top = top
        # the newer side's headings, by their place among them: how the newer version's own
        # tracked changes treat each and its number once they are accepted (overview_prior.py)
        self.own = own
        self.new_headings = 0
        self.clauses: list[Clause] = []
        self.items: list[Item] = []
        self.parts: dict[str, Clause] = {}
        self.counts = [0, 0]
        self.cur_old = self.cur_new = self.new_clause(seq=-1)

    def new_clause(self, **kw: object) -> Clause:
        """A clause added to the list (index = its position)."""
        clause = Clause(len(self.clauses), **kw)  # type: ignore[arg-type]
        self.clauses.append(clause)
        return clause

    def add(self, seq: int, change: Change) -> None:
        """Place one event in its clause; a top-level heading opens a clause."""
        if change.part != "body":
            clause = self.parts.get(change.part)
            if clause is None:
                clause = self.parts[change.part] = self.new_clause(
                    part=change.part, seq=10**9 + seq
                )
            self.items.append(Item(seq, change, clause, clause))
            return
        if change.info.heading_level != self.top:
            old = self.cur_old if change.kind in OLD_SIDE else None
            new = self.cur_new if change.kind in NEW_SIDE else None
            self.items.append(Item(seq, change, old, new))
            return
        kind, info = change.kind, change.info
        in_old, in_new = kind in OLD_SIDE, kind in NEW_SIDE
        old_text = change.before if kind not in UNCHANGED and change.before else info.text
        new_text = change.after if kind not in UNCHANGED and change.after else info.text
        old_hand, old_heading = split_number(old_text) if in_old else ("", "")
        new_hand, new_heading = split_number(new_text) if in_new else ("", "")
        positions: list[int | None] = [None, None]
        for side, present in enumerate((in_old, in_new)):
            if present and info.numbered:
                self.counts[side] += 1
                positions[side] = self.counts[side]
        new_number, gone = new_hand or self.style.display(positions[1]), ""
        if in_new and self.own is not None:
            gone, new_number = self.own.get(self.new_headings, (gone, new_number))
            self.new_headings += 1
        clause = self.new_clause(
            heading=new_heading,
            old_heading=old_heading,
            anchor=info.anchor,
            old_number=old_hand or self.style.display(positions[0]),
            new_number=new_number,
            gone=gone,
            in_old=in_old,
            in_new=in_new,
            seq=seq,
            old_seq=seq if in_old else -1,
            old_after=self.cur_old if in_old else None,
            new_after=self.cur_new if in_new else None,
        )
        if in_old:
            self.cur_old = clause
        if in_new:
            self.cur_new = clause
        self.items.append(Item(seq, change, clause if in_old else None, clause, heading=True))

    def pair_moves(self) -> dict[int, Item]:
        """Pair each moved_to with its moved_from; merge moved clauses. Returns to-seq → from."""
        pending: dict[tuple[bool, str], deque[Item]] = defaultdict(deque)
        for item in self.items:
            if item.change.kind == "moved_from":
                pending[self._move_key(item)].append(item)
        pairs: dict[int, Item] = {}
        for item in self.items:
            if item.change.kind != "moved_to":
                continue
            queue = pending.get(self._move_key(item))
            if not queue:
                continue
            source = queue.popleft()
            pairs[item.seq] = source
            if item.heading and source.old is not None and item.new is not None:
                self._merge(source.old, item.new)
        return pairs

    def _move_key(self, item: Item) -> tuple[bool, str]:
        change = item.change
        if item.heading and change.info.anchor:
            return True, change.info.anchor
        text = change.before if change.kind == "moved_from" else (change.before or change.after)
        if item.heading:
            text = split_number(text or change.info.text)[1]
        return item.heading, norm(text)

    def _merge(self, source: Clause, target: Clause) -> None:
        """A clause moved whole: one clause with its old and new place."""
        target.old_number, target.old_heading = source.old_number, source.old_heading
        target.old_seq, target.old_after = source.old_seq, source.old_after
        target.in_old = target.moved = True
        source.in_new = False
        self.clauses[source.index] = target  # events of the old place now resolve to it

    def resolve(self, clause: Clause | None) -> Clause | None:
        """The clause as merged after moves were paired."""
        return None if clause is None else self.clauses[clause.index]


def top_level(changes: list[Change]) -> int:
    """The heading level of the clauses: the highest level used at least twice in the body (a
    single heading above them is the document's title), else the highest level used at all."""
    levels = [c.info.heading_level for c in changes if c.part == "body" and c.info.heading_level]
    for level in sorted(set(levels)):
        if levels.count(level) >= 2:
            return level
    return min(levels, default=1)
