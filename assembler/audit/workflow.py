"""`aftale tjek AFTALE.docx`: audit, print the result, write the review copy."""

from __future__ import annotations

from pathlib import Path

from assembler.audit.review import audit, review_path, write_review
from assembler.cli_support import out_console
from assembler.errors import OutputError
from assembler.library.model import AGREEMENT_NAMES, Library
from assembler.rules.engine import has_errors

HOW = {"bogmærke": "aftale-bogmærke", "overskrift": "overskrift", "tekst": "formulering"}


def audit_workflow(
    library: Library,
    path: Path,
    out_dir: Path | None,
    overwrite: bool,
    sector: str | None,
    as_json: bool,
) -> bool:
    """Audit one .docx and write its review copy; True when a fejl was found."""
    target = review_path(path, out_dir)
    if target.exists() and not overwrite:
        raise OutputError(f"{target}: filen findes allerede. Brug --overskriv for at erstatte den.")
    result, draft = audit(library, path, sector)
    write_review(result, draft, target, overwrite)
    if as_json:
        from assembler.findings_view import emit_json

        emit_json(result.as_dict() | {"gennemgang": str(target)})
        return has_errors(result.findings)
    from assembler.findings_view import print_findings

    out_console.print(f"{path}: {AGREEMENT_NAMES[result.agreement]}", markup=False)
    source = "indlejrede svar fra aftale" if result.from_answers else "aftaleteksten"
    if result.from_answers and (result.edited or result.deleted):
        source += " (ændrede afsnit: aftaleteksten)"
    out_console.print(
        f"Sektor: {result.sector or 'ukendt (brug --sektor)'} ({result.sector_from}); "
        f"fakta læst fra {source}.",
        markup=False,
    )
    if result.edited or result.deleted:
        out_console.print(
            "Ændret efter generering (fakta for disse afsnit er læst fra teksten):", markup=False
        )
        for topic in result.edited:
            out_console.print(f"  {topic.id}: {topic.title} (teksten er ændret)", markup=False)
        for topic in result.deleted:
            out_console.print(f"  {topic.id}: {topic.title} (afsnittet er slettet)", markup=False)
    out_console.print(f"Fundne emner ({len(result.found)}):", markup=False)
    for found in result.found.values():
        text = found.para.text[:60] if found.para is not None else ""
        out_console.print(f"  {found.topic}: {HOW[found.how]} \u201e{text}\u201c", markup=False)
    label = "Mangler (obligatorisk)" if result.agreement == "individuel" else "Mangler"
    if result.missing:
        out_console.print(f"{label}:", markup=False)
        for topic in result.missing:
            out_console.print(f"  {topic.id}: {topic.title}", markup=False)
    else:
        out_console.print(f"{label}: ingen", markup=False)
    if result.missing_recommended:
        out_console.print("Anbefalet, men ikke fundet:", markup=False)
        for topic in result.missing_recommended:
            out_console.print(f"  {topic.id}: {topic.title}", markup=False)
    print_findings(result.findings, path.name)
    out_console.print(f"Gennemgangskopi med kommentarer: {target}", markup=False)
    return has_errors(result.findings)
