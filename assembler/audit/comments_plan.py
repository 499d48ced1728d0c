"""The comments of the review copy: a summary at the top, each change against our version and each
finding on the words that cause it, and a note on every clause the reader could not read."""

from __future__ import annotations

from lxml import etree

from assembler.audit.changes import Change, changed_span
from assembler.audit.document import DocxDraft
from assembler.audit.review import AuditResult
from assembler.audit.review_copy import Note
from assembler.errors import InputFileError
from assembler.library.model import AGREEMENT_NAMES
from assembler.rules.model import Finding
from assembler.rules.text_common import evidence

MAX_BEFORE = 400


def counts_line(result: AuditResult) -> str:
    """'Fund: 1 fejl, 3 advarsler, 0 til orientering.'"""
    counts = {s: sum(1 for f in result.findings if f.severity == s)
              for s in ("fejl", "advarsel", "info")}  # fmt: skip
    return (
        f"Fund: {counts['fejl']} fejl, {counts['advarsel']} advarsler, "
        f"{counts['info']} til orientering."
    )


def summary_comment(result: AuditResult) -> str:
    """The comment at the top: kind of agreement, what is missing, changes, findings, unread."""
    lines = [f"Gennemgang af {AGREEMENT_NAMES[result.agreement]} (aftale tjek)."]
    lines.append(f"Sektor: {result.sector or 'ukendt – angiv --sektor'}.")
    label = (
        "Manglende obligatoriske elementer"
        if result.agreement == "individuel"
        else "Manglende emner"
    )
    missing = "; ".join(t.title for t in result.missing)
    lines.append(f"{label}: {missing or 'ingen'}.")
    if result.missing_recommended:
        lines.append("Anbefalede emner, der ikke er fundet: "
                     + "; ".join(t.title for t in result.missing_recommended) + ".")  # fmt: skip
    if result.edited or result.deleted:
        lines.append(edit_note(result))
    if result.versus:
        worse = sum(1 for c in result.changes if c.assessment.favour in ("arbejdsgiveren", "begge"))
        lines.append(
            f"Sammenlignet med {result.versus}: {len(result.changes)} ændringer, heraf {worse} "
            "til ugunst for medarbejderne (se kommentarerne ved ændringerne)."
        )
    lines.append(counts_line(result))
    if result.unread:
        lines.append(
            "Kunne ikke afgøres ud fra teksten (læs selv): "
            + "; ".join(f"{title} ({what})" for _, title, what in result.unread)
            + "."
        )
    return "\n".join(lines)


def edit_note(result: AuditResult) -> str:
    """Which of our clauses have another text than the one we wrote, or are gone."""
    parts = []
    if result.edited:
        parts.append("Bestemmelser med ændret tekst i forhold til vores udkast: "
                     + "; ".join(t.title for t in result.edited) + ".")  # fmt: skip
    if result.deleted:
        parts.append("Bestemmelser fra vores udkast, der ikke længere er med: "
                     + "; ".join(t.title for t in result.deleted) + ".")  # fmt: skip
    parts.append("De er vurderet ud fra den nye tekst.")
    return " ".join(parts)


def finding_comment(finding: Finding) -> str:
    """One finding as comment text."""
    return f"{finding.rule} ({finding.severity}): {finding.message_da}\nKilde: {finding.source}"


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= MAX_BEFORE else text[: MAX_BEFORE - 1] + "…"


# What to ask for when a change is worse for the employees (a move says it in its own text).
ASK = {
    "ændret": "Kræv vores formulering tilbage.",
    "tilføjet": "Kræv afsnittet slettet.",
    "slettet": "Kræv afsnittet genindsat.",
}


def change_comment(change: Change, versus: str) -> str:
    """One change against our version: what it does, whose favour, what to ask for, and our old
    wording."""
    head = {"ændret": "Ændret", "tilføjet": "Tilføjet", "slettet": "Slettet",
            "flyttet": "Flyttet"}[change.kind]  # fmt: skip
    lines = [f"{head} i forhold til {versus} – {change.title}: {change.assessment.text}"]
    verdict = f"Vurdering: {change.assessment.favour_da}."
    if change.assessment.favour in ("arbejdsgiveren", "begge") and change.kind in ASK:
        verdict += f" {ASK[change.kind]}"
    elif change.assessment.favour == "medarbejderne":
        verdict += " Ændringen kan accepteres."
    lines.append(verdict)
    if change.assessment.source:
        lines.append(f"Kilde: {change.assessment.source}")
    if change.kind == "ændret":
        span = changed_span(change.after, change.before)
        before = change.before[span[0] : span[1]] if span else change.before
        lines.append(f"Vores tekst: „{_short(before)}“")
    elif change.kind == "slettet":
        lines.append(f"Slettet tekst fra vores udkast: „{_short(change.before)}“")
    return "\n".join(lines)


def _first_paragraph(draft: DocxDraft) -> etree._Element:
    """The first paragraph with text (or the first paragraph at all)."""
    for para in draft.paragraphs:
        if para.text:
            return para.element
    if draft.paragraphs:
        return draft.paragraphs[0].element
    raise InputFileError(f"{draft.path}: dokumentet har ingen afsnit at kommentere.")


def comment_plan(result: AuditResult, draft: DocxDraft) -> list[Note]:
    """Every comment of the review copy, anchored on the words it is about where possible."""
    top = _first_paragraph(draft)
    by_index = {p.index: p for p in draft.paragraphs}
    notes: list[Note] = [(top, summary_comment(result), None, None)]
    for change in result.changes:
        anchor = change.para.element if change.para is not None else top
        notes.append((anchor, change_comment(change, result.versus), change.span, None))
    for finding in result.findings:
        term = evidence(finding, result.text)
        para = by_index.get(term.para) if term is not None else None
        if term is not None and para is not None:
            notes.append((para.element, finding_comment(finding), (term.start, term.end), None))
            continue
        where = result.found.get(finding.topic)
        anchor = where.para.element if where and where.para is not None else top
        notes.append((anchor, finding_comment(finding), None, None))
    for topic, title, what in result.unread:
        where = result.found.get(topic)
        if where is None or where.para is None:
            continue
        notes.append((where.para.element, (
            f"Programmet kunne ikke afgøre ud fra teksten i „{title}“ {what}. Læs afsnittet "
            "selv: at der ikke er fund her, betyder ikke, at afsnittet er i orden."
        ), None, None))  # fmt: skip
    return notes
