"""Plain data produced by a comparison: clause changes, rounds and their outputs."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

STATUS_DA = {
    "changed": "ændret",
    "inserted": "tilføjet",
    "deleted": "slettet",
    "moved": "flyttet",
}


@dataclass(frozen=True)
class ClauseChange:
    """What happened to one clause in one round."""

    number: str
    heading: str
    topic: str
    status: str  # a key of STATUS_DA
    before: str
    after: str
    paragraphs: int

    @property
    def status_da(self) -> str:
        """The status in Danish."""
        return STATUS_DA[self.status]


@dataclass(frozen=True)
class Version:
    """One input document with the author and date its round is attributed to."""

    path: Path
    author: str
    date: str


@dataclass
class Round:
    """One comparison: older → newer, its redline bytes and clause changes."""

    label: str
    old: Version
    new: Version
    data: bytes
    clauses: list[ClauseChange]
    counts: dict[str, int]
    notes: list[str] = field(default_factory=list)
    output: Path | None = None
    deviations: list[str] = field(default_factory=list)  # the self-check's findings, in Danish

    @property
    def revisions(self) -> int:
        """Number of new tracked changes (ins, del, moves and property changes)."""
        keys = ("ins", "del", "moveFrom", "moveTo", "rPrChange", "pPrChange")
        return sum(self.counts.get(k, 0) for k in keys)
