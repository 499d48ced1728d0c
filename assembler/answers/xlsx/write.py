"""Write the answer sheet (.xlsx) from the clause library: blank with an example row, or filled."""

from __future__ import annotations

import datetime as dt
import io

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from assembler import __version__
from assembler.answers.model import AgreementAnswers, Answers
from assembler.answers.xlsx.guide import write_guide
from assembler.answers.xlsx.layout import (
    EMPLOYEE_GROUP_ROW,
    EMPLOYEE_HEADER_ROW,
    EMPLOYEE_SHEET,
    ENVELOPE,
    EXAMPLE_MARK,
    LISTS_SHEET,
    LOCAL_HEADERS,
    LOCAL_SHEET,
    NOTE_HEADER,
    SCHEMA_SHEET,
    SCHEMA_VERSION,
    Field,
    describe,
    dropdown_values,
    employee_fields,
    local_fields,
)
from assembler.answers.xlsx.sample import CellValue, default_cell, example_cell, field_cell
from assembler.library.model import Library
from assembler.ooxml.package import restamp_package
from assembler.safeio.cells import text_row, write_cell

DATA_ROWS = 5000  # rows below the header that carry validation and formats
FIXED_TIME = dt.datetime(2024, 1, 1)
HEADER_FILL = PatternFill("solid", fgColor="1F4E79")
GROUP_FILL = PatternFill("solid", fgColor="DDEBF7")
ANSWER_FILL = PatternFill("solid", fgColor="FFF2CC")
HEADER_FONT = Font(bold=True, color="FFFFFF")
EXAMPLE_FONT = Font(italic=True, color="7F7F7F")
WRAP = Alignment(wrap_text=True, vertical="top")
LOCAL_WIDTHS = {1: 26.0, 2: 48.0, 3: 45.0, 4: 90.0, 5: 30.0}
FORMATS = {"date": "dd-mm-yyyy", "time": "hh:mm", "text": "@", "list": "@", "paragraphs": "@"}


def _list_ranges(wb: Workbook, library: Library) -> dict[str, str]:
    """Write every dropdown list into the hidden Lister sheet; return name → range formula."""
    ws = wb.create_sheet(LISTS_SHEET)
    ranges: dict[str, str] = {}
    for col, (name, values) in enumerate(dropdown_values(library).items(), start=1):
        letter = get_column_letter(col)
        write_cell(ws, 1, col, name)
        for row, value in enumerate(values, start=2):
            write_cell(ws, row, col, value)
        end = max(2, len(values) + 1)
        ranges[name] = f"{quote_sheetname(LISTS_SHEET)}!${letter}$2:${letter}${end}"
    ws.sheet_state = "hidden"
    return ranges


def _clip(text: str, limit: int) -> str:
    """Excel refuses input messages longer than 255 characters (titles: 32)."""
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _validation(
    field: Field | None, ranges: dict[str, str], title: str, prompt: str
) -> DataValidation:
    """Data validation for one field: dropdown, date, whole number or decimal, plus its message."""
    dv = DataValidation(allow_blank=True, showInputMessage=True, showErrorMessage=True)
    dv.promptTitle = _clip(title, 32)
    dv.prompt = _clip(prompt, 255)
    param = field.param if field else None
    list_name = field.list_name if field else "sektor"
    if list_name:
        dv.type, dv.formula1 = "list", ranges[list_name]
        dv.error = "Vælg en værdi fra listen."
    elif param and param.type == "date":
        dv.type, dv.operator, dv.formula1, dv.formula2 = "date", "between", "1", "109575"
        dv.errorStyle, dv.error = "warning", "Skriv en dato, fx 1-3-2027."
    elif param and param.type == "time":
        dv.type, dv.operator, dv.formula1, dv.formula2 = "time", "between", "0", "0.999305"
        dv.errorStyle, dv.error = "warning", "Skriv et klokkeslæt, fx 09:00."
    elif param and param.type in ("int", "decimal", "money"):
        dv.type = "whole" if param.type == "int" else "decimal"
        low = param.min if param.min is not None else -1e9
        high = param.max if param.max is not None else 1e12
        dv.operator, dv.formula1, dv.formula2 = "between", f"{low:g}", f"{high:g}"
        dv.error = (
            f"Skriv et {'helt ' if param.type == 'int' else ''}tal mellem {low:g} og {high:g}."
        )
    else:
        dv.showErrorMessage = False
    dv.errorTitle = "Ugyldigt svar"
    return dv


