"""Write the Danish clause summary (and the round history) as an .xlsx workbook."""

from __future__ import annotations

import io

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

from assembler.compare.model import Round
from assembler.ooxml.package import restamp_package
from assembler.safeio.cells import text_only

OVERVIEW_HEAD = [
    "Runde",
    "Forfatter",
    "Dato",
    "Nr.",
    "Overskrift",
    "Emne",
    "Ændring",
    "Før",
    "Efter",
    "Afsnit",
]
WIDTHS = [10, 18, 12, 6, 36, 18, 10, 50, 50, 8]


def _header(ws: object, names: list[str], widths: list[int]) -> None:
    """Bold header row, column widths and a frozen first row."""
    ws.append(names)  # type: ignore[attr-defined]
    for k, cell in enumerate(ws[1], start=0):  # type: ignore[index]
        cell.font = Font(bold=True)
        ws.column_dimensions[cell.column_letter].width = widths[k] if k < len(widths) else 20  # type: ignore[attr-defined]
    ws.freeze_panes = "A2"  # type: ignore[attr-defined]


def summary_workbook(rounds: list[Round]) -> bytes:
    """The summary workbook: an overview sheet, plus a history sheet for three or more versions."""
    wb = Workbook()
    ws = wb.active
    ws.title = "Oversigt"
    _header(ws, OVERVIEW_HEAD, WIDTHS)
    for rnd in rounds:
        for c in rnd.clauses:
            ws.append(
                [
                    rnd.label,
                    rnd.new.author,
                    rnd.new.date[:10],
                    c.number,
                    c.heading,
                    c.topic,
                    c.status_da,
                    c.before,
                    c.after,
                    c.paragraphs,
                ]
            )
        for note in rnd.notes:
            ws.append(
                [rnd.label, rnd.new.author, rnd.new.date[:10], "", "Bemærkning", "", "", note]
            )
    for row in ws.iter_rows(min_row=2):
        for cell in row[7:9]:
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    consecutive = rounds[:-1] if len(rounds) > 1 else []
    if consecutive:
        hist = wb.create_sheet("Historik")
        names = ["Nr.", "Overskrift", "Emne"] + [
            f"{r.label} ({r.new.author}, {r.new.date[:10]})" for r in consecutive
        ]
        _header(hist, names, [6, 36, 18] + [28] * len(consecutive))
        order: list[tuple[str, str]] = []
        table: dict[tuple[str, str], dict[int, str]] = {}
        numbers: dict[tuple[str, str], tuple[str, str]] = {}
        for k, rnd in enumerate(consecutive):
            for c in rnd.clauses:
                key = (c.topic or c.heading, c.heading if not c.topic else "")
                if key not in table:
                    order.append(key)
                    table[key] = {}
                numbers[key] = (c.number, c.heading)
                table[key][k] = f"{c.status_da} af {rnd.new.author}"
        for key in order:
            number, heading = numbers[key]
            topic = key[0] if not key[1] else ""
            hist.append(
                [number, heading, topic] + [table[key].get(k, "") for k in range(len(consecutive))]
            )
    buf = io.BytesIO()
    text_only(wb).save(buf)  # headings and text from drafts are untrusted: never formulas
    return restamp_package(buf.getvalue())
