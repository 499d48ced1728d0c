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
