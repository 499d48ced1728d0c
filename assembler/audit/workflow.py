"""`aftale tjek AFTALE.docx [--mod VORES.docx]`: audit, print the result, write the review copy."""

from __future__ import annotations

from pathlib import Path

from assembler.audit.comments_plan import comment_plan
from assembler.audit.review import AuditResult, audit
from assembler.audit.review_copy import review_target, write_review
from assembler.cli_support import out_console
from assembler.library.model import AGREEMENT_NAMES, Library
from assembler.rules.engine import has_errors

HOW = {"bogmærke": "aftale-bogmærke", "overskrift": "overskrift", "tekst": "formulering"}
SECTOR_FROM = {"indlejrede svar": "vores svar i dokumentet"}


def _say(text: str) -> None:
    out_console.print(text, markup=False)


def audit_workflow(
    library: Library,
    path: Path,
    out_dir: Path | None,
    overwrite: bool,
    sector: str | None,
    as_json: bool,
    ours: Path | None = None,
) -> bool:
    """Audit one .docx, print the checks, then write its review copy; True when a fejl was found."""
    result, draft = audit(library, path, sector, ours)
    target, replaces = review_target(path, out_dir, overwrite)
    notes = comment_plan(result, draft)
    if as_json:
        from assembler.findings_view import emit_json

        write_review(draft, notes, target, replaces)
        emit_json(result.as_dict() | {"gennemgang": str(target)})
        return has_errors(result.findings)
    print_audit(result)
    write_review(draft, notes, target, replaces)
    again = " (erstatter den tidligere gennemgangskopi)" if replaces else ""
    _say(f"Gennemgangskopi med kommentarer{again}: {target}")
    return has_errors(result.findings)


def print_audit(result: AuditResult) -> None:
    """The audit in Danish: topics, gaps, changes against our version, findings, unread clauses."""
    from assembler.findings_view import print_findings

    path = result.path
    _say(f"{path}: {AGREEMENT_NAMES[result.agreement]}")
    source = "vores svar, som aftale gemte i dokumentet" if result.from_answers else "teksten"
    if result.from_answers and (result.edited or result.deleted):
        source += " (ændrede bestemmelser: den nye tekst)"
    sector_from = SECTOR_FROM.get(result.sector_from, result.sector_from)
    _say(f"Sektor: {result.sector or 'ukendt (brug --sektor)'} ({sector_from}); "
         f"læst ud fra {source}.")  # fmt: skip
    if result.edited or result.deleted:
        _say("Ændret i forhold til vores udkast (vurderet ud fra den nye tekst):")
        for topic in result.edited:
            _say(f"  {topic.id}: {topic.title} (teksten er ændret)")
        for topic in result.deleted:
            _say(f"  {topic.id}: {topic.title} (bestemmelsen er slettet)")
    _say(f"Fundne emner ({len(result.found)}):")
    for found in result.found.values():
        text = found.para.text[:60] if found.para is not None else ""
        _say(f"  {found.topic}: {HOW[found.how]} \u201e{text}\u201c")
    label = "Mangler (obligatorisk)" if result.agreement == "individuel" else "Mangler"
    if result.missing:
        _say(f"{label}:")
        for topic in result.missing:
            _say(f"  {topic.id}: {topic.title}")
    else:
        _say(f"{label}: ingen")
    if result.missing_recommended:
        _say("Anbefalet, men ikke fundet:")
        for topic in result.missing_recommended:
            _say(f"  {topic.id}: {topic.title}")
    if result.versus:
        print_changes(result)
    if result.unread:
        _say("Kunne ikke afgøres ud fra teksten (læs selv):")
        for topic_id, title, what in result.unread:
            _say(f"  {topic_id}: {title} – {what}")
    if result.findings or not result.unread:
        print_findings(result.findings, path.name)
    else:
        _say(f"{path.name}: ingen regelbrud i det, programmet kunne læse; {len(result.unread)} "
             "afsnit kunne ikke afgøres (se ovenfor).")  # fmt: skip


def print_changes(result: AuditResult) -> None:
    """Each change against our last version with its assessment."""
    if not result.changes:
        _say(f"Ændringer i forhold til {result.versus}: ingen.")
        return
    _say(f"Ændringer i forhold til {result.versus} ({len(result.changes)}):")
    for change in result.changes:
        _say(f"  {change.title} ({change.kind}): {change.assessment.text} "
             f"[{change.assessment.favour_da}]")  # fmt: skip
        if change.assessment.source:
            _say(f"    Kilde: {change.assessment.source}")
