"""Individual agreements checked against the local one, from real answers, in tjek and generer."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import docx
import pytest

from assembler.answers.files import answers_from_raw
from assembler.audit.review import audit
from assembler.errors import AnswerError
from assembler.library.model import Library
from assembler.render.document import render_agreement
from assembler.render.templates import TemplateSet
from assembler.rules import Finding, check_answers
from assembler.workflows import generate_workflow
from tests.acceptance.test_tjek_cli import aftale
from tests.unit.rules.helpers import example_raw, write_raw

Raw = dict[str, Any]


def _lise_lotte_two_days(raw: Raw) -> None:
    raw["medarbejdere"][1]["omfang"].update({"dage_pr_periode": 2, "ugedag_2": "Torsdag"})


def _mikkel_short_notice(raw: Raw) -> None:
    raw["medarbejdere"][2]["aendring"]["varsel_dage"] = 2


def _consent_only_locally(raw: Raw) -> None:
    raw["lokalaftale"]["undtagelser"] = {"variant": "kun_efter_aftale"}


def _no_attendance(raw: Raw) -> None:
    raw["lokalaftale"]["undtagelser"] = {"variant": "kun_efter_aftale"}
    raw["medarbejdere"][1]["aendring"]["fremmoede_tilladt"] = False


def _student_core_time(raw: Raw) -> None:
    raw["medarbejdere"][2]["kontakttid"] = {"variant": "som_lokalaftale"}


def _attendance_days(raw: Raw) -> None:
    raw["lokalaftale"]["tilgaengelighed"] = {"variant": "fremmoededage", "antal_fremmoededage": 2}
    raw["lokalaftale"]["omraade"]["max_dage_pr_uge"] = 4
    raw["medarbejdere"][0]["omfang"].update({"dage_pr_periode": 4, "periode": "uge"})


def _own_computer(raw: Raw) -> None:
    raw["medarbejdere"][1]["udstyr"]["eget_udstyr_beskrivelse"] = "egen kontorstol og computer"


def _late_individual_evaluation(raw: Raw) -> None:
    raw["medarbejdere"][0]["varighed"]["evalueringsdato"] = "2028-03-15"


def _equipment_package(raw: Raw) -> None:
    raw["lokalaftale"]["arbejdsmiljoe"] = {"variant": "udvidet_udstyr"}  # the default package


def _ad_hoc_over_two_days(raw: Raw) -> None:
    raw["medarbejdere"][0]["omfang"].update(
        {"dage_pr_periode": "1,5", "ugeplacering": "og torsdag formiddag"}
    )


def _compensation_as_local(raw: Raw) -> None:
    raw["medarbejdere"][0]["kompensation"] = {"variant": "som_lokalaftale"}


def _attendance_beyond_local(raw: Raw) -> None:
    raw["lokalaftale"]["forrang"] = {"variant": "lokalaftalen_gaelder"}


def _half_day_unplaced(raw: Raw) -> None:
    raw["medarbejdere"][0]["omfang"]["dage_pr_periode"] = "0,5"


def _no_compensation_locally(raw: Raw) -> None:
    raw["lokalaftale"]["oekonomi"] = {"variant": "ingen_kompensation"}
    # under "det gunstigste gælder" the individual compensation would be allowed
    raw["lokalaftale"]["forrang"] = {"variant": "lokalaftalen_gaelder"}


def _hiring_condition(raw: Raw) -> None:
    raw["medarbejdere"][0]["saerlige_grupper"] = {"variant": "ved_ansaettelse"}


# (change to the example, rule, severity, employee index) — every contradiction a user can answer
CONTRADICTIONS: list[tuple[Callable[[Raw], None], str, str, int]] = [
    (_lise_lotte_two_days, "R80", "fejl", 2),
    (_attendance_days, "R81", "fejl", 1),
    (_mikkel_short_notice, "R82", "fejl", 3),
    (_consent_only_locally, "R82", "fejl", 1),
    (_no_attendance, "R83", "fejl", 2),
    (_student_core_time, "R84", "fejl", 3),
    (_own_computer, "R86", "fejl", 2),
    (_no_compensation_locally, "R87", "fejl", 2),
    (_hiring_condition, "R14", "fejl", 1),
    (_late_individual_evaluation, "R102", "fejl", 1),
    (_equipment_package, "R103", "advarsel", 3),
    (_ad_hoc_over_two_days, "R104", "advarsel", 1),
    (_compensation_as_local, "R105", "fejl", 1),
    (_attendance_beyond_local, "R106", "fejl", 1),
    (_half_day_unplaced, "R107", "advarsel", 1),
]


def _late_local_evaluation(raw: Raw) -> None:
    raw["lokalaftale"]["ikrafttraeden"].update(
        {"variant": "tidsbegraenset", "slutdato": "2027-12-31"}
    )


def _evaluation_too_late_to_negotiate(raw: Raw) -> None:
    raw["lokalaftale"]["ikrafttraeden"].update(
        {"variant": "tidsbegraenset", "slutdato": "2028-03-31"}
    )


@pytest.mark.parametrize(
    ("change", "rule", "severity", "words"),
    [
        (_late_local_evaluation, "R100", "fejl",
         ("første gang den 15. januar 2028", "ophører den 31. december 2027",
          "senest den 30. september 2027")),
        (_evaluation_too_late_to_negotiate, "R101", "advarsel",
         ("den 15. januar 2028", "efter den 31. december 2027")),
    ],
)  # fmt: skip
def test_a_late_evaluation_of_a_time_limited_local_agreement_is_found(
    library: Library,
    change: Callable[[Raw], None],
    rule: str,
    severity: str,
    words: tuple[str, ...],
) -> None:
    hits = [f for f in _check(library, change) if f.rule == rule]
    assert len(hits) == 1 and hits[0].severity == severity and hits[0].where == "lokalaftale"
    assert all(word in hits[0].message_da for word in words), hits[0].message_da


def _check(library: Library, change: Callable[[Raw], None] | None = None) -> list[Finding]:
    raw = example_raw(library)
    if change:
        change(raw)
    return check_answers(library, answers_from_raw(library, raw, "svar.yaml"))


@pytest.mark.parametrize(("change", "rule", "severity", "index"), CONTRADICTIONS,
                         ids=[c[0].__name__.strip("_") for c in CONTRADICTIONS])  # fmt: skip
def test_each_contradiction_is_found_from_answers(
    library: Library, change: Callable[[Raw], None], rule: str, severity: str, index: int
) -> None:
    raw = example_raw(library)
    hits = [f for f in _check(library, change) if f.rule == rule]
    assert hits, rule
    assert all(f.severity == severity for f in hits)
    name = raw["medarbejdere"][index - 1]["parter"]["navn"]
    assert any(f.where == f"medarbejdere[{index}]" and f.employee == name for f in hits)


def test_the_example_has_no_contradiction(library: Library) -> None:
    """The bundled example stays inside its local agreement's frame."""
    found = [f for f in _check(library) if int(f.rule[1:]) >= 80 or f.rule == "R14"]
    assert found == []


