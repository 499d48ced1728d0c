"""check_answers over real answers, and the checks inside `aftale generer`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from assembler.answers.files import answers_from_raw
from assembler.errors import AnswerError
from assembler.library.model import Library
from assembler.rules import check_answers, has_errors
from assembler.rules.gate import OVERRIDE_NOTE
from assembler.workflows import generate_workflow
from tests.unit.rules.helpers import example_raw, write_raw


def test_example_answers_have_no_errors(library: Library) -> None:
    answers = answers_from_raw(library, example_raw(library), "eksempel")
    findings = check_answers(library, answers)
    assert not has_errors(findings)
    assert all(f.source.startswith("S") for f in findings)


def test_employee_outside_scope_is_a_fejl_with_place_and_name(library: Library) -> None:
    raw = example_raw(library)
    raw["medarbejdere"][0]["parter"]["personalegruppe"] = "Kantinepersonale"
    answers = answers_from_raw(library, raw, "svar.yaml")
    r12 = [f for f in check_answers(library, answers) if f.rule == "R12"]
    assert len(r12) == 1
    assert r12[0].severity == "fejl" and r12[0].where == "medarbejdere[1]"
    assert r12[0].employee == raw["medarbejdere"][0]["parter"]["navn"]
    assert "Kantinepersonale" in r12[0].message_da and "S3" in r12[0].sources


def test_extent_over_local_limit(library: Library) -> None:
    raw = example_raw(library)
    raw["lokalaftale"]["omraade"]["max_dage_pr_uge"] = 1
    raw["medarbejdere"][0]["omfang"].update({"dage_pr_periode": 3, "periode": "uge"})
    findings = check_answers(library, answers_from_raw(library, raw, "svar.yaml"))
    rules = {(f.rule, f.where) for f in findings}
    assert ("R22", "medarbejdere[1]") in rules and ("R24", "medarbejdere[1]") in rules


def test_generate_stops_on_fejl_and_writes_nothing(library: Library, tmp_path: Path) -> None:
    raw = example_raw(library)
    raw["medarbejdere"][0]["parter"]["personalegruppe"] = "Kantinepersonale"
    answers = write_raw(raw, tmp_path / "svar.yaml")
    with pytest.raises(AnswerError) as info:
        generate_workflow(answers, tmp_path / "ud", False, None, None, None)
    assert "--trods-fejl" in info.value.message_da
    assert any("R12" in p and "medarbejdere[1]" in p for p in info.value.problems)
    assert not (tmp_path / "ud").exists() or not any((tmp_path / "ud").iterdir())


def test_generate_override_records_findings_in_manifest(library: Library, tmp_path: Path) -> None:
    raw = example_raw(library)
    raw["medarbejdere"][0]["parter"]["personalegruppe"] = "Kantinepersonale"
    answers = write_raw(raw, tmp_path / "svar.yaml")
    generate_workflow(answers, tmp_path / "ud", False, None, None, None, despite_errors=True)
    manifest = json.loads((tmp_path / "ud" / "manifest.json").read_text(encoding="utf-8"))
    first = next(row for row in manifest if row["kilde"] == "medarbejdere[1]")
    assert first["fund"][0] == OVERRIDE_NOTE
    assert any(line.startswith("R12 fejl:") for line in first["fund"])
    local = next(row for row in manifest if row["kilde"] == "lokalaftale")
    assert OVERRIDE_NOTE not in local["fund"]
