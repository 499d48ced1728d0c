"""Turn the engine's paragraph events into the overview's rows, grouped clause by clause.

Every inserted, deleted, moved or changed paragraph becomes a row under the clause it belongs
to. A clause moved whole is one row ('flyttet fra § 14 til § 4'); hand-typed numbers that only
shifted become a single 'omnummereret' row per round instead of one row per clause.
"""

from __future__ import annotations

from collections import defaultdict, deque
from dataclasses import dataclass, field

from assembler.compare.excerpt import excerpts, shorten
from assembler.compare.model import ChangeRow
from assembler.compare.numbers import (
    NumberStyle,
    only_number_differs,
    plain,
    ranges,
    split_number,
    spoken,
)
from assembler.compare.packages import Change

PART_DA = {
    "header": "Sidehoved",
    "footer": "Sidefod",
    "footnote": "Fodnoter",
    "endnote": "Slutnoter",
}
INTRO = "Indledning"
OLD_SIDE = ("equal", "changed", "deleted", "moved_from")
NEW_SIDE = ("equal", "changed", "inserted", "moved_to")


@dataclass(eq=False)
class Clause:
    """A top-level clause (heading and body) as found in one or both versions."""

    index: int
    heading: str = ""  # newer heading text without its hand-typed number
    old_heading: str = ""
    anchor: str = ""
    old_number: str = ""  # as displayed: '§ 14', '3.' or ''
    new_number: str = ""
    in_old: bool = True
    in_new: bool = True
    moved: bool = False
    part: str = "body"
    seq: int = -1  # where its rows go in the overview (its place in the newer version)
    old_seq: int = -1  # its place in the older version
    old_after: Clause | None = None  # the clause before it in the older version
    new_after: Clause | None = None  # … in the newer version

    @property
    def title(self) -> str:
        """The heading to show: the newer one, else the older one."""
        return self.heading or self.old_heading or PART_DA.get(self.part, INTRO)

    @property
    def number(self) -> str:
        """The number to show: the newer one, else the older one (a deleted clause)."""
        return plain(self.new_number if self.in_new else self.old_number)


@dataclass
class _Item:
    """One engine event with the clauses it belongs to on each side."""

    seq: int
    change: Change
    old: Clause | None
    new: Clause | None
    heading: bool = False


@dataclass
class Summary:
    """The clauses seen and the overview rows of one round."""

    clauses: list[Clause]
    rows: list[ChangeRow]


def topic_of(anchor: str) -> str:
    """The topic part of an anchor `_Aft_<topic>__<variant>` (or `_Aft_<topic>_<variant>`)."""
    if not anchor:
        return ""
    body = anchor.removeprefix("_Aft_")
    if "__" in body:
        return body.partition("__")[0]
    return body.rsplit("_", 1)[0] if "_" in body else body


def _norm(text: str) -> str:
    return " ".join(text.split()).casefold()


def _after(clause: Clause | None, old: bool) -> str:
    """Where an unnumbered clause stands: after which clause, or first."""
    if clause is None or clause.index == 0:
        return "først i aftalen"
    return f"efter '{(clause.old_heading or clause.title) if old else clause.title}'"


def _where(number: str, heading: str) -> str:
    """A clause named in a sentence: '§ 14', else its heading in quotes."""
    return spoken(number) if number else f"'{heading}'"


