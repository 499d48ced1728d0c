"""Many employees from the example's few: for batch tests and the batch benchmark."""

from __future__ import annotations

from assembler.answers.model import AgreementAnswers, Answers, TopicAnswer


def many_employees(example: Answers, rows: int) -> Answers:
    """The example's employees repeated with distinct names (so every document differs)."""
    employees = []
    for i in range(rows):
        source = example.employees[i % len(example.employees)]
        parter = source.topics["parter"]
        values = dict(parter.values) | {"navn": f"Medarbejder {i + 1:05d}"}
        topics = dict(source.topics) | {"parter": TopicAnswer("parter", parter.variant, values)}
        employees.append(AgreementAnswers("individuel", topics, f"række {i + 1}"))
    return example._replace(employees=tuple(employees))


def many_numbered_employees(example: Answers, rows: int) -> Answers:
    """many_employees with a distinct medarbejdernummer each, as a real staff list has."""
    answers = many_employees(example, rows)
    employees = []
    for i, employee in enumerate(answers.employees):
        parter = employee.topics["parter"]
        values = dict(parter.values) | {"medarbejdernummer": str(100_000 + i)}
        topics = dict(employee.topics) | {"parter": TopicAnswer("parter", parter.variant, values)}
        employees.append(AgreementAnswers("individuel", topics, employee.origin))
    return answers._replace(employees=tuple(employees))
