"""The answer sheet is generated from the library: dropdowns, typed validation, guidance, schema."""

from __future__ import annotations

import copy
from pathlib import Path

import openpyxl
import pytest
from openpyxl.utils import range_boundaries
from openpyxl.workbook.workbook import Workbook

from assembler.answers.model import Answers
from assembler.answers.reader import read_answers_file
from assembler.answers.xlsx.layout import (
    EMPLOYEE_HEADER_ROW,
    EMPLOYEE_SHEET,
    EXAMPLE_MARK,
    LISTS_SHEET,
    LOCAL_SHEET,
    SCHEMA_SHEET,
    SCHEMA_VERSION,
    employee_fields,
    local_fields,
)
from assembler.answers.xlsx.write import answer_sheet_bytes
from assembler.library import load_library
from assembler.library.model import Library
from tests.minilib import topic, write_library
from tests.unit.answers.xlsx_helpers import FIRST_EMPLOYEE_ROW, edit, local_row, write_sheet


@pytest.fixture
def blank(library: Library, tmp_path: Path) -> Workbook:
    return openpyxl.load_workbook(write_sheet(library, None, tmp_path / "blank.xlsx"))


def _list_values(wb: Workbook, formula: str) -> list[str]:
    sheet, _, cells = formula.partition("!")
    assert sheet.strip("'") == LISTS_SHEET
    min_col, min_row, _, max_row = range_boundaries(cells.replace("$", ""))
    ws = wb[LISTS_SHEET]
    return [ws.cell(r, min_col).value for r in range(min_row, max_row + 1)]


def _validations(wb: Workbook, sheet: str) -> dict[str, object]:
    """First cell of each validated range → its DataValidation."""
    out = {}
    for dv in wb[sheet].data_validations.dataValidation:
        for rng in dv.sqref.ranges:
            out[rng.coord.split(":")[0]] = dv
    return out


def test_sheets_hidden_lists_and_schema(library: Library, blank: Workbook) -> None:
    assert blank.sheetnames == [
        "Vejledning",
        LOCAL_SHEET,
        EMPLOYEE_SHEET,
        LISTS_SHEET,
        SCHEMA_SHEET,
    ]
    assert blank[LISTS_SHEET].sheet_state == "hidden"
    assert blank[SCHEMA_SHEET].sheet_state == "hidden"
    assert blank[SCHEMA_SHEET]["B1"].value == SCHEMA_VERSION
    assert blank[SCHEMA_SHEET]["B2"].value == library.version_label
    assert "Alt+Enter" in "\n".join(str(c.value) for c in blank["Vejledning"]["A"])


def test_employee_columns_are_typed(library: Library, blank: Workbook) -> None:
    ws = blank[EMPLOYEE_SHEET]
    validations = _validations(blank, EMPLOYEE_SHEET)
    fields = employee_fields(library)
    assert ws.freeze_panes == f"C{FIRST_EMPLOYEE_ROW}"
    for col, field in enumerate(fields, start=2):
        cell = ws.cell(EMPLOYEE_HEADER_ROW, col)
        assert cell.value == field.header
        assert ws.column_dimensions[cell.column_letter].width >= 14
        dv = validations[f"{cell.column_letter}{FIRST_EMPLOYEE_ROW}"]
        assert len(dv.prompt) <= 255 and len(dv.promptTitle) <= 32 and dv.prompt
        param = field.param
        if param is None:
            assert dv.type == "list"
            assert _list_values(blank, dv.formula1) == [v.name for v in field.topic.variants]
        elif param.type == "choice":
            assert _list_values(blank, dv.formula1) == list(param.choices)
        elif param.type == "bool":
            assert _list_values(blank, dv.formula1) == ["Ja", "Nej"]
        elif param.type == "date":
            assert dv.type == "date"
        elif param.type == "int":
            assert dv.type == "whole"
            if param.min is not None:
                assert float(dv.formula1) == param.min
            if param.max is not None:
                assert float(dv.formula2) == param.max
        if param is not None and param.help:
            assert dv.prompt.startswith(param.help.strip()[:40])