def test_tjek_reports_the_contradictions(library: Library, tmp_path: Path) -> None:
    raw = example_raw(library)
    _lise_lotte_two_days(raw)
    _mikkel_short_notice(raw)
    answers = write_raw(raw, tmp_path / "svar.yaml")
    result = aftale("tjek", answers)
    assert result.returncode == 1 and result.stderr == ""
    assert "R80" in result.stdout and "R82" in result.stdout
    assert "2 × 22/37 ≈ 1,19" in result.stdout
    data = json.loads(aftale("tjek", answers, "--json").stdout)
    found = {(f["regel"], f["hvor"]) for f in data["fund"] if f["alvor"] == "fejl"}
    assert found == {("R80", "medarbejdere[2]"), ("R82", "medarbejdere[3]")}
    r80 = next(f for f in data["fund"] if f["regel"] == "R80")
    assert r80["medarbejder"] == "Lise-Lotte Brandt" and "S52" in r80["kilder"]


def test_generer_stops_on_them_and_records_them_when_forced(
    library: Library, tmp_path: Path
) -> None:
    raw = example_raw(library)
    _own_computer(raw)
    answers = write_raw(raw, tmp_path / "svar.yaml")
    with pytest.raises(AnswerError) as info:
        generate_workflow(answers, tmp_path / "ud", False, None, None, None)
    assert any("R86 fejl" in p and "medarbejdere[2]" in p for p in info.value.problems)
    generate_workflow(answers, tmp_path / "ud", False, None, None, None, despite_errors=True)
    manifest = json.loads((tmp_path / "ud" / "manifest.json").read_text(encoding="utf-8"))
    row = next(r for r in manifest if r["kilde"] == "medarbejdere[2]")
    assert any(line.startswith("R86 fejl:") and "computer" in line for line in row["fund"])


def test_an_edited_individual_agreement_is_checked_against_its_embedded_local_frame(
    library: Library, templates: TemplateSet, tmp_path: Path
) -> None:
    """The other side raises Lise-Lotte's extent in Word: the extent is read from the new text,
    her hours and the local frame from the answers embedded in the document."""
    answers = answers_from_raw(library, example_raw(library), "eksempel")
    lise_lotte = answers.employees[1]
    path = tmp_path / "lise-lotte.docx"
    compiled = templates.for_agreement("individuel")
    path.write_bytes(render_agreement(compiled, library, answers, lise_lotte))
    assert not {f.rule for f in audit(library, path)[0].findings} & {"R22", "R80"}
    document = docx.Document(str(path))
    extent = next(p for p in document.paragraphs if "arbejder hjemme én dag" in p.text)
    extent.text = "Medarbejderen arbejder hjemme to dage om ugen."
    document.save(str(path))
    result, _ = audit(library, path)
    assert "omfang" in {t.id for t in result.edited}
    r80 = [f for f in result.findings if f.rule == "R80"]
    assert len(r80) == 1 and r80[0].severity == "fejl"
    assert "2 × 22/37 ≈ 1,19" in r80[0].message_da


def test_generer_sums_up_repeated_findings_for_a_batch(
    library: Library, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Thirty agreements with the same warning give one line with the count, not thirty."""
    raw = example_raw(library)
    lise_lotte = raw["medarbejdere"][1]
    raw["medarbejdere"] = [
        {**lise_lotte, "parter": {**lise_lotte["parter"], "navn": f"Medarbejder {i:02d}",
                                  "medarbejdernummer": f"9{i:04d}"}}
        for i in range(30)
    ]  # fmt: skip
    answers = write_raw(raw, tmp_path / "svar.yaml")
    generate_workflow(answers, tmp_path / "ud", False, None, None, None)
    out = capsys.readouterr().out
    assert "R72 advarsel (Fleksjob): 30 aftaler" in out
    assert out.count("R72 advarsel") == 1
    manifest = json.loads((tmp_path / "ud" / "manifest.json").read_text(encoding="utf-8"))
    assert sum(line.startswith("R72 ") for row in manifest for line in row["fund"]) == 30
