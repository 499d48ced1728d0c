"""Our own documents: rebuild the embedded answers and find clauses edited since generation.

A .docx that aftale generated carries its answers. They are only trusted for a clause whose text
is still exactly what those answers render to; for an edited or deleted clause the facts of its
topic are read from the text instead, the same way as for a draft the other side wrote.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, TypeVar

from assembler.answers.build import build_agreement, dotted_locator
from assembler.answers.model import AgreementAnswers, Answers
from assembler.audit.document import DocxDraft, Para
from assembler.audit.topics import Found
from assembler.library.model import Library
from assembler.rules.answer_facts import employee_facts, local_facts
from assembler.rules.facts import EmployeeFacts, LocalFacts

# The facts each topic's clause determines (field names of LocalFacts / EmployeeFacts).
LOCAL_TOPIC_FACTS: dict[str, tuple[str, ...]] = {
    "parter": ("employer", "organisations", "tr"),
    "omraade": ("groups", "all_staff", "excluded", "max_days_week", "abroad_allowed",
                "part_time_pro_rata"),
    "arbejdstid": ("wt_deviation", "wt_rules", "rest_deviation", "weekly_rest_deviation",
                   "hours_deviation"),
    "oekonomi": ("cost_compensation", "compensation_rule"),
    "frivillighed": ("hiring_condition",),
    "evaluering": ("has_evaluation",),
    "tidsregistrering": ("has_time_registration",),
    "tilgaengelighed": ("has_availability", "attendance_days_week", "core_time",
                        "core_time_part_time_adjusted", "reachable_whole_day"),
    "undtagelser": ("has_change_clause", "call_in", "call_in_notice_days", "attendance_right"),
    "it_sikkerhed": ("employer_it_only", "own_it_allowed"),
    "arbejdsmiljoe": ("has_apv", "equipment_package"),
    "ikrafttraeden": ("effective", "end", "notice_months", "lapse_caveat"),
}  # fmt: skip
EMPLOYEE_TOPIC_FACTS: dict[str, tuple[str, ...]] = {
    "parter": ("name", "manager", "group", "job", "employment_type", "in_contract",
               "local_referenced", "weekly_hours"),
    "arbejdssted": ("addresses", "countries", "equipment_each_address"),
    "omfang": ("days_per_period", "period", "weekdays", "placement", "avg_days_week",
               "share_of_time"),
    "kontakttid": ("has_availability", "contact_time", "contact_as_local"),
    "udstyr": ("equipment", "own_equipment", "employer_owns", "own_equipment_text",
               "employer_pays_internet"),
    "kompensation": ("compensation", "compensation_excluded"),
    "ikrafttraeden": ("effective",),
    "varighed": ("end", "first_agreement", "lapse_without_notice", "lapse_caveat",
                 "lapse_defers_to_local"),
    "opsigelse": ("notice_months",),
    "arbejdstid": ("wt_deviation", "rest_deviation", "weekly_rest_deviation", "hours_deviation"),
    "aendring": ("has_change_clause", "call_in", "call_in_notice_days", "attendance_free"),
    "arbejdsmiljoe": ("has_env_clause", "other_screen_days", "office_screen_ok"),
    "saerlige_grupper": ("special_group", "hiring_condition"),
}  # fmt: skip
COMPUTED = frozenset({"avg_days_week", "share_of_time"})  # properties: only their known-ness
F = TypeVar("F", LocalFacts, EmployeeFacts)


class Embedded:
    """The answers embedded in one of our documents, as typed answers and as facts.

    A plain class, not a dataclass: the overview's child imports it (issue 14, rules/facts.py)."""

    __slots__ = ("agreement", "answers", "clauses", "deleted", "edited", "employee", "intact",
                 "local", "name", "outside", "texts")  # fmt: skip

    def __init__(
        self,
        answers: Answers,
        agreement: AgreementAnswers,
        local: LocalFacts,
        employee: EmployeeFacts | None,
        name: str,
    ) -> None:
        self.answers = answers
        self.agreement = agreement
        self.local = local
        self.employee = employee
        self.name = name
        self.edited: list[str] = []  # topics whose text changed
        self.deleted: list[str] = []  # topics whose heading/bookmark is gone
        self.texts: dict[str, str] = {}  # edited topic → its clause's text now
        self.outside = ""  # the text outside the unchanged clauses (where a deleted clause went)
        self.intact: set[int] = set()  # indices of paragraphs still as generated
        self.clauses: list[dict[str, Any]] | None = None  # the clauses the answers render to


