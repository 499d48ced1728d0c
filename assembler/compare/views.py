"""What the overview reads from each version: the audit's view and where each clause stands.

The audit (assembler/audit) reads a version the way `aftale tjek` does: which agreement it is,
which topics it covers (our bookmarks, else headings, else wording) and the rule findings. The
overview links its clauses to that reading by their heading text, in document order. Only
versions the audit can say something about are read this way (assembler/compare/scope.py).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from pathlib import Path
from typing import TYPE_CHECKING

from assembler.compare.clauses import Clause, norm
from assembler.compare.numbers import split_number
from assembler.errors import AftaleError
from assembler.ooxml.package import Package, read_package

if TYPE_CHECKING:
    from assembler.audit.document import DocxDraft
    from assembler.library.model import Library
    from assembler.rules.model import Finding

DOCUMENT = "word/document.xml"
HOW_RANK = {"bogmærke": 0, "overskrift": 1, "tekst": 2}
# `aftale tjek` on a long document costs seconds; past this many paragraphs (≈ 150 pages) the
# overview does without its findings and says so in a note.
MAX_AUDIT_PARAGRAPHS = 2000
_PARAGRAPH = re.compile(rb"<(?:[\w.-]+:)?p[\s>/]")  # a paragraph's start tag, any prefix
NUMBER_ROOM = 12  # characters a hand-typed number adds before a heading ('§ 14a. ')


class VersionView:
    """One version as the audit reads it; findings is None when `aftale tjek` was not run."""

    __slots__ = ("agreement", "draft", "findings", "titles")

    def __init__(
        self,
        draft: DocxDraft,
        agreement: str,
        titles: set[str] | None = None,  # the library's topic titles, normalised
        findings: list[Finding] | None = None,
    ) -> None:
        self.draft = draft
        self.agreement = agreement
        self.titles: set[str] = set() if titles is None else titles
        self.findings = findings


def read_view(
    library: Library,
    path: Path,
    run_rules: bool,
    agreement: str = "",
    package: Package | None = None,
) -> tuple[VersionView | None, str]:
    """The audit's reading of a version (with its rule findings when asked and not too long),
    or None and the reason in Danish when the version cannot be read as an agreement. The kind
    of agreement is decided from the text unless given (the other version of the round's);
    `package` is the file already read."""
    from assembler.audit import document, review
    from assembler.audit.topics import decide_agreement

    try:
        package = package or read_package(path, "docx")
        findings = None
        if run_rules and _paragraph_count(package) <= MAX_AUDIT_PARAGRAPHS:
            result, draft = review.audit(library, path, package=package, changes=False)
            agreement, findings = result.agreement, result.findings
        else:
            draft = document.read_draft(path, package)
            agreement = agreement or decide_agreement(draft)
    except AftaleError as exc:
        return None, str(exc)
    titles = {norm(t.title) for t in library.for_agreement(agreement)}
    return VersionView(draft, agreement, titles, findings), ""


def _paragraph_count(package: Package) -> int:
    """How many paragraphs the body holds, counted in the XML without parsing it."""
    return len(_PARAGRAPH.findall(package.parts.get(DOCUMENT, b"")))


def locate(view: VersionView, clauses: list[Clause], old: bool) -> dict[int, tuple[int, int]]:
    """Clause index → (heading paragraph, end) in the version's paragraphs, matched in order."""
    side = [c for c in clauses if (c.in_old if old else c.in_new) and c.part == "body"]
    side.sort(key=lambda c: c.old_seq if old else c.seq)
    paragraphs = view.draft.paragraphs
    longest = max((len(c.old_heading if old else c.heading) for c in side), default=0)
    where: dict[str, list[int]] = {}
    for k, para in enumerate(paragraphs):
        if para.text and len(para.text) <= longest + NUMBER_ROOM:  # body text is never a heading
            where.setdefault(norm(split_number(para.text)[1]), []).append(k)
    starts: dict[int, int] = {}
    pos = 0
    for clause in side:
        hits = where.get(norm(clause.old_heading if old else clause.heading), [])
        k = bisect_left(hits, pos)
        if k < len(hits):
            starts[clause.index] = hits[k]
            pos = hits[k] + 1
    bounds = sorted(starts.values())
    # paragraph texts are whitespace-normalised as read (audit.document.paragraph_text) and case
    # folding never shortens a text: one longer than every title is not a title
    title_room = max(map(len, view.titles), default=0)
    out: dict[int, tuple[int, int]] = {}
    for index, start in starts.items():
        following = bisect_right(bounds, start)
        end = bounds[following] if following < len(bounds) else len(paragraphs)
        for k in range(start + 1, end):
            para = paragraphs[k]
            title = len(para.text) <= title_room and norm(para.text) in view.titles
            if para.heading is not None or title:
                end = k  # a sub-heading or the signature block ends what we can vouch for
                break
        out[index] = (start, end)
    return out


def clause_text(view: VersionView, bounds: tuple[int, int]) -> str:
    """The body text of a located clause, one paragraph a line."""
    start, end = bounds
    return "\n".join(p.text for p in view.draft.paragraphs[start + 1 : end] if p.text)


def clause_topics(view: VersionView, library: Library, bounds: tuple[int, int]) -> list[str]:
    """The topics the audit's topic finder sees in one located clause, the surest first.

    The finder runs on the clause alone (its heading, then its wording), so the cost follows
    the changed clauses, not the length of the document, and wording elsewhere cannot leak in.
    """
    from assembler.audit.document import DocxDraft
    from assembler.audit.topics import find_topics

    start, end = bounds
    paragraphs = view.draft.paragraphs[start:end]
    inside = {id(p.element) for p in paragraphs}
    part = DocxDraft(
        view.draft.path,
        view.draft.package,
        view.draft.root,
        paragraphs,
        [],
        [a for a in view.draft.anchors if id(a[2]) in inside],
        None,
    )
    found = find_topics(part, library, view.agreement)
    ranks = {topic: HOW_RANK.get(f.how, 9) for topic, f in found.items()}
    best = min(ranks.values(), default=0)
    return [topic for topic, rank in ranks.items() if rank == best]  # in document order
