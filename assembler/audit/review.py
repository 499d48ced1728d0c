"""Audit one agreement .docx: topics present and missing, facts, rule findings, review copy."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Any

from assembler.audit.citations import draft_citations
from assembler.audit.document import DocxDraft, read_draft
from assembler.audit.embedded import (
    EMPLOYEE_TOPIC_FACTS,
    LOCAL_TOPIC_FACTS,
    Embedded,
    embedded_answers,
    find_edits,
    merge_facts,
)
from assembler.audit.extract import employee_facts_from_draft, local_facts_from_draft, sector_of
from assembler.audit.features import draft_date, with_context
from assembler.audit.sections import paragraph_topics, template_annex
from assembler.audit.terms import read_text_facts, text_terms
from assembler.audit.topics import (
    MANDATORY_INDIVIDUAL,
    Found,
    decide_agreement,
    expected_topics,
    find_topics,
)
from assembler.errors import InputFileError
from assembler.library.model import AGREEMENT_NAMES, SECTORS, Library, Topic
from assembler.library.values import format_date
from assembler.rules.engine import EmployeeCase, run_rules
from assembler.rules.facts import EmployeeFacts, LocalFacts
from assembler.rules.model import Finding
from assembler.rules.text_facts import Term, TextFacts

if TYPE_CHECKING:
    from assembler.audit.changes import Change, OurVersion
    from assembler.ooxml.package import Package

OUR_DRAFT = "vores udkast"


class AuditResult:
    """What the audit learned about one draft.

    A plain class, not a dataclass: the overview's child imports it (issue 14, rules/facts.py)."""

    __slots__ = ("agreement", "changes", "deleted", "edited", "employee", "findings", "found",
                 "from_answers", "local", "missing", "missing_recommended", "path", "sector",
                 "sector_from", "text", "titles", "versus")  # fmt: skip

    def __init__(
        self,
        path: Path,
        agreement: str,
        sector: str | None,
        sector_from: str,  # "indlejrede svar", "--sektor", "teksten", "ukendt"
        found: dict[str, Found],
        missing: list[Topic],  # recommended (local) / mandatory (individual) topics not found
        missing_recommended: list[Topic],  # individual only
        findings: list[Finding],
        from_answers: bool,  # facts came from answers embedded by aftale
    ) -> None:
        self.path = path
        self.agreement = agreement
        self.sector = sector
        self.sector_from = sector_from
        self.found = found
        self.missing = missing
        self.missing_recommended = missing_recommended
        self.findings = findings
        self.from_answers = from_answers
        self.edited: list[Topic] = []  # our clauses changed since generation
        self.deleted: list[Topic] = []  # our clauses removed since generation
        self.local: LocalFacts | None = None  # the facts the rules were run on
        self.employee: EmployeeFacts | None = None
        self.text: TextFacts | None = None  # what the wording does (R90–R99)
        self.changes: list[Change] = []  # against our last version
        self.versus = ""  # our last version the changes are measured against ('' when none)
        self.titles: dict[str, str] = {}  # topic id → title

    @property
    def unread(self) -> list[tuple[str, str, str]]:
        """(topic, title, what could not be determined) for clauses the reader could not read."""
        if self.text is None:
            return []
        return [(t, self.titles.get(t, t), what) for t, what in self.text.unread]

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
            "ikke_afgjort": [{"emne": t, "titel": title, "hvad": what}
                             for t, title, what in self.unread],
            "sammenlignet_med": self.versus,
            "aendringer": [
                {"emne": c.topic, "titel": c.title, "aendring": c.kind, "foer": c.before,
                 "efter": c.after, "vurdering": c.assessment.text,
                 "til_fordel_for": c.assessment.favour, "kilde": c.assessment.source}
                for c in self.changes
            ],
        }  # fmt: skip


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
            # only the facts these topics determine are taken from the text (merge_facts)
            names = frozenset(n for t in topics for n in LOCAL_TOPIC_FACTS.get(t, ()))
            if not names:
                continue  # a topic with no facts of its own (transport): the answers stand
            read = local_facts_from_draft(draft, found, text, names)
            local = merge_facts(local, read, topics, LOCAL_TOPIC_FACTS)
        return local, None, "", embedded, found
    assert embedded.employee is not None
    employee = embedded.employee
    for topics, text in rereads:
        read_employee = employee_facts_from_draft(draft, found, text)
        employee = merge_facts(employee, read_employee, topics, EMPLOYEE_TOPIC_FACTS)
    return embedded.local, employee, employee.name or "", embedded, found


