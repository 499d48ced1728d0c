"""Make and edit answer sheets in tests, addressing cells by field key instead of by letter."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import openpyxl
from openpyxl.utils import get_column_letter
from openpyxl.workbook.workbook import Workbook

from assembler.answers.model import Answers
from assembler.answers.xlsx.layout import (
    EMPLOYEE_HEADER_ROW,
    EMPLOYEE_SHEET,
    LOCAL_SHEET,
    employee_fields,
)
from assembler.answers.xlsx.write import answer_sheet_bytes
from assembler.library.model import Library

FIRST_EMPLOYEE_ROW = EMPLOYEE_HEADER_ROW + 1


def write_sheet(library: Library, answers: Answers | None, path: Path) -> Path:
    """Write a filled (or blank) answer sheet to path."""
    path.write_bytes(answer_sheet_bytes(library, answers))
    return path


def column(library: Library, wb: Workbook, key: str) -> int:
    """The column of an employee field (e.g. 'parter.navn') found by its header text."""
    header = {f.key: f.header for f in employee_fields(library)}[key]
    ws = wb[EMPLOYEE_SHEET]
    for cell in ws[EMPLOYEE_HEADER_ROW]:
        if cell.value == header:
            return int(cell.column)
    raise KeyError(key)


def ref(library: Library, wb: Workbook, key: str, row: int) -> str:
    """'Individuelle aftaler!F7' for a field and row."""
    return f"{EMPLOYEE_SHEET}!{get_column_letter(column(library, wb, key))}{row}"


def local_row(wb: Workbook, key: str) -> int:
    """The Lokalaftale row of a field key (column 'Felt')."""
    for row in wb[LOCAL_SHEET].iter_rows(min_row=2):
        if row[4].value == key:
            return int(row[0].row)
    raise KeyError(key)


def edit(path: Path, change: Callable[[Workbook], Any]) -> Path:
    """Open the workbook, apply a change, save it back."""
    wb = openpyxl.load_workbook(path)
    change(wb)
    wb.save(path)
    return path


def set_employee(library: Library, wb: Workbook, key: str, row: int, value: Any) -> None:
    """Set one employee cell."""
    wb[EMPLOYEE_SHEET].cell(row=row, column=column(library, wb, key)).value = value
