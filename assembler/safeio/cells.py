"""One safe writer for spreadsheet cells: text stays text, in .xlsx and in CSV.

openpyxl stores any string that starts with "=" as a formula, and Excel treats a CSV field that
starts with =, +, -, @, tab or carriage return as one. Text from answers, drafts and the
counterparty's headings is untrusted, so every writer passes its cells through here.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # openpyxl costs 0.1 s to import; the CSV writers (generer's manifest) skip it
    from openpyxl.cell.cell import Cell
    from openpyxl.workbook.workbook import Workbook
    from openpyxl.worksheet.worksheet import Worksheet

# OWASP, "CSV Injection": fields starting with these characters are interpreted as formulas.
CSV_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")


def csv_text(value: Any) -> Any:
    """A CSV field that a spreadsheet shows as text: a leading trigger gets a single quote."""
    if isinstance(value, str) and value.startswith(CSV_TRIGGERS):
        return "'" + value
    return value


def csv_row(values: Iterable[Any]) -> list[Any]:
    """csv_text applied to every field of a row."""
    return [csv_text(v) for v in values]


def as_text(cell: Cell) -> Cell:
    """Keep a string cell a string: openpyxl would otherwise save '=…' as a formula."""
    if isinstance(cell.value, str) and cell.data_type == "f":
        cell.data_type = "s"
    return cell


def write_cell(ws: Worksheet, row: int, column: int, value: Any = None) -> Cell:
    """ws.cell(row, column, value) that never writes a formula."""
    return as_text(ws.cell(row=row, column=column, value=value))


def text_row(ws: Worksheet, values: Iterable[Any]) -> list[Any]:
    """Cells for ws.append(...) whose strings stay strings (numbers and dates stay typed)."""
    from openpyxl.cell.cell import Cell

    out: list[Any] = []
    for value in values:
        if isinstance(value, str):
            out.append(as_text(Cell(ws, value=value)))
        else:
            out.append(value)
    return out


def text_only(wb: Workbook) -> Workbook:
    """Turn every would-be formula in a finished workbook back into the text it was given."""
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                as_text(cell)
    return wb
