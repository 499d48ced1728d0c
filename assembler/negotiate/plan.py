"""Plan the counter-proposal: which of the draft's words we change, delete or add back, and why.

Three sources of amendments, in this order:
1. Where a clause is our own text edited by the other side, each change that is worse for the
   employees is undone word by word (their inserted paragraph deleted, our deleted one restored).
2. Where a clause is in their own words, each term that breaks a rule or is worse than our
   position is answered with the smallest edit (replies.py): the notice, the times, the cap …
3. A topic the draft lacks, and the rules require, is inserted from our position at its
   conventional place (clauses.py).
Changes in the employees' favour and wording we cannot assess are left as they are; the latter
are reported to the user as unanswered.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from assembler.audit.anchor import TextMap
from assembler.audit.changes import Change, clause_paragraphs, compare_with, version_from_answers
from assembler.audit.document import DocxDraft
from assembler.audit.review import AuditResult
from assembler.audit.terms import text_terms
from assembler.audit.terms.compare import term_effects
from assembler.library.model import Library
from assembler.negotiate import replies
from assembler.negotiate.clauses import clause_insertion
from assembler.negotiate.model import Amendment, Edit, Unanswered
from assembler.negotiate.position import Position, library_position
from assembler.negotiate.term_replies import TermReplies, family
from assembler.ooxml.ns import qn
from assembler.rules.engine import source_text
from assembler.rules.model import Finding
from assembler.rules.text_common import evidence
from assembler.rules.text_facts import Term

OURS = 0.6  # word similarity above which a clause counts as our text, edited
AGAINST = ("arbejdsgiveren", "begge")
THEIR_MARKS = tuple(qn(f"w:{t}") for t in ("ins", "del", "moveFrom", "moveTo"))
ALL_FAMILIES = ("notice", "core_hours", "availability", "days", "suspension", "compulsion",
                "transport", "termination", "tax_free", "equipment", "amount")  # fmt: skip
ANSWERED_RULES = ("R90", "R92", "R93", "R94", "R95", "R96", "R97", "R98", "R99")
INSERTED_FOR = ("fejl", "advarsel")


@dataclass
class Plan:
    """The amendments to make and what we leave to the user."""

    amendments: list[Amendment] = field(default_factory=list)
    unanswered: list[Unanswered] = field(default_factory=list)
    accepted: list[Change] = field(default_factory=list)  # their changes we let stand


def _listing(items: list[str]) -> str:
    """'a', 'a og b', 'a, b og c' (each label starting lower-case)."""
    named = [item[:1].lower() + item[1:] for item in items]
    return named[0] if len(named) == 1 else ", ".join(named[:-1]) + " og " + named[-1]


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text.casefold())


def _sources(library: Library, ids: tuple[str, ...]) -> str:
    return source_text(library.sources, ids) or "klausulbiblioteket"


def _topic_sources(library: Library, agreement: str, topic: str) -> tuple[str, ...]:
    try:
        return library.topic(agreement, topic).sources
    except KeyError:
        return ()


class Planner:
    """Builds the Plan for one draft against one position."""

    def __init__(self, library: Library, result: AuditResult, draft: DocxDraft,
                 position: Position) -> None:  # fmt: skip
        self.library, self.result, self.draft, self.position = library, result, draft, position
        self.agreement = result.agreement
        self.plan = Plan()
        self.paras = {p.index: p for p in draft.paragraphs}
        self.bodies = clause_paragraphs(draft, result.found)
        fallback = library_position(library, self.agreement, position.answers.sector)
        self.terms = TermReplies(library, self.agreement, (position, fallback))
        self.done: set[tuple[int, str]] = set()  # (paragraph, family) already answered
        self.deleted_clauses: dict[str, Change] = {}  # our clauses the draft left out

    # -- helpers ------------------------------------------------------------------------------
    def title(self, topic: str) -> str:
        """A topic's heading in the library."""
        return self.result.titles.get(topic, topic)

    def our_text(self, topic: str) -> list[tuple[str, bool]]:
        """Our clause's paragraphs (text, bullet) from our position."""
        return [(p.text, p.bullet) for p in self.position.clause(self.library, topic)]

    def is_ours(self, topic: str) -> bool:
        """Whether the draft's clause is our text, edited (not their own wording)."""
        theirs = " ".join(p.text for p in self.bodies.get(topic, []))
        ours = " ".join(text for text, _ in self.our_text(topic))
        if not theirs or not ours:
            return False
        matcher = SequenceMatcher(None, _words(ours), _words(theirs), autojunk=False)
        return matcher.ratio() >= OURS

    def findings_on(self, para: int) -> list[Finding]:
        """The text-rule findings whose words stand in a paragraph."""
        out = []
        for finding in self.result.findings:
            term = evidence(finding, self.result.text)
            if term is not None and term.para == para:
                out.append(finding)
        return out

    def add(self, topic: str, proposal: str, reason: str, ids: tuple[str, ...],
            edits: list[Edit]) -> None:  # fmt: skip
        """Record an amendment (edits on a paragraph already answered are merged into it)."""
        if not edits:
            return
        if any(self._overlaps(e) for e in edits):
            return  # the words are already answered by another amendment
        if any(self._in_their_revision(e) for e in edits):
            note = (
                f"{proposal} Ikke skrevet ind: ordene står i modpartens egne sporede "
                "ændringer. Tag stilling til deres ændring i Word, og kør modforslag igen."
            )
            self.plan.unanswered.append(Unanswered(topic, self.title(topic), note))
            return
        sources = _sources(self.library, ids or _topic_sources(self.library, self.agreement, topic))
        for amendment in self.plan.amendments:
            touched = {e.para for e in edits if e.kind in ("span", "restore", "delete")}
            if touched & amendment.paragraphs and all(e.kind == "span" for e in edits):
                amendment.edits += edits
                amendment.proposal += " " + proposal
                amendment.reason += "\n" + reason
                return
        self.plan.amendments.append(Amendment(topic, self.title(topic), proposal, reason, sources,
                                              edits))  # fmt: skip

    def _overlaps(self, edit: Edit) -> bool:
        """Whether a span edit would touch words another amendment already changes."""
        if edit.kind != "span":
            return False
        for amendment in self.plan.amendments:
            for other in amendment.edits:
                if other.para != edit.para or other.kind == "insert":
                    continue
                if other.kind != "span" or (edit.start < other.end and other.start < edit.end):
                    return other.kind != "delete"
        return False

    def _in_their_revision(self, edit: Edit) -> bool:
        """Whether an edit would change words inside the other side's own tracked changes (the
        redline engine cannot nest our revision in theirs, so we leave those words alone)."""
        if edit.kind == "insert" or edit.para not in self.paras:
            return False
        element = self.paras[edit.para].element
        if edit.kind in ("restore", "delete"):
            return any(True for _ in element.iter(*THEIR_MARKS))
        tmap = TextMap.of(element)
        for el, _ in tmap.where[edit.start : max(edit.end, edit.start + 1)]:
            if any(a.tag in THEIR_MARKS for a in el.iterancestors()):
                return True
        return False

    # -- 1. our own text, edited ------------------------------------------------------------------
    def undo_changes(self) -> set[str]:
        """Undo their changes against our version in clauses that are our text; the topics done."""
        version = version_from_answers(self.library, self.position.answers,
                                       self.position.agreement, self.position.source)  # fmt: skip
        changes = compare_with(self.library, self.agreement, version, self.draft,
                               self.result.found)  # fmt: skip
        ours = {t for t in version.clauses if t in self.result.found and self.is_ours(t)}
        for change in changes:
            if change.topic not in self.result.found and change.kind == "slettet":
                self.deleted_clauses[change.topic] = change  # a whole clause of ours they removed
                continue
            if change.topic not in ours or change.kind == "flyttet":
                continue
            if change.assessment.favour not in AGAINST:
                if change.assessment.favour == "uafklaret":
                    self.plan.unanswered.append(Unanswered(change.topic, change.title,
                        f"{change.assessment.text} (ikke besvaret: vurdér selv ændringen "
                        f"„{(change.after or change.before)[:80]}“)"))  # fmt: skip
                else:
                    self.plan.accepted.append(change)
                continue
            self._undo(change)
        return ours

    def _undo(self, change: Change) -> None:
        para = change.para
        if para is None:
            return
        rules = self.findings_on(para.index) if change.kind != "slettet" else [
            f for f in self.result.findings
            if (t := evidence(f, self.result.text)) is not None and t.topic == change.topic
        ]  # fmt: skip
        ids = tuple(dict.fromkeys(s for f in rules for s in f.sources))
        reason = "\n".join([change.assessment.text, *(f"{f.rule}: {f.message_da}" for f in rules)])
        if change.kind == "ændret":
            edits = [Edit("restore", para.index, text=change.before)]
            proposal = "Vi foreslår at fastholde vores formulering."
        elif change.kind == "tilføjet":
            edits = [Edit("delete", para.index)]
            proposal = "Vi foreslår at slette det tilføjede afsnit."
        else:
            bullets = dict(self.our_text(change.topic))
            restored = (change.before, bullets.get(change.before, False))
            edits = [replies.insert_after(para.index, [restored])]
            proposal = "Vi foreslår at genindsætte afsnittet fra vores udkast."
        self.done |= {(para.index, kind) for kind in ALL_FAMILIES}
        self.add(change.topic, proposal, reason.strip(), ids, edits)

    # -- 2. their own wording ---------------------------------------------------------------------
    def answer_terms(self, ours: set[str]) -> None:
        """Answer rule findings and terms worse than our position in their own wording."""
        assert self.result.text is not None
        for finding in self.result.findings:
            if finding.rule not in ANSWERED_RULES:
                continue
            term = evidence(finding, self.result.text)
            if term is None or (term.topic in ours and term.topic):
                continue
            self._answer(term, f"{finding.rule}: {finding.message_da}", finding.sources)
        by_topic: dict[str, list[Term]] = {}
        for term in self.result.text.terms:
            if term.topic and term.topic not in ours:
                by_topic.setdefault(term.topic, []).append(term)
        for topic, theirs in by_topic.items():
            text = "\n".join(t for t, _ in self.our_text(topic))
            for effect in term_effects(text_terms(text, topic), theirs):
                if effect.direction >= 0 or not effect.family:
                    continue
                term = next((t for t in theirs if t.kind == effect.family and not t.negated), None)
                if term is not None:
                    variant = self.position.variant(topic) or ""
                    reason = (f"{effect.text[:1].upper()}{effect.text[1:]} i forhold til vores "
                              f"position ({self._variant_name(topic, variant)}).")  # fmt: skip
                    self._answer(term, reason, _topic_sources(self.library, self.agreement, topic))

    def _variant_name(self, topic: str, variant: str) -> str:
        try:
            v = self.library.topic(self.agreement, topic).variant(variant)
        except KeyError:
            return "bibliotekets standard"
        return f"variant '{v.name}'"

    def _answer(self, term: Term, reason: str, ids: tuple[str, ...]) -> None:
        """The smallest edit answering one term, if we have one."""
        if (term.para, family(term)) in self.done or term.para not in self.paras:
            return
        topic = term.topic or self.terms.topic(family(term))
        if term.kind.startswith("transport"):  # our consequence goes after the whole clause
            owned = self.bodies.get("transport") or [self.paras[term.para]]
            para = max(owned, key=lambda p: p.index)
        else:
            para = self.paras[term.para]
        edits, proposal = self.terms.reply(term, para)
        if not edits:
            note = f"{reason} (ikke besvaret automatisk)"
            self.plan.unanswered.append(Unanswered(topic, self.title(topic), note))
            return
        self.done.add((term.para, family(term)))
        self.add(topic, proposal, reason, ids, edits)

    # -- 3. missing topics ------------------------------------------------------------------------
    def insert_missing(self) -> None:
        """Insert topics the rules require (a fejl or advarsel on a topic the draft lacks)."""
        wanted: dict[str, list[Finding]] = {}
        for finding in self.result.findings:
            about_absence = evidence(finding, self.result.text) is None
            if (finding.severity in INSERTED_FOR and finding.topic not in self.result.found
                    and about_absence):  # fmt: skip
                wanted.setdefault(finding.topic, []).append(finding)
        for topic, change in self.deleted_clauses.items():
            if change.assessment.favour in AGAINST:
                wanted.setdefault(topic, [])
        for topic, findings in sorted(wanted.items(), key=lambda kv: self._order(kv[0])):
            if not self.position.renders_whole(topic):
                missing = _listing(self.position.incomplete.get(topic, ["en variant"]))
                note = (
                    f"Emnet mangler, men vores bestemmelse kan ikke indsættes, fordi svarene "
                    f"ikke angiver {missing}. Brug --svar med en udfyldt svarfil."
                )
                self.plan.unanswered.append(Unanswered(topic, self.title(topic), note))
                continue
            edits = clause_insertion(self.draft, self.result, self.library, topic,
                                     self.title(topic), self.our_text(topic))  # fmt: skip
            ids = tuple(dict.fromkeys(s for f in findings for s in f.sources))
            reasons = [f"{f.rule}: {f.message_da}" for f in findings]
            if topic in self.deleted_clauses:
                reasons.insert(0, "Bestemmelsen fra vores udkast er slettet: "
                               + self.deleted_clauses[topic].assessment.text)  # fmt: skip
            reason = "\n".join(reasons)
            self.add(topic, f"Vi foreslår at indsætte bestemmelsen „{self.title(topic)}“ fra vores "
                     "udkast.", reason, ids, edits)  # fmt: skip

    def drop_empty_headings(self) -> None:
        """A heading whose every paragraph we delete goes with them (in the same amendment)."""
        deleted = {e.para: a for a in self.plan.amendments for e in a.edits if e.kind == "delete"}
        for section in self.draft.sections:
            if section.heading is None or not section.body:
                continue
            owners = [deleted.get(p.index) for p in section.body]
            if all(owners) and owners[0] is not None:
                owners[0].edits.append(Edit("delete", section.heading.index))

    def _order(self, topic: str) -> int:
        try:
            return self.library.topic(self.agreement, topic).order
        except KeyError:
            return 10_000


def plan_counter_proposal(
    library: Library, result: AuditResult, draft: DocxDraft, position: Position
) -> Plan:
    """Every amendment our counter-proposal makes to the draft, and what it leaves open."""
    planner = Planner(library, result, draft, position)
    ours = planner.undo_changes()
    planner.answer_terms(ours)
    planner.insert_missing()
    planner.drop_empty_headings()
    planner.plan.amendments.sort(key=lambda a: min(e.para for e in a.edits))
    for topic, title, what in result.unread:
        note = f"Programmet kunne ikke afgøre ud fra teksten {what}; afsnittet er ikke besvaret."
        planner.plan.unanswered.append(Unanswered(topic, title, note))
    return planner.plan
