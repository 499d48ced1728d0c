"""Plan the counter-proposal: which of the draft's words we change, delete or add back, and why.

Four sources of amendments, in this order:
1. Where a clause is our own text edited by the other side, each change that is worse for the
   employees is undone word by word (their inserted paragraph deleted, our deleted one restored),
   and a clause of ours they moved is moved back when the move breaks references or lowers a
   principle (frivillighed).
2. Where a clause is in their own words, each term that breaks a rule or is worse than our
   position is answered with the smallest edit (term_replies.py): the notice, the times, the cap,
   an entry into force that has passed …
3. A topic the draft lacks, and the rules require, is inserted from our position at its
   conventional place (clauses.py).
Changes in the employees' favour and wording we cannot assess are left as they are; the latter
are reported to the user as unanswered. What each amendment says to the other side comes from
outward.py; what we note for ourselves (the assessment, the rules) stays in Amendment.notes.
"""

from __future__ import annotations

from assembler.audit.changes import Change, compare_with, version_from_answers
from assembler.audit.document import DocxDraft
from assembler.audit.review import AuditResult
from assembler.audit.terms import text_terms
from assembler.audit.terms.compare import term_effects
from assembler.library.model import Library
from assembler.negotiate import replies
from assembler.negotiate.citing import resolve_plan
from assembler.negotiate.clauses import clause_insertion
from assembler.negotiate.model import Edit, Unanswered
from assembler.negotiate.outward import Said
from assembler.negotiate.planner import (
    Plan,
    PlannerBase,
    listing,
    rule_note,
    topic_sources,
)
from assembler.negotiate.position import Position
from assembler.negotiate.term_replies import family
from assembler.rules.model import Finding
from assembler.rules.text_common import evidence
from assembler.rules.text_facts import Term

AGAINST = ("arbejdsgiveren", "begge")
ALL_FAMILIES = ("notice", "core_hours", "availability", "days", "suspension", "compulsion",
                "transport", "termination", "tax_free", "equipment", "amount")  # fmt: skip
ANSWERED_RULES = ("R90", "R92", "R93", "R94", "R95", "R96", "R97", "R98", "R99", "R110")
EVEN_IN_OUR_TEXT = ("R110",)  # our own unchanged words that the calendar has overtaken
INSERTED_FOR = ("fejl", "advarsel")


