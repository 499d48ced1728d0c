"""The checks inside `aftale generer`: stop on fejl unless overridden; findings for the manifest."""

from __future__ import annotations

from assembler.answers.model import Answers
from assembler.errors import AnswerError
from assembler.library.model import Library
from assembler.rules.engine import check_answers
from assembler.rules.model import Finding

OVERRIDE_FLAG = "--trods-fejl"
OVERRIDE_NOTE = f"Skrevet trods fejl ({OVERRIDE_FLAG})"


def describe(f: Finding) -> str:
    """'medarbejdere[2] (Anne Hansen): R22 fejl: …' for error lists and console output."""
    who = f"{f.where} ({f.employee})" if f.employee else f.where
    return f"{who}: {f.rule} {f.severity}: {f.message_da}"


def gate(
    library: Library, answers: Answers, override: bool
) -> tuple[list[Finding], dict[str, list[str]]]:
    """All findings, and per origin the manifest's lines; raise on fejl unless overridden."""
    findings = check_answers(library, answers)
    errors = [f for f in findings if f.severity == "fejl"]
    if errors and not override:
        raise AnswerError(
            f"Svarene bryder {len(errors)} regel/regler; intet er skrevet. Ret fejlene, eller "
            f"skriv aftalerne alligevel med {OVERRIDE_FLAG}:",
            [describe(f) for f in errors],
        )
    by_origin: dict[str, list[str]] = {}
    shared: dict[str, str] = {}  # equal lines stored once: a rule fires alike for many employees
    for f in findings:
        line = f.line()
        by_origin.setdefault(f.where, []).append(shared.setdefault(line, line))
    for f in errors:
        lines = by_origin[f.where]
        if OVERRIDE_NOTE not in lines:
            lines.insert(0, OVERRIDE_NOTE)
    return findings, by_origin
