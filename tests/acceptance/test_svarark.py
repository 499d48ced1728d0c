"""`aftale svarark` → filled in → `aftale generer SVARARK.xlsx` end to end, reopening results."""

from __future__ import annotations

import json
import time
from pathlib import Path

import openpyxl
import pytest
from openpyxl.workbook.workbook import Workbook

from assembler.answers.files import answers_to_raw
from assembler.answers.model import Answers
from assembler.answers.reader import read_answers_file
from assembler.answers.xlsx.layout import EMPLOYEE_SHEET, LOCAL_SHEET, local_fields
from assembler.answers.xlsx.sample import field_cell
from assembler.library.model import Library
from tests.acceptance.cli_helpers import run_cli
from tests.bulk import many_employees
from tests.conftest import convert_with_libreoffice
from tests.docx_text import full_text
from tests.unit.answers.xlsx_helpers import (
    FIRST_EMPLOYEE_ROW,
    column,
    edit,
    local_row,
    ref,
    set_employee,
    write_sheet,
)


def _fill(library: Library, example: Answers, wb: Workbook, people: int = 2) -> None:
    """Fill a blank sheet as a person would: local answers, then rows over the example row."""
    ws = wb[LOCAL_SHEET]
    ws.cell(local_row(wb, "sektor"), 3).value = example.sector
    ws.cell(local_row(wb, "dato"), 3).value = "15-01-2027"
    for field in local_fields(library):
        ws.cell(local_row(wb, field.key), 3).value = field_cell(field, example.local)
    for row in range(FIRST_EMPLOYEE_ROW, FIRST_EMPLOYEE_ROW + people):
        employee = example.employees[(row - FIRST_EMPLOYEE_ROW) % len(example.employees)]
        wb[EMPLOYEE_SHEET].cell(row, 1).value = None
        for field in _employee_fields(library):
            set_employee(library, wb, field.key, row, field_cell(field, employee))
        set_employee(library, wb, "parter.navn", row, f"Person {row}")


def _employee_fields(library: Library) -> list:
    from assembler.answers.xlsx.layout import employee_fields

    return employee_fields(library)


