"""The demo's answer to management's counter-draft: our review and our counter-proposal."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from assembler.audit.comments_plan import comment_plan
from assembler.audit.review import AuditResult, audit
from assembler.audit.review_copy import review_target, write_review
from assembler.errors import OutputError
from assembler.library.model import Library
from assembler.negotiate.workflow import CounterProposal, make_counter_proposal, notes_text
from assembler.ooxml.ns import qn
from assembler.ooxml.package import read_package, write_atomic

OUR_SIDE = "Medarbejdersiden"
COUNTER_PROPOSAL = "lokalaftale-modforslag.docx"
NOTES = "lokalaftale-modforslag-noter.txt"  # our reasoning behind it: never sent


@dataclass
class DemoAnswer:
    """What the demo wrote in answer to the counter-draft."""

    review: Path
    audit: AuditResult
    counter_proposal: Path
    made: CounterProposal
    notes: Path


def _day_after(path: Path) -> str:
    """The day after the draft was last saved (its core properties), so our round follows theirs
    and the demo stays byte-identical run to run."""
    package = read_package(path)
    modified = None
    if "docProps/core.xml" in package.parts:
        modified = package.xml("docProps/core.xml").findtext(qn("dcterms:modified"))
    try:
        day = dt.date.fromisoformat((modified or "")[:10])
    except ValueError:
        day = dt.date(2027, 1, 1)
    return f"{day + dt.timedelta(days=1):%Y-%m-%d}T00:00:00Z"


def answer_counter_draft(library: Library, draft: Path, overwrite: bool) -> DemoAnswer:
    """Review the counter-draft (commented copy) and write our counter-proposal beside it."""
    result, parsed = audit(library, draft, None)
    review, replaces = review_target(draft, None, overwrite)
    write_review(parsed, comment_plan(result, parsed), review, replaces)
    target, notes = draft.with_name(COUNTER_PROPOSAL), draft.with_name(NOTES)
    for path in (target, notes):
        if path.exists() and not overwrite:
            raise OutputError(
                f"{path}: filen findes allerede. Brug --overskriv for at erstatte den."
            )
    made = make_counter_proposal(library, draft, None, OUR_SIDE, _day_after(draft))
    write_atomic(target, made.data, overwrite=overwrite)
    write_atomic(notes, notes_text(draft, target, made).encode(), overwrite=overwrite)
    return DemoAnswer(review, result, target, made, notes)
