"""Rules from FACTS.md §4 with sources; check answers and drafts against them."""

from assembler.rules.engine import check_answers, has_errors, run_rules
from assembler.rules.model import Finding, Rule
from assembler.rules.registry import NOT_CHECKABLE, all_rules

__all__ = [
    "NOT_CHECKABLE",
    "Finding",
    "Rule",
    "all_rules",
    "check_answers",
    "has_errors",
    "run_rules",
]
