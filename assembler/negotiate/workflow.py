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
    date: str | None, sector: str | None, overwrite: bool, notes: Path | None = None,
) -> None:  # fmt: skip
    """Write the counter-proposal and tell the user what it says and what it leaves open; our
    internal notes also go to `notes` when given (never into the document we send)."""
    if out.suffix.lower() != ".docx":
        raise OutputError(f"{out}: modforslaget skrives som et Word-dokument; brug endelsen .docx.")
    if out.exists() and out.resolve() == path.resolve():
        raise OutputError(f"{out}: modforslaget må ikke erstatte modpartens udkast.")
    if out.exists() and not overwrite:
        raise OutputError(f"{out}: filen findes allerede. Brug --overskriv for at erstatte den.")
    if notes is not None:
        if notes.suffix.lower() == ".docx" or notes.resolve() in (out.resolve(), path.resolve()):
            raise OutputError(f"{notes}: noterne skrives som en tekstfil ved siden af "
                              "modforslaget; brug fx endelsen .txt.")  # fmt: skip
        if answers is not None and notes.resolve() == answers.resolve():
            raise OutputError(f"{notes}: noterne må ikke erstatte jeres svarfil (--svar).")
        if notes.exists() and not overwrite:
            raise OutputError(f"{notes}: filen findes allerede. Brug --overskriv for at erstatte "
                              "den.")  # fmt: skip
    when = parse_date(date) if date else dt.date.today().strftime("%Y-%m-%dT00:00:00Z")
    made = make_counter_proposal(library, path, answers, author, when, sector)
    write_atomic(out, made.data, overwrite=overwrite)
    lines = report_lines(path, out, made)
    if notes is not None:
        write_atomic(notes, notes_text(path, out, made).encode(), overwrite=overwrite)
        lines.append(f"Interne noter: {notes}")
    for line in lines:
        out_console.print(line, markup=False)


def notes_text(path: Path, out: Path, made: CounterProposal) -> str:
    """Our internal notes on a counter-proposal, as a text file's content (files by name only,
    so the same inputs give the same notes wherever they are written)."""
    header = [
        f"Interne noter til modforslaget {out.name} – sendes ikke til modparten.",
        "Kommentarerne til modparten henviser til paragrafferne, som de lyder med vores ændringer; "
        "vores vurdering henviser til modpartens udkast.",
        "",
    ]
    lines = report_lines(Path(path.name), Path(out.name), made)
    return "\n".join(header + lines) + "\n"


def report_lines(path: Path, out: Path, made: CounterProposal) -> list[str]:
    """The counter-proposal in Danish for our side: each amendment with the comment the other
    side reads and our own reasoning (assessment, rules, sources), what we let stand and what we
    left open."""
    plan = made.plan
    lines = [f"{path}: {AGREEMENT_NAMES[made.agreement]} (sektor: {made.sector})",
             f"Vores position: {made.position.source}."]  # fmt: skip
    if plan.amendments:
        count = len(plan.amendments)
        lines.append(f"Modforslag med {count} {'ændring' if count == 1 else 'ændringer'} "
                     "(sporede ændringer, hver med en kommentar til modparten):")  # fmt: skip
        for number, amendment in enumerate(plan.amendments, start=1):
            lines.append(f"  {number}. {amendment.title}")
            lines.append(f"     Kommentar til modparten: {amendment.comment()}")
            lines.append("     Vores vurdering:")
            lines += [f"       – {note}" for note in amendment.notes]
            if amendment.sources:
                lines.append(f"     Kilde: {amendment.sources}")
    else:
        lines.append("Udkastet giver ikke anledning til ændringer ud fra vores position og "
                     "reglerne.")  # fmt: skip
    if plan.accepted:
        lines.append("Modpartens ændringer, vi lader stå (til fordel for medarbejderne eller "
                     "neutrale):")  # fmt: skip
        for change in plan.accepted:
            lines.append(f"  {change.title}: {change.assessment.text}")
    if plan.unanswered:
        lines.append("Ikke besvaret i modforslaget (vurdér selv):")
        for item in plan.unanswered:
            lines.append(f"  {item.title}: {item.text}")
    lines.append(f"Modforslag skrevet: {out}")
    return lines
