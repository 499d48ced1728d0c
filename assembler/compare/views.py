"""What the overview reads from each version: the audit's view and where each clause stands.

The audit (assembler/audit) reads a version the way `aftale tjek` does: which agreement it is,
which topics it covers (our bookmarks, else headings, else wording) and the rule findings. The
overview links its clauses to that reading by their heading text, in document order.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from assembler.audit.document import DocxDraft
from assembler.audit.review import audit
from assembler.audit.topics import Found
from assembler.compare.numbers import NumberStyle, number_style, split_number
from assembler.compare.summary import Clause
from assembler.errors import AftaleError
from assembler.library.model import Library
from assembler.rules.model import Finding

HOW_RANK = {"bogmærke": 0, "overskrift": 1, "tekst": 2}


def _norm(text: str) -> str:
    return " ".join(text.split()).casefold()


@dataclass
class VersionView:
    """One version as the audit read it."""

    draft: DocxDraft
    agreement: str
    found: dict[str, Found]
    findings: list[Finding]
    titles: set[str] = field(default_factory=set)  # the library's topic titles, normalised


def read_view(library: Library, path: Path) -> tuple[VersionView | None, str]:
    """The audit's view of a version, or None and the reason (in Danish) when it cannot read it."""
    try:
        result, draft = audit(library, path)
    except AftaleError as exc:
        return None, str(exc)
    titles = {_norm(t.title) for t in library.for_agreement(result.agreement)}
    return VersionView(draft, result.agreement, result.found, result.findings, titles), ""


def heading_style(view: VersionView | None, headings: list[str]) -> NumberStyle:
    """How Word numbers the clause headings: from the first of them found in the version."""
    if view is None or not headings:
        return NumberStyle()
    wanted = {_norm(h) for h in headings}
    for para in view.draft.paragraphs:
        if para.text and _norm(para.text) in wanted:
            return number_style(view.draft.package, para.element)
    return NumberStyle()


def locate(view: VersionView, clauses: list[Clause], old: bool) -> dict[int, tuple[int, int]]:
    """Clause index → (heading paragraph, end) in the version's paragraphs, matched in order."""
    side = [c for c in clauses if (c.in_old if old else c.in_new) and c.part == "body"]
    side.sort(key=lambda c: c.old_seq if old else c.seq)
    paragraphs = view.draft.paragraphs
    starts: dict[int, int] = {}
    pos = 0
    for clause in side:
        heading = _norm(clause.old_heading if old else clause.heading)
        if not heading:
            continue
        for k in range(pos, len(paragraphs)):
            if _norm(split_number(paragraphs[k].text)[1]) == heading:
                starts[clause.index] = k
                pos = k + 1
                break
    bounds = sorted(starts.values())
    out: dict[int, tuple[int, int]] = {}
    for index, start in starts.items():
        end = next((b for b in bounds if b > start), len(paragraphs))
        for k in range(start + 1, end):
            para = paragraphs[k]
            if para.heading is not None or _norm(para.text) in view.titles:
                end = k  # a sub-heading or the signature block ends what we can vouch for
                break
        out[index] = (start, end)
    return out


def clause_text(view: VersionView, bounds: tuple[int, int]) -> str:
    """The body text of a located clause, one paragraph a line."""
    start, end = bounds
    return "\n".join(p.text for p in view.draft.paragraphs[start + 1 : end] if p.text)


def clause_topics(view: VersionView, located: dict[int, tuple[int, int]]) -> dict[int, list[str]]:
    """Clause index → the topics the audit found in it, the surest first (bookmark, heading)."""
    ranked: dict[int, list[tuple[int, str]]] = {}
    for topic, found in view.found.items():
        if found.para is None:
            continue
        for index, (start, end) in located.items():
            if start <= found.para.index < end:
                ranked.setdefault(index, []).append((HOW_RANK.get(found.how, 9), topic))
    out: dict[int, list[str]] = {}
    for index, hits in ranked.items():
        best = min(rank for rank, _ in hits)
        out[index] = [topic for rank, topic in hits if rank == best]
    return out
