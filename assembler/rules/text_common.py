"""Shared pieces of the text-level rules R90–R99: their input, quotes and evidence.

A text rule judges what a draft's words do. Its check picks the Term that fires it; the same
picker, kept in EVIDENCE, lets the audit anchor the finding's comment on those words.
"""

from __future__ import annotations

from collections.abc import Callable

from assembler.rules.model import Finding, RuleInput
from assembler.rules.text_facts import Term, TextFacts

Picker = Callable[[TextFacts], Term | None]
EVIDENCE: dict[str, Picker] = {}
MAX_QUOTE = 140


def text_of(c: RuleInput) -> TextFacts | None:
    """The text facts of the agreement a rule is checking: the individual agreement's when the
    rule is an individual-agreement rule, else the local agreement's (None: from answers)."""
    if c.employee is not None:
        return c.employee.text
    return c.local.text


def quote(term: Term) -> str:
    """The words that set a term, shortened for a message."""
    text = " ".join(term.quote.split()).rstrip(".,; ")
    return text if len(text) <= MAX_QUOTE else text[: MAX_QUOTE - 1].rstrip() + "…"


def feature(text: TextFacts, kind: str, topic: str | None = None) -> Term | None:
    """What another clause provides (a feature term), in one topic's clause when asked."""
    return next((t for t in text.of(kind) if topic is None or t.topic == topic), None)


def where(term: Term | None, lead: str = ", jf. ") -> str:
    """', jf. § 7, stk. 1' for a feature term that has a citation; '' otherwise."""
    cite = term.get("cite") if term is not None else ""
    return f"{lead}{cite}" if cite else ""


def cite_all(terms: list[Term | None]) -> str:
    """'§ 10, stk. 1 og 2' for terms cited in one clause, '§ 9, stk. 3 og § 10, stk. 2' across
    clauses; '' when none has a citation."""
    cites = list(dict.fromkeys(t.get("cite") for t in terms if t is not None and t.get("cite")))
    if not cites:
        return ""
    heads = {c.partition(", stk. ")[0] for c in cites}
    if len(heads) == 1 and all(", stk. " in c for c in cites) and len(cites) > 1:
        stks = [c.partition(", stk. ")[2] for c in cites]
        return f"{heads.pop()}, stk. " + ", ".join(stks[:-1]) + f" og {stks[-1]}"
    return cites[0] if len(cites) == 1 else ", ".join(cites[:-1]) + f" og {cites[-1]}"


def evidence_picker(rule_id: str) -> Callable[[Picker], Picker]:
    """Decorator: remember how a rule picks its term, for anchoring its finding."""

    def register(pick: Picker) -> Picker:
        EVIDENCE[rule_id] = pick
        return pick

    return register


def evidence(finding: Finding, facts: TextFacts | None) -> Term | None:
    """The term a text-rule finding rests on, or None (other rules, missing topics)."""
    pick = EVIDENCE.get(finding.rule)
    return pick(facts) if pick is not None and facts is not None else None
