"""Turn the engine's paragraph events into the overview's rows, grouped clause by clause.

Every inserted, deleted, moved or changed paragraph becomes a row under the clause it belongs
to. A clause moved whole is one row ('flyttet fra § 14 til § 4'); hand-typed numbers that only
shifted become a single 'omnummereret' row per round instead of one row per clause.
"""

from __future__ import annotations

from assembler.compare.clauses import (
    INTRO,
    PARTS_AFTER,
    UNCHANGED,
    Clause,
    ClauseBuilder,
    Item,
    norm,
    top_level,
)
from assembler.compare.excerpt import excerpts, shorten
from assembler.compare.model import Change, ChangeRow, Record
from assembler.compare.numbers import (
    NumberStyle,
    only_number_differs,
    plain,
    ranges,
    split_number,
    spoken,
)


def topic_of(anchor: str) -> str:
    """The topic part of an anchor `_Aft_<topic>__<variant>` (or `_Aft_<topic>_<variant>`)."""
    if not anchor:
        return ""
    body = anchor.removeprefix("_Aft_")
    if "__" in body:
        return body.partition("__")[0]
    return body.rsplit("_", 1)[0] if "_" in body else body


def _after(clause: Clause | None, old: bool) -> str:
    """Where an unnumbered clause stands: after which clause, or first."""
    if clause is None or clause.index == 0:
        return "først i aftalen"
    return f"efter '{(clause.old_heading or clause.title) if old else clause.title}'"


def _where(number: str, heading: str) -> str:
    """A clause named in a sentence: '§ 14', else its heading in quotes."""
    return spoken(number) if number else f"'{heading}'"


class Summary(Record):
    """The clauses seen and the overview rows of one round."""

    _fields = ("clauses", "rows")
    __slots__ = _fields

    def __init__(self, clauses: list[Clause], rows: list[ChangeRow]) -> None:
        self.clauses = clauses
        self.rows = rows


def summarise(
    changes: list[Change],
    style: NumberStyle | None = None,
    own: dict[int, tuple[str, str]] | None = None,
) -> Summary:
    """The overview rows of one round, in document order, and the clauses they belong to;
    `own` says which newer-side headings the newer version's own tracked changes remove, and
    the numbers of its headings once they are accepted (overview_prior.gone_headings)."""
    builder = ClauseBuilder(style or NumberStyle(), top_level(changes), own)
    for seq, change in enumerate(changes):
        builder.add(seq, change)
    pairs = builder.pair_moves()
    if own is not None:
        _number_gone(builder.clauses)
    moved_sources = {id(source) for source in pairs.values()}
    rows: list[tuple[int, int, ChangeRow]] = []
    renumbered: list[tuple[Item, Clause]] = []
    for item in builder.items:
        if item.change.kind in UNCHANGED or id(item) in moved_sources:
            continue
        clause = builder.resolve(item.new) or builder.resolve(item.old)
        assert clause is not None
        if item.change.kind == "changed" and only_number_differs(
            item.change.before, item.change.after
        ):
            renumbered.append((item, clause))
            continue
        source = pairs.get(item.seq)
        origin = builder.resolve(source.old) if source else None
        row = _row(item, clause, origin, source is not None, own is not None)
        if row is not None:
            rows.append((clause.seq, item.seq, row))
    if renumbered:
        rows.append(_renumbered(renumbered, builder))
    rows.sort(key=lambda r: (r[0], r[1]))
    clauses = list(dict.fromkeys(builder.clauses))
    return Summary(clauses, [row for _, _, row in rows])


def _number_gone(clauses: list[Clause]) -> None:
    """A clause the newer version's own changes remove gets the number the same clause (same
    anchor, else same heading) has once they are accepted, or none: never one it does not have."""
    kept = [c for c in dict.fromkeys(clauses) if c.in_new and not c.gone and c.part == "body"]
    for clause in dict.fromkeys(clauses):
        if not clause.gone or not clause.in_new:
            continue
        same = [c for c in kept if clause.anchor and c.anchor == clause.anchor] or [
            c for c in kept if norm(c.heading) == norm(clause.heading)
        ]
        clause.new_number = same[0].new_number if len(same) == 1 else ""