def _style_answer(cell: object, field: Field | None) -> None:
    """Answer cell look: yellow, wrapped, typed number format."""
    cell.fill = ANSWER_FILL  # type: ignore[attr-defined]
    cell.alignment = WRAP  # type: ignore[attr-defined]
    if field and field.param and field.param.type in FORMATS:
        cell.number_format = FORMATS[field.param.type]  # type: ignore[attr-defined]


def _local_sheet(
    ws: Worksheet,
    library: Library,
    ranges: dict[str, str],
    answers: Answers | None,
    sector: str | None = None,
) -> None:
    """Lokalaftale: one row per question; the answer in column C."""
    widths = LOCAL_WIDTHS.values()
    for col, (header, width) in enumerate(zip(LOCAL_HEADERS, widths, strict=True), start=1):
        cell = write_cell(ws, 1, col, header)
        cell.font, cell.fill = HEADER_FONT, HEADER_FILL
        ws.column_dimensions[get_column_letter(col)].width = width
    envelope: dict[str, CellValue] = {"version": "Udkast", "sektor": sector}
    if answers:
        envelope = {"sektor": answers.sector, "version": answers.version, "dato": answers.date}
    row = 2
    for key, label, help_text in ENVELOPE:
        _local_row(
            ws, row, ("Aftalen" if row == 2 else None, label, envelope.get(key), help_text, key)
        )
        dv = _validation(None, ranges, label, help_text) if key == "sektor" else None
        if key == "dato":
            dv = _validation(None, ranges, label, help_text)
            dv.type, dv.operator, dv.formula1, dv.formula2 = "date", "between", "1", "109575"
            ws.cell(row=row, column=3).number_format = FORMATS["date"]
        if dv:
            ws.add_data_validation(dv)
            dv.add(f"C{row}")
        row += 1
    current = None
    for field in local_fields(library):
        first = field.topic.id != current
        current = field.topic.id
        value = field_cell(field, answers.local) if answers else default_cell(field)
        label = field.topic.question if first and field.param is None else field.header
        if field.note:
            label = f"{label} {field.note}"
        guidance = describe(field)
        if first and field.topic.guidance.strip():
            guidance += "\n\nOpmærksomhedspunkter: " + field.topic.guidance.strip()
        _local_row(
            ws, row, (field.topic.title if first else None, label, value, guidance, field.key)
        )
        if first and field.param is not None:
            write_cell(ws, row, 2, f"{field.topic.question}\n{label}")
        _style_answer(ws.cell(row=row, column=3), field)
        dv = _validation(field, ranges, field.header, describe(field))
        ws.add_data_validation(dv)
        dv.add(f"C{row}")
        row += 1
    for row in range(2, ws.max_row + 1):
        ws.row_dimensions[row].height = _height(ws, row, LOCAL_WIDTHS)
    ws.freeze_panes = "A2"
    _print_wide(ws)


