"""Open an untrusted answer workbook and get cell values as people left them (merges, formulas)."""

from __future__ import annotations

import datetime as dt
import io
import re
import warnings
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import openpyxl
from openpyxl.utils import get_column_letter
from openpyxl.utils.datetime import from_excel
from openpyxl.workbook.workbook import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from assembler.errors import InputFileError
from assembler.library.model import Param
from assembler.safeio.zipcheck import scan_members

ESCAPED = re.compile(r"_x([0-9A-Fa-f]{4})_")
FORMULA = re.compile(rb"<(?:\w+:)?f[ >/]")
FORMULA_MISSING = (
    "cellen indeholder en formel uden gemt resultat; åbn filen i Excel (eller LibreOffice), "
    "gem den, og prøv igen"
)


@dataclass
class Grid:
    """One sheet's values by (row, column), 1-based, with merged ranges filled down."""

    title: str
    values: list[list[Any]]
    formulas: set[tuple[int, int]] = field(default_factory=set)

    def get(self, row: int, col: int) -> Any:
        """The value at row/col (None outside the used range)."""
        if row - 1 >= len(self.values) or col - 1 >= len(self.values[row - 1]):
            return None
        return self.values[row - 1][col - 1]

    @property
    def rows(self) -> int:
        """Number of rows in the used range."""
        return len(self.values)

    def ref(self, row: int, col: int) -> str:
        """'Sheet!C7'."""
        return f"{self.title}!{get_column_letter(col)}{row}"


def _load(path: Path, data_only: bool) -> Workbook:
    """openpyxl load with Danish errors; its warnings about unsupported extras are irrelevant."""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return openpyxl.load_workbook(
                io.BytesIO(path.read_bytes()), data_only=data_only, keep_links=False
            )
    except (KeyError, ValueError, TypeError, zipfile.BadZipFile, OSError) as exc:
        raise InputFileError(
            f"{path}: filen kan ikke læses som Excel-projektmappe ({exc})."
        ) from exc


def open_workbook(path: Path) -> tuple[Workbook, Workbook | None]:
    """Safety-check the package, then load values (and formulas, if there are any)."""
    suffix = path.suffix.lower()
    if suffix in (".csv", ".txt", ".tsv"):
        raise InputFileError(
            f"{path}: CSV-filer kan ikke bruges som svarark, fordi de mister listerne og "
            "kolonnetyperne. Brug svararket fra „aftale svarark“ og gem det som "
            "Excel-projektmappe (.xlsx)."
        )
    names, with_formulas = scan_members(path, "xlsx", FORMULA)
    if "xl/vbaProject.bin" in names:
        raise InputFileError(f"{path}: filen indeholder makroer. Gem den som .xlsx uden makroer.")
    has_formulas = any(name.startswith("xl/worksheets/") for name in with_formulas)
    values = _load(path, data_only=True)
    return values, (_load(path, data_only=False) if has_formulas else None)


def read_grid(values: Worksheet, formulas: Worksheet | None) -> Grid:
    """All values of a sheet; vertical merges repeat the top cell; formula cells without value."""
    data = [list(r) for r in values.iter_rows(values_only=True)]
    grid = Grid(values.title, data)
    for merged in values.merged_cells.ranges:
        if merged.min_col != merged.max_col:
            continue
        top = grid.get(merged.min_row, merged.min_col)
        for row in range(merged.min_row + 1, min(merged.max_row, len(data)) + 1):
            line = data[row - 1]
            if merged.min_col - 1 < len(line):
                line[merged.min_col - 1] = top
    if formulas is not None:
        for row in formulas.iter_rows():
            for cell in row:
                if cell.data_type == "f" or (
                    isinstance(cell.value, str) and cell.value.startswith("=")
                ):
                    r, c = cell.row, cell.column
                    if grid.get(r, c) is None:
                        grid.formulas.add((r, c))
    return grid


def unescape(value: Any) -> Any:
    """Excel writes control characters as _xHHHH_; turn them back so they can be rejected."""
    if isinstance(value, str) and "_x" in value:
        return ESCAPED.sub(lambda m: chr(int(m.group(1), 16)), value)
    return value


def is_blank(value: Any) -> bool:
    """Empty cell or only spaces."""
    return value is None or (isinstance(value, str) and not value.strip())


def for_param(param: Param | None, value: Any) -> Any:
    """Adjust a cell value for the parameter's parser: serial dates, 1234.0 as text, etc."""
    value = unescape(value)
    if param is None or value is None:
        return value
    number = isinstance(value, (int, float)) and not isinstance(value, bool)
    if param.type == "date" and number and 1 <= value < 2958466:
        converted = from_excel(value)
        return converted.date() if isinstance(converted, dt.datetime) else value
    if param.type in ("text", "list", "paragraphs"):
        if isinstance(value, float) and value.is_integer():
            return str(int(value))
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return str(value)
        if isinstance(value, dt.datetime):
            return value.strftime("%d-%m-%Y")
    return value