def embedded_answers(
    library: Library, draft: DocxDraft, agreement: str, sector: str
) -> Embedded | None:
    """The embedded answers, if present and still valid against the library."""
    payload = draft.payload or {}

    def build(kind: str, raw: Any) -> AgreementAnswers | None:
        if not isinstance(raw, dict):
            return None
        answers, problems = build_agreement(
            library, kind, sector, raw, dotted_locator("svar"), origin=draft.path.name
        )
        return None if problems else answers

    own = build(agreement, payload.get("svar"))
    if own is None:
        return None
    local = own if agreement == "lokal" else build("lokal", payload.get("lokalaftale"))
    try:
        date = dt.date.fromisoformat(str(payload["dato"])) if payload.get("dato") else None
    except ValueError:
        date = None
    employees = () if agreement == "lokal" else (own,)
    stand_in = local or AgreementAnswers("lokal", {}, draft.path.name)
    answers = Answers(sector, str(payload.get("version") or ""), date, stand_in, employees)
    if agreement == "lokal":
        return Embedded(answers, own, local_facts(own), None, "")
    facts = employee_facts(own)
    local_view = local_facts(local) if local else LocalFacts(known=frozenset({"present"}))
    return Embedded(answers, own, local_view, facts, facts.name or "")


def _norm(text: str) -> str:
    return " ".join(text.split())


def _clause_body(draft: DocxDraft, start: Para, stops: set[int], titles: set[str]) -> list[Para]:
    """The non-empty paragraphs under a clause heading, up to the next heading or clause."""
    out = []
    # texts are whitespace-normalised as read (paragraph_text): one longer than every title is
    # not a title
    room = max(map(len, titles), default=0)
    for para in draft.paragraphs[start.index + 1 :]:
        if para.index in stops or para.heading is not None:
            break
        if len(para.text) <= room and _norm(para.text) in titles:
            break
        if para.text:
            out.append(para)
    return out


def find_edits(
    library: Library, draft: DocxDraft, embedded: Embedded, found: dict[str, Found]
) -> dict[str, Found]:
    """Compare each generated clause with the document; record edits, drop deleted clauses."""
    from assembler.render.context import clause_records  # only a draft with our answers gets here

    # one document's clauses, rendered once: the memo's keys would cost more than they save
    clauses, _ = clause_records(library, embedded.answers, embedded.agreement, once=True)
    embedded.clauses = clauses  # our version, for the audit's comparison with it (changes.py)
    anchored = {topic: draft.para_of(el) for topic, _, el in draft.anchors}
    stops = {p.index for p in anchored.values() if p is not None}
    titles = {_norm(t.title) for t in library.for_agreement(embedded.agreement.agreement)}
    kept = dict(found)
    intact: set[int] = set()
    for clause in clauses:
        topic, title = clause["emne"], _norm(clause["titel"])
        heading = anchored.get(topic)
        if heading is None:  # bookmark lost: accept a paragraph that still is the exact title
            where = found.get(topic)
            exact = where is not None and where.para is not None and _norm(where.para.text) == title
            heading = where.para if exact and where is not None else None
        if heading is None:
            embedded.deleted.append(topic)
            kept.pop(topic, None)
            continue
        wanted = [text for a in clause["afsnit"] if (text := _norm(a["tekst"]))]
        body = _clause_body(draft, heading, stops, titles)
        # (paragraph texts are whitespace-normalised as read: _norm would return them as they are)
        if heading.text == title and [p.text for p in body] == wanted:
            intact |= {heading.index, *(p.index for p in body)}
        else:
            embedded.edited.append(topic)
            embedded.texts[topic] = "\n".join(p.text for p in [heading, *body])
    if embedded.deleted:  # read only for a deleted clause (review._facts): where it may have gone
        embedded.outside = "\n".join(
            p.text for p in draft.paragraphs if p.text and p.index not in intact
        )
    embedded.intact = intact
    return kept


def merge_facts(from_answers: F, from_text: F, topics: list[str], table: dict) -> F:
    """The answers' facts, with the facts of the given topics taken from the text instead."""
    names = {name for topic in topics for name in table.get(topic, ())}
    known = (from_answers.known - names) | (names & from_text.known)
    values = {name: getattr(from_text, name) for name in names - COMPUTED}
    return from_answers._replace(known=frozenset(known), **values)
