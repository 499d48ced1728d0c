"""Open an untrusted answer workbook and get its cell values fast, with cell-precise places.

The package is first streamed through safeio.zipcheck (names, sizes, DOCTYPEs); then calamine
reads the values (about 8x faster than openpyxl's read-only mode on a 10,000-row sheet, see
bench/sheet_readers.py), skipping empty styled rows at no cost, and gives typed dates and the
merged ranges. Formula cells without a saved result read as blank in calamine, so only when the
scan found formulas is the sheet read a second time by openpyxl (read-only) to find them.
"""

from __future__ import annotations

import datetime as dt
import re
import warnings
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from python_calamine import CalamineError, CalamineSheet, CalamineWorkbook, SheetVisibleEnum

from assembler.counts import thousands
from assembler.errors import InputFileError
from assembler.library.model import Param
from assembler.safeio.sheetextent import Extent

if TYPE_CHECKING:
    from assembler.answers.xlsx.prescan import Prescan

ESCAPED = re.compile(r"_x([0-9A-Fa-f]{4})_")
FORMULA_TAG = re.compile(rb"<(?:\w+:)?f[ >/]")


class _FormulaSearch:
    """FORMULA_TAG's search, run only where a match could start: where "<f" or ":f" occurs.

    Every match contains one of the two, and checking for them is four times faster than the
    expression on a sheet's 38 MB of XML, where every "<" starts an attempt.
    """

    def search(self, data: bytes) -> re.Match[bytes] | None:
        """As re.Pattern.search on the whole of data."""
        if b"<f" in data or (b":" in data and b":f" in data):
            return FORMULA_TAG.search(data)
        return None


# A formula's start tag, in any namespace prefix (scan_members calls only .search).
FORMULA = cast("re.Pattern[bytes]", _FormulaSearch())
FORMULA_MISSING = (
    "cellen indeholder en formel uden gemt resultat; åbn filen i Excel (eller LibreOffice), "
    "gem den, og prøv igen"
)
MAX_EMPLOYEE_ROWS = 50_000  # documented in the README; a larger staff is split over several sheets
MAX_SHEET_ROWS = MAX_EMPLOYEE_ROWS + 100  # header rows, the example row and some slack
# The reader holds a sheet as one block from A1 to its last value (32 bytes a cell): 10 million
# cells stay under 350 MB; an answer sheet of 50,000 employees fills about 3.7 million.
MAX_CELLS = 10_000_000
Hidden = tuple[set[int], set[tuple[int, int]]]  # a sheet's hidden rows and hidden column spans
MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


@dataclass
class Grid:
    """One sheet's values by (row, column), 1-based, with its merged ranges and formula cells."""

    title: str
    values: list[list[Any]]
    formulas: set[tuple[int, int]] = field(default_factory=set)
    merged: list[tuple[int, int, int, int]] = field(default_factory=list)  # r1, c1, r2, c2
    hidden: set[int] = field(default_factory=set)  # rows hidden in Excel
    hidden_columns: set[tuple[int, int]] = field(default_factory=set)  # (first, last) spans
    hidden_sheet: bool = False  # the sheet itself is hidden in Excel

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
        return f"{self.title}!{column_letter(col)}{row}"

    def range_ref(self, r1: int, c1: int, r2: int, c2: int) -> str:
        """'Sheet!B3:B4'."""
        return f"{self.title}!{column_letter(c1)}{r1}:{column_letter(c2)}{r2}"

    def merged_below(self, header_row: int, columns: set[int]) -> list[str]:
        """Merged ranges that reach below the header row in any of the given columns."""
        return [
            self.range_ref(r1, c1, r2, c2)
            for r1, c1, r2, c2 in sorted(self.merged)
            if r2 > header_row and any(c1 <= c <= c2 for c in columns)
        ]

    def hidden_below(self, header_row: int, columns: set[int]) -> list[int]:
        """Rows below the header row hidden in Excel that hold a value in any given column."""
        return [
            row
            for row in sorted(self.hidden)
            if header_row < row <= self.rows
            and any(not is_blank(self.get(row, col)) for col in columns)
        ]

    def hidden_columns_below(self, header_row: int, columns: set[int]) -> list[int]:
        """The given columns hidden in Excel that hold a value below the header row."""
        return [
            col
            for col in sorted(columns)
            if any(first <= col <= last for first, last in self.hidden_columns)
            and any(not is_blank(self.get(r, col)) for r in range(header_row + 1, self.rows + 1))
        ]


