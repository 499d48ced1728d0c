"""Write the change overview (and, for three or more versions, the history) as an .xlsx workbook.

The rows are `overview.records`, the same data the terminal and a web page show. Every text is
stored as a string cell (never a formula, whatever it starts with); dates are real dates shown
the Danish way.
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Sequence
from typing import Any

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.worksheet.worksheet import Worksheet

from assembler.compare.model import Round
from assembler.compare.overview import COLUMNS, danish_date, danish_day, records
from assembler.ooxml.package import restamp_package
from assembler.safeio.cells import text_only

WIDTHS = {
    "runde": 8,
    "forfatter": 12,
    "dato": 14,
    "nr": 6,
    "overskrift": 24,
    "emne": 20,
    "aendring": 20,
    "foer": 42,
    "efter": 42,
    "vurdering": 40,
}
LINE_HEIGHT = 15  # points per line of 11-point text
DATE_FORMAT = "[$-406]d. mmmm yyyy"  # Danish month names in Excel and LibreOffice
HEADER_FILL = PatternFill("solid", start_color="1F3864", end_color="1F3864")
BAND_FILL = PatternFill("solid", start_color="EEF2F7", end_color="EEF2F7")
TOP_WRAP = Alignment(wrap_text=True, vertical="top")
DATE_ALIGN = Alignment(horizontal="left", vertical="top")


def text_cell(ws: Worksheet, row: int, column: int, value: str) -> None:
    """Store text as a string cell: never a formula, characters XML cannot hold removed."""
    cell = ws.cell(row=row, column=column, value=ILLEGAL_CHARACTERS_RE.sub("", value))
    cell.data_type = "s"


def _header(ws: Worksheet, names: list[str], widths: Sequence[float]) -> None:
    """Styled header row, column widths, frozen header, autofilter and print settings."""
    for column, (name, width) in enumerate(zip(names, widths, strict=True), start=1):
        text_cell(ws, 1, column, name)
        cell = ws.cell(row=1, column=column)
        cell.font = Font(bold=True, color="FFFFFF")
        cell.fill = HEADER_FILL
        cell.alignment = Alignment(wrap_text=True, vertical="center")
        ws.column_dimensions[cell.column_letter].width = width
    ws.freeze_panes = "A2"
    ws.print_title_rows = "1:1"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True


def _lines(text: str, width: float) -> int:
    """How many lines wrapped text needs in a column of this width (an estimate, rounded up)."""
    per_line = max(1, int(width) - 1)
    return sum(max(1, -(-len(part) // per_line)) for part in text.split("\n"))


def _fit_height(ws: Worksheet, row: int, texts: Sequence[str], widths: Sequence[float]) -> None:
    """Set the row tall enough for its wrapped text (not every spreadsheet program does it)."""
    lines = max(_lines(t, w) for t, w in zip(texts, widths, strict=True))
    if lines > 1:
        ws.row_dimensions[row].height = lines * LINE_HEIGHT


def _finish(ws: Worksheet) -> None:
    """Autofilter over everything written."""
    ws.auto_filter.ref = ws.dimensions


def _overview(ws: Worksheet, rounds: list[Round]) -> None:
    """One line per change, grouped by clause, with each round's notes after its rows."""
    keys = [key for key, _ in COLUMNS]
    widths = [WIDTHS[k] for k in keys]
    _header(ws, [name for _, name in COLUMNS], widths)
    band, last = False, ("", "")
    for r, record in enumerate(records(rounds), start=2):
        group = (record["runde"], record["punkt"])
        if group != last:
            band, last = not band, group
        for c, key in enumerate(keys, start=1):
            if key == "dato" and record["dato_iso"]:
                cell = ws.cell(row=r, column=c, value=dt.date.fromisoformat(record["dato_iso"]))
                cell.number_format = DATE_FORMAT
                cell.alignment = DATE_ALIGN
            else:
                text_cell(ws, r, c, record[key])
                cell = ws.cell(row=r, column=c)
                cell.alignment = TOP_WRAP
            if band:
                cell.fill = BAND_FILL
        _fit_height(ws, r, [record[k] for k in keys], widths)
    _finish(ws)


def _history(ws: Worksheet, rounds: list[Round]) -> None:
    """Per clause, what each consecutive round did to it and who did it."""
    heads = [f"{r.label} ({r.new.author}, {danish_date(r)})" for r in rounds]
    widths = [6, 28, 20] + [26] * len(rounds)
    _header(ws, ["Nr.", "Overskrift", "Emne", *heads], widths)
    order: dict[str, list[Any]] = {}
    for k, rnd in enumerate(rounds):
        for row in rnd.rows:
            key = row.topic or row.heading
            blank = [""] * len(rounds)
            line = order.setdefault(key, [row.number, row.heading, row.topic_title, *blank])
            line[0], line[1] = row.number or line[0], row.heading
            status = f"{row.clause_status} af {rnd.new.author}"
            if not line[3 + k] or row.clause_status != "ændret":
                line[3 + k] = status
    for r, line in enumerate(order.values(), start=2):
        for c, value in enumerate(line, start=1):
            text_cell(ws, r, c, str(value))
            ws.cell(row=r, column=c).alignment = TOP_WRAP
        _fit_height(ws, r, [str(v) for v in line], widths)
    _finish(ws)


OWN_COLUMNS = (("Version", 24), ("Nr.", 10), ("Overskrift", 28), ("Art", 14),
               ("Forfatter", 18), ("Dato", 14), ("Tekst", 60))  # fmt: skip


def _own(ws: Worksheet, rounds: list[Round]) -> None:
    """Every tracked change a newer version already carried: where, what, who and when."""
    from assembler.compare.overview_prior import own_changes  # only when a version had any

    widths = [w for _, w in OWN_COLUMNS]
    _header(ws, [name for name, _ in OWN_COLUMNS], widths)
    r = 1
    for rnd, changes in own_changes(rounds):
        for change in changes:
            r += 1
            texts = [rnd.new.path.name, change.number, change.heading, change.kind,
                     change.author, "", change.text]  # fmt: skip
            for c, text in enumerate(texts, start=1):
                text_cell(ws, r, c, text)
                ws.cell(row=r, column=c).alignment = TOP_WRAP
            day = danish_day(change.date)
            if day is not None:
                cell = ws.cell(row=r, column=6, value=day)
                cell.number_format = DATE_FORMAT
                cell.alignment = DATE_ALIGN
            _fit_height(ws, r, texts, widths)
    _finish(ws)


def summary_workbook(rounds: list[Round]) -> bytes:
    """The overview sheet, a history sheet when there are three or more versions, and a sheet
    listing a version's own tracked changes when one carried any."""
    wb = Workbook()
    ws = wb.active
    assert ws is not None
    ws.title = "Oversigt"
    _overview(ws, rounds)
    consecutive = rounds[:-1] if len(rounds) > 1 else []
    if consecutive:
        _history(wb.create_sheet("Historik"), consecutive)
    if any(rnd.prior_new for rnd in rounds):
        from assembler.compare.overview_prior import OWN_SHEET

        _own(wb.create_sheet(OWN_SHEET), rounds)
    wb.properties.creator = "aftale"
    buf = io.BytesIO()
    text_only(wb).save(buf)  # headings and text from drafts are untrusted: never formulas
    return restamp_package(buf.getvalue())
