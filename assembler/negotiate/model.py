"""The counter-proposal as data: edits to the draft's text and the amendments they make up."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class NewParagraph:
    """A paragraph we insert: its text, its role and a key the citations know it by.

    role: "heading", "body" (the first paragraph of a clause), "stk" (a later paragraph of a
    clause: it copies the draft's numbered "Stk." paragraphs where it has them) or "bullet".
    """

    text: str
    role: str = "body"
    key: int = 0  # a negative number for citing it in the accepted document (0: not cited)


@dataclass(frozen=True)
class Edit:
    """One change of the draft's text.

    kinds: "span" replaces Para.text[start:end] of paragraph `para` with `text`; "restore"
    rewrites the paragraph to `text` word by word; "delete" removes the paragraph; "insert" puts
    `paragraphs` after paragraph `para` (-1: before the first paragraph); "move" moves paragraphs
    `para` to `end` (inclusive) before paragraph `to`.
    """

    kind: str
    para: int
    start: int = 0
    end: int = 0
    text: str = ""
    paragraphs: tuple[NewParagraph, ...] = ()
    to: int = -1


@dataclass
class Amendment:
    """One answer to the draft: what we propose and why (for the other side), and our own notes.

    `proposal` and `reason` go into the Word comment that management reads: our position and its
    grounds in the framework agreement, the agreement's own clauses or the law. `notes` (the
    assessment, the rules that fired) and `sources` are for our side only: the terminal report
    and the internal notes file.
    """

    topic: str
    title: str
    proposal: str  # Danish, to the other side: "Vi fastholder kernetiden kl. 9.00–14.30."
    reason: str  # Danish, to the other side: why, in one or two sentences
    notes: list[str] = field(default_factory=list)  # Danish, internal
    sources: str = ""  # readable source list, internal
    edits: list[Edit] = field(default_factory=list)

    @property
    def paragraphs(self) -> set[int]:
        """The draft paragraphs this amendment changes or deletes."""
        return {e.para for e in self.edits if e.kind in ("span", "restore", "delete")}

    def comment(self) -> str:
        """The Word comment that goes with the amendment (outward-facing only)."""
        return f"{self.proposal} {self.reason}".strip()

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