def column_letter(col: int) -> str:
    """Excel's column name: 1 → A, 26 → Z, 27 → AA (as openpyxl's get_column_letter)."""
    letters = ""
    while col > 0:
        col, rest = divmod(col - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


class AnswerBook:
    """The checked workbook: sheet names, and each sheet's grid on demand."""

    def __init__(
        self,
        path: Path,
        book: CalamineWorkbook,
        has_formulas: bool,
        hidden: dict[str, Hidden] | None = None,
    ) -> None:
        self.path = path
        self._book = book
        self._has_formulas = has_formulas
        self._hidden = hidden or {}  # rows and columns hidden in Excel, by sheet title
        self.sheetnames: list[str] = list(book.sheet_names)
        shown = SheetVisibleEnum.Visible
        self._hidden_sheets = {s.name for s in book.sheets_metadata if s.visible != shown}

    def rows(self, title: str) -> list[list[Any]]:
        """A sheet's values (blank cells as None)."""
        return self.grid(title).values

    def grid(self, title: str) -> Grid:
        """One sheet's grid, refusing sheets beyond the row cap."""
        try:
            sheet = self._book.get_sheet_by_name(title)
            values = _sheet_values(self.path, sheet, title)
            merged = sheet.merged_cell_ranges or []
        except CalamineError as exc:
            raise _unreadable(self.path) from exc
        except BaseException as exc:  # a panic in calamine while it reads the sheet
            if type(exc).__name__ != "PanicException":
                raise
            raise _unreadable(self.path) from None
        grid = Grid(title, values)
        grid.merged = [(r1 + 1, c1 + 1, r2 + 1, c2 + 1) for (r1, c1), (r2, c2) in merged]
        grid.hidden, grid.hidden_columns = self._hidden.get(title, (set(), set()))
        grid.hidden_sheet = title in self._hidden_sheets
        if self._has_formulas:
            grid.formulas = {
                (r, c) for r, c in _formula_cells(self.path, title) if grid.get(r, c) is None
            }
        return grid


def _sheet_values(path: Path, sheet: CalamineSheet, title: str) -> list[list[Any]]:
    """All values of a sheet from row 1, '' as None; refuse more rows than the cap."""
    height = sheet.end[0] + 1 if sheet.end else 0
    if height > MAX_SHEET_ROWS:
        raise _too_many_rows(path, title, height)
    # Row by row, with equal texts shared: a 50,000-row sheet repeats the same few answers
    # millions of times, and one object per cell was most of the reader's memory.
    lead: list[Any] = [None] * (sheet.start[1] if sheet.start else 0)
    shared: dict[str, str] = {}
    values: list[list[Any]] = []
    try:
        for row in sheet.iter_rows():  # rows from the first; columns from sheet.start
            values.append(
                lead
                + [
                    None if v == "" else shared.setdefault(v, v) if type(v) is str else v
                    for v in row
                ]
            )
    except BaseException as exc:  # calamine panics (pyo3's PanicException is no Exception)
        if type(exc).__name__ != "PanicException":
            raise
        raise InputFileError(
            f"{path}: arket „{title}“, række {len(values) + 1}: en celle har en værdi, der ikke "
            "kan læses (fx et tal i en datocelle langt uden for Excels datoer). Ret eller slet "
            "værdien, og gem igen."
        ) from None
    return values


def _formula_cells(path: Path, title: str) -> set[tuple[int, int]]:
    """(row, column) of every formula cell of a sheet (openpyxl read-only, formulas kept)."""
    import openpyxl  # only for sheets with formulas: importing it costs a sixth of a second

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        wb = openpyxl.load_workbook(path, read_only=True, data_only=False, keep_links=False)
    try:
        found = set()
        for row in wb[title].iter_rows():
            for cell in row:
                if getattr(cell, "data_type", None) == "f" or (
                    isinstance(cell.value, str) and cell.value.startswith("=")
                ):
                    found.add((cell.row, cell.column))
        return found
    finally:
        wb.close()


SHEET_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def _unreadable(path: Path) -> InputFileError:
    """The workbook could not be read after passing the package checks."""
    return InputFileError(
        f"{path}: filen kan ikke læses som Excel-projektmappe (indholdet er beskadiget). "
        "Åbn den i Excel, gem den igen som .xlsx, og prøv igen."
    )


def _check_extents(path: Path, extents: dict[str, Extent]) -> None:
    """Refuse a sheet whose values reach so far that reading it would exhaust memory."""
    far = {part: e for part, e in extents.items() if e.rows > MAX_SHEET_ROWS or e.cells > MAX_CELLS}
    if not far:
        return
    titles = _sheet_titles(path)
    for part, extent in sorted(far.items()):
        title = titles.get(part, part)
        if extent.rows > MAX_SHEET_ROWS:
            raise _too_many_rows(path, title, extent.rows)
        raise InputFileError(
            f"{path}: arket „{title}“ har indhold helt ud i kolonne "
            f"{column_letter(min(extent.columns, 16_384))}; et svarark kan højst fylde "
            f"{thousands(MAX_CELLS)} celler. Slet indholdet langt til højre i arket (markér "
            "kolonnerne, og vælg Slet), og gem igen."
        )


def _sheet_titles(path: Path) -> dict[str, str]:
    """Worksheet part name → sheet title, from the workbook and its relationships."""
    from assembler.ooxml.package import parse_xml  # only for a sheet that is refused

    with zipfile.ZipFile(path) as archive:
        names = set(archive.namelist())
        book = archive.read("xl/workbook.xml")
        rels_name = "xl/_rels/workbook.xml.rels"
        rels = archive.read(rels_name) if rels_name in names else b"<Relationships/>"
    targets = {
        r.get("Id"): r.get("Target", "").lstrip("/")
        for r in parse_xml(rels, f"{path.name}:{rels_name}")
    }
    titles = {}
    for sheet in parse_xml(book, f"{path.name}:xl/workbook.xml").iter(f"{{{MAIN_NS}}}sheet"):
        target = targets.get(sheet.get(f"{{{REL_NS}}}id"), "")
        part = target if target.startswith("xl/") else f"xl/{target}"
        titles[part] = sheet.get("name", part)
    return titles


def _too_many_rows(path: Path, title: str, height: int) -> InputFileError:
    """The row cap, stated in the error."""
    return InputFileError(
        f"{path}: arket „{title}“ går til række {thousands(height)}"
        + f"; et svarark kan højst have {thousands(MAX_EMPLOYEE_ROWS)}"
        + " medarbejdere. Del medarbejderne på flere svarark, eller slet indhold langt nede "
        "i arket."
    )


def open_workbook(path: Path, prescan: Prescan | None = None) -> AnswerBook:
    """Safety-check the package (or take a prescan's check of it), then open it for reading."""
    suffix = path.suffix.lower()
    if suffix in (".csv", ".txt", ".tsv"):
        raise InputFileError(
            f"{path}: CSV-filer kan ikke bruges som svarark, fordi de mister listerne og "
            "kolonnetyperne. Brug svararket fra „aftale svarark“ og gem det som "
            "Excel-projektmappe (.xlsx)."
        )
    extents: dict[str, Extent] = {}
    from assembler.answers.xlsx.prescan import scanned

    names, with_formulas = scanned(prescan, path, FORMULA, extents)
    _check_extents(path, extents)
    if "xl/vbaProject.bin" in names:
        raise InputFileError(f"{path}: filen indeholder makroer. Gem den som .xlsx uden makroer.")
    has_formulas = any(name.startswith("xl/worksheets/") for name in with_formulas)
    hidden_parts = {
        part: (e.hidden_rows, e.hidden_columns)
        for part, e in extents.items()
        if e.hidden_rows or e.hidden_columns
    }
    try:
        book = CalamineWorkbook.from_path(str(path))
        hidden = _by_title(path, hidden_parts) if hidden_parts else {}
    except (CalamineError, zipfile.BadZipFile, ValueError, OSError) as exc:
        raise _unreadable(path) from exc
    _refuse_twin_sheets(path, list(book.sheet_names))
    return AnswerBook(path, book, has_formulas, hidden)


def _refuse_twin_sheets(path: Path, names: list[str]) -> None:
    """Excel never lets two sheets share a name (in any case); a file that has two would be
    read from the first, whichever the user meant."""
    seen: dict[str, str] = {}
    for name in names:
        twin = seen.setdefault(name.casefold(), name)
        if twin is not name:
            raise InputFileError(
                f"{path}: arket „{name}“ findes to gange (også som „{twin}“), hvilket Excel ikke "
                "tillader; filen er ikke gemt af Excel. Åbn den i Excel, og gem den igen, eller "
                "lav et nyt svarark med „aftale svarark“."
            )


def _by_title(path: Path, by_part: dict[str, Hidden]) -> dict[str, Hidden]:
    """The same values keyed by sheet title instead of part name (xl/workbook.xml and its
    relationships; the package has passed every check already)."""
    from lxml import etree

    safe = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
    try:
        with zipfile.ZipFile(path) as archive:
            book = etree.fromstring(archive.read("xl/workbook.xml"), safe)
            rels = etree.fromstring(archive.read("xl/_rels/workbook.xml.rels"), safe)
    except (KeyError, etree.XMLSyntaxError) as exc:
        raise _unreadable(path) from exc
    targets: dict[str, str] = {}
    for rel in rels:
        target = str(rel.get("Target", ""))  # relative to xl/, or absolute from the root
        part = target.lstrip("/") if target.startswith("/") else f"xl/{target}"
        targets[str(rel.get("Id"))] = part
    out: dict[str, Hidden] = {}
    for sheet in book.iter(f"{{{SHEET_NS}}}sheet"):
        found = targets.get(str(sheet.get(f"{{{REL_NS}}}id")), "")
        if found in by_part:
            out[str(sheet.get("name"))] = by_part[found]
    return out


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
        from openpyxl.utils.datetime import from_excel  # rare: calamine gives typed dates

        converted = from_excel(value)
        return converted.date() if isinstance(converted, dt.datetime) else value
    if param.type in ("text", "list", "paragraphs"):
        if isinstance(value, float) and value.is_integer():
            return str(int(value))
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return str(value)
        if isinstance(value, dt.date):
            return value.strftime("%d-%m-%Y")
    return value
