"""Run the rules over answers or over facts read from a draft, and collect Findings."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence

from assembler.answers.model import Answers
from assembler.library.model import Library, Source
from assembler.records import Record
from assembler.rules.answer_facts import employee_facts, local_facts
from assembler.rules.facts import EmployeeFacts, LocalFacts
from assembler.rules.model import LOCAL_WHERE, SEVERITY_RANK, Finding, Rule, RuleInput
from assembler.rules.registry import all_rules


class EmployeeCase(Record):
    """One individual agreement to check: where it came from, whose it is, its facts."""

    _fields = ("where", "name", "facts")
    __slots__ = _fields

    def __init__(self, where: str, name: str, facts: EmployeeFacts) -> None:
        self.where = where
        self.name = name
        self.facts = facts


def source_text(sources: dict[str, Source] | None, ids: Iterable[str]) -> str:
    """'S2 (Medst: …); S12 (…)' — ids with their titles when the register knows them."""
    parts = []
    for sid in ids:
        src = (sources or {}).get(sid)
        parts.append(f"{sid} ({src.title})" if src else sid)
    return "; ".join(parts)


def _known(rule: Rule, local: LocalFacts, employee: EmployeeFacts | None) -> bool:
    """Whether every fact the rule needs was determined."""
    for need in rule.needs:
        side, _, name = need.partition(".")
        facts = local if side == "lokal" else employee
        if facts is None or name not in facts.known:
            return False
    return True


def _finding(
    rule: Rule,
    fired: object,
    where: str,
    name: str,
    sources: dict[str, Source] | None,
    source: str | None = None,
    said: dict[str, str] | None = None,
) -> Finding:
    """A finding of a rule that fired (`source`: its source text, when already made; `said`:
    messages already made, so equal ones are stored once)."""
    values = dict(fired) if isinstance(fired, dict) else {}
    message = rule.message.format(**values)
    if said is not None:
        message = said.setdefault(message, message)
    return Finding(
        rule=rule.id, severity=rule.severity, message_da=message,
        source=source_text(sources, rule.sources) if source is None else source,
        where=where, employee=name,
        sources=rule.sources, topic=rule.topic, agreement=rule.agreement, title=rule.title,
    )  # fmt: skip


MAX_RUNNABLE = 1024  # distinct (date, known facts) pairs remembered in one run


def run_rules(
    sector: str | None,
    local: LocalFacts,
    employees: Sequence[EmployeeCase] = (),
    *,
    sources: dict[str, Source] | None = None,
    local_where: str = LOCAL_WHERE,
    check_local: bool = True,
    fallback_date: dt.date | None = None,
) -> list[Finding]:
    """Findings for the local agreement (if check_local) and each employee, most severe first."""
    today = fallback_date or dt.date.today()
    findings: list[Finding] = []
    rules = all_rules()
    if check_local:
        day = local.effective or today
        for rule in rules:
            if rule.agreement != "lokal" or not rule.applies(sector, day):
                continue
            if _known(rule, local, None) and (fired := rule.check(RuleInput(sector, local))):
                findings.append(_finding(rule, fired, local_where, "", sources))
    # Per batch, once: the individual rules whose local facts are known, with the employee facts
    # each needs, by effective date (a staff list shares a few dates); the same rules as
    # _known and applies() select per employee.
    individual = [
        (rule, _employee_needs(rule))
        for rule in rules
        if rule.agreement == "individuel" and _local_needs_known(rule, local)
    ]
    by_day: dict[dt.date, list[tuple[Rule, frozenset[str]]]] = {}
    # The rules to run, by date and by the set of facts known: employees share both.
    runnable: dict[tuple[dt.date, frozenset[str]], list[Rule]] = {}
    described: dict[int, str] = {}  # each rule's source text, once
    said: dict[str, str] = {}  # equal messages stored once (many employees, one message)
    for case in employees:
        day = case.facts.effective or local.effective or today
        known = case.facts.known
        to_run = runnable.get((day, known))
        if to_run is None:
            applicable = by_day.get(day)
            if applicable is None:
                applicable = by_day[day] = [(r, n) for r, n in individual if r.applies(sector, day)]
            to_run = [rule for rule, needs in applicable if needs <= known]
            if len(runnable) < MAX_RUNNABLE:
                runnable[(day, known)] = to_run
        seen = RuleInput(sector, local, case.facts)  # frozen: one for all rules of this employee
        for rule in to_run:
            if fired := rule.check(seen):
                source = described.get(id(rule))
                if source is None:
                    source = described[id(rule)] = source_text(sources, rule.sources)
                findings.append(_finding(rule, fired, case.where, case.name, sources, source, said))
    return sorted(findings, key=lambda f: (SEVERITY_RANK[f.severity], int(f.rule[1:])))


def _employee_needs(rule: Rule) -> frozenset[str]:
    """The employee facts a rule needs (every need not on the local side)."""
    return frozenset(
        name for side, _, name in (n.partition(".") for n in rule.needs) if side != "lokal"
    )


def _local_needs_known(rule: Rule, local: LocalFacts) -> bool:
    """Whether every local fact the rule needs was determined."""
    return all(
        name in local.known
        for side, _, name in (n.partition(".") for n in rule.needs)
        if side == "lokal"
    )


def _equipment_clause(library: Library, variant: str | None) -> bool:
    """Whether the chosen place-of-work clause itself deals with equipment at each address."""
    try:
        text = library.topic("individuel", "arbejdssted").variant(variant or "").text
    except KeyError:
        return False
    return "udstyr" in text.casefold()


def answer_cases(library: Library, answers: Answers) -> list[EmployeeCase]:
    """Each employee's facts, named by the row or list position they came from."""
    cases = []
    clause_says: dict[str | None, bool] = {}  # per place-of-work variant, once
    for index, employee in enumerate(answers.employees, start=1):
        facts = employee_facts(employee)
        variant = employee.variant("arbejdssted")
        says = clause_says.get(variant)
        if says is None:
            says = clause_says[variant] = _equipment_clause(library, variant)
        if facts.equipment_each_address is not says:  # frozen: equal facts can be kept as they are
            facts = facts._replace(equipment_each_address=says)
        where = employee.origin or f"medarbejdere[{index}]"
        cases.append(EmployeeCase(where, facts.name or f"medarbejder {index}", facts))
    return cases


def check_answers(library: Library, answers: Answers) -> list[Finding]:
    """Every finding for a set of answers: the local agreement and each employee."""
    local = local_facts(answers.local)
    return run_rules(
        answers.sector, local, answer_cases(library, answers), sources=library.sources,
        local_where=answers.local.origin or LOCAL_WHERE, fallback_date=answers.date,
    )  # fmt: skip


def has_errors(findings: Iterable[Finding]) -> bool:
    """Whether any finding is a fejl."""
    return any(f.severity == "fejl" for f in findings)
