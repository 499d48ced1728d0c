"""Read answers from YAML or JSON files and write them back (the demo's example answers)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path
from typing import Any

from assembler.answers.build import build_agreement, check_sector, dotted_locator
from assembler.answers.model import AgreementAnswers, Answers
from assembler.errors import AnswerError, InputFileError, problems_da
from assembler.library.model import Library
from assembler.library.values import ValueProblem, clean_text, parse_date
from assembler.safeio.textdata import DataProblem, load_json, load_yaml

MAX_ANSWER_BYTES = 20 * 1024 * 1024
LOCAL_KEY = "lokalaftale"
EMPLOYEES_KEY = "medarbejdere"


def load_raw(path: Path) -> dict[str, Any]:
    """Parse a .yaml/.yml/.json answer file into plain data."""
    if not path.is_file():
        raise InputFileError(f"{path}: filen findes ikke.")
    if path.stat().st_size > MAX_ANSWER_BYTES:
        raise InputFileError(f"{path}: filen er for stor til en svarfil.")
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputFileError(f"{path}: filen er ikke gemt som UTF-8.") from exc
    suffix = path.suffix.lower()
    if suffix not in (".json", ".yaml", ".yml"):
        raise InputFileError(
            f"{path}: ukendt filtype '{path.suffix}'. Brug .yaml, .json eller .xlsx."
        )
    try:
        data = load_json(text) if suffix == ".json" else load_yaml(text)
    except DataProblem as exc:
        line = f", linje {exc.line}" if exc.line else ""
        raise InputFileError(f"{path}{line}: {exc.message_da}.") from exc
    if not isinstance(data, dict):
        raise InputFileError(f"{path}: forventede felter som sektor, lokalaftale og medarbejdere.")
    return data


def answers_from_raw(library: Library, data: dict[str, Any], origin: str) -> Answers:
    """Typed, validated answers from plain data; raise AnswerError listing every problem."""
    sector, problems = check_sector(data.get("sektor"), f"{origin}: sektor")
    version = str(data.get("version") or "Udkast")
    date: dt.date | None = None
    if data.get("dato") not in (None, ""):
        try:
            date = parse_date(data["dato"])
        except ValueProblem as exc:
            problems.append(f"{origin}: dato: {exc}")
    try:
        version = clean_text(version)
    except ValueProblem as exc:
        problems.append(f"{origin}: version: {exc}")
    if problems:
        raise AnswerError(f"{origin}: svarene kan ikke bruges:", problems)
    known = {"sektor", "version", "dato", LOCAL_KEY, EMPLOYEES_KEY}
    problems += [f"{origin}: ukendt felt '{k}'" for k in data if k not in known]
    local_raw = data.get(LOCAL_KEY)
    if not isinstance(local_raw, dict):
        problems.append(f"{origin}: {LOCAL_KEY} mangler")
        local_raw = {}
    local, found = build_agreement(
        library, "lokal", sector, local_raw, dotted_locator(LOCAL_KEY), origin=LOCAL_KEY
    )
    problems += found
    employees: list[AgreementAnswers] = []
    raw_employees = data.get(EMPLOYEES_KEY) or []
    if not isinstance(raw_employees, list):
        problems.append(f"{origin}: {EMPLOYEES_KEY} skal være en liste")
        raw_employees = []
    for index, raw in enumerate(raw_employees, start=1):
        where = f"{EMPLOYEES_KEY}[{index}]"
        if not isinstance(raw, dict):
            problems.append(f"{where}: forventede emner for medarbejderen")
            continue
        employee, found = build_agreement(
            library, "individuel", sector, raw, dotted_locator(where), origin=where
        )
        problems += found
        employees.append(employee)
    problems += _duplicate_numbers(employees)
    if problems:
        raise AnswerError(f"{origin}: svarene indeholder {problems_da(len(problems))}:", problems)
    return Answers(sector, version, date, local, tuple(employees), origin)


def _duplicate_numbers(employees: list[AgreementAnswers]) -> list[str]:
    """Two employees with the same medarbejdernummer: a problem naming both."""
    first: dict[str, str] = {}
    problems = []
    for employee in employees:
        number = str(employee.value("parter", "medarbejdernummer") or "").strip()
        if not number:
            continue
        if number in first:
            problems.append(
                f"{employee.origin}.parter.medarbejdernummer: medarbejdernummer {number} står "
                f"også i {first[number]}; hver medarbejder skal have sit eget nummer"
            )
        else:
            first[number] = employee.origin
    return problems


def read_answers(library: Library, path: Path) -> Answers:
    """Read and validate a YAML/JSON answer file."""
    return answers_from_raw(library, load_raw(path), str(path))


def _plain(value: Any) -> Any:
    """Typed values to JSON/YAML-friendly plain values."""
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, dt.time):
        return f"{value.hour:02d}:{value.minute:02d}"
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


def agreement_to_raw(agreement: AgreementAnswers) -> dict[str, Any]:
    """One agreement's answers as plain data (variant plus values per topic)."""
    return {
        topic_id: {"variant": answer.variant}
        | {k: _plain(v) for k, v in answer.values.items() if v is not None}
        for topic_id, answer in agreement.topics.items()
    }


def answers_to_raw(answers: Answers) -> dict[str, Any]:
    """All answers as plain data, readable again by answers_from_raw."""
    return {
        "sektor": answers.sector,
        "version": answers.version,
        "dato": _plain(answers.date),
        LOCAL_KEY: agreement_to_raw(answers.local),
        EMPLOYEES_KEY: [agreement_to_raw(e) for e in answers.employees],
    }