def embedded_label(embedded: Embedded) -> str:
    """Our version as the union representative knows it: 'vores udkast (Udkast 1 af 15. januar
    2027)'."""
    version, day = embedded.answers.version, embedded.answers.date
    if version and day:
        return f"{OUR_DRAFT} ({version} af {format_date(day)})"
    if day:
        return f"{OUR_DRAFT} af {format_date(day)}"
    return f"{OUR_DRAFT} ({version})" if version else OUR_DRAFT


def _text_facts(
    draft: DocxDraft, found: dict[str, Found], agreement: str, embedded: Embedded | None,
    version: OurVersion | None,
) -> TextFacts:  # fmt: skip
    """What the wording does: all of a foreign draft; of our own, what changed since generation.
    The features other clauses provide and the draft's date are read from every paragraph."""
    topics = paragraph_topics(draft, found)
    annex = template_annex(draft)
    skip = (embedded.intact if embedded is not None else set()) | annex
    paragraphs = [(p.index, p.text, topics.get(p.index, "")) for p in draft.paragraphs
                  if p.text and p.index not in skip]  # fmt: skip
    read = list(embedded.edited) if embedded is not None else None
    facts = read_text_facts(agreement, paragraphs, found, read)
    every = [(p.index, p.text, topics.get(p.index, "")) for p in draft.paragraphs
             if p.text and p.index not in annex]  # fmt: skip
    dated, dated_from = draft_date(draft)
    # only paragraphs before an annexed template are cited (every term and feature stands there)
    citations = draft_citations(draft, min(annex, default=None))
    facts = with_context(facts, every, citations, dated, dated_from)
    ours: list[Term] = []
    if version is not None:  # our wording of the clauses whose text was read (the rules'
        for topic, clause in version.clauses.items():  # findings can only stand there)
            if topic in facts.read_topics:
                ours += text_terms("\n".join(clause), topic)
    return facts._replace(ours=tuple(ours))


def _with_text(facts: LocalFacts | EmployeeFacts, text: TextFacts) -> LocalFacts | EmployeeFacts:
    return facts._replace(text=text, known=facts.known | {"text"})


def audit(
    library: Library,
    path: Path,
    sector_override: str | None = None,
    ours: Path | None = None,
    *,
    package: Package | None = None,
    changes: bool = True,
) -> tuple[AuditResult, DocxDraft]:
    """Audit a .docx (against our last version `ours`, or the answers it carries, if any);
    the draft is returned too, for writing the review copy. `package` is the file already
    read; `changes=False` leaves out the clause-by-clause comparison with our last version
    (result.changes), for callers that only want the findings."""
    draft = read_draft(path, package)
    agreement = decide_agreement(draft)
    sector, sector_from = _sector(draft, sector_override)
    found = find_topics(draft, library, agreement)
    local, employee, name, embedded, found = _facts(library, draft, agreement, sector, found)
    version = _our_version(library, agreement, ours, embedded)
    text = _text_facts(draft, found, agreement, embedded, version)
    if agreement == "lokal":
        local = _with_text(local, text)  # type: ignore[assignment]
    elif employee is not None:
        employee = _with_text(employee, text)  # type: ignore[assignment]
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
    topics = {t.id: t for t in library.for_agreement(agreement)}
    result.titles = {t.id: t.title for t in topics.values()}
    if embedded is not None:
        result.edited = [topics[t] for t in embedded.edited]
        result.deleted = [topics[t] for t in embedded.deleted]
    result.local, result.employee, result.text = local, employee, text
    if version is not None:
        result.versus = version.label
        if changes:
            from assembler.audit.changes import compare_with

            result.changes = compare_with(library, agreement, version, draft, found)
    return result, draft


def _our_version(
    library: Library, agreement: str, ours: Path | None, embedded: Embedded | None
) -> OurVersion | None:
    """Our last version: our own earlier .docx, else the answers the draft carries, else none.
    (Rendering it needs the templates' context, so it is imported only when there is one.)"""
    if ours is None and embedded is None:
        return None
    from assembler.audit.changes import version_from_answers, version_from_draft

    if ours is not None:
        return version_from_draft(library, _our_draft(ours, agreement), agreement)
    assert embedded is not None
    return version_from_answers(
        library, embedded.answers, embedded.agreement, embedded_label(embedded), embedded.clauses
    )


def _our_draft(path: Path, agreement: str) -> DocxDraft:
    """Our last version, which must be the same kind of agreement as the draft."""
    ours = read_draft(path)
    kind = decide_agreement(ours)
    if kind != agreement:
        raise InputFileError(
            f"{path}: er en {AGREEMENT_NAMES[kind]}, men udkastet er en "
            f"{AGREEMENT_NAMES[agreement]}. Brug --mod med vores seneste version af samme aftale."
        )
    return ours
