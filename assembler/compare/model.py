"""Plain data produced by a comparison: the overview's rows, rounds and their outputs."""

from __future__ import annotations

from pathlib import Path

from assembler.records import Record

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


class ParaInfo(Record):
    """Heading facts about the paragraph an event belongs to."""

    _fields = ("heading_level", "numbered", "anchor", "text")
    __slots__ = _fields

    def __init__(self, heading_level: int, numbered: bool, anchor: str, text: str) -> None:
        self.heading_level = heading_level  # 0 when not a heading
        self.numbered = numbered
        self.anchor = anchor
        self.text = text


NO_INFO = ParaInfo(0, False, "", "")


class Change(Record):
    """One paragraph-level event with its heading facts (no XML)."""

    _fields = ("kind", "before", "after", "info", "part")
    __slots__ = _fields

    def __init__(self, kind: str, before: str, after: str, info: ParaInfo, part: str) -> None:
        self.kind = kind
        self.before = before
        self.after = after
        self.info = info
        self.part = part  # "body", "header", "footer", "footnote", "endnote"


class ChangeRow(Record):
    """One line of the change overview: one paragraph-level change, under its clause."""

    _fields = (
        "clause",
        "number",
        "heading",
        "kind",
        "label",
        "before",
        "after",
        "excerpt_before",
        "excerpt_after",
        "part",
        "topic",
        "topic_title",
        "assessment",
    )
    __slots__ = _fields

    def __init__(
        self,
        clause: int,
        number: str,
        heading: str,
        kind: str,
        label: str,
        before: str,
        after: str,
        excerpt_before: str,
        excerpt_after: str,
        part: str = "body",
        topic: str = "",
        topic_title: str = "",
        assessment: str = "",
    ) -> None:
        # the clause group's index in the round (rows of one clause are adjacent)
        self.clause = clause
        # the clause number as shown in the newer version ('§ 4'); older if deleted
        self.number = number
        self.heading = heading  # the clause heading
        self.kind = kind  # one of KINDS
        self.label = label  # in Danish: 'afsnit tilføjet', 'flyttet fra § 14 til § 4', …
        self.before = before  # the whole older text ('' when there is none)
        self.after = after  # the whole newer text
        self.excerpt_before = excerpt_before  # centred on the changed words, cut between words
        self.excerpt_after = excerpt_after
        self.part = part  # body, header, footer, footnote, endnote
        self.topic = topic  # the library's topic id, when known
        self.topic_title = topic_title  # the topic in Danish, e.g. 'Tilgængelighed'
        self.assessment = assessment  # whose favour, which variant, which rule: only when sure

    @property
    def clause_status(self) -> str:
        """The clause's status for the history sheet: 'ændret' unless the clause as a whole."""
        return CLAUSE_STATUS_DA.get(self.kind, "ændret")


class Version(Record):
    """One input document with the author and date its round is attributed to."""

    _fields = ("path", "author", "date")
    __slots__ = _fields

    def __init__(self, path: Path, author: str, date: str) -> None:
        self.path = path
        self.author = author
        self.date = date  # w:date form, 2027-03-02T09:00:00Z


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
        "prior_new",
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
        prior_new: int = 0,
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
        # tracked changes the newer version already carried (kept in the redline as they were)
        self.prior_new = prior_new

    @property
    def revisions(self) -> int:
        """Number of new tracked changes (ins, del, moves and property changes)."""
        keys = ("ins", "del", "moveFrom", "moveTo", "rPrChange", "pPrChange")
        return sum(self.counts.get(k, 0) for k in keys)
