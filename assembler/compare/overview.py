"""The change overview of each round: rows with Danish topics, dates and our assessment.

One source for three views: the terminal table (output.print_rounds), the .xlsx (xlsx.py) and
plain data for a web page (`records`). `describe_rounds` fills `Round.rows` from the engine's
changes and, for agreements about home work, the clause library and the audit's reading of both
versions (assessed.py).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from assembler.compare import forked  # the child `aftale sammenlign` may have started
from assembler.compare.clauses import UNCHANGED
from assembler.compare.model import ChangeRow, Round
from assembler.compare.numbers import NumberStyle
from assembler.compare.overview_prior import gone_headings
from assembler.compare.scope import (
    body_paragraphs,
    concerns_home_work,
    heading_style,
    numbered_headings,
)
from assembler.compare.summary import summarise
from assembler.danish_dates import format_date
from assembler.errors import AftaleError
from assembler.ooxml.package import Package, read_package

if TYPE_CHECKING:
    from assembler.compare.assess import Assessor
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


# Copenhagen has been ahead of UTC by more than 50 minutes and at most 2 hours since 1900 (CET,
# CEST, the wartime and 1940s summer times): before 22:00 UTC the Danish day is the UTC day, from
# 23:00 UTC the next one. Only the hour between needs the time-zone database (summer time or not).
SAME_DAY_BEFORE = dt.time(22)
NEXT_DAY_FROM = dt.time(23)


def round_date(rnd: Round) -> dt.date | None:
    """The day of the round in Danish time (the w:date is UTC), or None when unknown."""
    return danish_day(rnd.new.date)


def danish_day(date: str) -> dt.date | None:
    """The day of a w:date (UTC) in Danish time, or None when it cannot be read."""
    try:
        stamp = dt.datetime.fromisoformat(date.replace("Z", "+00:00"))
    except ValueError:
        return None
    if stamp.tzinfo is None:
        return stamp.date()
    utc = stamp.astimezone(dt.UTC)
    if utc.year >= 1900 and utc.time() < SAME_DAY_BEFORE:
        return utc.date()
    if utc.year >= 1900 and utc.time() >= NEXT_DAY_FROM and utc.date() < dt.date.max:
        return utc.date() + dt.timedelta(days=1)
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError  # only for the hour in doubt

    try:
        return stamp.astimezone(ZoneInfo("Europe/Copenhagen")).date()
    except ZoneInfoNotFoundError:  # no time-zone data installed: the UTC day
        return stamp.date()


def danish_date(rnd: Round) -> str:
    """The round's date the Danish way: '2. marts 2027'."""

    day = round_date(rnd)
    return format_date(day) if day is not None else ""


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
    if not any(c.kind not in UNCHANGED for r in rounds for c in r.changes):
        forked.discard()
        return  # nothing changed: no rows, and no need to read the library or the versions
    read, complete = _packages(rounds, packages or {})
    plain = library is None and not assessors and complete  # an unreadable one gets its note
    if plain and not _home_work(list(read.values())):
        forked.discard()
        for rnd in rounds:
            package = read.get(rnd.new.path) or read.get(rnd.old.path)
            style = NumberStyle()
            if package is not None:
                headings = numbered_headings(rnd.changes)
                style = heading_style(package, body_paragraphs(package), headings, None)
            newer = read.get(rnd.new.path)
            own = gone_headings(newer, rnd.changes, style) if newer is not None else None
            rnd.rows = summarise(rnd.changes, style, own).rows
        return
    if plain and forked.take(rounds):
        return  # assessed by the child, beside the comparison
    forked.discard()
    from assembler.compare.assessed import describe_assessed  # the library and the audit

    describe_assessed(rounds, assessors, library, read)


def _home_work(packages: list[Package]) -> bool:
    """Whether a version concerns home work (as decided before the comparison, if it was)."""
    known = forked.home_work_of(packages)
    if known is not None:
        return known
    return any(map(concerns_home_work, reversed(packages)))  # the newest is likeliest to say so


def _packages(
    rounds: list[Round], known: Mapping[Path, Package]
) -> tuple[dict[Path, Package], bool]:
    """Every version's package, those already read or else read now, and whether all could be
    read (one that cannot is left out here; reading its view says why, in the round's notes)."""
    out: dict[Path, Package] = {}
    paths = list(dict.fromkeys(p for r in rounds for p in (r.old.path, r.new.path)))
    for path in paths:
        try:
            out[path] = known.get(path) or read_package(path, "docx")
        except AftaleError:
            continue
    return out, len(out) == len(paths)


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