@dataclass
class _Builder:
    """Walks the events once, then pairs moves and writes the rows."""

    style: NumberStyle
    top: int
    clauses: list[Clause] = field(default_factory=list)
    items: list[_Item] = field(default_factory=list)
    parts: dict[str, Clause] = field(default_factory=dict)
    counts: list[int] = field(default_factory=lambda: [0, 0])

    def __post_init__(self) -> None:
        self.cur_old = self.cur_new = self._clause(seq=-1)

    def _clause(self, **kw: object) -> Clause:
        clause = Clause(len(self.clauses), **kw)  # type: ignore[arg-type]
        self.clauses.append(clause)
        return clause

    def add(self, seq: int, change: Change) -> None:
        """Place one event in its clause; a top-level heading opens a clause."""
        if change.part != "body":
            clause = self.parts.get(change.part)
            if clause is None:
                clause = self.parts[change.part] = self._clause(part=change.part, seq=10**9 + seq)
            self.items.append(_Item(seq, change, clause, clause))
            return
        if change.info.heading_level != self.top:
            old = self.cur_old if change.kind in OLD_SIDE else None
            new = self.cur_new if change.kind in NEW_SIDE else None
            self.items.append(_Item(seq, change, old, new))
            return
        kind, info = change.kind, change.info
        in_old, in_new = kind in OLD_SIDE, kind in NEW_SIDE
        old_text = change.before if kind != "equal" and change.before else info.text
        new_text = change.after if kind != "equal" and change.after else info.text
        old_hand, old_heading = split_number(old_text) if in_old else ("", "")
        new_hand, new_heading = split_number(new_text) if in_new else ("", "")
        positions: list[int | None] = [None, None]
        for side, present in enumerate((in_old, in_new)):
            if present and info.numbered:
                self.counts[side] += 1
                positions[side] = self.counts[side]
        clause = self._clause(
            heading=new_heading,
            old_heading=old_heading,
            anchor=info.anchor,
            old_number=old_hand or self.style.display(positions[0]),
            new_number=new_hand or self.style.display(positions[1]),
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
        self.items.append(_Item(seq, change, clause if in_old else None, clause, heading=True))

    def pair_moves(self) -> dict[int, _Item]:
        """Pair each moved_to with its moved_from; merge moved clauses. Returns to-seq → from."""
        pending: dict[tuple[bool, str], deque[_Item]] = defaultdict(deque)
        for item in self.items:
            if item.change.kind == "moved_from":
                pending[self._move_key(item)].append(item)
        pairs: dict[int, _Item] = {}
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

    def _move_key(self, item: _Item) -> tuple[bool, str]:
        change = item.change
        if item.heading and change.info.anchor:
            return True, change.info.anchor
        text = change.before if change.kind == "moved_from" else (change.before or change.after)
        if item.heading:
            text = split_number(text or change.info.text)[1]
        return item.heading, _norm(text)

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


def summarise(changes: list[Change], style: NumberStyle | None = None) -> Summary:
    """The overview rows of one round, in document order, and the clauses they belong to."""
    levels = [c.info.heading_level for c in changes if c.part == "body" and c.info.heading_level]
    builder = _Builder(style or NumberStyle(), min(levels, default=1))
    for seq, change in enumerate(changes):
        builder.add(seq, change)
    pairs = builder.pair_moves()
    moved_sources = {id(source) for source in pairs.values()}
    rows: list[tuple[int, int, ChangeRow]] = []
    renumbered: list[tuple[_Item, Clause]] = []
    for item in builder.items:
        if item.change.kind == "equal" or id(item) in moved_sources:
            continue
        clause = builder.resolve(item.new) or builder.resolve(item.old)
        assert clause is not None
        if item.change.kind == "changed" and only_number_differs(
            item.change.before, item.change.after
        ):
            renumbered.append((item, clause))
            continue
        source = pairs.get(item.seq)
        row = _row(
            item, clause, builder.resolve(source.old) if source else None, source is not None
        )
        if row is not None:
            rows.append((clause.seq, item.seq, row))
    if renumbered:
        rows.append(_renumbered(renumbered, builder))
    rows.sort(key=lambda r: (r[0], r[1]))
    clauses = list(dict.fromkeys(builder.clauses))
    return Summary(clauses, [row for _, _, row in rows])


def _row(item: _Item, clause: Clause, origin: Clause | None, paired: bool) -> ChangeRow | None:
    """The row for one event, or None when the event is part of a move shown elsewhere."""
    change = item.change
    kind = change.kind
    if kind == "moved_to" and not paired:
        kind = "inserted"  # a move whose source the engine did not report
    elif kind == "moved_from":
        kind = "deleted"  # a move whose target the engine did not report
    if item.heading:
        return _heading_row(item, clause, kind)
    if kind != "moved_to":
        label, row_kind = _paragraph_label(kind, change.before, change.after)
        before = change.before if kind != "inserted" else ""
        return _make(clause, row_kind, label, before, change.after, change.part)
    before = change.before
    edited = bool(before) and before != change.after
    if origin is clause and clause.moved:
        if not edited:
            return None  # moved along with its clause: the clause's own row says so
        return _make(clause, "changed", "afsnit ændret", before, change.after, change.part)
    if origin is clause or origin is None:
        label = "afsnit flyttet inden for punktet"
    else:
        old_place = _where(origin.old_number, origin.old_heading or INTRO)
        label = f"afsnit flyttet fra {old_place} til {_where(clause.new_number, clause.title)}"
    label += " og ændret" if edited else ""
    return _make(clause, "moved", label, before if edited else "", change.after, change.part)


def _paragraph_label(kind: str, before: str, after: str) -> tuple[str, str]:
    """Danish label and row kind for a paragraph event."""
    if kind == "inserted":
        return "afsnit tilføjet", "inserted"
    if kind == "deleted":
        return "afsnit slettet", "deleted"
    if kind == "changed" and before == after:
        return "formatering ændret", "format"
    if kind == "changed" and before.split() == after.split():
        return "mellemrum ændret", "spacing"
    return "afsnit ændret", "changed"


def _heading_row(item: _Item, clause: Clause, kind: str) -> ChangeRow | None:
    """A row for a clause heading: reworded, added, removed or moved."""
    part = item.change.part
    if kind == "inserted":
        return _make(clause, "clause_inserted", "punkt tilføjet", "", clause.heading, part)
    if kind == "deleted":
        return _make(clause, "clause_deleted", "punkt slettet", clause.old_heading, "", part)
    reworded = _norm(clause.old_heading) != _norm(clause.heading)
    if kind == "moved_to":
        if clause.old_number and clause.new_number:
            label = f"flyttet fra {spoken(clause.old_number)} til {spoken(clause.new_number)}"
        else:
            stood, stands = _after(clause.old_after, True), _after(clause.new_after, False)
            label = f"flyttet: stod {stood}, står nu {stands}"
        label += "; overskriften er ændret" if reworded else ""
        before, after = (clause.old_heading, clause.heading) if reworded else ("", "")
        return _make(clause, "clause_moved", label, before, after, part)
    label = "overskrift ændret" if reworded else "overskriftens formatering ændret"
    return _make(clause, "heading", label, item.change.before, item.change.after, part)


def _make(clause: Clause, kind: str, label: str, before: str, after: str, part: str) -> ChangeRow:
    """A row with excerpts: centred on the change, or the whole paragraph when added/removed."""
    if before and after and kind not in ("format", "spacing"):
        short_before, short_after = excerpts(before, after)
    elif kind == "format":
        short_before, short_after = shorten(before), ""
    else:
        short_before, short_after = shorten(before), shorten(after)
    return ChangeRow(
        clause=clause.index,
        number=clause.number,
        heading=clause.title,
        kind=kind,
        label=label,
        before=before,
        after=after,
        excerpt_before=short_before,
        excerpt_after=short_after,
        part=part,
        topic=topic_of(clause.anchor),
    )


RENUMBERED_LAST = 10**9 - 1  # several shifted numbers: one row after the clauses


def _renumbered(found: list[tuple[_Item, Clause]], builder: _Builder) -> tuple[int, int, ChangeRow]:
    """One row for every hand-typed number that only shifted (at the clause when just one)."""
    olds = [split_number(item.change.before)[0] for item, _ in found]
    news = [split_number(item.change.after)[0] for item, _ in found]
    first_item, clause = found[0]
    seq = clause.seq
    if len(found) > 1:
        clause = builder._clause(heading="Nummerering", seq=RENUMBERED_LAST)
        seq = RENUMBERED_LAST
    row = ChangeRow(
        clause=clause.index,
        number=clause.number,
        heading=clause.title,
        kind="renumbered",
        label="omnummereret" if len(found) == 1 else f"omnummereret ({len(found)} numre)",
        before="\n".join(item.change.before for item, _ in found),
        after="\n".join(item.change.after for item, _ in found),
        excerpt_before=ranges(olds),
        excerpt_after=ranges(news),
        part=first_item.change.part,
    )
    return seq, first_item.seq, row