def _height(ws: Worksheet, row: int, widths: dict[int, float], cap: float = 200) -> float:
    """A row height that shows wrapped text (Excel does not grow rows written by a program)."""
    lines = 1
    for col, width in widths.items():
        text = ws.cell(row=row, column=col).value
        if isinstance(text, str):
            per_line = max(8, int(width * 1.1))
            lines = max(lines, sum(1 + len(part) // per_line for part in text.split("\n")))
    return min(cap, 15.0 * lines)


def _print_wide(ws: Worksheet) -> None:
    """Print landscape, one page wide, header row repeated."""
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_title_rows = "1:1"


def _local_row(ws: Worksheet, row: int, values: tuple[CellValue, ...]) -> None:
    """Write one Lokalaftale row."""
    for col, value in enumerate(values, start=1):
        cell = write_cell(ws, row, col, value)
        cell.alignment = WRAP
    ws.cell(row=row, column=1).font = Font(bold=True)
    ws.cell(row=row, column=5).font = Font(color="7F7F7F")
    _style_answer(ws.cell(row=row, column=3), None)


def _employee_sheet(
    ws: Worksheet,
    library: Library,
    ranges: dict[str, str],
    rows: list[tuple[str | None, AgreementAnswers | None]],
) -> None:
    """Individuelle aftaler: topic titles, headers, then one row per employee."""
    fields = employee_fields(library)
    note = write_cell(ws, EMPLOYEE_HEADER_ROW, 1, NOTE_HEADER)
    note.font, note.fill, note.alignment = HEADER_FONT, HEADER_FILL, WRAP
    ws.column_dimensions["A"].width = 16
    last = EMPLOYEE_HEADER_ROW + DATA_ROWS
    group_start, current = 2, None
    for col, field in enumerate(fields, start=2):
        letter = get_column_letter(col)
        if field.topic.id != current:
            if current is not None and col - 1 > group_start:
                ws.merge_cells(start_row=1, start_column=group_start, end_row=1, end_column=col - 1)
            group_start, current = col, field.topic.id
            group = write_cell(ws, EMPLOYEE_GROUP_ROW, col, field.topic.title)
            group.font, group.fill = Font(bold=True), GROUP_FILL
        head = write_cell(ws, EMPLOYEE_HEADER_ROW, col, field.header)
        head.font, head.fill, head.alignment = HEADER_FONT, HEADER_FILL, WRAP
        wide = field.param is not None and field.param.type in ("list", "paragraphs", "text")
        ws.column_dimensions[letter].width = max(
            14, min(42, len(field.header) + 4, 30 if wide else 22)
        )
        if field.param and field.param.type in FORMATS:
            ws.column_dimensions[letter].number_format = FORMATS[field.param.type]
        prompt = describe(field)
        dv = _validation(field, ranges, field.header, prompt)
        ws.add_data_validation(dv)
        dv.add(f"{letter}{EMPLOYEE_HEADER_ROW + 1}:{letter}{last}")
    if len(fields) + 1 > group_start:
        ws.merge_cells(start_row=1, start_column=group_start, end_row=1, end_column=len(fields) + 1)
    for index, (mark, answers) in enumerate(rows):
        row = EMPLOYEE_HEADER_ROW + 1 + index
        write_cell(ws, row, 1, mark)
        lines = 1
        for col, field in enumerate(fields, start=2):
            value = (
                example_cell(field, answers) if mark == EXAMPLE_MARK else field_cell(field, answers)
            )
            cell = write_cell(ws, row, col, value)
            if isinstance(value, str):
                lines = max(lines, value.count("\n") + 1)
            cell.alignment = WRAP
            if field.param and field.param.type in FORMATS:
                cell.number_format = FORMATS[field.param.type]
            if mark == EXAMPLE_MARK:
                cell.font = EXAMPLE_FONT
        ws.row_dimensions[row].height = min(90.0, 15.0 * lines)
    ws.row_dimensions[EMPLOYEE_HEADER_ROW].height = 45
    ws.freeze_panes = ws.cell(row=EMPLOYEE_HEADER_ROW + 1, column=3)


def build_workbook(
    library: Library,
    answers: Answers | None = None,
    example: AgreementAnswers | None = None,
    sector: str | None = None,
) -> Workbook:
    """The answer sheet: filled from answers, or blank (sector preset) with one example row."""
    wb = Workbook()
    guide = wb.active
    guide.title = "Vejledning"
    local = wb.create_sheet(LOCAL_SHEET)
    employees = wb.create_sheet(EMPLOYEE_SHEET)
    ranges = _list_ranges(wb, library)
    schema = wb.create_sheet(SCHEMA_SHEET)
    for row in (
        ("skema", SCHEMA_VERSION),
        ("bibliotek", library.version_label),
        ("aftale", __version__),
    ):
        schema.append(text_row(schema, row))
    schema.sheet_state = "hidden"
    write_guide(guide, library)
    _local_sheet(local, library, ranges, answers, sector)
    rows: list[tuple[str | None, AgreementAnswers | None]]
    rows = [(None, e) for e in answers.employees] if answers else [(EXAMPLE_MARK, example)]
    _employee_sheet(employees, library, ranges, rows)
    wb.active = 1
    wb.properties.creator = "aftale"
    wb.properties.created = wb.properties.modified = FIXED_TIME
    return wb


def workbook_bytes(wb: Workbook) -> bytes:
    """Save deterministically: openpyxl stamps the time, so the parts are re-zipped."""
    buf = io.BytesIO()
    wb.save(buf)
    return restamp_package(buf.getvalue(), FIXED_TIME.strftime("%Y-%m-%dT%H:%M:%SZ"))


def answer_sheet_bytes(
    library: Library,
    answers: Answers | None = None,
    example: AgreementAnswers | None = None,
    sector: str | None = None,
) -> bytes:
    """The .xlsx bytes of the answer sheet (a blank one may have its sector preset)."""
    return workbook_bytes(build_workbook(library, answers, example, sector))