def _gone_said(clause: Clause) -> str:
    """What the newer version's own tracked changes do to a clause our changes put in place."""
    if clause.gone == "moved" and clause.new_number:
        where = spoken(clause.new_number)
        return f"; den nyeste version flytter selv punktet til {where} med sine sporede ændringer"
    if clause.gone == "moved":
        return "; den nyeste version flytter selv punktet med sine sporede ændringer"
    return "; den nyeste version sletter selv punktet igen med sine sporede ændringer"


AGAIN = "når den nyeste versions egne sporede ændringer accepteres"


def _again(old: str, new: str, own: bool) -> bool:
    """Whether a move ends at the number it started from once the newer version's own tracked
    changes are accepted (they move it back): 'fra § 4 til § 4' would say nothing."""
    return own and bool(old) and plain(old) == plain(new)


def _row(
    item: Item, clause: Clause, origin: Clause | None, paired: bool, own: bool = False
) -> ChangeRow | None:
    """The row for one event, or None when the event is part of a move shown elsewhere."""
    change = item.change
    kind = change.kind
    if kind == "moved_to" and not paired:
        kind = "inserted"  # a move whose source the engine did not report
    elif kind == "moved_from":
        kind = "deleted"  # a move whose target the engine did not report
    if item.heading:
        return _heading_row(item, clause, kind, own)
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
    elif clause.gone:  # the clause's own row says where the newer version itself puts it
        old_place = _where(origin.old_number, origin.old_heading or INTRO)
        label = f"afsnit flyttet fra {old_place} med punktet"
    elif _again(origin.old_number, clause.new_number, own):
        label = f"afsnit flyttet; står igen i {spoken(clause.new_number)}, {AGAIN}"
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


def _heading_row(item: Item, clause: Clause, kind: str, own: bool = False) -> ChangeRow | None:
    """A row for a clause heading: reworded, added, removed or moved."""
    part = item.change.part
    gone = _gone_said(clause) if clause.gone else ""
    if kind == "inserted":
        label = f"punkt tilføjet{gone}"
        return _make(clause, "clause_inserted", label, "", clause.heading, part)
    if kind == "deleted":
        return _make(clause, "clause_deleted", "punkt slettet", clause.old_heading, "", part)
    reworded = norm(clause.old_heading) != norm(clause.heading)
    if kind == "moved_to":
        if clause.gone:
            label = f"flyttet fra {_where(clause.old_number, clause.old_heading)}{gone}"
        elif _again(clause.old_number, clause.new_number, own):
            label = f"flyttet; står igen som {spoken(clause.new_number)}, {AGAIN}"
        elif clause.old_number and clause.new_number:
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
    """A row with excerpts: centred on the change, or the whole paragraph when added/removed.
    When only formatting or spacing changed, the text is shown once (never twice the same)."""
    if before and after and before.split() != after.split():
        short_before, short_after = excerpts(before, after)
    elif before.split() == after.split():
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


RENUMBERED_LAST = PARTS_AFTER - 1  # several shifted numbers: one row after the clauses


def _renumbered(
    found: list[tuple[Item, Clause]], builder: ClauseBuilder
) -> tuple[int, int, ChangeRow]:
    """One row for every hand-typed number that only shifted (at the clause when just one)."""
    olds = [split_number(item.change.before)[0] for item, _ in found]
    news = [split_number(item.change.after)[0] for item, _ in found]
    first_item, clause = found[0]
    seq = clause.seq
    if len(found) > 1:
        clause = builder.new_clause(heading="Nummerering", seq=RENUMBERED_LAST)
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