class Planner(PlannerBase):
    """Builds the Plan for one draft against one position."""

    # -- 1. our own text, edited ------------------------------------------------------------------
    def undo_changes(self) -> set[str]:
        """Undo their changes against our version in clauses that are our text; the topics done."""
        version = version_from_answers(self.library, self.position.answers,
                                       self.position.agreement, self.position.source)  # fmt: skip
        changes = compare_with(self.library, self.agreement, version, self.draft,
                               self.result.found)  # fmt: skip
        self.changes = changes
        ours = {t for t in version.clauses if t in self.result.found and self.is_ours(t)}
        self.restored_with = _deleted_runs(changes)
        # a run of deleted paragraphs goes back whole when any of them is against us
        heads = {id(c): c for c in changes}
        restored = {
            head
            for head, run in self.restored_with.items()
            if any(c.assessment.favour in AGAINST for c in (heads[head], *run))
        }
        returning = {id(c) for head in restored for c in self.restored_with[head]}
        for change in changes:
            if change.topic not in self.result.found and change.kind == "slettet":
                self.deleted_clauses[change.topic] = change  # a whole clause of ours they removed
                continue
            if change.topic not in ours or change.kind == "flyttet" or id(change) in returning:
                continue  # (a paragraph in `returning` goes back with the first of its run)
            if id(change) in restored:
                self._undo(change)
                continue
            if change.assessment.favour not in AGAINST:
                if change.assessment.favour == "uafklaret":
                    self.plan.unanswered.append(Unanswered(change.topic, change.title,
                        f"{change.assessment.text} (ikke besvaret: vurdér selv ændringen "
                        f"„{(change.after or change.before)[:80]}“)"))  # fmt: skip
                else:
                    self.plan.accepted.append(change)
                continue
            if id(change) in self.restored_with or not self._joined(change):
                self._undo(change)
        return ours

    def _joined(self, change: Change) -> bool:
        """Whether a deleted paragraph is put back together with the one before it."""
        return any(c is change for run in self.restored_with.values() for c in run)

    def _term_at(self, para: int, kind: str) -> Term | None:
        text = self.result.text
        terms = text.terms if text is not None else ()
        return next((t for t in terms if t.para == para and family(t) == kind), None)

    def _undo(self, change: Change) -> None:
        para = change.para
        if para is None:
            return
        rules = self.findings_on(para.index) if change.kind != "slettet" else [
            f for f in self.result.findings
            if (t := evidence(f, self.result.text)) is not None and t.topic == change.topic
        ]  # fmt: skip
        ids = tuple(dict.fromkeys(s for f in rules for s in f.sources))
        run = [change, *self.restored_with.get(id(change), [])]  # deleted paragraphs go together
        against = [c.assessment for c in run if c.assessment.favour in AGAINST]
        assessed = against or [change.assessment]
        notes = [*(a.text for a in assessed), *(rule_note(f) for f in rules)]
        if assessed[0].library:
            notes.insert(len(assessed), f"Målt mod klausulbiblioteket: {assessed[0].library}.")
        effects = tuple(e for c in run for e in c.assessment.effects)
        kinds = [e.family for e in effects if e.direction < 0 and e.family]
        if change.kind == "ændret":
            edits = [Edit("restore", para.index, text=change.before)]
            said = self._kept(change, kinds, para.index)
        elif change.kind == "tilføjet":
            edits = [Edit("delete", para.index)]
            suspension = self._term_at(para.index, "suspension")
            if "suspension" in kinds and suspension is not None:
                said = self.outward.suspension(suspension)
            elif "compulsion" in kinds:
                said = self.outward.compulsion()
            else:
                said = self.outward.added(effects)
        else:
            ours = self.our_text(change.topic)
            bullets = dict(ours)
            restored = [(c.before, bullets.get(c.before, False)) for c in run]
            earlier = [t for t, bullet in ours[: max(change.before_index, 0)] if not bullet]
            edit = replies.insert_after(para.index, restored, stk=bool(earlier),
                                        keys=self.new_key)  # fmt: skip
            edits = [edit]
            keys = tuple(p.key for p in edit.paragraphs)
            if "transport" in kinds:
                start = any(t.kind == "transport_start" for t in self.result.text.terms
                            if t.topic == change.topic) if self.result.text else False  # fmt: skip
                said = self.outward.transport_restored(keys, start)
            else:
                said = self.outward.reinserted(change.topic, change.title, effects, keys)
        self.done |= {(para.index, kind) for kind in ALL_FAMILIES}
        self.add(change.topic, said, notes, ids, edits)

    def _kept(self, change: Change, kinds: list[str], para: int) -> Said:
        """What we say when we keep our wording of a changed paragraph."""
        before = text_terms(change.before, change.topic)
        after = text_terms(change.after, change.topic)
        ours = {t.kind: t for t in before if not t.negated}
        theirs = {t.kind: t for t in after if not t.negated}
        if kinds[:1] == ["notice"] and "notice" in ours:
            return self.outward.notice(self._term_at(para, "notice") or theirs.get("notice"),
                                       ours["notice"], keep=True)  # fmt: skip
        if kinds[:1] == ["core_hours"] and "core_hours" in ours and "core_hours" in theirs:
            return self.outward.core(theirs["core_hours"], ours["core_hours"], keep=True)
        return self.outward.changed("", change.assessment.effects)

    # -- moves ------------------------------------------------------------------------------------
    def answer_moves(self) -> None:
        """Move a clause of ours back where it stood when the move breaks the individual
        agreements' references or pushes a principle back (Change.move says which)."""
        for change in self.changes if self.our_draft else []:
            move = change.move
            if change.kind != "flyttet" or move is None or not move.matters:
                continue
            section = next((s for s in self.draft.sections
                            if change.para is not None and s.heading is change.para),
                           None)  # fmt: skip
            target = self._heading_of_number(move.was, change.topic)
            if section is None or target is None or section.heading is None:
                continue
            last = section.body[-1].index if section.body else section.heading.index
            edit = Edit("move", section.heading.index, end=last, to=target)
            references = [ref for ref, _, _ in move.renumbered]
            said = self.outward.moved_back(change.title, move.was, references,
                                           bool(move.principle))  # fmt: skip
            self.add(change.topic, said, [change.assessment.text], ("S1",), [edit])

    def _heading_of_number(self, number: int, moved: str) -> int | None:
        """The heading the moved clause goes before, so that it becomes § number again."""
        clause_topics = {t.id for t in self.library.for_agreement(self.agreement)
                         if t.kind == "clause" and t.id != moved}  # fmt: skip
        headings = [f.para for t, f in self.result.found.items()
                    if t in clause_topics and f.para is not None and f.how != "tekst"]  # fmt: skip
        headings.sort(key=lambda p: p.index)
        return headings[number - 1].index if 0 < number <= len(headings) else None

    # -- 2. their own wording ---------------------------------------------------------------------
    def answer_terms(self, ours: set[str]) -> None:
        """Answer rule findings and terms worse than our position in their own wording."""
        assert self.result.text is not None
        for finding in self.result.findings:
            if finding.rule not in ANSWERED_RULES:
                continue
            term = evidence(finding, self.result.text)
            if term is None or (term.topic in ours and term.topic and
                                finding.rule not in EVEN_IN_OUR_TEXT):  # fmt: skip
                continue
            self._answer(term, [rule_note(finding)], finding.sources)
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
                    note = f"{effect.text[:1].upper()}{effect.text[1:]} (målt mod vores position)."
                    self._answer(term, [note], topic_sources(self.library, self.agreement, topic))

    def _answer(self, term: Term, notes: list[str], ids: tuple[str, ...]) -> None:
        """The smallest edit answering one term, if we have one."""
        if (term.para, family(term)) in self.done or term.para not in self.paras:
            return
        topic = term.topic or self.terms.topic(family(term))
        if term.kind.startswith("transport"):  # our consequence goes after the whole clause
            owned = self.bodies.get("transport") or [self.paras[term.para]]
            para = max(owned, key=lambda p: p.index)
        else:
            para = self.paras[term.para]
        edits, said = self.terms.reply(term, para)
        if not edits:
            note = f"{' '.join(notes)} (ikke besvaret automatisk)"
            self.plan.unanswered.append(Unanswered(topic, self.title(topic), note))
            return
        self.done.add((term.para, family(term)))
        self.add(topic, said, notes, ids, edits)

    # -- 3. missing topics ------------------------------------------------------------------------
    def insert_missing(self) -> None:
        """Insert topics the rules require (a fejl or advarsel on a topic the draft lacks)."""
        wanted: dict[str, list[Finding]] = {}
        for finding in self.result.findings:
            about_absence = evidence(finding, self.result.text) is None
            if (finding.severity in INSERTED_FOR and finding.topic not in self.result.found
                    and about_absence):  # fmt: skip
                wanted.setdefault(finding.topic, []).append(finding)
        for topic, change in self.deleted_clauses.items():  # only a draft of ours has those
            if change.assessment.favour in AGAINST and self.our_draft:
                wanted.setdefault(topic, [])
        for topic, findings in sorted(wanted.items(), key=lambda kv: self._order(kv[0])):
            if not self.position.renders_whole(topic):
                missing = listing(self.position.incomplete.get(topic, ["en variant"]))
                note = (
                    f"Emnet mangler, men vores bestemmelse kan ikke indsættes, fordi svarene "
                    f"ikke angiver {missing}. Brug --svar med en udfyldt svarfil."
                )
                self.plan.unanswered.append(Unanswered(topic, self.title(topic), note))
                continue
            edits = clause_insertion(self.draft, self.result, self.library, topic,
                                     self.title(topic), self.our_text(topic),
                                     self.new_key)  # fmt: skip
            ids = tuple(dict.fromkeys(s for f in findings for s in f.sources))
            notes = [rule_note(f) for f in findings]
            if topic in self.deleted_clauses and self.our_draft:
                deleted = self.deleted_clauses[topic]
                notes.insert(0, "Bestemmelsen fra vores udkast er slettet: "
                             + deleted.assessment.text)  # fmt: skip
                said = self.outward.reinserted(topic, self.title(topic),
                                               deleted.assessment.effects, None)  # fmt: skip
            else:
                said = self.outward.missing(topic, self.title(topic))
            self.add(topic, said, notes, ids, edits)

    def drop_empty_headings(self) -> None:
        """A heading whose every paragraph we delete goes with them (in the same amendment)."""
        deleted = {e.para: a for a in self.plan.amendments for e in a.edits if e.kind == "delete"}
        inserted = {e.para for a in self.plan.amendments for e in a.edits if e.kind == "insert"}
        for section in self.draft.sections:
            if section.heading is None or not section.body:
                continue
            if inserted & {section.heading.index, *(p.index for p in section.body)}:
                continue  # our paragraphs go in under the heading
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
    planner.answer_moves()
    planner.answer_terms(ours)
    planner.insert_missing()
    planner.drop_empty_headings()
    planner.plan.amendments.sort(key=lambda a: a.first_paragraph)
    resolve_plan(draft, planner.plan.amendments)
    for topic, title, what in result.unread:
        note = f"Programmet kunne ikke afgøre ud fra teksten {what}; afsnittet er ikke besvaret."
        planner.plan.unanswered.append(Unanswered(topic, title, note))
    return planner.plan


def _deleted_runs(changes: list[Change]) -> dict[int, list[Change]]:
    """Paragraphs of one clause of ours deleted together, put back as one amendment: the first
    deleted paragraph of each run (by identity) → the ones after it (one comment, one block)."""
    runs: dict[int, list[Change]] = {}
    first: Change | None = None
    for change in changes:
        joins = (
            first is not None
            and change.kind == "slettet"
            and change.topic == first.topic
            and change.para is not None
            and change.para is first.para
        )
        if joins:
            assert first is not None
            runs[id(first)].append(change)
        elif change.kind == "slettet" and change.para is not None:
            first = change
            runs[id(first)] = []
        else:
            first = None
    return {head: tail for head, tail in runs.items() if tail}
