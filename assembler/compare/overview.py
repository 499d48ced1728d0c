"""The change overview of each round: rows with Danish topics, dates and our assessment.

One source for three views: the terminal table (output.print_rounds), the .xlsx (xlsx.py) and
plain data for a web page (`records`). `describe_rounds` fills `Round.rows` from the engine's
changes, the clause library and the audit's reading of both versions.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from assembler.compare import views as version_views
from assembler.compare.assess import Assessor, ChangeFacts
from assembler.compare.clauses import top_level
from assembler.compare.model import ChangeRow, Round
from assembler.compare.numbers import NumberStyle
from assembler.compare.packages import Change
from assembler.compare.summary import Summary, summarise
from assembler.compare.views import (
    VersionView,
    body_paragraphs,
    clause_text,
    clause_topics,
    concerns_home_work,
    heading_style,
    locate,
    read_view,
    view_paragraphs,
)
from assembler.errors import AftaleError
from assembler.library.values import format_date, format_number
from assembler.ooxml.package import Package, read_package

if TYPE_CHECKING:
    from assembler.library.model import Library

COLUMNS = (  # (record key, Danish heading): the order of the table in every view
    ("runde", "Runde"),
    ("forfatter", "Forfatter"),
    ("dato", "Dato"),
    ("nr", "Nr."),
    ("overskrift", "Overskrift"),
    ("emne", "Emne"),
    ("aendring", "Ændring"),
    ("foer", "Før"),
    ("efter", "Efter"),
    ("vurdering", "Vurdering"),
)
NOTE_HEADING = "Bemærkning"


def round_date(rnd: Round) -> dt.date | None:
    """The day of the round in Danish time (the w:date is UTC), or None when unknown."""
    try:
        stamp = dt.datetime.fromisoformat(rnd.new.date.replace("Z", "+00:00"))
    except ValueError:
        return None
    if stamp.tzinfo is None:
        return stamp.date()
    try:
        return stamp.astimezone(ZoneInfo("Europe/Copenhagen")).date()
    except ZoneInfoNotFoundError:  # no time-zone data installed: the UTC day
        return stamp.date()


def danish_date(rnd: Round) -> str:
    """The round's date the Danish way: '2. marts 2027'."""
    day = round_date(rnd)
    return format_date(day) if day is not None else ""


def _numbered_headings(changes: list[Change]) -> list[str]:
    """Texts of the top-level headings Word numbers, for finding their number format."""
    top = top_level(changes)
    return [
        c.info.text
        for c in changes
        if c.part == "body" and c.info.heading_level == top and c.info.numbered and c.info.text
    ]


def describe_rounds(
    rounds: list[Round],
    assessors: Sequence[Assessor] = (),
    library: Library | None = None,
    packages: Mapping[Path, Package] | None = None,
) -> None:
    """Fill each round's rows: clauses, topics in Danish and the assessment column.

    The clause library and the audit are consulted only when they can say something: when a
    version carries our clause anchors or mentions home work, or when the caller brings its own
    library or assessors. Other documents (any contract, a report) get every row with its clause
    and number, and no topic or assessment, as when the overview is unsure. `packages` are the
    versions already read, by path.
    """
    if not any(c.kind != "equal" for r in rounds for c in r.changes):
        return  # nothing changed: no rows, and no need to read the library or the versions
    read = _packages(rounds, packages or {})
    if library is None and not assessors and not any(map(concerns_home_work, read.values())):
        for rnd in rounds:
            package = read.get(rnd.new.path) or read.get(rnd.old.path)
            style = NumberStyle()
            if package is not None:
                headings = _numbered_headings(rnd.changes)
                style = heading_style(package, body_paragraphs(package), headings, None)
            rnd.rows = summarise(rnd.changes, style).rows
        return
    _describe(rounds, assessors, library, read)


def _packages(rounds: list[Round], known: Mapping[Path, Package]) -> dict[Path, Package]:
    """Every version's package: those already read, else read now (one that cannot be read is
    left out here; reading its view says why, in the round's notes)."""
    out: dict[Path, Package] = {}
    for path in dict.fromkeys(p for r in rounds for p in (r.old.path, r.new.path)):
        try:
            out[path] = known.get(path) or read_package(path, "docx")
        except AftaleError:
            continue
    return out