def test_local_rows_cover_every_question(library: Library, blank: Workbook) -> None:
    ws = blank[LOCAL_SHEET]
    keys = [ws.cell(r, 5).value for r in range(2, ws.max_row + 1)]
    assert keys[:3] == ["sektor", "version", "dato"]
    assert keys[3:] == [f.key for f in local_fields(library)]
    validations = _validations(blank, LOCAL_SHEET)
    assert _list_values(blank, validations[f"C{local_row(blank, 'sektor')}"].formula1) == [
        "stat",
        "kommune",
        "region",
    ]
    only = [f for f in local_fields(library) if f.note]
    assert only and all(
        "(kun ved variant" in ws.cell(local_row(blank, f.key), 2).value for f in only
    )


def test_example_row_is_realistic_and_valid(
    library: Library, example: Answers, tmp_path: Path
) -> None:
    path = tmp_path / "blank.xlsx"
    path.write_bytes(answer_sheet_bytes(library, example=example.employees[0]))
    wb = openpyxl.load_workbook(path)
    assert wb[EMPLOYEE_SHEET].cell(FIRST_EMPLOYEE_ROW, 1).value == EXAMPLE_MARK
    filled = tmp_path / "filled.xlsx"
    filled.write_bytes(answer_sheet_bytes(library, example))
    source = openpyxl.load_workbook(filled)

    def copy_local_and_unmark(wb: Workbook) -> None:
        for row in range(2, wb[LOCAL_SHEET].max_row + 1):
            wb[LOCAL_SHEET].cell(row, 3).value = source[LOCAL_SHEET].cell(row, 3).value
        wb[EMPLOYEE_SHEET].cell(FIRST_EMPLOYEE_ROW, 1).value = None

    answers = read_answers_file(library, edit(path, copy_local_and_unmark))
    assert len(answers.employees) == 1
    assert answers.employees[0].value("parter", "navn") == example.employees[0].value(
        "parter", "navn"
    )


def test_blank_sheet_without_bundled_example_still_has_a_valid_example_row(
    library: Library, tmp_path: Path
) -> None:
    path = write_sheet(library, None, tmp_path / "blank.xlsx")
    row = [c.value for c in openpyxl.load_workbook(path)[EMPLOYEE_SHEET][FIRST_EMPLOYEE_ROW]]
    assert row[0] == EXAMPLE_MARK and sum(v is not None for v in row) > 10


def test_new_variants_and_params_appear_without_code_changes(tmp_path: Path) -> None:
    individual = topic("parter", "individuel")
    grown = copy.deepcopy(individual)
    grown["variants"].append(
        {
            "id": "c",
            "name": "Ny variant C",
            "position": "Balanceret",
            "summary": "s",
            "sources": ["S1"],
            "text": "C med {{ nyt_felt }}.",
            "params": [
                {
                    "name": "nyt_felt",
                    "type": "choice",
                    "label": "Nyt felt",
                    "help": "Vælg.",
                    "choices": {"Rød": "rød", "Grøn": "grøn"},
                }
            ],
        }
    )
    for name, topics in (
        ("før", [topic("omraade"), individual]),
        ("efter", [topic("omraade"), grown]),
    ):
        lib = load_library(write_library(tmp_path / name, topics))
        path = write_sheet(lib, None, tmp_path / f"{name}.xlsx")
        wb = openpyxl.load_workbook(path)
        headers = [c.value for c in wb[EMPLOYEE_SHEET][EMPLOYEE_HEADER_ROW]]
        lists = [[c.value for c in col if c.value] for col in wb[LISTS_SHEET].iter_cols()]
        assert ("Nyt felt" in headers) == (name == "efter")
        assert (["valg:individuel:parter:nyt_felt", "Rød", "Grøn"] in lists) == (name == "efter")
        names = next(col for col in lists if col[0] == "variant:individuel:parter")
        assert names[1:] == (["A", "B", "Ny variant C"] if name == "efter" else ["A", "B"])
        note = next(c.value for c in wb[EMPLOYEE_SHEET][EMPLOYEE_HEADER_ROW] if c.value == "Antal")
        assert note


def test_writing_is_deterministic(library: Library, example: Answers) -> None:
    assert answer_sheet_bytes(library, example) == answer_sheet_bytes(library, example)
