"""What the overview reads from each version: the audit's view and where each clause stands.

The audit (assembler/audit) reads a version the way `aftale tjek` does: which agreement it is,
which topics it covers (our bookmarks, else headings, else wording) and the rule findings. The
overview links its clauses to that reading by their heading text, in document order. The audit
and the clause library are only loaded for versions they can say something about (see
`concerns_home_work`): other documents get the overview's rows without topics or assessment.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from lxml import etree

from assembler.compare.clauses import Clause, norm
from assembler.compare.numbers import NumberStyle, number_style, split_number
from assembler.errors import AftaleError
from assembler.ooxml.ns import qn
from assembler.ooxml.package import Package, read_package

if TYPE_CHECKING:
    from assembler.audit.document import DocxDraft
    from assembler.audit.numbering import Numbering
    from assembler.library.model import Library
    from assembler.rules.model import Finding

DOCUMENT = "word/document.xml"
HOW_RANK = {"bogmærke": 0, "overskrift": 1, "tekst": 2}
# `aftale tjek` on a long document costs seconds; past this many paragraphs (≈ 150 pages) the
# overview does without its findings and says so in a note.
MAX_AUDIT_PARAGRAPHS = 2000
_PARAGRAPH = re.compile(rb"<(?:[\w.-]+:)?p[\s>/]")  # a paragraph's start tag, any prefix
NUMBER_ROOM = 12  # characters a hand-typed number adds before a heading ('§ 14a. ')
# Our clause anchors, and the words for home work (the state's framework says "distancearbejde",
# the municipal and regional ones "tele- og hjemmearbejde"), as they appear in lower-cased XML.
ANCHOR = b"_Aft_"
HOME_WORK = (b"hjemmearbejd", b"distancearbejd", b"telearbejd")
TEXT_PARTS = re.compile(r"word/(?:document|header\d*|footer\d*|footnotes|endnotes)\.xml")
_TAG = re.compile(rb"<[^>]*>")


def concerns_home_work(package: Package) -> bool:
    """Whether the clause library and the home-work rules can say anything about a version: it
    carries one of our clause anchors or mentions home work somewhere in its text.

    Decided on the raw XML, before anything is parsed: a word Word split over several runs
    (spell-check marks, revision ids) is found in the text with the tags taken out.
    """
    texts = [data for name, data in package.parts.items() if TEXT_PARTS.fullmatch(name)]
    if any(ANCHOR in data for data in texts):
        return True
    lowered = [data.lower() for data in texts]
    if any(word in data for data in lowered for word in HOME_WORK):
        return True
    return any(word in _TAG.sub(b"", data) for data in lowered for word in HOME_WORK)


@dataclass
class VersionView:
    """One version as the audit reads it; findings is None when `aftale tjek` was not run."""

    draft: DocxDraft
    agreement: str
    titles: set[str] = field(default_factory=set)  # the library's topic titles, normalised
    findings: list[Finding] | None = None


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


Paragraphs = Iterable[tuple[str, etree._Element]]  # (text, w:p) in document order


def heading_style(
    package: Package, paragraphs: Paragraphs, headings: list[str], numbering: Numbering | None
) -> NumberStyle:
    """How Word numbers the clause headings: from the first of them found in the version."""
    if not headings:
        return NumberStyle()
    wanted = {norm(h) for h in headings}
    for text, element in paragraphs:
        if text and norm(text) in wanted:
            return number_style(package, element, numbering)
    return NumberStyle()


def view_paragraphs(view: VersionView) -> Paragraphs:
    """A read version's paragraphs for heading_style."""
    return ((para.text, para.element) for para in view.draft.paragraphs)


def body_paragraphs(package: Package) -> Paragraphs:
    """The body's paragraphs of a version the audit does not read, parsed on demand."""
    from assembler.audit.document import paragraph_text

    root = package.xml(DOCUMENT)
    body = root.find(qn("w:body"))
    for p in (body if body is not None else root).iter(qn("w:p")):
        yield paragraph_text(p), p


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
    out: dict[int, tuple[int, int]] = {}
    for index, start in starts.items():
        following = bisect_right(bounds, start)
        end = bounds[following] if following < len(bounds) else len(paragraphs)
        for k in range(start + 1, end):
            para = paragraphs[k]
            if para.heading is not None or norm(para.text) in view.titles:
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
