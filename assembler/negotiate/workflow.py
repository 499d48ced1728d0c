"""`aftale modforslag UDKAST.docx -o MODFORSLAG.docx`: plan, build, write and report."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from assembler.audit.document import read_draft
from assembler.audit.embedded import embedded_answers
from assembler.audit.review import audit
from assembler.cli_support import out_console
from assembler.compare.rounds import parse_date
from assembler.errors import InputFileError, OutputError
from assembler.library.model import AGREEMENT_NAMES, Library
from assembler.negotiate.build import build_counter_proposal
from assembler.negotiate.plan import Plan, plan_counter_proposal
from assembler.negotiate.position import (
    Position,
    answers_position,
    embedded_position,
    library_position,
)
from assembler.ooxml.package import write_atomic


@dataclass
class CounterProposal:
    """What `modforslag` made: the document, the plan behind it and the position it argues."""

    data: bytes
    plan: Plan
    position: Position
    agreement: str
    sector: str


def _position(library: Library, draft_path: Path, answers: Path | None, sector: str | None,
              agreement: str, draft_text: str, draft: object) -> Position:  # fmt: skip
    """--svar, else the embedded answers, else the library's employee-side default."""
    if answers is not None:
        return answers_position(library, answers, agreement, draft_text, sector)
    if sector is not None:
        embedded = embedded_answers(library, draft, agreement, sector)  # type: ignore[arg-type]
        if embedded is not None:
            return embedded_position(embedded)
        return library_position(library, agreement, sector)
    raise InputFileError(
        f"{draft_path}: sektoren kan ikke afgøres ud fra udkastet. Angiv --sektor (stat, kommune "
        "eller region) eller --svar."
    )


def make_counter_proposal(
    library: Library, path: Path, answers: Path | None, author: str, date: str,
    sector: str | None = None,
) -> CounterProposal:  # fmt: skip
    """Audit the draft, choose our position, plan the amendments and build the document."""
    result, draft = audit(library, path, sector)
    position = _position(library, path, answers, result.sector, result.agreement, draft.text,
                         draft)  # fmt: skip
    if result.sector is None:
        result.sector = position.answers.sector
    plan = plan_counter_proposal(library, result, draft, position)
    data = build_counter_proposal(draft, result, plan.amendments, author, date)
    return CounterProposal(data, plan, position, result.agreement, position.answers.sector)


def write_counter_proposal(
    library: Library, draft: Path, ours: Path | None, target: Path, author: str = "Medarbejdersiden"
) -> CounterProposal:
    """Write our counter-proposal to `target` (a new file), arguing the position embedded in our
    last version `ours` when it carries our answers (else the draft's own, else the library's);
    for callers other than the command line (the web page)."""
    result, parsed = audit(library, draft)
    position = None
    if ours is not None and result.sector is not None:
        embedded = embedded_answers(library, read_draft(ours), result.agreement, result.sector)
        position = embedded_position(embedded) if embedded is not None else None
    if position is None:
        position = _position(library, draft, None, result.sector, result.agreement, parsed.text,
                             parsed)  # fmt: skip
    today = dt.date.today().strftime("%Y-%m-%dT00:00:00Z")
    plan = plan_counter_proposal(library, result, parsed, position)
    made = CounterProposal(build_counter_proposal(parsed, result, plan.amendments, author, today),
                           plan, position, result.agreement, position.answers.sector)  # fmt: skip
    write_atomic(target, made.data, overwrite=False)
    return made


def counter_proposal_workflow(
    library: Library, path: Path, out: Path, answers: Path | None, author: str,
    date: str | None, sector: str | None, overwrite: bool,
) -> None:  # fmt: skip
    """Write the counter-proposal and tell the user what it says and what it leaves open."""
    if out.suffix.lower() != ".docx":
        raise OutputError(f"{out}: modforslaget skrives som et Word-dokument; brug endelsen .docx.")
    if out.exists() and out.resolve() == path.resolve():
        raise OutputError(f"{out}: modforslaget må ikke erstatte modpartens udkast.")
    if out.exists() and not overwrite:
        raise OutputError(f"{out}: filen findes allerede. Brug --overskriv for at erstatte den.")
    when = parse_date(date) if date else dt.date.today().strftime("%Y-%m-%dT00:00:00Z")
    made = make_counter_proposal(library, path, answers, author, when, sector)
    write_atomic(out, made.data, overwrite=overwrite)
    report(path, out, made)


def report(path: Path, out: Path, made: CounterProposal) -> None:
    """The counter-proposal in Danish: each amendment, what we let stand, what we left open."""
    say = lambda text: out_console.print(text, markup=False)  # noqa: E731
    plan = made.plan
    say(f"{path}: {AGREEMENT_NAMES[made.agreement]} (sektor: {made.sector})")
    say(f"Vores position: {made.position.source}.")
    if plan.amendments:
        count = len(plan.amendments)
        say(f"Modforslag med {count} {'ændring' if count == 1 else 'ændringer'} (sporede "
            "ændringer, hver med en kommentar):")  # fmt: skip
        for number, amendment in enumerate(plan.amendments, start=1):
            say(f"  {number}. {amendment.title}: {amendment.proposal}")
            say(f"     Begrundelse: {amendment.reason}")
    else:
        say("Udkastet giver ikke anledning til ændringer ud fra vores position og reglerne.")
    if plan.accepted:
        say("Modpartens ændringer, vi lader stå (til fordel for medarbejderne eller neutrale):")
        for change in plan.accepted:
            say(f"  {change.title}: {change.assessment.text}")
    if plan.unanswered:
        say("Ikke besvaret i modforslaget (vurdér selv):")
        for item in plan.unanswered:
            say(f"  {item.title}: {item.text}")
    say(f"Modforslag skrevet: {out}")
