"""The overview's rows with topics in Danish and the assessment column.

For versions the clause library and the audit can say something about (scope.py decides): each
version is read the way `aftale tjek` reads it (views.py), the clauses of the overview are located
in both versions, named by the library's topic titles and assessed by the library, by `tjek`'s
findings on the newer version and by any assessors the caller plugs in.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

from assembler.compare import views
from assembler.compare.assess import (
    Assessor,
    ChangeFacts,
    FindingsAssessor,
    LibraryAssessor,
    TermsAssessor,
)
from assembler.compare.model import ChangeRow, Round
from assembler.compare.numbers import NumberStyle
from assembler.compare.overview_prior import gone_headings
from assembler.compare.scope import heading_style, numbered_headings
from assembler.compare.summary import Summary, summarise
from assembler.compare.views import (
    VersionView,
    clause_text,
    clause_topics,
    locate,
    read_view,
)
from assembler.library.loader import load_library
from assembler.library.model import Library
from assembler.library.values import format_number
from assembler.ooxml.package import Package

Readings = dict[Path, tuple[VersionView | None, str]]


def describe_assessed(
    rounds: list[Round],
    assessors: Sequence[Assessor],
    library: Library | None,
    packages: dict[Path, Package],
) -> None:
    """Fill each round's rows with the library's topics and the assessment column."""
    library = library or load_library()
    pairs = [(r.old.path, r.new.path) for r in rounds]
    assess_rounds(rounds, read_versions(library, pairs, packages), library, assessors)


def read_versions(
    library: Library, pairs: list[tuple[Path, Path]], packages: Mapping[Path, Package]
) -> Readings:
    """The audit's reading of every version of the rounds (older, newer), with the rule findings
    on each newer one; the reason in Danish for one that cannot be read."""
    newer = {new for _, new in pairs}
    readings: Readings = {}
    agreement = ""  # every version of a negotiation is the same kind of agreement
    for path in dict.fromkeys(p for old, new in pairs for p in (new, old)):
        view, problem = read_view(library, path, path in newer, agreement, packages.get(path))
        readings[path] = (view, problem)
        agreement = agreement or (view.agreement if view is not None else "")
    return readings


def assess_rounds(
    rounds: list[Round], readings: Readings, library: Library, assessors: Sequence[Assessor]
) -> None:
    """Each round's rows from the versions' readings, and its notes on what could not be read."""
    library_assessor, terms_assessor = LibraryAssessor(library), TermsAssessor(library)
    for rnd in rounds:
        old, old_problem = readings[rnd.old.path]
        new, new_problem = readings[rnd.new.path]
        _note_problems(rnd, old_problem, new_problem, new)
        style = NumberStyle()
        if reader := new or old:
            headings = numbered_headings(rnd.changes)
            draft = reader.draft
            paragraphs = ((para.text, para.element) for para in draft.paragraphs)
            style = heading_style(draft.package, paragraphs, headings, draft.numbering)
        own = gone_headings(new.draft.package, rnd.changes, style) if new else None
        summary = summarise(rnd.changes, style, own)
        findings = FindingsAssessor(new.findings if new and new.findings else [])
        every: list[Assessor] = [terms_assessor, library_assessor, findings, *assessors]
        rnd.rows = _rows(summary, old, new, library, every)


def _note_problems(rnd: Round, old_problem: str, new_problem: str, new: VersionView | None) -> None:
    """Say in the round's notes what the overview could not read or check."""
    for name, problem in ((rnd.old.path.name, old_problem), (rnd.new.path.name, new_problem)):
        if problem:
            rnd.notes.append(
                f"{name} kunne ikke læses som aftale, så oversigten mangler emner og "
                f"vurdering fra den: {problem}"
            )
    if new is not None and new.findings is None:
        name, size = rnd.new.path.name, format_number(len(new.draft.paragraphs))
        limit = format_number(views.MAX_AUDIT_PARAGRAPHS)
        rnd.notes.append(
            f"{name} har {size} afsnit; over {limit} køres "
            "reglerne ikke som en del af oversigten, så vurderingen bygger kun på "
            f"klausulbiblioteket. Kør 'aftale tjek {name}' for regelfund."
        )


def _title(library: Library, agreement: str, topic: str) -> str:
    """The topic's Danish title (in the agreement read, else wherever the id is unique)."""
    for scope in (agreement, ""):
        titles = {
            t.title for t in library.topics if t.id == topic and (not scope or t.agreement == scope)
        }
        if len(titles) == 1:
            return titles.pop()
    return ""


def _rows(
    summary: Summary,
    old: VersionView | None,
    new: VersionView | None,
    library: Library,
    assessors: Sequence[Assessor],
) -> list[ChangeRow]:
    """The summary's rows with topics named and assessed (each sentence once per clause)."""
    old_at = locate(old, summary.clauses, old=True) if old else {}
    new_at = locate(new, summary.clauses, old=False) if new else {}
    reader = new or old
    agreement = reader.agreement if reader else ""
    topics: dict[int, list[str]] = {}
    for row in summary.rows:
        if row.clause not in topics:
            topics[row.clause] = _topics(row, library, agreement, (new, new_at), (old, old_at))
    # each topic's text in either version, wherever its clause stands (a clause removed here
    # may stand elsewhere in the newer version: moved, or moved back by its own changes)
    sides: list[dict[str, str]] = [{}, {}]
    for clause, ids in topics.items():
        for side, text in enumerate((_body(old, old_at, clause), _body(new, new_at, clause))):
            if len(ids) == 1 and text is not None:
                sides[side].setdefault(ids[0], text)
    kinds: dict[int, set[str]] = {}
    for row in summary.rows:
        kinds.setdefault(row.clause, set()).add(row.kind)
    said: dict[int, list[str]] = {}
    out = []
    for row in summary.rows:
        ids = topics[row.clause]
        topic = ids[0] if len(ids) == 1 else ""
        facts = ChangeFacts(
            agreement=agreement,
            topic=topic,
            kind=row.kind,
            before=row.before,
            after=row.after,
            clause_before=_body(old, old_at, row.clause),
            clause_after=_body(new, new_at, row.clause),
            topic_before=sides[0].get(topic),
            topic_after=sides[1].get(topic),
            unpaired={"inserted", "deleted"} <= kinds[row.clause],
        )
        sentences = said.setdefault(row.clause, [])
        fresh = []
        for assessor in assessors:
            text = assessor(facts)
            if text and text not in sentences:
                sentences.append(text)
                fresh.append(text)
        out.append(
            row._replace(
                topic=facts.topic,
                topic_title=" / ".join(_title(library, agreement, t) for t in ids),
                assessment="\n".join(fresh),
            )
        )
    return out


Located = tuple[VersionView | None, dict[int, tuple[int, int]]]


def _body(view: VersionView | None, located: dict[int, tuple[int, int]], clause: int) -> str | None:
    """The clause's whole text in this version, or None when it is not there (or not found)."""
    if view is None or clause not in located:
        return None
    return clause_text(view, located[clause])


def _topics(row: ChangeRow, library: Library, agreement: str, *sides: Located) -> list[str]:
    """The clause's topics: its anchor's, else what the topic finder sees (newer version first);
    at most two, and only ids the library can name."""
    ids = [row.topic] if row.topic else []
    for view, located in sides:
        if ids:
            break
        if view is not None and row.clause in located:
            ids = clause_topics(view, library, located[row.clause])
    return [t for t in ids if _title(library, agreement, t)][:2]
