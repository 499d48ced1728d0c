"""Audit one agreement .docx: topics present and missing, facts, rule findings, review copy."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from lxml import etree

from assembler.audit.document import DOCUMENT, DocxDraft, read_draft
from assembler.audit.embedded import (
    EMPLOYEE_TOPIC_FACTS,
    LOCAL_TOPIC_FACTS,
    Embedded,
    embedded_answers,
    find_edits,
    merge_facts,
)
from assembler.audit.extract import employee_facts_from_draft, local_facts_from_draft, sector_of
from assembler.audit.topics import (
    MANDATORY_INDIVIDUAL,
    Found,
    decide_agreement,
    expected_topics,
    find_topics,
)
from assembler.errors import InputFileError
from assembler.library.model import AGREEMENT_NAMES, SECTORS, Library, Topic
from assembler.ooxml.comments import add_comments
from assembler.ooxml.package import package_bytes, write_atomic
from assembler.rules.engine import EmployeeCase, run_rules
from assembler.rules.facts import EmployeeFacts, LocalFacts
from assembler.rules.model import Finding

REVIEW_SUFFIX = "-gennemgang"
EDITED_COMMENT = (
    "Afsnittet er ændret efter generering med aftale: teksten svarer ikke længere til de "
    "indlejrede svar, så afsnittets fakta er læst fra teksten."
)


@dataclass
class AuditResult:
    """What the audit learned about one draft."""

    path: Path
    agreement: str
    sector: str | None
    sector_from: str  # "indlejrede svar", "--sektor", "teksten", "ukendt"
    found: dict[str, Found]
    missing: list[Topic]  # recommended (local) / mandatory (individual) topics not found
    missing_recommended: list[Topic] = field(default_factory=list)  # individual only
    findings: list[Finding] = field(default_factory=list)
    from_answers: bool = False  # facts came from answers embedded by aftale
    edited: list[Topic] = field(default_factory=list)  # our clauses changed since generation
    deleted: list[Topic] = field(default_factory=list)  # our clauses removed since generation
    local: LocalFacts | None = None  # the facts the rules were run on
    employee: EmployeeFacts | None = None

    def as_dict(self) -> dict[str, Any]:
        """Plain data for --json."""
        return {
            "fil": str(self.path),
            "aftale": self.agreement,
            "sektor": self.sector,
            "sektor_fra": self.sector_from,
            "indlejrede_svar": self.from_answers,
            "fundne_emner": [
                {"emne": f.topic, "hvordan": f.how, "afsnit": f.para.text if f.para else ""}
                for f in self.found.values()
            ],
            "mangler": [{"emne": t.id, "titel": t.title} for t in self.missing],
            "anbefalede_mangler": [
                {"emne": t.id, "titel": t.title} for t in self.missing_recommended
            ],
            "aendret_efter_generering": [{"emne": t.id, "titel": t.title} for t in self.edited],
            "slettet_efter_generering": [{"emne": t.id, "titel": t.title} for t in self.deleted],
            "fund": [f.as_dict() for f in self.findings],
        }


def _sector(draft: DocxDraft, override: str | None) -> tuple[str | None, str]:
    """The sector and where it came from."""
    embedded = (draft.payload or {}).get("sektor")
    if embedded in SECTORS:
        return str(embedded), "indlejrede svar"
    if override:
        if override not in SECTORS:
            raise InputFileError(
                f"--sektor skal være stat, kommune eller region (fandt '{override}')."
            )
        return override, "--sektor"
    hinted = sector_of(draft.text)
    return (hinted, "teksten") if hinted else (None, "ukendt")


def _facts(
    library: Library, draft: DocxDraft, agreement: str, sector: str | None, found: dict[str, Found]
) -> tuple[LocalFacts, EmployeeFacts | None, str, Embedded | None, dict[str, Found]]:
    """Facts from the embedded answers (edited clauses read from the text) or from the text."""
    embedded = embedded_answers(library, draft, agreement, sector) if sector else None
    if embedded is None and agreement == "lokal":
        return local_facts_from_draft(draft, found), None, "", None, found
    if embedded is None:  # a standalone individual agreement: its local agreement is not at hand
        employee = employee_facts_from_draft(draft, found)
        return LocalFacts(known=frozenset({"present"})), employee, "", None, found
    found = find_edits(library, draft, embedded, found)
    # An edited clause's facts are read from its own text; a deleted clause's from the text
    # outside our unchanged clauses (where its content may have gone).
    rereads = [([t], embedded.texts[t]) for t in embedded.edited]
    rereads += [(embedded.deleted, embedded.outside)] if embedded.deleted else []
    if agreement == "lokal":
        local = embedded.local
        for topics, text in rereads:
            read = local_facts_from_draft(draft, found, text)
            local = merge_facts(local, read, topics, LOCAL_TOPIC_FACTS)
        return local, None, "", embedded, found
    assert embedded.employee is not None
    employee = embedded.employee
    for topics, text in rereads:
        read_employee = employee_facts_from_draft(draft, found, text)
        employee = merge_facts(employee, read_employee, topics, EMPLOYEE_TOPIC_FACTS)
    return embedded.local, employee, employee.name or "", embedded, found


def audit(
    library: Library, path: Path, sector_override: str | None = None
) -> tuple[AuditResult, DocxDraft]:
    """Audit a .docx; the draft is returned too, for writing the review copy."""
    draft = read_draft(path)
    agreement = decide_agreement(draft)
    sector, sector_from = _sector(draft, sector_override)
    found = find_topics(draft, library, agreement)
    local, employee, name, embedded, found = _facts(library, draft, agreement, sector, found)
    expected = expected_topics(library, agreement, sector)
    absent = [t for t in expected if t.id not in found]
    if agreement == "individuel":
        missing = [t for t in absent if t.id in MANDATORY_INDIVIDUAL]
        recommended = [t for t in absent if t.id not in MANDATORY_INDIVIDUAL]
    else:
        missing, recommended = absent, []
    cases = [EmployeeCase(path.name, name, employee)] if employee is not None else []
    findings = run_rules(
        sector, local, cases, sources=library.sources, local_where=path.name,
        check_local=agreement == "lokal", fallback_date=dt.date.today(),
    )  # fmt: skip
    result = AuditResult(path, agreement, sector, sector_from, found, missing, recommended,
                         findings, embedded is not None)  # fmt: skip
    if embedded is not None:
        topics = {t.id: t for t in library.for_agreement(agreement)}
        result.edited = [topics[t] for t in embedded.edited]
        result.deleted = [topics[t] for t in embedded.deleted]
    result.local, result.employee = local, employee
    return result, draft


def summary_comment(result: AuditResult) -> str:
    """The comment at the top: what kind of agreement, what is missing, how many findings."""
    lines = [f"Gennemgang af {AGREEMENT_NAMES[result.agreement]} (aftale tjek)."]
    lines.append(f"Sektor: {result.sector or 'ukendt – angiv --sektor'}.")
    label = (
        "Manglende obligatoriske elementer"
        if result.agreement == "individuel"
        else "Manglende emner"
    )
    if result.missing:
        lines.append(f"{label}: " + "; ".join(t.title for t in result.missing) + ".")
    else:
        lines.append(f"{label}: ingen.")
    if result.missing_recommended:
        lines.append(
            "Anbefalede emner, der ikke er fundet: "
            + "; ".join(t.title for t in result.missing_recommended)
            + "."
        )
    if result.edited or result.deleted:
        lines.append(edit_note(result))
    counts = {
        s: sum(1 for f in result.findings if f.severity == s) for s in ("fejl", "advarsel", "info")
    }
    lines.append(
        f"Fund: {counts['fejl']} fejl, {counts['advarsel']} advarsler, "
        f"{counts['info']} til orientering."
    )
    return "\n".join(lines)


def edit_note(result: AuditResult) -> str:
    """Which of our clauses were changed or deleted after aftale generated the document."""
    parts = []
    if result.edited:
        parts.append("Ændret efter generering: " + "; ".join(t.title for t in result.edited))
    if result.deleted:
        parts.append("Slettet efter generering: " + "; ".join(t.title for t in result.deleted))
    note = "Fakta for disse afsnit er læst fra teksten, ikke fra de indlejrede svar."
    return ". ".join(parts) + ". " + note


def finding_comment(finding: Finding) -> str:
    """One finding as comment text."""
    return f"{finding.rule} ({finding.severity}): {finding.message_da}\nKilde: {finding.source}"


def _first_paragraph(draft: DocxDraft) -> etree._Element:
    """The first paragraph with text (or the first paragraph at all)."""
    for para in draft.paragraphs:
        if para.text:
            return para.element
    if draft.paragraphs:
        return draft.paragraphs[0].element
    raise InputFileError(f"{draft.path}: dokumentet har ingen afsnit at kommentere.")


def comment_plan(result: AuditResult, draft: DocxDraft) -> list[tuple[etree._Element, str]]:
    """(paragraph, text) for the summary and for every finding, at its topic when found."""
    top = _first_paragraph(draft)
    notes = [(top, summary_comment(result))]
    for topic in result.edited:
        where = result.found.get(topic.id)
        if where is not None and where.para is not None:
            notes.append((where.para.element, EDITED_COMMENT))
    for finding in result.findings:
        where = result.found.get(finding.topic)
        anchor = where.para.element if where and where.para is not None else top
        notes.append((anchor, finding_comment(finding)))
    return notes


def review_path(path: Path, out_dir: Path | None) -> Path:
    """<name>-gennemgang.docx beside the original or in out_dir."""
    return (out_dir or path.parent) / f"{path.stem}{REVIEW_SUFFIX}.docx"


def write_review(result: AuditResult, draft: DocxDraft, target: Path, overwrite: bool) -> None:
    """Write the commented copy; the original file is never touched."""
    if target.resolve() == draft.path.resolve():
        raise InputFileError(f"{target}: gennemgangskopien må ikke erstatte originalen.")
    parts = dict(draft.package.parts)
    add_comments(parts, draft.root, comment_plan(result, draft))
    parts[DOCUMENT] = etree.tostring(
        draft.root, xml_declaration=True, encoding="UTF-8", standalone=True
    )
    write_atomic(target, package_bytes(parts), overwrite=overwrite)
