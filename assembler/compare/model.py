"""Plain data produced by a comparison: the overview's rows, rounds and their outputs."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

if TYPE_CHECKING:
    from assembler.compare.packages import Change

# Row kinds; the Danish wording of each row is its `label` (moves name the clause numbers).
KINDS = (
    "changed",  # a paragraph's text changed
    "inserted",  # a paragraph added
    "deleted",  # a paragraph removed
    "moved",  # a paragraph moved to another place (possibly edited on the way)
    "format",  # same text, new formatting
    "spacing",  # only whitespace changed
    "heading",  # a clause heading reworded
    "clause_inserted",
    "clause_deleted",
    "clause_moved",
    "renumbered",  # hand-typed clause numbers changed, collapsed into one row per round
)
# What a clause went through, for the history sheet (one word per clause and round).
CLAUSE_STATUS_DA = {
    "clause_inserted": "tilføjet",
    "clause_deleted": "slettet",
    "clause_moved": "flyttet",
    "renumbered": "omnummereret",
}


# The records of a comparison are NamedTuples and plain classes rather than dataclasses: a plain
# pair's `sammenlign` then never imports dataclasses nor runs the code each dataclass generates
# at import, 7% of the whole command's instructions on a 20-page pair (issue 14).
class ChangeRow(NamedTuple):
    """One line of the change overview: one paragraph-level change, under its clause."""

    clause: int  # the clause group's index in the round (rows of one clause are adjacent)
    number: str  # the clause number as shown in the newer version ('§ 4'); older if deleted
    heading: str  # the clause heading
    kind: str  # one of KINDS
    label: str  # in Danish: 'afsnit tilføjet', 'flyttet fra § 14 til § 4', …
    before: str  # the whole older text ('' when there is none)
    after: str  # the whole newer text
    excerpt_before: str  # centred on the changed words, cut between words
    excerpt_after: str
    part: str = "body"  # body, header, footer, footnote, endnote
    topic: str = ""  # the library's topic id, when known
    topic_title: str = ""  # the topic in Danish, e.g. 'Tilgængelighed'
    assessment: str = ""  # whose favour, which variant, which rule: only when sure

    @property
    def clause_status(self) -> str:
        """The clause's status for the history sheet: 'ændret' unless the clause as a whole."""
        return CLAUSE_STATUS_DA.get(self.kind, "ændret")


class Version(NamedTuple):
    """One input document with the author and date its round is attributed to."""

    path: Path
    author: str
    date: str  # w:date form, 2027-03-02T09:00:00Z


class Round:
    """One comparison: older → newer, its redline bytes, the engine's changes and the rows."""

    __slots__ = (
        "changes",
        "counts",
        "data",
        "deviations",
        "label",
        "new",
        "notes",
        "old",
        "output",
        "rows",
    )

    def __init__(
        self,
        label: str,
        old: Version,
        new: Version,
        data: bytes,
        changes: list[Change],
        counts: dict[str, int],
        notes: list[str] | None = None,
        output: Path | None = None,
        rows: list[ChangeRow] | None = None,
        deviations: list[str] | None = None,
    ) -> None:
        self.label = label
        self.old = old
        self.new = new
        self.data = data
        self.changes = changes
        self.counts = counts
        self.notes: list[str] = [] if notes is None else notes
        self.output = output
        self.rows: list[ChangeRow] = [] if rows is None else rows
        # the self-check's findings, in Danish
        self.deviations: list[str] = [] if deviations is None else deviations

    @property
    def revisions(self) -> int:
        """Number of new tracked changes (ins, del, moves and property changes)."""
        keys = ("ins", "del", "moveFrom", "moveTo", "rPrChange", "pPrChange")
        return sum(self.counts.get(k, 0) for k in keys)