def _blank(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    path = tmp_path / "svarark.xlsx"
    result = run_cli(capsys, "svarark", "-o", str(path))
    assert result.code == 0, result.err
    assert "aftale generer" in result.out
    return path


def test_blank_sheet_filled_in_gives_agreements(
    library: Library, example: Answers, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = edit(_blank(tmp_path, capsys), lambda wb: _fill(library, example, wb))
    before = path.read_bytes()
    out = tmp_path / "ud"
    result = run_cli(capsys, "generer", str(path), "-o", str(out))
    assert result.code == 0, result.err
    assert path.read_bytes() == before
    files = sorted((out / "individuelle").glob("*.docx"))
    assert [f.name for f in files] == [
        f"individuel_aftale_Person_{FIRST_EMPLOYEE_ROW}_10234.docx",
        f"individuel_aftale_Person_{FIRST_EMPLOYEE_ROW + 1}_10877.docx",
    ]
    text = full_text(files[0])
    assert f"Person {FIRST_EMPLOYEE_ROW}" in text and "Østerbrogade 112" in text
    assert "Styrelsen for Digital Borgerservice" in full_text(out / "lokalaftale.docx")
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert [m["kilde"] for m in manifest][1:] == [
        f"{EMPLOYEE_SHEET}, række {FIRST_EMPLOYEE_ROW}",
        f"{EMPLOYEE_SHEET}, række {FIRST_EMPLOYEE_ROW + 1}",
    ]
    assert (
        (out / "manifest.csv")
        .read_text(encoding="utf-8-sig")
        .startswith("Kilde;Fil;Navn;Status;Fund")
    )


def test_svarark_refuses_to_overwrite(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = _blank(tmp_path, capsys)
    result = run_cli(capsys, "svarark", "-o", str(path))
    assert result.code == 1 and "findes allerede" in result.err
    assert run_cli(capsys, "svarark", "-o", str(path), "--overskriv").code == 0


def test_errors_write_nothing_and_name_cells(
    library: Library, example: Answers, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    def broken(wb: Workbook) -> None:
        _fill(library, example, wb, people=3)
        set_employee(
            library, wb, "ikrafttraeden.ikrafttraedelsesdato", FIRST_EMPLOYEE_ROW + 1, "31-02-2027"
        )

    path = edit(_blank(tmp_path, capsys), broken)
    out = tmp_path / "ud"
    result = run_cli(capsys, "generer", str(path), "-o", str(out))
    assert result.code == 1
    where = ref(
        library,
        openpyxl.load_workbook(path),
        "ikrafttraeden.ikrafttraedelsesdato",
        FIRST_EMPLOYEE_ROW + 1,
    )
    assert f'{where}: "31-02-2027" er ikke en gyldig dato' in result.err
    assert not out.exists() or not any(out.iterdir())

    result = run_cli(capsys, "generer", str(path), "-o", str(out), "--spring-fejl-over")
    assert result.code == 0, result.err
    assert len(list((out / "individuelle").glob("*.docx"))) == 2
    manifest = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    skipped = [m for m in manifest if m["status"] == "sprunget over"]
    assert skipped == [
        {
            "kilde": f"{EMPLOYEE_SHEET}, række {FIRST_EMPLOYEE_ROW + 1}",
            "fil": "",
            "navn": f"Person {FIRST_EMPLOYEE_ROW + 1}",
            "status": "sprunget over",
            "fund": [f'{where}: "31-02-2027" er ikke en gyldig dato (skriv fx 1-3-2027)'],
        }
    ]
    assert "sprunget over" in result.out and where in result.out
    assert "sprunget over" in (out / "manifest.csv").read_text(encoding="utf-8-sig")


def test_demo_writes_the_sheet_it_used(
    library: Library, example: Answers, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    demo = tmp_path / "demo"
    assert run_cli(capsys, "demo", "-o", str(demo)).code == 0
    sheet = demo / "eksempel-svarark.xlsx"
    assert answers_to_raw(read_answers_file(library, sheet)) == answers_to_raw(example)
    out = tmp_path / "fra-ark"
    assert run_cli(capsys, "generer", str(sheet), "-o", str(out)).code == 0
    for made in (demo / "individuelle").glob("*.docx"):
        assert (out / "individuelle" / made.name).read_bytes() == made.read_bytes()
    assert (out / "lokalaftale.docx").read_bytes() == (demo / "lokalaftale.docx").read_bytes()


@pytest.mark.slow
def test_a_thousand_rows(
    library: Library, example: Answers, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    answers = many_employees(example, 1000)
    answers = answers._replace(
        employees=tuple(
            e._replace(
                topics=e.topics
                | {
                    "parter": e.topics["parter"]._replace(
                        values=e.topics["parter"].values | {"medarbejdernummer": str(i)},
                    )
                },
            )
            for i, e in enumerate(answers.employees)
        ),
    )
    path = write_sheet(library, answers, tmp_path / "stor.xlsx")
    start = time.perf_counter()
    result = run_cli(capsys, "generer", str(path), "-o", str(tmp_path / "ud"))
    seconds = time.perf_counter() - start
    assert result.code == 0, result.err
    files = list((tmp_path / "ud" / "individuelle").glob("*.docx"))
    assert len(files) == 1000
    assert seconds < 60, seconds


@pytest.mark.libreoffice
def test_sheet_opens_and_saves_in_libreoffice(
    library: Library, example: Answers, soffice: str, tmp_path: Path
) -> None:
    program = Path(soffice).resolve().parent
    if not list(program.glob("libsclo.so")) and not list(program.glob("*sc*lo.dll")):
        pytest.skip("LibreOffice Calc er ikke installeret (pakken libreoffice-calc-nogui)")
    source = write_sheet(library, example, tmp_path / "svar.xlsx")
    pdf = convert_with_libreoffice(soffice, source, tmp_path / "pdf", "pdf")
    assert pdf.read_bytes().startswith(b"%PDF")
    saved = convert_with_libreoffice(
        soffice, source, tmp_path / "lo", "xlsx:Calc MS Excel 2007 XML"
    )
    answers = read_answers_file(library, saved)  # a workbook saved by LibreOffice reads the same
    assert answers_to_raw(answers) == answers_to_raw(example)
    wb = openpyxl.load_workbook(saved)
    assert wb[EMPLOYEE_SHEET].data_validations.dataValidation  # dropdowns survive
    assert column(library, wb, "parter.navn") == 2