def _describe(
    rounds: list[Round],
    assessors: Sequence[Assessor],
    library: Library | None,
    packages: dict[Path, Package],
) -> None:
    """The rows with the library's topics and the assessment column."""
    from assembler.compare.assess import FindingsAssessor, LibraryAssessor
    from assembler.library.loader import load_library

    library = library or load_library()
    newer = {r.new.path for r in rounds}
    views: dict[Path, tuple[VersionView | None, str]] = {}
    agreement = ""  # every version of a negotiation is the same kind of agreement
    for path in dict.fromkeys(p for r in rounds for p in (r.new.path, r.old.path)):
        view, problem = read_view(library, path, path in newer, agreement, packages.get(path))
        views[path] = (view, problem)
        agreement = agreement or (view.agreement if view is not None else "")
    library_assessor = LibraryAssessor(library)
    for rnd in rounds:
        old, old_problem = views[rnd.old.path]
        new, new_problem = views[rnd.new.path]
        _note_problems(rnd, old_problem, new_problem, new)
        style = NumberStyle()
        if reader := new or old:
            headings = _numbered_headings(rnd.changes)
            draft = reader.draft
            style = heading_style(draft.package, view_paragraphs(reader), headings, draft.numbering)
        summary = summarise(rnd.changes, style)
        findings = FindingsAssessor(new.findings if new and new.findings else [])
        every: list[Assessor] = [library_assessor, findings, *assessors]
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
        limit = format_number(version_views.MAX_AUDIT_PARAGRAPHS)
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
    said: dict[int, list[str]] = {}
    out = []
    for row in summary.rows:
        if row.clause not in topics:
            topics[row.clause] = _topics(row, library, agreement, (new, new_at), (old, old_at))
        ids = topics[row.clause]
        facts = ChangeFacts(
            agreement=agreement,
            topic=ids[0] if len(ids) == 1 else "",
            kind=row.kind,
            before=row.before,
            after=row.after,
            clause_before=_body(old, old_at, row.clause),
            clause_after=_body(new, new_at, row.clause),
        )
        sentences = said.setdefault(row.clause, [])
        fresh = []
        for assessor in assessors:
            text = assessor(facts)
            if text and text not in sentences:
                sentences.append(text)
                fresh.append(text)
        out.append(
            replace(
                row,
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


def row_record(rnd: Round, row: ChangeRow) -> dict[str, str]:
    """One overview row as plain Danish data (the table's columns first, then the details)."""
    day = round_date(rnd)
    return {
        "runde": rnd.label,
        "forfatter": rnd.new.author,
        "dato": danish_date(rnd),
        "nr": row.number,
        "overskrift": row.heading,
        "emne": row.topic_title,
        "aendring": row.label,
        "foer": row.excerpt_before,
        "efter": row.excerpt_after,
        "vurdering": row.assessment,
        "dato_iso": day.isoformat() if day else "",
        "emne_id": row.topic,
        "art": row.kind,
        "foer_hele": row.before,
        "efter_hele": row.after,
        "del": row.part,
        "punkt": str(row.clause),
    }


def note_record(rnd: Round, note: str) -> dict[str, str]:
    """A round's note (prior tracked changes, attribution, unreadable version) as a row."""
    day = round_date(rnd)
    blank = dict.fromkeys(("nr", "emne", "aendring", "efter", "vurdering", "emne_id"), "")
    return {
        "runde": rnd.label,
        "forfatter": rnd.new.author,
        "dato": danish_date(rnd),
        **blank,
        "overskrift": NOTE_HEADING,
        "foer": note,
        "dato_iso": day.isoformat() if day else "",
        "art": "note",
        "foer_hele": note,
        "efter_hele": "",
        "del": "",
        "punkt": "",
    }


def records(rounds: list[Round]) -> list[dict[str, str]]:
    """The whole overview as plain data for a web page: every row, then each round's notes."""
    out: list[dict[str, str]] = []
    for rnd in rounds:
        out.extend(row_record(rnd, row) for row in rnd.rows)
        out.extend(note_record(rnd, note) for note in rnd.notes)
    return out
