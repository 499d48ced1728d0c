"""The counter-proposal as data: edits to the draft's text and the amendments they make up."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class NewParagraph:
    """A paragraph we insert: its text and its role (which of the draft's paragraphs it copies)."""

    text: str
    role: str = "body"  # "heading", "body" or "bullet"


@dataclass(frozen=True)
class Edit:
    """One change of the draft's text.

    kinds: "span" replaces Para.text[start:end] of paragraph `para` with `text`; "restore"
    rewrites the paragraph to `text` word by word; "delete" removes the paragraph; "insert" puts
    `paragraphs` after paragraph `para` (-1: before the first paragraph).
    """

    kind: str
    para: int
    start: int = 0
    end: int = 0
    text: str = ""
    paragraphs: tuple[NewParagraph, ...] = ()


@dataclass
class Amendment:
    """One answer to the draft: what we propose, why, on what authority, and the edits."""

    topic: str
    title: str
    proposal: str  # Danish: what we propose ("Vi foreslår at …")
    reason: str  # Danish: why, with whose favour
    sources: str  # readable source list
    edits: list[Edit] = field(default_factory=list)

    @property
    def paragraphs(self) -> set[int]:
        """The draft paragraphs this amendment changes or deletes."""
        return {e.para for e in self.edits if e.kind in ("span", "restore", "delete")}

    def comment(self) -> str:
        """The Word comment that goes with the amendment."""
        return f"{self.proposal}\nBegrundelse: {self.reason}\nKilde: {self.sources}"

    @property
    def first_paragraph(self) -> int:
        """The draft paragraph the amendment starts at (for ordering)."""
        return min(e.para for e in self.edits)


@dataclass(frozen=True)
class Unanswered:
    """A change or problem we did not answer in the text, and why (for the user, not the draft)."""

    topic: str
    title: str
    text: str
